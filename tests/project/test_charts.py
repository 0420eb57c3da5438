"""pageparts.charts: every chart is well-formed, named SVG with no network resource, and its table is its data."""

import re

import pytest
from defusedxml import ElementTree
from django.template.loader import render_to_string

from pageparts.charts import Guide, ScatterPoint, bar_chart, histogram, line_chart, scatter

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '<script>alert("x")</script> & "Swedish"'

BINS = [("0–49 %", 2), ("50–69 %", 5), ("70–89 %", 11), ("90–100 %", 4)]
BARS = [("Enrolled", 40), ("Effleurage", 33.5), ("Petrissage", 20)]
POINTS = [
    ScatterPoint("Which stroke opens a session?", 82, 41, href="/admin/questions/1/"),
    ScatterPoint("Contraindications of deep friction", 97, -12, flagged=True),
    ScatterPoint("Name the muscle", 15, 5, flagged=True),
]
WEEKS = [("2026-W40", 12), ("2026-W41", 9), ("2026-W42", 15)]


def build(kind: str, *, empty: bool = False, label: str = ""):
    """One chart of each kind; `label` replaces the first category's name; `empty` gives it no data."""
    text = {"title": "Chart title", "description": "What it shows."}
    if kind == "histogram":
        bins = [] if empty else [(label or BINS[0][0], BINS[0][1]), *BINS[1:]]
        return histogram(**text, bins=bins, x_label="Score", y_label="Attempts"), bins
    if kind == "bar":
        bars = [] if empty else [(label or BARS[0][0], BARS[0][1]), *BARS[1:]]
        return bar_chart(**text, bars=bars, value_label="Learners"), bars
    if kind == "scatter":
        points = [] if empty else [ScatterPoint(label or POINTS[0].label, 82, 41), *POINTS[1:]]
        guides = [Guide("x", 20, "Facility 20 %"), Guide("x", 95, "Facility 95 %"), Guide("y", 0, "No discrimination")]
        return scatter(**text, points=points, x_label="Facility", y_label="Discrimination", guides=guides), points
    points = [] if empty else [(label or WEEKS[0][0], WEEKS[0][1]), *WEEKS[1:]]
    return line_chart(**text, points=points, x_label="Week", y_label="Enrolments"), points


KINDS = ["histogram", "bar", "scatter", "line"]


@pytest.mark.parametrize("kind", KINDS)
def test_the_svg_is_well_formed_and_named_by_its_title_and_description(kind):
    chart, _ = build(kind)
    root = ElementTree.fromstring(str(chart.svg))
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("viewBox") and root.get("width") == "100%"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title.text == "Chart title" and desc.text == "What it shows."
    assert root.get("aria-labelledby").split() == [title.get("id"), desc.get("id")]


@pytest.mark.parametrize("kind", KINDS)
def test_the_svg_loads_nothing_and_runs_nothing(kind):
    svg = str(build(kind)[0].svg)
    assert re.findall(r"https?://[^\s\"'<>]+", svg) == ["http://www.w3.org/2000/svg"]
    assert "<script" not in svg.lower() and "<style" not in svg.lower() and "href" not in svg
    assert "style=" not in svg  # the public site's CSP refuses inline styles
    assert '=""' not in svg  # empty attributes (leather's dy="") stop some renderers drawing the text


@pytest.mark.parametrize("kind", KINDS)
def test_two_charts_on_one_page_have_different_ids(kind):
    first, second = (ElementTree.fromstring(str(build(kind)[0].svg)) for _ in range(2))
    assert first.find(f"{SVG}title").get("id") != second.find(f"{SVG}title").get("id")


def test_the_tables_rows_are_the_data():
    assert histogram(title="t", description="d", bins=BINS, x_label="Score", y_label="Attempts").rows == [
        [label, str(count)] for label, count in BINS
    ]
    bars = bar_chart(title="t", description="d", bars=BARS, value_label="Learners", label_heading="Module")
    assert bars.columns == ["Module", "Learners"]
    assert bars.rows == [["Enrolled", "40"], ["Effleurage", "33.5"], ["Petrissage", "20"]]
    rates = bar_chart(
        title="t", description="d", bars=[("1st attempt", 62.5)], value_label="Pass rate", value_suffix=" %"
    )
    assert rates.rows == [["1st attempt", "62.5 %"]]
    weeks = line_chart(title="t", description="d", points=WEEKS, x_label="Week", y_label="Enrolments")
    assert weeks.columns == ["Week", "Enrolments"] and weeks.rows == [[week, str(n)] for week, n in WEEKS]
    points = scatter(title="t", description="d", points=POINTS, x_label="Facility", y_label="Discrimination")
    assert points.columns == ["Name", "Facility", "Discrimination", "Flagged"]
    assert points.rows == [
        ['<a href="/admin/questions/1/">Which stroke opens a session?</a>', "82", "41", "No"],
        ["Contraindications of deep friction", "97", "-12", "Yes"],
        ["Name the muscle", "15", "5", "Yes"],
    ]


