"""The quiz statistics report's two charts: how the scores spread, and each question's facility against its
discrimination (the questions outside the guides are the ones to read again)."""

from __future__ import annotations

from pageparts.charts import Chart, Guide, ScatterPoint, histogram, scatter
from quizzes.statistics import QuizStatistics

from .statistics_figures import anchor, number

EASY, HARD, LOW_DISCRIMINATION = 95, 20, 20  # the flags' thresholds (Moodle's), drawn as guides


def score_histogram(stats: QuizStatistics) -> Chart:
    bins = [(f"{low}–{low + 9} %" if low < 90 else "90–100 %", count) for low, count in stats.score_distribution]
    busiest = max(bins, key=lambda item: item[1], default=None)
    finding = f" Most scored {busiest[0]}." if busiest and busiest[1] else ""
    return histogram(
        title="Scores",
        description=f"How many of the {stats.attempts} attempts scored in each band of 10 %.{finding}",
        bins=bins,
        x_label="Score",
        y_label="Attempts",
    )


def facility_discrimination(stats: QuizStatistics) -> Chart:
    plotted = [q for q in stats.questions if q.facility is not None and q.discrimination is not None]
    points = [
        ScatterPoint(
            label=f"{q.title[:60]} (facility {number(q.facility)}, discrimination {number(q.discrimination)})",
            x=float(q.facility),
            y=max(-100.0, min(100.0, float(q.discrimination))),
            href=f"#row-{anchor(q)}",
            flagged=bool(q.flags),
        )
        for q in plotted
    ]
    flagged = sum(1 for point in points if point.flagged)
    return scatter(
        title="Facility and discrimination",
        description=(
            f"Each of the {len(points)} questions with enough answers: how easy it was (across) and how well it "
            f"separated stronger from weaker learners (up). Dashed lines: very hard below 20, very easy above 95, "
            f"low discrimination below 20. {flagged} flagged for review, marked as diamonds."
        ),
        points=points,
        x_label="Facility (%)",
        y_label="Discrimination",
        x_range=(0, 100),
        y_range=(-100, 100),
        label_heading="Question",
        guides=[
            Guide("x", HARD, "Very hard below 20"),
            Guide("x", EASY, "Very easy above 95"),
            Guide("y", LOW_DISCRIMINATION, "Low discrimination below 20"),
        ],
    )


def report_charts(stats: QuizStatistics) -> list[Chart]:
    return [score_histogram(stats), facility_discrimination(stats)]
