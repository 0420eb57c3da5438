"""TS-201 Contraindications and Client Safety: home study, so its modules carry at least 12,000 words (1 CE)."""

from .spec import (
    ArtworkSpec,
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
    text,
)

DANIEL = InstructorSpec(
    name="Daniel Reyes",
    credentials="LMT",
    username="daniel",
    bio=(
        "Daniel works alongside physiotherapists and nurses in a hospital-based wellness clinic, where he "
        "screens every client before treatment. He teaches therapists to make safe decisions calmly and "
        "to explain them kindly."
    ),
)

ABSOLUTE_AND_RELATIVE = ModuleSpec(
    slug="absolute-and-relative-contraindications",
    title="Absolute and relative contraindications",
    intro=(
        "Some conditions mean no massage today; others mean massage with changes. This module explains the "
        "difference, how a condition can move between the two, and a simple way to decide what to do."
    ),
    body=[
        section("Why contraindications matter"),
        text(
            """Massage is one of the safest things a person can do for their body, and for the great majority
            of clients a session needs no special precautions at all. That safety is not automatic, though.
            Massage changes circulation, affects the nervous system, puts pressure on skin, muscle and the
            structures beneath them, and brings two people into close physical contact. For a small number
            of clients, at particular times, those effects can do harm.""",
            """A contraindication is any condition or circumstance that makes massage, or part of a massage,
            inadvisable. Recognising contraindications is one of the core professional responsibilities of a
            massage therapist, and it is a skill that sits alongside technique rather than behind it. The
            most skilful stroke is the wrong choice if it is applied over a blood clot, a fresh surgical
            incision or an infected patch of skin.""",
            """Recognising a contraindication is not the same as diagnosing a condition. Massage therapists
            do not diagnose, and you do not need to know what is wrong with a client to notice that
            something is not right. Your job is to gather information, recognise the patterns that call for
            caution, adapt or postpone the session, and point the client toward the right professional when
            something needs a medical opinion.""",
        ),
        callout(
            "key_point",
            "Three possible outcomes",
            """Every screening decision ends in one of three places: massage as planned, massage with
            changes, or no massage today. Contraindications are what move a session from the first outcome
            to the second or third.""",
        ),
        section("Absolute contraindications"),
        text(
            """An absolute contraindication means that massage should not be given. Where the condition
            affects the whole body, the session is postponed; where it affects one area, that area is not
            touched at all. There is no modified version of the technique that makes it safe, and the
            decision does not depend on how gentle you intend to be.""",
            """The conditions usually taught as absolute contraindications share a theme: massage could
            spread something, dislodge something, damage something fragile or put more strain on a system
            that is already struggling. The list that guides this course includes:""",
            bullets(
                "Fever or a contagious illness, which massage can worsen and which can pass to you and to "
                "other clients.",
                "Skin infections, rashes of unknown cause and open wounds, where touch can spread infection "
                "or let it in.",
                "Deep vein thrombosis or any other blood clot, which pressure and movement could dislodge.",
                "Recent surgery or a recent fracture, where healing tissue and bone are not ready to be handled.",
                "Severe or uncontrolled cardiovascular conditions, where the circulation may not cope with "
                "the changes massage brings.",
            ),
            """Absolute does not always mean permanent. A fever passes; an incision heals; a fracture knits.
            Many absolute contraindications are temporary, and the right response is to postpone rather
            than to refuse. What absolute does mean is that, today and for this area or this client, the
            answer is no.""",
        ),
        section("Relative contraindications"),
        text(
            """A relative contraindication means that massage may go ahead, but not in its usual form. The
            therapist changes something about the session to make it safe and appropriate, and sometimes
            waits for the client's physician or treatment team to agree before going ahead. Relative
            contraindications call for judgement, and they are where most of the thinking in this course
            happens.""",
            """The relative contraindications covered in later modules include pregnancy (especially the
            first trimester), cancer treatment, varicose veins, inflammatory conditions such as a flare of
            rheumatoid arthritis, and low blood pressure or a tendency to dizziness. Each of them is
            compatible with massage in the right form, and each of them can make the usual form of massage
            uncomfortable or risky.""",
        ),
        subheading("What can be modified"),
        text(
            """When a condition is a relative contraindication, look through the whole session for what can
            change. Most adaptations fall into a handful of categories:""",
            bullets(
                "<b>Pressure:</b> lighter work overall, or no deep pressure over a particular area.",
                "<b>Technique:</b> leaving out percussion, deep friction or vigorous petrissage, and relying "
                "on slow gliding and holding strokes.",
                "<b>Area:</b> avoiding one region and working elsewhere.",
                "<b>Position:</b> side-lying or semi-reclined instead of face down or flat on the back; "
                "extra bolsters for comfort.",
                "<b>Duration and pace:</b> a shorter session, a slower close, more time to get up.",
                "<b>Environment:</b> no hot stones or heat packs, a warmer or cooler room, a lubricant that "
                "suits sensitive skin.",
            ),
            """The goal of a modification is not to give a watered-down massage. It is to give the massage
            that fits this client today. A slow, light, well-supported session can be exactly what a tired
            person in the middle of medical treatment needs.""",
        ),
        callout(
            "tip",
            "Clearance is a modification too",
            """Asking the client's physician or treatment team whether massage is appropriate, and what
            they would like you to avoid, is one of the most useful tools you have. The clearance module
            explains how to request it and what to do with the answer.""",
        ),
        section("How a condition can change category"),
        text(
            """Conditions do not stay in one box forever. The same client can move between categories over
            weeks or even within a day, and your decision has to follow them.""",
            """Consider someone with rheumatoid arthritis. Between flares, gentle massage that respects
            their joints may be welcome and comfortable; this is a relative contraindication handled by
            adapting pressure and avoiding tender joints. During an acute flare, the inflamed joints should
            not be worked at all. If the flare comes with a fever and the client feels unwell all over, the
            whole session should be postponed.""",
            """Surgery follows a similar path in reverse. In the weeks after a major operation, until the
            surgical team clears massage, recent surgery is an absolute, general contraindication: the surgical
            area is healing and the client is at higher risk of blood clots. As healing progresses, and with
            the surgical team's agreement, massage away from the area becomes
            appropriate, and later gentle work near a well-healed scar may help with comfort and mobility.
            The label changes because the body changes.""",
            """This is why screening is not a one-time event. Ask returning clients what has changed since
            their last visit, every time, and make your decision on today's information.""",
        ),
        section("A simple way to decide"),
        text(
            """When a client tells you about a condition, or when you notice something during the intake,
            work through four questions in order:""",
            steps(
                "Is there a reason not to massage at all today? If yes, postpone, and refer if the client "
                "needs medical attention.",
                "Is there an area that must not be touched? If yes, mark it, and plan the session around it.",
                "What needs to change for the rest of the session to be safe: pressure, technique, position, duration?",
                "Do I need someone else's input before I go ahead: the client's physician, their treatment "
                "team, or a more experienced colleague?",
            ),
            """If you cannot answer a question with confidence, treat the answer as yes. Postponing a
            session while you find out more is never a professional failure; giving a massage that harms a
            client is.""",
        ),
        callout(
            "safety",
            "When in doubt, don't",
            """If you are unsure whether a condition is safe to massage, do not massage until you are sure.
            Explain that you want to find out more, offer to reschedule, and suggest the client ask their
            physician. Most clients respect a therapist who takes their safety seriously.""",
        ),
        section("Common misunderstandings"),
        text(
            """A few ideas come up again and again when therapists talk about contraindications. Each of them
            sounds reasonable, and each of them can lead to a poor decision.""",
            """<b>"If I use light pressure, it will be fine."</b> Lighter pressure is one of the most useful
            modifications for relative contraindications, but it does not make an absolute contraindication
            safe. A client with a fever still feels worse after a gentle session and can still pass on the
            illness; a clot can still be disturbed by light strokes and by the movement of getting on and
            off the table.""",
            """<b>"The client signed the form, so it is their choice."</b> A client's consent matters, but it
            does not change what is happening in their body. Clients are not expected to know which
            conditions make massage unsafe; that knowledge is part of what they rely on you for. A signed
            waiver does not turn an unsafe massage into a safe one.""",
            """<b>"Their doctor said massage is fine, so anything goes."</b> Clearance tells you that massage
            is appropriate, not that every technique is. Read what the clearance says, ask about limits if it
            does not say, and still adapt the session to what you see and hear on the day.""",
            """<b>"It is only relative, so I can ignore it."</b> Relative contraindications are the ones that
            need the most thought, because the decision is yours. Relative means that something must change,
            not that nothing needs to.""",
        ),
        section("Recording your decision"),
        text(
            """Whatever you decide, write it down. Your session notes should record the condition the client
            reported or you observed, the decision you made, what you modified, any clearance you received
            and any referral you suggested. Notes protect the client, because the next session starts from
            what you learned, and they protect you, because they show that you screened and reasoned
            carefully.""",
            """Good notes are short and factual. Record what the client said and what you saw, not what you
            think the condition might be: "client reports left calf has been sore and swollen for two days;
            session postponed, advised to see physician today" is clear and within scope.""",
        ),
        section("Worked examples"),
        text(
            """<b>A client with a heavy cold and a temperature.</b> Is there a reason not to massage today?
            Yes: a fever is an absolute contraindication affecting the whole body. The session is postponed,
            and no further questions are needed.""",
            """<b>A client with a bruise on the thigh from walking into a table.</b> No reason to cancel the
            session; the bruise marks an area not to press. Avoid it, work the rest of the leg lightly, and
            carry on. If the client bruises very easily or has bruises they cannot explain, ask about
            medication and suggest they mention it to their doctor.""",
            """<b>A client who is twelve weeks pregnant and has never had a massage.</b> No reason to cancel
            outright, but the whole session changes: position, pressure, areas and the training of the
            therapist. Pregnancy is a relative contraindication affecting the whole session, and the fourth
            question, whether someone else's input is needed, may lead you to a colleague trained in prenatal
            massage.""",
        ),
        dialogue(
            "consent",
            "Explaining a change to the plan",
            [
                (
                    "C",
                    "I'd really like a deep-tissue massage today. My back has been so stiff since I started "
                    "the new treatment.",
                ),
                (
                    "T",
                    "Thank you for telling me about the treatment. While you're going through it, I'd like "
                    "to keep the pressure lighter than deep-tissue work, and I'd like your doctor's go-ahead "
                    "before we do anything firmer.",
                ),
                ("C", "So I can't have a massage at all?"),
                (
                    "T",
                    "You can, and I think it could help you feel more comfortable. It will be slower and "
                    "gentler than you might expect, and we'll focus on your back and shoulders. If anything "
                    "doesn't feel right, tell me and I'll change it or stop.",
                ),
                ("C", "Okay. That actually sounds nice."),
            ],
            point="""The therapist explains what is changing and why, offers what can safely be done instead
            of only what cannot, and reminds the client they remain in control.""",
        ),
    ],
)

