"""Charts drawn on the server as accessible inline SVG, each with the same numbers as a table.

Instructors and course editors read these on report pages (score bands, completion funnels, question
difficulty against discrimination, enrolments per week). A chart is a picture of a table, so every function
returns both: the drawing and the rows, already formatted, for `pageparts/chart.html` to show as a
<figure> with the table in a <details> below it. Screen-reader users get the <title> and <desc> (the
description states the main finding) and the table; nobody has to read a colour to read a chart.

The drawing is leather's (pinned in requirements.txt: plain SVG with presentation attributes, no scripts,
no <style>, no links, no dependencies; text goes through ElementTree, so labels are always escaped).
This module sets leather's theme once, for colours that meet WCAG 2.1 AA on white, and adds what
leather does not: the <svg role="img"> wrapper with a viewBox, <title>/<desc> with unique ids, point
shapes for flagged questions, dashed guide lines, and explicit whole-number ticks.
"""

import math
import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

import leather
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from leather import theme

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
WIDTH, HEIGHT = 640, 400  # the viewBox; the drawing scales to its container's width
PLOT_WIDTH = 540  # about what is left across for the marks once the axis labels have their room

# Colours measured against white (#fff): marks need 3:1 (WCAG 1.4.11), text 4.5:1 (1.4.3).
TEXT = "#1f2933"  # 14.8:1
MUTED_TEXT = "#52606d"  # 6.5:1: tick labels
AXIS = "#616e7c"  # 5.2:1: the zero line
GRID = "#e4e7eb"  # decorative gridlines (no meaning of their own)
MARK = "#1d5fa8"  # 6.5:1: columns, bars, dots, lines
FLAGGED = "#b42318"  # 6.6:1: flagged points, also drawn as a diamond, not a circle
GUIDE = "#52606d"  # 6.5:1: dashed reference lines and their labels
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
EMPTY_SENTENCE = "No data for this period yet."
_SVG_LABEL_LENGTH = 28  # longer labels are shortened in the drawing; the table has them whole
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _set_theme() -> None:
    # leather keeps its theme in module globals; this project is its only user, so setting them once is enough.
    theme.background_color = "#ffffff"
    theme.margin = 0.03
    theme.title_color = theme.legend_color = theme.axis_title_color = TEXT
    theme.label_color = MUTED_TEXT
    theme.tick_color = GRID
    theme.zero_color = AXIS
    for part in ("title", "legend", "axis_title", "tick"):
        setattr(theme, f"{part}_font_family", FONT)
    theme.tick_font_size = theme.legend_font_size = theme.axis_title_font_size = 14
    theme.tick_font_char_width = theme.legend_font_char_width = theme.axis_title_font_char_width = 7.5
    theme.default_series_colors = [MARK]
    theme.default_dot_radius = 5
    theme.default_line_width = 3


_set_theme()


@dataclass(frozen=True)
class Chart:
    title: str  # the figure's caption
    description: str  # what it shows and the main finding (the svg's <desc>)
    svg: SafeString  # inline <svg role="img" aria-labelledby=…> with <title>/<desc>; "" when there is no data
    columns: list[str]  # the data table's header
    rows: list[list[str]]  # the data table's rows, already formatted (the first cell names the row)

    @property
    def is_empty(self) -> bool:
        return not self.rows


@dataclass(frozen=True)
class ScatterPoint:
    label: str
    x: float
    y: float
    href: str = ""  # where the table's label links to (e.g. the question's statistics)
    flagged: bool = False


@dataclass(frozen=True)
class Guide:
    axis: Literal["x", "y"]
    value: float
    label: str


def histogram(*, title: str, description: str, bins: Sequence[tuple[str, int]], x_label: str, y_label: str) -> Chart:
    """Vertical columns, one per bin (e.g. score bands "0–9 %" … "90–100 %" with how many attempts)."""
    bins = [(_clean(label), int(count)) for label, count in bins]
    if not bins or not any(count for _, count in bins):
        return _empty(title, description, [x_label, y_label])
    labels = _unique([label for label, _ in bins])
    ticks = _ticks(0, max(count for _, count in bins))
    chart = leather.Chart()
    chart.set_y_scale(_Exact(ticks[0], ticks[-1]))
    chart.add_x_axis(name=_clean(x_label), tick_formatter=_every_nth(labels, width=PLOT_WIDTH))
    chart.add_y_axis(name=_clean(y_label), ticks=ticks, tick_formatter=_tick_number)
    chart.add_columns([(label, count) for label, (_, count) in zip(labels, bins, strict=True)])
    rows = [[label, _number(count)] for label, count in bins]
    return _chart(chart, title, description, [x_label, y_label], rows)


