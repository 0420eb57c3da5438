"""The credit ledger in the admin: credit records and outside CE, listed and inspected, never edited.

Records are written by course completion (or full attendance at an event) alone and outside CE by its
learner, so the admin offers no add, edit, copy or delete views for them at all. Credit admins revoke and
reissue certificates from a record's inspect page.
"""

from django.urls import path
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy

import pageparts.ids  # noqa: F401 - registers the <id:...> and <page_id:...> path converters

from ..models import CreditRecord, OutsideCredit
from . import views


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
            path("inspect/<id:pk>/", self.inspect_view, name="inspect"),
            *self.get_extra_urlpatterns(),
        ]

    def get_extra_urlpatterns(self) -> list:
        return []


class CertificateStatusColumn(Column):
    """Whether the record's certificate stands, and its code; the index view prefetches the valid one."""

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
    inspect_view_class = views.CreditRecordInspectView
    index_view_class = views.CreditRecordIndexView
    search_fields = ["learner_name", "course_title", "course_number"]
    list_filter = ["delivery_method", "hands_on", "completed_on"]
    list_display = [
        "learner_name",
        "course_title",
        "course_number",
        "ce_hours",
        "completed_on",
        "provider_name",
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
        "hands_on",
        "place",
        "tested",
        "completed_at",
        "completed_on",
        "provider_name",
        "provider_contact",
        "provider_signatory",
        "approvals",
        "instructors",
        "created_at",
    ]

    def get_extra_urlpatterns(self) -> list:
        back_to_record = {"inspect_url_name": self.get_url_name("inspect")}
        return [
            path(
                "<id:pk>/certificates/<id:certificate_id>/revoke/",
                views.revoke_view,
                back_to_record,
                name="revoke",
            ),
            path("<id:pk>/reissue/", views.reissue_view, back_to_record, name="reissue"),
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
