"""Settings shared by every environment. Values that differ per deployment come from the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

SITE_DIR = Path(__file__).resolve().parent.parent.parent  # <repo>/site
BASE_DIR = SITE_DIR.parent  # <repo>


def env(name: str, default: str | None = None) -> str | None:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    if value.strip().lower() in {"1", "true", "yes", "on"}:
        return True
    if value.strip().lower() in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = env("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Touchstone
    "home",
    "search",
    "reports",
    "accounts",
    "teams",
    "courses",
    "quizzes",
    "credit",
    "events",
    "pagecache",
    # Wagtail
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "polymorphic",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # First, so every limit below sees the visitor's address rather than the proxy's (TRUSTED_PROXY_COUNT).
    "config.security.ClientAddressMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "config.security.SitePolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Refuses an oversized body by its Content-Length before anything reads it (CSRF's check reads the
    # POST only later, in process_view).
    "config.security.RequestSizeMiddleware",
    # Whole public pages for visitors without a session (site/pagecache). After sessions, CSRF, sign-in and
    # messages, so it sees whether a page gave out a CSRF token, a message or a cookie and never keeps those.
    "pagecache.middleware.PageCacheMiddleware",
    # Where an address leads, per page-cache generation, so pages made afresh skip Wagtail's tree walk.
    "pagecache.routes.PageRouteMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "config.middleware.AdminPagePermissionMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out login into our lockout page.
    "axes.middleware.AxesMiddleware",
]

# django-axes checks every login (the site's and the Wagtail admin's) before the usual password check.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # ModelBackend with the signed-in person's row kept until it is saved (accounts/backends.py).
    "accounts.backends.KeptUserBackend",
    # Still listed so sessions signed in before KeptUserBackend existed stay signed in.
    "django.contrib.auth.backends.ModelBackend",
]

# How many reverse proxies of our own stand in front of gunicorn (nginx: 1). Their X-Forwarded-For entries
# name the visitor; with 0 the header is ignored, since a visitor can send it.
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# SQLite in the project folder unless DATABASE_URL names another database (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(env("DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Wait for a lock instead of failing at once when two requests write together.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
    # Take the write lock when a transaction begins: a transaction that read first and then wants
    # to write (saving a quiz answer, grading an attempt) would otherwise fail with "database is
    # locked" instead of waiting its turn.
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
# Where a new account lands after signing up: the learner dashboard (named here, as accounts sits below credit).
SIGNUP_REDIRECT_URL = "credit:dashboard"
LOGOUT_REDIRECT_URL = "/"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [SITE_DIR / "static"]
STATIC_ROOT = Path(env("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATIC_URL = "/static/"

MEDIA_ROOT = Path(env("MEDIA_ROOT") or BASE_DIR / "media")
MEDIA_URL = "/media/"
# Learner uploads (outside CE certificates) live outside MEDIA_ROOT: only an owner-checked view serves them.
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT") or BASE_DIR / "private-media")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Wagtail's page editor posts many fields for long StreamFields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # Kept public pages: files, so every worker on this server shares them (and the generation that
    # forgets them all at once); Redis, shared by every server, when REDIS_URL is set. Django's file cache,
    # its folder counted on one write in a hundred rather than on each (pagecache.file_cache).
    "pages": {
        "BACKEND": "pagecache.file_cache.FileCache",
        "LOCATION": env("PAGE_CACHE_DIR") or str(BASE_DIR / ".page-cache"),
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
    # Sessions, in front of the database (SESSION_ENGINE below): files, so every worker on this server reads
    # the same ones and a sign-out, which deletes a session from the database and from here, reaches them
    # all; Redis, shared by every server, when REDIS_URL is set. Never a process's own memory, where a
    # session signed out in one worker would live on in another.
    "sessions": {
        "BACKEND": "pagecache.file_cache.FileCache",
        "LOCATION": env("SESSION_CACHE_DIR") or str(BASE_DIR / ".session-cache"),
        "OPTIONS": {"MAX_ENTRIES": 50_000},
    },
}
# A signed-in request reads its session from the cache above, falling back to the database (docs/performance.md).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_CACHE_ALIAS = "sessions"
if env("REDIS_URL"):
    CACHES["default"] = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": env("REDIS_URL")}
    CACHES["sessions"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": env("REDIS_URL"),
        "KEY_PREFIX": "sessions",
    }
    CACHES["pages"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": env("REDIS_URL"),
        "KEY_PREFIX": "pages",
    }

# The page cache (site/pagecache, docs/operations.md "Page cache").
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_ALIAS = "pages"
# How long a kept page lives at most: bounds what only time changes (an event starting, registration closing).
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "300"))
# s-maxage for a CDN or Varnish that Wagtail purges on publish (WAGTAILFRONTENDCACHE); 0 without one.
PAGE_CACHE_SHARED_MAX_AGE = int(env("PAGE_CACHE_SHARED_MAX_AGE", "0"))
# The views whose anonymous GETs are kept: Wagtail's pages and the public calendar files.
PAGE_CACHE_VIEWS = ["wagtail_serve", "events:feed", "events:event_calendar"]
# Who is given each page as the database holds it now, not the copy kept with its route (pagecache.routes):
# a function of the request. Authors, whose user bar reads a page's draft state, which a draft save changes
# without starting a new generation.
PAGE_CACHE_AUTHOR_TEST = "home.authoring.may_author"
# Records that pages show besides pages, snippets and settings: saving or deleting one forgets every page.
PAGE_CACHE_MODELS = [
    "events.Registration",  # places left and "full" on event pages and listings
    "credit.RequirementRule",  # a renewal requirement's rules, kept for the dashboard (a profile is a snippet)
    "wagtailcore.PageViewRestriction",  # a page made private must stop being served to everyone
    # A question's parts, kept with it for new attempts (quizzes.question_sets), even if saved on their own.
    "quizzes.SingleChoiceOption",
    "quizzes.MultipleResponseOption",
    "quizzes.MatchingPair",
    "quizzes.OrderingItem",
    "quizzes.CaseStep",
    "quizzes.CaseOption",
    "wagtailcore.Site",
    "wagtailimages.Image",
    "wagtaildocs.Document",
]
# A learner's own records, each with the path to the learner's id: saving or deleting one forgets what that
# learner's dashboard and module pages kept (pagecache.personal). Writes by update() or raw SQL call
# pagecache.personal.forget_learner themselves.
PAGE_CACHE_PERSONAL_MODELS = {
    "auth.User": "pk",  # their own row, kept for sign-in (accounts.backends); is_staff shows the Authoring link
    "credit.Enrolment": "user_id",
    "credit.ModuleProgress": "user_id",
    "credit.CreditRecord": "user_id",
    "credit.Certificate": "record.user_id",
    "credit.OutsideCredit": "user_id",
    "credit.Licence": "user_id",
    "quizzes.QuizAttempt": "user_id",
    "events.Registration": "learner_id",
    "events.SessionAttendance": "registration.learner_id",
}
# Addresses besides pages purged from a CDN when any page changes (the events feed lists every event).
PAGE_CACHE_PURGE_PATHS = ["/calendar/events.ics"]

# A CDN or Varnish in front of the site, purged by wagtail.contrib.frontend_cache on publish.
if env("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": env("FRONTEND_CACHE_PURGE_URL"),
        },
    }
if env("CLOUDFLARE_BEARER_TOKEN"):
    WAGTAILFRONTENDCACHE = {
        "cloudflare": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": env("CLOUDFLARE_BEARER_TOKEN"),
            "ZONEID": env("CLOUDFLARE_ZONEID"),
        },
    }

# Background work (e-mail, exports) goes through the tasks API; a worker runs `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Touchstone <noreply@touchstone.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}

# Wagtail
WAGTAIL_SITE_NAME = "Touchstone"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {
    # The database backend uses PostgreSQL full-text search when the database is PostgreSQL.
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# No Gravatar: the admin would ask gravatar.com for every user's avatar, which shows broken images where
# the server has no network, and hands a third party a hash of each learner's and author's e-mail address.
# Wagtail shows its built-in default avatar instead (or the one a user uploads).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# No upgrade check either: the dashboard would ask releases.wagtail.org, which the admin's
# Content-Security-Policy refuses (connect-src 'self'); upgrades are the maintainers' job, not the authors'.
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Courses
# Seconds a module's rendered body is kept per published revision (docs/operations.md, "Speed").
COURSES_MODULE_BODY_CACHE_SECONDS = int(env("COURSES_MODULE_BODY_CACHE_SECONDS", str(6 * 3600)))

# CE credit (see README, "Learner progress and CE credit")
# Public base URL printed on certificates and in their QR codes; fixed so every download is the same document.
CREDIT_VERIFY_BASE_URL = env("CREDIT_VERIFY_BASE_URL") or WAGTAILADMIN_BASE_URL
# The longest pause between two signs of activity on a module that still counts as study time.
CREDIT_MAX_ACTIVITY_GAP_SECONDS = int(env("CREDIT_MAX_ACTIVITY_GAP_SECONDS", "1800"))
# Outside-CE certificate uploads: PDF, JPEG, PNG or WebP up to this size.
CREDIT_UPLOAD_MAX_BYTES = int(env("CREDIT_UPLOAD_MAX_BYTES", str(5 * 1024 * 1024)))
# Uploads larger than this wait in a temporary file rather than in memory while their size is checked.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Certificate look-ups allowed per client address in a window (seconds), to make guessing codes pointless.
CREDIT_VERIFY_RATE_LIMIT = int(env("CREDIT_VERIFY_RATE_LIMIT", "30"))
CREDIT_VERIFY_RATE_WINDOW = int(env("CREDIT_VERIFY_RATE_WINDOW", "600"))

# Events
# Failed self check-ins allowed per learner in a window ("count/period", django-ratelimit's format), so a
# session's six-character code cannot be guessed from home.
EVENTS_CHECK_IN_RATE = env("EVENTS_CHECK_IN_RATE", "10/10m")

# Security hardening (docs/operations.md, "Security hardening")
# Login throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one username from one address,
# that pair is locked for AXES_COOLOFF minutes. The pair, not the username alone (anyone could then lock a
# therapist out from anywhere) nor the address alone (a clinic or a workshop room shares one address).
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(env("AXES_COOLOFF", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
# Sign-ups and password-reset requests allowed per client address ("count/period", django-ratelimit's format);
# reset requests are also counted per e-mail address, so one inbox can't be flooded from many addresses.
ACCOUNTS_SIGNUP_RATE = env("ACCOUNTS_SIGNUP_RATE", "5/h")
ACCOUNTS_PASSWORD_RESET_RATE = env("ACCOUNTS_PASSWORD_RESET_RATE", "5/h")
ACCOUNTS_PASSWORD_RESET_EMAIL_RATE = env("ACCOUNTS_PASSWORD_RESET_EMAIL_RATE", "3/h")

# Uploads: config.security.SizeCappedUploadHandler stops keeping a file once it passes the limit for its
# address, and RequestSizeMiddleware answers 413 before reading a body larger than that limit plus the form.
FILE_UPLOAD_HANDLERS = [
    "config.security.SizeCappedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
# Room for the form's other fields beside the file (Django caps those at DATA_UPLOAD_MAX_MEMORY_SIZE).
UPLOAD_FORM_OVERHEAD_BYTES = 2_621_440

# Content-Security-Policy (django-csp). Public pages: only our own scripts, styles and pictures, no inline
# script, and no nonce (pages will be cached for visitors, so the header must be the same for everyone).
# Lesson videos play from YouTube's privacy-friendly player, Vimeo or a direct .mp4/.webm link.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "media-src": ["'self'", "https:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
# The Wagtail and Django admins write inline scripts and styles of their own, so their pages get this
# tolerant policy instead (config.security.SitePolicyMiddleware); it still keeps out other sites' code.
CONTENT_SECURITY_POLICY_ADMIN_PREFIXES = ["/admin/", "/django-admin/"]
CONTENT_SECURITY_POLICY_ADMIN = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    "media-src": ["'self'", "https:"],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}

# `load_demo` ends with synthetic learners (reports.demo) so the course reports and quiz statistics have
# figures; set DEMO_SYNTHETIC_LEARNERS=false to leave them out.
DEMO_SYNTHETIC_LEARNERS = env_bool("DEMO_SYNTHETIC_LEARNERS", True)
