from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.decorators.clickjacking import xframe_options_sameorigin
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents.views import serve as document_serve

from cooperation.storage import no_store_redirects
from portal.api import api, not_found_view
from portal.views import requests as request_views
from portal.views import seo

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document routes, with the files allowed inside our own viewer page (<object>). On S3 the
    # view answers a redirect to a presigned URL after the permission check: never stored by a cache.
    re_path(
        r"^dokumen/(\d+)/(.*)$",
        xframe_options_sameorigin(no_store_redirects(document_serve.serve)),
        name="wagtaildocs_serve",
    ),
    path(
        "dokumen/authenticate_with_password/<int:restriction_id>/",
        document_serve.authenticate_with_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    path("api/v1/", api.urls),
    re_path(r"^api/(?P<rest>.*)$", not_found_view),
    path("i18n/", include("django.conf.urls.i18n")),
    path("robots.txt", seo.robots_txt, name="robots_txt"),
    path("sitemap.xml", seo.sitemap_index, name="sitemap_index"),
    path("sitemap-<str:section>.xml", seo.sitemap_section, name="sitemap_section"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Indonesian at the root, English under /en/: the same paths, so the language switch is a prefix.
urlpatterns += i18n_patterns(
    # Requests for cooperation from outside: before Wagtail's catch-all page route.
    path("ajukan-kerja-sama/", request_views.RequestFormView.as_view(), name="external_request_form"),
    path("ajukan-kerja-sama/terkirim/", request_views.RequestReceivedView.as_view(), name="external_request_received"),
    path("ajukan-kerja-sama/status/", request_views.RequestStatusView.as_view(), name="external_request_status"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
