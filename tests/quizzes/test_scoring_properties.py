"""Properties of grading that hold for every item and response Hypothesis can build."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from quizzes import scoring
from quizzes.scoring import AttemptOutcome, grade_question
from tests.quizzes.test_scoring import option

ids = st.text(alphabet="abcdefghijklmnop", min_size=1, max_size=6)
points = st.decimals(min_value=Decimal("0.5"), max_value=Decimal("20"), places=1)
weights = st.integers(min_value=-5, max_value=10)


@st.composite
def choice_items(draw):
    keys = draw(st.lists(ids, min_size=2, max_size=8, unique=True))
    kind = draw(st.sampled_from([scoring.SINGLE_CHOICE, scoring.MULTIPLE_RESPONSE]))
    if kind == scoring.SINGLE_CHOICE:
        right = {draw(st.sampled_from(keys))}
    else:
        right = set(draw(st.lists(st.sampled_from(keys), min_size=1, unique=True)))
    item = {
        "slot": 1,
        "type": kind,
        "points": str(draw(points)),
        "scoring": draw(st.sampled_from([scoring.PARTIAL, scoring.ALL_OR_NOTHING])),
        "options": [option(key, key in right) for key in keys],
    }
    if kind == scoring.SINGLE_CHOICE:
        response = {"choice": draw(st.sampled_from(keys))} if draw(st.booleans()) else {}
    else:
        response = {"choices": draw(st.lists(st.sampled_from(keys), unique=True))}
    return item, response


@st.composite
def matching_items(draw):
    n = draw(st.integers(min_value=1, max_value=6))
    extra = draw(st.integers(min_value=0, max_value=2))
    answers = [f"x{k}" for k in range(n + extra)]
    item = {
        "slot": 1,
        "type": scoring.MATCHING,
        "points": str(draw(points)),
        "prompts": [{"id": f"p{k}", "text": "", "answer": f"x{k}", "feedback": ""} for k in range(n)],
        "answers": [{"id": key, "text": key} for key in answers],
    }
    chosen = draw(st.dictionaries(st.sampled_from([f"p{k}" for k in range(n)]), st.sampled_from(answers)))
    return item, {"matches": chosen}


@st.composite
def ordering_items(draw):
    keys = draw(st.lists(ids, min_size=1, max_size=8, unique=True))
    item = {
        "slot": 1,
        "type": scoring.ORDERING,
        "points": str(draw(points)),
        "scoring": draw(st.sampled_from([scoring.ALL_OR_NOTHING, scoring.POSITION, scoring.ADJACENT])),
        "items": [{"id": key, "text": key, "feedback": ""} for key in keys],
        "correct_order": keys,
    }
    return item, {"order": draw(st.permutations(keys))}


@st.composite
def case_items(draw, force_critical=False):
    steps = []
    response = {}
    for s in range(draw(st.integers(min_value=1, max_value=4))):
        kind = draw(st.sampled_from(["single", "multiple"]))
        n = draw(st.integers(min_value=2, max_value=5))
        options = [
            {
                "id": f"s{s}o{k}",
                "text": "",
                "feedback": "",
                "weight": str(draw(weights)),
                "critical": draw(st.booleans()) if k else False,
            }
            for k in range(n)
        ]
        keys = [o["id"] for o in options]
        if kind == "single":
            chosen = [draw(st.sampled_from(keys))] if draw(st.booleans()) else []
        else:
            chosen = draw(st.lists(st.sampled_from(keys), unique=True))
        steps.append({"id": f"s{s}", "prompt": "", "kind": kind, "options": options})
        if chosen:
            response[f"s{s}"] = chosen
    if force_critical:
        step = draw(st.sampled_from(steps))
        step["options"].append(
            {"id": step["id"] + "crit", "text": "", "feedback": "", "weight": "10", "critical": True}
        )
        picked = (
            [step["id"] + "crit"] if step["kind"] == "single" else [*response.get(step["id"], []), step["id"] + "crit"]
        )
        response[step["id"]] = picked
    item = {"slot": 1, "type": scoring.CASE_SCENARIO, "points": str(draw(points)), "steps": steps}
    return item, {"steps": response}


any_item = st.one_of(choice_items(), matching_items(), ordering_items(), case_items())


@given(any_item)
@settings(max_examples=300, deadline=None)
def test_score_is_between_zero_and_the_maximum(pair):
    item, response = pair
    result = grade_question(item, response)
    assert Decimal("0") <= result.points <= result.max_points


def shuffled(item, draw_permutation):
    copy = dict(item)
    for key in ("options", "answers", "prompts", "items"):
        if key in copy:
            copy[key] = draw_permutation(copy[key])
    if "steps" in copy:
        copy["steps"] = [
            dict(step, options=draw_permutation(step["options"])) for step in draw_permutation(copy["steps"])
        ]
    return copy


@given(any_item, st.data())
@settings(max_examples=300, deadline=None)
def test_shuffling_the_display_order_never_changes_a_score(pair, data):
    item, response = pair

    def permute(values):
        return data.draw(st.permutations(values))

    assert grade_question(shuffled(item, permute), response).points == grade_question(item, response).points


@given(case_items(force_critical=True))
@settings(max_examples=200, deadline=None)
def test_a_critical_error_always_zeroes_its_scenario(pair):
    item, response = pair
    result = grade_question(item, response)
    assert result.points == 0
    assert result.critical is True


@given(
    st.lists(st.tuples(st.decimals(min_value=0, max_value=100, places=2), st.booleans(), st.booleans()), max_size=6),
    st.sampled_from([scoring.HIGHEST, scoring.LATEST, scoring.FIRST, scoring.AVERAGE]),
    st.integers(min_value=0, max_value=100),
)
def test_quiz_grade_stays_within_the_attempts(rows, method, pass_mark):
    attempts = [AttemptOutcome(n + 1, percent, passed, critical) for n, (percent, passed, critical) in enumerate(rows)]
    grade = scoring.quiz_grade(method, attempts, pass_mark)
    assert grade.attempts == len(attempts)
    if attempts:
        assert min(a.percent for a in attempts) <= grade.percent <= max(a.percent for a in attempts)
    else:
        assert grade.percent is None and not grade.passed
