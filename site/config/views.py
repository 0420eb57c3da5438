"""Readable error pages. Each renders the site template with a plain explanation and a way back."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader


def _error(request: HttpRequest, status: int, title: str, message: str, back_url: str = "") -> HttpResponse:
    context = {"status": status, "title": title, "message": message, "back_url": back_url}
    return render(request, "error.html", context, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(
        request,
        400,
        "That request could not be understood",
        "Something in the request was malformed. Go back and try again.",
    )


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(
        request,
        403,
        "You don't have access to this page",
        "Your account cannot open this page. If you think it should, ask your course administrator.",
    )


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(
        request, 404, "Page not found", "We couldn't find that page. It may have moved, or the address may be mistyped."
    )


def server_error(request: HttpRequest) -> HttpResponse:
    # No request context: the failure may have come from a context processor or the database.
    return HttpResponse(loader.get_template("500.html").render(), status=500)
