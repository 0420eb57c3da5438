"""Demo question bank and quizzes for `manage.py load_demo`.

Runs after courses.demo, which builds the three demo courses these questions test. Every question's
review link is looked up in its course's modules at load time; a missing module or section stops the
command with an error. Safe to run again: questions are matched by reference and quizzes by slug, and
nothing is written when they already match.
"""

from . import communication, contraindications, swedish
from .loader import load_course

CONTENT = (swedish.CONTENT, contraindications.CONTENT, communication.CONTENT)


def load(stdout) -> list:
    questions = quizzes = written = 0
    for content in CONTENT:
        counts = load_course(content)
        questions += counts[0]
        quizzes += counts[1]
        written += counts[2]
    stdout.write(
        f"Question bank ready: {questions} questions and {quizzes} quizzes"
        f"{f' ({written} created or updated)' if written else ' (already up to date)'}."
    )
    return []
