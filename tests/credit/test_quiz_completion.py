"""Completion with quizzes: passing the last required quiz writes the credit record in the grading
transaction; home study needs a passed test; quizzes that don't count are ignored."""

import pytest
from django.urls import reverse

from credit import services
from credit.models import CreditRecord, Enrolment
from quizzes import services as quiz_services
from tests.credit import factories as credit_factories
from tests.quizzes import factories as quiz_factories
from tests.quizzes.test_attempts import right_answer

pytestmark = pytest.mark.django_db


def wrong_answer(item):
    return {"choice": next(option["id"] for option in item["options"] if not option["correct"])}


def take_quiz(user, quiz, *, passing: bool = True):
    attempt, _ = quiz_services.start_attempt(quiz, user)
    pick = right_answer if passing else wrong_answer
    quiz_services.save_answers(attempt.pk, user, {item["slot"]: pick(item) for item in attempt.items}, attempt.sequence)
    attempt.refresh_from_db()
    return quiz_services.submit_attempt(attempt.pk, user, sequence=attempt.sequence).attempt


def add_quiz(course, **fields):
    return quiz_factories.quiz(course, questions=[quiz_factories.true_false(correct=True)], pass_mark=70, **fields)


@pytest.fixture
def learner():
    return credit_factories.learner("sam")


@pytest.fixture
def tested_course(catalogue):
    course, modules = credit_factories.live_course(
        title="Swedish Technique Foundations", ce_hours="6", modules=2, delivery_method="on_demand"
    )
    return course, modules, add_quiz(course, title="Technique check")


def test_modules_alone_do_not_complete_a_course_with_a_quiz(learner, tested_course):
    course, modules, quiz = tested_course
    services.enrol(learner, course)
    for module in modules:
        _, record = services.mark_module_complete(learner, module, course)
    assert record is None
    assert not CreditRecord.objects.exists()


def test_passing_the_quiz_last_completes_the_course_at_once(learner, tested_course):
    course, modules, quiz = tested_course
    services.enrol(learner, course)
    for module in modules:
        services.mark_module_complete(learner, module, course)

    attempt = take_quiz(learner, quiz)

    assert attempt.passed
    record = CreditRecord.objects.get(user=learner, course=course)
    assert record.tested and record.certificate_title == "Certificate of Achievement"
    assert Enrolment.objects.get(user=learner, course=course).completed_at is not None


def test_a_failed_attempt_does_not_complete_and_a_later_pass_does(learner, tested_course):
    course, modules, quiz = tested_course
    services.enrol(learner, course)
    for module in modules:
        services.mark_module_complete(learner, module, course)
    assert not take_quiz(learner, quiz, passing=False).passed
    assert not CreditRecord.objects.exists()
    take_quiz(learner, quiz)
    assert CreditRecord.objects.count() == 1


def test_passing_first_then_finishing_the_modules_completes_on_the_last_module(learner, tested_course):
    course, modules, quiz = tested_course
    services.enrol(learner, course)
    take_quiz(learner, quiz)
    assert not CreditRecord.objects.exists()
    services.mark_module_complete(learner, modules[0], course)
    _, record = services.mark_module_complete(learner, modules[1], course)
    assert record is not None and record.tested


def test_home_study_needs_a_passed_test(learner, catalogue):
    course, modules = credit_factories.live_course(delivery_method="on_demand", modules=1, ce_hours="1")
    services.enrol(learner, course)
    _, record = services.mark_module_complete(learner, modules[0], course)
    assert record is None  # no test published yet: no credit

    quiz = add_quiz(course)
    assert services.decide_completion(learner, course) is None  # still not passed
    take_quiz(learner, quiz)
    record = CreditRecord.objects.get()
    assert record.certificate_title == "Certificate of Achievement" and record.delivery_method == "on_demand"


def test_quizzes_that_do_not_count_are_not_required(learner, catalogue):
    course, modules = credit_factories.live_course(modules=1)
    practice = add_quiz(course, title="Practice", counts_towards_completion=False)
    services.enrol(learner, course)
    take_quiz(learner, practice)
    assert not CreditRecord.objects.exists()
    record = credit_factories.complete_course(learner, course, modules)
    assert not record.tested
    assert record.certificate_title == "Certificate of Completion"


