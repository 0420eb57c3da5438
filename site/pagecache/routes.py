"""The site and where an address leads, remembered per page-cache generation, so pages skip Wagtail's lookups.

Wagtail finds a page by walking the tree from the site's root, one query per level of the address and one
more per level for the page's own type: a module page five levels down costs nine queries before any of
its own work. Which page an address leads to changes only when a page is published, unpublished, moved or
deleted, or a site or view restriction is saved, and each of those starts a new page-cache generation
(invalidation.py). So the answer is kept under the generation, the site's host and the address: the next
request loads the page itself in one query and hands it to Wagtail as the request's route, which Wagtail's
own serve view then uses (`Page.route_for_request` keeps its result on the request the same way).

Only plain answers are kept: a page reached with no extra arguments, as `Page.route` gives. A routable page
(the events listing's own views) answers with arguments and is routed by Wagtail every time. Everything
Wagtail does after routing (view restrictions, the before-serve hooks, the page's serve) is unchanged.

The page itself is kept with its route, as loaded from the database the first time the route was used
(loading a module page through the ORM took a millisecond, a third of a signed-in view; a kept copy comes
back in a few hundredths of one). Its live content changes only when it is published, which starts a new
generation. A draft save changes only the page's draft state (has unpublished changes, latest revision,
lock), which no visitor's page shows but an author's user bar reads: so anyone PAGE_CACHE_AUTHOR_TEST says
may author is given the page as the database holds it now.

The site a request is for (`Site.find_for_request`, one query, asked by every page link) is kept the same
way for every view, so the dashboard and the quiz pages skip it too.
"""

import hashlib
import logging
from collections.abc import Callable
from functools import cache as once

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.module_loading import import_string
from wagtail.models import Site
from wagtail.url_routing import RouteResult

from .generation import current_generation

logger = logging.getLogger(__name__)

# Addresses longer than this are not remembered (each would be another entry, and no page is that deep).
MAX_PATH_LENGTH = 512
# A kept route outlives no generation; this bounds how long an address nobody asks for stays in the cache.
ROUTE_SECONDS = 6 * 3600


class PageRouteMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        keys = getattr(request, "_pagecache_route_keys", None)
        if keys is not None:
            _remember(request, *keys)
        return response

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> None:
        match = request.resolver_match
        serving_page = match is not None and match.view_name == "wagtail_serve"
        if hasattr(request, "_wagtail_site") or request.method not in ("GET", "HEAD"):
            return None
        path = request.path_info  # Wagtail's URL pattern passes its part of it positionally
        try:
            generation = current_generation()
            # Wagtail's own test of a site (Site.find_for_request): the host without its port, and the port.
            host = f"{request._get_raw_host()}:{request.get_port()}"
            site_key = f"pagecache:site:{generation}:{_digest(host)}"
            route_key = f"pagecache:route:{generation}:{_digest(host, translation.get_language(), path)}"
            kept = cache.get_many([site_key, route_key])
        except Exception:  # a cache that cannot be reached: Wagtail finds the site and routes as it always does
            logger.exception("The route cache could not be read; routing without it.")
            return None
        if site_key in kept:
            request._wagtail_site = kept[site_key]
        routed_here = serving_page and len(path) <= MAX_PATH_LENGTH
        if not routed_here or (route_key in kept and site_key in kept and _use(request, route_key, kept[route_key])):
            route_key = None  # nothing to route here, or routed from what was kept
        request._pagecache_route_keys = (None if site_key in kept else site_key, route_key)
        return None


def _digest(*parts) -> str:
    """A short key part for what a visitor sends (host, address): any length, any characters."""
    return hashlib.sha256("\n".join(str(part) for part in parts).encode()).hexdigest()


def _use(request: HttpRequest, route_key: str, kept: dict) -> bool:
    """Give the request the kept page (loaded fresh for an author); False if the page has gone or is not live."""
    page = kept.get("page")
    if page is None or _may_author(request):
        page = _load(kept)
        if page is not None and "page" not in kept:
            # Stored as loaded, before this request touches it: pickled now, unpickled afresh by each request.
            _store(route_key, {**kept, "page": page})
    if page is None or not page.live:
        return False
    request._wagtail_route_for_request = RouteResult(page)
    return True


def _load(kept: dict):
    model = ContentType.objects.get_for_id(kept["content_type_id"]).model_class()
    return model.objects.filter(pk=kept["page_id"]).first() if model is not None else None


def _may_author(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    return bool(_author_test()(request))


@once
def _author_test():
    """PAGE_CACHE_AUTHOR_TEST: a function of the request, true for whoever may see a page's draft state."""
    return import_string(settings.PAGE_CACHE_AUTHOR_TEST)


def _store(key: str, value: dict) -> None:
    try:
        cache.set(key, value, ROUTE_SECONDS)
    except Exception:
        logger.exception("The route cache could not be written.")


def _remember(request: HttpRequest, site_key: str | None, route_key: str | None) -> None:
    """Keep what Wagtail found for this request: its site (if looked up) and, for a plain page, its route."""
    site = getattr(request, "_wagtail_site", None)
    if site is None:
        return
    values = {}
    if site_key is not None:
        # A copy without the root page Wagtail loaded onto it: only the site's own fields are kept.
        fields = [field.attname for field in Site._meta.concrete_fields]
        values[site_key] = Site.from_db(site._state.db, fields, [getattr(site, name) for name in fields])
    result = getattr(request, "_wagtail_route_for_request", None)
    if route_key is not None and result is not None and not result[1] and not result[2]:
        # Not a routable page's own view (those answer with arguments): Wagtail routes them every time.
        values[route_key] = {"page_id": result[0].pk, "content_type_id": result[0].content_type_id}
    if not values:
        return
    try:
        cache.set_many(values, ROUTE_SECONDS)
    except Exception:
        logger.exception("The route cache could not be written.")
