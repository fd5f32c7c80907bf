"""DanVan settings. Every deployment value comes from the environment (see README)."""

import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from danvan.env import env, envbool, envint, envlist

BASE_DIR = Path(__file__).resolve().parent.parent

# DANVAN_ENV is "development" (default: DEBUG on, demo-friendly) or "production".
DANVAN_ENV = env("DANVAN_ENV", "development")
if DANVAN_ENV not in {"development", "production"}:
    raise ImproperlyConfigured("DANVAN_ENV must be 'development' or 'production'.")
PRODUCTION = DANVAN_ENV == "production"

DEFAULT_SECRET_KEY = "danvan-development-key-not-for-production"
SECRET_KEY = env("SECRET_KEY", DEFAULT_SECRET_KEY)
DEBUG = envbool("DEBUG", not PRODUCTION)

if PRODUCTION:
    # Refuse to serve real data with settings that leak it.
    if DEBUG:
        raise ImproperlyConfigured("DEBUG must be off when DANVAN_ENV=production.")
    if SECRET_KEY == DEFAULT_SECRET_KEY or len(SECRET_KEY) < 32:
        raise ImproperlyConfigured("Set a SECRET_KEY of at least 32 characters when DANVAN_ENV=production.")

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")
SITE_NAME = env("SITE_NAME", "DanVan")
# The address people reach the site at: links that leave it (e-mails, calendar feeds) are built on it.
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "django_tables2",
    "django_bootstrap5",
    "django_htmx",
    "simple_history",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "danvan",
    "core",
    "orgs",
    "accounts",
    "legal",
    "attachments",
    "plans",
    "training",
    "progress",
    "calendars",
    "indicators",
    "dashboard",
    "registry",
    "ingest",
    "documents",
    "democracy",
    "emulation",
    "inspections",
    "service",
    "citizens",
    "scoring",
    "exports",
    "api",
]

# The test suite also installs a small register built on the house kit (danvan/tests/example_register).
if "pytest" in sys.modules:
    INSTALLED_APPS.append("danvan.tests.example_register")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy and Permissions-Policy (danvan/security.py).
    "danvan.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before anything reads the body: refuses requests larger than any upload (413).
    "danvan.errors.RequestSizeLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns lockouts into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "danvan.urls"
WSGI_APPLICATION = "danvan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "orgs.context_processors.memberships",
                "core.context_processors.menu",
            ],
        },
    },
]

# SQLite (WAL) is the embedded default; PostgreSQL in production and CI via DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=envint("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # ModelBackend, reading the user with their memberships (one query a request).
    "orgs.backends.MembershipModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Repeated failed logins lock the username for a while (django-axes).
AXES_FAILURE_LIMIT = envint("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=envint("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "danvan.views.locked_out"
AXES_VERBOSE = False
# Lock by account, not by address: a whole office often shares one public IP.
SILENCED_SYSTEM_CHECKS = [
    "axes.W006",
    # The reverse proxy redirects HTTP to HTTPS and sends HSTS (README, "Production"), not the app.
    "security.W004",  # SECURE_HSTS_SECONDS
    "security.W008",  # SECURE_SSL_REDIRECT
]

# Users read Vietnamese whatever their browser asks for (no LocaleMiddleware).
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "danvan" / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["danvan.formats"]

STATIC_URL = "static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [
    ("vendor/bootstrap", BASE_DIR / "node_modules" / "bootstrap" / "dist"),
    ("vendor/bootstrap-icons", BASE_DIR / "node_modules" / "bootstrap-icons" / "font"),
    ("vendor/htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist"),
    ("vendor/flatpickr", BASE_DIR / "node_modules" / "flatpickr" / "dist"),
    ("vendor/chart.js", BASE_DIR / "node_modules" / "chart.js" / "dist"),
]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "danvan.staticfiles.StaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Uploads: refuse large request bodies before they reach a view.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_TEMP_DIR = env("FILE_UPLOAD_TEMP_DIR") or None
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
MAX_IMPORT_FILE_SIZE = envint("MAX_IMPORT_FILE_SIZE", 5 * 1024 * 1024)

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "danvan@localhost")

# Database sessions, read by one written query (danvan/sessions.py).
SESSION_ENGINE = "danvan.sessions"

if PRODUCTION:
    SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = envbool("SECURE_COOKIES", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_CONTENT_TYPE_NOSNIFF = True

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "core.paging.ApiPagination",
    "PAGE_SIZE": 25,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "core.api.AutoSchema",
    # A service's ValidationError answers 400 with its Vietnamese message.
    "EXCEPTION_HANDLER": "core.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    # Several objects have a "status": each set of choices keeps its own name in the schema.
    "ENUM_NAME_OVERRIDES": {
        "PlanStatusEnum": "plans.models.PlanStatus",
        "AssignmentStatusEnum": "plans.models.AssignmentStatus",
        "PetitionKindEnum": "citizens.models.PetitionKind",
    },
    "TITLE": "DanVan API",
    "DESCRIPTION": "API của hệ thống quản lý công tác dân vận chính quyền.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI served from our own static files: no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
}

