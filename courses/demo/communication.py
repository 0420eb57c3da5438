"""TS-301 Client Communication and Consent: the conversations around the table, from intake to aftercare."""

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
    subheading,
    text,
)

PRIYA = InstructorSpec(
    name="Priya Nair",
    credentials="LMT",
    bio=(
        "Priya runs a small practice and mentors newly licensed therapists. Her workshops on intake, consent "
        "and boundaries draw on the everyday conversations that make clients feel safe enough to relax."
    ),
)

INTAKE = ModuleSpec(
    slug="intake-and-health-history",
    title="Intake and health history",
    intro=(
        "The intake is the first conversation of every session and the foundation of a safe one. Learn how "
        "to gather a health history, ask good follow-up questions and keep it current at every visit."
    ),
    body=[
        section("What the intake is for"),
        text(
            """The intake does three jobs at once. It keeps the client safe, by finding out about conditions,
            medications and injuries that change what you should do. It makes the session useful, by finding
            out what the client wants from it. And it builds trust: a client who has been listened to
            carefully before the session is far more likely to relax during it and to speak up if something
            does not feel right.""",
            """It also creates a record. The health history and your notes from the conversation are part of
            the client's file, and the next session starts from them. Keep them accurate, factual and
            confidential.""",
        ),
        section("The written health history"),
        text(
            """Most practices ask new clients to complete a written form before their first session, either
            online in advance or on arrival. A good form uses plain language, is short enough to finish in a
            few minutes, and covers current and past health conditions, medications, surgeries and injuries,
            pregnancy, allergies, areas of pain, areas the client does not want touched, and their goals for
            the session.""",
            """Sending the form in advance gives the client time to check details such as medication names,
            and gives you time to read it before they arrive. Either way, read it with the client present,
            not as a formality but as the starting point for the conversation.""",
        ),
        callout(
            "key_point",
            "The form starts the conversation",
            """Clients skip questions, misread them and forget what seems irrelevant. Every answer on the
            form, including the blanks, is a prompt for a question.""",
        ),
        section("The intake conversation"),
        text(
            """Hold the intake somewhere private, where the client can speak without being overheard, with
            both of you sitting at the same level and the client fully dressed. Allow enough time: a first
            intake may take ten minutes or more, and rushing it tells the client that their answers do not
            matter.""",
            """Use open questions that invite the client to talk, then closed questions to check specific
            details. "What brings you in today?" and "How does your back affect you day to day?" open the
            conversation; "Is the pain on one side or both?" and "When was the operation?" pin down what you
            need to know. Reflect back what you have heard in a sentence, so the client can correct you.""",
            """Avoid jargon. A client who is asked about "contraindications" or "pathologies" may not know
            what you mean and may not like to ask. "Is there anything about your health that I should know
            before we start?" is clearer and warmer.""",
        ),
        subheading("What to cover"),
        text(
            bullets(
                "The reason for the visit and what the client hopes to feel afterwards.",
                "Follow-up on anything marked on the health history, especially recent changes.",
                "Medications and what each one is for.",
                "Previous experience of massage: what they liked, what they did not.",
                "Preferences: pressure, areas to focus on, areas to avoid, whether they like to talk or prefer "
                "quiet, room temperature.",
                "Anything that would help them feel more comfortable, such as staying partly clothed.",
            ),
        ),
        section("Every visit, not just the first"),
        text(
            """Health changes between appointments. A returning client may have had an injury, an illness, a
            new diagnosis or a new medication since you last saw them. Start every session with a short
            update: "Has anything changed with your health since last time? Any new aches, injuries or
            medications?" Record the answer, even when it is "no".""",
        ),
        callout(
            "safety",
            "Listen for red flags",
            """Pain and swelling in one leg, a recent fever, recent surgery, chest pain or breathlessness,
            new numbness or weakness, and unexplained lumps all need attention before any massage begins.
            The contraindications course covers what to do.""",
        ),
        callout(
            "tip",
            "Ask only what you need",
            """Clients share sensitive information during the intake. Ask what affects the session, explain
            why you are asking if a question might feel personal, and keep what you learn confidential.""",
        ),
        dialogue(
            "intake",
            "Opening the intake conversation",
            [
                ("T", "Thanks for filling in the form. Before we start, what brings you in today?"),
                ("C", "My neck and shoulders. I work at a computer and they're always stiff by Friday."),
                ("T", "Is it both sides, or one more than the other?"),
                ("C", "Mostly the right. Sometimes I get headaches too."),
                (
                    "T",
                    "So the right side of your neck and shoulder is the main area, with some headaches. I "
                    "see you've left the medication section blank. Are you taking anything at the moment, "
                    "even occasionally?",
                ),
                ("C", "Just painkillers for the headaches, now and then."),
            ],
            point="""An open question starts the conversation, closed questions pin down the details, a brief
            summary checks understanding, and a blank on the form becomes a question.""",
        ),
    ],
)

