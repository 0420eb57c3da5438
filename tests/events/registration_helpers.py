"""Events that take registration on Touchstone, for the registration tests."""

from tests.events import factories as ef


def open_event(provider_page, **fields):
    """An event with on-site registration (no external link), in 10 days unless `sessions` say otherwise."""
    fields.setdefault("title", "Lymphatic Drainage Basics")
    return ef.event(provider_page, registration_url="", **fields)