GENERAL_AND_LOCAL = ModuleSpec(
    slug="general-and-local-contraindications",
    title="General and local contraindications",
    intro=(
        "Whether a condition affects the whole body or one area is a separate question from how serious "
        "it is. This module explains general and local contraindications and how to work safely around a "
        "local one."
    ),
    body=[
        section("Two separate questions"),
        text(
            """The previous module sorted contraindications by how serious they are: absolute (no massage)
            or relative (massage with changes). A second, independent question asks how far the concern
            reaches. Does the condition affect the whole person, or only one part of the body?""",
            """A <b>general</b> contraindication, sometimes called systemic, affects the whole body or the
            whole session. A <b>local</b> contraindication, sometimes called regional, affects one area;
            the rest of the body can be massaged, with that area avoided or treated differently.""",
            """The two questions combine. A condition can be absolute and general, absolute and local,
            relative and general, or relative and local, and each combination leads to a different kind of
            session. Thinking about both axes separately stops two common mistakes: cancelling a whole
            session because of one small area that could simply be avoided, and massaging the whole body
            normally when a condition in one place actually puts the whole person at risk.""",
        ),
        section("General contraindications"),
        text(
            """A condition is general when its effects, or its risks, involve the whole body. Infections
            with fever are general because the whole person is unwell and the whole session would tax a body
            that needs to rest. Severe or uncontrolled cardiovascular conditions are general because the
            circulation as a whole responds to massage. Low blood pressure is general because every part of
            the session, and especially getting up from the table, is affected.""",
            """Some general contraindications do not look general at first. A deep vein thrombosis usually
            sits in one leg, so it can seem like a local problem. The danger, though, is that a piece of clot
            breaks off and travels to the lungs, which is a risk to the whole person. For that reason DVT is
            treated as an absolute, general contraindication: the session is postponed and the client is
            referred, rather than the affected leg simply being avoided.""",
            """Pregnancy and cancer treatment are general in a different way. Neither rules massage out,
            but both change the whole session: positioning, pressure, areas to avoid and the questions you
            ask before starting.""",
        ),
        section("Local contraindications"),
        text(
            """A condition is local when the concern is confined to one area and massaging elsewhere does
            not affect it. An open wound, a small rash, a recent bruise, a varicose vein, a joint that is
            inflamed, the site of a recent fracture or incision: each of these marks an area to avoid or to
            treat gently, while the rest of the body can usually receive a normal session.""",
            """Local does not mean minor. An open wound is an absolute contraindication for its area: no
            pressure, no lubricant, no stroke passing over it. But because it is local, the rest of the
            session can go ahead, and a client who came in with stiff shoulders and a healing graze on one
            knee need not be sent home.""",
        ),
        section("The four combinations"),
        text(
            bullets(
                "<b>Absolute and general:</b> no massage today. Postpone, and refer if needed. Examples: "
                "fever or contagious illness; a suspected blood clot; severe or uncontrolled heart disease.",
                "<b>Absolute and local:</b> do not touch the area; the rest of the session can go ahead. "
                "Examples: an open wound; a recent fracture or incision site; a localised skin infection.",
                "<b>Relative and general:</b> the whole session is adapted, sometimes after clearance. "
                "Examples: pregnancy; cancer treatment; low blood pressure or dizziness.",
                "<b>Relative and local:</b> one area is adapted or avoided while the rest is normal. "
                "Examples: varicose veins; a joint in an inflammatory flare; a mild, healing strain.",
            ),
            """Learning to place a condition in this grid quickly makes screening calmer. Instead of asking
            a vague question, "is this okay?", you ask two precise ones, "how serious?" and "how far does
            it reach?", and the grid tells you what kind of session to plan.""",
        ),
        callout(
            "key_point",
            "Severity and reach are independent",
            """Absolute does not mean general, and local does not mean minor. Place every condition on both
            axes before you decide what to do.""",
        ),
        section("Everyday local contraindications"),
        text(
            """Many local contraindications are ordinary and easy to miss because they are so familiar. Keep a
            mental checklist and scan for them as you work:""",
            bullets(
                "Bruises, cuts, grazes, blisters and burns, including sunburn.",
                "A recent injection or vaccination site, which may be sore for a day or two.",
                "A new tattoo or piercing, which is healing skin and should be treated like a wound.",
                "Insect bites, warts and other small skin lesions.",
                "Areas of numbness, where the client cannot tell you if pressure is too much.",
                "A hernia, where pressure over the area should be avoided.",
                "Lumps or swellings that have not been explained by a physician.",
            ),
            """None of these needs a long conversation or a cancelled session. Each needs you to notice it,
            mention it, and plan the strokes around it. Areas of reduced sensation deserve particular care:
            the client's feedback is your main safeguard against too much pressure, and where it is missing
            you should stay light.""",
        ),
        section("When a local condition becomes general"),
        text(
            """Local conditions deserve a second look for signs that they are spreading beyond their area.
            A small cut is local. The same cut with redness spreading outward, warmth, swelling, pus, red
            streaks travelling up the limb, or a client who feels feverish and unwell, suggests an infection
            that may be affecting the whole body. At that point the contraindication is general, the session
            should be postponed and the client should seek medical care promptly.""",
            """The same reasoning applies to swelling. Swelling around a recently sprained ankle is local.
            Swelling in both legs, or swelling with breathlessness, may point to a problem with the heart,
            kidneys or circulation, and is a reason to stop and refer rather than to massage around it.""",
        ),
        section("Working around a local contraindication"),
        text(
            """When you decide to go ahead with an area avoided, plan how you will work around it rather than
            improvising on the table:""",
            bullets(
                "Leave a generous margin around the area. Strokes should not end at its edge, and long "
                "gliding strokes should not pass over it.",
                "Think about where your strokes push tissue. Effleurage toward the heart above a wound is "
                "fine; strokes that drag skin across or toward the wound are not.",
                "Use the drape as a reminder: cover the area so that neither of you forgets it is off-limits.",
                "Adapt position so that the area is not pressed into the table or a bolster.",
                "Keep hygiene strict: a covered wound stays covered, and hands are washed after any "
                "accidental contact.",
            ),
            """Tell the client what you are doing. Clients notice when an area is skipped, and a short
            explanation prevents them wondering whether you have forgotten or whether something is
            wrong.""",
        ),
        callout(
            "tip",
            "Mark it on the body chart",
            """Many intake forms include an outline of the body. Shade areas to avoid and note why, so that
            you, and any colleague who sees the client, can see the plan at a glance.""",
        ),
        callout(
            "safety",
            "Do not massage around a suspected clot",
            """A suspected deep vein thrombosis is not a local contraindication to be worked around. Do not
            massage the rest of the body either. Postpone the session and refer the client to a physician
            without delay.""",
        ),
        section("When a local condition shapes the whole session"),
        text(
            """Although a local contraindication only rules out one area, it can still change how the rest of
            the session is arranged. A client with a healing incision on the abdomen may not be able to lie
            face down, so the back is worked with the client side-lying. A client with a wrist in a splint
            may need the arm supported on a pillow, and may need help turning over. A client with a painful,
            inflamed knee may need a bolster placed so that the knee is neither pressed into the table nor
            left hanging.""",
            """Local conditions on the face, hands and feet also deserve thought, because these areas are
            often included in a full-body session and touched last. Decide at the start of the session which
            areas you will leave out, so that you do not reach for them out of habit at the end when the
            client is drowsy and less likely to remind you.""",
            """Finally, remember the order in which you touch things. If you do need to work close to a
            local condition, such as a patch of dry eczema that is not broken, do so after the rest of that
            region and wash your hands before moving on, so that you do not carry anything from one area to
            another.""",
        ),
        section("Putting it together"),
        text(
            """Consider three clients arriving on the same afternoon. The first has a paper cut on one finger
            and a sore lower back: a minor, local, absolute contraindication. Cover the cut, avoid the hand,
            and give the back the attention it needs. The second has varicose veins in both calves and tight
            hamstrings: a relative, local contraindication. Work the hamstrings, keep pressure light around
            the backs of the knees and calves, and avoid direct pressure on the veins. The third has had a
            temperature since yesterday and wants a massage to help the aching: an absolute, general
            contraindication. Reschedule, kindly, and suggest rest.""",
            """The principle is the same every time: decide how serious the condition is, decide how far it
            reaches, and let those two answers shape the session.""",
        ),
        dialogue(
            "consent",
            "Working around a healing wound",
            [
                ("T", "I noticed a dressing on your forearm. Can you tell me a little about it?"),
                ("C", "I cut it on a shelf a few days ago. It's healing fine."),
                (
                    "T",
                    "Good to hear. I'll leave that arm out today and keep the dressing covered, so there's "
                    "no pressure or oil anywhere near it. Everything else we planned can go ahead as usual. "
                    "Is that all right with you?",
                ),
                ("C", "Yes, that's fine. I'd forgotten it was even there."),
            ],
            point="""The therapist asks rather than assumes, explains exactly what will be avoided and why,
            and confirms that the rest of the session is unaffected.""",
        ),
    ],
)

