"""Taking a quiz over HTTP: the plain form, autosave, confirmation, review, and every kind of bad input."""

import json
import re

import pytest
from django.urls import reverse

from quizzes import services
from quizzes.models import AttemptAnswer, QuizAttempt
from tests.quizzes import factories
from tests.quizzes.test_attempts import critical_answer, right_answer

pytestmark = pytest.mark.django_db


def start(client, quiz):
    response = client.post(reverse("quizzes:start", args=[quiz.pk]))
    assert response.status_code == 302, response.content[:500]
    return QuizAttempt.objects.get(pk=int(re.search(r"/attempts/(\d+)/", response.url).group(1)))


def form_fields(item, response):
    """The form fields the page would post for a response (the inverse of quizzes.forms.read_answers)."""
    slot = item["slot"]
    fields = {"slot": [str(slot)]}
    kind = item["type"]
    if kind in ("single_choice", "true_false"):
        fields[f"q{slot}"] = [response["choice"]]
    elif kind == "multiple_response":
        fields[f"q{slot}"] = response["choices"]
    elif kind == "matching":
        for prompt_id, answer_id in response["matches"].items():
            fields[f"q{slot}-{prompt_id}"] = [answer_id]
    elif kind == "ordering":
        for position, item_id in enumerate(response["order"], start=1):
            fields[f"q{slot}-{item_id}"] = [str(position)]
    else:
        for step_id, options in response["steps"].items():
            fields[f"q{slot}-{step_id}"] = options
    return fields


def post_fields(*groups, **extra):
    data = {}
    for group in groups:
        for key, values in group.items():
            data.setdefault(key, []).extend(values)
    for key, value in extra.items():
        data[key] = value
    return data


# --- access --------------------------------------------------------------------------------------


def test_quiz_page_requires_login(client, quiz):
    response = client.get(quiz.url)
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/?next=")


def test_attempt_urls_require_login(client, quiz, learner):
    attempt, _ = services.start_attempt(quiz, learner)
    for name in ("take", "submit", "review"):
        response = client.get(reverse(f"quizzes:{name}", args=[attempt.pk]))
        assert response.status_code == 302 and response.url.startswith("/accounts/login/")
    assert client.post(reverse("quizzes:start", args=[quiz.pk])).url.startswith("/accounts/login/")


def test_quiz_page_shows_settings_and_start_button(learner_client, quiz):
    html = learner_client.get(quiz.url).content.decode()
    assert "Start the quiz" in html
    assert "70%" in html and "Unlimited" in html
    assert "critical safety error" in html


def test_course_page_lists_its_quizzes_with_the_learners_standing(learner_client, learner, quiz, course):
    anonymous = learner_client.get(course.url)
    assert "Safety check" in anonymous.content.decode()
    attempt, _ = services.start_attempt(quiz, learner)
    html = learner_client.get(course.url).content.decode()
    assert "In progress" in html
    services.submit_attempt(attempt.pk, learner, sequence=0)
    assert "Not passed yet" in learner_client.get(course.url).content.decode()


# --- the plain form (no JavaScript) ---------------------------------------------------------------


def test_full_flow_with_the_plain_form(learner_client, quiz):
    attempt = start(learner_client, quiz)
    take_url = reverse("quizzes:take", args=[attempt.pk])
    page = learner_client.get(take_url)
    assert page.status_code == 200
    assert "Question 1 of 6" in page.content.decode()

    for number, item in enumerate(attempt.items, start=1):
        attempt.refresh_from_db()
        data = post_fields(
            form_fields(item, right_answer(item)),
            page=str(number),
            action="next" if number < 6 else "finish",
            **{f"seq-{item['slot']}": str(attempt.sequence)},
        )
        response = learner_client.post(take_url, data)
        assert response.status_code == 302
    assert response.url == reverse("quizzes:submit", args=[attempt.pk])

    confirm = learner_client.get(response.url)
    assert "Every question has an answer." in confirm.content.decode()
    attempt.refresh_from_db()
    submitted = learner_client.post(response.url, {"seq": str(attempt.sequence)})
    assert submitted.status_code == 302 and submitted.url == reverse("quizzes:review", args=[attempt.pk])
    review = learner_client.get(submitted.url).content.decode()
    assert "Passed" in review and "100%" in review
    assert review.count("Review this: Circulatory conditions › Clots and the legs") == 6