def test_a_live_course_with_a_counting_quiz_needs_the_quiz_and_attendance(learner, catalogue):
    course, _ = credit_factories.live_course(modules=0)
    quiz = add_quiz(course)
    take_quiz(learner, quiz)
    assert Enrolment.objects.filter(user=learner, course=course, left_at__isnull=True).exists()
    assert not CreditRecord.objects.exists()  # passed, but never in the class
    credit_factories.attend_offering(learner, course)
    record = CreditRecord.objects.get(user=learner, course=course)
    assert record.tested and record.certificate_title == "Certificate of Achievement"


def test_attending_first_then_passing_the_quiz_completes_on_the_pass(learner, catalogue):
    course, _ = credit_factories.live_course(modules=0)
    quiz = add_quiz(course)
    credit_factories.attend_offering(learner, course)
    assert not CreditRecord.objects.exists()
    take_quiz(learner, quiz)
    record = CreditRecord.objects.get(user=learner, course=course)
    assert record.place == "Tampa, FL" and record.provider_name == "Offering Provider"


def test_passing_a_quiz_enrols_a_learner_who_was_not_enrolled(learner, catalogue):
    course, _ = credit_factories.live_course(modules=0, delivery_method="on_demand")
    quiz = add_quiz(course)
    take_quiz(learner, quiz)
    assert Enrolment.objects.filter(user=learner, course=course, left_at__isnull=True).exists()
    assert CreditRecord.objects.filter(user=learner, course=course).exists()


def test_a_closed_course_gives_no_credit_to_someone_never_enrolled(learner, catalogue):
    course, _ = credit_factories.live_course(modules=0, enrolment_open=False)
    take_quiz(learner, add_quiz(course))
    assert not Enrolment.objects.exists() and not CreditRecord.objects.exists()


def test_passing_again_changes_nothing(learner, tested_course):
    course, modules, quiz = tested_course
    services.enrol(learner, course)
    for module in modules:
        services.mark_module_complete(learner, module, course)
    take_quiz(learner, quiz)
    record = CreditRecord.objects.get()
    take_quiz(learner, quiz)
    assert list(CreditRecord.objects.values_list("pk", flat=True)) == [record.pk]


def test_certificate_is_downloadable_straight_after_the_passing_submission(client, learner, tested_course):
    course, modules, quiz = tested_course
    services.enrol(learner, course)
    for module in modules:
        services.mark_module_complete(learner, module, course)
    attempt, _ = quiz_services.start_attempt(quiz, learner)
    quiz_services.save_answers(attempt.pk, learner, {i["slot"]: right_answer(i) for i in attempt.items}, 0)
    attempt.refresh_from_db()
    client.force_login(learner)

    response = client.post(reverse("quizzes:submit", args=[attempt.pk]), {"seq": attempt.sequence}, follow=True)

    html = response.content.decode()
    record = CreditRecord.objects.get()
    certificate_url = reverse("credit:certificate", args=[record.pk])
    assert "is complete" in html and certificate_url in html
    pdf = client.get(certificate_url)
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"


def test_progress_counts_quizzes_and_continues_to_the_quiz(client, learner, tested_course):
    course, modules, quiz = tested_course
    services.enrol(learner, course)
    for module in modules:
        services.mark_module_complete(learner, module, course)
    client.force_login(learner)
    html = client.get(reverse("credit:dashboard")).content.decode()
    assert "2 of 3 steps done" in html
    assert f"Continue: {quiz.title}" in html
    assert "Continue: Technique check" in client.get(course.url).content.decode()


def test_results_page_says_what_is_left_when_the_course_is_not_complete(client, learner, tested_course):
    course, modules, quiz = tested_course
    services.enrol(learner, course)
    attempt = take_quiz(learner, quiz)
    client.force_login(learner)
    html = client.get(reverse("quizzes:review", args=[attempt.pk])).content.decode()
    assert "1 of 3 steps done" in html and "Next: Part 1" in html
