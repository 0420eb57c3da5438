"""Site search over courses and modules (Wagtail search: PostgreSQL full text on PostgreSQL)."""

from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from wagtail.models import Page

from courses.models import CoursePage, ModulePage

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    error = None
    if len(query) > MAX_QUERY_LENGTH:
        error = f"Search terms can be at most {MAX_QUERY_LENGTH} characters long."
        query = ""
    results = Page.objects.none()
    if query:
        results = Page.objects.live().public().type(CoursePage, ModulePage).specific().search(query)

    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)

    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "search_results": page, "pagination_query": urlencode({"q": query}), "error": error},
    )