GOALS = ModuleSpec(
    slug="setting-session-goals",
    title="Setting session goals",
    intro=(
        "A session with a clear goal is easier to plan, easier to adapt and more satisfying for the client. "
        "Learn how to turn a complaint into a goal, set honest expectations and agree a plan."
    ),
    body=[
        section("Why goals matter"),
        text(
            """Two clients can ask for "a massage" and want completely different things. One wants to switch
            off after a stressful month; the other wants to be able to turn their head to reverse the car
            without pain. A relaxation massage and a therapeutic massage use many of the same strokes, but
            their intent is different, and the plan should be too.""",
            """Agreeing a goal at the start gives the session a direction. It tells you where to spend your
            time, which techniques to favour and what to check at the end. It also gives the client a way to
            judge whether the session helped, which is the basis of any plan for future visits.""",
        ),
        section("From complaint to goal"),
        text(
            """Clients usually describe a problem rather than a goal: "my lower back is killing me", "I'm so
            stressed". Your job is to turn that into something you can both work toward. A few questions
            help:""",
            bullets(
                "What does it stop you doing, or make harder?",
                "When is it worst, and what makes it better?",
                "How would you like to feel when you get off the table?",
                "If this session helped, what would you notice tomorrow?",
            ),
            """The answers turn "my shoulders are tight" into something more useful: "the client wants to sit
            through an afternoon at the computer without their right shoulder aching, and today they would
            like the shoulder to feel looser and the headache to ease".""",
        ),
        section("Honest expectations"),
        text(
            """Goals should be realistic and within the scope of massage. A single session can leave a client
            feeling relaxed, looser and more comfortable; a long-standing problem usually improves over a
            series of sessions, if at all, and often alongside other care. Be honest about that from the
            start. Promising to "fix" a problem sets both of you up for disappointment, and claiming to
            treat a medical condition goes beyond what a massage therapist can offer.""",
            """If a goal sounds like it needs a diagnosis or treatment from someone else, such as pain that
            has been getting worse for weeks or numbness that is spreading, say so, and suggest the client
            sees an appropriate professional. Massage can often still be part of their care.""",
        ),
        callout(
            "key_point",
            "Relaxation is a goal too",
            """Not every session needs a problem to solve. "I want an hour where I don't have to think about
            anything" is a clear, legitimate goal, and it calls for a calm, unhurried session with little
            conversation.""",
        ),
        section("Agreeing the plan"),
        text(
            """Once the goal is clear, describe the plan in a few sentences: which areas you will work on,
            roughly how the time will be divided, the kind of pressure you expect to use and what you will
            leave out. Session length shapes the plan. A half-hour session suits one area, such as the neck
            and shoulders or the back; around forty-five minutes allows two or three areas; an hour is usually
            needed for a full-body session with time to focus.""",
            """Invite changes: "Does that sound right, or is there anything you'd like to add or leave
            out?" The client's answer is part of their consent to the session.""",
        ),
        section("Checking in at the end"),
        text(
            """Return to the goal when the session finishes. Ask how the area feels compared with the start,
            and note the answer. Over a series of sessions, these notes show whether the plan is working,
            and they give you something concrete to discuss when you recommend how often to come back.""",
        ),
        callout(
            "tip",
            "Write the goal down",
            """A one-line goal in your notes, in the client's own words, makes the next session easier to
            plan and shows the client that you remember what matters to them.""",
        ),
        dialogue(
            "intake",
            "From complaint to goal",
            [
                ("C", "My lower back is just really tight all the time."),
                ("T", "What does it get in the way of?"),
                ("C", "Gardening, mostly. After half an hour bending over, I have to stop."),
                (
                    "T",
                    "So a good result would be getting through more of your gardening before your back "
                    "stops you. Today I'd like to focus on your lower back and hips, and we'll see how it "
                    "feels over the next few days. A long-standing tightness like this usually responds best "
                    "to a few sessions rather than one. Does that sound reasonable?",
                ),
                ("C", "Yes, that's exactly what I'd like."),
            ],
            point="""The therapist connects the complaint to something the client cares about, proposes a
            focused plan and is honest that one session is unlikely to be the whole answer.""",
        ),
    ],
)

