"""Credit's admin registrations: the CE rules snippets, the read-only ledger, module visits on page serve,
and a clear refusal to delete courses that carry credit. The viewsets and views live in `credit/admin/`."""

from django.shortcuts import redirect
from django.urls import reverse
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from courses.models import ModulePage

from . import services
from .admin.deletion import courses_with_credit, refuse
from .admin.ledger import ReadOnlyPermissionPolicy, credit_record_viewset, outside_credit_viewset
from .admin.snippets import CERulesViewSetGroup
from .models import CreditRecord, OutsideCredit

register_snippet(CERulesViewSetGroup)

register_permission_policy(CreditRecord, ReadOnlyPermissionPolicy(CreditRecord))
register_permission_policy(OutsideCredit, ReadOnlyPermissionPolicy(OutsideCredit))


@hooks.register("register_admin_viewset")
def register_ledger():
    return [credit_record_viewset, outside_credit_viewset]


@hooks.register("before_serve_page")
def record_module_visit(page, request, serve_args, serve_kwargs):
    """An enrolled learner opening a module: count the visit and where they are in the course."""
    if not isinstance(page, ModulePage) or not request.user.is_authenticated or request.method != "GET":
        return None
    course = page.course  # the module page asks for the same course, so it is looked up once
    if course is not None and course.live:
        # Kept for the mark-complete form further down the page, which shows the time spent.
        request.credit_module_visit = services.record_activity(
            request.user, page, course, visit=True, want_progress=False
        )
    return None


@hooks.register("before_delete_page")
def refuse_deleting_courses_with_credit(request, page):
    courses = courses_with_credit([page])
    if courses:
        refuse(request, courses)
        return redirect(reverse("wagtailadmin_explore", args=[page.get_parent().pk]))
    return None


@hooks.register("before_bulk_action")
def refuse_bulk_deleting_courses_with_credit(request, action_type, objects, action_class_instance):
    if action_type != "delete":
        return None
    pages = [obj for obj in objects if hasattr(obj, "path") and hasattr(obj, "depth")]
    courses = courses_with_credit(pages)
    if courses:
        refuse(request, courses)
        return redirect(request.GET.get("next") or reverse("wagtailadmin_explore_root"))
    return None