FEVER_INFECTION_SKIN = ModuleSpec(
    slug="fever-infection-and-skin-conditions",
    title="Fever, infection and skin conditions",
    intro=(
        "Illness and infection are among the most common reasons to postpone a session. Learn how to "
        "recognise them, how to classify skin conditions, and how everyday hygiene protects you and your "
        "clients."
    ),
    body=[
        section("Why illness changes the session"),
        text(
            """A person with a fever is a person whose body is busy fighting something. Massage asks the body
            to respond: circulation changes, the nervous system shifts, tissue is handled. A client who is
            already unwell can feel noticeably worse afterwards, and a massage offers nothing that rest,
            fluids and, where needed, medical care do not do better.""",
            """There is also the question of everyone else. Massage involves prolonged close contact, shared
            surfaces and shared linens. A client with a contagious illness can pass it to the therapist, and
            through the therapist or the room to the next clients, some of whom may be older, pregnant, in
            the middle of cancer treatment or otherwise vulnerable.""",
        ),
        contraindication(
            "Fever or contagious illness",
            severity="absolute",
            scope="general",
            actions=["postpone"],
            rationale="""A body fighting an infection needs rest; massage can make the client feel worse and
            may spread the illness to the therapist and to other clients through contact, linens and shared
            surfaces. Reschedule once the client has been well for a day or two, and suggest they contact
            their doctor if they are very unwell or not improving.""",
        ),
        subheading("Recognising illness before the session"),
        text(
            """Most illness is caught before the client reaches the table, provided you ask. Build the
            question into your booking reminders and your arrival routine: have you had a temperature, a
            cough, a sore throat, vomiting or diarrhoea, or felt generally unwell in the last day or two?""",
            """Look as well as ask. Flushed or unusually pale skin, shivering, a persistent cough, or a client
            who seems exhausted and achy all over are reasons to pause and check. A client who says they
            have "just a bit of a cold" may be right, but if they also feel feverish, the answer is still to
            postpone.""",
        ),
        callout(
            "tip",
            "Make cancelling easy",
            """Clients who are charged in full for cancelling on the day are tempted to come in unwell. A
            cancellation policy that waives the fee for illness, and says so clearly, protects your other
            clients and you.""",
        ),
        section("Skin conditions"),
        text(
            """Skin is where massage begins, and skin conditions are some of the contraindications you will
            meet most often. The questions to ask are the same as for any condition: how serious, and how far
            does it reach? For skin, seriousness usually comes down to whether the condition is infectious
            or the skin is broken, and reach comes down to whether it is in one place or spreading.""",
            """Infectious skin conditions include bacterial infections such as impetigo or an infected cut,
            fungal infections such as ringworm or athlete's foot, viral conditions such as cold sores,
            warts and shingles, and infestations such as scabies or lice. You do not need to tell them
            apart. What matters is recognising skin that looks infected or irritated, and not touching it.""",
        ),
        contraindication(
            "Contagious or spreading skin infection",
            severity="absolute",
            scope="general",
            actions=["postpone", "refer"],
            rationale="""Infections spread by direct contact and through linens, and massage over or near them
            can carry the infection to new areas of the client's skin, to the therapist and to other
            clients. Spreading redness, warmth, swelling or fever suggest an infection that needs medical
            attention. Postpone the session and suggest the client sees their doctor.""",
        ),
        contraindication(
            "Open wounds, rashes and broken skin",
            severity="absolute",
            scope="local",
            actions=["avoid_area"],
            rationale="""Broken skin is an open door for infection in both directions, and lubricant and
            friction irritate it. A rash of unknown cause may be infectious, allergic or a sign of something
            else; touching it can spread or worsen it. Cover the area, avoid it with a generous margin and
            work elsewhere.""",
        ),
        subheading("Local or general?"),
        text(
            """A single small area, such as a healing cut, a patch of athlete's foot or a cold sore, can
            usually be treated as a local contraindication: cover it if possible, avoid the area, and carry
            on with the rest of the session. Anything widespread, weeping, spreading, or accompanied by a
            fever or a client who feels unwell should be treated as general: postpone the session.""",
            """Be particularly careful with the face, hands and feet, which are often included in a session
            and which are common sites for cold sores, warts and fungal infections. A client with a cold sore
            can still enjoy a back massage, but their face should not be massaged and the face cradle cover
            must be changed and cleaned afterwards.""",
        ),
        subheading("Non-infectious skin conditions"),
        text(
            """Conditions such as eczema and psoriasis are not contagious, and many people with them
            appreciate massage. Ask the client how their skin is today and what makes it better or worse.
            Avoid areas that are cracked, bleeding or inflamed, choose a lubricant that does not irritate
            (the client often knows which products suit them), and keep friction low. Dry, intact skin can
            usually be massaged normally.""",
            """Sunburn is a temporary local contraindication: burned skin is inflamed and painful, and even
            light touch can hurt. Avoid it and, if the burn is extensive or blistered, postpone the
            session.""",
        ),
        section("Returning after an illness"),
        text(
            """Postponing a session raises the next question: when is it safe to rebook? A practical rule is
            to wait until the client has been free of fever for at least a day without taking medicine to
            bring their temperature down, and until they feel well in themselves. After a stomach bug, wait
            until a couple of days after the symptoms have stopped. For a skin infection, wait until it has
            fully healed, or until the client's doctor has confirmed that it is no longer contagious.""",
            """The first session back may need to be gentler than usual. People often feel tired for some
            time after an illness, and a long, firm session can leave them feeling drained. Ask how they are
            feeling, keep the session shorter or lighter if they are still recovering, and remind them to
            take things easy afterwards.""",
        ),
        section("Noticing skin changes"),
        text(
            """Massage therapists see areas of skin that clients cannot easily see themselves, particularly
            the back, the backs of the legs and the scalp. From time to time you will notice a mole that
            looks different from the others, a sore that does not seem to heal, or a patch of skin that has
            changed since the last visit.""",
            """Noticing is within your scope; diagnosing is not. Avoid working directly over the area, and
            mention it to the client calmly and without alarm, suggesting they ask their doctor to take a
            look. Record in your notes what you saw and what you said. You may never know the outcome, but
            you have given the client useful information.""",
        ),
        section("Hygiene and infection control"),
        text(
            """Good hygiene is the background of every session, not an extra for unwell clients. People can
            be contagious before they feel ill, and many skin infections are easy to miss. A consistent
            routine protects everyone without the therapist needing to guess who is infectious:""",
            bullets(
                "Wash your hands thoroughly before and after every client, and after touching your face, "
                "phone or anything else in the room.",
                "Use fresh linens for every client, including the face cradle cover, and launder them hot.",
                "Dispense lubricant with a pump or a clean scoop, never by dipping hands that have touched a "
                "client back into a shared container.",
                "Clean the table, face cradle, bolsters and door handles between clients.",
                "Cover any cuts on your own hands, and wear gloves if you have broken skin that cannot be "
                "covered or if there is any chance of contact with body fluids.",
                "Keep nails short and clean, and remove rings and watches before working.",
            ),
        ),
        callout(
            "safety",
            "Your own illness counts too",
            """If you have a fever, a contagious illness or an infected cut on your hands, do not work.
            Rescheduling clients is inconvenient; passing an illness to someone in the middle of medical
            treatment is far worse.""",
        ),
        section("Worked examples"),
        text(
            """<b>A regular client mentions a cold sore on her lip.</b> A cold sore is contagious but local.
            Leave the face out of the session, use a fresh face cradle cover and clean the cradle afterwards,
            and wash your hands carefully. The back, legs and arms can be massaged as usual.""",
            """<b>A client's shin has a red, warm, swollen patch that has grown since yesterday, and he feels
            shivery.</b> Spreading redness with warmth and feeling unwell suggests an infection that may be
            spreading. This is no longer a local matter: postpone the session and advise him to see a
            doctor today.""",
            """<b>A client with long-standing psoriasis on her elbows and knees.</b> Psoriasis is not
            contagious. Ask how her skin is today, avoid any patches that are cracked or bleeding, use a
            lubricant she tolerates, and massage normally elsewhere.""",
        ),
        dialogue(
            "intake",
            "A client arrives unwell",
            [
                (
                    "T",
                    "Before we start, I always ask: have you had a temperature, or felt unwell, in the last "
                    "couple of days?",
                ),
                (
                    "C",
                    "I've been a bit shivery since last night, to be honest. I thought a massage might help "
                    "with the aches.",
                ),
                (
                    "T",
                    "I'm sorry you're feeling rough. When someone has a temperature, massage tends to make "
                    "them feel worse rather than better, and I'd also like to keep it from spreading to you "
                    "or my other clients. Let's move your appointment to next week, with no cancellation "
                    "charge.",
                ),
                ("C", "Oh, that's kind. I suppose I should just go home and rest."),
                (
                    "T",
                    "I think that's the best thing. If you're not feeling better in a few days, do check in with "
                    "your doctor.",
                ),
            ],
            point="""The therapist asks routinely, explains the decision in terms of the client's own
            well-being and other people's safety, and removes the financial pressure to come in ill.""",
        ),
        dialogue(
            "referral",
            "Mentioning a skin change",
            [
                (
                    "T",
                    "While I was working on your back I noticed a mole near your right shoulder blade that "
                    "looks a little different from the others. Has anyone mentioned it before?",
                ),
                ("C", "No, I can't really see my back. Is it something bad?"),
                (
                    "T",
                    "I can't tell you what it is; that's not something massage therapists can judge. It "
                    "would be worth asking your doctor to have a look, just to be sure. I didn't work "
                    "directly over it today.",
                ),
                ("C", "Okay. I'll book an appointment. Thanks for telling me."),
            ],
            point="""The therapist reports what they saw without guessing at a diagnosis, recommends a
            specific next step, and explains how they adapted the session.""",
        ),
    ],
)

