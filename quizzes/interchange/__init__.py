"""Question banks in and out: Moodle GIFT, Moodle XML and our CSV template.

Authors who come from Moodle bring their banks as GIFT or Moodle XML files, or as spreadsheets. The
readers and writers here are pure: they turn text into :mod:`~quizzes.interchange.records` (plain
dataclasses shaped like Touchstone's question types) and back, and import nothing from Django, so they
are tested on their own. :mod:`~quizzes.interchange.services` turns records into draft questions and
:mod:`~quizzes.interchange.selectors` reads questions back into records for export.
"""
