"""Case scenario: a client vignette, then decision steps whose options carry weights.

An option can be a critical safety error: choosing it scores the whole scenario 0 (and fails the
quiz when the quiz is set to). Items hold ``vignette`` = {client, age, details: [{label, text}]} and
``steps`` = [{id, prompt, kind, options: [{id, text, feedback, weight, critical}]}].
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel

from quizzes import posted, responses, scoring
from quizzes.admin.panels import NestedInlinePanel

from .base import Problem, QuestionType, live_forms, text_only

# The vignette's optional text fields on the model, in the order the learner reads them.
VIGNETTE_FIELDS = (
    ("presenting_complaint", "Presenting complaint"),
    ("health_history", "Health history"),
    ("medications", "Medications"),
    ("observations", "Observations"),
)


def client_title(client: str, age: int | None) -> str:
    """How the case names its client, the age said once: "Marta, aged 58", or "Rosa, a 34-year-old nurse"
    as written when the description already gives the age (the editor asks for both)."""
    client = " ".join((client or "").split())
    if not age or re.search(rf"(?<!\d){age}(?!\d)", client):
        return client
    return f"{client}, aged {age}" if client else f"Aged {age}"


# The rule authors follow when they mark options critical; shown above a case scenario's steps.
CRITICAL_OPTION_POLICY = """<p>Mark an option as a <b>critical safety error</b> when choosing it would, in real
practice, put the client at risk. An option is critical when it:</p>
<ul style="list-style: disc; padding-inline-start: 1.5rem; margin-block: 0.5rem">
<li>delays emergency care (anything but calling emergency services now for signs such as sudden
breathlessness, chest pain or stroke signs, or waiting days for a doctor when a clot is suspected);</li>
<li>applies pressure or heat over a suspected clot, or over a limb at risk (lymphoedema, a fresh surgical
site, a limb after recent major surgery);</li>
<li>treats through an absolute contraindication (fever, suspected clot, intoxication, an uncleared recent
operation);</li>
<li>works outside the therapist's scope of practice or training (diagnosing, advising on medication, prenatal
work without prenatal training).</li>
</ul>
<p>Every step that decides whether the client is safe (a <i>safety decision</i>) needs at least one critical
option. If you are unsure whether an answer is dangerous, treat it as critical: a critical error fails a quiz
that is set to fail them, whatever the score.</p>"""


# How a case scenario's points and its options' weights fit together; shown above the steps, beside
# "Points" in the question bank panel, and in docs/quizzes.md.
POINTS_AND_WEIGHTS = """<p><b>Points</b> (under “In the question bank”) are what the whole scenario is worth in a
quiz. <b>Weights</b> only share those points out between the steps and options: a learner earns the points
times the weights they chose, divided by the best weights they could have chosen.</p>
<p>For example, a scenario worth 4 points whose steps' best options weigh 3 and 2 (5 in all): a learner whose
choices weigh 3 and 1 earns 4 × 4 ÷ 5 = 3.2 points. A negative weight takes off for a poor choice, but a step
never scores below 0; a critical safety error scores the whole scenario 0.</p>"""

WEIGHT_HELP = (
    "This option's share of the step, not points in the quiz: the scenario's points are shared out in "
    "proportion to the weights chosen. Negative for a poor choice; the step never scores below 0."
)


class CaseScenario(QuestionType):
    key = scoring.CASE_SCENARIO
    label = "Case scenario"
    icon = "user"
    description = "A client vignette and decision steps, with weighted options and critical safety errors."
    model = "quizzes.CaseScenarioQuestion"
    grader = scoring.Grader(clean=responses.clean_steps, grade=scoring.grade_case)

    def answer_panels(self):
        return [
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [
                            FieldPanel("client"),
                            FieldPanel(
                                "client_age",
                                help_text="Shown after the client as “aged 58”, unless the client's description "
                                "already gives the age.",
                            ),
                        ]
                    ),
                    *(FieldPanel(name) for name, _ in VIGNETTE_FIELDS),
                ],
                heading="Client vignette",
            ),
            HelpPanel(content=CRITICAL_OPTION_POLICY, heading="When is an option critical?"),
            HelpPanel(content=POINTS_AND_WEIGHTS, heading="Points and weights"),
            InlinePanel(
                "steps",
                heading="Decision steps, in order",
                label="Step",
                min_num=1,
                panels=[
                    FieldPanel("prompt"),
                    FieldRowPanel([FieldPanel("kind"), FieldPanel("safety_decision")]),
                    NestedInlinePanel(  # its changes show in the comparison view reviewers approve from
                        "options",
                        heading="Options",
                        label="Option",
                        min_num=2,
                        panels=[
                            FieldPanel("text"),
                            FieldRowPanel([FieldPanel("weight", help_text=WEIGHT_HELP), FieldPanel("is_critical")]),
                            FieldPanel("feedback"),
                        ],
                    ),
                ],
            ),
        ]

    def admin_problems(self, form):
        """Each problem sits beside the step or option it concerns; only "no steps" is about the whole case."""
        problems = []
        steps = live_forms(form.formsets["steps"])
        if not steps:
            problems.append("Add at least one decision step.")
        for step in steps:
            options = live_forms(step.formsets["options"])
            if len(options) < 2:
                problems.append(Problem("Give this step at least two options.", step))
                continue
            weights = [option.cleaned_data.get("weight") or Decimal("0") for option in options]
            scoring_options = [
                weight
                for weight, option in zip(weights, options, strict=True)
                if weight > 0 and not option.cleaned_data.get("is_critical")
            ]
            if not scoring_options:
                problems.append(Problem("Give at least one safe option of this step a positive weight.", step))
            for option, weight in zip(options, weights, strict=True):
                if option.cleaned_data.get("is_critical") and weight > 0:
                    problems.append(
                        Problem("A critical option can't earn points; set its weight to 0.", option, "weight")
                    )
            seen = set()
            for option in options:
                text = " ".join((option.cleaned_data.get("text") or "").lower().split())
                if text in seen:
                    problems.append(Problem("Another option of this step has the same text.", option, "text"))
                seen.add(text)
        return problems

    def snapshot(self, question, tokens, *, shuffle_options, rng):
        steps = []
        for step in question.steps.all():
            options = [
                {
                    "id": tokens.new(),
                    "text": option.text,
                    "feedback": option.feedback,
                    "weight": str(option.weight if option.weight is not None else 0),
                    "critical": bool(option.is_critical),
                }
                for option in step.options.all()
            ]
            if shuffle_options:
                rng.shuffle(options)
            steps.append({"id": tokens.new(), "prompt": step.prompt, "kind": step.kind, "options": options})
        return {"vignette": question.vignette(), "steps": steps}

    def public(self, item):
        return {
            "vignette": item["vignette"],
            "steps": [
                {
                    "id": step["id"],
                    "prompt": step["prompt"],
                    "kind": step["kind"],
                    "options": text_only(step["options"]),
                }
                for step in item["steps"]
            ],
        }

    def prepare(self, question, item, response):
        chosen = response.get("steps") or {}
        question["steps"] = [{"step": step, "chosen": set(chosen.get(step["id"]) or [])} for step in item["steps"]]

    def read(self, data, item, name):
        steps = {}
        for step in item["steps"]:
            key = f"{name}-{step['id']}"
            chosen = (
                [posted.one(data, key)] if step["kind"] == scoring.SINGLE_STEP else posted.values(data, key)
            ) or []
            chosen = [value for value in chosen if value]
            if chosen:
                steps[step["id"]] = chosen
        return {"steps": steps} if steps else {}

    def describe(self, entry, *, preview):
        show_key = entry.show_key
        chosen_by_step = entry.response.get("steps") or {}
        for step in entry.item["steps"]:
            chosen = set(chosen_by_step.get(step["id"]) or [])
            part = entry.parts.get(step["id"], {})
            best = scoring.step_maximum(step)
            options = []
            for option in step["options"]:
                picked = option["id"] in chosen
                if not show_key and not picked:
                    continue
                weight = Fraction(str(option["weight"]))
                options.append(
                    {
                        "text": option["text"],
                        "chosen": picked,
                        "critical": option["critical"] if (show_key or picked) else False,
                        "best": show_key and weight > 0 and weight == best and not option["critical"],
                        "weight": option["weight"] if show_key else None,
                        "feedback": option["feedback"]
                        if show_key and (picked or preview or weight > 0 or option["critical"])
                        else "",
                    }
                )
            entry.steps.append(
                {
                    "prompt": step["prompt"],
                    "kind": step["kind"],
                    "options": options,
                    "answered": bool(chosen),
                    "correct": bool(part.get("correct")),
                    "critical": bool(part.get("critical")),
                    "earned": part.get("earned"),
                    "possible": part.get("possible"),
                }
            )
