"""Questions and a quiz for TS-101 Swedish Technique Foundations."""

from .spec import CourseQuestions, QuizSpec, item, matching, multiple, option, ordering, pair, single, true_false

STROKES = "Swedish strokes"
SESSION = "Planning a session"

QUESTIONS = (
    single(
        "TS101-EFF-1",
        "Which stroke does a client usually feel first when a Swedish session begins?",
        [
            option(
                "Superficial effleurage",
                """Yes. Light gliding spreads the lubricant, introduces your touch and lets you read the tissue
                before asking more of it.""",
                right=True,
            ),
            option("Hacking", "Percussion wakes the tissue up; it belongs late in a region, not at first contact."),
            option(
                "Transverse friction", "Friction is specific work on a small spot found with broader strokes first."
            ),
            option(
                "Wringing", "Wringing is a petrissage stroke that needs warm tissue and a client who knows your touch."
            ),
        ],
        explanation="""Effleurage opens a session and each region: it spreads the lubricant, warms the surface
        tissue and gives the therapist a first reading before any deeper or more specific work.""",
        review=("effleurage", "what-effleurage-does-in-a-session"),
        category=STROKES,
        tags=("effleurage",),
    ),
    single(
        "TS101-EFF-2",
        "On the arms and legs, in which direction is the working pressure of effleurage directed?",
        [
            option(
                "Toward the heart, with a lighter return stroke",
                "Right: it follows venous and lymphatic flow, and the light return keeps contact without dragging.",
                right=True,
            ),
            option("Away from the heart", "That works against the flow in the veins, which is why it is avoided."),
            option("Across the muscle fibres", "Working across the fibres describes transverse friction, not gliding."),
            option("In small circles in one place", "Circles in one place are circular friction."),
        ],
        explanation="""On the limbs effleurage presses toward the heart, following the flow in the veins and
        lymph vessels, and returns lightly so the skin is not dragged back.""",
        review=("effleurage", "technique-superficial-effleurage"),
        category=STROKES,
        tags=("effleurage",),
    ),
    true_false(
        "TS101-EFF-3",
        "Deep effleurage can be used from the first stroke, before the area has been warmed with lighter work.",
        False,
        if_true="""Not quite: deep effleurage is built gradually, each pass a little slower and heavier, only once
        lighter strokes have warmed the area.""",
        if_false="Right: depth comes after warmth, and is built a little at a time while you watch the response.",
        explanation="""Superficial and deep effleurage share a shape but differ in depth. Deep work only makes
        sense on tissue that lighter strokes have already warmed.""",
        review=("effleurage", "superficial-and-deep-effleurage"),
        category=STROKES,
        tags=("effleurage",),
    ),
    multiple(
        "TS101-PET-1",
        "Which of these strokes belong to the petrissage (kneading) family?",
        [
            option("Kneading", "Yes: lifting and squeezing the muscle in circles is the core petrissage stroke.", True),
            option("Fulling", "Yes: fulling works across the muscle, spreading it sideways.", True),
            option("Skin rolling", "Yes: lifting a roll of skin and walking it forward is a petrissage stroke.", True),
            option("Wringing", "Yes: hands moving in opposite directions across a muscle is petrissage.", True),
            option("Hacking", "No: hacking is percussion (tapotement)."),
            option("Feather strokes", "No: feather strokes are the lightest form of effleurage."),
        ],
        explanation="""Petrissage lifts, squeezes and moves the muscle: kneading, fulling, skin rolling and
        wringing. Hacking is percussion and feather strokes are gliding strokes.""",
        review=("petrissage", "kneading-and-fulling"),
        category=STROKES,
        tags=("petrissage",),
    ),
    single(
        "TS101-TAP-1",
        "Which part of the hand strikes the body in hacking?",
        [
            option("The little-finger edge of loose hands", "Right: the ulnar border, with fingers loose.", True),
            option("Hands cupped to trap a cushion of air", "That is cupping, which makes a hollow sound."),
            option("The fingertips, tapping lightly", "That is tapping, used on small or delicate areas."),
            option("The thumb and fingers, plucking the skin", "That is pincement."),
        ],
        explanation="""Hacking uses the little-finger (ulnar) edge of relaxed hands, alternating quickly; loose
        fingers strike one after another and cushion each blow.""",
        review=("tapotement", "technique-hacking"),
        category=STROKES,
        tags=("tapotement",),
    ),
    multiple(
        "TS101-TAP-2",
        "Where should percussion such as hacking never be applied?",
        [
            option("Over the spine", "Right: percussion is never applied over the spine or bony prominences.", True),
            option("Over the kidneys on the lower back", "Right: the kidneys sit close under the lower back.", True),
            option("Behind the knee", "Right: nerves and vessels lie close to the surface there.", True),
            option("Over the thighs", "Thighs are large, well-padded muscles where hacking is usually welcome."),
            option("Over the muscular parts of the back, away from the spine", "This is a common place for it."),
        ],
        explanation="""Percussion belongs on large, well-padded muscles. It stays off the spine and other bony
        areas, the kidneys, and places like the back of the knee where nerves and vessels are exposed.""",
        review=("tapotement", "technique-hacking"),
        category=STROKES,
        tags=("tapotement", "safety"),
    ),
    true_false(
        "TS101-TAP-3",
        "Because tapotement stimulates, it usually comes late in a region or a session, followed by a few slow "
        "effleurage strokes.",
        True,
        if_true="Right: brief percussion near the end, then slow gliding so the region feels finished.",
        if_false="""It does usually come late: percussion wakes the client up, so it is kept short and placed
        near the end, then followed by slow effleurage.""",
        explanation="""Tapotement wakes the nervous system up. It is kept to short bursts near the end of a region
        or session, and the region is then settled with slow effleurage.""",
        review=("tapotement", "where-percussion-belongs-in-a-session"),
        category=SESSION,
        tags=("tapotement",),
    ),
    single(
        "TS101-FRI-1",
        "In transverse friction, in which direction do the fingers move?",
        [
            option("Across the fibres, at a right angle to them", "Right: that is what cross-fibre means.", True),
            option("Along the fibres, toward the heart", "That describes effleurage on a limb."),
            option("In long glides over the whole muscle", "Friction is specific; it does not glide over large areas."),
            option("Side to side while shaking the limb", "That describes shaking, a vibration stroke."),
        ],
        explanation="""Transverse (cross-fibre) friction moves the skin with the fingers across the fibres of a
        muscle, tendon or ligament, at a right angle, on a small area found with broader work first.""",
        review=("friction", "technique-transverse-friction"),
        category=STROKES,
        tags=("friction",),
    ),
    true_false(
        "TS101-FRI-2",
        "Friction works best with plenty of oil, so the fingers can slide over the spot.",
        False,
        if_true="""Not so: in friction the skin moves with the fingers; oil lets them slide off the spot you are
        trying to reach.""",
        if_false="Right: friction uses little or no lubricant, because the skin should move with the fingers.",
        explanation="""Friction works between the layers under the skin, so the fingers must not slide. It uses
        little or no lubricant.""",
        review=("friction", "how-friction-differs-from-gliding"),
        category=STROKES,
        tags=("friction",),
    ),
    single(
        "TS101-VIB-1",
        "Where does the tremor of fine vibration come from?",
        [
            option(
                "Tensing the forearm just enough to make a tremor, with the hand relaxed",
                "Right: the forearm makes the movement and the still hand carries it into the tissue.",
                True,
            ),
            option("Flicking the wrist as fast as possible", "That strains the wrist and produces a jerky movement."),
            option("Pressing hard with the thumbs", "Fine vibration is light; pressure is not what creates it."),
            option("Grasping the limb and moving it back and forth", "That is shaking, a larger movement."),
        ],
        explanation="""Fine vibration is a small, rapid tremor made by the forearm and passed through a relaxed,
        still hand. It is tiring, so it is used in short bursts.""",
        review=("vibration", "technique-fine-vibration"),
        category=STROKES,
        tags=("vibration",),
    ),
    matching(
        "TS101-MATCH-FAMILIES",
        "Match each Swedish stroke family with what the hands do.",
        [
            pair("Effleurage", "Glide over the skin in unbroken contact", "Gliding ties the whole session together."),
            pair("Petrissage", "Lift, squeeze and knead the muscle", "Kneading, fulling, skin rolling, wringing."),
            pair("Tapotement", "Strike quickly and rhythmically with loose hands", "Percussion stimulates."),
            pair("Friction", "Move the skin over deeper tissue on one small spot", "Specific, with little oil."),
            pair("Vibration", "Pass a trembling or shaking movement into the tissue", "Fine or coarse, or shaking."),
            pair("", "Hold a joint at the end of its range for a minute", ""),
        ],
        explanation="""The five Swedish families are gliding (effleurage), kneading (petrissage), percussion
        (tapotement), focused friction and vibration. Holding a joint at end range is a stretch, not one of
        them.""",
        review=("sequencing-a-session", "within-a-region"),
        category=STROKES,
        points="2",
        tags=("strokes",),
    ),
    matching(
        "TS101-MATCH-PERCUSSION",
        "Match each percussion stroke with how it is done.",
        [
            pair("Hacking", "The little-finger edge of loose hands", "Alternating, with fingers loose."),
            pair("Cupping", "Cupped hands that trap a cushion of air", "A slap means the hand has gone flat."),
            pair("Tapping", "Light fingertip taps, like rain", "For the scalp, face and small areas."),
            pair("Pincement", "Quick plucking between thumb and fingers", "Pluck, never pinch."),
        ],
        explanation="""The four main tapotement strokes differ in the part of the hand that makes contact:
        the ulnar edge (hacking), cupped hands (cupping), fingertips (tapping) and thumb with fingers
        (pincement).""",
        review=("tapotement", "the-four-main-strokes"),
        category=STROKES,
        tags=("tapotement",),
    ),
    ordering(
        "TS101-ORDER-REGION",
        "Put the work on one region of the body in the usual order.",
        [
            item("Superficial effleurage", "Opens the region: spreads lubricant and introduces your touch."),
            item("Deeper effleurage", "Builds once the tissue is warm."),
            item("Petrissage", "Works the muscles more thoroughly after gliding has warmed them."),
            item("Friction on a specific spot", "Only where broader work found an area that needs it."),
            item("Vibration or brief tapotement", "Settles or stimulates, depending on the goal."),
            item("Closing effleurage", "Ends the region, so the work feels connected and finished."),
        ],
        explanation="""Within a region the work goes from general to specific and back: light gliding, deeper
        gliding, kneading, friction where needed, vibration or brief percussion, then closing effleurage.
        Deep or specific work never comes before the tissue is warm.""",
        review=("sequencing-a-session", "within-a-region"),
        category=SESSION,
        points="2",
        tags=("sequencing",),
    ),
    ordering(
        "TS101-ORDER-BODY",
        "A client starts face down for a full-body session. Put the regions in the order taught in this course.",
        [
            item("The back", "Face down, the back usually comes first."),
            item("The backs of the legs", "Still face down, before the client turns."),
            item("The fronts of the legs and the feet", "After the turn, the legs and feet come first."),
            item("The arms and hands", "Then the arms."),
            item("The neck and shoulders", "Near the end, with the client face up."),
            item("The face or scalp, if the client wants it", "Last, and only with the client's agreement."),
        ],
        explanation="""There is no single correct order, but a consistent routine helps both of you. The one
        this course teaches works the back and the backs of the legs face down, then the legs and feet, arms and
        hands, neck and shoulders, and finally the face or scalp.""",
        review=("sequencing-a-session", "across-the-whole-body"),
        category=SESSION,
        # Other sensible routines exist: neighbouring pairs give credit for the parts of the sequence kept.
        scoring="adjacent",
        tags=("sequencing",),
    ),
    single(
        "TS101-SEQ-1",
        "A client books 30 minutes because their neck and shoulders are stiff. What is the better plan?",
        [
            option(
                "Spend the time on the neck, shoulders and upper back, done well",
                "Right: a short session is better spent on one or two areas done properly.",
                True,
            ),
            option(
                "Cover the whole body quickly so nothing is missed",
                "A rushed full-body routine leaves no time for the area the client came for.",
            ),
            option(
                "Start with percussion to save time warming up",
                "Percussion before warm-up is the wrong way round and rarely comfortable.",
            ),
        ],
        explanation="""Time is the budget. A shorter session is better spent on one or two regions done well,
        with the most time on what the client asked for.""",
        review=("sequencing-a-session", "across-the-whole-body"),
        category=SESSION,
        tags=("sequencing",),
    ),
)

QUIZZES = (
    QuizSpec(
        slug="swedish-technique-check",
        title="Swedish technique check",
        intro="""<p>Fifteen questions on the five stroke families and how a session is put together. Take it
        as often as you like: your best attempt counts, and the review sends you back to the section that
        covers anything you missed.</p>""",
        questions=tuple(question.reference for question in QUESTIONS),
        settings={
            "pass_mark": 70,
            "grading_method": "highest",
            "layout": "one_per_page",
            "shuffle_questions": False,
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
    course_slug="swedish-technique-foundations",
    categories={
        STROKES: "The five Swedish stroke families: what each does and how it is applied.",
        SESSION: "Putting strokes together: order within a region and across a session.",
    },
    questions=QUESTIONS,
    quizzes=QUIZZES,
)
