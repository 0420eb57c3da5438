"""The cache generation: a token in every page's key, replaced to forget every kept page at once.

Forgetting everything on each change is what keeps listings right: a course's title shows on its own
page, the catalogue, the home page, its modules' breadcrumbs and search, and a snippet such as an
instructor shows on every course and event they teach. Working out each of those addresses is where
per-address purging goes wrong; a new token cannot miss one. Pages change far less often than they are
read, so the misses that follow a change cost little.
"""

import logging
import uuid
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import BaseCache, caches
from django.core.cache import cache as default_cache

GENERATION_KEY = "pagecache:generation"
T = TypeVar("T")

logger = logging.getLogger(__name__)


def page_cache() -> BaseCache:
    return caches[settings.PAGE_CACHE_ALIAS]


def current_generation() -> str:
    """The token pages are kept under now. A cache that lost it (evicted, restarted) starts a new one."""
    cache = page_cache()
    token = cache.get(GENERATION_KEY)
    if token is None:
        token = uuid.uuid4().hex
        # add(), not set(): when two workers start a generation together, both use the first one's.
        if not cache.add(GENERATION_KEY, token, timeout=None):
            token = cache.get(GENERATION_KEY) or token
    return token


def new_generation() -> None:
    """Forget every kept page: later requests look under a token nothing was stored with.

    A cache that cannot be reached must not stop an author publishing: the error is logged, and what the
    cache still holds runs out within PAGE_CACHE_SECONDS.
    """
    try:
        page_cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    except Exception:
        logger.exception("Could not start a new page-cache generation; kept pages expire on their own")


def current_generation_or_none() -> str | None:
    """`current_generation`, or None when the cache cannot be reached: callers then do without what it keeps."""
    try:
        return current_generation()
    except Exception:
        logger.exception("The page-cache generation could not be read")
        return None


def kept(name: str, read: Callable[[], T], *, seconds: int) -> T:
    """`read()`, kept in the default cache under the current generation, so the next publish, unpublish, move,
    delete or snippet change (each starts a new generation) makes it read afresh. For what only such changes
    alter: a course's live modules, the events listing, the site's section links. `seconds` bounds what only
    time changes. A cache that cannot be reached: `read()` every time. None is kept like any other answer."""
    generation = current_generation_or_none()
    if generation is None:
        return read()
    key = f"{name}:{generation}"
    found = default_cache.get(key)
    if found is None:
        found = {"value": read()}
        default_cache.set(key, found, seconds)
    return found["value"]
