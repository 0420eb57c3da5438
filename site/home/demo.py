"""Demo accounts and home page content for `manage.py load_demo`."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model

from .models import HomePage


@dataclass(frozen=True)
class DemoAccount:
    role: str
    username: str
    password: str
    name: str
    note: str = ""


ADMIN = DemoAccount(
    "Administrator", "admin", "touchstone-admin", "Alex Morgan", "Everything, including the Wagtail admin"
)
INSTRUCTOR_MAYA = DemoAccount(
    "Instructor", "maya", "touchstone-instructor", "Maya Okafor", "Authors Swedish Technique Foundations"
)
INSTRUCTOR_DANIEL = DemoAccount(
    "Instructor", "daniel", "touchstone-instructor", "Daniel Reyes", "Authors Contraindications and Client Safety"
)
EDITOR = DemoAccount(
    "Course editor", "jordan", "touchstone-editor", "Jordan Lee", "Approves and publishes course changes"
)
LEARNER = DemoAccount(
    "Learner", "sam", "touchstone-learner", "Samira Haddad", "A massage therapist studying for renewal"
)

ACCOUNTS = [ADMIN, INSTRUCTOR_MAYA, INSTRUCTOR_DANIEL, EDITOR, LEARNER]


def ensure_user(account: DemoAccount, *, superuser: bool = False):
    """Create or refresh a demo user; the password is reset so the printed one always works."""
    User = get_user_model()
    first, _, last = account.name.partition(" ")
    user, _ = User.objects.get_or_create(
        username=account.username,
        defaults={"email": f"{account.username}@touchstone.example", "first_name": first, "last_name": last},
    )
    user.set_password(account.password)
    user.is_superuser = user.is_staff = superuser
    user.is_active = True
    user.save()
    return user


def load(stdout) -> list[DemoAccount]:
    from django.contrib.auth.models import Group

    from courses.services import COURSE_EDITORS_GROUP, ensure_authoring_setup

    ensure_authoring_setup()
    ensure_user(ADMIN, superuser=True)
    for account in (INSTRUCTOR_MAYA, INSTRUCTOR_DANIEL, EDITOR, LEARNER):
        ensure_user(account)
    Group.objects.get(name=COURSE_EDITORS_GROUP).user_set.add(get_user_model().objects.get(username=EDITOR.username))

    home = HomePage.objects.first()
    content = {
        "hero_heading": "Continuing education that respects your hands and your time",
        "hero_text": (
            "Touchstone is where massage therapists study technique, contraindications and client "
            "communication, test themselves on real client cases, and earn CE credit they can prove."
        ),
    }
    if home is not None and any(getattr(home, field) != value for field, value in content.items()):
        for field, value in content.items():
            setattr(home, field, value)
        home.save_revision().publish()
    stdout.write("Demo accounts and home page ready.")
    return ACCOUNTS
