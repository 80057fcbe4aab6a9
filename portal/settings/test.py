from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
PRIVATE_MEDIA_ROOT = BASE_DIR / ".test-private-media"  # noqa: F405
# Documents stay on local disk even when the S3 variables are exported (.ci/run exports them for
# tests/storage, which switch to the bucket themselves).
STORAGES["documents"] = {  # noqa: F405
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT), "base_url": None},
}
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# The suite runs on SQLite by default and on PostgreSQL when DATABASE_URL points at one
# (`make test` does that with POSTGRES_URL); pytest-django then creates and drops
# test_<name>, so the role needs CREATEDB. No persistent connections: a connection held
# open by a finished test would block dropping the test database.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = False  # noqa: F405