def bar_chart(
    *,
    title: str,
    description: str,
    bars: Sequence[tuple[str, float]],
    value_label: str,
    value_suffix: str = "",
    max_value: float | None = None,
    label_heading: str = "Name",
) -> Chart:
    """Horizontal bars, first at the top (e.g. the completion funnel by module, or pass rate by attempt in %)."""
    bars = [(_clean(label), float(value)) for label, value in bars]
    if not bars:
        return _empty(title, description, [label_heading, value_label])
    labels = _unique([label for label, _ in bars])
    ticks = _ticks(0, max_value if max_value is not None else max(value for _, value in bars))
    top = ticks[-1]
    chart = leather.Chart()
    chart.set_x_scale(_Exact(0, top))
    # leather draws the first category at the bottom; reversed, the list reads top to bottom like the table.
    chart.set_y_scale(leather.Ordinal(list(reversed(labels))))
    chart.add_x_axis(name=_clean(value_label), ticks=ticks, tick_formatter=_tick_number)
    chart.add_y_axis(tick_formatter=_shorten)
    chart.add_bars([(max(0.0, min(value, top)), label) for label, (_, value) in zip(labels, bars, strict=True)])
    rows = [[label, _number(value, value_suffix)] for label, value in bars]
    return _chart(chart, title, description, [label_heading, value_label], rows)


def scatter(
    *,
    title: str,
    description: str,
    points: Sequence[ScatterPoint],
    x_label: str,
    y_label: str,
    x_range: tuple[float, float] = (0, 100),
    y_range: tuple[float, float] = (-100, 100),
    guides: Sequence[Guide] = (),
    label_heading: str = "Name",
) -> Chart:
    """Dots on two measures (e.g. facility against discrimination); flagged points are red diamonds, the
    rest blue circles, and the legend and the table say which is which."""
    columns = [label_heading, x_label, y_label, "Flagged"]
    if not points:
        return _empty(title, description, columns)
    x_ticks, y_ticks = _ticks(*x_range), _ticks(*y_range)
    x_range, y_range = (x_ticks[0], x_ticks[-1]), (y_ticks[0], y_ticks[-1])
    chart = leather.Chart()
    chart.set_x_scale(_Exact(*x_range))
    chart.set_y_scale(_Exact(*y_range))
    chart.add_x_axis(name=_clean(x_label), ticks=x_ticks, tick_formatter=_tick_number)
    chart.add_y_axis(name=_clean(y_label), ticks=y_ticks, tick_formatter=_tick_number)
    for guide in guides:
        low, high = x_range if guide.axis == "x" else y_range
        if low <= guide.value <= high:
            chart.add_series(leather.Series([(guide.value, guide.value)], name=""), _GuideLine(guide))
    plain = [point for point in points if not point.flagged]
    flagged = [point for point in points if point.flagged]
    clamp = _clamp(x_range, y_range)
    if plain:
        chart.add_series(leather.Series([clamp(point) for point in plain], name="Not flagged"), _Marks("circle"))
    if flagged:
        chart.add_series(leather.Series([clamp(point) for point in flagged], name="Flagged"), _Marks("diamond"))
    rows = [
        [
            format_html('<a href="{}">{}</a>', point.href, _clean(point.label)) if point.href else _clean(point.label),
            _number(point.x),
            _number(point.y),
            "Yes" if point.flagged else "No",
        ]
        for point in points
    ]
    return _chart(chart, title, description, columns, rows)