def test_flagged_points_differ_in_shape_not_only_in_colour():
    root = ElementTree.fromstring(str(scatter(title="t", description="d", points=POINTS, x_label="x", y_label="y").svg))
    circles = root.findall(f".//{SVG}g[@class='series circles']/{SVG}circle")
    diamonds = root.findall(f".//{SVG}g[@class='series diamonds']/{SVG}path")
    assert (len(circles), len(diamonds)) == (1, 2)
    assert {"Flagged", "Not flagged"} <= {text.text for text in root.iter(f"{SVG}text")}  # the legend


def test_guides_are_dashed_lines_with_their_labels():
    chart, _ = build("scatter")
    root = ElementTree.fromstring(str(chart.svg))
    guides = root.findall(f".//{SVG}g[@class='guide']")
    assert len(guides) == 3
    assert all(guide.find(f"{SVG}line").get("stroke-dasharray") for guide in guides)
    assert [guide.find(f"{SVG}text").text for guide in guides] == [
        "Facility 20 %",
        "Facility 95 %",
        "No discrimination",
    ]


@pytest.mark.parametrize("kind", KINDS)
def test_labels_stay_text(kind):
    chart, _ = build(kind, label=HOSTILE)
    svg = str(chart.svg)
    assert "<script>" not in svg
    root = ElementTree.fromstring(svg)  # still well-formed
    texts = [element.text for element in root.iter() if element.text]
    # The label is there as text (drawn, shortened if long, or as a point's tooltip).
    assert any(text.startswith('<script>alert("x")') for text in texts)
    html = render_to_string("pageparts/chart.html", {"chart": chart})
    assert "<script>alert" not in html.replace(str(chart.svg), "")
    assert "&lt;script&gt;alert" in html


def test_control_characters_in_a_label_do_not_break_the_svg():
    chart = bar_chart(title="t\x00", description="d\x0b", bars=[("Effleurage\x07", 3)], value_label="n")
    ElementTree.fromstring(str(chart.svg))


@pytest.mark.parametrize("kind", KINDS)
def test_no_data_is_a_sentence_not_an_empty_drawing(kind):
    chart, _ = build(kind, empty=True)
    assert chart.is_empty and chart.rows == [] and str(chart.svg) == ""
    html = render_to_string("pageparts/chart.html", {"chart": chart})
    assert "No data for this period yet." in html
    assert "<svg" not in html and "<table" not in html


def test_a_histogram_of_only_zeros_is_no_data():
    chart = histogram(title="t", description="d", bins=[("0–49 %", 0), ("50–100 %", 0)], x_label="x", y_label="y")
    assert chart.is_empty


def test_the_include_renders_a_figure_with_the_drawing_the_caption_and_the_table():
    chart, _ = build("histogram")
    html = render_to_string("pageparts/chart.html", {"chart": chart})
    assert html.count("<figure") == 1 and "<figcaption>Chart title</figcaption>" in html
    assert str(chart.svg) in html
    assert "<summary>Show the data as a table</summary>" in html
    assert html.count('<th scope="row">') == len(BINS)
    assert '<th scope="col">Score</th>' in html


def test_a_value_beyond_the_range_is_drawn_at_the_edge_and_tabled_as_it_is():
    chart = scatter(title="t", description="d", points=[ScatterPoint("Q", 150, -300)], x_label="x", y_label="y")
    assert chart.rows[0][1:3] == ["150", "-300"]
    ElementTree.fromstring(str(chart.svg))


def test_many_weeks_get_at_most_about_ten_tick_labels():
    weeks = [(f"2026-W{n:02}", n) for n in range(1, 53)]
    root = ElementTree.fromstring(
        str(line_chart(title="t", description="d", points=weeks, x_label="Week", y_label="n").svg)
    )
    week_labels = [text.text for text in root.iter(f"{SVG}text") if text.text and text.text.startswith("2026-W")]
    assert 5 <= len(week_labels) <= 11


def _contrast_with_white(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


def test_colours_meet_wcag_aa_on_white():
    from pageparts import charts

    assert all(_contrast_with_white(colour) >= 3 for colour in (charts.MARK, charts.FLAGGED, charts.AXIS, charts.GUIDE))
    assert all(_contrast_with_white(colour) >= 4.5 for colour in (charts.TEXT, charts.MUTED_TEXT, charts.GUIDE))
    for kind in KINDS:  # and the drawings use no other colour for text
        root = ElementTree.fromstring(str(build(kind)[0].svg))
        assert {text.get("fill") for text in root.iter(f"{SVG}text")} <= {charts.TEXT, charts.MUTED_TEXT, charts.GUIDE}
