"""The events app's Wagtail admin views, registered from `events/wagtail_hooks.py`."""
