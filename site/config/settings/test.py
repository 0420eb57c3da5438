"""Tests: fast hashing, mail kept in memory, tasks run at once, media in a throwaway folder."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import DATABASES

DEBUG = False
SECRET_KEY = "test-only-insecure-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = tempfile.mkdtemp(prefix="touchstone-test-media-")
PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="touchstone-test-private-")
WAGTAILADMIN_BASE_URL = "http://testserver"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STATIC_ROOT = None
# django-axes needs the request at every login, which the test client's login() does not pass; tests of
# the lockout turn it on with override_settings(AXES_ENABLED=True).
AXES_ENABLED = False
# Many tests sign up and reset passwords from one address; the throttling tests set their own low rates.
ACCOUNTS_SIGNUP_RATE = "1000/h"
ACCOUNTS_PASSWORD_RESET_RATE = "1000/h"
ACCOUNTS_PASSWORD_RESET_EMAIL_RATE = "1000/h"

# A file, not memory, for the SQLite test database: every thread then has its own connection and
# waits for the write lock like a real deployment does, so concurrency tests run on SQLite too.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": str(Path(tempfile.gettempdir()) / f"touchstone-test-{os.getpid()}.sqlite3")}

# Kept pages in memory, emptied before each test (tests/conftest.py).
CACHES = {  # noqa: F405
    **CACHES,  # noqa: F405
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
    "sessions": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "sessions"},
}

# The demo's synthetic learners stay out of the many tests that load the demo and count its rows (and
# would slow each load); tests/reports turn them on where they are the subject.
DEMO_SYNTHETIC_LEARNERS = False
