"""The ledger's admin views: the credit-record listing and inspect page, and certificate revoke and reissue.

Revoking and reissuing are for credit admins alone. Both views return to the record's inspect page, whose
URL name the viewset passes in (`inspect_url_name`), so these views need not know how the ledger is mounted.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from wagtail.admin.views.generic import IndexView, InspectView

from .. import services
from ..forms import ReissueForm, RevokeForm
from ..models import Certificate, CreditRecord
from ..selectors import is_credit_admin


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


def _certificate_admin(request):
    if not is_credit_admin(request.user):
        raise PermissionDenied


def revoke_view(request, pk: int, certificate_id: int, *, inspect_url_name: str):
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
        return redirect(inspect_url_name, pk)
    return TemplateResponse(
        request,
        "credit/admin/certificate_action.html",
        {"record": record, "certificate": certificate, "form": form, "action": "revoke"},
    )


def reissue_view(request, pk: int, *, inspect_url_name: str):
    _certificate_admin(request)
    record = get_object_or_404(CreditRecord, pk=pk)
    form = ReissueForm(request.POST or None, initial={"name": record.learner_name})
    if request.method == "POST" and form.is_valid():
        certificate = services.reissue_certificate(
            record, by=request.user, reason=form.cleaned_data["reason"], name=form.cleaned_data["name"]
        )
        messages.success(request, f"New certificate {certificate.display_code} issued.")
        return redirect(inspect_url_name, pk)
    return TemplateResponse(
        request, "credit/admin/certificate_action.html", {"record": record, "form": form, "action": "reissue"}
    )
