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

# A file, not memory, for the SQLite test database: every thread then has its own connection and
# waits for the write lock like a real deployment does, so concurrency tests run on SQLite too.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": str(Path(tempfile.gettempdir()) / f"touchstone-test-{os.getpid()}.sqlite3")}

# Kept pages in memory, emptied before each test (tests/conftest.py).
CACHES = {**CACHES, "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"}}  # noqa: F405