CIRCULATORY = ModuleSpec(
    slug="circulatory-and-cardiovascular-conditions",
    title="Circulatory and cardiovascular conditions",
    intro=(
        "Massage works with the circulation, which is why conditions of the heart, blood vessels and "
        "blood pressure need particular care. This module covers blood clots, serious heart conditions, "
        "varicose veins and low blood pressure."
    ),
    body=[
        section("Massage and the circulation"),
        text(
            """Many of the effects clients value in massage involve the circulation. Gliding strokes toward
            the heart support the return of blood and lymph from the limbs; warmth and relaxation widen
            small vessels near the surface; the shift toward rest often brings a slower heart rate and lower
            blood pressure. For a healthy circulation, these changes are gentle and welcome.""",
            """For a circulation that is already under strain, the same changes matter more. A blood clot
            can be dislodged by pressure and movement. A weakened heart may struggle with shifts in fluid
            and pressure. Fragile, distended veins can be damaged. A client whose blood pressure is already
            low may faint when they stand up. None of these concerns means that people with circulatory
            conditions cannot enjoy massage; several of them mean that they need a different massage, and
            one of them means no massage until a physician has been involved.""",
        ),
        section("Deep vein thrombosis and blood clots"),
        text(
            """A deep vein thrombosis (DVT) is a blood clot in one of the deep veins, most often in the calf
            or thigh. The clot itself causes pain and swelling, but the greater danger is that part of it
            breaks away and travels through the heart to the lungs, where it can block blood flow. That
            event, a pulmonary embolism, is a medical emergency and can be fatal.""",
            """Massage involves exactly the kind of pressure and movement that could disturb a clot.
            Because the risk is to the whole person and not only to the affected leg, a known or suspected
            DVT is an absolute, general contraindication.""",
        ),
        contraindication(
            "Deep vein thrombosis (DVT) and blood clots",
            severity="absolute",
            scope="general",
            actions=["postpone", "refer"],
            rationale="""Pressure and movement could dislodge part of the clot, which may travel to the lungs
            and cause a life-threatening pulmonary embolism. Do not massage anywhere: postpone the session
            and refer the client to a physician urgently. If they have sudden breathlessness or chest pain,
            call emergency services.""",
        ),
        subheading("Recognising a possible clot"),
        text(
            """A DVT usually affects one leg. Signs to take seriously include pain or tenderness in the calf
            or thigh, often described as a cramp or ache that does not ease; swelling of one leg or ankle;
            skin that feels warmer than the other side; and redness or a change in colour. Sometimes there
            are no obvious signs at all, which is why risk factors matter.""",
            """Ask about circumstances that make clots more likely: recent surgery, particularly on the hips,
            knees or abdomen; a long period of immobility, such as bed rest, a leg in a cast or a long
            journey; pregnancy and the weeks after giving birth; some hormonal medications; cancer and its
            treatment; and a previous clot. A client with risk factors and one-sided leg pain needs a
            physician, not a massage.""",
            """Clients who have had a DVT in the past and have finished treatment may be able to receive
            massage. Ask whether their doctor has confirmed that the clot has resolved, find out whether they
            are still taking blood-thinning medication, and seek clearance if you are unsure.""",
        ),
        callout(
            "safety",
            "Emergency signs",
            """Call emergency services at once if a client has sudden shortness of breath, chest pain or
            pressure, coughs up blood, or shows signs of a stroke such as facial drooping, weakness on one
            side or slurred speech. Do not wait until the end of the session, and do not let them drive
            themselves.""",
        ),
        section("Severe or uncontrolled cardiovascular conditions"),
        text(
            """Many clients live with well-managed heart conditions, take medication for high blood
            pressure, or have recovered from cardiac events, and many of them can be massaged safely with
            their physician's agreement. The contraindication applies when the condition is severe, recent,
            unstable or uncontrolled: blood pressure that is very high and not yet under control, heart
            failure with swelling and breathlessness, a recent heart attack or stroke, chest pain that
            comes on with little effort, or an irregular heartbeat that has not been assessed.""",
        ),
        contraindication(
            "Severe or uncontrolled cardiovascular conditions",
            severity="absolute",
            scope="general",
            actions=["postpone", "clearance", "refer"],
            rationale="""Massage changes heart rate, blood pressure and the movement of fluid through the
            body. A heart or circulation that is already struggling may not cope with those changes. Do not
            massage until the client's physician has confirmed that the condition is controlled and that
            massage is appropriate, and refer anyone with new or worsening symptoms.""",
        ),
        text(
            """Once a condition is controlled and the client's physician has agreed, it usually becomes a
            relative contraindication. Common adaptations include a shorter session, moderate pressure,
            avoiding long periods lying flat for clients who become breathless, avoiding heat treatments,
            and a slow close with time to sit up.""",
            """Medications matter as much as diagnoses. Blood-thinning medications (anticoagulants such as
            warfarin and the newer direct anticoagulants, and antiplatelet drugs) increase the risk of bruising
            and of bleeding under the skin. For a client who takes them, use light pressure only: no deep or
            sustained compression, no deep friction and no percussion. Medications for blood pressure
            can make clients light-headed when they stand up after a session. You do not need to know every
            drug by name, but you should ask what each medication is for and think about what that means
            for the session.""",
        ),
        section("Varicose veins"),
        text(
            """Varicose veins are veins, usually in the legs, that have become enlarged, twisted and visible
            under the skin because the valves inside them no longer close properly. They are common,
            especially with age, pregnancy and jobs that involve a lot of standing. Their walls are weaker
            than healthy veins, and the tissue around them may be tender.""",
        ),
        contraindication(
            "Varicose veins",
            severity="relative",
            scope="local",
            actions=["avoid_area", "modify"],
            rationale="""The enlarged veins have thin, weakened walls; deep or direct pressure can damage them
            and is often uncomfortable. Avoid direct pressure on the veins, use only light gliding strokes
            toward the heart around them, and leave out percussion and deep kneading on the affected area.
            If a vein is hard, hot, red or painful, suspect a clot: stop and refer.""",
        ),
        text(
            """Small, fine spider veins near the surface are usually of little concern and can be glided
            over lightly. Large, bulging or tender veins are the ones to avoid. Working on the thigh above
            affected areas, with light strokes toward the heart, is generally appropriate and comfortable
            for clients whose legs feel heavy.""",
        ),
        section("Swelling in the legs and feet"),
        text(
            """Swelling in the lower legs is common and often harmless: long days on the feet, hot weather and
            long journeys can all leave ankles puffy by evening. It can also be a sign of a problem with the
            heart, kidneys, liver or veins, or a side effect of medication. The pattern of the swelling
            helps you decide what to do.""",
            bullets(
                "Swelling in one leg, especially with pain, warmth or redness, may be a clot: do not massage, "
                "and refer urgently.",
                "Swelling in both legs that is new, getting worse, or comes with breathlessness or tiredness "
                "needs medical assessment before massage.",
                "Long-standing swelling that the client's physician knows about and has explained can usually "
                "be approached with light strokes toward the heart, with clearance if you are unsure.",
            ),
            """Swelling after lymph nodes have been removed, known as lymphoedema, is a specialist area and is
            covered with cancer treatment later in this course. Do not apply deep pressure to a limb with
            lymphoedema or at risk of it.""",
        ),
        subheading("High blood pressure that is controlled"),
        text(
            """High blood pressure that is well managed with medication and lifestyle is not a reason to
            avoid massage, and many clients with it find massage relaxing. Ask whether it is controlled,
            what medication they take, and whether they ever feel dizzy. Avoid heat treatments that could
            raise the heart rate, keep the pace calm, and bring the client up slowly at the end, since some
            blood pressure medications make standing up quickly uncomfortable.""",
        ),
        section("Low blood pressure and dizziness"),
        text(
            """Massage tends to be calming, and a calm body often has a lower blood pressure than a busy one.
            For most clients this is part of the pleasure of a session. For clients whose blood pressure is
            already low, who take medication that lowers it, who are dehydrated or who tend to feel dizzy
            when they stand, the end of the session is the risky moment: sitting up and standing quickly can
            leave them light-headed or cause them to faint.""",
        ),
        contraindication(
            "Low blood pressure or dizziness",
            severity="relative",
            scope="general",
            actions=["modify"],
            rationale="""Massage can lower blood pressure further, and the change from lying down to standing
            can make a client faint or fall. Finish with a few brisker closing strokes, then make the move
            to standing slow: ask the client to sit on the edge of the table before standing, offer water, and
            stay close by as they get up. Unexplained or frequent dizziness is a reason to refer.""",
        ),
        text(
            """Small changes make a big difference. End the session with a few brisker strokes rather than a
            long, still hold; raise the head of the table or help the client to side-lying before they sit;
            ask them to sit for a minute and breathe; keep your hand ready to steady them; and make sure the
            floor is clear and dry. Ask them to take a moment before driving.""",
        ),
        section("Worked examples"),
        text(
            """<b>A client takes a blood thinner after a heart valve replacement.</b> Ask when the surgery was
            and whether their cardiologist is happy for them to receive massage. With clearance, keep the
            pressure light, with no deep or sustained compression, leave out deep friction and percussion, and
            watch for bruising.""",
            """<b>A client has visible, bulging veins on the back of both calves.</b> Varicose veins are a
            relative, local contraindication. Work the thighs and feet, glide very lightly toward the heart
            around the calves, and keep all direct pressure off the veins.""",
            """<b>A client stands up at the end of the session, goes pale and says the room is
            spinning.</b> Help them sit or lie down straight away, stay with them, and offer water once they
            feel steadier. Next time, close the session more briskly and bring them up in stages. If
            dizziness is frequent or unexplained, suggest they mention it to their doctor.""",
        ),
        dialogue(
            "referral",
            "Concern about a swollen calf",
            [
                (
                    "C",
                    "Could you work on my left calf? It's been really sore since I got back from my trip, "
                    "and it's a bit swollen.",
                ),
                ("T", "How long was the trip, and when did the soreness start?"),
                ("C", "It was a long flight. It started a couple of days after I got home."),
                (
                    "T",
                    "Thank you. Pain and swelling in one calf after a long journey can sometimes be a sign "
                    "of a blood clot. I can't tell whether that's what this is, but I'm not going to massage "
                    "today, and I'd like you to see a doctor today rather than waiting.",
                ),
                ("C", "Really? I thought it was just a cramp."),
                (
                    "T",
                    "It may well be. A doctor can check quickly, and if it's nothing serious we'll book you "
                    "in again. If you become short of breath or get chest pain, call an ambulance straight "
                    "away.",
                ),
            ],
            point="""The therapist asks about risk factors, explains the concern without diagnosing, is clear
            about urgency, and gives the client the emergency signs to watch for.""",
        ),
        dialogue(
            "aftercare",
            "Getting up slowly",
            [
                ("T", "We're finished. Before you sit up, roll onto your side for a moment."),
                ("C", "I feel like I could fall asleep."),
                (
                    "T",
                    "That's fine. When you're ready, push yourself up to sitting and stay on the edge of the "
                    "table for a minute. You mentioned you sometimes feel dizzy when you stand, so I'll wait "
                    "here until you're steady.",
                ),
                ("C", "Thanks. Yes, a little light-headed."),
                ("T", "Take a few slow breaths and have some water. There's no rush at all."),
            ],
            point="""A slow, supported transition from lying to standing is the main modification for a client
            prone to low blood pressure.""",
        ),
    ],
)

