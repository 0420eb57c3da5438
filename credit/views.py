"""Learner pages: dashboard, enrolment, module progress, certificates, transcript, renewal, verification, roster.

Anything a learner owns is looked up together with its owner, so someone else's simply isn't found
(404); administrators see everyone's.
"""

import csv
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from pagecache.personal import keep_personal_page

from accounts.redirects import is_local_path
from accounts.selectors import legal_name_for
from courses.models import CoursePage, ModulePage
from pageparts.spreadsheet import safe_cell

from . import live, pdf, selectors, services, uploads
from .forms import OutsideCreditForm, RosterForm, VerifyForm
from .models import Certificate, CreditRecord, OutsideCredit


def _back(request: HttpRequest, fallback: str) -> str:
    candidate = request.POST.get("next") or ""
    return candidate if is_local_path(request, candidate) else fallback


def _live_course(course_id: int) -> CoursePage:
    return get_object_or_404(CoursePage.objects.live(), pk=course_id)


def _live_module(module_id: int) -> tuple[ModulePage, CoursePage]:
    module = get_object_or_404(ModulePage.objects.live(), pk=module_id)
    course = CoursePage.objects.live().ancestor_of(module).first()
    if course is None:
        raise Http404
    return module, course


def _owned(queryset, request: HttpRequest, **lookup):
    """The object if the user owns it or administers credit; a 404 for anyone else."""
    if not selectors.is_credit_admin(request.user):
        queryset = queryset.filter(user=request.user)
    return get_object_or_404(queryset, **lookup)


# ---------------------------------------------------------------------------------------------
# Dashboard, enrolment and progress
# ---------------------------------------------------------------------------------------------


@login_required
@require_GET
@keep_personal_page  # kept until the learner's own records change (pagecache.personal)
def dashboard(request: HttpRequest) -> HttpResponse:
    context = selectors.dashboard(request.user)
    context["licence_progress"] = selectors.renewal_overview(
        request.user, records=context["records"], outside=context["outside"]
    )
    return render(request, "credit/dashboard.html", context)


@login_required
@require_POST
def enrol(request: HttpRequest, course_id: int) -> HttpResponse:
    course = _live_course(course_id)
    try:
        services.enrol(request.user, course)
    except services.EnrolmentClosed:
        messages.error(request, "This course is closed to new enrolments.")
        return redirect(course.url)
    messages.success(request, f"You're enrolled in {course.title}. Your progress is saved as you go.")
    modules = course.modules
    return redirect(_back(request, modules[0].url if modules else course.url))


@login_required
@require_http_methods(["GET", "POST"])
def leave(request: HttpRequest, course_id: int) -> HttpResponse:
    course = _live_course(course_id)
    if services.active_enrolment(request.user, course.pk) is None:
        raise Http404
    if request.method == "POST":
        services.leave(request.user, course)
        messages.success(request, f"You've left {course.title}. Your progress is kept if you come back.")
        return redirect("credit:dashboard")
    return render(request, "credit/leave_confirm.html", {"course": course})


@login_required
@require_POST
def module_complete(request: HttpRequest, module_id: int) -> HttpResponse:
    module, course = _live_module(module_id)
    try:
        _, record = services.mark_module_complete(request.user, module, course)
    except services.NotEnrolled:
        messages.error(request, "Enrol in the course to track your progress.")
        return redirect(course.url)
    except services.NotEnoughTime as short:
        messages.error(
            request,
            f"This course asks for at least {course.minimum_module_minutes} minutes on each module. "
            f"Keep reading: about {short.minutes_short} more minute{'s' if short.minutes_short != 1 else ''} to go.",
        )
        return redirect(module.url)
    if record is not None:
        messages.success(
            request, f"Course complete: {record.ce_hours.normalize():f} CEs earned. Your certificate is ready."
        )
        return redirect("credit:dashboard")
    messages.success(request, f"“{module.title}” marked complete.")
    next_module = (
        ModulePage.objects.live()
        .sibling_of(module, inclusive=False)
        .filter(path__gt=module.path)
        .order_by("path")
        .first()
    )
    return redirect(next_module.url if next_module else course.url)


@require_POST
def module_activity(request: HttpRequest, module_id: int) -> HttpResponse:
    """A heartbeat from an open module (sent by touchstone.js while the tab is visible)."""
    if not request.user.is_authenticated:
        return HttpResponse(status=204)
    module, course = _live_module(module_id)
    services.record_activity(request.user, module, course, visit=False)
    return HttpResponse(status=204)


