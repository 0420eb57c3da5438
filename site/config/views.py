"""Readable error pages. Each renders the site template with a plain explanation and a way back.

A 403 inside the Wagtail admin renders in the admin's own layout instead, with its menu and a link
back, so an author who follows a link to a course or event that isn't theirs stays in the admin.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme


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
    if _is_admin_request(request):
        return _admin_permission_denied(request, exception)
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
    response = HttpResponse(loader.get_template("500.html").render(), status=500)
    # The page carries its few styles inline so it shows even when static files fail; it has no script.
    response["Content-Security-Policy"] = (
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
    )
    return response


def _is_admin_request(request: HttpRequest) -> bool:
    """A request to the Wagtail admin by someone who may use it (others get the public page)."""
    user = getattr(request, "user", None)
    return (
        request.path.startswith(reverse("wagtailadmin_home"))
        and user is not None
        and user.is_authenticated
        and user.has_perm("wagtailadmin.access_admin")
    )


def _admin_permission_denied(request: HttpRequest, exception: Exception | None) -> HttpResponse:
    referrer = request.headers.get("referer", "")
    came_from_admin = (
        url_has_allowed_host_and_scheme(referrer, allowed_hosts={request.get_host()}, require_https=request.is_secure())
        and reverse("wagtailadmin_home") in referrer
        and not referrer.endswith(request.get_full_path())
    )
    context = {
        # Our own PermissionDenied messages are written for authors ("You cannot change “TS-201”.").
        "reason": str(exception) if exception is not None else "",
        "back_url": referrer if came_from_admin else "",
        "dashboard_url": reverse("wagtailadmin_home"),
    }
    return render(request, "admin_403.html", context, status=403)