def test_reload_shows_saved_answers_in_the_same_order(learner_client, quiz):
    attempt = start(learner_client, quiz)
    take_url = reverse("quizzes:take", args=[attempt.pk])
    single = attempt.items[0]
    chosen = single["options"][1]["id"]
    learner_client.post(take_url, {"slot": "1", "q1": chosen, "seq-1": "0", "page": "1", "action": "save"})
    first = learner_client.get(take_url).content.decode()
    second = learner_client.get(take_url).content.decode()
    assert f'value="{chosen}" checked' in first
    texts = [option["text"] for option in single["options"]]
    assert [first.index(text) for text in texts] == sorted(first.index(text) for text in texts)

    def questions_of(html):
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html[html.index('<fieldset class="question"') :])

    assert questions_of(first) == questions_of(second)


def test_confirmation_lists_unanswered_questions(learner_client, quiz):
    attempt = start(learner_client, quiz)
    services.save_answers(attempt.pk, attempt.user, {3: {"choice": "true"}}, 0)
    html = learner_client.get(reverse("quizzes:submit", args=[attempt.pk])).content.decode()
    assert "5 questions not answered" in html
    for number in (1, 2, 4, 5, 6):
        assert f">Question {number}</a>" in html
    assert ">Question 3</a>" not in html


def test_ordering_with_a_repeated_position_is_a_message_not_an_error(learner_client, quiz):
    attempt = start(learner_client, quiz)
    ordering = next(item for item in attempt.items if item["type"] == "ordering")
    slot = ordering["slot"]
    data = {"slot": [str(slot)], f"seq-{slot}": "0", "page": str(slot), "action": "save"}
    for entry in ordering["items"]:
        data[f"q{slot}-{entry['id']}"] = "1"
    response = learner_client.post(reverse("quizzes:take", args=[attempt.pk]), data, follow=True)
    assert response.status_code == 200
    assert "was not saved: Give each item a different position" in response.content.decode()
    assert AttemptAnswer.objects.get(attempt=attempt, slot=slot).response == {}


def test_all_questions_on_one_page(learner_client, course, questions):
    quiz = factories.quiz(course, questions=questions, layout="all_on_one_page")
    attempt = start(learner_client, quiz)
    html = learner_client.get(reverse("quizzes:take", args=[attempt.pk])).content.decode()
    assert html.count('class="question"') == 6
    data = post_fields(
        *(form_fields(item, right_answer(item)) for item in attempt.items),
        page="1",
        action="finish",
        seq="0",
    )
    response = learner_client.post(reverse("quizzes:take", args=[attempt.pk]), data)
    assert response.status_code == 302
    assert AttemptAnswer.objects.filter(attempt=attempt).exclude(response={}).count() == 6


# --- autosave --------------------------------------------------------------------------------------


