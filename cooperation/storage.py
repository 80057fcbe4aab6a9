"""Where agreement documents are stored: a storage kept apart from the public media.

Local disk by default (PRIVATE_MEDIA_ROOT, outside MEDIA_ROOT); a private S3 bucket when
AWS_STORAGE_BUCKET_NAME is set (cooperation.storage_s3, docs/storage.md). Either way the only way
to a file is Wagtail's serve view, after the permission check in cooperation.wagtail_hooks.
"""

import functools
from collections.abc import Callable

from django.core.files.storage import Storage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http.response import HttpResponseRedirectBase
from django.utils.cache import patch_cache_control
from django.utils.functional import LazyObject, empty


class DocumentStorage(LazyObject):
    """Resolves the "documents" storage on first use, so settings decide it, not import order."""

    def _setup(self) -> None:
        self._wrapped = storages["documents"]


_documents = DocumentStorage()


def document_storage() -> Storage:
    """The FileField's storage: one lazy object, resolved again whenever STORAGES changes."""
    return _documents


@receiver(setting_changed)
def _forget_resolved_storage(*, setting: str, **kwargs) -> None:
    # override_settings(STORAGES=…) in tests: Django resets its own storage handler, this the field's.
    if setting == "STORAGES":
        _documents._wrapped = empty


def no_store_redirects(view: Callable) -> Callable:
    """Keep every cache from storing the serve view's redirects.

    On S3 a redirect carries a presigned URL meant for the user whose permission was just checked:
    a shared cache must never hand it to the next visitor. Files served from disk are untouched.
    """

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if isinstance(response, HttpResponseRedirectBase):
            patch_cache_control(response, private=True, no_store=True)
        return response

    return wrapped
