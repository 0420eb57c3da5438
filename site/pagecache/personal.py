"""What one learner's own pages show, kept until something of theirs changes.

A learner's dashboard and the progress on a module page are read from a dozen of their own rows
(enrolments, finished modules, quiz results, credit, licences, event places). Those rows change when the
learner does something (enrols, finishes a module, submits a quiz, registers for an event) or when
someone does something for them (a provider records attendance, an administrator issues credit), and
far less often than the pages are opened.

So each learner has a token of their own, kept in the shared page cache beside the page-cache generation
(every worker and, with Redis, every server sees the same one). What is kept for a learner is kept under
their token and the generation; saving or deleting any record listed in PAGE_CACHE_PERSONAL_MODELS, or a
write service calling `forget_learner`, replaces the token, and the next request reads afresh. A publish
starts a new generation, which forgets what every learner's pages kept of the pages themselves.

`kept_for_learner` keeps a value; `keep_personal_page` keeps a whole signed-in page (the dashboard),
answered again only to the same learner in the same browser (the key holds the browser's CSRF secret,
so the form tokens in the page still pair with its cookie) and never when a message is waiting.
`serve_with_fresh_part` does the same for a page with one part made afresh on every request (a module
page's progress panel, which shows the time the visit just recorded), between PART_START and PART_END.
A page that must never be kept for the person (one with the Wagtail user bar) calls `refuse_to_keep`.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache as default_cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token

from .generation import current_generation, kept_under, replace_shared_token, shared_token

T = TypeVar("T")
logger = logging.getLogger(__name__)

# Headers a kept personal page is sent with again (cookies never are).
KEPT_HEADERS = {"content-type", "content-language", "x-frame-options", "referrer-policy"}
# Around the part of a page made afresh on every request (`serve_with_fresh_part`).
PART_START = "<!-- made for this request -->"
PART_END = "<!-- /made for this request -->"


# A learner's token lapses a day after it starts (a new one then simply starts, and is read afresh), so the
# tokens of everyone who ever signed in don't fill the file cache the public pages share.
TOKEN_SECONDS = 24 * 3600


def _token_key(user_id: int) -> str:
    return f"pagecache:learner:{user_id}"


def learner_token(user_id: int) -> str | None:
    """The learner's current token, started if they have none; None when the shared cache cannot be reached."""
    try:
        return shared_token(_token_key(user_id), timeout=TOKEN_SECONDS)
    except Exception:
        logger.exception("A learner's page-cache token could not be read")
        return None


def forget_learner(user_id: int | None) -> None:
    """Forget everything kept for this learner: now, and again once the change is committed (a request that
    read the old rows before the commit would otherwise keep them under the token the first change made)."""
    if user_id is not None:
        _replace_now_and_on_commit(_token_key(user_id))


def _replace_now_and_on_commit(key: str) -> None:
    def replace() -> None:
        try:
            replace_shared_token(key, timeout=TOKEN_SECONDS)
        except Exception:
            # What was kept then runs out within PAGE_CACHE_SECONDS; the change itself is saved.
            logger.exception("A page-cache token could not be replaced: %s", key)

    replace()
    if transaction.get_connection().in_atomic_block:  # outside one, the change is committed already
        transaction.on_commit(replace)


def _prefix(user_id: int) -> str | None:
    token = learner_token(user_id)
    if token is None:
        return None
    try:
        generation = current_generation()
    except Exception:
        logger.exception("The page-cache generation could not be read")
        return None
    return f"learner:{user_id}:{token}:{generation}"


def kept_for_learner(user_id: int, name: str, read: Callable[[], T], *, seconds: int | None = None) -> T:
    """`read()`, kept in the default cache until this learner's token or the page-cache generation changes,
    or `seconds` (PAGE_CACHE_SECONDS by default: what only time changes) pass. None is kept like any answer."""
    prefix = _prefix(user_id)
    if prefix is None:
        return read()
    return kept_under(f"{prefix}:{name}", read, seconds=settings.PAGE_CACHE_SECONDS if seconds is None else seconds)


# ---------------------------------------------------------------------------------------------
# The person's own account row
# ---------------------------------------------------------------------------------------------


def _account_key(user_id: int) -> str:
    return f"pagecache:account:{user_id}"


