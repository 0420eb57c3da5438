"""Taking a quiz: start, answer (plain form or autosave), confirm, submit, review.

Every view answers bad input with a readable 400/403/404 (or 409 for a stale page) and changes no saved
answer; the JSON endpoint answers in JSON. All of them require a signed-in learner, and an attempt is
only ever visible to the learner who took it.
"""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from courses.models import ModulePage

from . import selectors, services
from .choices import FinishReason, ReviewDetail
from .forms import MalformedAnswer, read_answers
from .models import AttemptAnswer, QuizAttempt
from .question_sets import quiz_page
from .review import build_review, shows
from .snapshot import answering_question

# A page of answers is a few kilobytes; anything far bigger is not from our form.
MAX_BODY_BYTES = 64 * 1024


def wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def problem(request: HttpRequest, status: int, title: str, message: str, *, back_url: str = "") -> HttpResponse:
    if wants_json(request):
        return JsonResponse({"ok": False, "title": title, "error": message}, status=status)
    return render(
        request,
        "quizzes/problem.html",
        {"status": status, "title": title, "message": message, "back_url": back_url},
        status=status,
    )


def quiz_error(request: HttpRequest, error: services.QuizError, *, back_url: str = "") -> HttpResponse:
    return problem(request, error.status, error.title, error.message, back_url=back_url)


def limit_body(view):
    """Refuse oversized bodies before Django parses them."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = MAX_BODY_BYTES + 1
        if length > MAX_BODY_BYTES:
            return problem(
                request, 400, "That request was too large", "The answers sent were far larger than any quiz page."
            )
        return view(request, *args, **kwargs)

    return wrapper


def attempt_url(attempt: QuizAttempt, page: int | None = None, slot: int | None = None) -> str:
    url = reverse("quizzes:take", args=[attempt.pk])
    if page and page > 1:
        url += f"?page={page}"
    if slot:
        url += f"#question-{slot}"
    return url


def own_attempt(request: HttpRequest, attempt_id: int) -> QuizAttempt:
    """The learner's own attempt (someone else's is simply not found), finalised first if its time ran out."""
    attempt = QuizAttempt.objects.select_related("quiz").filter(pk=attempt_id, user=request.user).first()
    if attempt is None:
        raise services.AttemptNotFound("We couldn't find that attempt among yours.")
    if services.is_expired(attempt):
        services.finalise_if_expired(attempt.pk, request.user)
        attempt.refresh_from_db()
    return attempt


@login_required
@require_POST
def start(request: HttpRequest, quiz_id: int) -> HttpResponse:
    quiz = quiz_page(quiz_id)  # the live page as published, kept per generation
    if quiz is None:
        raise Http404("No live quiz has that number.")
    try:
        attempt, created = services.start_attempt(quiz, request.user)
    except services.QuizError as error:
        return quiz_error(request, error, back_url=quiz.url)
    if not created:
        messages.info(request, "Welcome back: you're continuing your attempt where you left off.")
    return HttpResponseRedirect(attempt_url(attempt))


def _page_number(request: HttpRequest, attempt: QuizAttempt) -> int | None:
    raw = request.GET.get("page") or request.POST.get("page") or "1"
    try:
        number = int(raw)
    except ValueError:
        return None
    return number if 1 <= number <= attempt.page_count else None


@login_required
@limit_body
@require_http_methods(["GET", "POST"])
def take(request: HttpRequest, attempt_id: int) -> HttpResponse:
    try:
        attempt = own_attempt(request, attempt_id)
    except services.QuizError as error:
        return quiz_error(request, error)
    if not attempt.is_open:
        if attempt.finish_reason == FinishReason.TIME_EXPIRED:
            messages.warning(request, "Time ran out: your attempt was submitted with the answers you had saved.")
        return HttpResponseRedirect(reverse("quizzes:review", args=[attempt.pk]))
    page = _page_number(request, attempt)
    if page is None:
        return problem(
            request,
            404,
            "No such page in this attempt",
            f"This attempt has {attempt.page_count} page{'s' if attempt.page_count != 1 else ''}.",
            back_url=attempt_url(attempt),
        )
    if request.method == "POST":
        return _save_page(request, attempt, page)
    return _render_take(request, attempt, page)


def _render_take(request: HttpRequest, attempt: QuizAttempt, page: int, status: int = 200) -> HttpResponse:
    answers = {answer.slot: answer for answer in AttemptAnswer.objects.filter(attempt=attempt)}
    items = attempt.items_on_page(page)
    questions = [
        answering_question(
            item,
            number=attempt.items.index(item) + 1,
            response=answers[item["slot"]].response if item["slot"] in answers else {},
        )
        for item in items
    ]
    navigation = [
        {
            "number": number,
            "slot": item["slot"],
            "page": attempt.page_of_slot(item["slot"]),
            "answered": bool(answers.get(item["slot"]) and answers[item["slot"]].response),
            "current": item in items,
        }
        for number, item in enumerate(attempt.items, start=1)
    ]
    answered = sum(1 for entry in navigation if entry["answered"])
    return render(
        request,
        "quizzes/take.html",
        {
            "attempt": attempt,
            "quiz": attempt.quiz,
            "page": page,
            "questions": questions,
            "navigation": navigation,
            "answered_count": answered,
            "previous_page": page - 1 if page > 1 else None,
            "next_page": page + 1 if page < attempt.page_count else None,
            "seconds_left": _seconds_left(attempt),
            "milliseconds_left": _milliseconds_left(attempt),
            "time_left": _time_left(attempt),
        },
        status=status,
    )


def _time_left(attempt: QuizAttempt) -> str:
    """Minutes and seconds left, as the timer shows them (the script keeps it ticking)."""
    seconds = _seconds_left(attempt)
    if seconds is None:
        return ""
    return f"{seconds // 60}:{seconds % 60:02d}"


def _seconds_left(attempt: QuizAttempt) -> int | None:
    if attempt.deadline is None:
        return None
    return max(0, int((attempt.deadline - timezone.now()).total_seconds()))


def _milliseconds_left(attempt: QuizAttempt) -> int | None:
    """Exact time left for the page's timer, so it ends at the deadline, not up to a second early."""
    if attempt.deadline is None:
        return None
    return max(0, int((attempt.deadline - timezone.now()).total_seconds() * 1000))


