"""Where agreement documents are stored: a storage kept apart from the public media."""

from django.core.files.storage import Storage, storages
from django.utils.functional import LazyObject


class DocumentStorage(LazyObject):
    """Resolves the "documents" storage on first use, so settings decide it, not import order."""

    def _setup(self) -> None:
        self._wrapped = storages["documents"]


def document_storage() -> Storage:
    return DocumentStorage()