CONSENT = ModuleSpec(
    slug="informed-consent-and-the-right-to-stop",
    title="Informed consent and the right to stop",
    intro=(
        "Consent is not a signature at the start of the first session; it is an ongoing agreement the "
        "client can change or withdraw at any time. Learn what informed consent involves and how to honour "
        "the client's right to stop."
    ),
    body=[
        section("What informed consent means"),
        text(
            """Informed consent means that the client agrees to the session knowing what it will involve. For
            that agreement to be real, four things need to be in place. The client has been given the
            information they need: what you plan to do, which areas you will work on, how you will position
            and drape them, what they might feel and any risks. They have understood it. They are agreeing
            freely, without pressure. And they are able to make the decision for themselves.""",
            """In practice, most of this happens in a short, natural conversation at the end of the intake.
            The point is not to read a script but to make sure the client knows what they are saying yes
            to.""",
        ),
        section("Consent is ongoing"),
        text(
            """Consent given at the start of a session covers the plan as it was described. If you want to
            change the plan, such as working on an area you did not mention, using a much firmer pressure or
            adding a technique the client has not experienced, ask first. A client who agreed to a back
            massage has not agreed to abdominal work.""",
            """Consent can also be withdrawn. A client may be comfortable with an area at the start of the
            session and not later, or may want to stop the session entirely. That is their right at any
            point, for any reason, and they do not need to explain it.""",
        ),
        callout(
            "key_point",
            "The right to stop",
            """Every client has the right to stop the session, change the plan or decline any technique at
            any time. Tell them so at the start of every first session, in plain words, and mean it.""",
        ),
        section("Sensitive areas"),
        text(
            """Some areas call for specific consent even when they are part of a standard full-body session,
            because clients vary in how comfortable they are with them being touched. These usually include
            the glutes, the abdomen, the upper chest, the inner thighs and, for some clients, the feet and
            face. Ask about each one specifically rather than assuming, and accept the answer without
            comment.""",
            """Some practices ask for written consent for particular areas or techniques; many also record
            verbal consent in the session notes. Follow the rules where you practise and your workplace's
            policy.""",
        ),
        section("When a client asks to stop"),
        text(
            """How you respond when a client asks you to stop matters enormously. It shows whether the right
            to stop was real. Respond the same way every time:""",
            steps(
                "Stop at once. Lift your hands or keep a still, neutral contact only if the client wants it.",
                "Acknowledge the request without argument or disappointment.",
                "Ask, without pressing, whether they would like to change something or end the session.",
                "Follow their choice: adjust the plan, move to another area, or end the session and give them "
                "privacy to dress.",
                "Record what happened, factually, in your notes.",
            ),
            """Never try to persuade a client to continue, and never suggest that stopping is a problem for
            you. A client who has stopped a session and been treated with respect is more likely to speak up
            next time, which makes every future session safer.""",
        ),
        section("The therapist's right to stop"),
        text(
            """You can stop a session too. If a client behaves inappropriately, makes sexual comments or
            requests, becomes unwell, or if you become concerned for your safety or theirs, stop the
            session. Say clearly and calmly that you are ending the session, leave the room so the client can
            dress, and follow your workplace's procedure. Record what happened as soon as you can.""",
        ),
        callout(
            "safety",
            "Capacity and guardians",
            """Some clients cannot give consent for themselves, including minors and some adults with
            conditions that affect decision-making. Follow the law where you practise: this usually means
            consent from a parent or guardian and, for minors, a guardian present during the session.""",
        ),
        dialogue(
            "consent",
            "Explaining the plan and the right to stop",
            [
                (
                    "T",
                    "Here's what I'm planning: we'll start with you face down, and I'll work on your back, "
                    "shoulders and the backs of your legs, then you'll turn over for your arms and neck. "
                    "You'll be covered by the sheet the whole time except the area I'm working on.",
                ),
                ("C", "Okay."),
                (
                    "T",
                    "Would you like me to include your glutes? Some people find it helps with lower back "
                    "tension, and some prefer to leave them out.",
                ),
                ("C", "Leave them out, please."),
                (
                    "T",
                    "Of course. And at any point, if you want me to change something or stop, just say so. "
                    "You have the right to stop at any time, and you don't have to give a reason.",
                ),
            ],
            point="""The therapist describes the session concretely, asks about a sensitive area specifically,
            accepts the answer without comment and states the right to stop in plain words.""",
        ),
        dialogue(
            "consent",
            "When a client asks to stop",
            [
                ("C", "Could you stop for a moment?"),
                ("T", "Of course. I've stopped. Would you like to change something, or would you rather finish here?"),
                ("C", "I think the work on my neck was bringing on a headache."),
                (
                    "T",
                    "Thank you for telling me. I'll leave your neck alone. Would you like me to continue with "
                    "your arms, or end the session now?",
                ),
                ("C", "The arms would be nice."),
            ],
            point="""The therapist stops immediately, does not argue or ask for justification, and offers the
            client real choices about what happens next.""",
        ),
    ],
)

