"""TS-101 Swedish Technique Foundations: the five stroke families and how to sequence a session."""

from .spec import (
    ArtworkSpec,
    CourseSpec,
    InstructorSpec,
    ModuleSpec,
    bullets,
    callout,
    dialogue,
    html,
    section,
    steps,
    technique,
    text,
)

MAYA = InstructorSpec(
    name="Maya Okafor",
    credentials="LMT, BCTMB",
    username="maya",
    bio=(
        "Maya teaches hands-on technique in school clinics and continuing-education workshops. She is "
        "known for careful body mechanics, unhurried demonstrations and the question she asks every "
        "student: what is this stroke for?"
    ),
)

EFFLEURAGE = ModuleSpec(
    slug="effleurage",
    title="Effleurage: the gliding stroke",
    intro=(
        "Long, continuous gliding strokes open and close every Swedish session. This module covers "
        "superficial and deep effleurage, feather strokes, the body mechanics behind them and what they "
        "let you notice about the tissue."
    ),
    body=[
        section("What effleurage does in a session"),
        text(
            """Effleurage is the family of gliding strokes: the hands travel over the skin in unbroken
            contact, moulding to the shape of the body. It is usually the first stroke a client feels and
            the last one they remember, and it does several jobs at once. It spreads the lubricant,
            introduces your touch, warms the superficial tissue and gives you a first reading of the area
            before you ask anything more of it.""",
            """Because the hands stay in contact, effleurage is also the thread that ties a session
            together. You return to it between other strokes, use it to move from one region to the
            next, and close each region with it. A client who is handed from technique to technique with
            smooth gliding strokes experiences one continuous treatment rather than a series of separate
            manoeuvres.""",
            """On the limbs, the working pressure of the stroke is traditionally directed toward the heart,
            with a lighter return. Working in the direction of venous and lymphatic flow is gentle on the
            vessels, and the light return keeps contact without dragging the skin back the other way. On
            the back, strokes commonly run the length of the erector muscles and fan out over the
            shoulders and the sides of the ribs.""",
        ),
        section("Superficial and deep effleurage"),
        text(
            """The two main variations differ in depth, not in shape. Superficial effleurage rests on the
            skin and the layer just beneath it; deep effleurage sinks into the muscle and asks it to
            soften. Deep effleurage only makes sense once the area has been warmed with lighter work, and
            it is built gradually: each pass a little slower and a little heavier than the one before,
            while you watch how the client responds.""",
        ),
        technique(
            "Superficial effleurage",
            family="effleurage",
            purpose="""Introduces touch, spreads the lubricant, warms the skin and superficial tissue and
            lets the therapist assess the area before deeper work.""",
            uses=["palms", "fingers"],
            direction="Toward the heart on the limbs; lengthwise on the back",
            pressure="light",
            tempo="slow",
            indications=[
                "Opening and closing every region",
                "Linking one technique to the next",
                "Calming a client who is anxious or new to massage",
            ],
            cautions=[
                "Glide around, never over, broken skin, rashes or unexplained swelling",
                "Keep contact light over bony landmarks such as the spine and shin",
            ],
        ),
        technique(
            "Deep effleurage",
            family="effleurage",
            purpose="""Sinks through the warmed superficial layer to lengthen and soften muscle, and to
            follow the line of a muscle from one end to the other.""",
            uses=["palms", "forearm"],
            direction="Along the fibres, toward the heart",
            pressure="graduated",
            tempo="slow",
            indications=[
                "Large muscle groups: back, thighs, calves",
                "Following lighter work once the tissue is warm",
                "Clients who have asked for firmer pressure",
            ],
            cautions=[
                "Never over varicose veins: stay light and glide around them",
                "Stop and refer if the calf is hot, swollen or painful on one side only",
                "Check in as pressure builds; firmer is not automatically better",
            ],
        ),
        technique(
            "Feather strokes",
            family="effleurage",
            purpose="""A very light trailing touch with the fingertips that signals the end of a region and
            lets the client's nervous system settle before you move on.""",
            uses=["fingertips"],
            direction="Downward or outward, trailing off",
            pressure="light",
            tempo="slow",
            indications=["Finishing a region", "The final contact of a session"],
            cautions=["Some clients find very light touch ticklish or irritating: ask, and use the palm instead"],
        ),
        section("Body mechanics for long strokes"),
        text(
            """Long strokes are where poor body mechanics show first. Stand in a lunge facing the direction
            of travel, with the back foot behind you and the front knee soft. As the stroke moves, shift
            your weight from the back foot to the front: the pressure comes from your body moving, not
            from your shoulders pushing. Keep the wrists close to neutral and the fingers relaxed so the
            hand can mould to the contours of the body.""",
            """Table height matters. If you have to hunch to reach the client, the table is too low for you;
            if your shoulders rise to apply pressure, it is too high. A common starting point is a table
            at about the height of your knuckles with your arms hanging at your sides, adjusted for the
            work you do most.""",
        ),
        callout(
            "tip",
            "Let your weight do the work",
            """If your forearms tire during deep effleurage, you are pushing. Lower your centre of gravity,
            lean from the back foot, and let the stroke travel because your body travels.""",
        ),
        section("Reading the tissue as you glide"),
        text(
            """Effleurage is also an assessment stroke. As your hands pass over an area, notice warmth or
            coolness, the texture of the skin, areas that feel dense or guarded, and how the client
            breathes. Changes you notice guide the rest of the session: a tight band in the upper
            trapezius might call for petrissage, while a client who holds their breath needs lighter work
            and a check-in.""",
            """You are noticing, not diagnosing. If you see something unexpected, such as an unexplained
            bruise, a rash or a mole that looks different from the rest, avoid the area and mention it
            calmly after the session, suggesting the client shows it to their doctor.""",
        ),
        callout(
            "safety",
            "One-sided calf pain is a stop sign",
            """A calf that is warm, swollen, red or painful on one side can be a sign of a deep vein
            thrombosis. Do not massage the leg. Stop, explain your concern and refer the client to a
            physician promptly.""",
        ),
        dialogue(
            "pressure_check_in",
            "Checking in after the first strokes",
            [
                ("T", "I've started with some long, light strokes to warm up your back. How does that feel?"),
                ("C", "Nice. I thought it would be firmer, though."),
                (
                    "T",
                    "It will get firmer as the muscles warm up. I'll build it slowly, and you can tell me "
                    "at any point if you'd like more or less.",
                ),
                ("C", "Okay, that sounds good."),
            ],
            point="""The therapist explains why the pressure starts light, sets an expectation that it will
            change, and hands the client control over it.""",
        ),
    ],
)

