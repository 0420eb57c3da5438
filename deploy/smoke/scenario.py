"""What the smoke run does as a learner over HTTP, and what it then checks in the database.

The learner is `priya` (a demo learner with no credit yet) taking *Final assessment: contraindications
and client safety*, the graded test of the home-study course TS-201: with every module read, passing it
completes the course and issues a certificate. Reading eight modules takes over an hour (each has a
minimum time), so her reading is recorded the way the demo records sam's; everything from enrolling to
downloading the certificate then happens over HTTP through nginx.
"""

from __future__ import annotations

import io
import time
from dataclasses import dataclass
from datetime import timedelta

from learner import Browser, SaveLog, autosave, csrf_field, find, submit
from stack import SmokeFailure, Stack

LEARNER, OTHER_LEARNER, PASSWORD = "priya", "sam", "touchstone-learner"
COURSE_SLUG, QUIZ_SLUG = "contraindications-and-client-safety", "final-assessment"


@dataclass
class QuizRun:
    attempt_id: int
    answers: dict[int, dict]  # slot -> the response sent
    total: int
    killed_at: int
    log: SaveLog
    served_while_down: set[str]
    back_after_restart: bool


def prepare_reading() -> None:
    """Record priya's reading of every module of TS-201 (as credit.demo records sam's), quiz not taken."""
    from django.contrib.auth import get_user_model

    from courses.models import CoursePage, ModulePage
    from credit.demo import record_reading

    user = get_user_model().objects.get(username=LEARNER)
    course = CoursePage.objects.live().get(slug=COURSE_SLUG)
    modules = list(ModulePage.objects.live().child_of(course).order_by("path"))
    record_reading(user, course, modules, days_ago=2, extra_seconds=60, visits=1)


def quiz_and_course_urls() -> tuple[str, str]:
    from quizzes.models import QuizPage

    quiz = QuizPage.objects.live().get(slug=QUIZ_SLUG)
    return quiz.get_parent().specific.url, quiz.url


def right_answers(attempt_id: int) -> tuple[list[dict], dict[int, dict]]:
    """The attempt's questions in page order and a passing answer to each, read from its own snapshot."""
    from credit.demo import _right_response  # the demo's well-prepared learner, reused as is
    from quizzes.models import QuizAttempt

    items = QuizAttempt.objects.get(pk=attempt_id).items
    return items, {item["slot"]: _right_response(item) for item in items}


def play_quiz(stack: Stack, browser: Browser) -> QuizRun:
    course_url, quiz_url = quiz_and_course_urls()
    course_page = browser.expect(browser.get(course_url), 200, "course page")
    enrol = find(r'action="(/learning/courses/\d+/enrol/)"', course_page.text, "the enrol form")
    browser.expect(
        browser.post(enrol, {"csrfmiddlewaretoken": csrf_field(course_page.text)}, referer=course_url),
        200,
        "enrolling",
    )
    quiz_page = browser.expect(browser.get(quiz_url), 200, "quiz page")
    start = find(r'action="(/quizzes/\d+/start/)"', quiz_page.text, "the start form")
    taking = browser.expect(
        browser.post(start, {"csrfmiddlewaretoken": csrf_field(quiz_page.text)}, referer=quiz_url), 200, "starting"
    )
    attempt_id = int(find(r"/quizzes/attempts/(\d+)/", taking.url, "the attempt number"))
    base = int(find(r'name="seq-\d+" value="(\d+)"', taking.text, "the page's save number"))
    items, answers = right_answers(attempt_id)
    total = len(items)
    killed_at, restart_at = total // 2, (3 * total) // 4
    node_a, node_b = stack.nodes
    log = SaveLog()
    served_while_down: set[str] = set()
    back = False
    for number, item in enumerate(items, start=1):
        before = dict(browser.served_by)
        autosave(browser, attempt_id=attempt_id, item=item, response=answers[item["slot"]], base=base, log=log)
        if killed_at < number <= restart_at:
            served_while_down |= {node for node, count in browser.served_by.items() if count > before.get(node, 0)}
        if number == killed_at:
            node_a.kill()
        if number == restart_at:
            node_a.start(stack.env)
            back = wait_until_serving(browser, node_a.address)
    return QuizRun(attempt_id, answers, total, killed_at, log, served_while_down, back)


