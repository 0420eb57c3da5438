from django import template

from .. import profile_sections

register = template.Library()


@register.simple_tag(takes_context=True)
def profile_sections_html(context) -> str:
    """The sections other apps registered for the profile page (see accounts.profile_sections)."""
    return profile_sections.render_sections(context)
