"""The event editor's form: session times in the event's own zone, and checks that span several fields.

Kept free of model imports so `EventPage.base_form_class` can point here without a cycle.
"""

from wagtail.admin.forms import WagtailAdminPageForm

from courses.choices import DeliveryMethod
from courses.editor_forms import CEHoursFormMixin

from . import schedule

FALLBACK_TIME_ZONE = "America/New_York"
CANCELLED = "cancelled"  # EventStatus.CANCELLED; this module imports no models
STATUS_HELP = (
    "To cancel or postpone at once, with a reason learners are e-mailed, use Cancel event or Postpone event "
    "at the top of this page. To put a postponed event back on the schedule, enter its new sessions and choose "
    "Scheduled."
)


class EventPageForm(CEHoursFormMixin, WagtailAdminPageForm):
    """Besides the checks below, CE hours say the half-hour rule and categories' hours must add up (see courses)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        parent = self.parent_page.specific if self.parent_page is not None else None
        if self.instance.pk is None and not self.is_bound and parent is not None:
            # A new event starts where its provider usually teaches.
            if schedule.is_known_time_zone(getattr(parent, "time_zone", "")):
                self.initial["time_zone"] = parent.time_zone
            if getattr(parent, "country", ""):
                self.initial["country"] = parent.country
        if "status" in self.fields:
            # What each status means (the model's help), then the fast path for cancelling or postponing.
            self.fields["status"].help_text = f"{self.fields['status'].help_text} {STATUS_HELP}".strip()
        self.session_time_zone = self._chosen_time_zone()
        sessions = self.formsets.get("sessions")
        if sessions is not None:
            for form in sessions.forms:
                for name in ("starts_at", "ends_at"):
                    if name in form.fields:
                        form.fields[name].zone_name = self.session_time_zone

    def _chosen_time_zone(self) -> str:
        """The zone the session times are typed in: the one submitted with them, else the saved one."""
        if self.is_bound:
            submitted = self.data.get(self.add_prefix("time_zone"), "")
            if schedule.is_known_time_zone(submitted):
                return submitted
        initial = self.initial.get("time_zone") or self.instance.time_zone
        return initial if schedule.is_known_time_zone(initial) else FALLBACK_TIME_ZONE

    def _live_status(self) -> str:
        """The status learners see now (the editor shows the latest draft), or "" for an event not live."""
        if self.instance.pk is None:
            return ""
        live = type(self.instance)._default_manager.filter(pk=self.instance.pk, live=True)
        return live.values_list("status", flat=True).first() or ""

    def _session_times(self) -> list[tuple]:
        """(start, end) of every kept session, when all of them are valid."""
        formset = self.formsets.get("sessions")
        if formset is None or not formset.is_valid():
            return []
        times = []
        for form in formset.forms:
            data = getattr(form, "cleaned_data", {})
            if not data or data.get("DELETE"):
                continue
            if data.get("starts_at") and data.get("ends_at"):
                times.append((data["starts_at"], data["ends_at"]))
        return sorted(times)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status", CANCELLED) != CANCELLED and self._live_status() == CANCELLED:
            # Registrants were told it will not take place; a new run is a new event (copy this one).
            self.add_error("status", "A cancelled event stays cancelled. To run it again, copy it as a new event.")
        if self.is_deferred_validation:
            # Saving a draft: the provider may still be filling it in.
            return cleaned
        delivery = cleaned.get("delivery_method")
        if delivery == DeliveryMethod.LIVE_ON_SITE:
            for name, label in (("venue", "venue"), ("city", "city"), ("country", "country")):
                if name in self.fields and not cleaned.get(name):
                    self.add_error(name, f"An on-site event needs its {label}, so learners know where to go.")
        elif delivery and "joining_details" in self.fields and not cleaned.get("joining_details"):
            self.add_error("joining_details", "Say how participants join or open the course.")

        times = self._session_times()
        for (_, earlier_end), (later_start, _) in zip(times, times[1:], strict=False):
            if later_start < earlier_end:
                self.add_error(None, "Two sessions overlap: check their dates and times.")
                break
        deadline = cleaned.get("registration_deadline")
        zone = cleaned.get("time_zone") or self.session_time_zone
        if deadline and times and schedule.is_known_time_zone(zone):
            last_day = max(schedule.to_local(end, zone).date() for _, end in times)
            if deadline > last_day:
                self.add_error("registration_deadline", "The registration deadline is after the event ends.")
        return cleaned
