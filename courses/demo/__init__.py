"""Demo catalogue for `manage.py load_demo`: the Courses page and three complete courses.

Runs after home.demo, which creates the accounts (accounts.demo) the instructors sign in with. Safe to run
again: pages are updated in place by slug and republished only when their content changed.
"""

from ..selectors import site_home
from . import communication, contraindications, swedish
from .loader import ensure_catalogue, ensure_course
from .spec import CourseSpec

COURSES: tuple[CourseSpec, ...] = (swedish.COURSE, contraindications.COURSE, communication.COURSE)


def load(stdout) -> list:
    home = site_home()
    if home is None:
        raise RuntimeError("The home page is missing: run `python manage.py migrate` first.")
    catalogue = ensure_catalogue(home)
    for spec in COURSES:
        ensure_course(catalogue, spec)
    modules = sum(len(spec.modules) for spec in COURSES)
    stdout.write(f"Course catalogue ready: {len(COURSES)} courses, {modules} modules.")
    return []
