"""The courses admin's own views; `courses/wagtail_hooks.py` only registers them."""