# ---------------------------------------------------------------------------------------------
# Certificates and verification
# ---------------------------------------------------------------------------------------------


def _pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def certificate_download(request: HttpRequest, record_id: int, certificate_id: int | None = None) -> HttpResponse:
    record = _owned(CreditRecord.objects.all(), request, pk=record_id)
    certificates = record.certificates.all()
    if certificate_id is not None:
        # Administrators can fetch a revoked copy for an audit; learners only get the current one.
        certificate = get_object_or_404(certificates, pk=certificate_id)
        if not certificate.is_valid and not selectors.is_credit_admin(request.user):
            raise Http404
    else:
        certificate = certificates.filter(revoked_at__isnull=True).first()
        if certificate is None:
            raise Http404
    certificate.record = record
    content = pdf.certificate_pdf(certificate)
    if certificate.is_valid:
        live.note_download(certificate=certificate)
    return _pdf_response(content, f"certificate-{record.course_number or 'live'}-{certificate.code}.pdf")


def _client_key(request: HttpRequest) -> str:
    return "credit-verify:" + (request.META.get("REMOTE_ADDR") or "unknown")


def _rate_limited(request: HttpRequest) -> bool:
    from django.conf import settings

    key = _client_key(request)
    cache.add(key, 0, timeout=settings.CREDIT_VERIFY_RATE_WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=settings.CREDIT_VERIFY_RATE_WINDOW)
        count = 1
    return count > settings.CREDIT_VERIFY_RATE_LIMIT


@never_cache
@require_GET
def verify(request: HttpRequest, code: str | None = None) -> HttpResponse:
    """Anyone may check a certificate: name, course, hours, date and whether it still stands.

    A malformed code and an unknown one get the same answer, and look-ups per address are limited,
    so the page tells nothing to someone guessing codes.
    """
    data = {"code": code} if code is not None else (request.GET if "code" in request.GET else None)
    form = VerifyForm(data)
    context = {"form": form, "searched": data is not None, "certificate": None}
    if data is not None:
        if _rate_limited(request):
            context["rate_limited"] = True
            return render(request, "credit/verify.html", context, status=429)
        if form.is_valid():
            context["certificate"] = (
                Certificate.objects.select_related("record").filter(code=form.cleaned_data["code"]).first()
            )
            context["not_found"] = context["certificate"] is None
    return render(request, "credit/verify.html", context)


# ---------------------------------------------------------------------------------------------
# Transcript and CE from elsewhere
# ---------------------------------------------------------------------------------------------


@login_required
@require_GET
def transcript(request: HttpRequest) -> HttpResponse:
    context = selectors.transcript(request.user)
    context["total_hours"] = sum((record.ce_hours for record in context["records"]), Decimal("0")) + sum(
        (entry.hours for entry in context["outside"]), Decimal("0")
    )
    return render(request, "credit/transcript.html", context)


def _transcript_rows(records, outside) -> list[dict]:
    rows = [
        {
            "source": "Touchstone",
            "title": record.course_title,
            "course_number": record.course_number,
            "provider": record.provider_name,
            "completed_on": record.completed_on,
            "hours": record.ce_hours,
            "categories": "; ".join(
                f"{item['name']} ({Decimal(item['hours']).normalize():f})" for item in record.hours_by_category
            ),
            "delivery": record.get_delivery_method_display(),
            "certificate": record.current_certificate.display_code if record.current_certificate else "",
        }
        for record in records
    ]
    rows += [
        {
            "source": "Added by learner",
            "title": entry.title,
            "course_number": "",
            "provider": entry.provider,
            "completed_on": entry.completed_on,
            "hours": entry.hours,
            "categories": "; ".join(category.name for category in entry.categories.all()),
            "delivery": entry.get_delivery_method_display(),
            "certificate": entry.certificate_number,
        }
        for entry in outside
    ]
    rows.sort(key=lambda row: (row["completed_on"], row["title"]), reverse=True)
    return rows


TRANSCRIPT_COLUMNS = [
    ("completed_on", "Completion date"),
    ("title", "Course"),
    ("course_number", "Course number"),
    ("provider", "Provider"),
    ("hours", "CE hours"),
    ("categories", "Categories"),
    ("delivery", "Delivery"),
    ("certificate", "Certificate"),
    ("source", "Source"),
]


def _csv_safe(value) -> str:
    """Text a spreadsheet won't run as a formula."""
    text = (
        value.isoformat()
        if hasattr(value, "isoformat")
        else (f"{value.normalize():f}" if isinstance(value, Decimal) else str(value))
    )
    return safe_cell(text)


