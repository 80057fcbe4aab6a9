"""Background tasks of the cooperation app (django-tasks): thin wrappers around services.

Immediate backend in dev and tests (runs at once, after the commit that enqueued it); in
production the django-tasks-db backend and ``manage.py db_worker`` run them.
"""

from django_tasks import task

from .services.document_text import extract_document_text


@task()
def extract_document_text_task(document_id: int) -> str:
    """Read the text of one document's pages (unless that is done already); returns its text status."""
    return extract_document_text(document_id=document_id, only_if_pending=True).status
