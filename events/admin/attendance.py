"""Taking attendance in the admin: an event's sessions and registrants, each session's roster, the audit
history of every change, and the CSV of credit earned that a provider uploads to the board's tracker.

Who may use them is who may see the event's registrations (the provider's own team, course editors,
administrators); to anyone else the event is not found (404). Marks are written by `events.attendance`
(`mark`, `mark_many`), which keeps the audit and settles credit; these views only ask and report.
"""

import csv
from collections import defaultdict

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from wagtail.admin.widgets import HeaderButton, ListingButton

import pageparts.ids  # noqa: F401 - registers the <id:...> and <page_id:...> path converters
from accounts.selectors import legal_names_for
from credit.selectors import is_credit_admin
from pageparts.spreadsheet import safe_cell

from .. import attendance_credit, roster
from ..attendance import CHECK_IN_OPENS_BEFORE, AttendanceError, mark, mark_many
from ..models import AttendanceChange, EventPage, EventSession
from .attendance_forms import BulkMarkForm, MarkForm
from .registrations import can_see_registrations

OVERVIEW, ROSTER, HISTORY, CSV = "events_attendance", "events_roster", "events_attendance_history", "events_roster_csv"
HISTORY_PAGE_SIZE = 100


def _event(request: HttpRequest, event_id: int) -> EventPage:
    event = get_object_or_404(EventPage, pk=event_id)
    if not can_see_registrations(request.user, event):
        raise Http404("No event of yours has that ID.")
    return event


def _session(event: EventPage, session_id: int) -> EventSession:
    session = next((session for session in event.session_list if session.pk == session_id), None)
    if session is None:
        raise Http404("This event has no session with that ID.")
    return session


def _links(event: EventPage) -> dict:
    return {
        "overview_url": reverse(OVERVIEW, args=[event.pk]),
        "history_url": reverse(HISTORY, args=[event.pk]),
        "csv_url": reverse(CSV, args=[event.pk]),
        "registrations_url": reverse("events_registrations", args=[event.pk]),
    }