SURGERY_FRACTURES_INJURY = ModuleSpec(
    slug="surgery-fractures-and-injury",
    title="Surgery, fractures and injury",
    intro=(
        "Healing tissue needs time and protection. This module covers recent surgery, fractures and acute "
        "soft-tissue injuries: when to stay away, when massage can help, and how to work near healing "
        "areas safely."
    ),
    body=[
        section("How tissue heals"),
        text(
            """Understanding the broad stages of healing makes the rules in this module easier to remember.
            After an injury or an operation, the body first responds with inflammation: the area becomes
            red, warm, swollen and painful while the immune system clears damaged tissue. This phase lasts
            days. Next comes repair, when new tissue is laid down to close the wound or bridge the damaged
            fibres; this new tissue is fragile and disorganised, and the phase lasts weeks. Finally comes
            remodelling, when the new tissue is gradually strengthened and reorganised along the lines of
            stress it experiences, which can continue for months.""",
            """The timings vary with the size of the injury, the person's age and health, and the care they
            receive, so treat them as a guide, not a rule. What matters for massage is the principle: early on,
            the area is inflamed and fragile and should be protected; later, with the right professional's
            agreement, gentle work can support comfort and mobility.""",
        ),
        callout(
            "key_point",
            "The signs of inflammation",
            """Redness, heat, swelling, pain and reduced function are the classic signs that tissue is
            inflamed. Where you find them, avoid direct massage and never add heat.""",
        ),
        section("Recent surgery"),
        text(
            """After surgery, the incision and the tissue beneath it are healing, sometimes through several
            layers. Pressure, stretching and lubricant can disrupt that healing or introduce infection. The
            surgical area is therefore an absolute contraindication until it has healed and the surgical team
            has agreed that it can be touched.""",
            """Surgery also has effects beyond the incision. Anaesthesia, reduced mobility and the operation
            itself raise the risk of blood clots, particularly after operations on the hips, knees, pelvis
            and abdomen. Clients may be taking pain medication that dulls their feedback, or blood-thinning
            medication to prevent clots. For these reasons, any massage in the weeks after major surgery
            should wait for clearance from the client's surgeon or physician.""",
        ),
        contraindication(
            "Recent surgery",
            severity="absolute",
            scope="general",
            actions=["avoid_area", "clearance"],
            rationale="""While surgery is recent and the surgical team has not cleared massage, it is a
            general contraindication: no massage at all. Healing tissue is fragile and an incision is a route
            for infection, and the operation raises the risk of blood clots for weeks afterwards. Once the team
            has cleared massage, the surgical site itself stays off limits until it has fully healed.""",
        ),
        text(
            """Once the surgical team has agreed, massage away from the surgical area can ease the muscle
            tension and stiffness that come from altered posture, crutches and time in bed. Later, gentle
            work near a well-healed scar may help the skin move more freely, but only when the scar is fully
            closed, there is no sign of infection, and the client's care team is happy for it to be
            touched.""",
        ),
        subheading("Implants and joint replacements"),
        text(
            """Clients with joint replacements, plates, screws, pacemakers or other implants can usually be
            massaged once they have recovered from the operation. Avoid deep pressure directly over implanted
            devices and hardware, and ask about movement restrictions: after some hip replacements, for
            example, certain positions are to be avoided for a period. Follow the guidance the client has
            been given by their surgical team, and ask them to bring it if they are unsure.""",
        ),
        section("Fractures"),
        text(
            """A fracture is a broken bone, from a hairline crack to a complete break. Until the bone has
            knitted, pressure or movement at the fracture site can cause pain, disturb the healing bone or
            displace the fragments. A recent fracture, or any suspected fracture, is an absolute
            contraindication for the area.""",
        ),
        contraindication(
            "Recent or unhealed fracture",
            severity="absolute",
            scope="local",
            actions=["avoid_area", "clearance"],
            rationale="""Until the bone has healed, pressure or movement at the site can cause pain, disturb
            the repair or displace the fragments. Leave the area and any cast or splint alone, avoid moving
            the nearby joints, and obtain clearance before working near the site once healing is under
            way.""",
        ),
        text(
            """The rest of the body often benefits from massage while a fracture heals. A client with an arm
            in a cast may have a stiff neck and shoulder on the other side from doing everything one-handed;
            a client on crutches may have tired arms and a sore back. Position them comfortably with the
            injured limb supported, and work the areas that are carrying extra load.""",
            """A client who has had a recent fall and has new, localised bone pain, a deformity or an
            inability to bear weight should be referred for assessment before any massage. Older clients
            and those with osteoporosis can break bones with less force than you might expect; be gentle
            with pressure over bony areas for anyone with fragile bones.""",
        ),
        section("Acute soft-tissue injuries"),
        text(
            """Sprains (injuries to ligaments), strains (injuries to muscles and tendons) and bruises are the
            injuries you will meet most often, especially among active clients. In the first few days they
            are in the inflammatory phase: swollen, warm, tender and easily aggravated. Direct deep pressure,
            friction or stretching at this stage makes them worse.""",
        ),
        contraindication(
            "Acute sprain, strain or bruise",
            severity="relative",
            scope="local",
            actions=["avoid_area", "modify"],
            rationale="""In the first days an injured area is inflamed and the damaged fibres are fragile;
            deep pressure, friction or stretch there increases pain and swelling. Avoid direct work on the
            injury, keep pressure light nearby, and work the surrounding and compensating areas instead.
            Refer injuries that are severe or not improving.""",
        ),
        text(
            """What you can do is still useful. Light, gliding strokes above the injury and toward the heart
            can be comfortable; the muscles that are compensating for the injured area often appreciate
            attention; and a relaxing session can help a frustrated, sore client feel better overall. As the
            injury settles over the following weeks, and provided it is healing normally, more direct work
            can be introduced gradually, guided by the client's comfort.""",
        ),
        subheading("Head and neck injuries"),
        text(
            """A blow to the head, a fall or a car accident needs particular care. A client who has a headache,
            dizziness, nausea, confusion, blurred vision or unusual tiredness after a head injury may have a
            concussion and should be assessed by a physician before any massage. After a whiplash injury,
            leave the neck alone until the client has been assessed and the acute pain has settled; work on
            the upper back and shoulders can often continue gently.""",
        ),
        subheading("Scars and old injuries"),
        text(
            """Once an injury or incision has fully healed, the scar and the tissue around it are no longer a
            contraindication, and many clients appreciate work that helps the area feel less tight. Start
            gently around the scar rather than on it, check that the skin is fully closed and shows no signs
            of infection, and watch for tenderness or changes in sensation, which are common around scars.
            Recent scars remain pink and fragile for some time; pale, flat scars are more mature.""",
            """Old injuries can also explain present patterns. A client who sprained an ankle years ago may
            still stand with more weight on the other leg; a client with an old shoulder injury may guard
            the whole arm. Asking about past injuries during screening helps you understand what you find
            on the table.""",
        ),
        subheading("Signs that an injury needs assessment"),
        text(
            bullets(
                "The client cannot bear weight on the limb or use the joint.",
                "There is a visible deformity, or the area looks very different from the other side.",
                "Swelling or bruising is severe or is getting worse rather than better.",
                "There is numbness, tingling or weakness below the injury.",
                "Pain is severe, wakes the client at night, or is not improving after several days.",
            ),
            """Any of these is a reason to suggest the client sees a physician or physiotherapist before you
            work on the area.""",
        ),
        callout(
            "safety",
            "Watch for infection after surgery",
            """Redness spreading around an incision, increasing pain, warmth, discharge or a fever are
            signs of possible infection. Do not massage; advise the client to contact their surgical team
            the same day.""",
        ),
        callout(
            "tip",
            "Ask what they have been told",
            """Clients recovering from surgery or injury have often been given specific advice by their
            surgeon or physiotherapist. Asking "what have they told you to avoid?" is quick, respectful and
            often answers your question.""",
        ),
        section("Worked examples"),
        text(
            """<b>A runner strained her hamstring two days ago.</b> The injury is acute and inflamed. Leave the
            back of the thigh alone, work her calves, lower back and the other leg, and suggest she returns
            for more specific work once the strain has settled.""",
            """<b>A client had a hip replacement four months ago and has been discharged by his
            surgeon.</b> Ask what positions he was told to avoid and whether there are any current
            restrictions. Avoid deep pressure over the surgical area, position him comfortably with
            bolsters, and work the back and legs gently, watching his response.""",
            """<b>A client fell off her bike yesterday, hit her head and now has a headache and feels a little
            sick.</b> These may be signs of a concussion. Do not massage; advise her to be assessed by a
            physician today.""",
        ),
        dialogue(
            "intake",
            "Asking about a recent operation",
            [
                ("C", "I had knee surgery about three weeks ago, but it's my back that's killing me now."),
                (
                    "T",
                    "Thank you for telling me. Has your surgeon said anything about massage, or about "
                    "anything you should avoid while you recover?",
                ),
                ("C", "Not about massage. I'm still taking something to prevent clots."),
                (
                    "T",
                    "That's helpful to know. Because you're still on clot prevention and it's only a few "
                    "weeks since the operation, I'd like your surgeon's go-ahead before we start. Once we "
                    "have it, I can focus on your back and keep well away from the knee.",
                ),
                ("C", "Okay, I'll ask at my follow-up on Thursday."),
            ],
            point="""The therapist asks what the client has been told, explains why clearance is needed in
            plain terms, and describes what the session will look like once it is given.""",
        ),
        dialogue(
            "referral",
            "Suggesting an injury is checked",
            [
                ("C", "I rolled my ankle playing football on Saturday. Can you massage it?"),
                ("T", "Can you put weight on it, and has the swelling gone down at all since Saturday?"),
                ("C", "Not really. It's still really swollen and I'm limping."),
                (
                    "T",
                    "In that case I'd like it to be checked by a doctor or physiotherapist before I work "
                    "on it, to rule out anything more than a sprain. Today I can work on your calves and "
                    "back, which are probably taking a lot of strain, and leave the ankle alone.",
                ),
            ],
            point="""Inability to bear weight and swelling that is not settling are reasons to refer; the
            therapist still offers useful work elsewhere.""",
        ),
    ],
)

PREGNANCY_CANCER_INFLAMMATION = ModuleSpec(
    slug="pregnancy-cancer-and-inflammatory-conditions",
    title="Pregnancy, cancer treatment and inflammatory conditions",
    intro=(
        "Three relative contraindications that call for thoughtful adaptation rather than refusal: "
        "pregnancy, cancer treatment, and inflammatory conditions such as a rheumatoid arthritis flare."
    ),
    body=[
        section("Adapting rather than refusing"),
        text(
            """The conditions in this module have something in common: each can make the usual form of
            massage inappropriate, and each is compatible with massage in the right form. Clients who are
            pregnant, going through cancer treatment or living with an inflammatory condition often gain a
            great deal from skilled, adapted touch. They also often meet therapists who turn them away out of
            uncertainty. The professional response lies between refusal and carrying on as normal: learn
            what changes, ask the right questions, and involve the client's care team where needed.""",
            """Each of these areas also has specialist training, such as prenatal massage and oncology
            massage. This module covers what every therapist needs to know to screen safely and to recognise
            when a client would be better served by a colleague with that training.""",
        ),
        section("Pregnancy"),
        text(
            """Pregnancy brings changes in almost every system of the body: more blood volume, a softening of
            ligaments, a shift in posture and balance, changes to blood pressure and an increased tendency to
            form blood clots that continues for a period after birth. Most pregnant clients can enjoy massage,
            and many find it helps with back ache, tired legs and the stress of a demanding time. The session,
            though, has to change.""",
        ),
        contraindication(
            "Pregnancy, especially the first trimester",
            severity="relative",
            scope="general",
            actions=["modify", "clearance"],
            rationale="""Pregnancy changes circulation, posture and ligament stability, and raises the risk of
            blood clots. Massage should be given by a therapist trained in prenatal work, with comfortable
            side-lying or supported positions, no deep work on the legs and no heat. Seek clearance from the
            client's midwife or physician for any complication or high-risk pregnancy.""",
        ),
        subheading("The first trimester"),
        text(
            """The first trimester is the period many therapists treat with the most caution. It is a time
            of rapid change, when many people feel nauseous and tired, and many therapists choose to keep
            sessions gentle or to refer clients to a colleague trained in prenatal massage. Whatever your
            practice, make sure a pregnant client in the early weeks is seen by someone trained to work with
            pregnancy, and keep the session calm, light and comfortable.""",
        ),
        subheading("Positioning and technique"),
        text(
            bullets(
                "As pregnancy progresses, lying face down becomes uncomfortable and is replaced by "
                "side-lying with pillows between the knees and supporting the belly and upper arm.",
                "In later pregnancy, lying flat on the back for long periods can press on major blood "
                "vessels and leave the client feeling faint. Raise the upper body or use side-lying, and "
                "watch for dizziness or nausea.",
                "Keep pressure on the legs light, with strokes toward the heart; no deep kneading or "
                "friction on the calves and inner thighs because of the higher risk of clots.",
                "Avoid heat treatments, and avoid any technique the client finds uncomfortable.",
                "Support the client when they change position or get up; balance and blood pressure can "
                "both be affected.",
            ),
        ),
        subheading("When to stop and refer"),
        text(
            """Ask pregnant clients at every visit how the pregnancy is going and whether anything has
            changed. Vaginal bleeding, severe or sudden swelling of the face, hands or feet, a severe
            headache, changes in vision, abdominal pain, or pain and swelling in one leg are all reasons to
            stop and advise the client to contact their midwife or physician straight away. A pregnancy that
            the client's care team has described as high-risk needs their agreement before massage.""",
        ),
        subheading("After the birth"),
        text(
            """The weeks after giving birth bring their own considerations. The raised risk of clots continues
            for a period after delivery, so deep work on the legs remains inappropriate. A caesarean section
            is abdominal surgery, and the incision follows the rules for recent surgery: no work on or near
            it until it has healed. Ask whether the client's midwife or physician has raised any concerns,
            and offer positions that are comfortable for a body that is still recovering.""",
        ),
        section("Cancer treatment"),
        text(
            """People living with cancer, or going through treatment, often value massage for comfort,
            relaxation and a sense of being cared for as a whole person. The older idea that people with
            cancer should never be massaged has given way to an approach built on adaptation: gentle,
            informed work, planned with the client's treatment team.""",
            """The adaptations come mainly from the effects of treatment rather than from the cancer itself.
            Chemotherapy can lower blood counts, making clients prone to infection, bruising and bleeding,
            and can cause fatigue, nausea and changes in sensation in the hands and feet. Radiation can
            leave the skin in the treated area sore and fragile. Surgery may have removed lymph nodes,
            leaving a limb at risk of lymphoedema, a long-term swelling that deep pressure can provoke.
            Many clients have ports, lines or other medical devices.""",
        ),
        contraindication(
            "Cancer treatment",
            severity="relative",
            scope="general",
            actions=["clearance", "modify"],
            rationale="""Treatment can lower blood counts, leave skin fragile, cause fatigue and put limbs at
            risk of lymphoedema after lymph nodes are removed. Obtain clearance from the treatment team, use
            light pressure, avoid tumour sites, radiation-treated skin, ports and lines, and adapt position
            and session length to the client's energy.""",
        ),
        subheading("Practical adaptations"),
        text(
            bullets(
                "Ask about blood counts, recent treatment dates and how the client has been feeling; plan "
                "lighter sessions around treatment days.",
                "Use light, slow, holding and gliding strokes; leave out deep pressure, friction and percussion.",
                "Avoid the area of any tumour, skin that has received radiation, surgical sites, ports, "
                "lines and drains.",
                "Be very gentle with any limb on the side where lymph nodes were removed, and follow the "
                "treatment team's advice.",
                "Keep hygiene especially strict: a client with low blood counts is vulnerable to infection.",
                "Offer comfortable positions; many clients prefer semi-reclined or side-lying, and some "
                "prefer to stay clothed.",
            ),
            """Oncology massage is a recognised specialism with its own training. If you work with people in
            active treatment regularly, it is worth pursuing; in the meantime, light, well-planned work with
            the treatment team's agreement is a safe and valuable offer.""",
        ),
        subheading("After treatment ends"),
        text(
            """Some effects of cancer treatment last long after treatment has finished. The risk of
            lymphoedema in a limb where lymph nodes were removed does not disappear when treatment ends, so
            deep pressure on that limb remains inappropriate. Skin that received radiation can stay more
            fragile, and fatigue and changes in sensation can persist. Keep asking about these effects, even
            when the client describes themselves as finished with treatment.""",
        ),
        section("Inflammatory conditions"),
        text(
            """Inflammatory conditions include autoimmune diseases such as rheumatoid arthritis, in which the
            immune system attacks the lining of the joints, as well as local problems such as bursitis and
            tendinitis. Many of these conditions go through flares, when inflammation is active and the
            affected areas are hot, swollen, stiff and painful, and quieter periods in between.""",
        ),
        contraindication(
            "Inflammatory conditions in a flare, such as rheumatoid arthritis",
            severity="relative",
            scope="local",
            actions=["avoid_area", "modify"],
            rationale="""Actively inflamed joints and tissue are hot, swollen and painful; pressure, movement
            and heat increase the inflammation. During a flare avoid the affected joints, keep the rest of the
            session gentle and never apply heat. If the flare comes with fever or the client feels unwell all
            over, postpone the session.""",
        ),
        text(
            """Between flares, gentle massage that respects stiff or deformed joints can be comfortable and
            welcome. Ask the client which joints are affected and how they are today, move joints only
            within their comfortable range and never force them, and use the client's feedback as your main
            guide. People with long-term inflammatory conditions are often expert in their own bodies.""",
            """Remember that some medications for inflammatory conditions affect the session too.
            Corticosteroids taken over a long time can make the skin thin and prone to bruising, and some
            treatments suppress the immune system, which makes hygiene even more important.""",
        ),
        callout(
            "key_point",
            "Relative means adapted, not automatic",
            """Each condition in this module can be massaged in the right form. Each also has circumstances,
            such as a complication, a low blood count or a flare with fever, that turn it into a reason to
            postpone.""",
        ),
        section("Worked examples"),
        text(
            """<b>A client in her third trimester arrives with sudden swelling of her hands and face and a
            bad headache.</b> These are warning signs that need her midwife or physician straight away. Do
            not massage; help her make contact with her care team.""",
            """<b>A client finished breast cancer treatment a year ago and had lymph nodes removed under her
            left arm.</b> The left arm remains at risk of lymphoedema. Avoid deep pressure on it, follow any
            advice her care team gave her, and work the rest of the body as her energy allows.""",
            """<b>A client with rheumatoid arthritis says her wrists and knuckles are hot and swollen today,
            but she otherwise feels well.</b> Leave the hands and wrists out, keep the rest of the session
            gentle, and do not use heat. If she had a fever or felt unwell all over, you would postpone.""",
        ),
        dialogue(
            "consent",
            "Positioning a pregnant client",
            [
                (
                    "T",
                    "For today, I'd suggest lying on your side with pillows supporting your belly and knees. How "
                    "does that sound?",
                ),
                ("C", "Good. I can't lie on my front any more, and on my back I get a bit dizzy."),
                (
                    "T",
                    "That's very common later in pregnancy, so we'll avoid lying flat. I'll keep the "
                    "pressure on your legs light, and I'll ask a few times how you're doing. Tell me if you "
                    "want to change position or stop at any point.",
                ),
                ("C", "Perfect. My lower back is the worst part."),
            ],
            point="""The therapist proposes a safe position, acknowledges the client's experience, explains the
            modifications and keeps the client in control.""",
        ),
        dialogue(
            "intake",
            "Planning around cancer treatment",
            [
                ("C", "I'm halfway through chemotherapy. My oncologist said massage was fine as long as it's gentle."),
                (
                    "T",
                    "That's good to hear. Would you be happy for me to send a short note to the treatment "
                    "team, just to check whether there's anything they'd like me to avoid, such as your port "
                    "or particular days in your cycle?",
                ),
                ("C", "Yes, that's fine. My port is here, on the right."),
                (
                    "T",
                    "Thank you. I'll stay well away from it. We'll keep things light and slow today, and if "
                    "you feel tired or want to stop, just say so.",
                ),
            ],
            point="""The therapist respects what the client has been told, asks consent before contacting the
            treatment team, and builds the session around the client's energy.""",
        ),
    ],
)

