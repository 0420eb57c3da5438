"""Groups and permissions shared by every kind of author: course teams, provider teams, editors.

Wagtail grants page rights to groups and image/document rights per collection, so each team is a
group that owns one page subtree. These helpers keep that plumbing in one place; `teams.setup`
runs each app's groups-and-workflow set-up after migrate.
"""

from collections.abc import Iterable

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

# Uploading and choosing pictures and handouts: granted on the root collection, as Wagtail checks them there.
UPLOAD_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]
# Drafting, editing and submitting inside a team's own pages; publishing stays with the reviewers.
TEAM_PAGE_PERMISSIONS = ("add_page", "change_page", "lock_page", "unlock_page")


def permissions(pairs: Iterable[tuple[str, str]]) -> list[Permission]:
    """The Permission rows for (app label, codename) pairs; pairs of apps not installed are skipped."""
    found = []
    for app_label, codename in pairs:
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if permission is not None:
            found.append(permission)
    return found


def grant_page_permissions(group: Group, page: Page, codenames: Iterable[str]) -> None:
    page_permissions = Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=list(codenames))
    for permission in page_permissions:
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def grant_collection_permissions(group: Group, pairs: Iterable[tuple[str, str]]) -> None:
    root = Collection.get_first_root_node()
    if root is None:
        return
    for permission in permissions(pairs):
        GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=permission)


def team_group(page: Page, name: str) -> Group:
    """The group that owns `page` (stored on its `team_group` field), created or renamed as needed.

    Group names are unique, so a rename that would clash with another group keeps the old name.
    """
    group = page.team_group
    name = name[:150]
    if group is None:
        group, _ = Group.objects.get_or_create(name=name)
        type(page).objects.filter(pk=page.pk).update(team_group=group)
        page.team_group = group
    elif group.name != name and not Group.objects.filter(name=name).exists():
        group.name = name
        group.save(update_fields=["name"])
    grant_page_permissions(group, page, TEAM_PAGE_PERMISSIONS)
    return group


def create_all_permissions(using: str) -> None:
    """Make sure every app's Permission rows exist before groups are granted them.

    post_migrate reaches apps in INSTALLED_APPS order, so permissions of apps listed after the one
    being set up may not exist yet; Django's own data migrations do the same.
    """
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
