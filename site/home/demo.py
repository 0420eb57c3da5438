"""The demo's home page content, and the demo people (from accounts.demo) put in their groups."""

from django.contrib.auth import get_user_model

from accounts.demo import ACCOUNTS, ADMIN, EDITOR, INSTRUCTOR_DANIEL, INSTRUCTOR_MAYA, LEARNER, DemoAccount, ensure_user

from .models import HomePage

__all__ = ["ACCOUNTS", "LEARNER", "DemoAccount", "ensure_user", "load"]


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
