"""Admin for credit: editable rules (snippets), the read-only ledger, certificate revoke and reissue,
module visits on page serve, and a clear refusal to delete courses that carry credit."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from courses.models import CoursePage, ModulePage

from . import services
from .forms import ReissueForm, RevokeForm
from .models import ApprovingBody, Certificate, CreditRecord, OutsideCredit, RequirementProfile
from .selectors import is_credit_admin

# ---------------------------------------------------------------------------------------------
# Editable rules
# ---------------------------------------------------------------------------------------------


class ApprovingBodyViewSet(SnippetViewSet):
    model = ApprovingBody
    icon = "success"
    menu_label = "Approving bodies"
    list_display = ["name", "short_name", "provider_number", "approved_until", "show_on_certificates"]
    search_fields = ["name", "short_name", "provider_number"]


class RequirementProfileViewSet(SnippetViewSet):
    model = RequirementProfile
    icon = "list-ul"
    menu_label = "Renewal requirements"
    list_display = ["name", "body_name", "state", "hours_required", "cycle_months"]
    search_fields = ["name", "body_name", "state"]


class CERulesViewSetGroup(SnippetViewSetGroup):
    items = (ApprovingBodyViewSet, RequirementProfileViewSet)
    menu_icon = "clipboard-list"
    menu_label = "CE rules"
    menu_name = "ce-rules"


register_snippet(CERulesViewSetGroup)


# ---------------------------------------------------------------------------------------------
# The ledger: read-only, with certificate actions
# ---------------------------------------------------------------------------------------------


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Records are written by completion alone: nobody adds, edits or deletes them here."""

    def user_has_permission(self, user, action):
        if action in {"add", "change", "delete"}:
            return False
        return user.is_active and (user.is_superuser or super().user_has_permission(user, action))


class ReadOnlyViewSet(ModelViewSet):
    """A listing and an inspect page; no add, edit, copy or delete views exist at all."""

    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    search_backend_name = None
    extra_urlpatterns: list = []

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for name in (
            "add_url_name",
            "edit_url_name",
            "delete_url_name",
            "copy_url_name",
            "history_url_name",
            "usage_url_name",
        ):
            if name in view_kwargs:
                view_kwargs[name] = None
        return view_kwargs

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            *self.get_extra_urlpatterns(),
        ]

    def get_extra_urlpatterns(self) -> list:
        return []


register_permission_policy(CreditRecord, ReadOnlyPermissionPolicy(CreditRecord))
register_permission_policy(OutsideCredit, ReadOnlyPermissionPolicy(OutsideCredit))


class CreditRecordInspectView(InspectView):
    template_name = "credit/admin/credit_record_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["certificates"] = self.object.certificates.select_related("revoked_by", "issued_by")
        context["revoke_form"] = RevokeForm()
        context["reissue_form"] = ReissueForm()
        context["can_manage"] = is_credit_admin(self.request.user)
        return context


class CreditRecordIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().with_current_certificate()


class CertificateStatusColumn(Column):
    def get_value(self, instance):
        certificate = instance.current_certificate
        if certificate is None:
            return "Revoked"
        return f"Valid · {certificate.display_code}"


class CreditRecordViewSet(ReadOnlyViewSet):
    model = CreditRecord
    icon = "doc-full-inverse"
    menu_label = "Credit records"
    menu_order = 250
    add_to_admin_menu = True
    inspect_view_class = CreditRecordInspectView
    index_view_class = CreditRecordIndexView
    search_fields = ["learner_name", "course_title", "course_number"]
    list_filter = ["delivery_method", "completed_on"]
    list_display = [
        "learner_name",
        "course_title",
        "course_number",
        "ce_hours",
        "completed_on",
        CertificateStatusColumn("certificate", label="Certificate"),
    ]
    inspect_view_fields = [
        "learner_name",
        "licences",
        "course_title",
        "course_number",
        "ce_hours",
        "hours_by_category",
        "delivery_method",
        "tested",
        "completed_at",
        "provider_name",
        "provider_contact",
        "provider_signatory",
        "approvals",
        "instructors",
        "created_at",
    ]

    def get_extra_urlpatterns(self) -> list:
        return [
            path("<int:pk>/certificates/<int:certificate_id>/revoke/", revoke_view, name="revoke"),
            path("<int:pk>/reissue/", reissue_view, name="reissue"),
        ]


