"""A learner signs up, adds a licence, enrols, completes the modules, passes the quiz, downloads and
verifies the certificate, and sees the renewal tracker move; another learner gets a 404 for it."""

import io

import pytest
from pypdf import PdfReader

from credit.models import CreditRecord
from tests import factories
from tests.browser.conftest import login
from tests.credit import factories as credit_factories
from tests.quizzes import factories as quiz_factories


@pytest.fixture
def live_course(db):
    """A home-study course: modules and a counting quiz (live courses complete through attendance instead)."""
    course = factories.course(
        title="Client Communication and Consent",
        ce_hours="3",
        delivery_method="on_demand",
        course_number="TS-301",
        categories=["communication", "ethics"],
    )
    factories.module(course, title="Intake and health history")
    factories.module(course, title="Informed consent and the right to stop")
    question = quiz_factories.true_false(correct=True, prompt="A client may ask to stop the session at any time.")
    quiz_factories.quiz(course, questions=[question], title="Consent check", pass_mark=70)
    credit_factories.provider()
    return course


def pdf_text(path) -> str:
    with open(path, "rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_learner_earns_verifies_and_tracks_credit(page, browser, live_server, live_course, axe_check):
    base = live_server.url
    # Sign up.
    page.goto(f"{base}/accounts/signup/")
    page.get_by_label("Username").fill("samira")
    page.get_by_label("Legal name").fill("Samira Haddad")
    page.get_by_label("E-mail").fill("samira@example.com")
    page.locator("#id_password1").fill("a-long-massage-password-91")
    page.get_by_label("Password confirmation").fill("a-long-massage-password-91")
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url("**/learning/")
    assert page.get_by_role("heading", level=1).inner_text() == "My learning"
    axe_check(page)

    # Add a licence: the tracker starts at zero.
    page.get_by_role("link", name="Add a licence").click()
    page.get_by_label("Licensing body").select_option(label="NCBTMB Board Certification")
    page.get_by_label("Licence or certificate number").fill("NC-555123")
    page.get_by_label("Current cycle starts").fill("2025-01-01")
    page.get_by_label("Current cycle ends").fill("2030-12-31")
    page.get_by_role("button", name="Save licence").click()
    page.goto(f"{base}/learning/renewal/")
    assert "0 of 24 hours" in page.locator("main").inner_text()
    axe_check(page)

    # Enrol and complete the modules: the quiz is still to pass.
    page.goto(base + live_course.url)
    page.get_by_role("button", name="Enrol in this course").click()
    page.wait_for_url("**/intake-and-health-history-*/")
    page.get_by_role("button", name="Mark this module complete").click()
    page.wait_for_url("**/informed-consent-and-the-right-to-stop-*/")
    page.get_by_role("button", name="Mark this module complete").click()
    page.wait_for_url("**" + live_course.url)
    assert not CreditRecord.objects.exists()

    # Pass the quiz: the results page offers the certificate straight away.
    page.get_by_role("link", name="Continue: Consent check").click()
    page.get_by_role("button", name="Start the quiz").click()
    page.wait_for_url("**/quizzes/attempts/**")
    page.get_by_label("True", exact=True).check()
    page.get_by_role("button", name="Finish attempt…").click()
    page.wait_for_url("**/submit/")
    page.get_by_role("button", name="Submit for grading").click()
    page.wait_for_url("**/review/")
    assert "Client Communication and Consent is complete" in page.locator(".credit-notice").inner_text()
    record = CreditRecord.objects.get()
    code = record.certificates.get().display_code

    # Download the certificate.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download your certificate").click()
    text = pdf_text(download_info.value.path())
    for expected in ("Samira Haddad", "Client Communication and Consent", "3 CEs", code, "Certificate of Achievement"):
        assert expected in text, expected
    assert "CEU" not in text

    # Verify it on the public page, as anyone would.
    page.goto(f"{base}/learning/verify/")
    page.get_by_label("Verification code").fill(code.lower().replace("-", " "))
    page.get_by_role("button", name="Check the code").click()
    result = page.locator(".verification").inner_text()
    assert "This certificate is genuine" in result and "Samira Haddad" in result and "3 CEs" in result
    axe_check(page)

    # The renewal tracker moved.
    page.goto(f"{base}/learning/renewal/")
    assert "3 of 24 hours" in page.locator("main").inner_text()
    axe_check(page)

    page.goto(f"{base}/learning/transcript/")
    assert "Client Communication and Consent" in page.locator("main").inner_text()
    axe_check(page)

    # Someone else asking for the certificate gets a 404.
    other = browser.new_context()
    other_page = other.new_page()
    factories.user("intruder", password="intruder-pass-123")
    login(other_page, live_server, "intruder", "intruder-pass-123")
    response = other_page.goto(f"{base}/learning/credit/{record.pk}/certificate.pdf")
    assert response.status == 404
    other.close()


def test_outside_ce_upload_refuses_the_wrong_file(page, live_server, tmp_path, axe_check):
    credit_factories.learner("sam", password="sam-password-123")
    login(page, live_server, "sam", "sam-password-123")
    page.goto(f"{live_server.url}/learning/transcript/add/")
    axe_check(page)
    bogus = tmp_path / "certificate.pdf"
    bogus.write_text("<html>not a pdf</html>")
    page.get_by_label("Course title").fill("Ethics Refresher")
    page.get_by_label("Provider").fill("Another Provider")
    page.get_by_label("Completion date").fill("2025-05-01")
    page.get_by_label("CE hours").fill("3")
    page.get_by_label("How you studied").select_option(label="Live – Webinar")
    page.get_by_label("Certificate (PDF or image)").set_input_files(str(bogus))
    page.get_by_role("button", name="Save to transcript").click()
    assert "a PDF or an image we can read" in page.locator("main").inner_text()


def test_learner_pages_fit_a_phone_screen(phone_page, live_server, axe_check):
    learner = credit_factories.learner("sam", password="sam-password-123")
    credit_factories.licence(learner)
    credit_factories.outside_credit(learner)
    login(phone_page, live_server, "sam", "sam-password-123")
    for path in (
        "/learning/",
        "/learning/renewal/",
        "/learning/transcript/",
        "/learning/verify/",
        "/accounts/profile/",
    ):
        phone_page.goto(live_server.url + path)
        width = phone_page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path} scrolls sideways on a phone ({width}px)"
    axe_check(phone_page)
