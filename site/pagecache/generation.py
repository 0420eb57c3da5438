"""The cache generation: a token in every page's key, replaced to forget every kept page at once.

Forgetting everything on each change is what keeps listings right: a course's title shows on its own
page, the catalogue, the home page, its modules' breadcrumbs and search, and a snippet such as an
instructor shows on every course and event they teach. Working out each of those addresses is where
per-address purging goes wrong; a new token cannot miss one. Pages change far less often than they are
read, so the misses that follow a change cost little.
"""

import contextlib
import logging
import uuid
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import TypeVar

from django.conf import settings
from django.core.cache import BaseCache, caches
from django.core.cache import cache as default_cache

GENERATION_KEY = "pagecache:generation"
T = TypeVar("T")

logger = logging.getLogger(__name__)

# Tokens read from the shared page cache during one request (the generation, a learner's token), so a
# request reads each once however many parts ask: a file read each without Redis, a round trip with it.
_read_this_request: ContextVar[dict[str, str] | None] = ContextVar("pagecache_tokens", default=None)


@contextlib.contextmanager
def tokens_remembered_for_the_request() -> Iterator[None]:
    """Within this block (a request: PageCacheMiddleware), each shared token is read once."""
    reset = _read_this_request.set({})
    try:
        yield
    finally:
        _read_this_request.reset(reset)


def shared_token(key: str, *, timeout: int | None = None) -> str:
    """The token under `key` in the shared page cache, started if missing (add(), not set(): when two
    workers start one together, both use the first one's). Read once per request."""
    remembered = _read_this_request.get()
    if remembered is not None and key in remembered:
        return remembered[key]
    cache = page_cache()
    token = cache.get(key)
    if token is None:
        token = uuid.uuid4().hex
        if not cache.add(key, token, timeout=timeout):
            token = cache.get(key) or token
    if remembered is not None:
        remembered[key] = token
    return token


def replace_shared_token(key: str, *, timeout: int | None = None) -> None:
    """A new token under `key`, seen at once by this request and every later one."""
    token = uuid.uuid4().hex
    page_cache().set(key, token, timeout=timeout)
    remembered = _read_this_request.get()
    if remembered is not None:
        remembered[key] = token


def page_cache() -> BaseCache:
    return caches[settings.PAGE_CACHE_ALIAS]


def current_generation() -> str:
    """The token pages are kept under now. A cache that lost it (evicted, restarted) starts a new one."""
    return shared_token(GENERATION_KEY)


def new_generation() -> None:
    """Forget every kept page: later requests look under a token nothing was stored with.

    A cache that cannot be reached must not stop an author publishing: the error is logged, and what the
    cache still holds runs out within PAGE_CACHE_SECONDS.
    """
    try:
        replace_shared_token(GENERATION_KEY)
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
    return kept_under(f"{name}:{generation}", read, seconds=seconds)


def kept_under(key: str, read: Callable[[], T], *, seconds: int) -> T:
    """`read()`, kept in the default cache under `key` for `seconds`; None is kept like any other answer."""
    found = default_cache.get(key)
    if found is None:
        found = {"value": read()}
        default_cache.set(key, found, seconds)
    return found["value"]