PETRISSAGE = ModuleSpec(
    slug="petrissage",
    title="Petrissage: kneading, fulling and skin rolling",
    intro=(
        "Petrissage lifts, squeezes and releases soft tissue. Learn kneading, fulling, skin rolling and "
        "wringing, and when each one is the right choice."
    ),
    body=[
        section("The idea behind petrissage"),
        text(
            """Where effleurage glides over the tissue, petrissage takes hold of it. The family includes
            every stroke that lifts, squeezes, rolls or compresses muscle and then lets it go. The rhythm
            of grasp and release is what makes it effective: tissue is drawn away from the structures
            beneath it, compressed, and released, which increases local circulation and helps tight,
            stuck-feeling areas become more pliable.""",
            """Petrissage follows effleurage. Warm tissue lifts more easily and tolerates compression
            better, and the client is already used to your touch. In a typical sequence you glide over a
            region, knead it, glide again to flush and connect, then move on to more specific work or to
            the next region.""",
        ),
        section("Kneading and fulling"),
        text(
            """Kneading is the classic petrissage stroke: a circular lift-and-squeeze using the whole hand,
            with the two hands working alternately so that one is always grasping while the other
            releases. Keep the movement broad and rhythmical; pinching with the fingertips is
            uncomfortable and achieves little.""",
            """Fulling works across the muscle rather than along it. The hands grasp the belly of a muscle,
            lift it and spread it sideways, broadening the fibres. It suits the limbs, where you can cup
            the muscle, and it is a good way to address the calf or the thigh without sliding deeply along
            veins.""",
        ),
        technique(
            "Kneading",
            family="petrissage",
            purpose="""Lifts, squeezes and releases muscle in a circular rhythm to soften tight tissue and
            increase local circulation.""",
            uses=["palms", "fingers", "thumbs"],
            direction="In circles, moving toward the heart",
            pressure="moderate",
            tempo="moderate",
            indications=[
                "Upper trapezius and shoulders",
                "Large muscle groups of the thigh and calf",
                "General muscle tension after effleurage",
            ],
            cautions=[
                "Avoid pinching skin with the fingertips",
                "Lighter over areas that bruise easily or after recent injury",
            ],
        ),
        technique(
            "Fulling",
            family="petrissage",
            purpose="""Grasps, lifts and spreads a muscle sideways to broaden its fibres and ease a sense of
            tightness.""",
            uses=["palms", "thumbs"],
            direction="Across the muscle, working along the limb",
            pressure="moderate",
            tempo="moderate",
            indications=["Calves, hamstrings and quadriceps", "Forearms of clients who use their hands all day"],
            cautions=["Not over varicose veins or areas of unexplained swelling"],
        ),
        section("Skin rolling and wringing"),
        text(
            """Skin rolling works the most superficial layer. The thumbs push a roll of skin and superficial
            tissue toward the fingers, which gather it and walk it forward. Areas where the skin lifts
            easily feel free; areas where it sticks, thickens or becomes tender can point to restriction in
            the superficial fascia. It is a strong sensation for some clients, so introduce it gently and
            ask how it feels.""",
            """Wringing moves the hands in opposite directions across a muscle, like wringing out a towel
            but without any twisting of the skin. It is a useful bridge between kneading and deeper work
            on the back, thighs and arms.""",
        ),
        technique(
            "Skin rolling",
            family="petrissage",
            purpose="""Lifts and rolls the skin and superficial fascia to assess and improve how freely the
            layers move over each other.""",
            uses=["thumbs", "fingers"],
            direction="Along or across the area, walking the roll forward",
            pressure="light",
            tempo="slow",
            indications=["The back, along either side of the spine", "Areas that feel stuck or thickened"],
            cautions=[
                "Can be intense: start with a small roll and check in",
                "Not over fragile or thin skin, such as in older clients or long-term steroid users",
            ],
        ),
        technique(
            "Wringing",
            family="petrissage",
            purpose="""Moves the hands back and forth in opposite directions across a muscle to compress
            and stretch it without sliding along its length.""",
            uses=["palms", "fingers"],
            direction="Across the muscle, progressing along its length",
            pressure="moderate",
            tempo="moderate",
            indications=["The sides of the back and the waist", "Thighs and upper arms"],
            cautions=["Keep the skin moving with the hands; never twist or drag it"],
        ),
        section("Pressure, rhythm and comfort"),
        text(
            """Good petrissage feels rhythmical and secure. Clients relax into a steady, predictable rhythm
            and tense up when it is jerky or hurried. Match your tempo to the goal: slower and broader to
            relax, a little quicker to stimulate before sport or at the end of a session.""",
            """Grip with the whole hand. The flat of the fingers and the heel of the hand spread the load;
            the fingertips concentrate it into a pinch. Your own hands also last longer when you grip with
            the palm and let the movement come from your body rather than from squeezing hard with the
            fingers and thumbs.""",
        ),
        callout(
            "key_point",
            "Lift, squeeze, release",
            """Every petrissage stroke has the same three phases. If a stroke has no release, it is a
            compression; if it has no lift, it is a glide. Keep all three and the tissue responds.""",
        ),
        callout(
            "safety",
            "When to keep petrissage out",
            bullets(
                "Over varicose veins, bruises, recent injuries or areas of unexplained swelling.",
                "On a limb with any sign of a blood clot: stop the session and refer.",
                "Firmly on clients who bruise easily, such as those taking blood-thinning medication.",
            ),
        ),
        dialogue(
            "pressure_check_in",
            "Introducing skin rolling",
            [
                (
                    "T",
                    "Next I'd like to lift and roll the skin along your back. Some people find it a strong "
                    "sensation. Is it okay to try a small area?",
                ),
                ("C", "Sure."),
                ("T", "How is that, on a scale of comfortable to too much?"),
                ("C", "It's a bit much just there, by my shoulder blade."),
                ("T", "Thanks. I'll keep it smaller there and go back to kneading if it stays sharp."),
            ],
            point="""Warning the client before an unfamiliar, intense stroke and asking permission keeps
            them in control; acting on their answer straight away shows the question was real.""",
        ),
    ],
)

