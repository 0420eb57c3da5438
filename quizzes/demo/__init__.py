"""Demo question bank and quizzes for `manage.py load_demo`.

The content lives in data files, one per course (data/<course-slug>.yaml, see content.py). Runs after
courses.demo, which builds the three demo courses these questions test. Every question's review link
is looked up in its course's modules at load time; a missing module or section stops the command with
an error. Safe to run again: questions are matched by reference and quizzes by slug, and nothing is
written when they already match.
"""

from .content import read_question_bank
from .loader import load_course


def load(stdout) -> list:
    questions = quizzes = written = 0
    for content in read_question_bank():
        counts = load_course(content)
        questions += counts[0]
        quizzes += counts[1]
        written += counts[2]
    stdout.write(
        f"Question bank ready: {questions} questions and {quizzes} quizzes"
        f"{f' ({written} created or updated)' if written else ' (already up to date)'}."
    )
    return []