@login_required
@require_GET
def transcript_export(request: HttpRequest, fmt: str) -> HttpResponse:
    data = selectors.transcript(request.user)
    rows = _transcript_rows(data["records"], data["outside"])
    stamp = timezone.localdate().isoformat()
    if fmt == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="transcript-{stamp}.csv"'
        writer = csv.writer(response)
        writer.writerow([label for _, label in TRANSCRIPT_COLUMNS])
        for row in rows:
            writer.writerow([_csv_safe(row[key]) for key, _ in TRANSCRIPT_COLUMNS])
        return response
    content = pdf.transcript_pdf(
        learner_name=legal_name_for(request.user),
        records=data["records"],
        outside=data["outside"],
        generated=timezone.now(),
    )
    return _pdf_response(content, f"transcript-{stamp}.pdf")


@login_required
@require_http_methods(["GET", "POST"])
def outside_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    entry = get_object_or_404(OutsideCredit, pk=pk, user=request.user) if pk is not None else None
    form = OutsideCreditForm(request.POST or None, request.FILES or None, instance=entry, user=request.user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = form.save()
        messages.success(request, f"“{saved.title}” is on your transcript.")
        return redirect("credit:transcript")
    return render(request, "credit/outside_form.html", {"form": form, "entry": entry})


@login_required
@require_http_methods(["GET", "POST"])
def outside_delete(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_object_or_404(OutsideCredit, pk=pk, user=request.user)
    if request.method == "POST":
        if entry.certificate_file:
            entry.certificate_file.delete(save=False)
        entry.delete()
        messages.success(request, "The entry is removed from your transcript.")
        return redirect("credit:transcript")
    return render(request, "credit/outside_confirm_delete.html", {"entry": entry})


@login_required
@require_GET
def outside_certificate(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _owned(OutsideCredit.objects.all(), request, pk=pk)
    if not entry.certificate_file:
        raise Http404
    try:
        handle = entry.certificate_file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    # Only the types the upload check accepts are named; anything older goes out as plain bytes.
    known = entry.certificate_content_type in uploads.EXTENSIONS
    content_type = entry.certificate_content_type if known else "application/octet-stream"
    extension = uploads.EXTENSIONS[content_type] if known else "bin"
    response = FileResponse(handle, content_type=content_type)
    # Always a download, never shown in the page: a browser can't be talked into reading it as anything else.
    response["Content-Disposition"] = f'attachment; filename="certificate-{entry.pk}.{extension}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"
    return response


# ---------------------------------------------------------------------------------------------
# Renewal tracker
# ---------------------------------------------------------------------------------------------


@login_required
@require_GET
def renewal(request: HttpRequest) -> HttpResponse:
    overview = selectors.renewal_overview(request.user, with_events=True)
    return render(request, "credit/renewal.html", {"overview": overview})


# ---------------------------------------------------------------------------------------------
# Provider roster
# ---------------------------------------------------------------------------------------------

ROSTER_COLUMNS = [
    ("name", "Name"),
    ("licence_number", "Licence number"),
    ("licence_state", "Licence state"),
    ("course_number", "Course number"),
    ("completion_date", "Completion date"),
    ("hours", "CE hours"),
    ("place", "Place"),
    ("issuer", "Issued by"),
]


@login_required
@require_GET
def roster(request: HttpRequest) -> HttpResponse:
    courses = selectors.roster_courses(request.user)
    if not courses.exists():
        raise Http404  # not an instructor of anything, not an administrator
    form = RosterForm(request.GET or None, courses=courses)
    rows = None
    if request.GET and form.is_valid():
        course, start, end = (form.cleaned_data[key] for key in ("course", "start", "end"))
        rows = selectors.roster(course, start, end)
        if request.GET.get("format") == "csv":
            response = HttpResponse(content_type="text/csv; charset=utf-8")
            filename = f"roster-{course.course_number}-{start.isoformat()}-{end.isoformat()}.csv"
            response["Content-Disposition"] = f'attachment; filename="{filename}"'
            writer = csv.writer(response)
            writer.writerow([label for _, label in ROSTER_COLUMNS])
            for row in rows:
                writer.writerow([_csv_safe(row[key]) for key, _ in ROSTER_COLUMNS])
            return response
    return render(
        request,
        "credit/roster.html",
        {"form": form, "rows": rows, "columns": ROSTER_COLUMNS, "csv_query": request.GET.urlencode()},
    )