TAPOTEMENT = ModuleSpec(
    slug="tapotement",
    title="Tapotement: rhythmic percussion",
    intro=(
        "Tapotement is brisk, rhythmic percussion that stimulates rather than soothes. Learn hacking, "
        "cupping, tapping and pincement, and when to leave percussion out of a session."
    ),
    body=[
        section("Why percussion is different"),
        text(
            """Tapotement is the family of percussion strokes: quick, light, rhythmical blows delivered
            with loose hands and alternating rhythm. Where most Swedish strokes quieten the nervous
            system, tapotement wakes it up. It is used to invigorate at the end of a session, to prepare
            an athlete before activity and to give a lively sensation over large, well-padded muscles.""",
            """The effect depends on rhythm and looseness, not force. A relaxed wrist lets the hand bounce
            off the body; a stiff wrist turns the same movement into a jolt. Practise on a pillow or your
            own thigh until both hands can keep an even rhythm for half a minute without tension creeping
            into the forearms.""",
        ),
        section("The four main strokes"),
        technique(
            "Hacking",
            family="tapotement",
            purpose="""Brisk, alternating strikes with the little-finger edge of loose hands to stimulate
            large muscle groups.""",
            uses=["ulnar_border"],
            direction="Across the muscle, moving along its length",
            pressure="light",
            tempo="brisk",
            indications=["Thighs, calves and the muscular parts of the back", "Invigorating before activity"],
            cautions=[
                "Never over the spine, kidneys or the back of the knee",
                "Keep fingers loose so they strike one after another, cushioning the blow",
            ],
        ),
        technique(
            "Cupping",
            family="tapotement",
            purpose="""Strikes with cupped hands that trap a cushion of air, producing a deep, hollow sound
            and a stimulating but comfortable sensation.""",
            uses=["cupped_hands"],
            direction="Over the area in a steady alternating rhythm",
            pressure="light",
            tempo="brisk",
            indications=["The upper back over the ribs, away from the spine", "Thighs and buttocks"],
            cautions=[
                "Not over the kidneys, the spine or any area of pain",
                "A slapping sound means the hand is flat: re-form the cup",
            ],
        ),
        technique(
            "Tapping",
            family="tapotement",
            purpose="""Light, quick taps with the fingertips, like rain, for small or delicate areas where
            other percussion would be too strong.""",
            uses=["fingertips"],
            direction="Over the area without sliding",
            pressure="light",
            tempo="brisk",
            indications=["The scalp and face", "Small muscles around the shoulders", "Ending a region lightly"],
            cautions=["Keep it very light near the eyes and over the temples"],
        ),
        technique(
            "Pincement",
            family="tapotement",
            purpose="""Quick, light plucking of the superficial tissue between thumb and fingers to stimulate
            the skin.""",
            uses=["thumbs", "fingers"],
            direction="Over the area, alternating hands",
            pressure="light",
            tempo="brisk",
            indications=[
                "Fleshy areas such as the thighs and upper arms",
                "Waking up the skin at the end of a session",
            ],
            cautions=["Pluck, never pinch: the tissue should slip from the fingers at once"],
        ),
        text(
            """Some therapists also use pounding, with the little-finger side of a loosely closed fist, over
            very large, well-padded muscles such as the gluteals. It follows the same rules as hacking:
            loose hands, steady rhythm and no work over bone or organs.""",
        ),
        section("Where percussion belongs in a session"),
        text(
            """Because it stimulates, tapotement usually comes late: at the end of a region before the
            closing effleurage, or at the end of a session when the client needs to feel alert before
            getting up and driving home. In a pre-event sports session it can be used more freely; in a
            session aimed at deep relaxation it may be left out altogether.""",
            """Keep each burst short. A few seconds of even percussion over a region is enough; the goal
            is a lively sensation, not fatigue. Follow it with a few slow effleurage strokes so the
            region feels finished.""",
        ),
        callout(
            "safety",
            "Areas and clients to avoid",
            bullets(
                "Bony prominences, the spine, and the area over the kidneys on the lower back.",
                "The back of the knee, the front of the neck and the inner arm, where nerves and vessels lie "
                "close to the surface.",
                "Varicose veins, bruises, recent injuries and any area of pain or inflammation.",
                "Clients with osteoporosis or fragile bones: percussion can fracture a weakened bone.",
                "The abdomen of a pregnant client.",
                "Clients on blood-thinning medication, who bruise and bleed under the skin easily.",
                "Clients who are anxious, in pain or who have asked for a quiet, relaxing session.",
            ),
        ),
        callout(
            "tip",
            "Ask before you percuss",
            """Tapotement can startle a client who has drifted off. Tell them what is coming, keep the
            first few strikes lighter than the rest, and watch for the shoulders lifting or the breath
            catching.""",
        ),
        dialogue(
            "pressure_check_in",
            "Finishing with percussion",
            [
                (
                    "T",
                    "We've got a few minutes left. I can finish your legs with some quick tapping to help "
                    "you feel more awake, or keep it slow and quiet. Which would you prefer?",
                ),
                ("C", "Tapping, please. I have to drive back to work."),
                ("T", "Here it comes. Tell me if any of it feels too sharp."),
                ("C", "That's fine, it actually feels good."),
            ],
            point="""Offering a choice respects the client's goal for the end of the session and warns them
            before a sudden change in sensation.""",
        ),
    ],
)