# Background work (plan imports): the database-backed queue, run by `danvan db_worker`.
# TASK_BACKEND=django_tasks.backends.immediate.ImmediateBackend runs tasks inside the request.
TASKS = {"default": {"BACKEND": env("TASK_BACKEND", "django_tasks_db.DatabaseBackend")}}
# Periodic jobs (core/scheduler.py): `danvan scheduler` looks for due jobs this often, and
# claims each due time in a database cache table so that two schedulers never both enqueue it.
SCHEDULER_TICK_SECONDS = envint("SCHEDULER_TICK_SECONDS", 60)
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "scheduler": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "danvan_scheduler"},
    # The public forms' rate-limit counts, shared by every worker (core/public.py); Redis below where set.
    "ratelimit": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "danvan_ratelimit"},
}
RATELIMIT_USE_CACHE = "ratelimit"
# Public forms (/public/…): how often one client address may send each form, how many proxies stand in
# front of the app (0: the connection's address is the client's; n: the n-th address from the right of
# X-Forwarded-For), the largest body, and how fast (seconds) a person can fill a form, and how long it stays valid.
PUBLIC_FORM_RATE = env("PUBLIC_FORM_RATE") or "10/h"
PUBLIC_TRUSTED_PROXIES = envint("PUBLIC_TRUSTED_PROXIES", 0)
PUBLIC_MAX_BODY_BYTES = envint("PUBLIC_MAX_BODY_BYTES", 64 * 1024)
PUBLIC_FORM_MIN_SECONDS = envint("PUBLIC_FORM_MIN_SECONDS", 3)
PUBLIC_FORM_MAX_AGE_SECONDS = envint("PUBLIC_FORM_MAX_AGE_SECONDS", 24 * 3600)
# Exports of longer lists than this are written by the worker (exports app); the files are
# deleted this many days after they were asked for.
EXPORT_SYNC_LIMIT = envint("EXPORT_SYNC_LIMIT", 5000)
# Targets' materialized figures (indicators) are read while computed after the last change of their records
# and not older than this (the nightly refresh renews them); otherwise the pages compute them on demand.
MEASURES_MAX_AGE = timedelta(hours=envint("MEASURES_MAX_AGE_HOURS", 26))
EXPORT_RETENTION_DAYS = envint("EXPORT_RETENTION_DAYS", 7)
# Petitioners' personal data of closed petitions is erased this many days after closing (citizens app).
PETITION_RETENTION_DAYS = envint("PETITION_RETENTION_DAYS", 5 * 365)
# Past one machine: with REDIS_URL, the cache lives in Redis (django-redis) and background tasks
# queue in Redis (django-tasks-rq), run by `danvan worker` on the worker hosts. The scheduler's
# claims stay in the database cache above (its once-per-due-time guarantee needs the transaction).
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES["default"] = {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": REDIS_URL}
    CACHES["ratelimit"] = {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": REDIS_URL,
                           "KEY_PREFIX": "ratelimit"}
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 3600}}
    RQ_SHOW_ADMIN_LINK = True
    if not env("TASK_BACKEND"):
        TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
# With a bucket, stored files (attachments, imports, exports) go to S3-compatible object storage.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL") or None,
            "region_name": env("AWS_S3_REGION_NAME") or None,
            "access_key": env("AWS_ACCESS_KEY_ID") or None,
            "secret_key": env("AWS_SECRET_ACCESS_KEY") or None,
            # Private files: never a public URL; names are never overwritten.
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
# Plans imported from documents: the largest file accepted.
MAX_PLAN_IMPORT_SIZE = envint("MAX_PLAN_IMPORT_SIZE", 20 * 1024 * 1024)
# Reading one: a child process, stopped past this resident memory, CPU time, waiting time or page count.
PARSE_MEMORY_LIMIT_MB = envint("PARSE_MEMORY_LIMIT_MB", 1024)
PARSE_CPU_SECONDS = envint("PARSE_CPU_SECONDS", 120)
PARSE_WALL_SECONDS = envint("PARSE_WALL_SECONDS", 600)
PARSE_MAX_PAGES = envint("PARSE_MAX_PAGES", 300)
# Failed imports, and imports read but never made into a plan, are deleted (row and file) after this.
IMPORT_RETENTION_DAYS = envint("IMPORT_RETENTION_DAYS", 30)
# Files attached to records (attachments app): the largest accepted.
MAX_ATTACHMENT_SIZE = envint("MAX_ATTACHMENT_SIZE", 20 * 1024 * 1024)
# Root certificates (PEM or DER files) that signed PDFs' certificate chains are checked against;
# empty: who signed and whether the file changed are shown, the chain is not checked.
SIGNATURE_TRUST_ROOTS = envlist("SIGNATURE_TRUST_ROOTS")

DJANGO_TABLES2_TEMPLATE = "django_tables2/bootstrap5.html"
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
