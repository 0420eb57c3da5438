from django.apps import AppConfig


class EventsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "events"
    verbose_name = "Events"

    def ready(self) -> None:
        from courses.panels_registry import COURSE_AFTER_MODULES, COURSE_ASIDE, register_course_panel
        from credit.dashboard_panels import DASHBOARD_MAIN, dashboard_panels
        from credit.live import register_offering_finder
        from credit.renewal_suggestions import register_gap_suggester
        from teams.setup import run_after_migrate

        from . import signal_handlers
        from .attendance_credit import attended_offering
        from .renewal import suggest_events
        from .services import ensure_provider_setup

        signal_handlers.register()
        # The Providers group exists on every install.
        run_after_migrate(self, ensure_provider_setup)
        # A course page's sidebar lists related events, without knowing events exist.
        register_course_panel(
            "events", slot=COURSE_ASIDE, order=10, template="{% load events_tags %}{% course_events page %}"
        )
        # A live course's page says credit comes from attending an offering, and lists the offerings.
        register_course_panel(
            "events_offerings",
            slot=COURSE_AFTER_MODULES,
            order=20,
            template="{% load events_tags %}{% course_offerings page %}",
        )
        # A live course completes when the learner attended an offering of it in full.
        register_offering_finder(attended_offering)
        # The renewal tracker lists upcoming events that close a licence's missing rules.
        register_gap_suggester("events", suggest_events)
        # The learning dashboard lists the learner's registrations, without knowing events exist.
        dashboard_panels.register(
            "events_my_events", slot=DASHBOARD_MAIN, order=10, template="{% load events_tags %}{% my_events %}"
        )