SYSTEMIC_CONDITIONS = ModuleSpec(
    slug="systemic-conditions",
    title="Systemic conditions: diabetes, seizures, aneurysm, kidney disease, osteoporosis and intoxication",
    intro=(
        "Some conditions affect the whole body rather than one area, and some of them can turn into an "
        "emergency on the table. This module covers diabetes, intoxication, seizure disorders, aneurysm, "
        "kidney disease and osteoporosis: what to ask, how to adapt, and what to do when something goes wrong."
    ),
    body=[
        section("Why systemic conditions need a plan"),
        text(
            """The conditions in this module have something in common: they are not confined to the place where
            you would put your hands. Diabetes changes sensation, healing and blood sugar throughout the body.
            A seizure disorder or an aneurysm carries a risk that can appear suddenly and without warning.
            Kidney disease changes how the body handles fluid. Osteoporosis weakens bones everywhere, not only
            where a fracture has already happened. Intoxication changes judgement, sensation and the ability to
            consent.""",
            """Most clients with these conditions know a great deal about them and manage them every day. Your
            job is not to second-guess their care but to ask the questions that let you plan a safe session,
            to adapt pressure, technique and position, and to know in advance what you will do if the
            condition shows itself during the session. A plan made at intake is far easier to follow than one
            improvised while a client is unwell on your table.""",
            """As always, therapists do not diagnose. When you notice something that worries you, record what
            you saw and heard, stop or adapt the session, and point the client to the right professional. When
            you are unsure whether a condition is controlled, ask for clearance from the client's physician
            before you go ahead.""",
        ),
        callout(
            "key_point",
            "Plan for the bad moment at intake",
            """For every systemic condition, ask two questions before you start: what does the client do to
            manage it, and what should you do if it flares up during the session? Write the answers down where
            you can see them.""",
        ),
        section("Diabetes"),
        text(
            """Diabetes affects how the body controls the sugar in the blood. Clients may manage it with diet,
            tablets, insulin injections, an insulin pump, or a combination. Well-controlled diabetes is not a
            reason to avoid massage, and many clients find it helps with stress and sleep. Three things change
            the session: reduced sensation, injection sites and devices, and the chance of low blood sugar
            while they are on the table.""",
            """Ask how long they have had diabetes, how they manage it, whether it is well controlled, whether
            they have any complications such as nerve damage, kidney disease, eye problems or poor circulation
            in the legs, and whether they have ever had a low blood sugar episode. Clients with complications,
            or whose blood sugar is often out of control, should have their physician's agreement before
            massage.""",
        ),
        contraindication(
            "Diabetes",
            severity="relative",
            scope="general",
            actions=["modify", "clearance"],
            rationale="""Long-term high blood sugar can damage nerves and small blood vessels, so the client may
            not feel pressure or heat accurately, and the skin of the feet and lower legs may heal slowly and
            infect easily. Use moderate or lighter pressure where sensation is reduced, never use heat on those
            areas, avoid recent injection sites, and obtain clearance when there are complications or the
            diabetes is poorly controlled.""",
        ),
        subheading("Reduced sensation"),
        text(
            """Nerve damage from diabetes, known as peripheral neuropathy, usually starts in the feet and can
            spread to the lower legs and hands. A client with neuropathy may not feel that pressure is too deep
            or that a heat pack is too hot until the tissue is already damaged. Their feedback, which you rely on
            everywhere else, is not reliable in those areas.""",
            bullets(
                "Ask where sensation is reduced, and check with them before you work there.",
                "Keep pressure moderate or light in those areas, whatever the client says they can take.",
                "Leave out hot stones, heat packs and hot towels on areas with reduced sensation.",
                "Look at the feet before you work on them. A cut, blister or sore that the client has not "
                "noticed is a local contraindication: avoid it, and suggest they show it to their diabetes "
                "team or podiatrist promptly, since foot wounds in diabetes can become serious.",
            ),
        ),
        subheading("Injection sites and devices"),
        text(
            """Insulin is injected under the skin, usually into the abdomen, thighs, buttocks or upper arms.
            Massage over a recent injection site can change how quickly the insulin is absorbed, which can
            bring on low blood sugar. Ask where and when the client last injected, and leave that area out of
            the session. Insulin pumps and continuous glucose monitors are attached to the skin: work around
            them and their tubing, never over them, and take care when the client changes position.""",
        ),
        section("Low blood sugar during a session"),
        text(
            """Low blood sugar, called hypoglycaemia, is the emergency most likely to happen on your table when a
            client uses insulin or some diabetes tablets. A relaxing session, a skipped meal or a recent dose
            can all contribute. It can come on quickly, and the client may not notice it at first because they
            are relaxed.""",
            """The signs include sweating, shakiness, a fast heartbeat, paleness, hunger, irritability,
            confusion and slurred speech. A client who is confused or slurring may look as though they have been
            drinking, so never assume that is what is happening.""",
            steps(
                "Stop the massage and tell the client what you have noticed.",
                "Help them to sit up slowly if they are able to, and stay with them.",
                "Follow their own plan: most people who use insulin carry glucose tablets, a sugary drink or "
                "sweets. If they are awake and able to swallow, help them to take it.",
                "Stay with them while it takes effect, usually ten to fifteen minutes, and do not let them get "
                "up or leave while they are still unwell.",
                "Call emergency services at once if they become very drowsy, cannot swallow safely, lose "
                "consciousness or have a seizure, or if they are not improving. Never put food or drink into "
                "the mouth of someone who cannot swallow safely; place them on their side and stay with them.",
            ),
            """To prevent it, ask at booking and at intake whether they have eaten and checked their blood sugar,
            keep a sugary drink in the treatment room, and suggest they bring their own supplies to every
            session.""",
        ),
        section("Intoxication"),
        text(
            """A client who arrives under the influence of alcohol or recreational drugs cannot be massaged. It
            does not matter whether they seem cheerful and relaxed, whether it is a long-standing client, or
            whether they insist they are fine. The session is postponed.""",
            """There are several reasons, and each would be enough on its own. Intoxication dulls sensation and
            judgement, so the client cannot tell you accurately when pressure is too much. Alcohol widens the
            blood vessels and, with the relaxation of a massage, makes fainting and falls on getting up more
            likely. Nausea and vomiting are common. Most importantly, a person who is intoxicated cannot give
            informed consent, and the session puts both of you in a position that neither the client nor the
            profession should accept.""",
        ),
        contraindication(
            "Intoxication from alcohol or drugs",
            severity="absolute",
            scope="general",
            actions=["postpone"],
            rationale="""An intoxicated client cannot give reliable feedback or informed consent, and is more
            likely to faint, fall or vomit. No adaptation makes the session safe: postpone it, and rebook for a
            day when they are sober.""",
        ),
        text(
            """Speak to the client privately and without judgement. Say that you are not able to give the
            massage today and offer to rebook. If they are unsteady, make sure they do not leave alone or drive:
            offer to call a taxi or someone to collect them. Record what you observed in factual terms, such as
            "smelled strongly of alcohol, speech slurred, unsteady on feet; session postponed", not a judgement
            about the client.""",
            """Prescribed medication can also affect alertness. A client who has taken strong pain relief or a
            sedative may not be intoxicated in the ordinary sense, but their feedback is dulled in the same way.
            Lighten the pressure, check in more often, and postpone if they are drowsy or confused.""",
        ),
        section("Seizure disorders"),
        text(
            """Epilepsy and other seizure disorders are common, and most people with them have their seizures
            well controlled by medication. Massage is usually welcome and appropriate. What matters is knowing
            the client's pattern and being ready to keep them safe if a seizure does happen.""",
            """Ask what kind of seizures they have, how often, when the last one was, whether anything tends to
            trigger them, and whether they get a warning beforehand. Common triggers include tiredness, missed
            meals, missed medication and, for some people, flickering lights or particular sounds or smells.
            Keep the room free of known triggers: steady lighting, no strong scents if they are a trigger, and
            a calm pace.""",
        ),
        contraindication(
            "Seizure disorders",
            severity="relative",
            scope="general",
            actions=["modify", "clearance"],
            rationale="""A seizure on a massage table carries a risk of falling and injury. Ask about the client's
            seizures and triggers, avoid known triggers, and keep them safe if one happens. Seizures that are
            frequent, recent or not controlled call for the physician's agreement before massage.""",
        ),
        section("If a client has a seizure"),
        text(
            """A seizure is frightening to watch, but most stop on their own within a few minutes. Your role is
            to keep the client from harm until it passes.""",
            steps(
                "Stop the massage, stay calm and note the time it started.",
                "Stay beside the client to keep them from falling off the table. Move anything hard away from "
                "them and put something soft, such as a folded towel, under their head.",
                "Do not hold them down or try to stop their movements, and never put anything in their mouth.",
                "When the jerking stops, roll them gently onto their side so that their airway stays clear, and "
                "stay with them. They may be confused or sleepy for a while; speak calmly and reassure them.",
                "Call emergency services if the seizure lasts more than five minutes, if another follows before "
                "they recover, if they are injured, have trouble breathing or do not wake up, if it is their "
                "first seizure, or if they are pregnant or have diabetes.",
            ),
            """Do not let them drive or leave alone afterwards. Record what happened and how long it lasted, and
            tell them, since their physician will want to know.""",
        ),
        section("Aneurysm"),
        text(
            """An aneurysm is a bulge in the wall of a weakened artery. The most relevant to massage are aneurysms
            of the aorta, the main artery, in the abdomen, and aneurysms of the arteries of the brain. Many cause
            no symptoms and are found by chance; some are monitored for years. If an aneurysm bursts, it is a
            life-threatening emergency.""",
            """A client who knows they have an aneurysm needs clearance from their physician before massage, and
            the area is never worked. For an abdominal aortic aneurysm that means no abdominal massage and no
            deep pressure on the abdomen or over the deep muscles of the lower back that lie close to it. Avoid
            heat treatments and anything vigorous that raises the blood pressure.""",
        ),
        contraindication(
            "Known aneurysm",
            severity="absolute",
            scope="local",
            actions=["avoid_area", "clearance", "refer"],
            rationale="""Pressure over a weakened artery wall could contribute to it tearing. The area of the
            aneurysm is never massaged, the rest of the session waits for the physician's clearance, and any
            sudden severe pain is an emergency.""",
        ),
        text(
            """Two situations call for immediate action. If, during abdominal work, you feel a mass that pulses
            with the heartbeat, stop, do not press on it again, and advise the client to see a physician
            promptly; do not guess at what it is. If a client has sudden, severe pain in the abdomen, back or
            head, especially a headache they describe as the worst they have ever had, call emergency services
            straight away.""",
        ),
        section("Kidney disease"),
        text(
            """The kidneys filter waste from the blood and balance the body's fluid and salts. In chronic kidney
            disease they do this less well, and clients may have swelling, high blood pressure, tiredness, itchy
            or fragile skin and a tendency to bruise. Some are on dialysis. Because massage moves fluid and the
            kidneys are already struggling to manage it, the session needs care and usually the physician's
            agreement.""",
        ),
        contraindication(
            "Chronic kidney disease",
            severity="relative",
            scope="general",
            actions=["modify", "clearance"],
            rationale="""Kidneys that cannot handle fluid well may be strained by a long or vigorous session.
            Obtain clearance, keep sessions shorter with light pressure, avoid deep work and percussion over
            the lower back where the kidneys lie, and never work on or apply pressure to a dialysis access
            arm.""",
        ),
        text(
            bullets(
                "A client on dialysis often has a fistula or graft in one arm, a joined artery and vein used "
                "for treatment. Never massage, press on or put weight on that arm, and do not let it be "
                "squeezed by positioning; it is an absolute local contraindication.",
                "Swelling caused by kidney disease is not something massage can fix. Do not try to push fluid "
                "out of swollen legs; light, gentle work is enough.",
                "New swelling, breathlessness, or swelling that is getting worse needs the client's medical "
                "team before massage.",
                "A kidney infection, with fever and pain in the side or back, is an absolute, general "
                "contraindication: postpone, and suggest they see a physician promptly.",
            ),
        ),
        section("Osteoporosis"),
        text(
            """Osteoporosis makes bones thinner and more fragile, so that they can break with far less force
            than usual. It is common in older adults, especially women after menopause, and in people who have
            taken steroid medication for a long time. Many people do not know they have it until a bone breaks,
            so a history of a fracture after a minor fall is an important clue.""",
            """The spine, ribs, hips and wrists are most at risk. Pressure that a healthy skeleton would easily
            absorb can crack a fragile rib or compress a vertebra. Joint mobilisation and stretching put
            leverage on bones and can do the same.""",
        ),
        contraindication(
            "Osteoporosis",
            severity="relative",
            scope="general",
            actions=["modify"],
            rationale="""Fragile bones can fracture under deep pressure, percussion or forceful stretching and
            joint mobilisation. Use light to moderate pressure, leave out tapotement, stretches and joint
            mobilisation, and position the client with support. Ask the physician for clearance when the
            osteoporosis is severe or there has been a recent fracture.""",
        ),
        text(
            bullets(
                "Keep pressure light to moderate everywhere, and lightest over the ribs and spine, whatever the "
                "client asks for.",
                "Leave out tapotement, deep friction, and passive stretches and joint mobilisation that lever on "
                "the spine, hips or ribs.",
                "Avoid pressing straight down on the back and ribs while the client lies face down; side-lying "
                "with pillows, or face up with support, is often better.",
                "Help the client on and off the table, with a step and a steadying hand: a fall is the most "
                "common way a fragile bone breaks.",
                "New back pain that began suddenly, especially after bending, lifting or a minor fall, may be a "
                "fracture of a vertebra. Do not massage the area; refer the client to a physician promptly.",
            ),
        ),
        section("Worked examples"),
        text(
            """<b>A client with type 2 diabetes says her feet feel numb and cold and asks for a hot stone foot
            treatment.</b> Explain that with reduced sensation she may not feel a burn until the skin is
            damaged. Look at her feet, use light gliding strokes with warm hands and a blanket instead of heat,
            and check in often.""",
            """<b>A regular client arrives smelling of alcohol, with slurred speech.</b> Take him aside, say that
            you cannot give the massage today, and offer another appointment. Make sure he does not drive, and
            write down what you observed.""",
            """<b>A client with epilepsy tells you that bright, flickering light can bring on a seizure.</b> Use
            steady, soft lighting, keep the room calm, and agree at intake what you will do if a seizure
            starts.""",
            """<b>A client in her seventies broke her wrist in a small fall last year and asks for deep pressure
            on her back.</b> A fracture from a minor fall may mean fragile bones. Explain why you will keep the
            pressure moderate, support her in side-lying, leave out percussion and stretches, and suggest she
            asks her physician about her bone health if she has not already.""",
        ),
        dialogue(
            "referral",
            "Postponing for intoxication",
            [
                ("T", "Before we start, can I have a quick word in private?"),
                ("C", "Sure. I've just come from a long lunch, I'll be asleep in five minutes!"),
                (
                    "T",
                    "That's what I wanted to talk about. When someone has been drinking, massage isn't safe for "
                    "them, so I can't treat you today. I'd be glad to rebook you for another day this week.",
                ),
                ("C", "Oh. I only had a couple. Are you sure?"),
                (
                    "T",
                    "I'm sure, and it isn't a judgement. Alcohol changes how your body responds to pressure and "
                    "makes people more likely to feel faint afterwards. How are you getting home? I'm happy to "
                    "call you a taxi.",
                ),
            ],
            point="""Postpone privately, give the reason in terms of the client's safety rather than blame, and
            make sure they get home safely.""",
        ),
    ],
)

