"""Sections other apps add to the learner's profile page, between "Name and e-mail" and "Password".

Accounts is the foundation every app may use, so it cannot name the apps above it: the licences a
learner renews belong to credit, which registers their section from its AppConfig.ready():

    register_profile_section("licences", order=10, template="{% load credit_tags %}{% profile_licences %}")

`template` is Django template source rendered in the profile page's own context (`request`, `user`...).
"""

from dataclasses import dataclass

from django.template import Context, Template
from django.utils.functional import cached_property
from django.utils.safestring import SafeString, mark_safe


@dataclass
class ProfileSection:
    name: str
    order: int
    template: str

    @cached_property
    def compiled(self) -> Template:
        # Compiled on first use by the project's template engine, then kept.
        return Template(self.template)

    def render(self, context: Context) -> str:
        return self.compiled.render(context)


_sections: dict[str, ProfileSection] = {}


def register_profile_section(name: str, *, order: int, template: str) -> None:
    """Show `template` on the profile page, sections in `order`. Registering a name again replaces it."""
    _sections[name] = ProfileSection(name=name, order=order, template=template)


def unregister_profile_section(name: str) -> None:
    _sections.pop(name, None)


def render_sections(context: Context) -> SafeString:
    """Every registered section, in order, rendered in the profile page's context."""
    # Each section is a template rendered with autoescaping, so the joined result is safe HTML.
    return mark_safe("".join(section.render(context) for section in sorted(_sections.values(), key=_order)))


def _order(section: ProfileSection) -> int:
    return section.order
