"""What a demo course is made of, and the helpers that turn its written form into StreamField blocks.

The content itself lives in data files (data/, read by content.py) and becomes the `CatalogueSpec`,
`CourseSpec` and `ModuleSpec` values below; the loader turns those into pages. Every block passes
through one helper here (`text`, `technique`, `dialogue`...), which is where whitespace is folded and
the block's stored shape is decided, so the data files never need to know either.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from courses.choices import CourseLevel, DeliveryMethod

Block = tuple[str, object]

SPEAKERS = {"T": "therapist", "C": "client", "therapist": "therapist", "client": "client"}


@dataclass(frozen=True)
class InstructorSpec:
    name: str
    credentials: str
    bio: str
    # The demo account (accounts.demo) this instructor signs in with; None for a profile without one.
    username: str | None = None


@dataclass(frozen=True)
class ModuleSpec:
    slug: str
    title: str
    intro: str
    body: list[Block]


@dataclass(frozen=True)
class ArtworkSpec:
    """A calm abstract hero image, drawn by artwork.py: colours top to bottom and the waves over them."""

    title: str
    filename: str
    sky: tuple[str, str]
    waves: tuple[tuple[str, float, float, float, float], ...]  # colour, height (0–1), amplitude, wavelength, phase
    sun: tuple[str, float, float, float] | None = None  # colour, x (0–1), y (0–1), radius (0–1 of height)


@dataclass(frozen=True)
class CourseSpec:
    slug: str
    title: str
    course_number: str
    delivery_method: DeliveryMethod
    ce_hours: Decimal
    level: CourseLevel
    categories: tuple[tuple[str, Decimal | None], ...]  # (CE category slug, hours or None for all)
    instructors: tuple[InstructorSpec, ...]
    summary: str
    description: str
    objectives: tuple[str, ...]
    prerequisites: str
    artwork: ArtworkSpec
    modules: tuple[ModuleSpec, ...] = field(default_factory=tuple)
    minimum_module_minutes: int = 0  # time on each module before it can be marked complete; 0: none


@dataclass(frozen=True)
class CatalogueSpec:
    """The Courses page and the courses under it, in the order the catalogue lists them."""

    slug: str
    title: str
    intro: str
    courses: tuple[CourseSpec, ...]


def _paragraph(part: str) -> str:
    part = " ".join(part.split())
    return part if part.startswith("<") else f"<p>{part}</p>"


def html(*parts: str) -> str:
    """Rich-text source: plain strings become paragraphs, strings starting with a tag are kept as they are."""
    return "".join(_paragraph(part) for part in parts)


def bullets(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{' '.join(item.split())}</li>" for item in items) + "</ul>"


def steps(*items: str) -> str:
    return "<ol>" + "".join(f"<li>{' '.join(item.split())}</li>" for item in items) + "</ol>"


def subheading(heading: str) -> Block:
    """A smaller heading inside a section (rich text h3); not a link target of its own."""
    return ("text", f"<h3>{heading}</h3>")


def section(heading: str, anchor: str = "") -> Block:
    return ("section", {"heading": heading, "anchor": anchor})


def text(*parts: str) -> Block:
    return ("text", html(*parts))


def technique(
    stroke: str,
    *,
    family: str,
    purpose: str,
    uses: list[str],
    direction: str,
    pressure: str,
    tempo: str,
    indications: list[str],
    cautions: list[str],
) -> Block:
    return (
        "technique",
        {
            "stroke": stroke,
            "family": family,
            "purpose": " ".join(purpose.split()),
            "contact_surfaces": uses,
            "direction": direction,
            "pressure": pressure,
            "tempo": tempo,
            "indications": indications,
            "cautions": cautions,
        },
    )


def contraindication(condition: str, *, severity: str, scope: str, actions: list[str], rationale: str) -> Block:
    return (
        "contraindication",
        {
            "condition": condition,
            "severity": severity,
            "scope": scope,
            "actions": actions,
            "rationale": " ".join(rationale.split()),
        },
    )


def dialogue(situation: str, title: str, lines: list[tuple[str, str]], point: str = "") -> Block:
    return (
        "client_dialogue",
        {
            "situation": situation,
            "title": title,
            "lines": [{"speaker": SPEAKERS[speaker], "text": " ".join(line.split())} for speaker, line in lines],
            "teaching_point": " ".join(point.split()),
        },
    )


def callout(kind: str, title: str, *parts: str) -> Block:
    return ("callout", {"kind": kind, "title": title, "body": html(*parts)})