SCREENING_CLEARANCE_REFERRAL = ModuleSpec(
    slug="screening-clearance-and-referral",
    title="Screening, medical clearance and referral",
    intro=(
        "Everything in this course depends on knowing what is going on with the client in front of you. "
        "This module covers screening at every visit, requesting medical clearance, and when and how to "
        "refer."
    ),
    body=[
        section("Screening is a conversation"),
        text(
            """Screening is how you find out whether any of the conditions in this course apply to the client
            in front of you. It starts with a written health history, but the form is only the beginning.
            Clients skip questions, misunderstand them, forget conditions that seem unrelated to massage, or
            assume that something they mentioned last year still counts. The form tells you what to ask
            about; the conversation is where you learn what you need to know.""",
            """Screening happens at every visit, not only the first. Health changes, sometimes quickly, and a
            client who was straightforward last month may have had an operation, started a new medication or
            become pregnant since. A short, routine question at the start of each session, "has anything
            changed with your health since I last saw you?", catches most of it.""",
        ),
        section("What the health history should cover"),
        text(
            """A good health history form is short enough that clients complete it and thorough enough that
            it prompts them to mention what matters. At a minimum it should ask about:""",
            bullets(
                "Current health conditions and any that are being treated or investigated.",
                "Medications, including blood thinners, blood pressure medication, pain relief and steroids.",
                "Recent surgery, fractures or injuries, and any implants.",
                "Heart and circulation: blood clots, high or low blood pressure, heart conditions, varicose veins.",
                "Recent illness, fever or infection.",
                "Skin conditions, allergies and sensitivities, including to lubricants or fragrances.",
                "Pregnancy, or the possibility of it.",
                "Cancer and its treatment, now or in the past.",
                "Areas of pain, and areas the client does not want touched.",
                "The client's goals for the session and any previous experience of massage.",
            ),
            """Include a signed statement that the information is accurate to the best of the client's
            knowledge and that they will tell you if it changes. Keep the forms confidential and stored
            securely, in line with the privacy rules that apply where you practise.""",
        ),
        section("Following up on the answers"),
        text(
            """Every "yes" on the form deserves a follow-up question. The aim is to understand enough to make
            a safe decision, not to gather a full medical history. Useful follow-up questions are open and
            practical:""",
            bullets(
                "What is it, and when did it start?",
                "How does it affect you day to day? How is it today?",
                "What treatment are you having, and what have you been told to avoid?",
                "Is there anything that makes it better or worse?",
                "Is your doctor or another practitioner involved, and would you be happy for me to contact them?",
            ),
            """Listen for the patterns that call for caution: one-sided leg pain or swelling, recent surgery,
            a fever, chest pain or breathlessness, a new lump, pain that is severe or unexplained, numbness
            or weakness, and symptoms that are getting worse rather than better.""",
        ),
        subheading("Medications"),
        text(
            """You do not need to memorise every medication, but you should always ask what each one is
            for, and you should know the groups that most often change a massage. Blood thinners increase
            the risk of bruising; blood pressure medications can cause dizziness when the client stands;
            pain relievers and muscle relaxants dull the feedback you rely on to judge pressure; long-term
            steroids can thin the skin; and medications that suppress the immune system make hygiene even
            more important. When a medication is unfamiliar, look it up before the session from a reliable
            source, or ask the client's pharmacist or physician.""",
        ),
        callout(
            "key_point",
            "Scope of practice",
            """Massage therapists screen, adapt and refer. They do not diagnose conditions, recommend
            starting or stopping medication, or contradict the advice of the client's physician. Keeping to
            that scope protects the client and keeps your advice trustworthy.""",
        ),
        section("Medical clearance"),
        text(
            """Medical clearance is confirmation from the client's physician, or another appropriate member
            of their care team, that massage is appropriate, often with guidance about what to avoid. It is
            the right step when a condition is serious or recent, when you are unsure whether massage is
            safe, or when a relative contraindication needs specific limits.""",
            """Clearance works best when it is specific. A note that says only "massage is fine" tells you
            little. A short request that explains what you intend to do and asks direct questions gets a
            more useful answer:""",
            steps(
                "Explain the request to the client and get their written consent to contact their care "
                "team, or ask them to carry the request themselves.",
                "Describe the session you plan: the type of massage, the pressure and the areas you intend to work.",
                "Ask specific questions: are there areas to avoid, limits on pressure or position, or signs "
                "you should watch for?",
                "Keep the reply with the client's records, and follow any limits it sets.",
                "Review clearance when the client's condition or treatment changes.",
            ),
        ),
        callout(
            "tip",
            "Let the client carry it",
            """Physicians' offices are busy. A short, clear letter that the client takes to their next
            appointment, with space for a reply, is often the quickest way to receive clearance.""",
        ),
        section("When to refer"),
        text(
            """A referral is a recommendation that the client seeks help from another professional. It is
            appropriate whenever a client needs something that lies outside massage therapy's scope: an
            assessment, a diagnosis, a treatment or support that you cannot provide. Refer when you notice:""",
            bullets(
                "Signs of a possible blood clot, infection, fracture or other condition needing medical assessment.",
                "Pain that is severe, unexplained, getting worse, or not improving as expected.",
                "Numbness, tingling or weakness, particularly if it is new or spreading.",
                "A new lump, or a skin change such as a mole that looks different.",
                "Symptoms that suggest a serious emotional difficulty, such as persistent low mood or "
                "distress that the client describes.",
                "A problem that another practitioner, such as a physiotherapist, could address better.",
            ),
            """Some situations are emergencies rather than referrals. Chest pain, sudden breathlessness, signs
            of a stroke, a severe allergic reaction or a client who collapses need emergency services
            immediately. Know the emergency number, keep a phone within reach, and keep your first-aid
            training current.""",
        ),
        section("How to refer well"),
        text(
            """The way you refer matters as much as the decision. A referral delivered with alarm can
            frighten a client; one that is vague may be ignored. Aim to be calm, specific and honest:""",
            bullets(
                'Describe what you noticed, not what you think it is: "your left calf is warmer and more '
                'swollen than the right" rather than "you might have a clot".',
                "Say who the client should see and how soon: today, this week, or at their next appointment.",
                "Explain what you will and will not do in the meantime.",
                "Offer to put your observations in writing for their physician.",
                "Record the referral in your notes, and follow up at the next visit.",
            ),
        ),
        callout(
            "safety",
            "Do not massage through a red flag",
            """If you have decided a client needs medical assessment, do not give the massage anyway
            because they have travelled to see you or because they insist. Postpone, explain kindly, and
            make rebooking easy once they have been seen.""",
        ),
        section("Working within your training"),
        text(
            """Sometimes a client is cleared for massage but needs a level of specialist knowledge that you do
            not yet have: a person in active cancer treatment with several medical devices, a pregnancy with
            complications, or a complex post-surgical recovery. Clearance tells you that massage is
            appropriate; it does not tell you that you are the right person to give it.""",
            """Referring a client to a colleague with the relevant training is a professional decision, not
            a rejection. Explain that you want them to have the best possible care, name the kind of
            specialist you have in mind, and, if you can, suggest someone specific. Keep a list of trusted
            colleagues with specialist training for exactly this purpose.""",
        ),
        section("Documentation"),
        text(
            """Your records are the memory of your screening. For each session, note any changes in health,
            the decisions you made and why, the modifications you used, any clearance received and any
            referral you suggested. Keep clearance letters with the records. Notes written at the time, in
            plain and factual language, are what allow you and others to give the client consistent, safe
            care over months and years.""",
        ),
        section("Worked examples"),
        text(
            """<b>A new client leaves the medication section of the form blank but mentions a recent
            operation.</b> Ask directly whether she is taking anything, including medication to prevent
            clots or for pain, before deciding on the session.""",
            """<b>A regular client mentions, while getting onto the table, that he has had chest tightness
            when climbing stairs this week.</b> New chest symptoms on exertion need prompt medical
            assessment. Do not start the massage; advise him to contact his physician today, and to call
            emergency services if the tightness comes on at rest or becomes severe.""",
            """<b>A client tells you she has felt low and tearful for months and is struggling to cope.</b>
            Listen, thank her for telling you, and gently suggest she talks to her physician or a mental
            health professional. Massage can still be offered if she wants it, as a support rather than a
            treatment for how she is feeling.""",
        ),
        dialogue(
            "intake",
            "Following up on the health history",
            [
                ("T", "I see you ticked 'blood pressure' on the form. Can you tell me a bit more?"),
                ("C", "It's on the low side. I sometimes feel dizzy when I get up too fast."),
                ("T", "Thank you. Are you taking any medication for it, or for anything else?"),
                ("C", "No, nothing for that. Just something for my allergies."),
                (
                    "T",
                    "That's helpful. I'll finish the session a little more briskly than usual and give you "
                    "time to sit up slowly at the end. Tell me if you feel light-headed at any point.",
                ),
            ],
            point="""One follow-up question turns a tick box into usable information, and the therapist
            explains the adaptation straight away.""",
        ),
        dialogue(
            "referral",
            "Recommending a doctor's visit",
            [
                (
                    "T",
                    "Before we start, I'd like to mention something. You said the numbness in your hand "
                    "has been spreading over the past few weeks. That's something I'd like a doctor to look "
                    "at.",
                ),
                ("C", "I thought massage might sort it out."),
                (
                    "T",
                    "Massage may well help with the tight muscles in your neck and shoulders, and I'm happy "
                    "to work there today gently. But numbness that's spreading needs to be assessed by a "
                    "doctor, so that we know what's causing it. Would it help if I wrote down what you've "
                    "described, for you to take with you?",
                ),
                ("C", "Yes, please. I'll book in this week."),
            ],
            point="""The referral is specific about what needs assessing and how soon, does not guess at a
            cause, and offers practical help.""",
        ),
        dialogue(
            "referral",
            "Requesting medical clearance",
            [
                (
                    "T",
                    "Since your heart attack was only a couple of months ago, I'd like your cardiologist's go-ahead "
                    "before we begin.",
                ),
                ("C", "Do I need a special form?"),
                (
                    "T",
                    "I'll give you a short letter that explains the massage I'd plan, light and relaxing, "
                    "and asks whether there's anything they'd like me to avoid. If you're happy for me to "
                    "contact them directly, I can do that instead.",
                ),
                ("C", "I'll take it with me. I have an appointment next week."),
            ],
            point="""Clearance is presented as a routine, caring step, and the request is specific enough to
            get a useful answer.""",
        ),
    ],
)