FRICTION = ModuleSpec(
    slug="friction",
    title="Friction: circular and cross-fibre work",
    intro=(
        "Friction is small, focused movement that works the tissue under the skin rather than sliding "
        "over it. Learn circular and transverse (cross-fibre) friction, warming friction, and how to keep "
        "focused work safe."
    ),
    body=[
        section("How friction differs from gliding"),
        text(
            """In most Swedish strokes the hands slide over the skin. In friction the skin moves with the
            fingers, and the movement happens between the layers underneath: skin over fascia, muscle over
            muscle, or across the fibres of a tendon or ligament. For that reason friction uses little or
            no lubricant. Oil lets the fingers slide off the spot you are trying to reach.""",
            """Friction is specific. It is applied to a small area that you have found with broader strokes
            first: a dense band in a muscle, a thickened area near a tendon, or a spot the client points to
            as the source of their discomfort. It is always surrounded by warmer, broader work before and
            after it.""",
        ),
        section("Circular friction"),
        technique(
            "Circular friction",
            family="friction",
            purpose="""Small circles with the fingertips or thumbs that move the skin over the deeper tissue
            to warm and soften a localised area of tension.""",
            uses=["fingertips", "thumbs"],
            direction="Small circles in place, then a new spot",
            pressure="graduated",
            tempo="moderate",
            indications=[
                "Along either side of the spine, not on it",
                "Around the shoulder blade and the back of the neck",
                "Small areas of tension found with effleurage and petrissage",
            ],
            cautions=[
                "Build pressure slowly and keep the client's breathing relaxed",
                "Not over recent injuries, bruises or inflamed tissue",
            ],
        ),
        text(
            """Keep the fingers together and supported: the second finger can rest on the first, or the
            other hand can reinforce the working one. Let the movement come from the arm rather than from
            the small joints of the fingers, which tire quickly and can be strained by sustained work.""",
        ),
        section("Transverse (cross-fibre) friction"),
        text(
            """Transverse friction moves across the direction of the fibres, like strumming a guitar string
            rather than running along it. It is used on muscles, tendons and ligaments where the aim is to
            keep the fibres mobile relative to each other and to the surrounding tissue, for example after
            an old strain that has left an area feeling thick and stiff.""",
            """Find the direction of the fibres first, then place the fingers at a right angle to it. The
            skin moves with the fingers; the stroke is short, only as wide as the structure you are
            working, and rhythmical. Sessions of cross-fibre work on one spot are kept short, with broader
            strokes in between to let the area recover.""",
        ),
        technique(
            "Transverse friction",
            family="friction",
            purpose="""Short strokes across the fibres of a muscle, tendon or ligament to keep them mobile and
            to address thickened, stiff areas from old strains.""",
            uses=["fingers", "thumbs"],
            direction="Across the fibres, at a right angle",
            pressure="graduated",
            tempo="moderate",
            indications=[
                "Thickened areas from an old, healed strain",
                "Tendons and their attachments that feel dense and restricted",
            ],
            cautions=[
                "Never on an acute, recent injury, which needs time to settle first",
                "Keep it brief and check in: it can be intense",
                "Not for clients on blood-thinning medication without adapting pressure",
            ],
        ),
        section("Warming friction"),
        technique(
            "Warming friction",
            family="friction",
            purpose="""Brisk rubbing with the flat of the hands to create surface warmth, usually over clothing
            or a drape. It is the exception among friction strokes: the hands rub over the surface instead of
            moving the skin over the tissue beneath, so it warms an area rather than working it.""",
            uses=["palms"],
            direction="Back and forth, across or along the area",
            pressure="light",
            tempo="brisk",
            indications=[
                "Warming an area before more specific work",
                "Seated or clothed massage, over the drape",
            ],
            cautions=["Over bare skin, use very little lubricant and keep it light to avoid irritation"],
        ),
        section("Keeping focused work safe"),
        text(
            """Friction concentrates pressure into a small area, which is exactly why it is effective and
            why it needs care. Before using it, check the health history: blood-thinning medication,
            conditions that affect skin or sensation, and recent injuries all change what is appropriate.
            Ask for feedback using a simple scale so the client can tell you where the sensation sits.""",
        ),
        callout(
            "safety",
            "Not on acute injuries",
            """Recent sprains, strains and bruises are still inflamed and healing. Deep friction there
            aggravates the tissue. Work around the area and leave specific work until it has settled; if a
            recent injury is severe, suggest the client has it assessed.""",
        ),
        callout(
            "key_point",
            "Skin moves with the fingers",
            """If your fingers slide over the skin, you are doing small effleurage, not friction. Use less
            lubricant, slow down, and feel the tissue underneath move instead.""",
        ),
        dialogue(
            "pressure_check_in",
            "Using a pressure scale",
            [
                (
                    "T",
                    "I'm going to work more specifically on this spot by your shoulder blade. On a scale "
                    "from one to ten, where ten is too much, where would you put it?",
                ),
                ("C", "About a seven."),
                ("T", "Let's bring it down to a five or six. Is that better?"),
                ("C", "Yes, that's strong but okay."),
            ],
            point="""A number gives the client an easy way to describe intensity, and settling below the top
            of their range keeps the muscle from guarding against the pressure.""",
        ),
    ],
)

