"""Where agreement documents are stored: a storage kept apart from the public media."""

from django.core.files.storage import Storage, storages


def document_storage() -> Storage:
    """Resolved at call time so tests and deployments can swap the "documents" storage."""
    return storages["documents"]