def test_autosave_returns_the_new_sequence(learner_client, quiz):
    attempt = start(learner_client, quiz)
    url = reverse("quizzes:autosave", args=[attempt.pk])
    response = learner_client.post(url, {"slot": "3", "q3": "true", "seq-3": "0"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert response.json()["ok"] is True and response.json()["seq"] == 1 and response.json()["saved"] == [3]


def test_autosave_refuses_a_stale_tab_with_409(learner_client, quiz):
    attempt = start(learner_client, quiz)
    url = reverse("quizzes:autosave", args=[attempt.pk])
    learner_client.post(url, {"slot": "3", "q3": "true", "seq-3": "0"})
    stale = learner_client.post(url, {"slot": "3", "q3": "false", "seq-3": "0"})
    assert stale.status_code == 409
    assert "another window" in stale.json()["error"]
    assert AttemptAnswer.objects.get(attempt=attempt, slot=3).response == {"choice": "true"}


def test_stale_answer_after_submission_is_refused(learner_client, quiz):
    attempt = start(learner_client, quiz)
    learner_client.post(reverse("quizzes:submit", args=[attempt.pk]), {"seq": "0"})
    response = learner_client.post(
        reverse("quizzes:autosave", args=[attempt.pk]), {"slot": "3", "q3": "true", "seq-3": "0"}
    )
    assert response.status_code == 403
    assert "submitted" in response.json()["error"]
    assert response.json()["review_url"] == reverse("quizzes:review", args=[attempt.pk])
    plain = learner_client.post(
        reverse("quizzes:take", args=[attempt.pk]), {"slot": "3", "q3": "true", "seq-3": "0", "page": "3"}
    )
    assert plain.status_code == 302 and plain.url == reverse("quizzes:review", args=[attempt.pk])
    assert AttemptAnswer.objects.get(attempt=attempt, slot=3).response == {}


def test_double_submit_grades_once(learner_client, quiz):
    attempt = start(learner_client, quiz)
    url = reverse("quizzes:submit", args=[attempt.pk])
    first = learner_client.post(url, {"seq": "0"})
    second = learner_client.post(url, {"seq": "0"}, follow=True)
    assert first.status_code == 302
    assert "already submitted" in second.content.decode()
    assert QuizAttempt.objects.filter(quiz=quiz).count() == 1


def test_submit_from_a_stale_confirmation_is_shown_again(learner_client, quiz):
    attempt = start(learner_client, quiz)
    services.save_answers(attempt.pk, attempt.user, {3: {"choice": "true"}}, 0)
    response = learner_client.post(reverse("quizzes:submit", args=[attempt.pk]), {"seq": "0"})
    assert response.status_code == 409
    assert "Submit your attempt?" in response.content.decode()
    assert QuizAttempt.objects.get(pk=attempt.pk).is_open


# --- nothing about the answer key before grading --------------------------------------------------


def test_no_answer_key_in_any_page_or_json_before_grading(learner_client, quiz, questions):
    attempt = start(learner_client, quiz)
    secrets = []
    for item in attempt.items:
        secrets.append(item["explanation"])
        for option in item.get("options", []):
            secrets.append(option["feedback"])
        for prompt in item.get("prompts", []):
            secrets.append(prompt["feedback"])
        for entry in item.get("items", []):
            secrets.append(entry["feedback"])
        for step in item.get("steps", []):
            secrets.extend(option["feedback"] for option in step["options"])
    pages = [
        learner_client.get(reverse("quizzes:take", args=[attempt.pk]) + f"?page={n}").content.decode()
        for n in range(1, 7)
    ]
    pages.append(learner_client.get(reverse("quizzes:submit", args=[attempt.pk])).content.decode())
    pages.append(learner_client.get(quiz.url).content.decode())
    pages.append(
        json.dumps(
            learner_client.post(
                reverse("quizzes:autosave", args=[attempt.pk]), {"slot": "3", "q3": "true", "seq-3": "0"}
            ).json()
        )
    )
    for html in pages:
        for secret in secrets:
            assert secret not in html
        assert "correct" not in html.lower().replace("incorrect", "")
        assert 'critical"' not in html and "weight" not in html
    # Ordering: the page never lists the items in their right order.
    ordering = next(item for item in attempt.items if item["type"] == "ordering")
    page = pages[ordering["slot"] - 1]
    texts = [entry["text"] for entry in ordering["items"]]
    right = [next(e["text"] for e in ordering["items"] if e["id"] == item_id) for item_id in ordering["correct_order"]]
    assert sorted(texts, key=page.index) != right
    # Review of a graded attempt does show the key.
    learner_client.post(reverse("quizzes:submit", args=[attempt.pk]), {"seq": "1"})
    review = learner_client.get(reverse("quizzes:review", args=[attempt.pk])).content.decode()
    assert questions[0].explanation in review


# --- bad input: readable 400/403/404, never a 500, nothing changed -----------------------------------


@pytest.fixture
def started(learner_client, quiz):
    attempt = start(learner_client, quiz)
    services.save_answers(attempt.pk, attempt.user, {3: {"choice": "true"}}, 0)
    return attempt


def snapshot_answers(attempt):
    return list(AttemptAnswer.objects.filter(attempt=attempt).order_by("slot").values_list("response", "saved_seq"))


@pytest.mark.parametrize(
    "data",
    [
        {"slot": "abc", "q3": "true", "seq-3": "1"},  # non-numeric slot
        {"slot": "3", "q3": "true", "seq-3": "one"},  # non-numeric sequence
        {"slot": "3", "q3": "maybe", "seq-3": "1"},  # unknown option
        {"slot": "99", "q99": "true", "seq-99": "1"},  # a question not in the attempt
        {"slot": "3", "q3": ["true", "false"], "seq-3": "1"},  # two answers to a single choice
        {"slot": "3", "q3": "true"},  # no sequence
        {"slot": "3", "q3": "true", "seq-3": "-4"},
        {"slot": "3", "q3": "true", "seq-3": "99999999999999999999"},
        {"slot": ["3"] * 50, "q3": "true", "seq-3": "1"},  # more questions than the attempt has
    ],
)
def test_malformed_posts_are_400_and_change_nothing(learner_client, started, data):
    before = snapshot_answers(started)
    for name in ("autosave", "take"):
        response = learner_client.post(reverse(f"quizzes:{name}", args=[started.pk]), data)
        assert response.status_code == 400, (name, response.content[:300])
        body = response.content.decode()
        assert "could not" in body or "couldn" in body or "must" in body
    assert snapshot_answers(started) == before


def test_ordering_positions_must_be_numbers_in_range(learner_client, started):
    ordering = next(item for item in started.items if item["type"] == "ordering")
    slot = ordering["slot"]
    before = snapshot_answers(started)
    for bad in ("first", "0", "42"):
        data = {"slot": str(slot), f"seq-{slot}": "1"}
        for entry in ordering["items"]:
            data[f"q{slot}-{entry['id']}"] = bad
        assert learner_client.post(reverse("quizzes:autosave", args=[started.pk]), data).status_code == 400
    assert snapshot_answers(started) == before


def test_option_ids_from_another_quiz_are_refused(learner_client, learner, started, course):
    other_quiz = factories.quiz(course, questions=[factories.single_choice()])
    other, _ = services.start_attempt(other_quiz, learner)
    foreign = other.items[0]["options"][0]["id"]
    before = snapshot_answers(started)
    response = learner_client.post(
        reverse("quizzes:autosave", args=[started.pk]), {"slot": "1", "q1": foreign, "seq-1": "1"}
    )
    assert response.status_code == 400
    assert snapshot_answers(started) == before


def test_another_learners_attempt_is_404_everywhere(client, started, other_learner):
    client.force_login(other_learner)
    before = snapshot_answers(started)
    for name in ("take", "submit", "review"):
        response = client.get(reverse(f"quizzes:{name}", args=[started.pk]))
        assert response.status_code == 404
        assert "find that attempt among yours" in response.content.decode()
    assert client.post(reverse("quizzes:autosave", args=[started.pk]), {"slot": "3", "q3": "false"}).status_code == 404
    assert client.post(reverse("quizzes:take", args=[started.pk]), {"slot": "3", "q3": "false"}).status_code == 404
    assert client.post(reverse("quizzes:submit", args=[started.pk]), {"seq": "1"}).status_code == 404
    assert snapshot_answers(started) == before
    assert QuizAttempt.objects.get(pk=started.pk).is_open


def test_oversized_payload_is_400(learner_client, started):
    before = snapshot_answers(started)
    huge = {"slot": "3", "q3": "true", "seq-3": "1", "padding": "x" * 200_000}
    for name in ("autosave", "take", "submit"):
        response = learner_client.post(reverse(f"quizzes:{name}", args=[started.pk]), huge)
        assert response.status_code == 400
        assert "too large" in response.content.decode()
    assert snapshot_answers(started) == before


def test_bad_page_numbers_and_methods(learner_client, started):
    url = reverse("quizzes:take", args=[started.pk])
    assert learner_client.get(url + "?page=abc").status_code == 404
    assert learner_client.get(url + "?page=99").status_code == 404
    assert learner_client.get(reverse("quizzes:autosave", args=[started.pk])).status_code == 405
    assert learner_client.post(reverse("quizzes:submit", args=[started.pk]), {"seq": "x"}).status_code == 400
    assert learner_client.get(reverse("quizzes:take", args=[999999])).status_code == 404


def test_start_on_a_missing_or_unpublished_quiz_is_404(learner_client, course, questions):
    draft = factories.quiz(course, questions=questions, publish=False)
    assert learner_client.post(reverse("quizzes:start", args=[draft.pk])).status_code == 404
    assert learner_client.post(reverse("quizzes:start", args=[424242])).status_code == 404


def test_a_quiz_unpublished_after_a_start_is_404_on_the_next(learner_client, course, questions):
    """The start reads the quiz page kept per generation; unpublishing starts a new one."""
    quiz = factories.quiz(course, questions=questions[:1])
    assert learner_client.post(reverse("quizzes:start", args=[quiz.pk])).status_code == 302
    quiz.unpublish()
    assert learner_client.post(reverse("quizzes:start", args=[quiz.pk])).status_code == 404


def test_no_attempts_left_is_403_with_a_message(learner_client, learner, course, questions):
    quiz = factories.quiz(course, questions=questions[:1], max_attempts=1)
    attempt, _ = services.start_attempt(quiz, learner)
    services.submit_attempt(attempt.pk, learner, sequence=0)
    response = learner_client.post(reverse("quizzes:start", args=[quiz.pk]))
    assert response.status_code == 403
    assert "used all 1 attempt" in response.content.decode()


# --- review policies --------------------------------------------------------------------------------


def graded(client, course, questions, **settings):
    quiz = factories.quiz(course, questions=questions, **settings)
    attempt = start(client, quiz)
    answers = {
        item["slot"]: critical_answer(item) if item["type"] == "case_scenario" else right_answer(item)
        for item in attempt.items
    }
    services.save_answers(attempt.pk, attempt.user, answers, 0)
    client.post(reverse("quizzes:submit", args=[attempt.pk]), {"seq": "1"})
    return quiz, attempt, client.get(reverse("quizzes:review", args=[attempt.pk])).content.decode()


def test_full_review_shows_feedback_explanation_and_why_the_critical_option_fails(learner_client, course, questions):
    _, attempt, html = graded(learner_client, course, questions, review_detail="full")
    assert "Not passed" in html
    assert "fails whatever the score" in html
    assert "Critical safety error" in html
    assert "Because: Work the calf gently to ease the swelling." in html
    assert questions[0].explanation in html
    assert "Right answer" in html


def test_correctness_review_shows_right_or_wrong_but_no_key(learner_client, course, questions):
    _, attempt, html = graded(learner_client, course, questions, review_detail="correctness")
    assert "Question by question" in html
    assert "Wrong" in html and "Right" in html
    assert questions[0].explanation not in html
    assert "Feedback for" not in html
    assert "Review this:" in html


def test_score_only_review(learner_client, course, questions):
    _, attempt, html = graded(learner_client, course, questions, review_detail="score")
    assert "55.56%" in html
    assert "Question by question" not in html
    assert questions[0].prompt not in html


def test_review_after_the_last_attempt_holds_details_back_until_then(learner_client, learner, course, questions):
    quiz, first, html = graded(
        learner_client, course, questions, review_detail="full", review_timing="after_last", max_attempts=2
    )
    assert "Question by question" not in html
    assert "after your last attempt" in html
    second = start(learner_client, quiz)
    learner_client.post(reverse("quizzes:submit", args=[second.pk]), {"seq": "0"})
    html = learner_client.get(reverse("quizzes:review", args=[first.pk])).content.decode()
    assert "Question by question" in html and questions[0].explanation in html


def test_review_shows_what_the_attempt_showed_even_after_edits(learner_client, course, questions):
    quiz, attempt, _ = graded(learner_client, course, questions, review_detail="full")
    original = attempt.items[0]["prompt"]
    questions[0].prompt = "A completely new wording"
    questions[0].save()
    html = learner_client.get(reverse("quizzes:review", args=[attempt.pk])).content.decode()
    assert original in html and "A completely new wording" not in html
