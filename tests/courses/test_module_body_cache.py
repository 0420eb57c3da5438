"""A module's body is rendered once per published revision and shown fresh as soon as a new one is published."""

import pytest
from django.core.cache import cache

from tests import factories
from tests.credit import factories as credit_factories

pytestmark = pytest.mark.django_db


def _publish_body(module, text: str) -> None:
    module.body = [("text", f"<p>{text}</p>")]
    module.save_revision().publish()


def test_body_is_served_from_the_revision_cache_until_a_new_revision_is_published(client, catalogue):
    course = factories.course(title="Cached body")
    module = factories.module(course, title="Effleurage")
    _publish_body(module, "Long gliding strokes toward the heart.")
    learner = credit_factories.learner("sam")
    client.force_login(learner)
    assert "Long gliding strokes" in client.get(module.url).content.decode()

    # The same revision is served from the cache: a change made behind Wagtail's back is not seen...
    body_keys = {key for key in getattr(cache, "_cache", {}) if "module-body" in key}
    assert body_keys
    type(module).objects.filter(pk=module.pk).update(title="Effleurage")  # no new revision
    assert "Long gliding strokes" in client.get(module.url).content.decode()
    assert {key for key in getattr(cache, "_cache", {}) if "module-body" in key} == body_keys

    # ...while a newly published revision shows at once, to a signed-in learner who bypasses the page cache.
    module.refresh_from_db()
    _publish_body(module, "Slow, even pressure with the whole hand.")
    page = client.get(module.url).content.decode()
    assert "Slow, even pressure" in page
    assert "Long gliding strokes" not in page


def test_a_preview_of_a_draft_is_never_served_from_or_stored_in_the_cache(client, catalogue):
    course = factories.course(title="Preview body")
    module = factories.module(course, title="Petrissage")
    _publish_body(module, "Kneading lifts and squeezes the tissue.")
    client.force_login(credit_factories.learner("sam"))
    client.get(module.url)  # the live revision's body is now cached
    module.body = [("text", "<p>Draft wording about kneading.</p>")]
    module.save_revision()

    preview = module.get_latest_revision_as_object().make_preview_request()
    preview = preview.render() if hasattr(preview, "render") else preview
    assert "Draft wording" in preview.content.decode()

    live = client.get(module.url).content.decode()
    assert "Kneading lifts" in live
    assert "Draft wording" not in live
