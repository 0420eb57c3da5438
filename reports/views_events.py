"""Providers' event reports in the Wagtail admin: their events in figures over a date range (a page and a CSV),
and one event's report (sign-ups over time, attendance per session).

Who sees what follows the events admin (events.admin.registrations.can_see_registrations): a provider's team
reads its own events, course editors (who review events) and superusers read every event. Another provider's
event is "not found" (404), never confirmed to exist. The figures come from reports.event_report.
"""

import csv
from datetime import date, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from wagtail.admin.auth import permission_denied

from events.admin.registrations import can_see_registrations
from events.models import EventPage
from pageparts import charts
from pageparts.spreadsheet import safe_cell

from . import event_report

LIST, CSV, EVENT = "reports_events", "reports_events_csv", "reports_event"
# With no dates chosen, the report covers a year back and a year ahead.
DEFAULT_SPAN = timedelta(days=365)
LONGEST_RANGE_DAYS = 10 * 366

CSV_COLUMNS = (
    "Event",
    "Provider",
    "Dates",
    "Status",
    "Capacity",
    "Registered",
    "Waiting list",
    "Cancelled",
    "Fill rate (%)",
    "Attended in full",
    "Attended partly",
    "No-shows",
    "Attendance not recorded",
    "Credit records issued",
    "CE hours issued",
)


class DateRangeForm(forms.Form):
    """The report's date range: events held (in part) from `start` to `end`, both days included."""

    start = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"}), help_text="YYYY-MM-DD"
    )
    end = forms.DateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"}), help_text="YYYY-MM-DD"
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end:
            if end < start:
                raise ValidationError("The “To” date is before the “From” date: swap them, or choose another day.")
            if (end - start).days > LONGEST_RANGE_DAYS:
                raise ValidationError("Choose a range of ten years or less.")
        return data


def default_range(today: date | None = None) -> dict:
    today = today or timezone.localdate()
    return {"start": today - DEFAULT_SPAN, "end": today + DEFAULT_SPAN}


def _range_form(request: HttpRequest) -> DateRangeForm:
    """The form bound to the query string, or to the default range when no date was given."""
    if "start" in request.GET or "end" in request.GET:
        return DateRangeForm(request.GET)
    return DateRangeForm({key: value.isoformat() for key, value in default_range().items()})


def _hours(value) -> str:
    return f"{value.normalize():f}"


def _line_cells(line: event_report.EventFigures) -> list:
    event = line.event
    return [
        event.title,
        event.provider.title if event.provider else "",
        line.dates,
        event.get_status_display(),
        line.capacity if line.capacity else "No limit",
        line.registered,
        line.waiting,
        line.cancelled,
        "" if line.fill_rate is None else line.fill_rate,
        line.attendance.in_full,
        line.attendance.partly,
        line.attendance.no_show,
        line.attendance.not_recorded,
        line.credits,
        _hours(line.credit_hours),
    ]


def _total_cells(total: event_report.Totals) -> list:
    return [
        f"Total: {total.events} events",
        "",
        "",
        "",
        total.capacity,
        total.registered,
        total.waiting,
        total.cancelled,
        "" if total.fill_rate is None else total.fill_rate,
        total.attendance.in_full,
        total.attendance.partly,
        total.attendance.no_show,
        total.attendance.not_recorded,
        total.credits,
        _hours(total.credit_hours),
    ]


def events_report_view(request: HttpRequest) -> TemplateResponse | HttpResponse:
    if not event_report.can_read_reports(request.user):
        return permission_denied(request)
    form = _range_form(request)
    lines, total, status = [], None, 200
    if form.is_valid():
        lines = event_report.event_figures(
            events=event_report.reportable_events(request.user),
            start=form.cleaned_data["start"],
            end=form.cleaned_data["end"],
        )
        total = event_report.totals(lines)
    else:
        status = 400
    query = urlencode({key: request.GET[key] for key in ("start", "end") if key in request.GET})
    return TemplateResponse(
        request,
        "reports/events/events_report.html",
        {
            "form": form,
            "lines": lines,
            "total": total,
            "show_provider": request.user.is_superuser or len({line.event.provider_id for line in lines}) > 1,
            "csv_url": f"{reverse(CSV)}?{query}" if query else reverse(CSV),
        },
        status=status,
    )


def events_report_csv_view(request: HttpRequest) -> HttpResponse:
    if not event_report.can_read_reports(request.user):
        return permission_denied(request)
    form = _range_form(request)
    if not form.is_valid():
        errors = " ".join(error for errors in form.errors.values() for error in errors)
        return HttpResponse(f"Check the dates: {errors}", status=400, content_type="text/plain; charset=utf-8")
    start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    lines = event_report.event_figures(events=event_report.reportable_events(request.user), start=start, end=end)
    name = f"events-report-{start or 'start'}-to-{end or 'end'}.csv"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for line in lines:
        writer.writerow([safe_cell(value) for value in _line_cells(line)])
    writer.writerow([safe_cell(value) for value in _total_cells(event_report.totals(lines))])
    return response


def _signups_chart(periods: list[event_report.Period], unit: str):
    total = sum(period.registrations for period in periods)
    busiest = max(periods, key=lambda period: period.registrations) if periods else None
    finding = f" The busiest {unit} was {busiest.label}, with {busiest.registrations}." if busiest and total else ""
    return charts.line_chart(
        title=f"Registrations made per {unit}",
        description=f"Registrations made per {unit}, whatever became of them: {total} in all.{finding}",
        points=[(period.label, period.registrations) for period in periods],
        x_label="Day" if unit == "day" else "Week",
        y_label="Registrations",
    )


def _attendance_chart(figures: event_report.EventFigures):
    counts = figures.attendance
    bars = [
        ("Attended in full", counts.in_full),
        ("Attended partly", counts.partly),
        ("No-shows", counts.no_show),
        ("Not recorded", counts.not_recorded),
    ]
    return charts.bar_chart(
        title="Attendance of the people holding a place",
        description=(
            f"Of the {figures.registered} people holding a place, {counts.in_full} attended in full, "
            f"{counts.partly} partly and {counts.no_show} did not come; {counts.not_recorded} not recorded yet."
        ),
        bars=bars if figures.registered else [],
        value_label="People",
        label_heading="Attendance",
    )


def event_report_view(request: HttpRequest, event_id: int) -> TemplateResponse:
    event = get_object_or_404(EventPage, pk=event_id)
    if not can_see_registrations(request.user, event):
        raise Http404("No event of yours has that ID.")
    figures = event_report.one_event_figures(event=event)
    event = figures.event
    periods = event_report.signups_over_time(event=event, first_day=figures.first_day)
    sessions = event_report.session_attendance(event=event, places=figures.registered)
    unit = periods[-1].unit if periods else "day"
    return TemplateResponse(
        request,
        "reports/events/event_report.html",
        {
            "event": event,
            "line": figures,
            "periods": periods,
            "signups_chart": _signups_chart(periods, unit),
            "attendance_chart": _attendance_chart(figures),
            "sessions": sessions,
            "list_url": reverse(LIST),
            "attendance_url": reverse("events_attendance", args=[event.pk]),
            "registrations_url": reverse("events_registrations", args=[event.pk]),
        },
    )
