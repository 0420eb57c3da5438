"""The GIFT, Moodle XML and CSV readers and writers, on sample files: plain data, no database."""

from decimal import Decimal
from pathlib import Path

import pytest

from quizzes import scoring
from quizzes.interchange import csv_format, gift, moodle_xml
from quizzes.interchange.records import (
    MAX_FILE_BYTES,
    MAX_QUESTIONS,
    FileProblem,
    Item,
    Option,
    Pair,
    QuestionRecord,
    decode,
)

SAMPLES = Path(__file__).parent / "samples"


def sample(name: str) -> str:
    return decode((SAMPLES / name).read_bytes())


def by_source(result):
    return {record.source: record for record in result.questions}


# --- GIFT ---------------------------------------------------------------------------------------


def test_gift_reads_each_shared_type_with_feedback_weights_ids_and_tags():
    result = gift.parse(sample("moodle_bank.gift.txt"))
    kinds = [record.type for record in result.questions]
    assert kinds == [
        scoring.SINGLE_CHOICE,
        scoring.MULTIPLE_RESPONSE,
        scoring.TRUE_FALSE,
        scoring.MATCHING,
        scoring.SINGLE_CHOICE,
    ]
    opening, signs, fever, strokes, missing_word = result.questions
    assert opening.reference == "TS101-EFF-1"
    assert opening.tags == ["effleurage", "session flow"]
    assert opening.explanation == "Effleurage spreads the lubricant and lets the client settle."
    assert [(o.text, o.correct) for o in opening.options] == [
        ("Effleurage", True),
        ("Tapotement", False),
        ("Petrissage", False),
    ]
    assert opening.options[1].feedback == "Tapotement stimulates; it is used briefly, mid-session."
    # Moodle's 50% for petrissage can't be kept: the preview says so.
    assert any("50%" in note for note in opening.notes)
    assert opening.points is None  # GIFT carries no points

    assert signs.scoring == scoring.PARTIAL
    assert [o.correct for o in signs.options] == [True, True, False, True]
    # {FALSE#feedback when wrong#feedback when right}: answering True is the wrong answer.
    assert fever.correct_answer is False
    assert fever.feedback_true == "Not so: fever is an absolute contraindication."
    assert fever.feedback_false == "Right: reschedule the session."
    assert strokes.pairs[-1] == Pair(prompt="", answer="Vibration")
    assert missing_word.prompt == "Before massaging a client you must obtain informed _____ from them."
    assert missing_word.source == "line 31"


def test_gift_lists_what_cannot_be_mapped_and_why():
    result = gift.parse(sample("moodle_bank.gift.txt"))
    reasons = {item.kind: item.reason for item in result.unmapped}
    assert "typed answers" in reasons["shortanswer"]
    assert "essay" in reasons["essay"].lower()
    assert "numeric" in reasons["numerical"]
    assert "no answer to grade" in reasons["Description"]
    assert "line 41" in reasons["Syntax error"] and "never closed" in reasons["Syntax error"]


def test_gift_syntax_errors_name_their_line_and_spare_the_good_questions():
    result = gift.parse(sample("bad_syntax.gift.txt"))
    assert [record.prompt for record in result.questions] == ["Which stroke glides?"]
    errors = [item.reason for item in result.unmapped]
    assert errors[0].startswith("GIFT syntax error on line 6:") and "“->”" in errors[0]
    assert errors[1].startswith("GIFT syntax error on line 9:") and "second answer block" in errors[1]


@pytest.mark.parametrize(
    "text, problem",
    [
        ("Pick the warm-up stroke {=Effleurage ~%100%Tapotement}", "Several options give full marks"),
        ("Pick {~%100%Effleurage}", "at least two options"),
        ("Pick {~Effleurage ~Tapotement}", "No option earns marks"),
        ("Pick {=Effleurage ~effleurage}", "same text"),
    ],
)
def test_gift_questions_that_break_touchstone_rules_are_unmapped(text, problem):
    result = gift.parse(text)
    assert not result.questions
    assert problem in result.unmapped[0].reason


def test_gift_escapes_survive_a_round_trip():
    record = QuestionRecord(
        type=scoring.SINGLE_CHOICE,
        prompt="Ratio {1:2} = half ~ roughly # one\nSecond line \\ with a backslash",
        explanation="Braces {} and colons: kept.",
        options=[Option("A = B", True, "Right # one"), Option("C ~ D", False, "Wrong: {no}")],
    )
    read = gift.parse(gift.write([record])).questions[0]
    assert (read.prompt, read.explanation, read.options) == (record.prompt, record.explanation, record.options)


def test_gift_writer_leaves_out_what_gift_cannot_carry():
    ordering = QuestionRecord(type=scoring.ORDERING, prompt="Order", items=[Item("A"), Item("B")])
    assert "Moodle XML" in gift.cannot_write(ordering)
    assert "Order" not in gift.write([ordering])


def test_gift_file_with_only_comments_is_a_file_problem():
    with pytest.raises(FileProblem, match="no GIFT questions"):
        gift.parse("// just a comment\n\n// another\n")


# --- Moodle XML -----------------------------------------------------------------------------------


