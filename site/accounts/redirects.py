"""Where to send someone after a form: the page they came from, if it is on this site."""

import unicodedata

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def is_local_path(request: HttpRequest, candidate: str) -> bool:
    """True for an address on this site given as a path ("/learning/"): anything else (another site, a bare word
    that redirect() would try as a view name, a control character a Location header can't carry) is refused."""
    return (
        candidate.startswith("/")
        and not any(unicodedata.category(character) == "Cc" for character in candidate)
        and url_has_allowed_host_and_scheme(candidate, {request.get_host()}, request.is_secure())
    )


def safe_next(request: HttpRequest, fallback: str) -> str:
    """The `next` parameter (POST, else GET) when it points at this site; otherwise `fallback`."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    return candidate if is_local_path(request, candidate) else fallback
