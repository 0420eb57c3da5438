import pytest
from django.contrib.auth.models import Group, Permission

from events.services import PROVIDERS_GROUP
from tests import factories


@pytest.fixture
def maya(db):
    return factories.instructor("Maya Okafor")


@pytest.fixture
def daniel(db):
    return factories.instructor("Daniel Reyes")


@pytest.fixture
def swedish(catalogue, maya):
    # Publishing a course gives its instructors its team group and the Instructors group.
    return factories.course(title="Swedish Technique Foundations", course_number="TS-101", instructors=[maya])


@pytest.fixture
def safety(catalogue, daniel):
    return factories.course(title="Contraindications and Client Safety", course_number="TS-201", instructors=[daniel])


@pytest.fixture
def provider(db):
    user = factories.user("gulfcoast")
    group, _ = Group.objects.get_or_create(name=PROVIDERS_GROUP)
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    user.groups.add(group)
    return user