VIBRATION = ModuleSpec(
    slug="vibration",
    title="Vibration and shaking",
    intro=(
        "Vibration passes a trembling or rhythmic movement into the tissue. Learn fine vibration, coarse "
        "vibration and shaking, and how to produce them without straining yourself."
    ),
    body=[
        section("What vibration is"),
        text(
            """Vibration is the least used of the five Swedish families and one of the most useful once you
            can do it well. The therapist's hand or fingers stay in one place, or travel slowly, while a
            trembling movement is passed into the tissue. Depending on how it is produced, it can feel
            soothing and settling or loosening and lively.""",
            """There are two broad kinds. Fine vibration is a small, rapid tremor from the forearm passed
            through a still hand or fingertips. Coarse vibration and shaking are larger movements, in
            which the therapist holds a muscle or a limb and moves it back and forth so that the tissue
            jiggles loosely.""",
        ),
        section("Fine vibration"),
        technique(
            "Fine vibration",
            family="vibration",
            purpose="""A small, rapid tremor passed through the fingertips or palm into one area, used to
            soothe and to help a client let go of holding in a specific spot.""",
            uses=["fingertips", "palms"],
            direction="In place, or travelling slowly along a muscle",
            pressure="light",
            tempo="brisk",
            indications=[
                "Settling an area after specific work",
                "Along the length of the back at the end of a region",
                "Clients who find stronger strokes too much",
            ],
            cautions=["Produce the tremor from the forearm, not the hand, and rest often to avoid strain"],
        ),
        text(
            """To produce fine vibration, rest the hand on the area and tense the forearm muscles just
            enough to create a tremor, keeping the shoulder and hand relaxed. The hand stays in contact and
            carries the movement into the tissue. It is tiring to sustain, so use it in short bursts.""",
        ),
        section("Coarse vibration and shaking"),
        technique(
            "Coarse vibration",
            family="vibration",
            purpose="""A larger side-to-side movement with the whole hand over a muscle, loosening the tissue
            and helping the client feel an area relax.""",
            uses=["palms"],
            direction="Side to side over the muscle",
            pressure="moderate",
            tempo="brisk",
            indications=["Large muscles of the back, thighs and buttocks", "Between slower strokes to loosen a region"],
            cautions=["Keep the movement rhythmical and even, never jerky"],
        ),
        technique(
            "Shaking",
            family="vibration",
            purpose="""Grasping a muscle or a whole limb and moving it loosely back and forth to release
            holding and give the client a sense of heaviness and ease.""",
            uses=["palms", "fingers"],
            direction="Back and forth across the muscle or limb",
            pressure="moderate",
            tempo="moderate",
            indications=[
                "Calves, hamstrings and the whole arm",
                "Pre-event sports massage to loosen without fatiguing",
                "Clients who hold a limb stiffly and struggle to let it go",
            ],
            cautions=[
                "Support the joints; never shake a limb with a painful or unstable joint",
                "Not on a limb with any sign of a blood clot",
            ],
        ),
        text(
            """Rocking is a close relative of shaking: the whole body or a large part of it is moved in a
            slow, rhythmical sway, usually by pushing gently on the hip or the back and letting it return.
            It is soothing and many clients find it deeply relaxing, especially at the start of a
            session.""",
        ),
        section("When vibration helps"),
        text(
            """Vibration is a good choice when a client is holding tension they cannot simply let go of. A
            limb that is gently shaken tends to feel heavier afterwards, and clients often notice how much
            they had been holding. It is also useful in sports settings where you want to loosen tissue
            without the fatigue that long kneading can bring.""",
            bullets(
                "Use it to check whether a limb is relaxed: a limb the client is holding will not swing freely.",
                "Use it between deeper strokes to let an area recover.",
                "Use it at the end of a region to settle the tissue before closing with effleurage.",
            ),
        ),
        callout(
            "safety",
            "Protect your own body",
            """Fine vibration produced by tensing the hand and shoulder is a common cause of strain for
            therapists. Keep the shoulder relaxed, generate the movement from the forearm and rest between
            bursts. Mechanical devices are an option in some settings, but learn the manual skill first.""",
        ),
        callout(
            "tip",
            "Let the limb hang",
            """For shaking, lift the limb only slightly, hold it securely at the muscle belly or near the
            wrist or ankle, and let gravity help. The smaller and more rhythmical the movement, the more
            the client relaxes into it.""",
        ),
        dialogue(
            "pressure_check_in",
            "Helping a client let go",
            [
                ("T", "I'm going to lift your arm a little and gently shake it. Just let me take the weight."),
                ("C", "I'm trying, but it feels like I'm still holding it."),
                (
                    "T",
                    "That's very common. Take a slow breath out, and imagine your arm getting heavier. "
                    "There: can you feel it swinging more freely now?",
                ),
                ("C", "Yes, I didn't realise how tight I was keeping it."),
            ],
            point="""Shaking doubles as an assessment; a simple cue about breathing and heaviness helps the
            client notice and release the holding.""",
        ),
    ],
)

