from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal.views import requests as request_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("dokumen/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    # Requests for cooperation from outside: before Wagtail's catch-all page route.
    path("ajukan-kerja-sama/", request_views.RequestFormView.as_view(), name="external_request_form"),
    path("ajukan-kerja-sama/terkirim/", request_views.RequestReceivedView.as_view(), name="external_request_received"),
    path("ajukan-kerja-sama/status/", request_views.RequestStatusView.as_view(), name="external_request_status"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
