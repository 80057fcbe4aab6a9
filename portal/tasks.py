"""Background tasks of the portal (django-tasks): thin wrappers around `portal.open_data.bulk`.

Immediate backend in dev and tests (runs at once); in production the django-tasks-db backend
and ``manage.py db_worker`` run them.
"""

from django_tasks import task


@task()
def build_open_data_file(name: str) -> bool:
    """Rebuild one bulk file if the register changed since it was built; True if it was rebuilt.

    Enqueued when someone downloads a stale file. The version is checked again here, so a
    rebuild already done by cron (or by an earlier task) costs five aggregates, not a build.
    """
    from .open_data.bulk import build_open_data

    return any(outcome.built for outcome in build_open_data(names=[name]))