def _save_page(request: HttpRequest, attempt: QuizAttempt, page: int) -> HttpResponse:
    """The plain form: save what was posted, then go where the learner asked."""
    try:
        posted = read_answers(request.POST, attempt.item_by_slot())
        result = services.save_answers(attempt.pk, request.user, posted.responses, posted.bases)
    except MalformedAnswer as error:
        return problem(request, 400, "That answer could not be saved", str(error), back_url=attempt_url(attempt))
    except services.TimeUp as error:
        messages.warning(request, error.message)
        return HttpResponseRedirect(reverse("quizzes:review", args=[attempt.pk]))
    except services.QuizError as error:
        return quiz_error(request, error, back_url=attempt_url(attempt, page))
    for slot, message in posted.problems.items():
        number = attempt.items.index(attempt.item_by_slot()[slot]) + 1
        messages.error(request, f"Question {number} was not saved: {message}")
    if posted.problems:
        first = min(posted.problems)
        return HttpResponseRedirect(attempt_url(attempt, attempt.page_of_slot(first), first))
    action = request.POST.get("action", "save")
    if action == "finish":
        return HttpResponseRedirect(reverse("quizzes:submit", args=[attempt.pk]))
    if action == "next":
        target = min(page + 1, attempt.page_count)
    elif action == "previous":
        target = max(page - 1, 1)
    elif action.startswith("goto-"):
        try:
            target = int(action.removeprefix("goto-"))
        except ValueError:
            target = page
        target = target if 1 <= target <= attempt.page_count else page
    else:
        target = page
        if result.saved_slots:
            messages.success(request, "Your answers are saved.")
    return HttpResponseRedirect(attempt_url(attempt, target))