COURSE = CourseSpec(
    slug="contraindications-and-client-safety",
    title="Contraindications and Client Safety",
    course_number="TS-201",
    delivery_method="on_demand",
    ce_hours="1",
    level="intermediate",
    categories=(("contraindications-safety", None),),
    instructors=(DANIEL,),
    summary=(
        "Recognise absolute and relative, general and local contraindications, adapt or postpone sessions "
        "safely, and know when to seek medical clearance or refer."
    ),
    description=html(
        """Most clients can be massaged safely without special precautions, and a few cannot. This home-study
        course gives you a clear framework for telling the difference and for deciding what to do: massage as
        planned, massage with changes, or no massage today.""",
        """You will work through the conditions therapists meet most often, from fever and skin infections to
        blood clots, recent surgery, pregnancy, cancer treatment, inflammatory flares and systemic conditions
        such as diabetes, epilepsy and osteoporosis, classifying each
        one and learning the practical adaptations and referral decisions that follow. The final module
        brings it together in screening conversations, clearance requests and referrals.""",
        "<h3>How the course works</h3>",
        bullets(
            "Eight modules of reading, with worked examples and model conversations.",
            "Study at your own pace, online; about an hour and a quarter of reading in total.",
            "One CE hour in the Contraindications and safety category.",
        ),
    ),
    objectives=(
        "Distinguish absolute from relative, and general from local, contraindications, and classify common "
        "conditions on both axes.",
        "Choose the right response to a contraindication: postpone, avoid the area, modify the session, obtain "
        "medical clearance or refer.",
        "Recognise the warning signs of a deep vein thrombosis and other situations that need urgent medical "
        "attention.",
        "Adapt sessions for pregnancy, cancer treatment, varicose veins, inflammatory flares and low blood pressure.",
        "Plan safe sessions for clients with diabetes, seizure disorders, an aneurysm, kidney disease or "
        "osteoporosis, postpone for intoxication, and respond to low blood sugar or a seizure on the table.",
        "Screen clients at every visit and request specific, useful medical clearance.",
    ),
    prerequisites=(
        "Open to licensed massage therapists and to massage therapy students who have completed introductory "
        "anatomy and physiology."
    ),
    artwork=ArtworkSpec(
        title="Contraindications and Client Safety: course artwork",
        filename="contraindications-and-client-safety.png",
        sky=("#f7ebe4", "#fbfaf7"),
        waves=(
            ("#e8cdb8", 0.5, 0.045, 1.2, 2.2),
            ("#d4a083", 0.64, 0.035, 0.8, 0.8),
            ("#8fbab4", 0.78, 0.04, 1.0, 3.3),
            ("#3d7f79", 0.9, 0.03, 0.65, 1.2),
        ),
        sun=("#ffffff", 0.22, 0.32, 0.24),
    ),
    modules=(
        ABSOLUTE_AND_RELATIVE,
        GENERAL_AND_LOCAL,
        FEVER_INFECTION_SKIN,
        CIRCULATORY,
        SURGERY_FRACTURES_INJURY,
        PREGNANCY_CANCER_INFLAMMATION,
        SYSTEMIC_CONDITIONS,
        SCREENING_CLEARANCE_REFERRAL,
    ),
)
