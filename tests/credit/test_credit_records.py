"""The credit ledger: written once at completion, a snapshot, never changed, never deleted."""

from decimal import Decimal

import pytest
from django.urls import reverse

from courses.models import CoursePage, Instructor
from credit import services
from credit.models import Certificate, CreditRecord, ImmutableRecordError
from tests import factories
from tests.concurrency import run_together
from tests.credit import factories as credit_factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def completed(catalogue):
    credit_factories.provider()
    credit_factories.approving_body()
    instructor = Instructor.objects.create(name="Maya Okafor", credentials="LMT, BCTMB")
    course, modules = credit_factories.home_study_course(
        title="Client Communication and Consent",
        ce_hours="3",
        course_number="TS-301",
        categories=["communication", "ethics"],
        instructors=[instructor],
    )
    course.ce_category_links.filter(category__slug="communication").update(hours=Decimal("2"))
    course.ce_category_links.filter(category__slug="ethics").update(hours=Decimal("1"))
    learner = credit_factories.learner("sam")
    credit_factories.licence(learner, number="MA98765")
    return learner, course, modules


def test_record_snapshots_what_boards_ask_for(completed):
    learner, course, modules = completed
    record = credit_factories.complete_course(learner, course, modules)

    assert record.learner_name == "Samira Haddad"
    assert record.licences == [
        {
            "body": "Florida Board of Massage Therapy",
            "profile": "Florida massage therapist licence",
            "state": "FL",
            "label": "Licence number",
            "number": "MA98765",
        }
    ]
    assert (record.course_title, record.course_number, record.ce_hours) == (
        "Client Communication and Consent",
        "TS-301",
        Decimal("3.0"),
    )
    assert record.category_hours == {"communication": Decimal("2.0"), "ethics": Decimal("1.0")}
    assert record.delivery_method == "on_demand" and record.place == "Online home study"
    assert record.provider_name == "Touchstone Continuing Education"
    assert "ce@touchstone.example" in record.provider_contact and "Tampa" in record.provider_contact
    assert record.approvals[0]["provider_number"] == "451234-26"
    assert record.instructors == "Maya Okafor, LMT, BCTMB"
    assert record.provider_signatory == "Alex Morgan, Education Director"
    assert record.tested
    assert record.certificate_title == "Certificate of Achievement"
    assert record.certificates.count() == 1


def test_later_edits_never_reach_the_record(completed):
    learner, course, modules = completed
    record = credit_factories.complete_course(learner, course, modules)
    course.title = "Renamed course"
    course.ce_hours = Decimal("5")
    course.save_revision().publish()
    credit_factories.provider(organisation_name="New Name Ltd")
    learner.learner_profile.legal_name = "Samira H. Haddad"
    learner.learner_profile.save()

    record = CreditRecord.objects.get(pk=record.pk)
    assert (record.course_title, record.ce_hours, record.provider_name, record.learner_name) == (
        "Client Communication and Consent",
        Decimal("3.0"),
        "Touchstone Continuing Education",
        "Samira Haddad",
    )


def test_records_cannot_be_changed_or_deleted(completed):
    learner, course, modules = completed
    record = credit_factories.complete_course(learner, course, modules)
    record.ce_hours = Decimal("10")
    with pytest.raises(ImmutableRecordError):
        record.save()
    with pytest.raises(ImmutableRecordError):
        record.delete()
    with pytest.raises(ImmutableRecordError):
        CreditRecord.objects.all().delete()
    with pytest.raises(ImmutableRecordError):
        CreditRecord.objects.update(ce_hours=1)
    with pytest.raises(ImmutableRecordError):
        Certificate.objects.first().delete()
    assert CreditRecord.objects.get().ce_hours == Decimal("3.0")


def test_deciding_completion_again_changes_nothing(completed):
    learner, course, modules = completed
    record = credit_factories.complete_course(learner, course, modules)
    for module in modules:
        _, again = services.mark_module_complete(learner, module, course)
        assert again.pk == record.pk
    assert services.decide_completion(learner, course).pk == record.pk
    assert CreditRecord.objects.count() == 1 and Certificate.objects.count() == 1


def test_database_refuses_a_second_record_for_the_same_course(completed):
    from django.db import IntegrityError, transaction

    learner, course, modules = completed
    record = credit_factories.complete_course(learner, course, modules)
    snapshot = {
        field: getattr(record, field) for field in ("learner_name", "course_title", "course_number", "ce_hours")
    }
    with pytest.raises(IntegrityError), transaction.atomic():
        CreditRecord.objects.create(
            user=learner,
            course=course,
            delivery_method="live_on_site",
            tested=False,
            completed_at=record.completed_at,
            completed_on=record.completed_on,
            provider_name="x",
            **snapshot,
        )