@login_required
@limit_body
@require_POST
def autosave(request: HttpRequest, attempt_id: int) -> JsonResponse:
    """Save one question's answer from the page script; answers in JSON."""
    attempt = _attempt_questions(attempt_id, request.user)
    if attempt is None:
        return JsonResponse(
            {"ok": False, "title": "Attempt not found", "error": "We couldn't find that attempt among yours."},
            status=404,
        )
    try:
        posted = read_answers(request.POST, attempt.item_by_slot())
        if posted.problems:
            slot, message = next(iter(posted.problems.items()))
            return JsonResponse({"ok": False, "title": "Not saved yet", "error": message, "slot": slot}, status=400)
        result = services.save_answers(attempt.pk, request.user, posted.responses, posted.bases, items=attempt.items)
    except MalformedAnswer as error:
        return JsonResponse({"ok": False, "title": "That answer could not be saved", "error": str(error)}, status=400)
    except services.QuizError as error:
        body = {"ok": False, "title": error.title, "error": error.message}
        if isinstance(error, services.AttemptClosed):
            body["review_url"] = reverse("quizzes:review", args=[attempt.pk])
        if isinstance(error, services.StaleAnswer):
            body["slots"] = error.slots
        return JsonResponse(body, status=error.status)
    return JsonResponse(
        {
            "ok": True,
            "seq": result.sequence,
            "saved": result.saved_slots,
            "saved_at": timezone.localtime(result.attempt.last_saved_at).strftime("%H:%M")
            if result.attempt.last_saved_at
            else None,
        }
    )


# An attempt's questions are fixed when it starts, and the page saves answers to them many times: the
# autosave reads them from the cache (per attempt and learner) to understand the post, and hands them to the
# save, which locks the attempt's row without reading them again.
ATTEMPT_QUESTIONS_SECONDS = 3 * 3600


def _attempt_questions(attempt_id: int, user) -> QuizAttempt | None:
    """The learner's attempt with only its questions (`items`) loaded, or None if it is not theirs."""
    from django.core.cache import cache

    key = f"quizzes:attempt-items:{attempt_id}:{user.pk}"
    items = cache.get(key)
    if items is not None:
        return QuizAttempt(pk=attempt_id, items=items)
    attempt = QuizAttempt.objects.filter(pk=attempt_id, user=user).only("pk", "items").first()
    if attempt is not None:
        cache.set(key, attempt.items, ATTEMPT_QUESTIONS_SECONDS)
    return attempt


@login_required
@limit_body
@require_http_methods(["GET", "POST"])
def submit(request: HttpRequest, attempt_id: int) -> HttpResponse:
    if request.method == "POST":
        submitted = _submit_posted(request, attempt_id)
        if submitted is not None:
            return submitted
    try:
        attempt = own_attempt(request, attempt_id)
    except services.QuizError as error:
        return quiz_error(request, error)
    if not attempt.is_open:
        if request.method == "POST":
            messages.info(request, "This attempt was already submitted; here is its result.")
        return HttpResponseRedirect(reverse("quizzes:review", args=[attempt.pk]))
    if request.method == "POST":
        time_up = request.POST.get("time_up") == "1"
        raw = request.POST.get("seq")
        try:
            # A real time-up is graded whatever the save number; one sent too early is checked like any submit.
            sequence = int(raw) if raw is not None else None
        except ValueError:
            return problem(request, 400, "That request could not be understood", "The save number must be a number.")
        try:
            result = services.submit_attempt(attempt.pk, request.user, sequence=sequence, time_up=time_up)
        except services.StaleAnswer as error:
            messages.warning(request, error.message)
            return _render_confirm(request, QuizAttempt.objects.select_related("quiz").get(pk=attempt.pk), status=409)
        except services.QuizError as error:
            return quiz_error(request, error, back_url=attempt_url(attempt))
        if result.already_graded:
            messages.info(request, "This attempt was already submitted; here is its result.")
        return HttpResponseRedirect(reverse("quizzes:review", args=[attempt.pk]))
    return _render_confirm(request, attempt)


