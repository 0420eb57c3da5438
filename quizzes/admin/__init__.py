"""The quizzes admin: the question-bank viewsets, their filters and views, the editor's forms and panels.

Kept apart from ``wagtail_hooks.py``, which only registers them, as Wagtail's own contrib apps do.
This package's ``__init__`` imports nothing, so models can use :mod:`quizzes.admin.forms` without
pulling in the viewsets.
"""
