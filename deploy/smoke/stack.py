"""The production stack the smoke run builds in a temporary folder: a database, two gunicorn nodes, nginx.

Nothing here touches the system's nginx or any database but the smoke's own; `Stack.close` ends every
process it started (by process group, so a gunicorn master goes with its workers) and drops the database.
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
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parents[2]
TEMPLATE = REPO / "deploy" / "nginx" / "touchstone.conf"
GUNICORN = Path(sys.executable).with_name("gunicorn")


class SmokeFailure(Exception):
    """A step failed; the message is the reason printed in the verdict."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def stop_group(process: subprocess.Popen) -> None:
    """Stop a process started in its own session and everything it started: politely, then for good."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=15)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)


def run(command: list[str], *, env: dict, log: Path, what: str) -> None:
    with log.open("a") as out:
        out.write(f"$ {' '.join(command)}\n")
        out.flush()
        done = subprocess.run(command, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT, check=False)
    if done.returncode:
        tail = log.read_text().splitlines()[-15:]
        raise SmokeFailure(f"{what} failed (exit {done.returncode}):\n  " + "\n  ".join(tail))


@dataclass
class Node:
    """One gunicorn instance (a master and its workers, in a process group of their own)."""

    name: str
    port: int
    log: Path
    process: subprocess.Popen | None = None

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self, env: dict) -> None:
        command = [
            str(GUNICORN),
            "--pythonpath",
            "site",
            "config.wsgi:application",
            "--bind",
            self.address,
            "--workers",
            "2",
            "--timeout",
            "60",
            "--access-logfile",
            "-",
            # Load Django once in the master, so a node that answers is a node that is ready.
            "--preload",
            # Two nodes on one machine would share the default control socket in the home folder.
            "--no-control-socket",
        ]
        out = self.log.open("a")
        self.process = subprocess.Popen(
            command, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        out.close()
        wait_for_port(self.port, what=f"gunicorn node {self.name}", process=self.process)

    def kill(self) -> None:
        """SIGKILL the master and its workers at once: a machine losing power, not a graceful stop."""
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        self.process = None
        deadline = time.monotonic() + 10
        while port_open(self.port) and time.monotonic() < deadline:
            time.sleep(0.1)

    def stop(self) -> None:
        if self.process is None:
            return
        stop_group(self.process)
        self.process = None


def port_open(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def wait_for_port(port: int, *, what: str, process: subprocess.Popen, seconds: float = 60) -> None:
    """Wait until something answers HTTP on the port (any status: production redirects plain http)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SmokeFailure(f"{what} exited at start-up (exit {process.returncode}); see its log")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", "/", headers={"Host": "127.0.0.1"})
            connection.getresponse().read()
            connection.close()
            return
        except OSError:
            time.sleep(0.2)
    raise SmokeFailure(f"{what} did not answer on port {port} within {seconds:.0f} s")