def wait_until_serving(browser: Browser, address: str, seconds: float = 30) -> bool:
    """Reload a page until nginx sends a request to the restarted node again (after its fail_timeout)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if browser.get("/learning/").headers.get("X-Touchstone-Node") == address:
            return True
        time.sleep(0.3)
    return False


def finish(browser: Browser, run: QuizRun) -> None:
    """Submit, then submit again as a browser resending after a lost response would: one grade only."""
    path = f"/quizzes/attempts/{run.attempt_id}/submit/"
    first = submit(browser, attempt_id=run.attempt_id)
    again = browser.post(path, {"seq": str(run.log.sequence)}, referer=path)
    for what, answer in (("submitting", first), ("submitting again", again)):
        browser.expect(answer, 200, what)
        if f"/quizzes/attempts/{run.attempt_id}/review/" not in answer.url:
            raise SmokeFailure(f"{what} did not lead to the result page (at {answer.url})")


def check_attempt(run: QuizRun) -> str:
    """Every answer sent is stored as sent; the attempt is graded once and passed; one record, one certificate."""
    from django.contrib.auth import get_user_model

    from credit.models import Certificate, CreditRecord
    from quizzes import scoring
    from quizzes.models import AttemptAnswer, QuizAttempt

    user = get_user_model().objects.get(username=LEARNER)
    attempt = QuizAttempt.objects.get(pk=run.attempt_id)
    stored = {row.slot: row.response for row in AttemptAnswer.objects.filter(attempt=attempt)}
    items = attempt.item_by_slot()
    kept = sum(1 for slot, sent in run.answers.items() if stored.get(slot) == scoring.clean_response(items[slot], sent))
    if kept != run.total:
        raise SmokeFailure(f"only {kept}/{run.total} answers are in the database as sent")
    attempts = QuizAttempt.objects.filter(user=user, quiz_id=attempt.quiz_id)
    if attempts.count() != 1 or attempt.is_open or not attempt.passed:
        raise SmokeFailure(
            f"expected one graded, passed attempt; found {attempts.count()} (status {attempt.status}, "
            f"passed {attempt.passed}, {attempt.percent}%)"
        )
    records = CreditRecord.objects.filter(user=user, course_id=attempt.quiz.get_parent().pk)
    certificates = Certificate.objects.filter(record__in=records)
    if records.count() != 1 or certificates.count() != 1:
        raise SmokeFailure(
            f"expected one credit record and one certificate, found {records.count()} and {certificates.count()}"
        )
    return certificates.get().code


def check_certificate(browser: Browser, stack: Stack, code: str) -> str:
    """The PDF downloads from the transcript's link, and the public verify page says the certificate is valid."""
    from credit.models import Certificate

    certificate = Certificate.objects.select_related("record").get(code=code)
    transcript = browser.expect(browser.get("/learning/transcript/"), 200, "transcript")
    link = f"/learning/credit/{certificate.record_id}/certificate.pdf"
    if link not in transcript.text or certificate.display_code not in transcript.text:
        raise SmokeFailure("the transcript does not list the new certificate")
    pdf = browser.expect(browser.get(link), 200, "certificate download")
    if not pdf.content.startswith(b"%PDF-") or pdf.headers.get("Content-Type") != "application/pdf":
        raise SmokeFailure("the certificate download is not a PDF")
    anyone = Browser(stack.base_url, str(stack.cert))
    verify = anyone.expect(anyone.get(f"/learning/verify/{certificate.display_code}/"), 200, "verify page")
    if "This certificate is genuine" not in verify.text or certificate.record.course_title not in verify.text:
        raise SmokeFailure("the verify page does not show the certificate as valid")
    return certificate.display_code


def check_media(stack: Stack) -> None:
    """A course image under /media/ comes from nginx itself (no node named), byte for byte the file on disk."""
    course_url, _ = quiz_and_course_urls()
    anyone = Browser(stack.base_url, str(stack.cert))
    page = anyone.expect(anyone.get(course_url), 200, "course page")
    path = find(r'src="(/media/[^"]+\.(?:png|jpe?g|webp))"', page.text, "a course image under /media/")
    image = anyone.expect(anyone.get(path), 200, f"course image {path}")
    if image.headers.get("X-Touchstone-Node"):
        raise SmokeFailure(f"{path} was served by gunicorn, not nginx")
    if image.content != (stack.media_root / path.removeprefix("/media/")).read_bytes():
        raise SmokeFailure(f"{path} differs from the file in MEDIA_ROOT")


def upload_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def check_private_upload(browser: Browser, stack: Stack) -> None:
    """An outside-CE certificate uploaded over HTTP: nginx never serves it, the owner gets it, others get 404."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from credit.models import OutsideCredit

    form = browser.expect(browser.get("/learning/transcript/add/"), 200, "add outside CE form")
    data = {
        "csrfmiddlewaretoken": csrf_field(form.text),
        "title": "Pregnancy Massage Safety",
        "provider": "Harbour School of Massage",
        "completed_on": (timezone.localdate() - timedelta(days=30)).isoformat(),
        "hours": "2",
        "delivery_method": "on_demand",
        "certificate_number": "HSM-2026-114",
    }
    content = upload_pdf()
    saved = browser.post(
        "/learning/transcript/add/",
        data,
        referer="/learning/transcript/add/",
        files={"certificate_file": ("my certificate.pdf", content, "application/pdf")},
    )
    browser.expect(saved, 200, "saving the outside CE entry")
    user = get_user_model().objects.get(username=LEARNER)
    entry = OutsideCredit.objects.filter(user=user, title=data["title"]).first()
    if entry is None or not entry.certificate_file:
        raise SmokeFailure("the outside CE entry or its certificate was not saved")
    name = entry.certificate_file.name
    if not (stack.private_media_root / name).is_file() or (stack.media_root / name).exists():
        raise SmokeFailure(f"the upload {name} is not in PRIVATE_MEDIA_ROOT only")
    for path in (f"/media/{name}", f"/media/{name.rsplit('/', 1)[-1]}", f"/private-media/{name}"):
        leaked = browser.get(path)
        if leaked.status_code != 404:
            raise SmokeFailure(f"{path} answered {leaked.status_code}, not 404")
    own = f"/learning/transcript/{entry.pk}/certificate/"
    mine = browser.expect(browser.get(own), 200, "the owner's download of the upload")
    if mine.content != content:
        raise SmokeFailure("the owner's download differs from the uploaded file")
    other = Browser(stack.base_url, str(stack.cert))
    other.sign_in(OTHER_LEARNER, PASSWORD)
    other.expect(other.get(own), 404, "another learner asking for the upload")
