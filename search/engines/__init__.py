"""The engine named by SEARCH_URL.

"" or "database": the database engine (SQLite FTS5 / PostgreSQL full-text search);
"opensearch://host:9200" or "opensearchs://user:pass@host:9200" (TLS); the same with "elasticsearch".
Several hosts are comma separated (`opensearch://a:9200,b:9200`), `?index=name` sets the index prefix.
"""

from __future__ import annotations

import importlib
import threading
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import DEFAULT_INDEX_PREFIX, EngineSettings, SearchEngine

# engine name -> (module, class); modules are imported only when their engine is configured, so
# the database engine never needs opensearch-py or elasticsearch installed.
ENGINES = {
    "database": ("search.engines.database", "DatabaseEngine"),
    "opensearch": ("search.engines.opensearch", "OpenSearchEngine"),
    "elasticsearch": ("search.engines.elasticsearch", "ElasticsearchEngine"),
}
_SCHEMES = {
    "opensearch": ("opensearch", "http"),
    "opensearchs": ("opensearch", "https"),
    "elasticsearch": ("elasticsearch", "http"),
    "elasticsearchs": ("elasticsearch", "https"),
}
_DEFAULT_PORT = 9200

_cache: dict[str, SearchEngine] = {}
_lock = threading.Lock()


def parse_search_url(url: str) -> EngineSettings:
    """Take SEARCH_URL apart; raises ImproperlyConfigured for a scheme nobody knows."""
    url = (url or "").strip()
    if url in ("", "database", "database://", "db"):
        return EngineSettings(engine="database")
    parts = urlsplit(url)
    if parts.scheme not in _SCHEMES:
        raise ImproperlyConfigured(
            f"SEARCH_URL scheme {parts.scheme!r} is not one of: database, {', '.join(sorted(_SCHEMES))}"
        )
    engine, protocol = _SCHEMES[parts.scheme]
    credentials, _, hostlist = parts.netloc.rpartition("@")
    username, _, password = credentials.partition(":")
    hosts = []
    for host in hostlist.split(","):
        host = host.strip()
        if not host:
            continue
        if ":" not in host.rsplit("]", 1)[-1]:
            host = f"{host}:{_DEFAULT_PORT}"
        hosts.append(f"{protocol}://{host}")
    if not hosts:
        raise ImproperlyConfigured("SEARCH_URL names no host")
    query = parse_qs(parts.query)
    prefix = (query.get("index") or [DEFAULT_INDEX_PREFIX])[0].strip().lower() or DEFAULT_INDEX_PREFIX
    verify = (query.get("verify_certs") or ["true"])[0].strip().lower() not in {"0", "false", "no", "off"}
    return EngineSettings(
        engine=engine,
        hosts=tuple(hosts),
        username=unquote(username),
        password=unquote(password),
        index_prefix=prefix,
        verify_certs=verify,
    )


def engine_for(url: str) -> SearchEngine:
    """A new engine for `url` (tests use it to build one per available engine)."""
    config = parse_search_url(url)
    module_name, class_name = ENGINES[config.engine]
    engine_class = getattr(importlib.import_module(module_name), class_name)
    if config.engine == "database":
        return engine_class()
    return engine_class(config)


def get_engine() -> SearchEngine:
    """The configured engine, built once per SEARCH_URL (settings overrides in tests get their own)."""
    from django.conf import settings

    url = getattr(settings, "SEARCH_URL", "") or ""
    engine = _cache.get(url)
    if engine is None:
        with _lock:
            engine = _cache.get(url)
            if engine is None:
                engine = _cache[url] = engine_for(url)
    return engine


def reset_engine_cache() -> None:
    _cache.clear()
