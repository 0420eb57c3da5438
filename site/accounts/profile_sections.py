"""Sections other apps add to the learner's profile page, between "Name and e-mail" and "Password".

Accounts is the foundation every app may use, so it cannot name the apps above it: the licences a
learner renews belong to credit, which registers their section from its AppConfig.ready():

    register_profile_section("licences", order=10, template="{% load credit_tags %}{% profile_licences %}")

`template` is Django template source rendered in the profile page's own context (`request`, `user`...).
"""

from django.template import Context
from django.utils.safestring import SafeString

from pageparts import PanelRegistry

PROFILE = "profile"
profile_sections = PanelRegistry({PROFILE})


def register_profile_section(name: str, *, order: int, template: str) -> None:
    """Show `template` on the profile page, sections in `order`. Registering a name again replaces it."""
    profile_sections.register(name, slot=PROFILE, order=order, template=template)


def unregister_profile_section(name: str) -> None:
    profile_sections.unregister(name)


def render_sections(context: Context) -> SafeString:
    """Every registered section, in order, rendered in the profile page's context."""
    return profile_sections.render(PROFILE, context)
