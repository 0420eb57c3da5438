"""The benchmark's settings (`manage.py bench_site`): production, plus a bare view to compare pages with.

Everything production needs still comes from the environment; the benchmark sets it for its own throwaway
database. Static files are collected into a temporary folder it names in BENCH_STATIC_ROOT.
"""

from .base import env
from .production import *  # noqa: F403

ROOT_URLCONF = "home.bench.urls"

if env("BENCH_STATIC_ROOT"):
    STATIC_ROOT = env("BENCH_STATIC_ROOT")
