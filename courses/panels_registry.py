"""Parts other apps add to the course and module pages, so those pages never name the apps above them.

`courses` sits below `quizzes`, `credit` and `events` (see docs/architecture.md), yet a course page shows
the enrol button and progress bar (credit), the quiz list (quizzes) and related events (events). Each of
those apps registers its part here from its AppConfig.ready(); the page renders whatever is registered
for a slot, in `order`:

    register_course_panel(
        "enrolment", slot=COURSE_ACTIONS, order=10, template="{% load credit_tags %}{% course_actions page %}"
    )

`template` is Django template source rendered in the page's own context (`page`, `request`, `modules`,
`course`... are all there), so a part renders exactly as if its tag were written in the page template.

Progress markers work the same way: an app that knows which modules a learner has finished registers a
provider with `register_completed_modules`; the course and module pages tick the union of what they say.

The mechanism, `PanelRegistry`, is in the foundation module `pageparts` (site/pageparts.py); accounts and
quizzes keep registries of their own with it.
"""

from collections.abc import Callable, Iterable

from pageparts import Panel, PanelRegistry  # noqa: F401  (Panel: part of this module's API)

# Slots on the course page: under the title, after the module list, at the foot of the sidebar.
COURSE_ACTIONS = "course_actions"
COURSE_AFTER_MODULES = "course_after_modules"
COURSE_ASIDE = "course_aside"
# Slot on a module page: after the module's text.
MODULE_AFTER_BODY = "module_after_body"


course_panels = PanelRegistry({COURSE_ACTIONS, COURSE_AFTER_MODULES, COURSE_ASIDE, MODULE_AFTER_BODY})


def register_course_panel(name: str, *, slot: str, order: int, template: str) -> None:
    """Show `template` in `slot` of every course (or module) page. Registering a name again replaces it."""
    course_panels.register(name, slot=slot, order=order, template=template)


def unregister_course_panel(name: str) -> None:
    course_panels.unregister(name)


CompletedModules = Callable[..., Iterable[int]]
_completed_module_providers: dict[str, CompletedModules] = {}


def register_completed_modules(name: str, provider: CompletedModules) -> None:
    """`provider(*, user, course)` returns the ids of the course's modules the signed-in user has finished."""
    _completed_module_providers[name] = provider


def unregister_completed_modules(name: str) -> None:
    _completed_module_providers.pop(name, None)


def completed_module_ids(*, user, course) -> set[int]:
    """Modules of `course` that `user` has finished, by any registered provider (none: nothing is ticked)."""
    done: set[int] = set()
    for provider in _completed_module_providers.values():
        done.update(provider(user=user, course=course))
    return done
