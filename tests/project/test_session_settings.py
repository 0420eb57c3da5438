"""Sessions are read from a cache every worker shares (files on one server, Redis across servers), never
from a process's own memory, where a session signed out in one worker would live on in another."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def session_settings(**env) -> str:
    code = (
        "import config.settings.base as s; "
        "print(s.SESSION_ENGINE, s.SESSION_CACHE_ALIAS, s.CACHES[s.SESSION_CACHE_ALIAS]['BACKEND'])"
    )
    environment = {key: value for key, value in os.environ.items() if key != "REDIS_URL"} | env
    environment["PYTHONPATH"] = os.pathsep.join([str(ROOT / "site"), str(ROOT)])
    done = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=True)
    return done.stdout.strip()


@pytest.mark.parametrize(
    "env,backend",
    [
        ({}, "pagecache.file_cache.FileCache"),
        ({"REDIS_URL": "redis://127.0.0.1:6379/0"}, "django.core.cache.backends.redis.RedisCache"),
    ],
)
def test_sessions_are_read_from_a_cache_every_worker_shares(env, backend):
    assert session_settings(**env) == f"django.contrib.sessions.backends.cached_db sessions {backend}"
