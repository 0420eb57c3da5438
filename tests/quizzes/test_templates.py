"""True/false questions share the single-choice templates, to take and to review: no copy to drift apart."""

import pytest
from django.template import TemplateDoesNotExist
from django.template.loader import get_template

from quizzes import scoring
from quizzes.question_types import registry


def test_true_false_uses_the_single_choice_templates():
    true_false, single = registry.get(scoring.TRUE_FALSE), registry.get(scoring.SINGLE_CHOICE)
    assert (true_false.template, true_false.review_template) == (single.template, single.review_template)
    for name in (single.template, single.review_template):
        assert get_template(name)


@pytest.mark.parametrize("folder", ["questions", "review"])
def test_no_separate_true_false_templates_remain(folder):
    with pytest.raises(TemplateDoesNotExist):
        get_template(f"quizzes/{folder}/true_false.html")
