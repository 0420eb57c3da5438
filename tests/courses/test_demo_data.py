"""The demo data files are read strictly: a typo stops the demo with the file and the place in it."""

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from courses.choices import CourseLevel, DeliveryMethod
from courses.demo import content as courses_content
from courses.demo.datafile import DemoDataError
from quizzes import scoring
from quizzes.choices import GradingMethod, StepKind
from quizzes.demo import content as quizzes_content

SWEDISH = "swedish-technique-foundations"
CONTRAINDICATIONS = "contraindications-and-client-safety"


@pytest.fixture
def catalogue_dir(tmp_path) -> Path:
    """A copy of the demo catalogue's data files, to break on purpose."""
    return Path(shutil.copytree(courses_content.DATA_DIR, tmp_path / "courses"))


@pytest.fixture
def questions_file(tmp_path) -> Path:
    return Path(shutil.copy(quizzes_content.DATA_DIR / f"{CONTRAINDICATIONS}.yaml", tmp_path))


def edit(path: Path, old: str, new: str) -> None:
    source = path.read_text(encoding="utf-8")
    assert old in source, f"{old!r} is not in {path.name}"
    path.write_text(source.replace(old, new, 1), encoding="utf-8")


def test_the_catalogue_reads_into_specs_with_enums_and_exact_amounts():
    catalogue = courses_content.read_catalogue()
    assert [course.slug for course in catalogue.courses] == [
        SWEDISH,
        CONTRAINDICATIONS,
        "client-communication-and-consent",
    ]
    swedish = catalogue.courses[0]
    assert swedish.delivery_method is DeliveryMethod.LIVE_ON_SITE
    assert swedish.level is CourseLevel.INTRODUCTORY
    assert swedish.ce_hours == Decimal("6")
    assert catalogue.courses[2].categories == (("communication", Decimal("2.0")), ("ethics", Decimal("1.0")))
    assert [module.slug for module in swedish.modules][:2] == ["effleurage", "petrissage"]
    first_block = swedish.modules[0].body[0]
    assert first_block == ("section", {"heading": "What effleurage does in a session", "anchor": ""})


def test_the_question_bank_reads_into_specs_with_enums():
    bank = quizzes_content.read_question_bank()
    assert [content.course_slug for content in bank] == [SWEDISH, CONTRAINDICATIONS, "client-communication-and-consent"]
    questions = {question.reference: question for content in bank for question in content.questions}
    fever = questions["TS201-CASE-FEVER"]
    assert fever.kind == scoring.CASE_SCENARIO
    prompt, kind, safety, options = fever.children[1]
    assert (kind, safety) == (StepKind.MULTIPLE, True) and kind is StepKind.MULTIPLE
    assert options[3][1:3] == (Decimal("0"), True)  # the sauna advice: no credit, critical
    final = next(quiz for quiz in bank[1].quizzes if quiz.slug == "final-assessment")
    assert final.settings["grading_method"] is GradingMethod.HIGHEST
    assert final.draws == (("Client cases", 6),)


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            f"{SWEDISH}/effleurage.yaml",
            "      family: effleurage\n",
            "      family: effleurage\n      colour: blue\n",
            r"effleurage\.yaml: body\[4\]\.technique: unknown key\(s\) colour",
        ),
        (
            f"{SWEDISH}/effleurage.yaml",
            "uses: [palms, fingers]",
            "uses: palms",
            r"effleurage\.yaml: body\[4\]\.technique\.uses: expected a list",
        ),
        (
            f"{SWEDISH}/effleurage.yaml",
            "  - section: Superficial and deep effleurage",
            "  - heading: Superficial and deep effleurage",
            r"effleurage\.yaml: body\[2\]: unknown kind 'heading'",
        ),
        (
            f"{SWEDISH}/effleurage.yaml",
            "        - client: Nice.",
            "        - patient: Nice.",
            r"effleurage\.yaml: body\[\d+\]\.dialogue\.lines\[1\]: unknown kind 'patient'",
        ),
        (
            f"{SWEDISH}/effleurage.yaml",
            "title: 'Effleurage: the gliding stroke'",
            "title: 3",
            r"effleurage\.yaml: title: expected text, found 3",
        ),
        (
            f"{SWEDISH}/course.yaml",
            "delivery_method: live_on_site",
            "delivery_method: in_person",
            r"course\.yaml: delivery_method: 'in_person' is not one of on_demand, live_webinar, live_on_site",
        ),
        (
            f"{SWEDISH}/course.yaml",
            "ce_hours: '6'",
            "ce_hours: 6.5",
            r"course\.yaml: ce_hours: write a whole number, or a decimal in quotes",
        ),
        (
            f"{SWEDISH}/course.yaml",
            "  - sequencing-a-session\n",
            "",
            r"course\.yaml: modules must list every module file once; not listed: sequencing-a-session",
        ),
        (
            f"{SWEDISH}/course.yaml",
            "prerequisites:",
            "prerequisite:",
            r"course\.yaml: unknown key\(s\) prerequisite",
        ),
        (
            "catalogue.yaml",
            "  - client-communication-and-consent\n",
            "",
            r"catalogue\.yaml: courses must list every course folder; not listed: client-communication-and-consent",
        ),
    ],
)
def test_a_broken_catalogue_file_stops_with_its_name_and_place(catalogue_dir, file, old, new, message):
    edit(catalogue_dir / file, old, new)
    with pytest.raises(DemoDataError, match=message):
        courses_content.read_catalogue(catalogue_dir)