DRAPING = ModuleSpec(
    slug="draping-and-boundaries",
    title="Draping and professional boundaries",
    intro=(
        "Draping keeps clients warm, covered and secure, and it is one of the clearest signs of a "
        "professional boundary. Learn the principles of draping and how to keep the therapeutic "
        "relationship safe."
    ),
    body=[
        section("What draping is for"),
        text(
            """Draping means covering the client with a sheet or towel during the session, uncovering only
            the area you are working on. It keeps the client warm, which helps muscles relax. It protects
            their privacy and modesty. And it marks a clear professional boundary: the client can see and
            feel exactly which parts of their body are part of the session and which are not.""",
            """Good draping is secure and unhurried. A client who is worried that the sheet might slip cannot
            fully relax; a client who feels the drape tucked firmly and moved with care can stop thinking
            about it.""",
        ),
        section("Principles of draping"),
        text(
            bullets(
                "The client undresses to their level of comfort, in private. Leave the room and knock before "
                "you come back in.",
                "Only the area being worked on is uncovered, and it is covered again before you move to the next area.",
                "The genitals are always covered, with no exception.",
                "The breasts of female clients are covered too. The only exception is a specific treatment "
                "technique, where the law allows it, with the client's written consent.",
                "The drape is tucked securely so that it stays in place without the client needing to hold it.",
                "The drape is never used in a way that exposes the client when they turn over or get up.",
            ),
        ),
        section("Techniques for common moments"),
        subheading("Undraping a leg"),
        text(
            """Fold the drape back diagonally from the foot to the hip, and tuck the edge firmly under the
            client's thigh so that it stays in place and the gluteal area and groin remain covered. Work the
            leg, then cover it again before you uncover the other one.""",
        ),
        subheading("Turning the client"),
        text(
            """Explain what will happen before it happens. Hold the drape lifted and anchored, with your hands
            or by pressing it against the table with your body, so that the client can turn underneath it
            without anything moving. Ask them to turn toward you or away from you, whichever you have
            planned, and to slide down or up if needed. Once they have settled, straighten the drape and
            rearrange the bolsters.""",
        ),
        subheading("Clients who prefer to stay clothed"),
        text(
            """Some clients prefer to keep some or all of their clothing on, for comfort, culture, religion,
            past experience or any other reason. That is always acceptable and needs no explanation. Adapt
            your techniques: compression, holding, stretching and strokes over the drape or clothing can
            give a very good session without oil.""",
        ),
        callout(
            "tip",
            "Tell them what is happening",
            """A short cue before you move the drape, "I'm going to uncover your right leg now", gives the
            client a moment to object and removes any surprise.""",
        ),
        section("Professional boundaries"),
        text(
            """Boundaries are the limits that keep the relationship between therapist and client professional
            and safe. Massage involves touch, undressing and a quiet, private space, which makes clear
            boundaries more important, not less. The therapist is always responsible for maintaining them,
            whatever the client says or does.""",
            bullets(
                "Keep conversation professional and centred on the client's needs. Avoid sharing personal "
                "problems or discussing other clients.",
                "Touch only the areas agreed, in the ways agreed, and only for therapeutic purposes.",
                "Do not comment on the client's body except as it relates to the session.",
                "Avoid dual relationships, such as dating a client, that could compromise the professional "
                "relationship, and follow the rules where you practise.",
                "Keep the session within your scope of practice and your training.",
            ),
            """Clients occasionally have involuntary physical responses during a massage, such as an emotional
            release or a physical reaction they did not intend. Respond calmly and neutrally, change the area
            or technique if appropriate, and continue professionally. Inappropriate behaviour is different:
            if a client makes sexual comments or requests, stop the session.""",
        ),
        callout(
            "safety",
            "Your own boundaries",
            """You are entitled to a safe workplace. If you feel unsafe or a client crosses a boundary, stop
            the session, leave the room and follow your workplace procedure. Record the incident.""",
        ),
        dialogue(
            "consent",
            "Explaining draping to a first-time client",
            [
                ("C", "I've never had a massage before. What do I need to take off?"),
                (
                    "T",
                    "Only what you're comfortable with. Many people undress to their underwear; some keep more "
                    "on. I'll step out while you get onto the table and under the sheet, face down, and I'll "
                    "knock before I come back in.",
                ),
                ("C", "Will I be uncovered?"),
                (
                    "T",
                    "Only the area I'm working on, like your back or one leg, and I'll tell you before I move "
                    "the sheet. Everything else stays covered the whole time, and I'll hold the sheet for you "
                    "when you turn over.",
                ),
                ("C", "That makes me feel a lot better."),
            ],
            point="""Clear, specific information about undressing and draping answers the questions new
            clients are often too embarrassed to ask.""",
        ),
    ],
)

