"""The Elasticsearch 8/9 engine, through the `elasticsearch` client and its `elasticsearch.dsl` module.

The query bodies are the ones OpenSearch gets (search.engines.dsl); they run through
`elasticsearch.dsl.Search(...).update_from_dict(body)`, mappings and index upkeep through the client.
Elasticsearch cannot run on the CI machines (docs/opensearch.md): its conformance run happens
wherever ELASTICSEARCH_URL is set.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from elastic_transport import TransportError
from elasticsearch import ApiError, BadRequestError, Elasticsearch, NotFoundError, helpers
from elasticsearch.dsl import Search

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


def _error_type(error: ApiError) -> str:
    body = error.body if isinstance(error.body, dict) else {}
    cause = body.get("error")
    return cause.get("type", "") if isinstance(cause, dict) else ""


def _call(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run a client call; an unreachable or failing cluster becomes SearchUnavailable."""
    try:
        return function(*args, **kwargs)
    except TransportError as error:  # refused, timed out, TLS
        raise unavailable(error) from error
    except ApiError as error:
        if error.status in (401, 403, 429) or error.status >= 500:
            raise unavailable(error) from error
        raise


class ElasticsearchEngine(ClusterEngine):
    name = "elasticsearch"

    def _make_client(self) -> Elasticsearch:
        return Elasticsearch(
            hosts=self.hosts,
            basic_auth=self.http_auth,
            verify_certs=self.verify_certs,
            ssl_show_warn=self.verify_certs,
            request_timeout=REQUEST_TIMEOUT,
            max_retries=1,
            retry_on_timeout=False,
            http_compress=True,
        )

    @property
    def _slow(self) -> Elasticsearch:
        """The client with the long timeout that bulk loads, refreshes and index creation need."""
        return self.client.options(request_timeout=BULK_TIMEOUT)

    def _create_index(self, name: str, *, aliases: dict[str, Any] | None = None) -> None:
        try:
            _call(
                self._slow.indices.create,
                index=name,
                settings=dsl.index_settings(),
                mappings=dsl.index_mappings(),
                aliases=aliases or None,
            )
        except BadRequestError as error:
            if _error_type(error) != "resource_already_exists_exception":
                raise

    def _indices(self, pattern: str) -> list[str]:
        return sorted(_call(self.client.indices.get, index=pattern, ignore_unavailable=True).body)

    def _alias_indices(self) -> list[str]:
        try:
            return sorted(_call(self.client.indices.get_alias, name=self.alias).body)
        except NotFoundError:
            return []

    def _update_aliases(self, actions: list[dict[str, Any]]) -> None:
        _call(self.client.indices.update_aliases, actions=actions)

    def _delete_indices(self, names: list[str]) -> None:
        for start in range(0, len(names), 50):
            _call(self._slow.indices.delete, index=",".join(names[start : start + 50]), ignore_unavailable=True)

    def _put_settings(self, name: str, settings: dict[str, Any]) -> None:
        _call(self.client.indices.put_settings, index=name, settings=settings)

    def _refresh(self, name: str) -> None:
        _call(self._slow.indices.refresh, index=name)

    def _bulk(self, actions: Iterable[dict[str, Any]]) -> Iterator[bool]:
        results = helpers.streaming_bulk(
            self._slow,
            actions,
            chunk_size=BULK_CHUNK_DOCS,
            max_chunk_bytes=BULK_CHUNK_BYTES,
            max_retries=2,
            ignore_status=(404,),  # deleting what is not there
        )
        iterator = iter(results)
        while True:
            try:
                ok, _item = _call(next, iterator)
            except StopIteration:
                return
            yield ok

    def _search(self, body: dict[str, Any]) -> dict[str, Any]:
        search = Search(using=self.client, index=self.alias).update_from_dict(body)
        try:
            return _call(search.execute).to_dict()
        except NotFoundError as error:
            raise _Missing(self.alias) from error
        except BadRequestError as error:
            raise query_error() from error

    def _ping(self) -> bool:
        return self.client.ping()
