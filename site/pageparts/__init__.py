"""Named template parts that apps above a page add to it, so the page never names those apps.

A lower app (courses, accounts, quizzes) owns a `PanelRegistry` with the slots its pages offer; an app
above it registers a part from its AppConfig.ready(). A part's `template` is Django template source
rendered in the page's own context, so it gives exactly the HTML (and runs exactly the queries) that
the tag would inline. This module is the mechanism only; docs/architecture.md lists the registries.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.template import Context, Template
from django.utils.functional import cached_property
from django.utils.safestring import SafeString, mark_safe


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