PRESSURE = ModuleSpec(
    slug="pressure-check-ins",
    title="Pressure check-ins",
    intro=(
        "The right pressure is the one that suits this client, on this area, today. Learn when and how to "
        "check in, how to read non-verbal cues, and how to make it easy for clients to speak up."
    ),
    body=[
        section("Why check in"),
        text(
            """Preferences for pressure vary enormously between clients, and for the same client between
            areas and between days. A pressure that feels wonderful on the thighs can be too much on the
            neck; a client who loved firm work last month may be tired and sore this week. You cannot judge
            it reliably from the tissue alone.""",
            """Pressure that is too strong is not just uncomfortable. When a massage hurts, muscles tighten to
            protect themselves, the client holds their breath, and the session works against its own goal.
            Effective work can feel strong, but it should never be painful, and only the client can tell you
            where that line is.""",
        ),
        section("When to check in"),
        text(
            bullets(
                "At the start of the session, after the first few strokes.",
                "When you move to a new area, especially a sensitive one such as the neck or feet.",
                "When you increase depth or change to a more intense technique, such as friction.",
                "Whenever you notice a non-verbal sign of discomfort.",
                "At the end, to learn what to repeat or change next time.",
            ),
            """Agree at the start how often the client would like you to ask. Some clients want to drift off
            and would rather you checked in only when changing something; others like more frequent
            reassurance. Either way, make clear that they can speak up at any time.""",
        ),
        section("How to ask"),
        text(
            """Good check-in questions are specific and neutral. "How is this pressure for you?" or "Would
            you like more, less or the same?" invite an honest answer. Leading questions such as "That's not
            too much, is it?" or "Nice and deep, yeah?" make it harder for the client to disagree.""",
            """A simple scale helps many clients. Ask them to rate the intensity from one to ten, where ten is
            too much, and aim to stay in the middle of their range. A number is easier to say than "it
            hurts", especially for clients who do not want to seem difficult.""",
            """Act on the answer straight away, and confirm: "I've eased off a little. Is that better?" A
            client who sees that their feedback changes the session will give more of it.""",
        ),
        callout(
            "tip",
            "Offer three options",
            """"More, less or the same?" is quicker to answer than an open question, works when the client
            is drowsy, and makes every answer equally acceptable.""",
        ),
        section("Reading non-verbal cues"),
        text(
            """Many clients will not tell you when something is too much. Some want to be polite; some believe
            it is supposed to hurt; some have drifted off and are not fully aware. Watch for the signs:""",
            bullets(
                "Holding the breath, or breathing that becomes shallow and quick.",
                "Muscles tightening under your hands instead of softening.",
                "Clenched hands or toes, a curled-up posture, or lifting away from the pressure.",
                "Flinching, a furrowed brow or a tense jaw.",
                "Sudden stillness, or going quiet in the middle of a conversation.",
            ),
            """When you notice a cue, ease off first and then ask. Reducing the pressure before you ask
            makes it easier for the client to be honest.""",
        ),
        callout(
            "key_point",
            "It's fine is not always fine",
            """If a client says the pressure is fine while their body says otherwise, trust the body. Ease
            off, and mention that lighter can be just as effective.""",
        ),
        dialogue(
            "pressure_check_in",
            "Reading a non-verbal cue",
            [
                ("T", "I noticed you held your breath just then. I've eased off. How is that?"),
                ("C", "Better. That spot was a bit much."),
                (
                    "T",
                    "Thanks for telling me. I'll stay at this level there. On a scale of one to ten, where "
                    "ten is too much, where are we now?",
                ),
                ("C", "Maybe a five."),
                ("T", "Good. If it creeps up, just say so."),
            ],
            point="""The therapist acts on the cue before asking, names what they noticed without blame, and
            uses a scale to confirm.""",
        ),
        dialogue(
            "pressure_check_in",
            "A client who wants it harder",
            [
                ("C", "You can go harder. I like it when it really hurts."),
                (
                    "T",
                    "I can go a bit firmer. I'll stop short of pain, though, because when it hurts your "
                    "muscles tend to tighten up against me, and we lose the benefit. Let's aim for strong "
                    "but comfortable. Tell me when we get there.",
                ),
                ("C", "Okay. That's about right."),
            ],
            point="""The therapist respects the preference for firm work while explaining why pain is not the
            goal, and keeps the client in charge of the level.""",
        ),
    ],
)

