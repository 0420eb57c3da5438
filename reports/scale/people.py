"""The synthetic learners themselves: names, accounts, and removing them (with everything they did).

Usernames are ``scale-000123`` (the learner's number, from 0), names come from short lists picked by a
seeded random, and passwords are unusable, so nobody can sign in as one. They are recognised by the
prefix alone: running ``make_scale_data`` again first removes every account with it.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db import connection

from credit.models import Certificate, CreditRecord, Enrolment, ModuleProgress
from quizzes.models import AttemptAnswer, ChosenOption, QuizAttempt

PREFIX = "scale-"
EMAIL_DOMAIN = "scale.touchstone.example"
# Django's unusable password: "!" and anything. A constant one keeps the rows the same for a seed.
PASSWORD = f"{UNUSABLE_PASSWORD_PREFIX}synthetic-learner"

FIRST_NAMES = (
    "Aisha", "Ben", "Carmen", "Dev", "Elena", "Farah", "Grace", "Hiro", "Imani", "Jonas", "Keiko", "Luis",
    "Mara", "Nikhil", "Olivia", "Pablo", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Victor", "Wren", "Yusuf",
)  # fmt: skip
LAST_NAMES = (
    "Adams", "Bianchi", "Chen", "Diallo", "Evans", "Fischer", "Garcia", "Haddad", "Ito", "Johnson", "Kowalski",
    "Lopez", "Mensah", "Nguyen", "Okafor", "Patel", "Quintero", "Rossi", "Smith", "Tanaka", "Usman", "Varga",
)  # fmt: skip


def username(number: int) -> str:
    return f"{PREFIX}{number:06d}"


def learner_rng(seed: int, number: int) -> random.Random:
    """Each learner's own random stream: learner 123 is the same whether 200 or 200,000 are built."""
    return random.Random(f"{seed}:learner:{number}")


def new_user(number: int, rng: random.Random, *, joined: datetime):
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    name = username(number)
    return get_user_model()(
        username=name,
        first_name=first,
        last_name=last,
        email=f"{name}@{EMAIL_DOMAIN}",
        password=PASSWORD,
        is_active=True,
        date_joined=joined - timedelta(days=rng.randint(0, 30)),
    )


def scale_users():
    return get_user_model().objects.filter(username__startswith=PREFIX)


def remove_scale_learners() -> int:
    """Delete every synthetic learner and what they did; returns how many learners there were.

    Their rows are deleted table by table in plain DELETEs (Django's delete would load each one first).
    Credit records are deleted here too, although the ledger otherwise refuses it: these never were a
    learner's credit. Question versions stay: real attempts may share them, and the next run reuses them.
    """
    users = scale_users()
    count = users.count()
    if not count:
        return 0
    using = connection.alias
    for queryset in (
        ChosenOption.objects.filter(attempt__user__in=users),
        AttemptAnswer.objects.filter(attempt__user__in=users),
        QuizAttempt.objects.filter(user__in=users),
        ModuleProgress.objects.filter(user__in=users),
        Enrolment.objects.filter(user__in=users),
        Certificate.objects.filter(record__user__in=users),
        CreditRecord.objects.filter(user__in=users),
    ):
        queryset._raw_delete(using)
    users.delete()
    return count