def kept_for_account(user_id: int, name: str, read: Callable[[], T]) -> T:
    """`read()`, kept until the person's own account row is saved or deleted (`forget_account`; invalidation
    connects it to the user model's signals) or PAGE_CACHE_SECONDS pass. Not forgotten when their learning
    records change, as what `kept_for_learner` keeps is: starting or submitting a quiz, finishing a module
    or enrolling leave the signed-in user's row, read on every request, where it was."""
    try:
        token = shared_token(_account_key(user_id), timeout=TOKEN_SECONDS)
    except Exception:
        logger.exception("An account's page-cache token could not be read")
        return read()
    return kept_under(f"account:{user_id}:{token}:{name}", read, seconds=settings.PAGE_CACHE_SECONDS)


def forget_account(user_id: int | None) -> None:
    """Forget the person's kept account row: now, and again once the change is committed."""
    if user_id is not None:
        _replace_now_and_on_commit(_account_key(user_id))


# ---------------------------------------------------------------------------------------------
# Whole signed-in pages
# ---------------------------------------------------------------------------------------------


def keep_personal_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Keep a signed-in GET page for the same learner in the same browser, until their token or the
    generation changes. For pages that show the learner's own records and nothing that changes otherwise."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return _serve(request, make_page=lambda: view(request, *args, **kwargs), make_part=None)

    return wrapper


def serve_with_fresh_part(
    request: HttpRequest, *, make_page: Callable[[], HttpResponse], make_part: Callable[[], str]
) -> HttpResponse:
    """`make_page()`, kept as `keep_personal_page` keeps a page, except what it renders between PART_START and
    PART_END: a kept page is sent with `make_part()` there instead, made for this request."""
    return _serve(request, make_page=make_page, make_part=make_part)


def _serve(
    request: HttpRequest, *, make_page: Callable[[], HttpResponse], make_part: Callable[[], str] | None
) -> HttpResponse:
    key = _page_key(request)
    if key is None:
        return make_page()
    try:
        kept = default_cache.get(key)
    except Exception:
        logger.exception("A kept personal page could not be read")
        kept = None
    if kept is not None:
        get_token(request)  # as rendering the page's forms would: the CSRF cookie is sent again, renewed
        content = kept["before"] if make_part is None else kept["before"] + PART_START + make_part() + PART_END
        return HttpResponse(content + kept["after"], status=200, headers=kept["headers"])
    response = make_page()
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    if _may_keep(request, response):
        content = response.content.decode(response.charset)
        if make_part is None:
            before, after = content, ""
        else:
            before, start, rest = content.partition(PART_START)
            _part, end, after = rest.partition(PART_END)
            if not (start and end) or PART_START in after:
                return response  # the page did not mark its fresh part once: nothing to keep around it
        headers = {name: value for name, value in response.items() if name.lower() in KEPT_HEADERS}
        try:
            default_cache.set(key, {"before": before, "after": after, "headers": headers}, settings.PAGE_CACHE_SECONDS)
        except Exception:
            logger.exception("A personal page could not be kept")
    return response


def refuse_to_keep(request: HttpRequest) -> None:
    """This response shows something that no personal page may keep (the Wagtail user bar of an author)."""
    request._pagecache_personal_refused = True


def _page_key(request: HttpRequest) -> str | None:
    if not settings.PAGE_CACHE_ENABLED or request.method != "GET" or getattr(request, "is_preview", False):
        return None  # a preview shows a draft: never answered from, nor kept as, the live page
    if not request.user.is_authenticated:
        return None
    csrf_secret = request.COOKIES.get(settings.CSRF_COOKIE_NAME)
    if not csrf_secret or len(request.META.get("QUERY_STRING", "")) > 512:
        return None  # no CSRF cookie yet: the page will set one, and its forms pair with that
    messages = getattr(request, "_messages", None)
    if messages is not None and len(messages):
        return None  # a message waits to be shown once
    prefix = _prefix(request.user.pk)
    if prefix is None:
        return None
    address = f"{request.get_host()}|{request.get_full_path()}|{csrf_secret}"
    return f"{prefix}:page:{hashlib.sha256(address.encode()).hexdigest()}"


def _may_keep(request: HttpRequest, response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if getattr(request, "_pagecache_personal_refused", False):
        return False
    if request.META.get("CSRF_COOKIE") != request.COOKIES.get(settings.CSRF_COOKIE_NAME):
        return False  # the page's forms pair with a secret this browser does not hold yet
    messages = getattr(request, "_messages", None)
    if messages is not None and getattr(messages, "added_new", False):
        return False
    session = getattr(request, "session", None)
    return session is None or not session.modified
