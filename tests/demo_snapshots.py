"""What the demo snapshots of courses and events share: a group's rights, and the JSON they are written as."""

import json

from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission


def group_description(group: Group | None, *, collections: bool) -> dict | None:
    """A group's name, permissions, page rights and members (and collection rights when asked), sorted."""
    if group is None:
        return None
    description = {
        "name": group.name,
        "permissions": sorted(
            f"{permission.content_type.app_label}.{permission.codename}" for permission in group.permissions.all()
        ),
        "page_permissions": sorted(
            f"{grant.page.url_path} {grant.permission.codename}"
            for grant in GroupPagePermission.objects.filter(group=group).select_related("page", "permission")
        ),
        "members": sorted(group.user_set.values_list("username", flat=True)),
    }
    if collections:
        description["collection_permissions"] = sorted(
            f"{grant.collection.name} {grant.permission.codename}" for grant in group.collection_permissions.all()
        )
    return description


def dump(description: dict) -> str:
    return json.dumps(description, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
