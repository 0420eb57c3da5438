"""True/false questions share the single-choice templates, to take and to review."""

from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string

QUESTION = SimpleNamespace(
    item={"slot": 3, "options": [{"id": "t", "text": "True"}, {"id": "f", "text": "False"}]}, chosen=["f"]
)
ENTRY = SimpleNamespace(
    rows=[
        {"text": "True", "chosen": False, "correct": True, "feedback": "Heat is contraindicated here."},
        {"text": "False", "chosen": True, "correct": False, "feedback": ""},
    ]
)


@pytest.mark.parametrize(
    ("folder", "context"),
    [("questions", {"question": QUESTION}), ("review", {"entry": ENTRY})],
)
def test_true_false_renders_as_single_choice(folder, context):
    single = render_to_string(f"quizzes/{folder}/single_choice.html", context)
    true_false = render_to_string(f"quizzes/{folder}/true_false.html", context)
    assert "False" in single
    assert true_false.strip() == single.strip()
