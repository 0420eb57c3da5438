"""Export then import keeps every field Moodle shares with Touchstone, for GIFT and Moodle XML (and CSV)."""

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from quizzes import scoring
from quizzes.interchange import formats, gift, moodle_xml, selectors, services
from quizzes.interchange.records import decode
from quizzes.models import Question
from tests.quizzes import factories as quiz

pytestmark = pytest.mark.django_db
SAMPLES = Path(__file__).parent / "samples"


@pytest.fixture
def bank(swedish):
    """One question of each shared type, every field filled, with text that needs escaping."""
    shared = {"course": swedish, "live": True}
    built = [
        quiz.single_choice(
            options=(("Effleurage {gliding}", True), ("Tapotement: percussion", False), ("Friction = deep", False)),
            prompt="Which stroke opens a session?\nPick one ~ only one.",
            explanation="Effleurage warms the tissue # and settles the client.",
            points=Decimal("2.5"),
            reference="TS101-EFF-1",
            **shared,
        ),
        quiz.multiple_response(
            options=(("Warmth", True), ("Swelling", True), ("Tight hamstrings", False), ("Tenderness", True)),
            scoring=scoring.PARTIAL,
            prompt="Which signs in one calf make you refer?",
            points=Decimal("3"),
            **shared,
        ),
        quiz.multiple_response(
            options=(("Fever", True), ("A cold", False)), scoring=scoring.ALL_OR_NOTHING, points=Decimal("1"), **shared
        ),
        quiz.true_false(correct=False, prompt="Fever is no reason to reschedule.", points=Decimal("0.5"), **shared),
        quiz.true_false(correct=True, prompt="A suspected clot rules out leg massage.", **shared),
        quiz.matching(points=Decimal("4"), **shared),
        quiz.ordering(scoring=scoring.POSITION, points=Decimal("2"), **shared),
    ]
    built[0].tags.add("effleurage", "session flow")
    built[0].save()
    return built


def export_then_import(key, questions, course):
    file_format = formats.FORMATS[key]
    records = [selectors.question_record(question) for question in questions]
    written = file_format.write([record for record in records if not file_format.cannot_write(record)])
    parsed = file_format.parse(decode(written.encode()))
    assert not parsed.unmapped, parsed.unmapped
    Question.objects.filter(pk__in=[q.pk for q in questions]).update(reference="")  # free them for the copies
    created = services.create_draft_questions(course=course, records=parsed.questions)
    return records, [selectors.question_record(Question.objects.get(pk=question.pk)) for question in created]


def comparable(record, *, points=True, pair_feedback=True):
    return replace(
        record,
        points=record.points if points else None,
        pairs=[replace(pair, feedback=pair.feedback if pair_feedback else "") for pair in record.pairs],
        source="",
        notes=[],
    )


def test_moodle_xml_round_trip_keeps_every_shared_field(bank, safety):
    before, after = export_then_import("moodle_xml", bank, safety)
    assert len(after) == len(bank)
    # Moodle matching has no feedback per pair: the one field that can't make the trip.
    assert [comparable(record, pair_feedback=False) for record in after] == [
        comparable(record, pair_feedback=False) for record in before
    ]
    assert after[0].points == Decimal("2.50") and after[0].reference == "TS101-EFF-1"


def test_gift_round_trip_keeps_every_shared_field(bank, safety):
    before, after = export_then_import("gift", bank, safety)
    # GIFT has no ordering questions (with feedback), no points and no feedback per matching pair.
    kept = [record for record in before if record.type != scoring.ORDERING]
    assert [comparable(record, points=False, pair_feedback=False) for record in after] == [
        comparable(record, points=False, pair_feedback=False) for record in kept
    ]
    assert {record.points for record in after} == {Decimal("1.00")}


def test_csv_round_trip_keeps_its_three_types(bank, safety):
    before, after = export_then_import("csv", bank, safety)
    kept = [
        record
        for record in before
        if record.type in (scoring.SINGLE_CHOICE, scoring.MULTIPLE_RESPONSE, scoring.TRUE_FALSE)
    ]
    assert [comparable(record) for record in after] == [comparable(record) for record in kept]


@pytest.mark.parametrize("name, module", [("moodle_bank.gift.txt", gift), ("moodle_bank.xml", moodle_xml)])
def test_sample_files_survive_being_written_and_read_again(name, module):
    first = module.parse(decode((SAMPLES / name).read_bytes())).questions
    second = module.parse(module.write(first)).questions
    assert [comparable(record) for record in second] == [comparable(record) for record in first]


def test_imported_questions_are_drafts_in_the_chosen_course_with_their_children(swedish):
    records = moodle_xml.parse(decode((SAMPLES / "moodle_bank.xml").read_bytes())).questions
    created = services.create_draft_questions(course=swedish, records=records)
    assert {question.live for question in created} == {False}
    assert all(question.latest_revision_id for question in created)
    assert {question.course_id for question in created} == {swedish.pk}
    single = Question.objects.get(pk=created[0].pk)
    assert [option.text for option in single.options.all()] == ["Effleurage", "Tapotement", "Friction"]
    assert list(single.tags.names()) == ["effleurage"]
    ordering = Question.objects.get(pk=created[4].pk)
    assert [item.text for item in ordering.items.all()] == ["Intake", "Consent", "Effleurage"]


def test_a_reference_already_in_use_is_left_blank_and_the_preview_says_so(swedish):
    quiz.true_false(reference="TS101-EFF-1", course=swedish)
    records = moodle_xml.parse(decode((SAMPLES / "moodle_bank.xml").read_bytes())).questions
    selectors.plan_import(records)
    assert any("already used" in note for note in records[0].notes)
    created = services.create_draft_questions(course=swedish, records=records)
    assert created[0].reference == ""