def test_write_credit_record_returns_the_existing_one_on_a_race(completed):
    learner, course, modules = completed
    record = credit_factories.complete_course(learner, course, modules)
    again = services.write_credit_record(learner, course, completed_at=record.completed_at, tested=False)
    assert again.pk == record.pk


@pytest.mark.django_db(transaction=True)
def test_concurrent_completions_write_one_record():
    from tests.baseline import ensure_baseline

    ensure_baseline()  # a transactional test starts from an empty database
    factories.catalogue()
    course, modules = credit_factories.home_study_course(modules=1)
    learner = credit_factories.learner("racer")
    services.enrol(learner, course)
    credit_factories.pass_counting_quizzes(learner, course)  # the last module then completes the course
    results = run_together(2, lambda _: services.mark_module_complete(learner, modules[0], course))
    assert not [result for result in results if isinstance(result, Exception)]
    assert CreditRecord.objects.filter(user=learner).count() == 1


def test_a_course_with_credit_cannot_be_deleted(completed):
    from django.db.models import ProtectedError

    learner, course, modules = completed
    credit_factories.complete_course(learner, course, modules)
    with pytest.raises(ProtectedError):
        CoursePage.objects.get(pk=course.pk).delete()


def test_admin_page_deletion_shows_a_clear_refusal(client, completed, django_user_model):
    learner, course, modules = completed
    credit_factories.complete_course(learner, course, modules)
    admin = django_user_model.objects.create_superuser("boss", "boss@example.com", "pw-12345-abc")
    client.force_login(admin)

    for page in (course, course.get_parent()):  # the course, or the catalogue above it
        response = client.get(reverse("wagtailadmin_pages:delete", args=[page.pk]), follow=True)
        assert response.status_code == 200
        html = response.content.decode()
        assert "learners earned credit in Client Communication and Consent" in html
        response = client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]), follow=True)
        assert response.status_code == 200
    assert CoursePage.objects.filter(pk=course.pk).exists()


def test_admin_bulk_delete_is_refused_too(client, completed, django_user_model):
    learner, course, modules = completed
    credit_factories.complete_course(learner, course, modules)
    admin = django_user_model.objects.create_superuser("boss", "boss@example.com", "pw-12345-abc")
    client.force_login(admin)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"]) + f"?id={course.pk}"
    response = client.post(url, follow=True)
    assert response.status_code == 200
    assert "learners earned credit" in response.content.decode()
    assert CoursePage.objects.filter(pk=course.pk).exists()


def test_a_course_without_credit_can_still_be_deleted(client, catalogue, django_user_model):
    course, _ = credit_factories.live_course()
    admin = django_user_model.objects.create_superuser("boss", "boss@example.com", "pw-12345-abc")
    client.force_login(admin)
    response = client.get(reverse("wagtailadmin_pages:delete", args=[course.pk]))
    assert response.status_code == 200
    assert "earned credit" not in response.content.decode()


def test_deleting_a_learner_keeps_their_records(completed):
    learner, course, modules = completed
    record = credit_factories.complete_course(learner, course, modules)
    learner.delete()
    record = CreditRecord.objects.get(pk=record.pk)
    assert record.user is None and record.learner_name == "Samira Haddad"


def test_admin_ledger_is_read_only(client, completed, django_user_model):
    learner, course, modules = completed
    record = credit_factories.complete_course(learner, course, modules)
    admin = django_user_model.objects.create_superuser("boss", "boss@example.com", "pw-12345-abc")
    client.force_login(admin)

    listing = client.get(reverse("credit_records:index"))
    assert listing.status_code == 200 and "Samira Haddad" in listing.content.decode()
    assert client.get(reverse("credit_records:index") + "?q=Samira").status_code == 200
    inspect = client.get(reverse("credit_records:inspect", args=[record.pk]))
    assert inspect.status_code == 200
    assert record.certificates.get().display_code in inspect.content.decode()
    for path in (
        f"/admin/credit_records/edit/{record.pk}/",
        f"/admin/credit_records/delete/{record.pk}/",
        "/admin/credit_records/new/",
    ):
        assert client.get(path).status_code == 404


def test_staff_without_credit_permission_cannot_see_the_ledger(client, completed):
    learner, course, modules = completed
    record = credit_factories.complete_course(learner, course, modules)
    from django.contrib.auth.models import Permission

    editor = factories.user("editor")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get(reverse("credit_records:inspect", args=[record.pk])).status_code in (302, 403)
