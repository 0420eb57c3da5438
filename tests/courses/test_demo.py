"""`load_demo`'s course catalogue: the tree it builds, running it again, and what the courses teach."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from courses import reading
from courses.demo.artwork import draw
from courses.demo.content import read_catalogue
from courses.models import CourseCECategory, CourseIndexPage, CoursePage, Instructor, ModulePage
from home.models import HomePage
from quizzes.models import QuizPage
from tests.courses.conftest import load_demo

pytestmark = pytest.mark.django_db

# The fixed catalogue other apps' demos refer to (docs/demo.md), written out here on purpose:
# the test must fail if the content drifts from it.
EXPECTED_MODULES = {
    "swedish-technique-foundations": [
        "effleurage",
        "petrissage",
        "tapotement",
        "friction",
        "vibration",
        "sequencing-a-session",
    ],
    "contraindications-and-client-safety": [
        "absolute-and-relative-contraindications",
        "general-and-local-contraindications",
        "fever-infection-and-skin-conditions",
        "circulatory-and-cardiovascular-conditions",
        "surgery-fractures-and-injury",
        "pregnancy-cancer-and-inflammatory-conditions",
        "systemic-conditions",
        "screening-clearance-and-referral",
    ],
    "client-communication-and-consent": [
        "intake-and-health-history",
        "setting-session-goals",
        "informed-consent-and-the-right-to-stop",
        "draping-and-boundaries",
        "pressure-check-ins",
        "aftercare-and-session-frequency",
        "massage-myths-and-client-education",
    ],
}
DOMAIN_BLOCKS = {"technique", "contraindication", "client_dialogue"}


@pytest.fixture
def demo(demo_catalogue, db):
    return {course.slug: course for course in CoursePage.objects.all()}


def _counts() -> dict:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "instructors": Instructor.objects.count(),
        "images": get_image_model().objects.count(),
        "category links": CourseCECategory.objects.count(),
        "groups": Group.objects.count(),
        "team members": sum(group.user_set.count() for group in Group.objects.filter(course__isnull=False)),
    }


def test_tree_is_home_catalogue_courses_modules_in_order(demo):
    home = HomePage.objects.get()
    catalogue = CourseIndexPage.objects.get()
    assert catalogue.get_parent().pk == home.pk
    assert (catalogue.slug, catalogue.title, catalogue.live) == ("courses", "Courses", True)
    assert catalogue.url == "/courses/"

    courses = CoursePage.objects.child_of(catalogue).order_by("path")
    assert [course.slug for course in courses] == list(EXPECTED_MODULES)
    for course in courses:
        modules = ModulePage.objects.child_of(course).order_by("path")
        assert [module.slug for module in modules] == EXPECTED_MODULES[course.slug]
        assert all(module.live and not module.has_unpublished_changes for module in modules)
        # Besides its modules, a course holds only its quizzes (quizzes.demo adds them).
        assert not course.get_children().not_type(ModulePage, QuizPage).exists()


def test_running_twice_changes_nothing(demo):
    first = _counts()
    load_demo()
    assert _counts() == first


def test_running_again_repairs_edits_in_place(demo):
    swedish = demo["swedish-technique-foundations"]
    effleurage = ModulePage.objects.get(slug="effleurage")
    effleurage.title = "Renamed by hand"
    effleurage.save_revision().publish()
    # Modules drifted out of order, and a CE category link went missing.
    ModulePage.objects.get(slug="vibration").move(swedish, pos="first-child")
    communication = demo["client-communication-and-consent"]
    communication.ce_category_links.filter(category__slug="ethics").delete()
    pages_before = Page.objects.count()

    load_demo()

    effleurage.refresh_from_db()
    assert effleurage.title == "Effleurage: the gliding stroke"
    assert Page.objects.count() == pages_before
    order = list(ModulePage.objects.child_of(swedish).order_by("path").values_list("slug", flat=True))
    assert order == EXPECTED_MODULES["swedish-technique-foundations"]
    links = {(link.category.slug, link.hours) for link in communication.ce_category_links.all()}
    assert links == {("communication", Decimal("2.0")), ("ethics", Decimal("1.0"))}

    # Repaired once; the run after that leaves everything alone.
    settled = _counts()
    load_demo()
    assert _counts() == settled


def test_courses_match_the_published_catalogue(demo):
    swedish = demo["swedish-technique-foundations"]
    contraindications = demo["contraindications-and-client-safety"]
    communication = demo["client-communication-and-consent"]

    def facts(course):
        links = sorted((link.category.slug, link.hours) for link in course.ce_category_links.all())
        instructors = [(i.name, i.credentials, i.user.username if i.user else None) for i in course.instructors.all()]
        return course.title, course.course_number, course.delivery_method, course.ce_hours, links, instructors

    assert facts(swedish) == (
        "Swedish Technique Foundations",
        "TS-101",
        "live_on_site",
        Decimal("6.0"),
        [("hands-on-technique", None)],
        [("Maya Okafor", "LMT, BCTMB", "maya")],
    )
    assert facts(contraindications) == (
        "Contraindications and Client Safety",
        "TS-201",
        "on_demand",
        Decimal("1.0"),
        [("contraindications-safety", None)],
        [("Daniel Reyes", "LMT", "daniel")],
    )
    assert facts(communication) == (
        "Client Communication and Consent",
        "TS-301",
        "live_webinar",
        Decimal("3.0"),
        [("communication", Decimal("2.0")), ("ethics", Decimal("1.0"))],
        [("Priya Nair", "LMT", None)],
    )


def test_every_course_page_is_complete(demo):
    for course in demo.values():
        assert course.hero_image is not None
        assert course.hero_image.file.storage.exists(course.hero_image.file.name)
        assert course.hero_image.title.startswith(course.title)
        assert 4 <= len(course.learning_objectives) <= 6
        assert course.prerequisites.strip()
        assert len(course.summary) <= 300 and course.summary.strip()
        assert reading.count_words(course.description) >= 80
        assert course.instructors.exists()
        assert all(instructor.bio for instructor in course.instructors.all())


def test_every_module_is_substantial_and_uses_domain_blocks(demo):
    for module in ModulePage.objects.all():
        assert module.word_count >= 600, f"{module.slug} has only {module.word_count} words"
        block_types = {block.block_type for block in module.body}
        assert block_types & DOMAIN_BLOCKS, f"{module.slug} uses no domain block"
        assert "section" in block_types and "callout" in block_types
        anchors = [anchor for anchor, _ in module.section_anchors()]
        assert len(anchors) == len(set(anchors)), f"{module.slug} repeats an anchor"
        # Valid as the editor would see it: a publish from the admin must not fail on demo content.
        ModulePage._meta.get_field("body").stream_block.clean(module.body)


def test_on_demand_course_content_supports_its_ce_hours(demo):
    course = demo["contraindications-and-client-safety"]
    modules = ModulePage.objects.child_of(course)
    words = sum(module.word_count for module in modules)
    video = sum(module.video_minutes for module in modules)
    assert words >= reading.WORDS_PER_CE_HOUR * course.ce_hours
    assert not reading.declared_hours_exceed_content(course.ce_hours, words, video)


def test_ce_panel_shows_no_warning_for_the_on_demand_course(demo, client):
    course = demo["contraindications-and-client-safety"]
    client.force_login(get_user_model().objects.get(username="admin"))
    response = client.get(f"/admin/pages/{course.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "which supports" in html
    assert "exceed what the content supports" not in html


def _techniques(course: CoursePage) -> dict[str, str]:
    found = {}
    for module in ModulePage.objects.child_of(course):
        for block in module.body:
            if block.block_type == "technique":
                found[block.value["stroke"].lower()] = block.value["family"]
    return found


def test_swedish_course_teaches_every_stroke_and_its_variations(demo):
    techniques = _techniques(demo["swedish-technique-foundations"])
    expected = {
        "superficial effleurage": "effleurage",
        "deep effleurage": "effleurage",
        "kneading": "petrissage",
        "fulling": "petrissage",
        "skin rolling": "petrissage",
        "hacking": "tapotement",
        "cupping": "tapotement",
        "tapping": "tapotement",
        "pincement": "tapotement",
        "circular friction": "friction",
        "transverse friction": "friction",
        "fine vibration": "vibration",
        "coarse vibration": "vibration",
        "shaking": "vibration",
    }
    assert {stroke: techniques.get(stroke) for stroke in expected} == expected


def test_contraindications_are_classified_correctly(demo):
    found = {}
    for module in ModulePage.objects.child_of(demo["contraindications-and-client-safety"]):
        for block in module.body:
            if block.block_type == "contraindication":
                value = block.value
                found[value["condition"]] = (value["severity"], value["scope"], set(value["actions"]))

    def lookup(words: str):
        matches = [facts for condition, facts in found.items() if words.lower() in condition.lower()]
        assert len(matches) == 1, f"expected one contraindication about {words!r}, found {len(matches)}"
        return matches[0]

    absolute_general = [
        "Fever or contagious illness",
        "Deep vein thrombosis",
        "Severe or uncontrolled cardio",
        # Recent surgery is general while it is recent and the surgical team has not cleared massage.
        "Recent surgery",
        "Intoxication",
    ]
    for words in absolute_general:
        assert lookup(words)[:2] == ("absolute", "general"), words
    for words in ["Open wounds", "fracture", "Known aneurysm"]:
        assert lookup(words)[:2] == ("absolute", "local"), words
    relative_general = ["Pregnancy", "Cancer treatment", "Low blood pressure", "Diabetes", "Seizure", "kidney", "Osteo"]
    for words in relative_general:
        assert lookup(words)[:2] == ("relative", "general"), words
    for words in ["Varicose veins", "rheumatoid arthritis"]:
        assert lookup(words)[:2] == ("relative", "local"), words
    assert lookup("Contagious or spreading skin")[0] == "absolute"
    assert {"postpone", "refer"} <= lookup("Deep vein thrombosis")[2]
    assert "clearance" in lookup("Cancer treatment")[2]
    assert "avoid_area" in lookup("Varicose veins")[2]


def test_dialogues_cover_every_situation(demo):
    situations = {
        block.value["situation"]
        for module in ModulePage.objects.all()
        for block in module.body
        if block.block_type == "client_dialogue"
    }
    assert situations == {"intake", "consent", "pressure_check_in", "aftercare", "referral"}


def test_instructor_team_can_edit_only_their_course_and_cannot_publish(demo):
    User = get_user_model()
    maya, daniel = User.objects.get(username="maya"), User.objects.get(username="daniel")
    swedish = demo["swedish-technique-foundations"]
    contraindications = demo["contraindications-and-client-safety"]
    communication = demo["client-communication-and-consent"]

    assert swedish.team_group is not None and list(swedish.team_group.user_set.all()) == [maya]
    assert maya.groups.filter(name="Instructors").exists()
    assert swedish.permissions_for_user(maya).can_edit()
    assert ModulePage.objects.child_of(swedish).first().permissions_for_user(maya).can_edit()
    assert not swedish.permissions_for_user(maya).can_publish()
    assert not contraindications.permissions_for_user(maya).can_edit()
    assert not communication.permissions_for_user(maya).can_edit()

    assert contraindications.permissions_for_user(daniel).can_edit()
    assert not contraindications.permissions_for_user(daniel).can_publish()
    assert not swedish.permissions_for_user(daniel).can_edit()
    # Priya has no account: her course still gets a team group, with nobody in it.
    assert communication.team_group is not None and not communication.team_group.user_set.exists()


def test_hero_images_are_deterministic_and_reused():
    courses = read_catalogue().courses
    spec = courses[0].artwork
    draw.cache_clear()
    first = draw(spec)
    draw.cache_clear()
    assert draw(spec) == first
    assert first.startswith(b"\x89PNG")
    assert len({draw(course.artwork) for course in courses}) == len(courses)


def test_missing_image_file_is_redrawn_in_place(demo):
    image = demo["swedish-technique-foundations"].hero_image
    image.file.storage.delete(image.file.name)

    load_demo()

    reloaded = get_image_model().objects.get(title=image.title)
    assert reloaded.pk == image.pk
    assert reloaded.file.storage.exists(reloaded.file.name)
    assert get_image_model().objects.count() == len(read_catalogue().courses)


def test_publishing_a_course_syncs_its_team_through_the_signal(demo):
    maya = get_user_model().objects.get(username="maya")
    swedish = demo["swedish-technique-foundations"]
    swedish.team_group.user_set.clear()
    assert not swedish.permissions_for_user(maya).can_edit()

    swedish.save_revision().publish()

    maya = get_user_model().objects.get(pk=maya.pk)  # Wagtail caches permissions on the user object
    assert swedish.permissions_for_user(maya).can_edit()