SEQUENCING = ModuleSpec(
    slug="sequencing-a-session",
    title="Sequencing a Swedish session",
    intro=(
        "A good session has a shape: it opens gently, builds, and closes so the client leaves calm and "
        "steady. This module puts the five stroke families together into a full-body Swedish session."
    ),
    body=[
        section("The shape of a session"),
        text(
            """Individual strokes are the vocabulary of Swedish massage; sequencing is the grammar. A
            well-sequenced session moves from general to specific and back to general, from light to
            firmer and back to light, and from region to region in an order the client can relax into.
            The same principle applies within each region and across the whole session.""",
            """Before any of it, the intake comes first: the client's goals, their health history, any
            areas to avoid or focus on, and their consent to the plan. What you learn there shapes every
            choice that follows, from the order of regions to which strokes you leave out.""",
        ),
        section("Within a region"),
        text(
            steps(
                "Open with superficial effleurage to spread the lubricant and introduce touch.",
                "Build with deeper effleurage once the tissue is warm.",
                "Use petrissage (kneading, fulling, skin rolling) to work the muscles more thoroughly.",
                "Add friction only where you found a specific area that needs it.",
                "Settle the area with vibration, or stimulate with brief tapotement if that suits the goal.",
                "Close with effleurage and, if the client enjoys it, feather strokes.",
            ),
        ),
        text(
            """This order protects the tissue and the client's trust: deep or specific work never arrives
            before the area is warm and the client knows your touch. Return to effleurage whenever you
            change technique so the work feels connected.""",
        ),
        section("Across the whole body"),
        text(
            """There is no single correct order of regions, but a consistent routine helps both of you. A
            common full-body sequence starts with the client face down: back, then the backs of the legs.
            The client turns over and the session continues with the fronts of the legs, the feet, the arms
            and hands, the neck and shoulders, and finally the face or scalp if the client wants it. Some
            therapists start face up instead, especially with clients who are anxious or who find lying
            face down uncomfortable.""",
            """Time is the budget. A full-body session of about an hour leaves a few minutes for each region,
            with more for the areas the client asked you to focus on. A shorter session is better spent on
            one or two areas done well than on the whole body done in a hurry.""",
        ),
        callout(
            "tip",
            "Plan the turn",
            """Ask the client to turn over while you hold the drape lifted and anchored, and tell them what
            happens next. A smooth turn keeps the calm you have built in the first half of the session.""",
        ),
        section("Matching the sequence to the goal"),
        text(
            """The goal agreed at intake changes the emphasis. For relaxation, favour long effleurage,
            broad petrissage and fine vibration, keep tapotement out and close slowly. For a client with a
            specific area of tension, spend longer on that region, using petrissage and friction, and keep
            the rest of the session shorter and lighter so the body does not feel overworked. Before sport,
            keep strokes brisker and shorter, include tapotement and shaking and avoid deep, prolonged
            work; after sport, keep the pace slower and the pressure moderate.""",
        ),
        section("Closing the session"),
        text(
            """The last minutes matter as much as the first. Slow down, finish with long strokes and a
            still hold, and let the client know you are finishing. Clients who have relaxed deeply,
            particularly those with low blood pressure, can feel light-headed when they sit up: ask them to
            take their time, sit for a moment on the edge of the table and get up slowly.""",
            """Afterwards, give brief aftercare advice: drink some water if they are thirsty, expect that
            some areas may feel a little tender for a day or two after firmer work, and get in touch if
            anything feels wrong. Note what you did and how the client responded so the next session can
            build on it.""",
        ),
        callout(
            "safety",
            "Re-check before every session",
            """Health changes between visits. Ask returning clients whether anything has changed since
            last time, such as a new injury, an illness, a new medication or a pregnancy, before you start
            the sequence you planned.""",
        ),
        dialogue(
            "consent",
            "Agreeing the plan before you begin",
            [
                (
                    "T",
                    "Based on what you've told me, I'd suggest starting face down with your back and "
                    "shoulders, spending most of our time there, then your legs, and finishing face up "
                    "with your neck. Does that sound right?",
                ),
                ("C", "Yes. Could you skip my feet? They're ticklish."),
                (
                    "T",
                    "Of course, I'll leave them out. If anything doesn't feel right at any point, just tell "
                    "me and I'll change it or stop.",
                ),
                ("C", "Great, thanks."),
            ],
            point="""Describing the plan gives the client something concrete to agree to, invites changes,
            and reminds them that they can stop or change it at any time.""",
        ),
        dialogue(
            "aftercare",
            "Closing words",
            [
                ("T", "That's the end of our session. Take your time sitting up; some people feel a bit light-headed."),
                ("C", "I do feel a bit woozy."),
                (
                    "T",
                    "Sit on the edge of the table for a minute. There's water here if you'd like some. Your "
                    "shoulders may feel a little tender tomorrow after the firmer work; that should ease "
                    "within a day or two.",
                ),
            ],
            point="""A clear close keeps the client safe as they get up and sets honest expectations for the
            next day.""",
        ),
    ],
)