def test_invalid_yaml_names_the_file(catalogue_dir):
    edit(catalogue_dir / SWEDISH / "friction.yaml", "body:", "body: [")
    with pytest.raises(DemoDataError, match=r"swedish-technique-foundations/friction\.yaml: not valid YAML"):
        courses_content.read_catalogue(catalogue_dir)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "type: case_scenario",
            "type: case_study",
            r"questions\[\d+\]\.type: 'case_study' is not one of single_choice, multiple_response",
        ),
        (
            "        kind: multiple",
            "        kind: several",
            r"steps\[1\]\.kind: 'several' is not one of single, multiple",
        ),
        ("            weight: 3", "            weight: 0.5", r"options\[0\]\.weight: write a whole number"),
        ("            critical: true", "            critical: yes please", r"critical: expected true or false"),
        ("    age: 34", "    years: 34", r"questions\[\d+\]: unknown key\(s\) years"),
        ("      grading_method: latest", "      grading_method: best", r"settings\.grading_method: 'best'"),
        ("      pass_mark: 70", "      passmark: 70", r"settings: unknown key\(s\) passmark"),
        ("reference: TS201-CASE-DVT", "reference: TS201-CASE-FEVER", r"used more than once: TS201-CASE-FEVER"),
        ("      - TS201-CLOT-RISKS\n    draws", "      - TS201-NO-SUCH\n    draws", r"no question TS201-NO-SUCH"),
        ("{category: Client cases, count: 6}", "{category: Cases, count: 6}", r"draws: 'Cases' is not in categories"),
    ],
)
def test_a_broken_question_file_stops_with_its_name_and_place(questions_file, old, new, message):
    edit(questions_file, old, new)
    with pytest.raises(DemoDataError, match=rf"{CONTRAINDICATIONS}\.yaml: .*{message}"):
        quizzes_content.read_course_questions(questions_file)


def test_a_question_file_for_no_course_is_refused(tmp_path):
    shutil.copy(quizzes_content.DATA_DIR / f"{SWEDISH}.yaml", tmp_path / "swedish-massage.yaml")
    with pytest.raises(DemoDataError, match=r"swedish-massage\.yaml: named after no course"):
        quizzes_content.read_question_bank(tmp_path)
