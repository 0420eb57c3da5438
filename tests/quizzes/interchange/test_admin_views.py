"""The import and export screens: upload, preview, confirm; permissions; bad files; downloads."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quizzes.admin.interchange import SESSION_KEY
from quizzes.interchange.records import MAX_FILE_BYTES
from quizzes.models import Question
from tests.quizzes import factories as quiz

pytestmark = pytest.mark.django_db
SAMPLES = Path(__file__).parent / "samples"
IMPORT = reverse("quizzes_admin:import_questions")
EXPORT = reverse("quizzes_admin:export_questions")
DOWNLOAD = reverse("quizzes_admin:download_questions")
TEMPLATE = reverse("quizzes_admin:csv_template")
BANK = "/admin/snippets/quizzes/question/"


def refused(response) -> bool:
    """Wagtail answers PermissionDenied in the admin by sending the user to the dashboard with a message."""
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def upload(name: str, content: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content if content is not None else (SAMPLES / name).read_bytes())


@pytest.fixture
def maya_client(client, maya, swedish, safety):
    client.force_login(maya.user)
    return client


def test_instructor_previews_then_confirms_and_gets_drafts_in_her_course(maya_client, swedish):
    response = maya_client.post(IMPORT, {"course": swedish.pk, "file": upload("moodle_bank.xml")})
    assert response.status_code == 302
    preview = maya_client.get(response["Location"])
    page = preview.content.decode()
    assert preview.status_code == 200
    assert "5 questions will be created as drafts" in page
    assert "Which stroke usually opens and closes a Swedish session?" in page
    assert "Essay: every Touchstone question is graded automatically" in page
    assert "3 items can" in page
    assert not Question.objects.exists()  # nothing saved before confirming

    confirmed = maya_client.post(response["Location"])
    assert confirmed.status_code == 302
    assert confirmed["Location"] == f"{BANK}?course={swedish.pk}&live=false"
    assert Question.objects.filter(course=swedish, live=False).count() == 5
    assert SESSION_KEY not in maya_client.session
    # Confirming twice (a second click, the back button) creates nothing more.
    again = maya_client.post(response["Location"])
    assert again.status_code == 302 and again["Location"] == IMPORT
    assert Question.objects.count() == 5


def test_gift_and_csv_are_recognised_by_their_file_names(maya_client, swedish):
    for name, count in (("moodle_bank.gift.txt", 5), ("questions.csv", 3)):
        response = maya_client.post(IMPORT, {"course": swedish.pk, "file": upload(name)})
        assert response.status_code == 302, response.content.decode()[-2000:]
        assert f"{count} questions will be created" in maya_client.get(response["Location"]).content.decode()


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("bank.xml", b"", "The submitted file is empty."),
        ("bank.xml", (SAMPLES / "entity_bomb.xml").read_bytes(), "document type or entities"),
        ("bank.xml", (SAMPLES / "malformed.xml").read_bytes(), "malformed on line 5"),
        ("bank.txt", "Caf\u00e9 stroke? {T}".encode("latin-1"), "t UTF-8 text"),
        ("bank.txt", b"x" * (MAX_FILE_BYTES + 1), "larger than 2 MB"),
        ("bank.csv", b"question,answer\nWhat?,That\n", "the template&#x27;s header"),
        ("bank.docx", b"whatever", "doesn&#x27;t say which format"),
    ],
)
def test_bad_files_get_a_clear_form_error_not_a_500(maya_client, swedish, name, content, message):
    response = maya_client.post(IMPORT, {"course": swedish.pk, "file": upload(name, content)})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert SESSION_KEY not in maya_client.session


def test_a_file_with_only_unmappable_questions_previews_without_a_create_button(maya_client, swedish):
    gift = b"::Essay::Describe your intake routine. {}\n\n::Short::Name the stroke. {=effleurage}\n"
    response = maya_client.post(IMPORT, {"course": swedish.pk, "file": upload("bank.txt", gift)})
    page = maya_client.get(response["Location"]).content.decode()
    assert "No question in this file can be imported" in page
    assert "Create" not in page
    assert maya_client.post(response["Location"]).status_code == 302
    assert not Question.objects.exists()


def test_instructors_import_only_into_their_own_courses(maya_client, swedish, safety):
    form = maya_client.get(IMPORT).content.decode()
    assert swedish.title in form and safety.title not in form
    response = maya_client.post(IMPORT, {"course": safety.pk, "file": upload("moodle_bank.xml")})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    # A preview whose course she no longer authors (or a forged session) is refused.
    session = maya_client.session
    session[SESSION_KEY] = {"token": "t", "course": safety.pk, "format": "gift", "filename": "x", "text": "Q {T}"}
    session.save()
    assert refused(maya_client.get(reverse("quizzes_admin:preview_import", args=["t"])))
    assert not Question.objects.exists()


def test_a_stale_preview_sends_the_author_back_to_upload(maya_client):
    response = maya_client.get(reverse("quizzes_admin:preview_import", args=["gone"]))
    assert response.status_code == 302 and response["Location"] == IMPORT


def test_providers_have_no_access(client, provider, swedish):
    client.force_login(provider)
    for url in (IMPORT, EXPORT, TEMPLATE, f"{DOWNLOAD}?course={swedish.pk}&file_format=gift"):
        assert refused(client.get(url)), url
    assert refused(client.post(IMPORT, {"course": swedish.pk, "file": upload("moodle_bank.xml")}))
    assert not Question.objects.exists()


def test_the_bank_listing_links_to_import_and_export(maya_client, admin_client):
    for user_client in (maya_client, admin_client):
        page = user_client.get(BANK).content.decode()
        assert IMPORT in page and EXPORT in page


def test_the_listing_shows_no_import_link_to_someone_who_may_not_import(client, provider):
    from django.contrib.auth.models import Permission

    provider.user_permissions.add(Permission.objects.get(codename="view_question"))
    client.force_login(provider)
    page = client.get(BANK).content.decode()
    assert IMPORT not in page


def test_export_lists_the_course_questions_and_says_which_the_format_leaves_out(maya_client, swedish, safety):
    single = quiz.single_choice(course=swedish, prompt="Which stroke glides?")
    case = quiz.case_scenario(course=swedish)
    quiz.true_false(course=safety, prompt="Someone else's question")
    page = maya_client.get(EXPORT, {"course": swedish.pk, "file_format": "gift"}).content.decode()
    assert "Which stroke glides?" in page and "Someone else" not in page
    assert f'value="{single.pk}"' in page and f'value="{case.pk}"' not in page
    assert "Case scenarios (a client vignette" in page


def test_download_gives_the_ticked_questions_in_the_chosen_format(maya_client, swedish):
    first = quiz.single_choice(course=swedish, prompt="Which stroke glides?")
    quiz.true_false(course=swedish, prompt="Fever rules out massage.")
    response = maya_client.get(DOWNLOAD, {"course": swedish.pk, "file_format": "moodle_xml", "question": first.pk})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="ts-101-questions.xml"'
    body = response.content.decode()
    assert "Which stroke glides?" in body and "Fever" not in body
    whole_bank = maya_client.get(DOWNLOAD, {"course": swedish.pk, "file_format": "gift"}).content.decode()
    assert "Which stroke glides?" in whole_bank and "Fever rules out massage." in whole_bank


def test_download_refuses_another_instructors_course_and_nonsense(maya_client, safety):
    quiz.true_false(course=safety, prompt="Daniel's question")
    assert maya_client.get(DOWNLOAD, {"course": safety.pk, "file_format": "gift"}).status_code == 404
    assert maya_client.get(DOWNLOAD, {"course": "x", "file_format": "pdf"}).status_code == 404


def test_download_of_nothing_the_format_holds_explains_instead(maya_client, swedish):
    quiz.case_scenario(course=swedish)
    response = maya_client.get(DOWNLOAD, {"course": swedish.pk, "file_format": "csv"})
    assert response.status_code == 302
    assert "None of those questions" in maya_client.get(response["Location"]).content.decode()


def test_the_csv_template_downloads_with_its_header_and_examples(maya_client):
    response = maya_client.get(TEMPLATE)
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    assert text.startswith("type,reference,prompt,correct,option_a,feedback_a")
    assert "single_choice" in text and "multiple_response" in text and "true_false" in text
