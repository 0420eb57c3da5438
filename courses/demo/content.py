"""Where the demo catalogue is written down, and how its data files become course specs.

    data/catalogue.yaml                  the Courses page, and which courses it holds in which order
    data/<course-slug>/course.yaml       a course page: metadata, instructors, artwork, module order
    data/<course-slug>/<module-slug>.yaml  one module: title, intro and its body, block by block

Every value goes through the spec helpers (`text`, `technique`, `dialogue`...), exactly as the
content did when it was Python, so whitespace folding and block shapes cannot differ; the loader
then validates each stream as the editor would. The readers refuse unknown keys, missing keys and
values of the wrong type, naming the file and the place in it.
"""

from pathlib import Path
from typing import Any

from courses.choices import CourseLevel, DeliveryMethod

from .datafile import (
    DemoDataError,
    Reader,
    amount,
    call,
    fields,
    fraction,
    list_of,
    one_key,
    one_of,
    optional,
    read_yaml,
    text,
    whole_number,
)
from .spec import (
    ArtworkSpec,
    Block,
    CatalogueSpec,
    CourseSpec,
    InstructorSpec,
    ModuleSpec,
    bullets,
    callout,
    contraindication,
    dialogue,
    html,
    section,
    steps,
    subheading,
    technique,
)
from .spec import text as text_block

DATA_DIR = Path(__file__).with_name("data")
CATALOGUE_FILE = "catalogue.yaml"
COURSE_FILE = "course.yaml"


def rich_text(value: Any, where: str) -> list[str]:
    """The parts of a rich-text value: paragraphs, markup starting with a tag, and `bullets:`/`steps:` lists."""
    lists = {
        "bullets": lambda items, at: bullets(*list_of(text)(items, at)),
        "steps": lambda items, at: steps(*list_of(text)(items, at)),
    }

    def part(item: Any, at: str) -> str:
        return item if isinstance(item, str) else one_key(item, at, lists)

    return list_of(part)(value, where)


def _speaker(name: str) -> Reader:
    return lambda line, where: (name, text(line, where))


def _line(value: Any, where: str) -> tuple[str, str]:
    return one_key(value, where, {"therapist": _speaker("therapist"), "client": _speaker("client")})


def _section(value: Any, where: str) -> Block:
    if isinstance(value, str):
        return section(value)
    return call(section, value, where, {"heading": text, "anchor": text})


def _callout(value: Any, where: str) -> Block:
    read = fields(value, where, required={"kind": text, "title": text, "body": rich_text})
    return callout(read["kind"], read["title"], *read["body"])


STRINGS = list_of(text)
BLOCKS: dict[str, Reader] = {
    "section": _section,
    "subheading": lambda value, where: subheading(text(value, where)),
    "text": lambda value, where: text_block(*rich_text(value, where)),
    "technique": lambda value, where: call(
        technique,
        value,
        where,
        {
            "stroke": text,
            "family": text,
            "purpose": text,
            "uses": STRINGS,
            "direction": text,
            "pressure": text,
            "tempo": text,
            "indications": STRINGS,
            "cautions": STRINGS,
        },
    ),
    "contraindication": lambda value, where: call(
        contraindication,
        value,
        where,
        {"condition": text, "severity": text, "scope": text, "actions": STRINGS, "rationale": text},
    ),
    "dialogue": lambda value, where: call(
        dialogue, value, where, {"situation": text, "title": text, "lines": list_of(_line), "point": text}
    ),
    "callout": _callout,
}


def read_module(path: Path, *, name: str) -> ModuleSpec:
    read = fields(
        read_yaml(path, name=name),
        name,
        required={
            "title": text,
            "intro": text,
            "body": list_of(lambda block, where: one_key(block, where, BLOCKS)),
        },
    )
    return ModuleSpec(slug=path.stem, **read)


def _category(value: Any, where: str) -> tuple[str, Any]:
    read = fields(value, where, required={"category": text}, optional={"hours": optional(amount)})
    return read["category"], read.get("hours")


