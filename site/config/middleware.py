"""Answer a forbidden page action in the Wagtail admin with a 403 instead of a bounce to the dashboard.

Wagtail turns PermissionDenied into a redirect with a flash message. For authors who follow a link
to a course or event that isn't theirs, a plain 403 page is clearer (and testable), so page-scoped
admin views are checked here first, with the same permission tester Wagtail itself uses.
"""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from wagtail.models import Page

# Admin view name → the PagePermissionTester method that must allow it.
PAGE_ACTION_CHECKS = {
    "wagtailadmin_pages:edit": "can_edit",
    "wagtailadmin_pages:preview_on_edit": "can_edit",
    "wagtailadmin_pages:view_draft": "can_edit",
    "wagtailadmin_pages:revisions_index": "can_edit",
    "wagtailadmin_pages:revisions_view": "can_edit",
    "wagtailadmin_pages:revisions_revert": "can_edit",
    "wagtailadmin_pages:revisions_compare": "can_edit",
    "wagtailadmin_pages:lock": "can_lock",
    "wagtailadmin_pages:unlock": "can_unlock",
    "wagtailadmin_pages:delete": "can_delete",
    "wagtailadmin_pages:unpublish": "can_unpublish",
    "wagtailadmin_pages:move": "can_move",
    "wagtailadmin_pages:copy": "can_copy",
    "wagtailadmin_pages:add_subpage": "can_add_subpage",
    "wagtailadmin_pages:add": "can_add_subpage",
    "wagtailadmin_pages:preview_on_add": "can_add_subpage",
    "wagtailadmin_pages:set_privacy": "can_set_view_restrictions",
}


class AdminPagePermissionMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> None:
        match = request.resolver_match
        check = PAGE_ACTION_CHECKS.get(match.view_name if match else "")
        if check is None:
            return None
        user = request.user
        # Anonymous users and non-authors are sent to the login page by Wagtail itself.
        if not user.is_authenticated or not user.has_perm("wagtailadmin.access_admin"):
            return None
        page_id = view_kwargs.get("page_id") or view_kwargs.get("parent_page_id")
        page = Page.objects.filter(pk=page_id).first() if page_id else None
        if page is None:
            return None  # Wagtail answers with its own 404.
        if not getattr(page.permissions_for_user(user), check)():
            raise PermissionDenied(f"You cannot change “{page.title}”.")
        return None
