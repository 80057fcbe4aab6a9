"""Settings shared by every environment; everything that differs comes from the environment."""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cooperation",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.sitemaps",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    # After wagtail.admin: its ready() replaces Wagtail's workflow e-mails with our own.
    "portal",
    "modelcluster",
    "taggit",
    "django_filters",
    "ninja",  # the public API (portal/api); serves Swagger UI from our own static files, no CDN
    "corsheaders",
    "django_tasks_db",  # the production tasks backend's table (production.py); harmless with the Immediate one
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.IndonesianByDefaultMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "portal.api.middleware.ApiConditionalGetMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Indonesian first, English second; the admin follows the user's own preference.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Jakarta")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Agreement documents live apart from MEDIA_ROOT so no web server can hand them out
# without the permission check in the document serve view.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "documents": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT), "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "Si Mbois Ker")
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = True
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Full-text search over agreements and their documents (the search app): "" = the database
# engine; "opensearch://host:9200" or "elasticsearch://host:9200" for a cluster (docs/search.md).
SEARCH_URL = os.environ.get("SEARCH_URL", "")

# Every document download goes through Wagtail's serve view, where the classification
# check runs; restricted files never get a direct storage URL.
WAGTAILDOCS_DOCUMENT_MODEL = "cooperation.AgreementDocument"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx"]  # checked by content too: cooperation.uploads
# Monev evidence photos open in the browser like PDFs; their content was checked on upload.
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf", "text/plain", "image/jpeg", "image/png"]

# Documents on S3 (docs/storage.md): with a bucket name, agreement documents live in a private bucket
# of any S3-compatible server (AWS, MinIO, versitygw, Ceph). The serve view still checks the user,
# then redirects to a presigned URL that lives AWS_QUERYSTRING_EXPIRE seconds. Credentials:
# AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, or boto3's usual chain (instance role) when unset.
# Public media (images) stay in the "default" storage on local disk.
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["documents"] = {
        "BACKEND": "cooperation.storage_s3.PrivateDocumentStorage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            # Path style suits MinIO, versitygw and Ceph; AWS itself takes "virtual" (or unset).
            "addressing_style": os.environ.get(
                "AWS_S3_ADDRESSING_STYLE", "path" if os.environ.get("AWS_S3_ENDPOINT_URL") else ""
            )
            or None,
            "signature_version": "s3v4",
            "location": os.environ.get("AWS_LOCATION", "documents"),
            "default_acl": None,  # no ACL header: objects stay as private as the bucket
            "querystring_auth": True,
            "querystring_expire": int(os.environ.get("AWS_QUERYSTRING_EXPIRE", "60")),
            "file_overwrite": False,
        },
    }
    WAGTAILDOCS_SERVE_METHOD = "redirect"

# The region this installation serves: data, not code.
# Aggregates over the whole public register (facet counts, statistics, headline figures) are
# cached per catalogue version; this only bounds how long a renamed sector or partner keeps its old label.
PUBLIC_CACHE_SECONDS = int(os.environ.get("PUBLIC_CACHE_SECONDS", "300"))
COOPERATION_REGION_NAME = os.environ.get("REGION_NAME", "Pemerintah Kota Malang")
COOPERATION_REGION_NAME_EN = os.environ.get("REGION_NAME_EN", "Malang City Government")
COOPERATION_EXPIRY_WARNING_MONTHS = 6
# Monev (cooperation/models/monev.py): a period's report is due this many days after the period
# closes; the agency is reminded this many days before the due date.
COOPERATION_MONEV_DUE_DAYS = int(os.environ.get("MONEV_DUE_DAYS", "30"))
COOPERATION_MONEV_REMINDER_DAYS = int(os.environ.get("MONEV_REMINDER_DAYS", "14"))
# Overdue reminders go out once, for reports that fell due within this many days; older gaps show
# on the dashboard instead of flooding inboxes on the first run.
COOPERATION_MONEV_OVERDUE_REMINDER_WINDOW_DAYS = int(os.environ.get("MONEV_OVERDUE_REMINDER_WINDOW_DAYS", "90"))
# Reminders that an agreement is ending go out this many months before its end date.
COOPERATION_EXPIRY_REMINDER_MONTHS = [
    int(months) for months in os.environ.get("EXPIRY_REMINDER_MONTHS", "6,3,1").split(",") if months.strip()
]
# Uploads (cooperation/uploads.py): the largest file accepted, in MB, on every upload form.
COOPERATION_MAX_UPLOAD_MB = int(os.environ.get("MAX_UPLOAD_MB", "20"))
# Requests for cooperation from outside (the public form): how many files one request may carry,
# and how many requests one address may send per hour and one contact e-mail per day.
COOPERATION_MAX_ATTACHMENTS = int(os.environ.get("MAX_ATTACHMENTS", "10"))
COOPERATION_REQUESTS_PER_HOUR = int(os.environ.get("REQUESTS_PER_HOUR", "5"))
COOPERATION_REQUESTS_PER_EMAIL_PER_DAY = int(os.environ.get("REQUESTS_PER_EMAIL_PER_DAY", "5"))
# How many reverse proxies (nginx, a load balancer) stand in front of the application and append
# to X-Forwarded-For. 0 trusts only REMOTE_ADDR; behind the documented nginx set it to 1, or every
# visitor would share the proxy's address and its rate limit.
COOPERATION_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# The open-data publication (portal/api, portal/open_data, docs/api.md).
# OCDS identifiers are "<prefix>-<agreement id>"; register a prefix with the Open Contracting
# Partnership (ocds-xxxxxx) before publishing for real.
OPEN_DATA_OCID_PREFIX = os.environ.get("OCID_PREFIX", "ocds-simker")
OPEN_DATA_LICENSE_URL = os.environ.get("OPEN_DATA_LICENSE_URL", "https://creativecommons.org/licenses/by/4.0/")
OPEN_DATA_CONTACT_EMAIL = os.environ.get("OPEN_DATA_CONTACT_EMAIL", "")
OPEN_DATA_MAX_PAGE_SIZE = int(os.environ.get("API_MAX_PAGE_SIZE", "100"))
# The API is read-only and public: any origin may GET it from a browser.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Link"]

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "simboisker@localhost")

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

LOGIN_URL = "wagtailadmin_login"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000
WAGTAIL_FINISH_WORKFLOW_ACTION = "cooperation.workflow_actions.finish_workflow"