AFTERCARE = ModuleSpec(
    slug="aftercare-and-session-frequency",
    title="Aftercare and session frequency",
    intro=(
        "The end of a session is a conversation too. Learn what aftercare advice to give, what soreness is "
        "normal, and how to recommend how often a client should come back."
    ),
    body=[
        section("Closing the session"),
        text(
            """Let the client know when the session is ending, so that the last strokes do not come as a
            surprise. Tell them to take their time getting up, to sit on the edge of the table for a moment,
            and to stand slowly, since many people feel light-headed after lying down and relaxing deeply.
            Leave the room so they can dress in private.""",
            """When they are ready, take a few minutes to talk. Ask how they feel, and how the main area
            compares with the start of the session. Then give brief, practical aftercare advice.""",
        ),
        section("Aftercare advice"),
        text(
            bullets(
                "Get up slowly, and take a moment before driving if you feel drowsy or light-headed.",
                "Drink some water if you are thirsty, and have something to eat if you are hungry.",
                "After firmer work, some tenderness for a day or two is common, much like after exercise.",
                "Gentle movement, such as a walk or some easy stretches, helps many people stay loose.",
                "Get in touch if you notice anything unusual, such as pain that gets worse, bruising, "
                "swelling or dizziness.",
            ),
            """Keep advice within your scope. Suggesting gentle stretches or more movement breaks at work is
            appropriate; prescribing exercise programmes for an injury or advising on medication is not.
            Where a client would benefit from more specific guidance, suggest the appropriate professional.""",
        ),
        callout(
            "safety",
            "Soreness that is not normal",
            """Mild tenderness that eases within a day or two is common after firmer work. Sharp pain,
            bruising, swelling, numbness, or soreness that gets worse rather than better is not, and the
            client should contact you and, if it is significant, their doctor.""",
        ),
        section("How often to come back"),
        text(
            """Clients often ask how often they should book. The honest answer depends on their goals, their
            body and their circumstances, and it should be a recommendation, never a sales pitch.""",
            bullets(
                "<b>General wellness and stress relief:</b> once or twice a month is a common rhythm that "
                "helps many people stay on top of everyday tension.",
                "<b>A long-standing problem or recovery from injury:</b> sessions closer together at first, "
                "such as weekly or every other week, then spaced out as things improve.",
                "<b>Around an event:</b> a single session before or after a race, a demanding project or a "
                "stressful period can be useful on its own.",
            ),
            """Review the plan regularly. If the client's goal has been met, say so and suggest a maintenance
            schedule or no regular booking at all. If progress has stalled, talk about whether something
            else is needed, including a referral.""",
        ),
        subheading("Session length"),
        text(
            """Length is part of the recommendation. Around thirty minutes suits a single area, such as the
            neck and shoulders; around forty-five allows two or three areas; an hour is the usual choice for
            a full-body session with time for a focus area. Longer is not automatically better, especially
            for clients who are new to massage, elderly, unwell or easily tired.""",
        ),
        callout(
            "tip",
            "Write aftercare down",
            """Clients who are drowsy and relaxed forget what they are told. A short printed or emailed note
            with aftercare advice and your contact details helps the message stick.""",
        ),
        dialogue(
            "aftercare",
            "Closing the session",
            [
                ("T", "How are you feeling? How's your right shoulder compared with when you came in?"),
                ("C", "Much looser. I'm a bit sleepy, though."),
                (
                    "T",
                    "That's very normal. Take a moment before you drive. The shoulder may be a little tender "
                    "tomorrow because we worked quite firmly there; that usually settles within a day or two. "
                    "A few gentle shoulder rolls during your work breaks can help keep it loose.",
                ),
                ("C", "And if it's still sore on Friday?"),
                (
                    "T",
                    "Then give me a call. Soreness that's getting worse rather than better isn't what we expect, "
                    "and I'd want to hear about it.",
                ),
            ],
            point="""The aftercare advice is short, specific to the work done, within scope, and tells the
            client what would be unusual and what to do about it.""",
        ),
        dialogue(
            "aftercare",
            "Recommending a schedule",
            [
                ("C", "How often should I come back?"),
                (
                    "T",
                    "For the stiffness you've had for months, I'd suggest weekly for the next three or four "
                    "weeks, then we'll see how you're doing and probably space it out. If it's mainly about "
                    "keeping stress down after that, once or twice a month suits a lot of people.",
                ),
                ("C", "Weekly might be hard with my budget."),
                (
                    "T",
                    "Every other week would still help, and I can show you a couple of stretches to do in "
                    "between. It's your call; there's no wrong answer.",
                ),
            ],
            point="""The recommendation is tied to the client's goal, reviewed over time, and adapted to their
            circumstances without pressure.""",
        ),
    ],
)

