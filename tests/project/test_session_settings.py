"""Sessions are kept in the cache only where the cache is shared by every worker (Redis)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def session_engine(**env) -> str:
    code = "import config.settings.base as s; print(getattr(s, 'SESSION_ENGINE', 'database only'))"
    environment = {key: value for key, value in os.environ.items() if key != "REDIS_URL"} | env
    environment["PYTHONPATH"] = os.pathsep.join([str(ROOT / "site"), str(ROOT)])
    done = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=True)
    return done.stdout.strip()


@pytest.mark.parametrize(
    "env,expected",
    [
        ({}, "database only"),  # each worker's own memory: a sign-out must reach the others through the database
        ({"REDIS_URL": "redis://127.0.0.1:6379/0"}, "django.contrib.sessions.backends.cached_db"),
    ],
)
def test_sessions_use_the_cache_only_when_it_is_shared(env, expected):
    assert session_engine(**env) == expected