@dataclass
class Stack:
    tmp: Path
    database_url: str
    redis_url: str
    nginx: str
    nodes: list[Node] = field(default_factory=list)
    nginx_process: subprocess.Popen | None = None
    https_port: int = 0
    env: dict = field(default_factory=dict)

    @property
    def media_root(self) -> Path:
        return self.tmp / "media"

    @property
    def private_media_root(self) -> Path:
        return self.tmp / "private-media"

    @property
    def cert(self) -> Path:
        return self.tmp / "tls" / "cert.pem"

    @property
    def base_url(self) -> str:
        return f"https://127.0.0.1:{self.https_port}"

    def log(self, name: str) -> Path:
        return self.tmp / "logs" / f"{name}.log"

    # --- set-up ------------------------------------------------------------------------------

    def prepare(self) -> None:
        for folder in ("logs", "tls", "static", "nginx"):
            (self.tmp / folder).mkdir()
        # nginx's workers run as an unprivileged user: they may read the public media, never the private.
        self.tmp.chmod(0o755)
        self.media_root.mkdir(mode=0o755)
        self.private_media_root.mkdir(mode=0o700)
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": self.database_url,
            "REDIS_URL": self.redis_url,
            "MEDIA_ROOT": str(self.media_root),
            "PRIVATE_MEDIA_ROOT": str(self.private_media_root),
            "STATIC_ROOT": str(self.tmp / "static"),
            # Mail stays on this machine; nothing in the run sends any, but a misstep must not reach a server.
            "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
            "LOG_LEVEL": "WARNING",
            # One nginx in front: limits and the login lockout count the visitor's address, not nginx's.
            "TRUSTED_PROXY_COUNT": "1",
        }
        self.https_port = free_port()
        self.env["WAGTAILADMIN_BASE_URL"] = self.base_url
        # Django checks a form's Referer against the host; behind nginx on a port other than 443 the site
        # must name its origin, as a deployment on an unusual port would.
        self.env["CSRF_TRUSTED_ORIGINS"] = f"{self.base_url},https://localhost:{self.https_port}"
        self.nodes = [Node("A", free_port(), self.log("node-a")), Node("B", free_port(), self.log("node-b"))]

    def database(self, *, create: bool) -> None:
        """Drop the smoke's database, and create it afresh when asked."""
        import psycopg

        parts = urlsplit(self.database_url)
        name = parts.path.lstrip("/")
        if not name.startswith("touchstone_"):
            raise SmokeFailure(f"refusing to drop {name!r}: the smoke's database name must start with touchstone_")
        admin_url = urlunsplit(parts._replace(path="/postgres"))
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            if create:
                connection.execute(f'CREATE DATABASE "{name}"')

    def flush_cache(self) -> None:
        """Empty the smoke's own Redis database (rate-limit counts, cached pages) before and after a run."""
        import redis

        client = redis.Redis.from_url(self.redis_url)
        try:
            client.flushdb()
        finally:
            client.close()

    def build_site(self) -> None:
        manage = [sys.executable, "manage.py"]
        log = self.log("setup")
        run([*manage, "migrate", "--noinput"], env=self.env, log=log, what="migrate")
        run([*manage, "load_demo"], env=self.env, log=log, what="load_demo")
        run([*manage, "collectstatic", "--noinput"], env=self.env, log=log, what="collectstatic")
        run([*manage, "check", "--deploy", "--fail-level", "WARNING"], env=self.env, log=log, what="check --deploy")

    def make_certificate(self) -> None:
        key = self.tmp / "tls" / "key.pem"
        command = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"]
        command += ["-keyout", str(key), "-out", str(self.cert), "-subj", "/CN=localhost"]
        command += ["-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"]
        run(command, env=self.env, log=self.log("setup"), what="openssl (self-signed certificate)")

    # --- nginx -------------------------------------------------------------------------------

    def nginx_site(self) -> str:
        """The committed template with the smoke's own values in place of its example ones."""
        template = TEMPLATE.read_text()
        a, b = self.nodes
        replacements = [
            ("server 127.0.0.1:8001 ", f"server {a.address} "),
            ("server 127.0.0.1:8002 ", f"server {b.address} "),
            ("    listen 80;\n", f"    listen 127.0.0.1:{free_port()};\n"),
            ("    listen [::]:80;\n", ""),
            ("    listen 443 ssl http2;\n", f"    listen 127.0.0.1:{self.https_port} ssl http2;\n"),
            ("    listen [::]:443 ssl http2;\n", ""),
            ("/etc/letsencrypt/live/learn.example.org/fullchain.pem", str(self.cert)),
            ("/etc/letsencrypt/live/learn.example.org/privkey.pem", str(self.tmp / "tls" / "key.pem")),
            ("alias /srv/touchstone/media/;", f"alias {self.media_root}/;"),
            ("server_name learn.example.org;", "server_name 127.0.0.1 localhost;"),
            # Which node answered: lets the smoke see the failover happen (not in the template: it names
            # internal addresses).
            (
                "        proxy_pass http://touchstone;\n",
                "        proxy_pass http://touchstone;\n        add_header X-Touchstone-Node $upstream_addr always;\n",
            ),
        ]
        for old, new in replacements:
            if old not in template:
                raise SmokeFailure(f"deploy/nginx/touchstone.conf no longer contains {old.strip()!r}; update stack.py")
            template = template.replace(old, new)
        return template

    def start_nginx(self) -> None:
        prefix = self.tmp / "nginx"
        (prefix / "touchstone.conf").write_text(self.nginx_site())
        (prefix / "nginx.conf").write_text(
            "worker_processes 1;\n"
            f"pid {prefix / 'nginx.pid'};\n"
            f"error_log {self.log('nginx-error')} warn;\n"
            "events { worker_connections 256; }\n"
            "http {\n"
            "    include /etc/nginx/mime.types;\n"
            "    default_type application/octet-stream;\n"
            f"    access_log {self.log('nginx-access')};\n"
            f"    client_body_temp_path {prefix / 'body'};\n"
            f"    proxy_temp_path {prefix / 'proxy'};\n"
            f"    fastcgi_temp_path {prefix / 'fastcgi'};\n"
            f"    uwsgi_temp_path {prefix / 'uwsgi'};\n"
            f"    scgi_temp_path {prefix / 'scgi'};\n"
            f"    include {prefix / 'touchstone.conf'};\n"
            "}\n"
        )
        base = [self.nginx, "-p", f"{prefix}/", "-c", str(prefix / "nginx.conf")]
        # nginx reads sockets to inherit from its own NGINX variable: keep any such variable away from it.
        env = {key: value for key, value in os.environ.items() if key != "NGINX"}
        run([*base, "-t", "-q"], env=env, log=self.log("setup"), what="nginx -t (configuration test)")
        out = self.log("nginx-error").open("a")
        self.nginx_process = subprocess.Popen(
            [*base, "-g", "daemon off;"],
            cwd=prefix,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        out.close()
        deadline = time.monotonic() + 20
        while not port_open(self.https_port):
            if self.nginx_process.poll() is not None or time.monotonic() > deadline:
                raise SmokeFailure(f"nginx did not start; see {self.log('nginx-error')}")
            time.sleep(0.1)

    # --- tear-down ---------------------------------------------------------------------------

    def close(self, *, keep: bool) -> list[str]:
        """Stop everything, drop the database, remove the folder; return what could not be cleaned."""
        problems = []
        if self.nginx_process is not None:
            stop_group(self.nginx_process)
            self.nginx_process = None
        for node in self.nodes:
            try:
                node.stop()
            except Exception as error:  # noqa: BLE001 - keep cleaning up the rest
                problems.append(f"node {node.name}: {error}")
        for step in (lambda: self.database(create=False), self.flush_cache):
            try:
                step()
            except Exception as error:  # noqa: BLE001
                problems.append(str(error))
        if not keep:
            shutil.rmtree(self.tmp, ignore_errors=True)
        return problems
