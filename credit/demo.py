"""Demo data for credit: the provider's details, an approving body, and a learner (sam) with licences,
enrolments, some progress and CE from elsewhere, so the dashboard and renewal tracker show real figures.

Live courses (On Site, Webinar) complete only through an attended offering, so nothing here completes one:
sam prepares for them (modules read, the webinar course's quiz passed) and the events demo, which runs
later, takes the attendance that earns their credit.

Runs after the courses and quizzes demos (the order of `DEMO_LOADERS` in load_demo) and is safe to run again.
"""

from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from accounts.demo import LEARNER
from accounts.models import LearnerProfile
from courses.models import CECategory, CoursePage, ModulePage
from quizzes.models import QuizPage

from . import services
from .models import (
    ApprovingBody,
    Enrolment,
    Licence,
    ModuleProgress,
    OutsideCredit,
    ProviderSettings,
    RequirementProfile,
)

PROVIDER = {
    "organisation_name": "Touchstone Continuing Education",
    "address": "200 Bayshore Avenue, Suite 4\nTampa, FL 33606",
    "email": "ce@touchstone.example",
    "phone": "(813) 555-0142",
    "administrator_name": "Alex Morgan",
    "administrator_title": "Education Director",
    "certificate_note": "Keep this certificate for at least six years: boards may ask for it in an audit.",
}

# Clearly not a real approval number: an administrator replaces it with the provider's own.
DEMO_APPROVAL = {"name": "NCBTMB (demo approval)", "short_name": "NCBTMB", "provider_number": "000000-DEMO"}

# (course slug, modules to complete — None for all —, module being read now, pass the course's quizzes).
# The live webinar course is prepared for, not clicked through: its credit comes from the offering sam
# attended (events demo); the quiz it asks for is passed here.
PROGRESS = [
    ("swedish-technique-foundations", 2, 2, False),
    ("contraindications-and-client-safety", 1, 1, False),
    ("client-communication-and-consent", 0, None, True),
]

OUTSIDE = [
    {
        "title": "Ethics and Boundaries in Bodywork",
        "provider": "Gulf Coast Massage Institute",
        "days_ago": 210,
        "hours": "3",
        "categories": ["ethics"],
        "delivery_method": "live_webinar",
        "certificate_number": "GCMI-2231",
        "attach": True,
    },
    {
        "title": "Florida Laws and Rules for Massage Therapists",
        "provider": "Sunshine CE Online",
        "days_ago": 150,
        "hours": "2",
        "categories": ["laws-rules"],
        "delivery_method": "on_demand",
        "certificate_number": "SCE-88412",
        "attach": False,
    },
    {
        "title": "Deep Tissue Hands-on Workshop",
        "provider": "Bayfront School of Massage",
        "days_ago": 90,
        "hours": "8",
        "categories": ["hands-on-technique"],
        "delivery_method": "live_on_site",
        "certificate_number": "",
        "attach": False,
    },
]


def florida_cycle(today: date) -> tuple[date, date]:
    """Florida massage licences renew every two years on 31 August of odd years."""
    start_year = today.year if today.year % 2 == 1 else today.year - 1
    start = date(start_year, 9, 1)
    if start > today:
        start = date(start_year - 2, 9, 1)
    return start, date(start.year + 2, 8, 31)


def _outside_certificate_pdf(entry: OutsideCredit) -> bytes:
    from weasyprint import HTML

    html = (
        f"<h1>Certificate of Completion</h1><p>Samira Haddad completed <strong>{entry.title}</strong> "
        f"({entry.hours.normalize():f} CE hours) with {entry.provider} on {entry.completed_on:%B %d, %Y}.</p>"
        f"<p>Certificate number {entry.certificate_number}</p>"
    )
    return HTML(string=html).write_pdf()


def _right_response(item: dict) -> dict:
    """The best answer to one question of an attempt, read from the attempt's own snapshot."""
    kind = item["type"]
    if kind in ("single_choice", "true_false"):
        return {"choice": next(option["id"] for option in item["options"] if option["correct"])}
    if kind == "multiple_response":
        return {"choices": [option["id"] for option in item["options"] if option["correct"]]}
    if kind == "matching":
        return {"matches": {prompt["id"]: prompt["answer"] for prompt in item["prompts"]}}
    if kind == "ordering":
        return {"order": item["correct_order"]}
    steps = {}
    for step in item["steps"]:
        safe = [option for option in step["options"] if not option["critical"]]
        if step["kind"] == "single":
            steps[step["id"]] = [max(safe, key=lambda option: float(option["weight"]))["id"]]
        else:
            steps[step["id"]] = [option["id"] for option in safe if float(option["weight"]) > 0]
    return {"steps": steps}


