"""Questions and a quiz for TS-301 Client Communication and Consent."""

from .spec import CourseQuestions, QuizSpec, item, matching, multiple, option, ordering, pair, single, true_false

CONSENT = "Consent and communication"

INTAKE = "intake-and-health-history"
CONSENT_MODULE = "informed-consent-and-the-right-to-stop"
DRAPING = "draping-and-boundaries"
PRESSURE = "pressure-check-ins"
AFTERCARE = "aftercare-and-session-frequency"
MYTHS = "massage-myths-and-client-education"

QUESTIONS = (
    single(
        "TS301-CONSENT-CHANGE",
        "A client agreed to a back and shoulder massage. Halfway through you think some abdominal work would help. "
        "What do you do?",
        [
            option(
                "Describe what you'd like to do and ask first; carry on only if they agree",
                "Right: consent covers the plan as it was described.",
                True,
            ),
            option(
                "Go ahead: they already agreed to a massage", "Agreeing to back work isn't agreeing to abdominal work."
            ),
            option("Start lightly and stop if they seem uncomfortable", "Asking comes before touching, not after."),
        ],
        explanation="""Consent given at the start covers the plan as described. Any new area, much firmer
        pressure or unfamiliar technique needs the client's agreement first.""",
        review=(CONSENT_MODULE, "consent-is-ongoing"),
        category=CONSENT,
        tags=("consent",),
    ),
    true_false(
        "TS301-STOP-REASON",
        "A client who asks to stop the session should be asked to explain why before you stop.",
        False,
        if_true="No: a client may stop at any point, for any reason, without explaining.",
        if_false="Right: stop at once; they don't owe you a reason.",
        explanation="""The right to stop is real only if it is respected without argument. Stop at once and never
        ask a client to justify it.""",
        review=(CONSENT_MODULE, "consent-is-ongoing"),
        category=CONSENT,
        tags=("consent",),
    ),
    ordering(
        "TS301-ORDER-STOP",
        "A client asks you to stop. Put your response in order.",
        [
            item("Stop at once", "Lift your hands, or keep still contact only if they want it."),
            item("Acknowledge the request without argument", "No disappointment, no persuasion."),
            item("Ask whether they'd like to change something or end the session", "Without pressing."),
            item("Follow their choice", "Adjust, move to another area, or end and give them privacy."),
            item("Record what happened in your notes", "Factually, once the client has gone."),
        ],
        explanation="""Respond the same way every time: stop, acknowledge, ask, follow their choice, and record it.
        A client who is treated with respect when they stop is more likely to speak up next time.""",
        review=(CONSENT_MODULE, "when-a-client-asks-to-stop"),
        category=CONSENT,
        points="2",
        tags=("consent",),
    ),
    multiple(
        "TS301-INFORMED",
        "For a client's consent to be informed, which of these must be true?",
        [
            option("They were told what you plan to do, where, and what they might feel", "Yes: information.", True),
            option("They understood what they were told", "Yes: understanding.", True),
            option("They are agreeing freely, without pressure", "Yes: a free choice.", True),
            option("They are able to make the decision for themselves", "Yes: capacity.", True),
            option("They signed in front of a witness", "No: most consent is a short conversation."),
            option("They paid before the session", "No: payment has nothing to do with consent."),
        ],
        explanation="""Informed consent needs four things: the information, understanding of it, a free choice,
        and the ability to decide. Usually it happens in a short, natural conversation at the end of the intake.""",
        review=(CONSENT_MODULE, "what-informed-consent-means"),
        category=CONSENT,
        tags=("consent",),
    ),
    single(
        "TS301-CHECK-IN",
        "Which pressure check-in makes it easiest for a client to give an honest answer?",
        [
            option('"Would you like more, less or the same?"', "Right: every answer is equally easy to give.", True),
            option('"That\'s not too much, is it?"', "A leading question makes it harder to disagree."),
            option('"Nice and deep, yeah?"', "Also leading: it signals the answer you expect."),
        ],
        explanation="""Good check-ins are specific and neutral. Offering three choices, or a one-to-ten scale,
        makes it easy for a drowsy or polite client to tell you the truth.""",
        review=(PRESSURE, "how-to-ask"),
        category=CONSENT,
        tags=("pressure",),
    ),
    multiple(
        "TS301-CUES",
        "Which of these can signal that the pressure is too much?",
        [
            option("Holding the breath, or quick shallow breathing", "Yes.", True),
            option("Muscles tightening under your hands", "Yes: they should soften, not guard.", True),
            option("Clenched hands or toes", "Yes.", True),
            option("Going suddenly still or quiet", "Yes.", True),
            option("Slow, deep breathing", "No: that usually means the client is settling."),
            option("Muscles softening under your hands", "No: that is the tissue letting go."),
        ],
        explanation="""Many clients won't say when something is too much. Watch the breath, the muscles under your
        hands, hands and toes, the face, and sudden stillness. Ease off first, then ask.""",
        review=(PRESSURE, "reading-non-verbal-cues"),
        category=CONSENT,
        tags=("pressure",),
    ),
    single(
        "TS301-DRAPING",
        "Which of these is a principle of professional draping?",
        [
            option(
                "Only the area being worked on is uncovered, and it is covered again before you move on",
                "Right.",
                True,
            ),
            option("The client holds the drape in place", "The drape is tucked so the client never has to hold it."),
            option("The whole back and legs are uncovered together to save time", "One area at a time."),
        ],
        explanation="""The client undresses in private to their comfort level; only the area being worked on is
        uncovered; the drape is tucked securely and never leaves the client exposed when they turn or get up.""",
        review=(DRAPING, "principles-of-draping"),
        category=CONSENT,
        tags=("draping",),
    ),
    matching(
        "TS301-MATCH-MYTHS",
        "Match each thing a client might say with an accurate, friendly reply.",
        [
            pair(
                "It has to hurt to work.",
                "Pain makes muscles tighten; the best work stays within your comfort.",
                "Pain works against the session.",
            ),
            pair(
                "I need to drink lots of water to flush out the toxins.",
                "Have water if you're thirsty; it's a comfort, not a detox.",
                "There's no good evidence massage releases toxins.",
            ),
            pair(
                "If I'm not sore tomorrow, it didn't work.",
                "Strong or lasting soreness usually means more pressure than you needed.",
                "Soreness isn't a measure of success.",
            ),
            pair(
                "A massage is a massage.",
                "Relaxation, sports and therapeutic sessions have different aims.",
                "Different approaches aren't interchangeable.",
            ),
            pair("", "Massage cures most illnesses if you come often enough.", ""),
        ],
        explanation="""Correct myths briefly and kindly: acknowledge the belief, give a short accurate explanation
        in everyday words, and move on. Massage helps people feel and move better; it isn't a cure.""",
        review=(MYTHS, "why-myths-matter"),
        category=CONSENT,
        points="2",
        tags=("myths",),
    ),
    true_false(
        "TS301-INTAKE-EVERY-VISIT",
        "Once a client has filled in a health history at their first visit, you don't need to ask about their "
        "health again.",
        False,
        if_true="No: ask what has changed at every visit; health, medication and injuries change.",
        if_false="Right: check for changes every time, and make today's decisions on today's information.",
        explanation="""The intake isn't a one-off. Returning clients are asked what has changed since their last
        visit, every time.""",
        review=(INTAKE, "every-visit-not-just-the-first"),
        category=CONSENT,
        tags=("intake",),
    ),
    multiple(
        "TS301-AFTERCARE",
        "Which of these is aftercare advice within a massage therapist's scope?",
        [
            option("Get up slowly, and wait a moment before driving if you feel drowsy", "Yes.", True),
            option("Some tenderness for a day or two after firmer work is common", "Yes.", True),
            option("Gentle movement, such as a walk, helps many people stay loose", "Yes.", True),
            option("Get in touch if pain gets worse, or you notice bruising or swelling", "Yes.", True),
            option("A six-week exercise programme for your injured knee", "No: that belongs to another professional."),
            option("You could stop your blood-pressure tablets now you're relaxed", "No: never advise on medication."),
        ],
        explanation="""Aftercare advice is brief and practical, and stays within scope: getting up slowly, water,
        gentle movement, what soreness is normal, and when to get in touch. Exercise programmes and medication
        advice belong to other professionals.""",
        review=(AFTERCARE, "aftercare-advice"),
        category=CONSENT,
        tags=("aftercare",),
    ),
    single(
        "TS301-FREQUENCY",
        "A client wants general stress relief and asks how often to book. What is a common recommendation?",
        [
            option("Once or twice a month", "Right: a rhythm that helps many people with everyday tension.", True),
            option("Every day for a month, then review", "Far more than general wellness needs."),
            option("As often as possible: more is always better", "A recommendation, never a sales pitch."),
        ],
        explanation="""Frequency depends on goals: once or twice a month for general wellness; closer together at
        first for a long-standing problem; a single session around an event. Recommend honestly and review.""",
        review=(AFTERCARE, "how-often-to-come-back"),
        category=CONSENT,
        tags=("aftercare",),
    ),
)

QUIZZES = (
    QuizSpec(
        slug="communication-and-consent-check",
        title="Communication and consent check",
        intro="""<p>Eleven questions on consent, check-ins, draping, aftercare and the myths clients bring with
        them. Your latest attempt counts.</p>""",
        questions=tuple(question.reference for question in QUESTIONS),
        settings={
            "pass_mark": 70,
            "grading_method": "latest",
            "layout": "one_per_page",
            "shuffle_questions": True,
            "shuffle_options": True,
            "review_detail": "full",
            "review_timing": "after_each",
            "counts_towards_completion": True,
            "time_limit_minutes": None,
            "max_attempts": None,
        },
    ),
)

CONTENT = CourseQuestions(
    course_slug="client-communication-and-consent",
    categories={CONSENT: "Consent, check-ins, draping, aftercare and client education."},
    questions=QUESTIONS,
    quizzes=QUIZZES,
)
