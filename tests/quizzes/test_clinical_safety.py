"""Clinical safety of the demo bank and course content (issue 8).

A safety final must not be passable while giving dangerous answers. These tests pin each critical flag and
answer key the clinical review asked for, replay every critical option of every case the final can draw, and
check the course text that the review corrected. They read what `load_demo` wrote to the database, so they
hold whatever form the demo content takes on disk.
"""

import itertools
import random
from decimal import Decimal

import pytest
from django.db import transaction
from django.utils.html import strip_tags
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from courses import reading
from courses.models import CoursePage, ModulePage
from quizzes import scoring
from quizzes.models import CaseOption, CaseScenarioQuestion, Question, QuizPage
from tests.courses.conftest import load_demo
from tests.quizzes.test_attempts import right_answer

pytestmark = pytest.mark.django_db

CONTRAINDICATIONS = "contraindications-and-client-safety"


@pytest.fixture(scope="module", autouse=True)
def demo(django_db_setup, django_db_blocker):
    """The whole demo, loaded once for this module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        yield
        transaction.set_rollback(True)


def option(reference: str, starts_with: str) -> CaseOption:
    return CaseOption.objects.get(step__question__reference=reference, text__startswith=starts_with)


def module_text(slug: str) -> str:
    module = ModulePage.objects.get(slug=slug)
    parts = []
    for block in module.body.raw_data:
        value = block["value"]
        parts.append(str(value) if not isinstance(value, str) else value)
    return " ".join(strip_tags(" ".join(parts)).split())


def contraindication_block(module_slug: str, condition: str) -> dict:
    module = ModulePage.objects.get(slug=module_slug)
    return next(
        block["value"]
        for block in module.body.raw_data
        if block["type"] == "contraindication" and block["value"]["condition"] == condition
    )


# --- critical flags that match the danger ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reference", "starts_with"),
    [
        ("TS201-CASE-DVT", "Suggest she books a doctor's appointment this week"),
        ("TS201-CASE-DVT", "Put a heat pack on the calf"),
        ("TS201-CASE-VARICOSE", "Put ice on it and carry on"),
        ("TS201-CASE-SURGERY", "Deep kneading of both calves"),
        ("TS201-CASE-SURGERY", "Nothing: he feels well enough"),
        ("TS201-CASE-CANCER", "Carry on as normal"),
        ("TS201-CASE-PREGNANCY", "Treat her yourself"),
        ("TS201-CASE-PREGNANCY", "A hot stone treatment"),
        ("TS201-CASE-FEVER", "Tell him a sauna"),
        ("TS201-CASE-RA", "Use firmer pressure"),
    ],
)
def test_dangerous_options_are_critical_and_score_nothing(reference, starts_with):
    chosen = option(reference, starts_with)
    assert chosen.is_critical, f"{reference}: “{chosen.text}” must be a critical safety error"
    assert chosen.weight == 0
    assert chosen.feedback.startswith("Critical:")


def test_dvt_emergency_feedback_says_call_emergency_services_now():
    feedback = option("TS201-CASE-DVT", "Suggest she books a doctor's appointment this week").feedback
    assert "emergency services now" in feedback


def test_pregnancy_critical_option_matches_its_reason():
    """The critical error is working beyond prenatal training, and its feedback says so (not clot risk)."""
    critical = CaseOption.objects.filter(step__question__reference="TS201-CASE-PREGNANCY", is_critical=True)
    first_step = critical.get(step__sort_order=0)
    assert "prenatal training" in first_step.feedback
    assert "firm" not in first_step.text.lower() and "clot" not in first_step.feedback.lower()
    refer = option("TS201-CASE-PREGNANCY", "Refer her to a colleague trained in prenatal massage")
    assert refer.weight > 0 and not refer.is_critical


def test_blood_thinner_key_is_light_pressure_without_deep_or_sustained_compression():
    key = option("TS201-CASE-SURGERY", "Keep pressure light")
    assert key.weight > 0 and not key.is_critical
    assert "no deep or sustained compression" in key.text
    assert not CaseOption.objects.filter(step__question__reference="TS201-CASE-SURGERY", text__icontains="moderate")


def test_body_order_question_asks_for_the_taught_order_with_neighbouring_pair_credit():
    question = Question.objects.get(reference="TS101-ORDER-BODY").get_real_instance()
    assert question.scoring == scoring.ADJACENT
    assert "order taught in this course" in question.prompt


@pytest.mark.parametrize(
    "reference",
    ["TS201-CASE-DIABETES", "TS201-CASE-INTOXICATION", "TS201-CASE-OSTEOPOROSIS"],
)
def test_new_systemic_cases_are_drawn_by_the_final_and_have_critical_options(reference):
    case = CaseScenarioQuestion.objects.get(reference=reference)
    assert case.live and case.category.name == "Client cases"
    assert case.remediation_module.slug == "systemic-conditions"
    assert CaseOption.objects.filter(step__question=case, is_critical=True).count() >= 2


@pytest.mark.parametrize(
    ("reference", "starts_with"),
    [
        ("TS201-CASE-DIABETES", "Put heat packs on his feet"),
        ("TS201-CASE-DIABETES", "Carry on: people often sweat"),
        ("TS201-CASE-DIABETES", "Pour some juice into his mouth"),
        ("TS201-CASE-INTOXICATION", "Give a lighter, shorter session"),
        ("TS201-CASE-INTOXICATION", "Go ahead as usual"),
        ("TS201-CASE-OSTEOPOROSIS", "Give the firm, deep back pressure"),
        ("TS201-CASE-OSTEOPOROSIS", "Stretch and mobilise her spine and hips"),
        ("TS201-CASE-OSTEOPOROSIS", "Work the painful area"),
    ],
)
def test_new_case_critical_flags(reference, starts_with):
    assert option(reference, starts_with).is_critical


@pytest.mark.parametrize(
    ("reference", "right"),
    [
        ("TS201-INTOX-CLASS", {"Absolute and general: no massage today; rebook for a day when they are sober"}),
        ("TS201-ANEURYSM-MASS", {"Stop, press on it no further, and advise the client to see a physician promptly"}),
        ("TS201-FISTULA", {"Never massage it, press on it or let positioning squeeze it"}),
        (
            "TS201-SEIZURE-RESPONSE",
            {
                "Stop the massage and note the time it started",
                "Stay beside them so they cannot fall, and cushion their head",
                "Roll them onto their side once the jerking stops, and stay with them",
            },
        ),
        (
            "TS201-OSTEO-LEAVE-OUT",
            {
                "Tapotement",
                "Passive stretches and joint mobilisation of the spine and hips",
                "Deep pressure straight down on the ribs while she lies face down",
            },
        ),
    ],
)
def test_new_knowledge_question_keys(reference, right):
    question = Question.objects.get(reference=reference).get_real_instance()
    assert {o.text for o in question.options.all() if o.is_correct} == right


def test_insulin_injection_site_statement_is_false():
    assert Question.objects.get(reference="TS201-INJECTION-SITE").get_real_instance().correct_answer is False


def test_every_active_demo_case_has_a_critical_option_in_each_safety_step():
    for case in CaseScenarioQuestion.objects.filter(live=True):
        assert case.safety_steps_without_critical_option() == [], case.reference


# --- the final cannot be passed with a critical option -------------------------------------------------------


def final_items():
    """The final's fixed questions and every case it can draw, as attempt snapshots."""
    final = QuizPage.objects.get(slug="final-assessment")
    fixed = [link.question.get_real_instance() for link in final.question_links.all()]
    pool = [
        question.get_real_instance()
        for draw in final.random_draws.all()
        for question in Question.objects.filter(category=draw.category, live=True)
    ]
    items = [question.to_item(slot) for slot, question in enumerate(fixed + pool, start=1)]
    return final, items[: len(fixed)], items[len(fixed) :]


