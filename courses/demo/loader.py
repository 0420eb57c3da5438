"""Turn course specs into pages, updating in place so `load_demo` can run any number of times.

A page is published when it is new, not live, or its live content differs from the spec; an
unchanged page is left alone, so repeated runs add no revisions. Stream content is compared
without block ids (which are random on every build).
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from wagtail.models import Page

from courses.models import CECategory, CourseCECategory, CourseIndexPage, CoursePage, Instructor, ModulePage
from courses.services import sync_course_team

from .artwork import ensure_image
from .spec import CatalogueSpec, CourseSpec, InstructorSpec, ModuleSpec


def _without_ids(data):
    """Stream data as stored, minus the random block ids, so two builds of the same content compare equal."""
    if isinstance(data, list):
        return [_without_ids(item) for item in data]
    if isinstance(data, dict):
        is_block = "type" in data and "value" in data
        return {key: _without_ids(value) for key, value in data.items() if not (is_block and key == "id")}
    return data


def stream_data(model, field_name: str, value) -> list:
    """The JSON-ready form of a stream (a StreamValue or a list of (type, value) pairs), without block ids."""
    stream_field = model._meta.get_field(field_name)
    return _without_ids(stream_field.get_prep_value(stream_field.to_python(value)))


def _validated_stream(model, field_name: str, blocks: list) -> list:
    """Validate the stream as the editor would, so a typo in the demo content fails loudly here."""
    stream_field = model._meta.get_field(field_name)
    value = stream_field.to_python(blocks)
    try:
        stream_field.stream_block.clean(value)
    except ValidationError as error:
        raise ValueError(f"Invalid {model.__name__}.{field_name} content: {error}") from error
    return blocks


def _publish(page: Page) -> None:
    page.save_revision().publish()


def _changed(page: Page, values: dict) -> bool:
    return any(getattr(page, name) != value for name, value in values.items())


def ensure_catalogue(home: Page, spec: CatalogueSpec) -> CourseIndexPage:
    catalogue = CourseIndexPage.objects.child_of(home).first()
    values = {"title": spec.title, "slug": spec.slug, "intro": spec.intro}
    if catalogue is None:
        catalogue = CourseIndexPage(**values)
        home.add_child(instance=catalogue)
        _publish(catalogue)
    elif _changed(catalogue, values) or not catalogue.live:
        for name, value in values.items():
            setattr(catalogue, name, value)
        _publish(catalogue)
    return catalogue


def ensure_instructor(spec: InstructorSpec) -> Instructor:
    """One profile per person: found by their account when they have one, by name when they don't."""
    values = {"name": spec.name, "credentials": spec.credentials, "bio": spec.bio}
    if spec.username:
        user = get_user_model().objects.get(username=spec.username)
        instructor, _ = Instructor.objects.update_or_create(user=user, defaults=values)
        return instructor
    instructor = Instructor.objects.filter(name=spec.name, user__isnull=True).order_by("pk").first()
    if instructor is None:
        return Instructor.objects.create(**values)
    if _changed(instructor, values):
        for name, value in values.items():
            setattr(instructor, name, value)
        instructor.save()
    return instructor


def _course_values(spec: CourseSpec, hero_image) -> dict:
    return {
        "title": spec.title,
        "slug": spec.slug,
        "summary": spec.summary,
        "search_description": spec.summary,
        "description": spec.description,
        "course_number": spec.course_number,
        "ce_hours": spec.ce_hours,
        "delivery_method": spec.delivery_method,
        "level": spec.level,
        "prerequisites": spec.prerequisites,
        "minimum_module_minutes": spec.minimum_module_minutes,
        "hero_image_id": hero_image.pk,
    }


def ensure_course(catalogue: CourseIndexPage, spec: CourseSpec) -> CoursePage:
    hero_image = ensure_image(spec.artwork)
    instructors = [ensure_instructor(instructor) for instructor in spec.instructors]
    categories = {
        category.slug: category for category in CECategory.objects.filter(slug__in=[s for s, _ in spec.categories])
    }
    missing = [slug for slug, _ in spec.categories if slug not in categories]
    if missing:
        raise ValueError(f"CE categories missing for {spec.title}: {', '.join(missing)}")
    wanted_links = [(categories[slug].pk, hours) for slug, hours in spec.categories]
    objectives = _validated_stream(CoursePage, "learning_objectives", [("objective", o) for o in spec.objectives])
    values = _course_values(spec, hero_image)

    course = CoursePage.objects.child_of(catalogue).filter(slug=spec.slug).first()
    if course is None:
        course = CoursePage(**values, learning_objectives=objectives)
        _set_links(course, categories, spec)
        course.instructors.set(instructors)
        catalogue.add_child(instance=course)
        _publish(course)
    else:
        current_links = [(link.category_id, link.hours) for link in course.ce_category_links.all()]
        changed = (
            not course.live
            or _changed(course, values)
            or stream_data(CoursePage, "learning_objectives", course.learning_objectives)
            != stream_data(CoursePage, "learning_objectives", objectives)
            or current_links != wanted_links
            or sorted(course.instructors.values_list("pk", flat=True)) != sorted(i.pk for i in instructors)
        )
        if changed:
            for name, value in values.items():
                setattr(course, name, value)
            course.learning_objectives = objectives
            _set_links(course, categories, spec)
            course.instructors.set(instructors)
            _publish(course)
    course.refresh_from_db()
    # Publishing syncs the team through a signal; an unchanged course is not republished, so sync here too.
    sync_course_team(course)
    modules = [ensure_module(course, module_spec) for module_spec in spec.modules]
    _keep_in_order(course, modules)
    return course


def _set_links(course: CoursePage, categories: dict, spec: CourseSpec) -> None:
    existing = {link.category_id: link for link in course.ce_category_links.all()} if course.pk else {}
    links = []
    for slug, hours in spec.categories:
        category = categories[slug]
        link = existing.get(category.pk) or CourseCECategory(category=category)
        link.hours = hours
        links.append(link)
    course.ce_category_links = links


def ensure_module(course: CoursePage, spec: ModuleSpec) -> ModulePage:
    body = _validated_stream(ModulePage, "body", spec.body)
    values = {"title": spec.title, "slug": spec.slug, "intro": spec.intro, "search_description": spec.intro}
    module = ModulePage.objects.child_of(course).filter(slug=spec.slug).first()
    if module is None:
        module = ModulePage(**values, body=body)
        course.add_child(instance=module)
        _publish(module)
    elif (
        not module.live
        or _changed(module, values)
        or stream_data(ModulePage, "body", module.body) != stream_data(ModulePage, "body", body)
    ):
        for name, value in values.items():
            setattr(module, name, value)
        module.body = body
        _publish(module)
    return module


def _keep_in_order(course: CoursePage, modules: list[ModulePage]) -> None:
    """Learners read modules in tree order: move any module that has drifted back behind its predecessor."""
    previous = None
    for module in modules:
        ordered = list(ModulePage.objects.child_of(course).order_by("path").values_list("pk", flat=True))
        expected = 0 if previous is None else ordered.index(previous.pk) + 1
        if ordered.index(module.pk) != expected:
            page = Page.objects.get(pk=module.pk)
            if previous is None:
                page.move(Page.objects.get(pk=course.pk), pos="first-child")
            else:
                page.move(Page.objects.get(pk=previous.pk), pos="right")
        previous = module
