"""`manage.py onboard_provider`: account, draft page and rights; duplicates refused with a clear message."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Page, Site

from events.models import EventIndexPage, ProviderPage
from events.services import PROVIDERS_GROUP, OnboardingError, ensure_events_index

pytestmark = pytest.mark.django_db


def onboard(**options) -> str:
    out = StringIO()
    arguments = {"name": "Blue Ridge Massage Seminars", "email": "info@blueridge.example", "username": "blueridge"}
    arguments.update(options)
    call_command(
        "onboard_provider", *[f"--{key.replace('_', '-')}={value}" for key, value in arguments.items()], stdout=out
    )
    return out.getvalue()


def test_onboarding_creates_the_account_page_and_permissions(events_index, client):
    output = onboard(time_zone="America/Chicago")

    user = get_user_model().objects.get(username="blueridge")
    assert user.email == "info@blueridge.example"
    assert set(user.groups.values_list("name", flat=True)) == {PROVIDERS_GROUP, "Provider: Blue Ridge Massage Seminars"}
    provider = ProviderPage.objects.get(slug="blue-ridge-massage-seminars")
    assert provider.get_parent().pk == events_index.pk
    assert provider.live is False  # a draft until a course editor approves it
    assert provider.contact_email == "info@blueridge.example"
    assert provider.time_zone == "America/Chicago"
    perms = provider.permissions_for_user(user)
    assert perms.can_edit() and perms.can_add_subpage() and not perms.can_publish()
    assert events_index.permissions_for_user(user).can_add_subpage() is False

    assert "Created the account 'blueridge'" in output
    assert "Created the draft provider page" in output
    assert "temporary password:" in output
    password = output.split("temporary password: ")[1].split()[0]
    assert client.login(username="blueridge", password=password)
    assert client.get(f"/admin/pages/{provider.pk}/edit/").status_code == 200


def test_onboarding_creates_the_events_page_when_missing(home):
    assert not EventIndexPage.objects.exists()
    output = onboard()
    assert "Created the Events page at /events/." in output
    index = EventIndexPage.objects.get()
    assert index.live
    assert index.get_parent().pk == Site.objects.get(is_default_site=True).root_page_id == home.pk


def test_the_events_page_goes_under_the_default_sites_home_page(home):
    # Another site, older than the default one, whose root is another page: the default site's home wins.
    default = Site.objects.get(is_default_site=True)
    default.delete()
    other_root = Page.get_first_root_node().add_child(instance=Page(title="Elsewhere", slug="elsewhere"))
    Site.objects.create(hostname="elsewhere.example", root_page=other_root, is_default_site=False)
    Site.objects.create(hostname=default.hostname, root_page=home, is_default_site=True)
    index, created = ensure_events_index()
    assert created and index.get_parent().pk == home.pk


def test_without_a_site_there_is_nowhere_to_put_the_events_page(db):
    Site.objects.all().delete()
    with pytest.raises(OnboardingError, match="There is no home page yet"):
        ensure_events_index()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"username": "BlueRidge", "email": "other@blueridge.example", "name": "Other"},
            "username 'BlueRidge' is already taken",
        ),
        (
            {"username": "other", "email": "INFO@blueridge.example", "name": "Other"},
            "e-mail address INFO@blueridge.example already exists",
        ),
        (
            {"username": "other", "email": "other@blueridge.example"},
            "A provider called 'Blue Ridge Massage Seminars' is already on the site",
        ),
        (
            {"username": "other", "email": "other@x.example", "name": "Someone", "time_zone": "Mars/Base"},
            "'Mars/Base' is not a time zone",
        ),
        ({"username": "other", "email": "other@x.example", "name": "!!!"}, "cannot be turned into a web address"),
        ({"username": "other", "email": "other@x.example", "name": "Past"}, "clash with the events listing"),
    ],
)
def test_duplicates_and_bad_values_are_refused(events_index, options, message):
    onboard()
    with pytest.raises(CommandError, match=message):
        onboard(**options)
    assert get_user_model().objects.filter(username__in=["other", "BlueRidge"]).count() == 0
    assert ProviderPage.objects.count() == 1


def test_an_existing_provider_name_is_refused(gulf):
    with pytest.raises(CommandError, match="already on the site"):
        onboard(name="gulf coast bodywork institute")
