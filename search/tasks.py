"""Background work of the search app (django-tasks)."""

import logging

from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def sync_search_index() -> dict:
    """Drain the indexing outbox into the engine. An engine that is down leaves the rows for later."""
    from .indexing import drain, pending_count

    try:
        result = drain()
    except Exception:
        logger.exception("search: the engine did not take the pending updates; they stay in the outbox")
        return {"indexed": 0, "deleted": 0, "remaining": pending_count(), "failed": True}
    return {"indexed": result.indexed, "deleted": result.deleted, "remaining": result.remaining, "failed": False}
