"""Agreement documents in a private S3 bucket (any S3-compatible server), handed out by presigned URLs.

Kept out of cooperation.storage so boto3 is imported only when S3 is configured.
"""

import mimetypes
import posixpath

from django.conf import settings
from django.utils.http import content_disposition_header
from storages.backends.s3 import S3Storage


def response_headers_for(name: str) -> dict[str, str]:
    """The type and disposition S3 must answer with, the same Wagtail's own serve view sends.

    A PDF opens inline (the portal's viewer embeds it in <object>); anything else is an attachment
    under its file name.
    """
    filename = posixpath.basename(name)
    extension = posixpath.splitext(filename)[1][1:].lower()
    content_type = (
        getattr(settings, "WAGTAILDOCS_CONTENT_TYPES", {}).get(extension)
        or mimetypes.guess_type(filename)[0]
        or "application/octet-stream"
    )
    inline = content_type in getattr(settings, "WAGTAILDOCS_INLINE_CONTENT_TYPES", ["application/pdf"])
    return {
        "ResponseContentType": content_type,
        "ResponseContentDisposition": content_disposition_header(not inline, filename),
    }


class PrivateDocumentStorage(S3Storage):
    """A bucket with no public access: every URL is presigned, short-lived and names the response type.

    Only Wagtail's serve view asks for a URL (WAGTAILDOCS_SERVE_METHOD = "redirect"), after the
    before_serve_document hooks have checked the user.
    """

    def url(self, name, parameters=None, expire=None, http_method=None):
        parameters = {**response_headers_for(name), **(parameters or {})}
        return super().url(name, parameters=parameters, expire=expire, http_method=http_method)