def best_answer_with(item: dict, step_id: str, option_id: str) -> dict:
    """The highest-scoring answer to a case that still chooses the given (critical) option."""
    answer = right_answer(item)
    step = next(step for step in item["steps"] if step["id"] == step_id)
    answer["steps"][step_id] = [option_id] if step["kind"] == "single" else [*answer["steps"][step_id], option_id]
    return answer


def test_the_final_draws_six_of_eleven_cases_and_fails_critical_errors():
    final, fixed, cases = final_items()
    assert final.critical_error_fails_quiz and final.pass_mark == 80
    assert [draw.count for draw in final.random_draws.all()] == [6]
    assert len(cases) == 11 and all(item["type"] == scoring.CASE_SCENARIO for item in cases)


def test_every_critical_option_fails_the_final_even_with_every_other_answer_right():
    """Replays each critical option of each drawable case, inside the best attempt that could contain it."""
    final, fixed, cases = final_items()
    replayed = 0
    for case in cases:
        others = [item for item in cases if item is not case][:5]
        items = [*fixed, case, *others]
        for step in case["steps"]:
            for critical in (o for o in step["options"] if o["critical"]):
                responses = {str(item["slot"]): right_answer(item) for item in items}
                responses[str(case["slot"])] = best_answer_with(case, step["id"], critical["id"])
                result = scoring.grade_attempt(items, responses)
                assert result.critical
                assert result.percent >= final.pass_mark, "the score alone would pass: the flag is what fails it"
                assert not scoring.attempt_passed(
                    result.percent, final.pass_mark, critical=True, critical_fails_quiz=final.critical_error_fails_quiz
                ), f"{case['prompt']} / {critical['text']}"
                replayed += 1
    assert (
        replayed == CaseOption.objects.filter(step__question__category__name="Client cases", is_critical=True).count()
    )
    assert replayed >= 30


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_no_drawn_final_with_a_critical_choice_passes(seed):
    """Any draw of six cases and any answers at all: an attempt that chose a critical option never passes."""
    final, fixed, cases = final_items()
    rng = random.Random(seed)
    items = [*fixed, *rng.sample(cases, 6)]
    responses = {str(item["slot"]): right_answer(item) for item in items}
    for item in items:
        if item["type"] != scoring.CASE_SCENARIO:
            continue
        for step in item["steps"]:
            ids = [o["id"] for o in step["options"]]
            picked = [rng.choice(ids)] if step["kind"] == "single" else rng.sample(ids, rng.randint(1, len(ids)))
            responses[str(item["slot"])]["steps"][step["id"]] = picked
    result = scoring.grade_attempt(items, responses)
    passed = scoring.attempt_passed(
        result.percent, final.pass_mark, critical=result.critical, critical_fails_quiz=final.critical_error_fails_quiz
    )
    chose_critical = any(
        option["critical"] and option["id"] in responses[str(item["slot"])]["steps"][step["id"]]
        for item in items
        if item["type"] == scoring.CASE_SCENARIO
        for step in item["steps"]
        for option in step["options"]
    )
    assert result.critical == chose_critical
    if chose_critical:
        assert not passed