def test_moodle_xml_reads_each_shared_type():
    result = moodle_xml.parse(sample("moodle_bank.xml"))
    opening, signs, fever, strokes, flow = result.questions
    assert opening.type == scoring.SINGLE_CHOICE
    assert opening.prompt == "Which stroke usually opens and closes a Swedish session?"
    assert opening.explanation == "Effleurage spreads the lubricant & lets the client settle."
    assert opening.points == Decimal("2.00")
    assert (opening.reference, opening.tags) == ("TS101-EFF-1", ["effleurage"])
    assert opening.options[0] == Option("Effleurage", True, "Right: long gliding strokes warm the tissue.")
    # Wrong options costing 100% each: all or nothing.
    assert (signs.type, signs.scoring) == (scoring.MULTIPLE_RESPONSE, scoring.ALL_OR_NOTHING)
    assert any("Pictures" in note for note in signs.notes)
    assert (fever.type, fever.correct_answer, fever.feedback_false) == (scoring.TRUE_FALSE, False, "Right: reschedule.")
    assert strokes.points == Decimal("3.00") and strokes.pairs[2] == Pair("", "Vibration")
    # Ordering items come in their right order, whatever order the file lists them in.
    assert [item.text for item in flow.items] == ["Intake", "Consent", "Effleurage"]
    assert flow.scoring == scoring.POSITION
    assert {item.kind for item in result.unmapped} == {"shortanswer", "essay", "ddwtos"}


@pytest.mark.parametrize(
    "name, message",
    [
        ("entity_bomb.xml", "document type or entities"),
        ("external_entity.xml", "document type or entities"),
        ("malformed.xml", "malformed on line 5"),
    ],
)
def test_unsafe_or_broken_xml_is_refused_with_a_reason(name, message):
    with pytest.raises(FileProblem, match=message):
        moodle_xml.parse(sample(name))


def test_xml_that_is_not_a_moodle_question_file_is_refused():
    with pytest.raises(FileProblem, match="not <quiz>"):
        moodle_xml.parse("<html><body>Hello</body></html>")
    with pytest.raises(FileProblem, match="no questions"):
        moodle_xml.parse('<quiz><question type="category"><category><text>x</text></category></question></quiz>')


def test_unknown_moodle_types_and_bad_fractions_are_unmapped():
    text = """<quiz>
      <question type="coderunner"><questiontext><text>Write code</text></questiontext></question>
      <question type="multichoice"><questiontext><text>Pick</text></questiontext>
        <answer fraction="lots"><text>A</text></answer></question>
    </quiz>"""
    result = moodle_xml.parse(text)
    assert not result.questions
    assert "coderunner" in result.unmapped[0].reason
    assert "isn't a number" in result.unmapped[1].reason


def test_too_many_questions_is_a_file_problem():
    question = '<question type="truefalse"><questiontext><text>x</text></questiontext></question>'
    with pytest.raises(FileProblem, match=f"at most {MAX_QUESTIONS}"):
        moodle_xml.parse("<quiz>" + question * (MAX_QUESTIONS + 1) + "</quiz>")


# --- files ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"  \n\n ", "empty"),
        ("Question caf\u00e9 {T}".encode("latin-1"), "isn't UTF-8 text"),
        ("\ufeffQuestion {T}".encode("utf-16"), "UTF-16"),
        (b"PK\x03\x04\x00\x00binary", "binary"),
        (b"x" * (MAX_FILE_BYTES + 1), "larger than 2 MB"),
    ],
)
def test_files_that_cannot_be_read_say_why(data, message):
    with pytest.raises(FileProblem, match=message):
        decode(data)


def test_utf8_with_a_byte_order_mark_and_windows_line_ends_reads():
    assert decode("\ufeffLine one\r\nLine two".encode()) == "Line one\nLine two"


# --- CSV ----------------------------------------------------------------------------------------------


def test_the_csv_template_reads_back_as_its_three_examples():
    result = csv_format.parse(csv_format.template())
    assert [record.type for record in result.questions] == [
        scoring.SINGLE_CHOICE,
        scoring.MULTIPLE_RESPONSE,
        scoring.TRUE_FALSE,
    ]
    assert not result.unmapped
    assert csv_format.template().splitlines()[0].startswith("type,reference,prompt,correct,option_a,feedback_a")


def test_csv_rows_become_questions_or_say_what_is_wrong_by_row():
    result = csv_format.parse(sample("questions.csv"))
    single, multiple, statement = result.questions
    assert single.points == Decimal("1.50") and single.tags == ["effleurage", "session flow"]
    assert single.options[0] == Option("Effleurage", True, "Right: it glides.")
    assert multiple.prompt == "Which signs in one calf make you refer?\nChoose all that apply."
    assert multiple.scoring == scoring.ALL_OR_NOTHING
    assert (statement.correct_answer, statement.feedback_false) == (True, "Fever is absolute.")
    problems = {item.source: item.reason for item in result.unmapped}
    # Rows count as a spreadsheet shows them; the multi-line prompt is one row.
    assert "Unknown type “essay”" in problems["row 5"]
    assert "no such option" in problems["row 6"]


def test_csv_without_the_template_header_is_a_file_problem():
    with pytest.raises(FileProblem, match="lacks type, prompt, correct"):
        csv_format.parse("question,answer\nWhat?,That\n")
    with pytest.raises(FileProblem, match="no questions"):
        csv_format.parse(csv_format.template().splitlines()[0] + "\n")


def test_csv_with_semicolons_reads_as_excel_writes_it_in_europe():
    text = "type;prompt;correct;option_a;option_b\ntrue_false;Fever rules out massage.;true;;\n"
    assert csv_format.parse(text).questions[0].correct_answer is True
