"""The rows migrations create (root and home page, site, root collection, CE categories, authoring and
provider groups).

A transactional test (live server, concurrency) ends with a flush that empties every table, so the
next one starts by putting these back.
"""

from importlib import import_module

from django.contrib.contenttypes.models import ContentType
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site

from courses.models import CECategory
from courses.services import ensure_authoring_setup
from events.services import ensure_provider_setup
from home.models import HomePage


def ensure_baseline() -> None:
    from django.conf import settings

    locale, _ = Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(
            instance=Page(
                title="Root", slug="root", content_type=ContentType.objects.get_for_model(Page), locale=locale
            )
        )
    if not HomePage.objects.exists():
        home = HomePage(title="Touchstone", slug="home", locale=locale)
        root.add_child(instance=home)
        Site.objects.update_or_create(
            is_default_site=True, defaults={"hostname": "localhost", "root_page": home, "site_name": "Touchstone"}
        )
    if Collection.get_first_root_node() is None:
        # Images and documents (the demo's hero artwork) live in collections under this root.
        Collection.add_root(name="Root")
    defaults = import_module("courses.migrations.0002_default_ce_categories").DEFAULT_CATEGORIES
    for order, (slug, name, description) in enumerate(defaults):
        CECategory.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "sort_order": order}
        )
    ensure_authoring_setup()
    ensure_provider_setup()
    ensure_requirement_profiles()


def ensure_requirement_profiles() -> None:
    """The renewal requirements credit's data migration ships."""
    from django.apps import apps

    migration = import_module("credit.migrations.0002_default_requirement_profiles")
    migration.create_profiles(apps, None)
    import_module("credit.migrations.0005_fill_places_and_correct_profiles").correct_profiles(apps, None)