def _pass_quiz(user, quiz: QuizPage) -> None:
    """Sit the quiz as a well-prepared learner would, unless it is passed already."""
    from quizzes import services as quiz_services
    from quizzes.selectors import passed_quiz_ids

    if quiz.pk in passed_quiz_ids(user, [quiz.pk]):
        return
    attempt, _ = quiz_services.start_attempt(quiz, user)
    answers = {item["slot"]: _right_response(item) for item in attempt.items}
    quiz_services.save_answers(attempt.pk, user, answers, attempt.sequence)
    attempt.refresh_from_db()
    quiz_services.submit_attempt(attempt.pk, user, sequence=attempt.sequence)


def record_reading(user, course: CoursePage, modules: list, *, days_ago: int, extra_seconds: int, visits: int) -> None:
    """Write a learner's finished reading of `modules` straight to their progress, one module an hour from
    `days_ago` days back, each read for its reading time (or the course's minimum) plus `extra_seconds`."""
    moment = timezone.now() - timedelta(days=days_ago)
    for index, module in enumerate(modules):
        seconds = max(module.reading_minutes, course.minimum_module_minutes) * 60 + extra_seconds
        ModuleProgress.objects.update_or_create(
            user=user,
            module=module,
            defaults={
                "course": course,
                "first_visited_at": moment + timedelta(hours=index),
                "last_seen_at": moment + timedelta(hours=index, seconds=seconds),
                "visit_count": visits,
                "seconds_spent": seconds,
                "completed_at": moment + timedelta(hours=index, seconds=seconds),
            },
        )


@transaction.atomic
def load(stdout) -> list:
    settings = ProviderSettings.load()
    for field, value in PROVIDER.items():
        setattr(settings, field, value)
    settings.save()
    ApprovingBody.objects.update_or_create(name=DEMO_APPROVAL["name"], defaults=DEMO_APPROVAL)

    sam = get_user_model().objects.filter(username=LEARNER.username).first()
    if sam is None:
        stdout.write("Credit demo skipped: the demo learner does not exist.")
        return []
    LearnerProfile.objects.update_or_create(user=sam, defaults={"legal_name": LEARNER.name})
    today = timezone.localdate()
    start, end = florida_cycle(today)
    Licence.objects.update_or_create(
        user=sam,
        requirement_profile=RequirementProfile.objects.get(slug="florida-massage-therapist"),
        defaults={"licence_number": "MA0087412", "cycle_start": start, "cycle_end": end},
    )
    certified = today - timedelta(days=300)
    Licence.objects.update_or_create(
        user=sam,
        requirement_profile=RequirementProfile.objects.get(slug="ncbtmb-board-certification"),
        defaults={
            "licence_number": "NC-1093377",
            "cycle_start": certified,
            "cycle_end": date(certified.year + 2, certified.month, min(certified.day, 28)),
        },
    )

    for data in OUTSIDE:
        entry, created = OutsideCredit.objects.get_or_create(
            user=sam,
            title=data["title"],
            defaults={
                "provider": data["provider"],
                "completed_on": today - timedelta(days=data["days_ago"]),
                "hours": Decimal(data["hours"]),
                "delivery_method": data["delivery_method"],
                "certificate_number": data["certificate_number"],
            },
        )
        if created:
            entry.categories.set(CECategory.objects.filter(slug__in=data["categories"]))
            if data["attach"]:
                entry.certificate_file.save("certificate.pdf", ContentFile(_outside_certificate_pdf(entry)), save=False)
                entry.certificate_content_type = "application/pdf"
                entry.save()

    enrolled = 0
    for slug, done, reading, pass_quizzes in PROGRESS:
        course = CoursePage.objects.live().filter(slug=slug).first()
        if course is None:
            continue
        services.enrol(sam, course)
        enrolled += 1
        modules = list(ModulePage.objects.live().child_of(course).order_by("path"))
        done = len(modules) if done is None else done
        record_reading(sam, course, modules[:done], days_ago=3, extra_seconds=120, visits=2)
        moment = timezone.now() - timedelta(days=3)
        if reading is not None and reading < len(modules):
            module = modules[reading]
            ModuleProgress.objects.get_or_create(
                user=sam,
                module=module,
                defaults={"course": course, "first_visited_at": moment, "last_seen_at": moment, "visit_count": 1},
            )
            Enrolment.objects.filter(user=sam, course=course).update(last_module=module, last_activity_at=moment)
        if pass_quizzes:
            for quiz in QuizPage.objects.live().child_of(course).filter(counts_towards_completion=True):
                _pass_quiz(sam, quiz)

    stdout.write(
        f"Credit demo ready: provider details, {LEARNER.username}'s licences (Florida, NCBTMB), "
        f"{len(OUTSIDE)} outside CE entries and {enrolled} enrolments"
        + ("" if enrolled else " (the demo catalogue was not found, so no enrolments)")
        + "."
    )
    return []