def line_chart(
    *, title: str, description: str, points: Sequence[tuple[str, float]], x_label: str, y_label: str
) -> Chart:
    """A line through values in order (e.g. enrolments per week: ("2026-W40", 12)), with a dot on each."""
    points = [(_clean(label), float(value)) for label, value in points]
    if not points:
        return _empty(title, description, [x_label, y_label])
    labels = [label for label, _ in points]
    ticks = _ticks(min(0, min(value for _, value in points)), max(value for _, value in points))
    # leather's lines need numbers on both axes: weeks become 0, 1, 2 … and their labels come back as ticks,
    # as many as fit side by side.
    step = _label_step(labels, width=PLOT_WIDTH)
    chart = leather.Chart()
    chart.set_x_scale(_Exact(0, max(1, len(labels) - 1)))
    chart.set_y_scale(_Exact(ticks[0], ticks[-1]))
    chart.add_x_axis(
        name=_clean(x_label),
        ticks=list(range(0, len(labels), step)),
        tick_formatter=lambda value, index, count: _shorten(labels[int(value)]),
    )
    chart.add_y_axis(name=_clean(y_label), ticks=ticks, tick_formatter=_tick_number)
    data = [(index, value, f"{label}: {_number(value)}") for index, (label, value) in enumerate(points)]
    chart.add_series(leather.Series(data), _LineWithDots())
    rows = [[label, _number(value)] for label, value in points]
    return _chart(chart, title, description, [x_label, y_label], rows)


# ---- the SVG wrapper ---------------------------------------------------------------------------------


def _chart(chart: leather.Chart, title: str, description: str, columns: list[str], rows: list[list[str]]) -> Chart:
    return Chart(title=title, description=description, svg=_svg(chart, title, description), columns=columns, rows=rows)


def _empty(title: str, description: str, columns: list[str]) -> Chart:
    return Chart(title=title, description=description, svg=mark_safe(""), columns=columns, rows=[])


def _svg(chart: leather.Chart, title: str, description: str) -> SafeString:
    """leather's drawing inside an <svg role="img"> named by its own <title> and <desc>."""
    ident = f"chart-{uuid.uuid4().hex[:12]}"  # unique on any page, even with the same chart twice
    root = ET.Element(
        "svg",
        {
            "xmlns": SVG_NAMESPACE,
            "viewBox": f"0 0 {WIDTH} {HEIGHT}",
            "width": "100%",
            "role": "img",
            "aria-labelledby": f"{ident}-title {ident}-desc",
            "class": "chart",
        },
    )
    ET.SubElement(root, "title", id=f"{ident}-title").text = _clean(title)
    ET.SubElement(root, "desc", id=f"{ident}-desc").text = _clean(description)
    root.append(chart.to_svg_group(WIDTH, HEIGHT))
    for element in root.iter():  # leather writes dy="" and transform="", which SVG renderers may refuse
        for name in [name for name, value in element.attrib.items() if value == ""]:
            del element.attrib[name]
    # ElementTree escapes every text and attribute value, so the result is safe to put in a page as it is.
    return mark_safe(ET.tostring(root, encoding="unicode"))


class _Marks(leather.Shape):
    """Dots drawn as circles or diamonds, each with its own tooltip; the legend shows the same shape."""

    def __init__(self, shape: Literal["circle", "diamond"]):
        self.shape = shape
        self.colour = FLAGGED if shape == "diamond" else MARK

    def validate_series(self, series) -> bool:
        return True

    def _mark(self, x: float, y: float, size: float = 6) -> ET.Element:
        if self.shape == "circle":
            return ET.Element("circle", cx=_n(x), cy=_n(y), r=_n(size - 1), fill=self.colour)
        reach = size + 1  # a diamond looks smaller than a circle of the same width
        d = f"M{_n(x)} {_n(y - reach)}L{_n(x + reach)} {_n(y)}L{_n(x)} {_n(y + reach)}L{_n(x - reach)} {_n(y)}Z"
        return ET.Element("path", d=d, fill=self.colour, stroke="#ffffff", **{"stroke-width": "1"})

    def to_svg(self, width, height, x_scale, y_scale, series, palette) -> ET.Element:
        group = ET.Element("g", {"class": f"series {self.shape}s"})
        for datum in series.data():
            mark = self._mark(x_scale.project(datum.x, 0, width), y_scale.project(datum.y, height, 0))
            if len(datum.row) > 2:
                ET.SubElement(mark, "title").text = datum.row[2]  # a tooltip for pointer users
            group.append(mark)
        return group

    def legend_to_svg(self, series, palette) -> list[tuple[ET.Element, float]]:
        item = ET.Element("g")
        item.append(self._mark(5, -5, size=5))
        text = ET.SubElement(item, "text", x="16", y="0", fill=TEXT, **{"font-family": FONT, "font-size": "14"})
        text.text = series.name
        return [(item, (len(series.name) + 5) * theme.legend_font_char_width)]


class _Exact(leather.Linear):
    """A linear scale from exactly its minimum to its maximum (leather's own rounds them outwards again,
    so the ticks we chose would no longer sit at the ends)."""

    def project(self, value, range_min, range_max):
        position = (Decimal(value) - self._data_min) / (self._data_max - self._data_min)
        return (Decimal(range_max) - Decimal(range_min)) * position + Decimal(range_min)