COURSE = CourseSpec(
    slug="swedish-technique-foundations",
    title="Swedish Technique Foundations",
    course_number="TS-101",
    delivery_method="live_on_site",
    ce_hours="6",
    level="introductory",
    categories=(("hands-on-technique", None),),
    instructors=(MAYA,),
    summary=(
        "The five Swedish stroke families (effleurage, petrissage, tapotement, friction and vibration) "
        "practised hands-on, and how to put them together into a safe, well-shaped session."
    ),
    description=html(
        """Swedish massage is the foundation most massage therapists build on, and its five stroke
        families are worth revisiting at every stage of a career. This hands-on workshop takes each family
        in turn: what it is for, how to perform its main variations with sound body mechanics, and when to
        adapt it or leave it out.""",
        """You will practise on classmates under supervision, moving from single strokes to a complete,
        well-sequenced full-body session. Throughout, the course ties technique to the client in front of
        you: reading the tissue, checking in about pressure and recognising the signs that mean a stroke,
        or the session, should stop.""",
        "<h3>How the day runs</h3>",
        bullets(
            "Six modules, one for each stroke family and one on sequencing a session.",
            "Demonstration, then supervised practice in pairs, with feedback on body mechanics.",
            "Six CE hours of live, in-person instruction; full attendance is required.",
        ),
    ),
    objectives=(
        "Perform superficial and deep effleurage, kneading, fulling, skin rolling and the main percussion strokes "
        "with safe body mechanics.",
        "Apply circular and transverse (cross-fibre) friction to a specific area, and fine and coarse vibration, "
        "with appropriate pressure.",
        "Choose strokes, pressure and tempo to suit a client's goal and the condition of the tissue.",
        "Sequence a full-body Swedish session that moves from general to specific and back.",
        "Recognise when a stroke should be adapted or left out, and when a session should stop.",
    ),
    prerequisites=(
        "Open to licensed massage therapists and to students who have completed an introductory anatomy "
        "course. Wear comfortable clothing; you will give and receive massage."
    ),
    artwork=ArtworkSpec(
        title="Swedish Technique Foundations: course artwork",
        filename="swedish-technique-foundations.png",
        sky=("#e3f1ef", "#f7ebe4"),
        waves=(
            ("#a9cfc9", 0.55, 0.05, 0.9, 0.3),
            ("#6fa8a1", 0.68, 0.04, 0.7, 1.9),
            ("#d4a083", 0.82, 0.03, 1.1, 4.0),
            ("#2f7a75", 0.92, 0.025, 0.8, 2.6),
        ),
        sun=("#fbe6c4", 0.75, 0.3, 0.2),
    ),
    modules=(EFFLEURAGE, PETRISSAGE, TAPOTEMENT, FRICTION, VIBRATION, SEQUENCING),
)
