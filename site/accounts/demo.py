"""The demo's people: the accounts `manage.py load_demo` creates and prints.

They live with accounts, the foundation every app may use, so that each app's demo (courses,
credit, events) can name the people it needs without reaching up into the project.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model


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