def _instructor(value: Any, where: str) -> InstructorSpec:
    return call(
        InstructorSpec, value, where, {"name": text, "credentials": text, "bio": text, "username": optional(text)}
    )


def _wave(value: Any, where: str) -> tuple:
    keys = ("colour", "level", "amplitude", "wavelength", "phase")
    read = fields(value, where, required={"colour": text, **dict.fromkeys(keys[1:], fraction)})
    return tuple(read[key] for key in keys)


def _sun(value: Any, where: str) -> tuple:
    keys = ("colour", "x", "y", "radius")
    read = fields(value, where, required={"colour": text, **dict.fromkeys(keys[1:], fraction)})
    return tuple(read[key] for key in keys)


def _artwork(value: Any, where: str) -> ArtworkSpec:
    def sky(colours: Any, at: str) -> tuple[str, str]:
        colours = STRINGS(colours, at)
        if len(colours) != 2:
            raise DemoDataError(f"{at}: expected two colours, top and bottom, found {len(colours)}.")
        return tuple(colours)

    return call(
        ArtworkSpec,
        value,
        where,
        {
            "title": text,
            "filename": text,
            "sky": sky,
            "waves": lambda waves, at: tuple(list_of(_wave)(waves, at)),
            "sun": optional(_sun),
        },
    )


def read_course(folder: Path) -> CourseSpec:
    """One course from its folder: course.yaml, and a file per module in the order course.yaml lists them."""
    name = f"{folder.name}/{COURSE_FILE}"
    read = fields(
        read_yaml(folder / COURSE_FILE, name=name),
        name,
        required={
            "title": text,
            "course_number": text,
            "delivery_method": one_of(DeliveryMethod),
            "level": one_of(CourseLevel),
            "ce_hours": amount,
            "categories": list_of(_category),
            "instructors": list_of(_instructor),
            "summary": text,
            "description": lambda value, where: html(*rich_text(value, where)),
            "objectives": STRINGS,
            "prerequisites": text,
            "artwork": _artwork,
            "modules": STRINGS,
        },
        optional={"minimum_module_minutes": whole_number},
    )
    module_slugs = read.pop("modules")
    on_disk = sorted(path.stem for path in folder.glob("*.yaml") if path.name != COURSE_FILE)
    unlisted = sorted(set(on_disk) - set(module_slugs))
    if unlisted or len(set(module_slugs)) != len(module_slugs):
        raise DemoDataError(f"{name}: modules must list every module file once; not listed: {', '.join(unlisted)}.")
    modules = tuple(read_module(folder / f"{slug}.yaml", name=f"{folder.name}/{slug}.yaml") for slug in module_slugs)
    for key in ("categories", "instructors", "objectives"):
        read[key] = tuple(read[key])
    return CourseSpec(slug=folder.name, **read, modules=modules)


def _catalogue_file(data_dir: Path) -> dict:
    name = CATALOGUE_FILE
    read = fields(
        read_yaml(data_dir / name, name=name),
        name,
        required={
            "title": text,
            "slug": text,
            "intro": lambda value, where: html(*rich_text(value, where)),
            "courses": STRINGS,
        },
    )
    folders = sorted(path.name for path in data_dir.iterdir() if path.is_dir())
    unlisted = sorted(set(folders) - set(read["courses"]))
    if unlisted:
        raise DemoDataError(f"{name}: courses must list every course folder; not listed: {', '.join(unlisted)}.")
    return read


def course_slugs(data_dir: Path = DATA_DIR) -> tuple[str, ...]:
    """The demo courses' slugs in catalogue order, without reading their content (other demos follow it)."""
    return tuple(_catalogue_file(data_dir)["courses"])


def read_catalogue(data_dir: Path = DATA_DIR) -> CatalogueSpec:
    """The whole demo catalogue: the Courses page and every course in it, in catalogue order."""
    read = _catalogue_file(data_dir)
    courses = tuple(read_course(data_dir / slug) for slug in read.pop("courses"))
    return CatalogueSpec(**read, courses=courses)
