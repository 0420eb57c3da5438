"""Demo catalogue for `manage.py load_demo`: the Courses page and three complete courses.

The content lives in data files under data/ (see content.py for their layout). Runs after home.demo,
which creates the accounts (accounts.demo) the instructors sign in with. Safe to run again: pages are
updated in place by slug and republished only when their content changed.
"""

from ..selectors import site_home
from .content import read_catalogue
from .loader import ensure_catalogue, ensure_course


def load(stdout) -> list:
    home = site_home()
    if home is None:
        raise RuntimeError("The home page is missing: run `python manage.py migrate` first.")
    spec = read_catalogue()
    catalogue = ensure_catalogue(home, spec)
    for course in spec.courses:
        ensure_course(catalogue, course)
    modules = sum(len(course.modules) for course in spec.courses)
    stdout.write(f"Course catalogue ready: {len(spec.courses)} courses, {modules} modules.")
    return []
