"""Parts other apps add to the learning dashboard (/learning/), which never names the apps above credit.

Events shows the learner's upcoming registrations and waiting-list places there ("My events"); it
registers that part from its AppConfig.ready():

    dashboard_panels.register(
        "events_my_events", slot=DASHBOARD_MAIN, order=10, template="{% load events_tags %}{% my_events %}"
    )

`template` is rendered in the dashboard's own context (`request`, `in_progress`, `completed`...); a
slot is rendered with `{% dashboard_panels "<slot>" %}` from credit_tags.
"""

from pageparts import PanelRegistry

# Slot on the dashboard: after "Continue where you left off", before the courses in progress.
DASHBOARD_MAIN = "dashboard_main"

dashboard_panels = PanelRegistry({DASHBOARD_MAIN})
