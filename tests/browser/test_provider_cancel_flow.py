"""A provider cancels one of its events from the admin, at once and without review; the site says so with the
reason, and the learner registered for it is e-mailed.

Runs on the demo: Gulf Coast's *Trigger Point Therapy for the Neck and Shoulders* (Orlando), where `sam` holds
a place (events/demo/data/registrations.yaml).
"""

from django.core import mail
from django.urls import reverse

from events.choices import EventStatus
from events.models import EventPage, Registration
from tests.browser.test_admin_accessibility import admin_login

EVENT_TITLE = "Trigger Point Therapy for the Neck and Shoulders"
REASON = "Our instructor is unwell and we could not find a replacement"


def test_provider_cancels_an_event_at_once_and_the_registered_learner_is_told(
    demo, page, context, live_server, axe_check
):
    event = EventPage.objects.get(title=EVENT_TITLE)
    registered = Registration.objects.active().filter(event=event).select_related("learner")
    assert [registration.learner.username for registration in registered] == ["sam"]
    sam_email = registered[0].learner.email
    revisions_before = event.revisions.count()
    mail.outbox.clear()  # the demo's own registrations send nothing, but start from an empty outbox

    admin_login(page, live_server, "gulfcoast", "touchstone-provider")
    page.goto(live_server.url + reverse("wagtailadmin_pages:edit", args=[event.pk]))
    page.locator("header").get_by_role("button", name="Actions").click()
    page.get_by_role("link", name="Cancel event").click()
    page.wait_for_url(f"**/admin/events/{event.pk}/cancel/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Cancel event")
    assert "1 registrant registered or waiting" in page.locator("main").inner_text()
    axe_check(page)

    # A reason of spaces only: a form error beside the field, and nothing changes.
    page.get_by_role("textbox", name="Reason").fill("   ")
    page.get_by_role("button", name="Cancel the event now").click()
    page.wait_for_load_state()
    assert "Give a reason: learners read it in the e-mail and on the event page." in page.locator("main").inner_text()
    assert EventPage.objects.get(pk=event.pk).status == EventStatus.SCHEDULED

    page.get_by_role("textbox", name="Reason").fill(REASON)
    page.get_by_role("button", name="Cancel the event now").click()
    page.wait_for_url(f"**/admin/events/{event.pk}/registrations/**")
    message = " ".join(page.locator(".messages").inner_text().split())
    assert f"“{EVENT_TITLE}” is cancelled, live now. 1 registrant will be e-mailed" in message

    # Live at once: published by the provider, no review started, the reason kept.
    cancelled = EventPage.objects.get(pk=event.pk)
    assert cancelled.live and cancelled.status == EventStatus.CANCELLED and cancelled.status_reason == REASON
    assert cancelled.revisions.count() == revisions_before + 1
    assert cancelled.live_revision.user.username == "gulfcoast"
    assert cancelled.current_workflow_state is None

    # Sam was e-mailed, once, with the reason.
    to_sam = [message for message in mail.outbox if sam_email in message.to]
    assert len(to_sam) == 1, [message.subject for message in mail.outbox]
    assert REASON in to_sam[0].body
    assert len(mail.outbox) == 1

    # The public event page says it is cancelled, and why; the listing marks it cancelled.
    context.clear_cookies()
    page.goto(live_server.url + cancelled.url)
    banner = " ".join(page.locator(".status-banner--cancelled").inner_text().split())
    assert banner.startswith(f"Cancelled by the provider: {REASON}.")
    axe_check(page)

    page.goto(live_server.url + "/events/")
    card = page.locator(".event-card", has_text=EVENT_TITLE)
    assert card.count() == 1
    assert "event-card--cancelled" in card.get_attribute("class")
    status = " ".join(card.locator(".event-card__status").inner_text().split())
    assert status == f"Cancelled by the provider: {REASON}."
    assert card.get_by_role("link", name=f"Cancelled: {EVENT_TITLE}").count() == 1
