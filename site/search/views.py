"""Site search over courses, modules, events and providers (Wagtail search: PostgreSQL full text on PostgreSQL)."""

import unicodedata
from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from wagtail.models import Page

from courses.models import CoursePage, ModulePage
from events.models import EventPage, ProviderPage

# What learners look for: courses and their modules, workshops and events, and who offers them.
SEARCHABLE_PAGE_TYPES = (CoursePage, ModulePage, EventPage, ProviderPage)

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def clean_query(raw: str) -> str:
    """Drop control characters (NUL breaks both SQLite and PostgreSQL full text) and squeeze spaces."""
    printable = "".join(" " if unicodedata.category(char).startswith("C") else char for char in raw)
    if printable.count('"') % 2:
        printable = printable.replace('"', " ")  # an unclosed phrase is a syntax error in SQLite's FTS5
    return " ".join(printable.split())


def search(request: HttpRequest) -> HttpResponse:
    query = clean_query(request.GET.get("q", ""))
    error = None
    if len(query) > MAX_QUERY_LENGTH:
        error = f"Search terms can be at most {MAX_QUERY_LENGTH} characters long."
        query = ""
    results = Page.objects.none()
    if query:
        results = Page.objects.live().public().type(*SEARCHABLE_PAGE_TYPES).specific().search(query)

    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    except DatabaseError:
        # The full-text engine rejected the query syntax; treat it as finding nothing.
        error = "That search couldn't be understood. Try plain words, such as “effleurage” or “consent”."
        paginator = Paginator(Page.objects.none(), RESULTS_PER_PAGE)
        page = paginator.page(1)

    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "search_results": page, "pagination_query": urlencode({"q": query}), "error": error},
    )
