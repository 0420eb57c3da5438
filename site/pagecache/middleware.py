"""Serve a kept page to a visitor without a session, keep the pages that may be kept, and label the rest.

It sits after the session, CSRF, authentication and messages middleware (settings.MIDDLEWARE), so a page
it keeps has been through them, and it can see what they were asked to do: a page that put a CSRF token
in a form, queued a message, wrote to the session or set a cookie is personal to that visitor and is
never kept.
"""

import hashlib
import logging
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import patch_cache_control, patch_vary_headers

from .generation import current_generation, page_cache, tokens_remembered_for_the_request

logger = logging.getLogger(__name__)

# Headers a kept page is sent with again. Anything else (cookies above all) is left out.
KEPT_HEADERS = {
    "content-type",
    "content-disposition",
    "content-language",
    "content-security-policy",
    "content-security-policy-report-only",
    "permissions-policy",
    "x-frame-options",
    "x-content-type-options",
    "referrer-policy",
    "cross-origin-opener-policy",
    "link",
}
# Longer query strings are not kept: each variant would be another entry.
MAX_QUERY_LENGTH = 512


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with tokens_remembered_for_the_request():
            return self._respond(request)

    def _respond(self, request: HttpRequest) -> HttpResponse:
        if not _may_use_cache(request):
            response = self.get_response(request)
            _label_personal(request, response)
            return response
        # The generation is read before the page is made: if an editor publishes while it is being
        # made, the page is stored under the old token, which nobody reads any more.
        try:
            key = _cache_key(request, current_generation())
            kept = page_cache().get(key)
        except Exception:  # Redis away or the folder unwritable: serve the page made afresh
            logger.exception("The page cache could not be read; serving without it.")
            response = self.get_response(request)
            _label_personal(request, response)
            return response
        if kept is not None:
            response = HttpResponse(kept["content"], status=200, headers=kept["headers"])
            response["X-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if _may_keep(request, response):
            _label_public(response)
            headers = {name: value for name, value in response.items() if name.lower() in KEPT_HEADERS}
            headers.update({"Cache-Control": response["Cache-Control"], "Vary": response["Vary"]})
            try:
                page_cache().set(key, {"content": response.content, "headers": headers}, settings.PAGE_CACHE_SECONDS)
            except Exception:
                logger.exception("The page cache could not be written.")
            response["X-Cache"] = "miss"
        else:
            _label_personal(request, response)
        return response


def _has_session(request: HttpRequest) -> bool:
    """A session or a pending message: the visitor may be signed in or be shown something of their own."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES


def _may_use_cache(request: HttpRequest) -> bool:
    if not settings.PAGE_CACHE_ENABLED or request.method != "GET" or _has_session(request):
        return False
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_LENGTH:
        return False
    try:
        match = resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return False
    return match.view_name in settings.PAGE_CACHE_VIEWS


def _may_keep(request: HttpRequest, response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # the page holds a CSRF token (a form): it must pair with this visitor's cookie
    if getattr(request, "is_preview", False):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False  # the session middleware is about to set a cookie: this visitor now has state
    messages = getattr(request, "_messages", None)
    if messages is not None and getattr(messages, "added_new", False):
        return False
    if getattr(request, "user", None) is not None and request.user.is_authenticated:
        return False
    # A view that said it must not be kept (never_cache, private) is taken at its word.
    said = {part.strip().split("=")[0].lower() for part in response.get("Cache-Control", "").split(",")}
    return not said & {"private", "no-cache", "no-store"}


def _cache_key(request: HttpRequest, generation: str) -> str:
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return f"pagecache:{generation}:{hashlib.sha256(url.encode()).hexdigest()}"


def _label_public(response: HttpResponse) -> None:
    """Anyone without a cookie may be sent this page, by a shared cache too, but always checked first.

    `max-age=0, must-revalidate` makes a browser ask again each time, so a change shows on the next
    request; `Vary: Cookie` keeps a signed-in visitor's browser or a shared cache from answering with
    this page. A CDN that is purged on publish (wagtail.contrib.frontend_cache) may keep it for
    PAGE_CACHE_SHARED_MAX_AGE seconds.
    """
    patch_vary_headers(response, ["Cookie"])
    if response.has_header("Cache-Control"):
        return  # the view chose already (calendar files: five minutes, for the apps that poll them)
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    if settings.PAGE_CACHE_SHARED_MAX_AGE:
        patch_cache_control(response, s_maxage=settings.PAGE_CACHE_SHARED_MAX_AGE)


def _label_personal(request: HttpRequest, response: HttpResponse) -> None:
    """A page made for one visitor (signed in, a form's token, a cookie): no shared cache may keep it."""
    if response.has_header("Cache-Control"):
        return  # the view said it already (the admin's never_cache, a file download's own rules)
    if _has_session(request) or response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        patch_vary_headers(response, ["Cookie"])
        patch_cache_control(response, private=True, no_cache=True)