class OutsideCreditViewSet(ReadOnlyViewSet):
    model = OutsideCredit
    icon = "doc-empty"
    menu_label = "Outside CE"
    add_to_admin_menu = True
    menu_order = 251
    search_fields = ["title", "provider", "user__username"]
    list_display = ["title", "provider", "user", "completed_on", "hours"]
    inspect_view_fields = [
        "user",
        "title",
        "provider",
        "completed_on",
        "hours",
        "categories",
        "delivery_method",
        "certificate_number",
        "certificate_content_type",
    ]


credit_record_viewset = CreditRecordViewSet("credit_records")
outside_credit_viewset = OutsideCreditViewSet("outside_credit")


@hooks.register("register_admin_viewset")
def register_ledger():
    return [credit_record_viewset, outside_credit_viewset]


def _certificate_admin(request):
    if not is_credit_admin(request.user):
        raise PermissionDenied


def revoke_view(request, pk: int, certificate_id: int):
    _certificate_admin(request)
    record = get_object_or_404(CreditRecord, pk=pk)
    certificate = get_object_or_404(Certificate, pk=certificate_id, record=record)
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.revoke_certificate(certificate, by=request.user, reason=form.cleaned_data["reason"])
        except services.CertificateAlreadyRevoked:
            messages.warning(request, f"Certificate {certificate.display_code} was already revoked.")
        else:
            messages.success(request, f"Certificate {certificate.display_code} revoked.")
        return redirect(credit_record_viewset.get_url_name("inspect"), pk)
    return TemplateResponse(
        request,
        "credit/admin/certificate_action.html",
        {"record": record, "certificate": certificate, "form": form, "action": "revoke"},
    )


def reissue_view(request, pk: int):
    _certificate_admin(request)
    record = get_object_or_404(CreditRecord, pk=pk)
    form = ReissueForm(request.POST or None, initial={"name": record.learner_name})
    if request.method == "POST" and form.is_valid():
        certificate = services.reissue_certificate(
            record, by=request.user, reason=form.cleaned_data["reason"], name=form.cleaned_data["name"]
        )
        messages.success(request, f"New certificate {certificate.display_code} issued.")
        return redirect(credit_record_viewset.get_url_name("inspect"), pk)
    return TemplateResponse(
        request, "credit/admin/certificate_action.html", {"record": record, "form": form, "action": "reissue"}
    )


# ---------------------------------------------------------------------------------------------
# Page hooks
# ---------------------------------------------------------------------------------------------


@hooks.register("before_serve_page")
def record_module_visit(page, request, serve_args, serve_kwargs):
    """An enrolled learner opening a module: count the visit and where they are in the course."""
    if not isinstance(page, ModulePage) or not request.user.is_authenticated or request.method != "GET":
        return None
    course = CoursePage.objects.live().ancestor_of(page).first()
    if course is not None:
        services.record_activity(request.user, page, course, visit=True)
    return None


def _courses_with_credit(pages) -> list[CoursePage]:
    """Courses at or under the given pages that hold credit records."""
    found = []
    for page in pages:
        courses = CoursePage.objects.filter(path__startswith=page.path, credit_records__isnull=False).distinct()
        found.extend(courses)
    return found


def _refusal(request, courses):
    names = ", ".join(f"{course.title} ({course.credit_records.count()} credit records)" for course in courses[:5])
    messages.error(
        request,
        format_html(
            "This can't be deleted: learners earned credit in {}. Credit records are kept for at least six years, "
            "so the course must stay. Unpublish it instead to take it out of the catalogue.",
            names,
        ),
    )


@hooks.register("before_delete_page")
def refuse_deleting_courses_with_credit(request, page):
    courses = _courses_with_credit([page])
    if courses:
        _refusal(request, courses)
        return redirect(reverse("wagtailadmin_explore", args=[page.get_parent().pk]))
    return None


@hooks.register("before_bulk_action")
def refuse_bulk_deleting_courses_with_credit(request, action_type, objects, action_class_instance):
    if action_type != "delete":
        return None
    pages = [obj for obj in objects if hasattr(obj, "path") and hasattr(obj, "depth")]
    courses = _courses_with_credit(pages)
    if courses:
        _refusal(request, courses)
        return redirect(request.GET.get("next") or reverse("wagtailadmin_explore_root"))
    return None
