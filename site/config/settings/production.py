"""Production: everything secret or site-specific must come from the environment (see README)."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, env, env_bool, env_list

DEBUG = False

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("Set SECRET_KEY in the environment.")
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured("Set ALLOWED_HOSTS in the environment.")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3" and not env_bool("ALLOW_SQLITE"):
    raise ImproperlyConfigured("Set DATABASE_URL to a PostgreSQL database (or ALLOW_SQLITE=true for a single node).")

STORAGES = {
    "default": {"BACKEND": env("DEFAULT_FILE_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage")},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Wagtail shows page previews in a same-origin frame, so DENY would break the editor.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS") or [f"https://{host}" for host in ALLOWED_HOSTS if host != "*"]  # noqa: F405

DB_CONN = DATABASES["default"]
DB_CONN["CONN_MAX_AGE"] = int(env("DB_CONN_MAX_AGE", "60"))
DB_CONN["CONN_HEALTH_CHECKS"] = True