# --- course content corrections ------------------------------------------------------------------------------


def test_draping_keeps_the_genitals_covered_without_exception():
    text = module_text("draping-and-boundaries")
    assert "The genitals are always covered, with no exception." in text
    assert "where the law allows it, with the client's written consent" in text


def test_warming_friction_is_rubbing_and_the_exception():
    technique = next(
        block["value"]
        for block in ModulePage.objects.get(slug="friction").body.raw_data
        if block["type"] == "technique" and block["value"]["stroke"] == "Warming friction"
    )
    assert "rubbing" in technique["purpose"] and "exception" in technique["purpose"]
    assert "sliding back and forth over the skin" not in technique["purpose"]


def test_tapotement_lists_fragile_bones_pregnancy_and_blood_thinners():
    text = module_text("tapotement")
    for where_not in ("osteoporosis or fragile bones", "abdomen of a pregnant client", "blood-thinning medication"):
        assert where_not in text


def test_recent_surgery_is_a_general_contraindication():
    block = contraindication_block("surgery-fractures-and-injury", "Recent surgery")
    assert (block["severity"], block["scope"]) == ("absolute", "general")


def test_low_blood_pressure_close_is_brisk_strokes_then_a_slow_rise():
    block = contraindication_block("circulatory-and-cardiovascular-conditions", "Low blood pressure or dizziness")
    assert "slightly more stimulating" not in block["rationale"]
    assert "brisker closing strokes" in block["rationale"] and "slow" in block["rationale"]


def test_anticoagulant_advice_is_light_pressure():
    text = module_text("circulatory-and-cardiovascular-conditions")
    assert "use light pressure only: no deep or sustained compression" in text
    assert "keep the pressure moderate" not in text


def test_systemic_conditions_module_covers_every_condition_the_review_listed():
    course = CoursePage.objects.get(slug=CONTRAINDICATIONS)
    module = ModulePage.objects.child_of(course).get(slug="systemic-conditions")
    anchors = dict(module.section_anchors())
    for anchor in (
        "diabetes",
        "low-blood-sugar-during-a-session",
        "intoxication",
        "seizure-disorders",
        "if-a-client-has-a-seizure",
        "aneurysm",
        "kidney-disease",
        "osteoporosis",
    ):
        assert anchor in anchors
    intoxication = contraindication_block("systemic-conditions", "Intoxication from alcohol or drugs")
    assert (intoxication["severity"], intoxication["scope"]) == ("absolute", "general")


def test_home_study_hours_stay_honest():
    """15,000-odd words support 1 CE, not 1.5 (18,000 would be needed): the course stays at 1."""
    course = CoursePage.objects.get(slug=CONTRAINDICATIONS)
    words = sum(module.word_count for module in ModulePage.objects.child_of(course).live())
    assert course.ce_hours == Decimal("1")
    assert reading.supported_half_hours(words) >= course.ce_hours
    assert not reading.declared_hours_exceed_content(course.ce_hours, words)
    assert reading.supported_half_hours(words) < Decimal("1.5")


def test_every_case_in_the_bank_is_in_a_category_the_final_can_draw_or_fixed():
    final, fixed, cases = final_items()
    references = {item["question_id"] for item in itertools.chain(fixed, cases)}
    for case in CaseScenarioQuestion.objects.filter(course__slug=CONTRAINDICATIONS, live=True):
        assert case.pk in references, case.reference
