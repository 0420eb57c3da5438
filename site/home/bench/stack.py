"""The production stack on this machine: a fresh PostgreSQL database and gunicorn with production settings.

Nothing here is specific to the benchmark, so other whole-site checks can start the same stack:

    with throwaway_site(database_url=url, settings_module="config.settings.production") as site:
        site.manage("load_demo")
        with Gunicorn(site, workers=2) as server:
            ...  # requests to server.base_url

Every step runs `manage.py` or gunicorn in a child process with the environment a production deployment
would have (see docs/operations.md), so the settings module, not this process's settings, decides.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/touchstone_bench"
# Production trusts this header from its reverse proxy; sending it makes Django treat requests as https.
HTTPS_HEADERS = {"X-Forwarded-Proto": "https"}


class StackError(Exception):
    """A step of starting the stack failed; the message says which and shows the end of its output."""


def repo_dir() -> Path:
    return Path(settings.BASE_DIR)


def _tail(text: str, lines: int = 25) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


# ---------------------------------------------------------------------------------------------
# The database
# ---------------------------------------------------------------------------------------------


def database_name(url: str) -> str:
    """The database a postgres:// URL names; anything else is refused with a readable message."""
    parts = urlsplit(url)
    if parts.scheme not in {"postgres", "postgresql"}:
        raise StackError(f"The database URL must be a PostgreSQL one (postgres://...), not {parts.scheme or url!r}.")
    name = parts.path.lstrip("/")
    if not name or "/" in name:
        raise StackError(f"Name the database at the end of the URL, as in {DEFAULT_DATABASE_URL}.")
    if name in {"postgres", "template0", "template1"}:
        raise StackError(f"Refusing to recreate the server's own database {name!r}: name a throwaway one.")
    return name


def _server_url(url: str) -> str:
    """The same server's maintenance database, from which a database can be dropped and created."""
    return urlunsplit(urlsplit(url)._replace(path="/postgres"))


def recreate_database(url: str) -> None:
    """Drop the named database if it exists (closing its connections) and create it empty."""
    import psycopg
    from psycopg import sql

    name = database_name(url)
    try:
        with psycopg.connect(_server_url(url), autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except psycopg.Error as error:
        raise StackError(f"Could not recreate the database {name!r}: {error}") from error


def drop_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    name = database_name(url)
    with (
        contextlib.suppress(psycopg.Error),
        psycopg.connect(_server_url(url), autocommit=True) as conn,
    ):
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


# ---------------------------------------------------------------------------------------------
# A throwaway site: database, folders and the production environment
# ---------------------------------------------------------------------------------------------


@dataclass
class Site:
    database_url: str
    settings_module: str
    workdir: Path
    env: dict[str, str] = field(default_factory=dict)

    def manage(self, *args: str, timeout: float = 900) -> str:
        """Run a manage.py command against this site; its output, or StackError with the end of it."""
        command = [sys.executable, str(repo_dir() / "manage.py"), *args]
        try:
            done = subprocess.run(
                command, cwd=repo_dir(), env=self.env, capture_output=True, text=True, timeout=timeout, check=False
            )
        except subprocess.TimeoutExpired as error:
            raise StackError(f"`manage.py {' '.join(args)}` took longer than {timeout:.0f} s.") from error
        if done.returncode != 0:
            raise StackError(f"`manage.py {' '.join(args)}` failed:\n{_tail(done.stdout + done.stderr)}")
        return done.stdout


def production_env(
    *, database_url: str, settings_module: str, workdir: Path, extra: dict[str, str] | None = None
) -> dict[str, str]:
    """The environment a production deployment sets (docs/operations.md), pointed at throwaway folders."""
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": settings_module,
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": database_url,
            # No TLS in front of gunicorn here: requests say they came through https (HTTPS_HEADERS) instead.
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "MEDIA_ROOT": str(workdir / "media"),
            "PRIVATE_MEDIA_ROOT": str(workdir / "private-media"),
            "PAGE_CACHE_DIR": str(workdir / "page-cache"),
            "SESSION_CACHE_DIR": str(workdir / "session-cache"),
            "BENCH_STATIC_ROOT": str(workdir / "static"),
            "PYTHONUNBUFFERED": "1",
        }
    )
    env.update(extra or {})
    return env


@contextlib.contextmanager
def throwaway_site(
    *,
    database_url: str,
    settings_module: str = "config.settings.production",
    extra_env: dict[str, str] | None = None,
    keep_database: bool = False,
) -> Iterator[Site]:
    """A freshly migrated site with its static files collected; the database is dropped afterwards."""
    recreate_database(database_url)
    workdir = Path(tempfile.mkdtemp(prefix="touchstone-stack-"))
    try:
        env = production_env(
            database_url=database_url, settings_module=settings_module, workdir=workdir, extra=extra_env
        )
        site = Site(database_url=database_url, settings_module=settings_module, workdir=workdir, env=env)
        site.manage("migrate", "--noinput")
        site.manage("collectstatic", "--noinput")
        yield site
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
        if not keep_database:
            drop_database(database_url)


# ---------------------------------------------------------------------------------------------
# gunicorn
# ---------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Gunicorn:
    """gunicorn serving the site on a free local port, as production runs it; stopped on leaving the block."""

    def __init__(self, site: Site, *, workers: int = 2, port: int = 0, ready_path: str = "/", timeout: float = 60):
        self.site = site
        self.workers = workers
        self.port = port or free_port()
        self.ready_path = ready_path
        self.timeout = timeout
        self.log_path = site.workdir / f"gunicorn-{self.port}.log"
        self.process: subprocess.Popen | None = None

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        return f"http://{self.host}"

    def log_tail(self) -> str:
        try:
            return _tail(self.log_path.read_text(errors="replace"))
        except OSError:
            return ""

    def start(self) -> None:
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "--pythonpath",
            "site",
            "config.wsgi:application",
            "--bind",
            self.host,
            "--workers",
            str(self.workers),
            # gunicorn's control socket has one default path per account, which two servers would share.
            "--no-control-socket",
            "--access-logfile",
            "-" if os.environ.get("STACK_ACCESS_LOG") else "/dev/null",
        ]
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                command, cwd=repo_dir(), env=self.site.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        self._wait_ready()

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise StackError(f"gunicorn stopped while starting:\n{self.log_tail()}")
            try:
                status = self.get(self.ready_path)[0]
            except OSError:
                time.sleep(0.2)
                continue
            if status == 200:
                return
            raise StackError(f"gunicorn answered {self.ready_path} with {status}:\n{self.log_tail()}")
        raise StackError(f"gunicorn did not answer within {self.timeout:.0f} s:\n{self.log_tail()}")

    def get(self, path: str, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
        """One GET through a new connection, as https behind a proxy: (status, body)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request("GET", path, headers={**HTTPS_HEADERS, **(headers or {})})
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            conn.close()

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        # gunicorn's arbiter stops its workers on SIGTERM; the group signal catches any it left behind.
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=5)

    def __enter__(self) -> Gunicorn:
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