def _submit_posted(request: HttpRequest, attempt_id: int) -> HttpResponse | None:
    """Submit straight away: the service locks the attempt, checks it is the learner's, grades one whose time
    ran out and says if it was graded already, so the attempt is not read first (None: let `submit` answer)."""
    time_up = request.POST.get("time_up") == "1"
    raw = request.POST.get("seq")
    try:
        sequence = int(raw) if raw is not None else None
    except ValueError:
        return None  # `submit` checks the attempt is theirs, then refuses the save number
    now = timezone.now()
    try:
        result = services.submit_attempt(attempt_id, request.user, sequence=sequence, time_up=time_up, now=now)
    except services.StaleAnswer as error:
        messages.warning(request, error.message)
        return _render_confirm(request, QuizAttempt.objects.select_related("quiz").get(pk=attempt_id), status=409)
    except services.AttemptNotFound as error:
        return quiz_error(request, error)
    except services.QuizError as error:
        return quiz_error(request, error, back_url=reverse("quizzes:take", args=[attempt_id]))
    attempt = result.attempt
    # Time that had run out before this submit was finalised on arrival, as opening the attempt does.
    ran_out = (
        attempt.finish_reason == FinishReason.TIME_EXPIRED
        and attempt.deadline is not None
        and now > attempt.deadline + services.grace()
    )
    if result.already_graded or ran_out:
        messages.info(request, "This attempt was already submitted; here is its result.")
    return HttpResponseRedirect(reverse("quizzes:review", args=[attempt.pk]))


def _render_confirm(request: HttpRequest, attempt: QuizAttempt, status: int = 200) -> HttpResponse:
    answered = set(AttemptAnswer.objects.filter(attempt=attempt).exclude(response={}).values_list("slot", flat=True))
    unanswered = [
        {
            "number": number,
            "slot": item["slot"],
            "url": attempt_url(attempt, attempt.page_of_slot(item["slot"]), item["slot"]),
        }
        for number, item in enumerate(attempt.items, start=1)
        if item["slot"] not in answered
    ]
    return render(
        request,
        "quizzes/confirm.html",
        {
            "attempt": attempt,
            "quiz": attempt.quiz,
            "unanswered": unanswered,
            "answered_count": len(attempt.items) - len(unanswered),
            "seconds_left": _seconds_left(attempt),
            "milliseconds_left": _milliseconds_left(attempt),
            "time_left": _time_left(attempt),
            "return_url": attempt_url(attempt),
        },
        status=status,
    )


@login_required
def review(request: HttpRequest, attempt_id: int) -> HttpResponse:
    try:
        attempt = own_attempt(request, attempt_id)
    except services.QuizError as error:
        return quiz_error(request, error)
    if attempt.is_open:
        return HttpResponseRedirect(attempt_url(attempt))
    quiz = attempt.quiz
    # Another open attempt at this quiz may have run out of time too; grade it before reading the overview.
    services.finalise_expired_for(request.user, quiz)
    overview = selectors.quiz_overview(quiz, request.user)
    level = overview["review_detail"]
    answers = {answer.slot: answer for answer in AttemptAnswer.objects.filter(attempt=attempt)}
    module_ids = {item["remediation"]["module_id"] for item in attempt.items if item.get("remediation")}
    module_urls = (
        {module.pk: module.url for module in ModulePage.objects.live().filter(pk__in=module_ids)} if module_ids else {}
    )
    entries = build_review(attempt.items, answers, level, module_urls)
    return render(
        request,
        "quizzes/review.html",
        {
            "attempt": attempt,
            "quiz": quiz,
            "entries": entries,
            "level": level,
            "shows_correctness": shows(level, ReviewDetail.CORRECTNESS),
            "shows_key": shows(level, ReviewDetail.FULL),
            "held_back": level != quiz.review_detail,
            **overview,
        },
    )