def attendance_view(request: HttpRequest, event_id: int) -> TemplateResponse:
    event = _event(request, event_id)
    if attendance_credit.is_over(event):
        attendance_credit.settle_ended_for(event=event)  # credit due since the event ended
    registrations = roster.registered(event)
    return TemplateResponse(
        request,
        "events/admin/attendance.html",
        {
            "event": event,
            "sessions": roster.session_lines(event=event, places=len(registrations)),
            "registrants": roster.registrant_lines(event=event, registrations=registrations),
            "check_in_opens": int(CHECK_IN_OPENS_BEFORE.total_seconds() // 60),
            "can_open_records": is_credit_admin(request.user),
            **_links(event),
        },
    )


# -- one session's roster -------------------------------------------------------------------------------


def _initial(row: roster.RosterRow) -> dict:
    mark_ = row.mark
    if mark_ is None:
        return {"registration": row.registration.pk}
    return {
        "registration": row.registration.pk,
        "attendance": "present" if mark_.present else "absent",
        "minutes": mark_.minutes_attended,
        "note": mark_.note,
    }


def _first_error(form) -> str:
    return next(iter(error for errors in form.errors.values() for error in errors), "Check the form and try again.")


def _after_bulk(request, *, session: EventSession, form: BulkMarkForm, names: dict[int, str]) -> None:
    """Mark the ticked people and say what changed, with the credit each change issued or withdrew."""
    ids, present = form.cleaned_data["registrations"], form.cleaned_data["mark"] == "present"
    last = AttendanceChange.objects.filter(session=session).order_by("-pk").values_list("pk", flat=True).first() or 0
    word = "present" if present else "absent"
    try:
        changed = mark_many(session=session, registration_ids=ids, present=present, by=request.user)
    except AttendanceError as error:
        messages.error(request, f"Not every mark was saved: {error} The audit history shows what was.")
        return
    unchanged = len(ids) - changed
    text = f"{changed} marked {word} for {session.when}."
    if unchanged:
        text += f" {unchanged} already marked {word}: nothing changed for them."
    messages.success(request, text)
    effects = defaultdict(list)
    for change in (
        AttendanceChange.objects.filter(session=session, pk__gt=last).exclude(credit_effect="").order_by("pk")
    ):
        effects[change.credit_effect].append(names.get(change.registration_id, "someone"))
    for effect, who in effects.items():
        messages.info(request, f"{effect} {', '.join(who)}.")


def _after_row(request, *, session: EventSession, form: MarkForm, name: str) -> bool:
    """Save one mark and say what it changed; False (with the reason on the form) when it cannot be taken."""
    data = form.cleaned_data
    try:
        result = mark(
            session=session,
            registration_id=data["registration"],
            present=form.present,
            minutes=data["minutes"] if form.present else None,
            note=data["note"],
            by=request.user,
        )
    except AttendanceError as error:
        form.add_error(None, str(error))
        messages.error(request, str(error))
        return False
    now = roster.describe(
        {"present": form.present, "minutes_attended": data["minutes"], "note": data["note"]},
        length_minutes=session.length_minutes,
    )
    if not result.changed:
        messages.info(request, f"Nothing changed: {name} was already marked {now}.")
        return True
    messages.success(request, f"{name} marked {now} for {session.when}. {result.credit_effect}".strip())
    return True


def roster_view(request: HttpRequest, event_id: int, session_id: int) -> TemplateResponse | HttpResponse:
    event = _event(request, event_id)
    session = _session(event, session_id)
    registrations = roster.registered(event)
    closed = roster.marking_closed_reason(event=event, session=session)
    status, bulk_form, row_form = 200, BulkMarkForm(registrations=registrations), None
    here = reverse(ROSTER, args=[event.pk, session.pk])
    if request.method == "POST":
        status = 400
        learners = legal_names_for(registration.learner for registration in registrations)
        names = {registration.pk: learners[registration.learner_id] for registration in registrations}
        action = request.POST.get("action")
        if closed:
            messages.error(request, closed)
        elif action == "bulk":
            bulk_form = BulkMarkForm(request.POST, registrations=registrations)
            if bulk_form.is_valid():
                _after_bulk(request, session=session, form=bulk_form, names=names)
                return redirect(here)
            messages.error(request, _first_error(bulk_form))
        elif action == "row":
            row_id = request.POST.get("registration", "")
            row_form = MarkForm(
                request.POST,
                session=session,
                registrations=registrations,
                auto_id=f"mark-{row_id}-%s" if row_id.isdigit() else "mark-%s",
            )
            if row_form.is_valid():
                registration_id = row_form.cleaned_data["registration"]
                if _after_row(request, session=session, form=row_form, name=names[registration_id]):
                    return redirect(f"{here}#registration-{registration_id}")
            else:
                messages.error(request, _first_error(row_form))
        else:
            messages.error(request, "Choose what to do: mark the ticked people, or save one person's mark.")
    rows = roster.roster_rows(event=event, session=session, registrations=registrations)
    bound_id = row_form.data.get("registration") if row_form is not None else None
    forms = []
    for row in rows:
        if bound_id == str(row.registration.pk):
            form = row_form
        else:
            form = MarkForm(
                initial=_initial(row),
                session=session,
                registrations=registrations,
                auto_id=f"mark-{row.registration.pk}-%s",
            )
        forms.append((row, form))
    return TemplateResponse(
        request,
        "events/admin/roster.html",
        {
            "event": event,
            "session": session,
            "rows": forms,
            "bulk_form": bulk_form,
            "ticked": {str(value) for value in bulk_form.data.getlist("registrations")}
            if bulk_form.is_bound
            else set(),
            "closed": closed,
            "check_in_opens": int(CHECK_IN_OPENS_BEFORE.total_seconds() // 60),
            **_links(event),
        },
        status=status,
    )


# -- the audit history and the board's CSV --------------------------------------------------------------


def history_view(request: HttpRequest, event_id: int) -> TemplateResponse:
    event = _event(request, event_id)
    page = Paginator(roster.changes_for(event), HISTORY_PAGE_SIZE).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "events/admin/attendance_history.html",
        {
            "event": event,
            "page": page,
            "entries": roster.audit_entries(event=event, changes=list(page.object_list)),
            **_links(event),
        },
    )


def roster_csv_view(request: HttpRequest, event_id: int) -> HttpResponse:
    event = _event(request, event_id)
    if attendance_credit.is_over(event):
        attendance_credit.settle_ended_for(event=event)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="event-{event.slug}-roster.csv"'
    writer = csv.writer(response)
    writer.writerow(roster.CREDIT_ROSTER_COLUMNS)
    for row in roster.credit_roster(event=event):
        writer.writerow([safe_cell(value) for value in row])
    return response


def urls() -> list:
    return [
        path("events/<page_id:event_id>/attendance/", attendance_view, name=OVERVIEW),
        path("events/<page_id:event_id>/attendance/history/", history_view, name=HISTORY),
        path("events/<page_id:event_id>/attendance/roster.csv", roster_csv_view, name=CSV),
        path("events/<page_id:event_id>/attendance/sessions/<id:session_id>/", roster_view, name=ROSTER),
    ]


def header_buttons(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, EventPage) and can_see_registrations(user, page):
        yield HeaderButton("Attendance", url=reverse(OVERVIEW, args=[page.pk]), icon_name="clipboard-list", priority=41)


def listing_buttons(page, user, next_url=None):
    if isinstance(page.specific_deferred, EventPage) and can_see_registrations(user, page):
        yield ListingButton(
            "Attendance", url=reverse(OVERVIEW, args=[page.pk]), icon_name="clipboard-list", priority=46
        )
