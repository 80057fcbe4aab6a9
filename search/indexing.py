"""Keeping the index in step with the register: an outbox in the database, drained by a task.

`schedule_reindex()` writes the ids inside the caller's transaction, so the note that an
agreement changed commits or rolls back with the change itself. After the commit the
`sync_search_index` task drains the outbox into the engine. When the engine is down the rows
stay, and the next task or `manage.py search_sync` catches up; a save never fails because of search.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction

from .engines import get_engine
from .engines.base import SearchEngine
from .models import PendingIndexUpdate
from .records import records_for

logger = logging.getLogger(__name__)

DRAIN_BATCH = 200


@dataclass(frozen=True)
class SyncResult:
    indexed: int
    deleted: int
    remaining: int


def schedule_reindex(agreement_ids: Iterable[int | None]) -> None:
    """Note these agreements for reindexing and, once the transaction commits, start the sync task."""
    ids = sorted({int(pk) for pk in agreement_ids if pk})
    if not ids:
        return
    PendingIndexUpdate.objects.bulk_create([PendingIndexUpdate(agreement_id=pk) for pk in ids])
    transaction.on_commit(enqueue_sync)


def enqueue_sync() -> None:
    """Start the sync task; a task backend that fails leaves the outbox for `search_sync`."""
    from .tasks import sync_search_index

    try:
        sync_search_index.enqueue()
    except Exception:
        logger.exception("search: could not enqueue sync_search_index; the outbox keeps the update")


def pending_count() -> int:
    return PendingIndexUpdate.objects.count()


def drain(*, engine: SearchEngine | None = None, batch_size: int = DRAIN_BATCH) -> SyncResult:
    """Write every pending agreement to the engine (deleting the ones that no longer exist).

    Rows are removed only after the engine took their batch, and only up to the newest row read,
    so a change noted meanwhile is synced by the next run. Engine errors propagate with the rows kept.
    """
    engine = engine or get_engine()
    indexed = deleted = 0
    while True:
        rows = list(PendingIndexUpdate.objects.order_by("pk").values_list("pk", "agreement_id")[:batch_size])
        if not rows:
            break
        last_pk = rows[-1][0]
        ids = {agreement_id for _pk, agreement_id in rows}
        records = list(records_for(ids))
        gone = ids - {record.id for record in records}
        if records:
            indexed += engine.index(records)
        if gone:
            engine.delete(sorted(gone))
            deleted += len(gone)
        engine.refresh()
        PendingIndexUpdate.objects.filter(pk__lte=last_pk, agreement_id__in=ids).delete()
    return SyncResult(indexed=indexed, deleted=deleted, remaining=pending_count())