class _LineWithDots(leather.Line):
    """One line with a dot on each value, as one series: no legend for a chart with a single line."""

    def to_svg(self, width, height, x_scale, y_scale, series, palette) -> ET.Element:
        group = super().to_svg(width, height, x_scale, y_scale, series, palette)
        dots = _Marks("circle").to_svg(width, height, x_scale, y_scale, series, palette)
        group.extend(list(dots))
        return group


class _GuideLine(leather.Shape):
    """A dashed reference line across the plot (e.g. facility 20 % and 95 %), labelled at its end."""

    def __init__(self, guide: Guide):
        self.guide = guide

    def validate_series(self, series) -> bool:
        return True

    def to_svg(self, width, height, x_scale, y_scale, series, palette) -> ET.Element:
        group = ET.Element("g", {"class": "guide"})
        line = {"stroke": GUIDE, "stroke-width": "1.5", "stroke-dasharray": "6 4"}
        label = ET.Element("text", fill=GUIDE, **{"font-family": FONT, "font-size": "13"})
        if self.guide.axis == "x":
            x = x_scale.project(self.guide.value, 0, width)
            group.append(ET.Element("line", x1=_n(x), y1="0", x2=_n(x), y2=_n(height), **line))
            label.attrib.update(x=_n(x + 4), y="14")
        else:
            y = y_scale.project(self.guide.value, height, 0)
            group.append(ET.Element("line", x1="0", y1=_n(y), x2=_n(width), y2=_n(y), **line))
            label.attrib.update(x=_n(width - 4), y=_n(y - 4), **{"text-anchor": "end"})
        label.text = _clean(self.guide.label)
        group.append(label)
        return group

    def legend_to_svg(self, series, palette) -> list:
        return []  # the line carries its own label


# ---- numbers and labels -----------------------------------------------------------------------------


def _clean(text) -> str:
    """Text as XML can hold it (control characters dropped); escaping happens when the SVG is written."""
    return _NOT_XML.sub("", str(text))


def _unique(labels: list[str]) -> list[str]:
    """Category labels made distinct ("Effleurage", "Effleurage (2)"), so two equal titles stay two bars."""
    seen: dict[str, int] = {}
    unique = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        unique.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return unique


def _label_step(labels: list[str], *, width: float) -> int:
    """Show every n-th label along the bottom so the labels fit side by side (the table has them all)."""
    longest = max(len(_shorten(label)) for label in labels)
    room = (longest + 2) * theme.tick_font_char_width
    return max(1, math.ceil(len(labels) * room / width))


def _every_nth(labels: list[str], *, width: float) -> Callable:
    step = _label_step(labels, width=width)
    return lambda value, index, count: _shorten(value) if index % step == 0 else ""


def _shorten(value, index=0, count=0) -> str:
    text = str(value)
    return text if len(text) <= _SVG_LABEL_LENGTH else text[: _SVG_LABEL_LENGTH - 1].rstrip() + "…"


def _number(value: float, suffix: str = "") -> str:
    """12 → "12", 12.345 → "12.3", with the unit if any ("%")."""
    rounded = round(float(value), 1)
    text = f"{rounded:,.0f}" if rounded == int(rounded) else f"{rounded:,.1f}"
    return f"{text}{suffix}"


def _tick_number(value, index=0, count=0) -> str:
    return _number(value)


def _ticks(low: float, high: float) -> list[float]:
    """Round tick values from `low` or below to `high` or above, about five steps of 1, 2 or 5 × 10^n."""
    low, high = float(low), float(high)
    if high <= low:
        high = low + 1
    raw = (high - low) / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    if high - low >= 5:
        step = max(step, 1)  # whole numbers for counts
    start = math.floor(low / step) * step
    ticks = [start]
    while ticks[-1] < high - 1e-9:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def _clamp(x_range: tuple[float, float], y_range: tuple[float, float]) -> Callable[[ScatterPoint], tuple]:
    """A point's position kept inside the plot (the table keeps its true values), with its label for the tooltip."""

    def place(point: ScatterPoint) -> tuple:
        x = min(max(point.x, x_range[0]), x_range[1])
        y = min(max(point.y, y_range[0]), y_range[1])
        return (x, y, _clean(point.label))

    return place


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")
