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

`PanelRegistry` is the mechanism; apps above courses may keep registries of their own with it (quizzes
does, for its results page).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.template import Context, Template
from django.utils.functional import cached_property
from django.utils.safestring import SafeString, mark_safe

# Slots on the course page: under the title, after the module list, at the foot of the sidebar.
COURSE_ACTIONS = "course_actions"
COURSE_AFTER_MODULES = "course_after_modules"
COURSE_ASIDE = "course_aside"
# Slot on a module page: after the module's text.
MODULE_AFTER_BODY = "module_after_body"


@dataclass
class Panel:
    name: str
    slot: str
    order: int
    template: str

    @cached_property
    def compiled(self) -> Template:
        # Compiled on first use by the project's template engine, then kept.
        return Template(self.template)

    def render(self, context: Context) -> str:
        return self.compiled.render(context)


class PanelRegistry:
    """Named template parts for the slots of some pages, rendered in order in the page's context."""

    def __init__(self, slots: Iterable[str]):
        self.slots = frozenset(slots)
        self._panels: dict[str, Panel] = {}

    def register(self, name: str, *, slot: str, order: int, template: str) -> None:
        """Show `template` in `slot`. Registering a name again replaces it."""
        if slot not in self.slots:
            raise ValueError(f"Unknown slot {slot!r}; choose one of {sorted(self.slots)}.")
        self._panels[name] = Panel(name=name, slot=slot, order=order, template=template)

    def unregister(self, name: str) -> None:
        self._panels.pop(name, None)

    def panels_for(self, slot: str) -> list[Panel]:
        return sorted((panel for panel in self._panels.values() if panel.slot == slot), key=lambda panel: panel.order)

    def render(self, slot: str, context: Context) -> SafeString:
        """Every part registered for `slot`, in order, rendered in the page's context (empty when none)."""
        # Each part is a template rendered with autoescaping, so the joined result is safe HTML.
        return mark_safe("".join(panel.render(context) for panel in self.panels_for(slot)))


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
