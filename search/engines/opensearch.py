"""The OpenSearch 2/3 engine, through opensearch-py.

Queries and mappings come from search.engines.dsl and the index upkeep from search.engines.cluster;
this module only adapts the client and turns its errors into SearchUnavailable / QueryError.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from opensearchpy import OpenSearch, helpers
from opensearchpy.exceptions import ConnectionError as ClientConnectionError
from opensearchpy.exceptions import NotFoundError, RequestError, TransportError

from . import dsl
from .cluster import (
    BULK_CHUNK_BYTES,
    BULK_CHUNK_DOCS,
    BULK_TIMEOUT,
    REQUEST_TIMEOUT,
    ClusterEngine,
    _Missing,
    query_error,
    unavailable,
)


def _call(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run a client call; an unreachable or failing cluster becomes SearchUnavailable."""
    try:
        return function(*args, **kwargs)
    except ClientConnectionError as error:  # refused, timed out, TLS: includes ConnectionTimeout
        raise unavailable(error) from error
    except TransportError as error:
        status = error.status_code if isinstance(error.status_code, int) else 0
        if status in (401, 403, 429) or status >= 500:
            raise unavailable(error) from error
        raise


class OpenSearchEngine(ClusterEngine):
    name = "opensearch"

    def _make_client(self) -> OpenSearch:
        return OpenSearch(
            hosts=self.hosts,
            http_auth=self.http_auth,
            verify_certs=self.verify_certs,
            ssl_show_warn=self.verify_certs,
            timeout=REQUEST_TIMEOUT,
            max_retries=1,
            retry_on_timeout=False,
            http_compress=True,
        )

    def _create_index(self, name: str, *, aliases: dict[str, Any] | None = None) -> None:
        body: dict[str, Any] = {"settings": dsl.index_settings(), "mappings": dsl.index_mappings()}
        if aliases:
            body["aliases"] = aliases
        try:
            _call(self.client.indices.create, index=name, body=body, params={"request_timeout": BULK_TIMEOUT})
        except RequestError as error:
            if error.error != "resource_already_exists_exception":
                raise

    def _indices(self, pattern: str) -> list[str]:
        found = _call(self.client.indices.get, index=pattern, params={"ignore_unavailable": "true"})
        return sorted(found)

    def _alias_indices(self) -> list[str]:
        try:
            return sorted(_call(self.client.indices.get_alias, name=self.alias))
        except NotFoundError:
            return []

    def _update_aliases(self, actions: list[dict[str, Any]]) -> None:
        _call(self.client.indices.update_aliases, body={"actions": actions})

    def _delete_indices(self, names: list[str]) -> None:
        for start in range(0, len(names), 50):  # keep the URL short
            _call(
                self.client.indices.delete,
                index=",".join(names[start : start + 50]),
                params={"ignore_unavailable": "true", "request_timeout": BULK_TIMEOUT},
            )

    def _put_settings(self, name: str, settings: dict[str, Any]) -> None:
        _call(self.client.indices.put_settings, index=name, body=settings)

    def _refresh(self, name: str) -> None:
        _call(self.client.indices.refresh, index=name, params={"request_timeout": BULK_TIMEOUT})

    def _bulk(self, actions: Iterable[dict[str, Any]]) -> Iterator[bool]:
        results = helpers.streaming_bulk(
            self.client,
            actions,
            chunk_size=BULK_CHUNK_DOCS,
            max_chunk_bytes=BULK_CHUNK_BYTES,
            max_retries=2,
            ignore_status=(404,),  # deleting what is not there
            request_timeout=BULK_TIMEOUT,
        )
        iterator = iter(results)
        while True:
            try:
                ok, _item = _call(next, iterator)
            except StopIteration:
                return
            yield ok

    def _search(self, body: dict[str, Any]) -> dict[str, Any]:
        try:
            return _call(self.client.search, index=self.alias, body=body)
        except NotFoundError as error:
            raise _Missing(self.alias) from error
        except RequestError as error:
            raise query_error() from error

    def _ping(self) -> bool:
        return self.client.ping()