MYTHS = ModuleSpec(
    slug="massage-myths-and-client-education",
    title="Massage myths and client education",
    intro=(
        "Clients arrive with beliefs about massage that shape what they ask for and what they expect. Learn "
        "to recognise the common myths and to correct them kindly and accurately."
    ),
    body=[
        section("Why myths matter"),
        text(
            """Beliefs about massage affect the session. A client who thinks that massage has to hurt may ask
            for more pressure than is good for them and may not tell you when it is too much. A client who
            thinks that all massages are the same may be disappointed when a relaxation session does little
            for their sports injury. Correcting myths is part of keeping clients safe and making sessions
            useful.""",
            """The goal is education, not winning an argument. Most myths contain a grain of truth, and most
            clients picked them up from somewhere they trusted. Start from curiosity, explain briefly and
            simply, and move on.""",
        ),
        section("It has to hurt to work"),
        text(
            """Perhaps the most common myth, and the one with the most direct consequences. Firm or deep work
            can feel intense, and some clients enjoy strong pressure. But pain is not a sign that the massage
            is working. Pain makes muscles tighten to protect themselves, which works against what the
            session is trying to achieve. Effective work sits within the client's comfort, and the client is
            the only one who can say where that is.""",
        ),
        section("Massage is just a luxury"),
        text(
            """Massage is often marketed as a treat, and it can certainly feel like one. But many people use
            it as a regular part of looking after their health: to manage stress, ease muscle tension and
            stay comfortable in a physically demanding job. It is reasonable to present massage as part of a
            healthy routine.""",
            """The opposite overstatement is also a myth. Massage is not a substitute for medical care, and it
            does not cure disease. Present it as something that can help people feel and move better, often
            alongside other care, and refer when a client needs something massage cannot provide.""",
        ),
        section("All massages are the same"),
        text(
            """Relaxation massage, therapeutic massage, sports massage and other approaches have different
            aims and use techniques differently. A gentle Swedish session aimed at relaxation and a focused
            session on a stiff shoulder are both massage, but they are not interchangeable. Helping clients
            understand this makes it easier for them to ask for what they need, and to find a therapist with
            the right training.""",
        ),
        section("Massage flushes out toxins"),
        text(
            """Clients are often told to drink lots of water after a massage "to flush out the toxins
            released from the muscles". There is no good evidence that massage releases toxins, or that
            drinking water afterwards removes them. Offering water is still kind and sensible, because
            clients may be thirsty or a little light-headed, but describe it as a comfort, not a
            detox.""",
            """A related idea is that massage flushes lactic acid from the muscles after exercise. The body
            clears lactate on its own fairly soon after exercise, and it is not what causes the stiffness
            people feel the next day. Massage can still help an athlete feel looser and more comfortable;
            it does not need a chemical explanation.""",
        ),
        section("Soreness means it worked"),
        text(
            """Some tenderness after firm work is common, but it is not a measure of success. A client can
            benefit greatly from a session that leaves them feeling nothing but relaxed. Soreness that is
            strong or lasts more than a day or two suggests the pressure was more than their body needed, and
            is a reason to adjust next time.""",
        ),
        callout(
            "key_point",
            "Correct without lecturing",
            """Acknowledge what the client believes, give a short, accurate explanation in everyday words, and
            connect it to what you will do in the session. One or two sentences is usually enough.""",
        ),
        callout(
            "tip",
            "Avoid overclaiming",
            """When you explain what massage does, stick to what you can stand behind: it can help people
            relax, ease muscle tension and feel more comfortable. Avoid promising cures or quoting figures
            you cannot support.""",
        ),
        dialogue(
            "pressure_check_in",
            "No pain, no gain",
            [
                ("C", "Don't hold back. My last therapist said if it doesn't hurt, it isn't working."),
                (
                    "T",
                    "A lot of people have heard that. In my experience, when it hurts the muscle tightens up "
                    "to protect itself, so we actually get less change. I'll work firmly, but I'll keep it "
                    "at a level where you can breathe and let go. Will you tell me if it tips over into "
                    "pain?",
                ),
                ("C", "Fair enough. I'll tell you."),
            ],
            point="""The therapist acknowledges the belief, offers a short reason, and turns it into an
            agreement about feedback.""",
        ),
        dialogue(
            "aftercare",
            "The water question",
            [
                ("C", "Should I drink loads of water to get rid of the toxins?"),
                (
                    "T",
                    "Have some water if you're thirsty; lots of people are after lying still for an hour, "
                    "and it can help if you feel a bit light-headed. Massage doesn't really release toxins, "
                    "so there's no need to force it down. Just listen to your body.",
                ),
                ("C", "Oh, I always thought that was the point."),
            ],
            point="""The therapist keeps the sensible advice, drops the inaccurate explanation, and avoids
            making the client feel foolish.""",
        ),
    ],
)

COURSE = CourseSpec(
    slug="client-communication-and-consent",
    title="Client Communication and Consent",
    course_number="TS-301",
    delivery_method="live_webinar",
    ce_hours="3",
    level="introductory",
    categories=(("communication", "2"), ("ethics", "1")),
    instructors=(PRIYA,),
    summary=(
        "The conversations that make a session safe and welcome: intake and health history, goals, informed "
        "consent and the right to stop, draping, pressure check-ins, aftercare and common myths."
    ),
    description=html(
        """Good technique depends on good conversation. Clients who have been listened to, who know what
        will happen and who feel free to speak up relax more deeply and get more from their sessions, and
        they are safer, because they tell you what you need to know.""",
        """This live webinar follows a session from first contact to the follow-up booking. Each module pairs
        practical guidance with model conversations you can adapt to your own voice: opening an intake,
        turning a complaint into a goal, explaining the right to stop, draping a nervous first-time client,
        checking in about pressure and closing with honest aftercare advice.""",
        "<h3>How the webinar runs</h3>",
        bullets(
            "Seven modules delivered live online, with time for questions and role-play in small groups.",
            "Three CE hours: two in Communication and one in Ethics.",
            "Full attendance is required for the certificate.",
        ),
    ),
    objectives=(
        "Conduct an intake that gathers a relevant health history and turns the client's concerns into a "
        "clear session goal.",
        "Obtain informed consent for the session plan and for sensitive areas, and explain the client's "
        "right to stop at any time.",
        "Drape securely and maintain professional boundaries throughout a session.",
        "Check in about pressure using neutral questions, scales and non-verbal cues.",
        "Give accurate aftercare advice, recommend session frequency honestly and correct common massage myths kindly.",
    ),
    prerequisites=(
        "Open to licensed massage therapists and students. You need a computer with a camera and microphone "
        "to join the role-play exercises."
    ),
    artwork=ArtworkSpec(
        title="Client Communication and Consent: course artwork",
        filename="client-communication-and-consent.png",
        sky=("#fbfaf7", "#e3f1ef"),
        waves=(
            ("#efe2cc", 0.52, 0.04, 0.75, 4.4),
            ("#a9cfc9", 0.66, 0.045, 1.05, 2.7),
            ("#e2b79c", 0.8, 0.03, 0.85, 0.5),
            ("#8a5a3c", 0.92, 0.025, 1.2, 3.8),
        ),
        sun=("#f3d9b1", 0.5, 0.28, 0.2),
    ),
    modules=(INTAKE, GOALS, CONSENT, DRAPING, PRESSURE, AFTERCARE, MYTHS),
)
