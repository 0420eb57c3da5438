"""Questions, client cases, a practice quiz and the final assessment for TS-201 Contraindications and Client Safety."""

from .spec import (
    CourseQuestions,
    QuizSpec,
    case,
    choice,
    item,
    matching,
    multiple,
    option,
    ordering,
    pair,
    single,
    step,
    true_false,
)

BASICS = "Contraindication basics"
CASES = "Client cases"

ABSOLUTE = "absolute-and-relative-contraindications"
GENERAL_LOCAL = "general-and-local-contraindications"
ILLNESS = "fever-infection-and-skin-conditions"
CIRCULATION = "circulatory-and-cardiovascular-conditions"
SURGERY = "surgery-fractures-and-injury"
PREGNANCY = "pregnancy-cancer-and-inflammatory-conditions"
SCREENING = "screening-clearance-and-referral"
SYSTEMIC = "systemic-conditions"

KNOWLEDGE = (
    single(
        "TS201-DVT-CLASS",
        "A suspected deep vein thrombosis usually affects one leg. How is it classified?",
        [
            option(
                "Absolute and general: no massage anywhere today",
                "Right: the danger is a piece of clot travelling to the lungs, a risk to the whole person.",
                True,
            ),
            option(
                "Absolute and local: avoid that leg and massage the rest",
                "It sits in one leg, but the risk is to the whole body, so the rest is not massaged either.",
            ),
            option("Relative and local: light strokes over the calf", "Any pressure could dislodge the clot."),
            option("Relative and general: a gentler session overall", "A gentler session is still a massage."),
        ],
        explanation="""Severity and reach are separate questions. A suspected clot is absolute (no modified
        technique makes it safe) and general (a dislodged clot can reach the lungs), so the session is
        postponed and the client referred.""",
        review=(GENERAL_LOCAL, "general-contraindications"),
        category=BASICS,
        tags=("dvt", "classification"),
    ),
    single(
        "TS201-WOUND-CLASS",
        "A client has a healing graze on one knee and stiff shoulders. How do you treat the graze?",
        [
            option(
                "Absolute and local: cover it, avoid it with a margin, and work elsewhere",
                "Right: no stroke passes over it, but the rest of the session goes ahead.",
                True,
            ),
            option("Absolute and general: postpone the whole session", "Cancelling for one small area is overkill."),
            option("Relative and local: glide lightly over it", "Broken skin is never massaged over."),
        ],
        explanation="""An open wound is absolute for its area: no pressure, lubricant or stroke over it. Because
        it is local, the rest of the body can still be massaged.""",
        review=(GENERAL_LOCAL, "the-four-combinations"),
        category=BASICS,
        tags=("skin", "classification"),
    ),
    multiple(
        "TS201-ABSOLUTE-LIST",
        "Which of these are absolute contraindications?",
        [
            option("Fever or a contagious illness", "Yes: massage can worsen it and spread it.", True),
            option("Deep vein thrombosis or another blood clot", "Yes: pressure could dislodge it.", True),
            option("Recent surgery or a recent fracture", "Yes: the healing tissue isn't ready to be handled.", True),
            option("A spreading skin infection", "Yes: touch can spread it to new areas and people.", True),
            option("Varicose veins", "No: they are relative; the veins are avoided and the rest adapted."),
            option("Low blood pressure", "No: relative; the session, and especially its close, is adapted."),
        ],
        explanation="""Absolute contraindications share a theme: massage could spread, dislodge or damage
        something. Varicose veins and low blood pressure are relative: massage goes ahead, adapted.""",
        review=(ABSOLUTE, "absolute-contraindications"),
        category=BASICS,
        tags=("classification",),
    ),
    multiple(
        "TS201-RELATIVE-LIST",
        "Which of these are relative contraindications, where massage can go ahead in a changed form?",
        [
            option("Pregnancy", "Yes: position, pressure and areas change, ideally with prenatal training.", True),
            option("Cancer treatment", "Yes: with the treatment team's clearance and light work.", True),
            option("A rheumatoid arthritis flare without fever", "Yes: the inflamed joints are left alone.", True),
            option("Varicose veins", "Yes: no direct pressure on the veins.", True),
            option("A fever", "No: a fever means no massage today."),
            option("A suspected blood clot", "No: that is absolute; postpone and refer."),
        ],
        explanation="""Relative contraindications call for judgement: the session changes, and sometimes waits for
        clearance, but massage in the right form is possible.""",
        review=(ABSOLUTE, "relative-contraindications"),
        category=BASICS,
        tags=("classification",),
    ),
    true_false(
        "TS201-LIGHT-PRESSURE",
        "Using only light pressure makes it safe to massage a client with an absolute contraindication.",
        False,
        if_true="""No: lighter pressure is a tool for relative contraindications. A clot can still be disturbed,
        and a feverish client still feels worse and can pass the illness on.""",
        if_false="Right: no modified technique turns an absolute contraindication into a safe session.",
        explanation="""Light pressure is one of the most useful modifications, but only for relative
        contraindications. Absolute means no massage for that client or area today, however gentle.""",
        review=(ABSOLUTE, "common-misunderstandings"),
        category=BASICS,
    ),
    true_false(
        "TS201-WAIVER",
        "If a client signs a waiver saying they accept the risk, you may go ahead with a massage you believe is "
        "unsafe for them.",
        False,
        if_true="""No: a signature doesn't change what is happening in their body, and clients rely on you to
        know which conditions make massage unsafe.""",
        if_false="Right: consent matters, but it can't make an unsafe massage safe.",
        explanation="""Clients are not expected to know which conditions make massage unsafe; that is the
        therapist's professional responsibility. A waiver does not change the risk.""",
        review=(ABSOLUTE, "common-misunderstandings"),
        category=BASICS,
    ),
    true_false(
        "TS201-CLEARANCE",
        "Once a client's physician says massage is fine, any technique can be used.",
        False,
        if_true="""No: clearance says massage is appropriate, not that every technique is. Ask about limits, and
        still adapt to what you see on the day.""",
        if_false="Right: read what the clearance says, ask about limits, and keep adapting.",
        explanation="""Medical clearance answers whether massage is appropriate. It rarely covers every technique,
        so ask about limits and keep adapting the session to the client in front of you.""",
        review=(SCREENING, "medical-clearance"),
        category=BASICS,
        tags=("clearance",),
    ),
    matching(
        "TS201-MATCH-ACTIONS",
        "Match each situation with what the therapist does.",
        [
            pair("A fever since last night", "Postpone until well for a day or two", "Absolute and general."),
            pair("A warm, swollen, tender calf", "No massage anywhere; refer urgently", "A possible clot."),
            pair(
                "Bulging veins behind both knees",
                "No direct pressure; light strokes toward the heart around them",
                "Relative and local.",
            ),
            pair(
                "Hot, swollen knuckles but otherwise well",
                "Leave those joints out and use no heat",
                "An inflammatory flare without fever.",
            ),
            pair("Light-headed when standing up", "A brisker close, and sit before standing", "Low blood pressure."),
            pair("A healing graze on the shin", "Cover it and work elsewhere with a margin", "Absolute and local."),
        ],
        explanation="""Placing each condition by severity (absolute or relative) and reach (general or local) tells
        you what kind of session to plan: none, one with an area avoided, or one that is adapted throughout.""",
        review=(GENERAL_LOCAL, "the-four-combinations"),
        category=BASICS,
        points="3",
    ),
    ordering(
        "TS201-ORDER-DECIDE",
        "When a client reports a condition, put the four screening questions in the order you ask them.",
        [
            item("Is there a reason not to massage at all today?", "First: if yes, postpone, and refer if needed."),
            item("Is there an area that must not be touched?", "Second: mark it and plan around it."),
            item(
                "What needs to change for the rest of the session to be safe?",
                "Third: pressure, technique, position, duration.",
            ),
            item(
                "Do I need someone else's input before going ahead?",
                "Last: the client's physician, treatment team or a colleague.",
            ),
        ],
        explanation="""Work from the biggest decision to the smallest: whether to massage at all, what to avoid,
        what to change, and whether anyone else needs to agree. If you can't answer one with confidence, treat
        the answer as yes.""",
        review=(ABSOLUTE, "a-simple-way-to-decide"),
        category=BASICS,
    ),
    single(
        "TS201-SPREADING",
        "A client's small cut on the forearm now has redness spreading outward, red streaks up the arm, and they "
        "feel feverish. What has changed?",
        [
            option(
                "The local problem has become general: postpone and advise prompt medical care",
                "Right: these are signs of an infection affecting the whole body.",
                True,
            ),
            option("Nothing: avoid the forearm and carry on", "Spreading signs and fever make it general."),
            option("Massage the arm toward the heart to drain it", "Never massage an infected area."),
        ],
        explanation="""A local condition can become general. Spreading redness, warmth, pus, red streaks or a
        client who feels feverish suggest an infection that may be affecting the whole body.""",
        review=(GENERAL_LOCAL, "when-a-local-condition-becomes-general"),
        category=BASICS,
        tags=("skin", "infection"),
    ),
    multiple(
        "TS201-CLOT-RISKS",
        "Which of these raise the risk of a blood clot, so that one-sided leg pain needs a physician?",
        [
            option("Recent surgery on the hips, knees or abdomen", "Yes.", True),
            option("A long journey or time in bed", "Yes: immobility slows the blood in the legs.", True),
            option("Pregnancy and the weeks after birth", "Yes.", True),
            option("A previous clot", "Yes.", True),
            option("Regular brisk walking", "No: movement helps circulation."),
            option("A head cold last month", "No."),
        ],
        explanation="""Surgery, immobility, pregnancy and the weeks after birth, some hormonal medications, cancer
        and a previous clot all make clots more likely. A client with risk factors and one-sided leg pain needs
        a physician, not a massage.""",
        review=(CIRCULATION, "deep-vein-thrombosis-and-blood-clots"),
        category=BASICS,
        tags=("dvt",),
    ),
    single(
        "TS201-ONE-LEG-SWELLING",
        "Swelling in only one leg, with warmth and pain, most likely means you should:",
        [
            option("Not massage, and refer urgently: it may be a clot", "Right.", True),
            option("Elevate the leg and use light effleurage toward the heart", "Not with a possible clot."),
            option("Work the other leg only", "A possible clot rules out the whole session."),
        ],
        explanation="""The pattern of swelling matters. One-sided swelling with pain, warmth or redness may be a
        clot: no massage, and an urgent referral.""",
        review=(CIRCULATION, "swelling-in-the-legs-and-feet"),
        category=BASICS,
        tags=("dvt",),
    ),
    true_false(
        "TS201-NOTES",
        'Good session notes state the condition you think the client has, for example "client has DVT".',
        False,
        if_true="""No: therapists don't diagnose. Record what the client said and what you saw, and what you
        decided.""",
        if_false="""Right: write facts, such as "reports a sore, swollen left calf for two days; session
        postponed; advised to see a physician today".""",
        explanation="""Notes record the condition reported or observed, the decision, the changes made, any
        clearance and any referral, in factual words that stay within scope.""",
        review=(ABSOLUTE, "recording-your-decision"),
        category=BASICS,
    ),
    single(
        "TS201-AFTER-FEVER",
        "A client cancelled last week with a fever. When is it reasonable to massage them again?",
        [
            option("Once they have been well for a day or two", "Right.", True),
            option("As soon as the temperature drops, even that morning", "Give the body a day or two to recover."),
            option("Only with a doctor's letter", "Not needed after an ordinary illness that has passed."),
        ],
        explanation="""Fever is usually temporary: postpone, then rebook once the client has been well for a day
        or two. Suggest a doctor if they are very unwell or not improving.""",
        review=(ILLNESS, "contraindication-fever-or-contagious-illness"),
        category=BASICS,
        tags=("fever",),
    ),
    single(
        "TS201-INTOX-CLASS",
        "A client arrives for an evening appointment smelling strongly of alcohol and slurring their words. How "
        "do you classify this?",
        [
            option(
                "Absolute and general: no massage today; rebook for a day when they are sober",
                "Right: they cannot give reliable feedback or informed consent, and no adaptation makes it safe.",
                True,
            ),
            option(
                "Relative and general: a lighter, shorter session",
                "Lighter pressure does not restore their judgement, sensation or ability to consent.",
            ),
            option(
                "Not a contraindication if they are a regular client who feels fine",
                "How well you know them changes nothing: intoxication means no massage today.",
            ),
        ],
        explanation="""Intoxication from alcohol or drugs is an absolute, general contraindication. The client's
        sensation, judgement and ability to consent are impaired, and fainting, falls and vomiting are more likely.
        Postpone privately and make sure they get home safely.""",
        review=(SYSTEMIC, "contraindication-intoxication-from-alcohol-or-drugs"),
        category=BASICS,
        tags=("intoxication", "classification"),
    ),
    true_false(
        "TS201-INJECTION-SITE",
        "It is fine to massage the area of the abdomen where a client injected insulin an hour ago.",
        False,
        if_true="""No: massage over a recent injection site can speed up how the insulin is absorbed and bring on
        low blood sugar. Leave that area out today.""",
        if_false="Right: ask where and when they last injected, and leave that area out of the session.",
        explanation="""Massage can change how quickly insulin is absorbed from a recent injection site. Ask at
        intake where and when the client last injected, avoid that area, and work around pumps and glucose
        monitors.""",
        review=(SYSTEMIC, "diabetes"),
        category=BASICS,
        tags=("diabetes",),
    ),
    multiple(
        "TS201-SEIZURE-RESPONSE",
        "A client starts to have a seizure on the table. Which of these do you do?",
        [
            option(
                "Stop the massage and note the time it started", "Yes: how long it lasts decides what comes next.", True
            ),
            option(
                "Stay beside them so they cannot fall, and cushion their head",
                "Yes: a fall from the table is the main danger.",
                True,
            ),
            option(
                "Roll them onto their side once the jerking stops, and stay with them",
                "Yes: this keeps the airway clear while they recover.",
                True,
            ),
            option("Hold their arms and legs still", "No: restraining someone during a seizure can injure them."),
            option(
                "Put something between their teeth so they cannot bite their tongue",
                "No: never put anything in the mouth; it can break teeth or block the airway.",
            ),
        ],
        explanation="""Keep the client from harm until the seizure passes: stop, time it, protect them from falling
        and from hard objects, never restrain them or put anything in their mouth, and put them on their side
        afterwards. Call emergency services if it lasts more than five minutes, another follows, or they are hurt,
        struggle to breathe or do not wake up.""",
        review=(SYSTEMIC, "if-a-client-has-a-seizure"),
        category=BASICS,
        tags=("seizures", "emergency"),
    ),
    single(
        "TS201-ANEURYSM-MASS",
        "During gentle abdominal massage you feel a firm mass that pulses with the client's heartbeat. What do you do?",
        [
            option(
                "Stop, press on it no further, and advise the client to see a physician promptly",
                "Right: it could be an aneurysm. Don't guess, don't press, and refer.",
                True,
            ),
            option("Work around it with circular friction to relax the area", "Any further pressure there is unsafe."),
            option("Press a little deeper to find its edges", "Never: pressure on a possible aneurysm is dangerous."),
        ],
        explanation="""A mass in the abdomen that pulses with the heartbeat may be an aneurysm of the aorta. Stop,
        do not press on it again, and refer the client to a physician without trying to say what it is. Sudden,
        severe abdominal or back pain is an emergency.""",
        review=(SYSTEMIC, "aneurysm"),
        category=BASICS,
        tags=("aneurysm",),
    ),
    single(
        "TS201-FISTULA",
        "A client on dialysis has a fistula in her left forearm. How do you treat that arm?",
        [
            option(
                "Never massage it, press on it or let positioning squeeze it",
                "Right: the dialysis access is an absolute local contraindication.",
                True,
            ),
            option("Light effleurage toward the heart only", "No strokes at all on a dialysis access arm."),
            option("Treat it like the other arm once the client gives consent", "Consent doesn't make it safe."),
        ],
        explanation="""A fistula or graft joins an artery and a vein for dialysis. Pressure can damage it, and the
        client depends on it for treatment, so the arm is never massaged or compressed. Kidney disease also calls
        for clearance, shorter sessions and light pressure.""",
        review=(SYSTEMIC, "kidney-disease"),
        category=BASICS,
        tags=("kidney disease",),
    ),
    multiple(
        "TS201-OSTEO-LEAVE-OUT",
        "Your client has osteoporosis. Which of these do you leave out?",
        [
            option("Tapotement", "Yes: percussion can crack a fragile rib or vertebra.", True),
            option(
                "Passive stretches and joint mobilisation of the spine and hips",
                "Yes: they lever on fragile bone.",
                True,
            ),
            option(
                "Deep pressure straight down on the ribs while she lies face down", "Yes: the ribs are at risk.", True
            ),
            option("Light gliding strokes", "No: light effleurage is appropriate."),
            option("Side-lying with pillows for support", "No: supported positions are a good choice."),
        ],
        explanation="""Osteoporosis makes bones fragile. Keep pressure light to moderate, leave out percussion,
        forceful stretches and joint mobilisation, avoid pressing down on the ribs and spine, support the client's
        position, and help them on and off the table.""",
        review=(SYSTEMIC, "osteoporosis"),
        category=BASICS,
        tags=("osteoporosis",),
    ),
)

CLIENT_CASES = (
    case(
        "TS201-CASE-FEVER",
        "Read the case, then decide what to do at each step.",
        client="Tomas, an accountant",
        age=34,
        complaint="Booked a relaxation massage. He says his whole body aches and a massage would help.",
        history="No long-term conditions.",
        medications="Paracetamol this morning.",
        observations="He looks flushed and tired, and says he has had a temperature since last night.",
        steps=[
            step(
                "What do you do about today's session?",
                [
                    choice(
                        "Postpone, and offer to rebook once he has been well for a day or two",
                        3,
                        "Right: a fever is an absolute, general contraindication.",
                    ),
                    choice(
                        "Go ahead with a very gentle session",
                        0,
                        """Critical: massage makes a feverish client feel worse and can pass the illness to you and
                        to other clients, however gentle it is.""",
                        critical=True,
                    ),
                    choice(
                        "Give a shorter session on his aching back only",
                        0,
                        "Critical: the fever affects his whole body; a shorter massage is still a massage.",
                        critical=True,
                    ),
                ],
            ),
            step(
                "What else do you do?",
                [
                    choice(
                        "Waive the late-cancellation fee because he is ill",
                        1,
                        "Good: it discourages ill clients from coming in.",
                    ),
                    choice("Suggest he contacts his doctor if he is very unwell or not improving", 1, "Good."),
                    choice("Clean the surfaces and linens he touched", 1, "Good: infection control protects others."),
                    choice(
                        "Tell him a sauna will sweat the fever out",
                        0,
                        """Critical: treatment advice for an illness is outside your scope, and heat on top of a
                        fever can dehydrate him and make him worse.""",
                        critical=True,
                    ),
                ],
                kind="multiple",
            ),
        ],
        explanation="""A fever means postpone: the body needs rest, and massage can spread infection through
        contact, linens and surfaces. Make cancelling easy, clean up, and suggest medical advice if needed.""",
        review=(ILLNESS, "contraindication-fever-or-contagious-illness"),
        category=CASES,
        tags=("fever", "case"),
    ),
    case(
        "TS201-CASE-DVT",
        "Read the case, then decide what to do at each step.",
        client="Ines, a warehouse supervisor",
        age=46,
        complaint="A cramp-like ache in her left calf that hasn't eased since a nine-hour drive two days ago.",
        history="No previous clots.",
        medications="A hormonal contraceptive pill.",
        observations="The left calf is swollen, tender, and warmer than the right.",
        steps=[
            step(
                "What do you do?",
                [
                    choice(
                        "No massage today; explain your concern and urge her to see a physician today",
                        3,
                        "Right: one-sided pain, swelling and warmth after a long journey may be a clot.",
                    ),
                    choice(
                        "Knead the calf firmly to release the cramp",
                        0,
                        """Critical: pressure on a clot can break a piece loose; it can travel to the lungs and cause
                        a pulmonary embolism.""",
                        critical=True,
                    ),
                    choice(
                        "Leave the left leg alone and massage the rest of her body",
                        0,
                        """Critical: a suspected clot is a general contraindication. Don't massage anywhere; the
                        movement of the session itself is a risk.""",
                        critical=True,
                    ),
                    choice(
                        "Put a heat pack on the calf and see how it is next week",
                        0,
                        """Critical: heat over a suspected clot is never safe, and waiting a week delays the same-day
                        medical assessment a possible clot needs.""",
                        critical=True,
                    ),
                ],
            ),
            step(
                "While you talk, she becomes suddenly short of breath and says her chest hurts. What now?",
                [
                    choice("Call emergency services", 2, "Right: these can be signs of a clot reaching the lungs."),
                    choice(
                        "Have her lie on the table until it passes",
                        0,
                        "Critical: sudden breathlessness and chest pain with a suspected clot is an emergency.",
                        critical=True,
                    ),
                    choice(
                        "Suggest she books a doctor's appointment this week",
                        0,
                        """Critical: sudden breathlessness and chest pain with a suspected clot is an emergency. An
                        emergency is a call to emergency services now, not an appointment in a few days.""",
                        critical=True,
                    ),
                ],
            ),
        ],
        explanation="""Deep vein thrombosis is absolute and general: no massage anywhere, and an urgent referral.
        Long journeys and hormonal medication are risk factors; sudden breathlessness or chest pain means
        calling emergency services.""",
        review=(CIRCULATION, "contraindication-deep-vein-thrombosis-dvt-and-blood-clots"),
        category=CASES,
        points="5",
        tags=("dvt", "case"),
    ),
    case(
        "TS201-CASE-SURGERY",
        "Read the case, then decide what to do at each step.",
        client="Graham, a retired electrician",
        age=61,
        complaint="A sore neck, shoulders and lower back from walking on crutches.",
        history="Right knee replacement three weeks ago.",
        medications="A blood thinner prescribed after the operation.",
        observations="The incision is closed but still pink; the right knee is swollen.",
        steps=[
            step(
                "Before you book the session, what do you need?",
                [
                    choice("Clearance from his surgical team", 2, "Right: this is within weeks of major surgery."),
                    choice(
                        "Nothing: he feels well enough",
                        0,
                        """Critical: recent major surgery that the surgical team has not cleared is a general
                        contraindication, and the weeks after a knee replacement carry a high risk of clots.""",
                        critical=True,
                    ),
                    choice("A photo of the scar", 0, "That doesn't tell you whether massage is appropriate."),
                ],
            ),
            step(
                "With clearance, how do you plan the session?",
                [
                    choice(
                        "Work the neck, shoulders and back that carry the crutches", 1, "Good: they carry extra load."
                    ),
                    choice("Keep well away from the incision and the right knee", 1, "Good."),
                    choice("Ask which positions and movements his surgeon told him to avoid", 1, "Good."),
                    choice(
                        "Keep pressure light, with no deep or sustained compression, because of the blood thinner",
                        1,
                        "Good: blood thinners make bruising and bleeding under the skin more likely.",
                    ),
                    choice(
                        "Deep friction on the scar to stop adhesions",
                        0,
                        """Critical: the incision is fresh healing tissue and a route for infection; scar work waits
                        until it is fully healed and the team agrees.""",
                        critical=True,
                    ),
                    choice(
                        "Deep kneading of both calves to help circulation",
                        0,
                        """Critical: three weeks after a knee replacement he is in the group most at risk of a
                        clot, and on a blood thinner he bruises easily. Deep work on his legs could dislodge a clot
                        you cannot see.""",
                        critical=True,
                    ),
                ],
                kind="multiple",
            ),
        ],
        explanation="""Recent major surgery is a general contraindication until the surgical team clears massage:
        the surgical area is never worked, and the operation raises the risk of clots for weeks, most of all after
        hip and knee surgery. With clearance, light massage away from the area and the legs can ease the strain of
        crutches and altered posture.""",
        review=(SURGERY, "contraindication-recent-surgery"),
        category=CASES,
        tags=("surgery", "case"),
    ),
    case(
        "TS201-CASE-PREGNANCY",
        "Read the case, then decide what to do at each step. You have not trained in prenatal massage.",
        client="Amara, a primary school teacher",
        age=29,
        complaint="Lower back ache and tiredness.",
        history="Ten weeks pregnant with her first baby; her midwife has mentioned no complications.",
        medications="Prenatal vitamins.",
        observations="She mentions feeling nauseous most mornings.",
        steps=[
            step(
                "How do you make sure she is cared for safely?",
                [
                    choice(
                        "Refer her to a colleague trained in prenatal massage",
                        3,
                        "Right: in the first trimester she should be seen by someone trained to work with pregnancy.",
                    ),
                    choice(
                        "Treat her yourself and adapt as you go, since she isn't showing yet",
                        0,
                        """Critical: you have no prenatal training. Pregnancy changes positioning, pressure, the
                        areas to avoid and the warning signs to watch for from the first weeks, and working
                        beyond your training puts her at risk.""",
                        critical=True,
                    ),
                    choice(
                        "Tell her massage is never safe in pregnancy",
                        0,
                        "Most pregnant clients can enjoy adapted massage; refusing outright isn't the answer.",
                    ),
                ],
            ),
            step(
                "Which precautions apply to her sessions?",
                [
                    choice("No heat treatments", 1, "Right."),
                    choice("Only light strokes toward the heart on the legs", 1, "Right: the risk of clots is higher."),
                    choice("Ask at every visit how the pregnancy is going", 1, "Right."),
                    choice(
                        "A hot stone treatment for her back",
                        0,
                        """Critical: heat treatments that raise body temperature are avoided in pregnancy, above all
                        in the first trimester.""",
                        critical=True,
                    ),
                ],
                kind="multiple",
            ),
            step(
                "At a later visit she tells you she has had some vaginal bleeding since yesterday. What do you do?",
                [
                    choice("No massage; advise her to contact her midwife or physician straight away", 2, "Right."),
                    choice(
                        "Carry on with light strokes and suggest she rests",
                        0,
                        "Critical: bleeding in pregnancy is a warning sign that needs her care team now.",
                        critical=True,
                    ),
                ],
            ),
        ],
        explanation="""Pregnancy is a relative, general contraindication: massage by a therapist trained in
        prenatal work, with supported positions, light leg work, no heat, and a check at every visit. Warning
        signs such as bleeding mean stop and contact the care team.""",
        review=(PREGNANCY, "contraindication-pregnancy-especially-the-first-trimester"),
        category=CASES,
        points="5",
        tags=("pregnancy", "case"),
    ),
    case(
        "TS201-CASE-VARICOSE",
        "Read the case, then decide what to do at each step.",
        client="Rosa, a hairdresser",
        age=55,
        complaint="Heavy, tired legs after long days standing.",
        history="Varicose veins for ten years.",
        observations="Bulging, twisted veins on the backs of both calves.",
        steps=[
            step(
                "How do you work her legs?",
                [
                    choice("Keep all direct pressure off the veins", 1, "Right: their walls are weak."),
                    choice("Glide lightly toward the heart around them", 1, "Right."),
                    choice("Work the thighs above the affected areas lightly", 1, "Right: usually comfortable."),
                    choice("Use hacking on the calves to wake up the circulation", -1, "Percussion is left out there."),
                    choice(
                        "Knead deeply over the veins to empty them",
                        0,
                        "Critical: deep or direct pressure can damage the weakened vein walls.",
                        critical=True,
                    ),
                ],
                kind="multiple",
            ),
            step(
                "Today one vein behind her left knee is hard, hot, red and painful. What do you do?",
                [
                    choice("Suspect a clot: no massage, and refer her to a physician", 2, "Right."),
                    choice(
                        "Work lightly around it as you do the other veins",
                        0,
                        "Critical: a hard, hot, painful vein may hold a clot.",
                        critical=True,
                    ),
                    choice(
                        "Put ice on it and carry on",
                        0,
                        """Critical: a hard, hot, red, painful vein may hold a clot. Carrying on puts pressure and
                        movement near it; stop and send her to a physician.""",
                        critical=True,
                    ),
                ],
            ),
        ],
        explanation="""Varicose veins are a relative, local contraindication: no direct or deep pressure, only
        light strokes toward the heart around them, and no percussion on the area. A vein that is hard, hot,
        red or painful may hold a clot.""",
        review=(CIRCULATION, "contraindication-varicose-veins"),
        category=CASES,
        tags=("varicose veins", "case"),
    ),
    case(
        "TS201-CASE-RA",
        "Read the case, then decide what to do at each step.",
        client="Helen, a retired librarian",
        age=67,
        complaint="Asks for her usual full-body session with a warm paraffin treatment for her hands.",
        history="Rheumatoid arthritis for twenty years.",
        medications="Long-term low-dose corticosteroids.",
        observations="Her wrists and knuckles are hot and swollen today. She says she otherwise feels well.",
        steps=[
            step(
                "How do you adapt today's session?",
                [
                    choice(
                        "Leave out the hands and wrists, keep the rest gentle, and use no heat",
                        3,
                        "Right: a flare is relative and local, and heat increases inflammation.",
                    ),
                    choice(
                        "Give the paraffin treatment, since warmth eases stiff joints",
                        0,
                        "Critical: heat on actively inflamed joints makes the inflammation worse.",
                        critical=True,
                    ),
                    choice(
                        "Massage the hands firmly to move the swelling",
                        0,
                        "Critical: pressure and movement aggravate actively inflamed joints.",
                        critical=True,
                    ),
                    choice(
                        "Cancel the whole session",
                        1,
                        "Over-cautious: she feels well, so the rest of her body can still be massaged.",
                    ),
                ],
            ),
            step(
                "Her long-term steroid medication means you should also:",
                [
                    choice("Use gentle pressure, as her skin may be thin and bruise easily", 1, "Right."),
                    choice(
                        "Use firmer pressure to reach through the stiffness",
                        0,
                        """Critical: long-term steroids thin the skin and can weaken the bones; firm pressure risks
                        bruising, skin tears and, over fragile bones, fractures.""",
                        critical=True,
                    ),
                ],
            ),
            step(
                "A month later she arrives mid-flare with a temperature and feels unwell all over. Now what?",
                [
                    choice("Postpone the session", 2, "Right: fever makes it absolute and general."),
                    choice(
                        "Go ahead, avoiding the inflamed joints",
                        0,
                        "Critical: with a fever and feeling unwell all over, no massage today.",
                        critical=True,
                    ),
                ],
            ),
        ],
        explanation="""In a flare, inflamed joints are left alone and heat is never used; the rest of the session
        stays gentle. Long-term steroids can thin the skin. A flare with fever, or feeling unwell all over, means
        postpone.""",
        review=(PREGNANCY, "contraindication-inflammatory-conditions-in-a-flare-such-as-rheumatoid-arthritis"),
        category=CASES,
        tags=("rheumatoid arthritis", "case"),
    ),
    case(
        "TS201-CASE-LOW-BP",
        "Read the case, then decide what to do at each step.",
        client="Wei, a retired bus driver",
        age=72,
        complaint="Tight shoulders and poor sleep.",
        history="Often feels light-headed when he stands up quickly.",
        medications="Tablets for high blood pressure.",
        steps=[
            step(
                "How do you plan the end of the session?",
                [
                    choice("Finish with a few brisker strokes rather than a long still hold", 1, "Right."),
                    choice("Ask him to sit on the edge of the table for a minute before standing", 1, "Right."),
                    choice("Stay close, with a hand ready to steady him", 1, "Right."),
                    choice(
                        "End with a long, still hold so he leaves deeply relaxed",
                        -1,
                        "That lowers blood pressure further just before he stands.",
                    ),
                ],
                kind="multiple",
                # Fine-tuning the close: the dangerous moment, him fainting, is the next step's decision.
                safety=False,
            ),
            step(
                "He stands up, goes pale and says the room is spinning. What do you do first?",
                [
                    choice("Help him sit or lie down straight away, and stay with him", 2, "Right."),
                    choice(
                        "Walk him to the door for some fresh air",
                        0,
                        "Critical: walking while faint risks a fall.",
                        critical=True,
                    ),
                    choice(
                        "Leave him to dress while you fetch water",
                        0,
                        "Critical: he must not be left alone while he might faint and fall.",
                        critical=True,
                    ),
                ],
            ),
        ],
        explanation="""Massage can lower blood pressure further, and blood-pressure medication can make standing up
        risky. Close the session more briskly, sit before standing, stay close, and if the client feels faint,
        get them down and stay with them.""",
        review=(CIRCULATION, "contraindication-low-blood-pressure-or-dizziness"),
        category=CASES,
        tags=("low blood pressure", "case"),
    ),
    case(
        "TS201-CASE-CANCER",
        "Read the case, then decide what to do at each step.",
        client="Linda, a graphic designer",
        age=52,
        complaint="Wants help with tension and tiredness during treatment.",
        history="Having chemotherapy for breast cancer; lymph nodes were removed from under her left arm.",
        medications="Chemotherapy every three weeks; the next dose is in two days.",
        observations="A port under the skin below her right collarbone.",
        steps=[
            step(
                "Before the first session, what do you do?",
                [
                    choice("Ask for clearance from her treatment team", 2, "Right."),
                    choice(
                        "Carry on as normal: the old advice against massage is outdated",
                        0,
                        """Critical: with an arm at risk of lymphoedema, a port and chemotherapy in two days, a usual
                        session could cause harm. The current approach is adaptation planned with her treatment
                        team, not no change.""",
                        critical=True,
                    ),
                    choice(
                        "Decline: people with cancer should never be massaged",
                        0,
                        "That idea has given way to gentle, informed work.",
                    ),
                ],
            ),
            step(
                "With clearance, what does her session look like?",
                [
                    choice("Light, slow gliding and holding strokes", 1, "Right."),
                    choice("Keep well away from the port", 1, "Right: ports, lines and drains are avoided."),
                    choice("No deep pressure on her left arm", 1, "Right: it is at risk of lymphoedema."),
                    choice("Especially strict hygiene", 1, "Right: chemotherapy can lower her blood counts."),
                    choice(
                        "Deep work on the left arm to stop it swelling",
                        0,
                        "Critical: deep pressure on a limb whose lymph nodes were removed can provoke lymphoedema.",
                        critical=True,
                    ),
                ],
                kind="multiple",
            ),
        ],
        explanation="""Cancer treatment is a relative, general contraindication. Obtain clearance, use light
        pressure, avoid tumour sites, radiation-treated skin, ports and lines, protect a limb at risk of
        lymphoedema, and keep hygiene strict.""",
        review=(PREGNANCY, "contraindication-cancer-treatment"),
        category=CASES,
        tags=("cancer", "case"),
    ),
    case(
        "TS201-CASE-DIABETES",
        "Read the case, then decide what to do at each step.",
        client="Marcus, a delivery driver",
        age=58,
        complaint="Aching shoulders and lower back from long days behind the wheel.",
        history="Type 2 diabetes for twelve years; numbness in both feet.",
        medications="Insulin, injected into his abdomen about half an hour before the session.",
        observations="He mentions that he skipped lunch to make the appointment. His feet feel cold to him.",
        steps=[
            step(
                "How do you plan his session?",
                [
                    choice("Leave his abdomen out today", 1, "Right: he injected there half an hour ago."),
                    choice("Look at his feet before you work on them", 1, "Right: he may not feel a sore or cut."),
                    choice(
                        "Keep pressure on his feet and lower legs light", 1, "Right: his feedback there is unreliable."
                    ),
                    choice("Keep a sugary drink within reach", 1, "Right: he skipped lunch after taking insulin."),
                    choice(
                        "Put heat packs on his feet, since they feel cold",
                        0,
                        """Critical: with numb feet he may not feel a burn until the skin is damaged, and burns heal
                        slowly in diabetes.""",
                        critical=True,
                    ),
                ],
                kind="multiple",
            ),
            step(
                "Halfway through, he is sweating and shaky and his answers stop making sense. What do you do?",
                [
                    choice(
                        "Stop, help him sit up, and help him take glucose tablets or a sugary drink, staying with him",
                        3,
                        "Right: these are signs of low blood sugar, and he can still swallow.",
                    ),
                    choice(
                        "Carry on: people often sweat when they relax",
                        0,
                        "Critical: sweating, shaking and confusion after insulin and no lunch suggest low blood sugar.",
                        critical=True,
                    ),
                    choice(
                        "Let him rest on the table while you step out to prepare the next room",
                        0,
                        "Critical: low blood sugar can worsen quickly; he must not be left alone.",
                        critical=True,
                    ),
                ],
            ),
            step(
                "He becomes very drowsy and can no longer swallow properly. What now?",
                [
                    choice(
                        "Call emergency services, put him on his side and stay with him",
                        2,
                        "Right: this is an emergency.",
                    ),
                    choice(
                        "Pour some juice into his mouth",
                        0,
                        "Critical: he could choke. Nothing goes into the mouth of someone who can't swallow safely.",
                        critical=True,
                    ),
                    choice(
                        "Let him sleep it off and check on him in half an hour",
                        0,
                        "Critical: severe low blood sugar needs emergency care now, not later.",
                        critical=True,
                    ),
                ],
            ),
        ],
        explanation="""Diabetes is a relative, general contraindication. Reduced sensation means lighter pressure and
        no heat on numb areas, recent injection sites are avoided, and a client who has taken insulin without eating
        may have low blood sugar on the table: stop, give sugar if they can swallow, stay with them, and call
        emergency services if they become drowsy, cannot swallow or do not improve.""",
        review=(SYSTEMIC, "low-blood-sugar-during-a-session"),
        category=CASES,
        points="5",
        tags=("diabetes", "case"),
    ),
    case(
        "TS201-CASE-INTOXICATION",
        "Read the case, then decide what to do at each step.",
        client="Callum, a sales manager and regular client",
        age=41,
        complaint="His usual monthly deep tissue session for a stiff upper back.",
        history="No health changes since his last visit.",
        observations="He smells strongly of alcohol, his speech is slurred and he sways as he stands. He says he "
        "has come from a long lunch and plans to drive home.",
        steps=[
            step(
                "What do you do about today's session?",
                [
                    choice(
                        "Postpone, tell him privately why, and offer to rebook",
                        3,
                        "Right: intoxication is an absolute, general contraindication.",
                    ),
                    choice(
                        "Give a lighter, shorter session instead of the deep tissue work",
                        0,
                        """Critical: lighter pressure doesn't make it safe. He can't give reliable feedback or
                        informed consent, and is more likely to faint or fall.""",
                        critical=True,
                    ),
                    choice(
                        "Go ahead as usual: he is a regular client and says he feels fine",
                        0,
                        "Critical: intoxication rules out massage today, whoever the client is.",
                        critical=True,
                    ),
                ],
            ),
            step(
                "He is still unsteady and reaches for his car keys. What do you do?",
                [
                    choice("Offer to call him a taxi or someone to collect him", 2, "Right: his safety comes first."),
                    choice(
                        "Suggest a strong coffee will make him fine to drive",
                        0,
                        "Critical: that advice is untrue and outside your scope, and it could get him or others hurt.",
                        critical=True,
                    ),
                ],
            ),
            step(
                "How do you record the visit?",
                [
                    choice(
                        '"Smelled strongly of alcohol, slurred speech, unsteady; session postponed; taxi offered"',
                        1,
                        "Right: factual observations and what you did.",
                    ),
                    choice('"Client was drunk again"', 0, "Record what you saw, not a judgement."),
                ],
                # Record keeping: neither option puts him at risk.
                safety=False,
            ),
        ],
        explanation="""Intoxication from alcohol or drugs is an absolute, general contraindication: no massage, in
        any form. Postpone privately and without judgement, make sure the client gets home safely, and record the
        facts you observed.""",
        review=(SYSTEMIC, "intoxication"),
        category=CASES,
        tags=("intoxication", "case"),
    ),
    case(
        "TS201-CASE-OSTEOPOROSIS",
        "Read the case, then decide what to do at each step.",
        client="Margaret, a retired nurse",
        age=76,
        complaint="Asks for firm, deep pressure on her back and a good stretch, like her previous therapist gave.",
        history="Osteoporosis diagnosed three years ago after she broke her wrist in a small fall.",
        medications="Bone-strengthening tablets, and calcium and vitamin D.",
        steps=[
            step(
                "How do you plan her session?",
                [
                    choice("Keep pressure light to moderate, lightest over the ribs and spine", 1, "Right."),
                    choice("Position her side-lying or face up, well supported with pillows", 1, "Right."),
                    choice("Help her on and off the table", 1, "Right: a fall is the most common way bones break."),
                    choice(
                        "Give the firm, deep back pressure she asked for",
                        0,
                        "Critical: deep pressure can crack a fragile rib or compress a vertebra.",
                        critical=True,
                    ),
                    choice(
                        "Stretch and mobilise her spine and hips to loosen her up",
                        0,
                        "Critical: stretching and joint mobilisation lever on fragile bone and can break it.",
                        critical=True,
                    ),
                ],
                kind="multiple",
            ),
            step(
                "At her next visit she has sharp mid-back pain that began suddenly when she lifted a shopping bag. "
                "What do you do?",
                [
                    choice(
                        "Leave that area alone and advise her to see her physician promptly",
                        2,
                        "Right: sudden back pain with osteoporosis may be a fracture of a vertebra.",
                    ),
                    choice(
                        "Work the painful area to release the muscle spasm",
                        0,
                        "Critical: this may be a fracture; pressure on it could make it worse.",
                        critical=True,
                    ),
                ],
            ),
        ],
        explanation="""Osteoporosis is a relative, general contraindication. Keep pressure light to moderate, leave
        out percussion, stretches and joint mobilisation, support the client's position and help them on and off
        the table. Sudden new back pain may be a fracture: don't massage the area, and refer.""",
        review=(SYSTEMIC, "osteoporosis"),
        category=CASES,
        tags=("osteoporosis", "case"),
    ),
)

QUESTIONS = KNOWLEDGE + CLIENT_CASES

FINAL_FIXED = (
    "TS201-DVT-CLASS",
    "TS201-ABSOLUTE-LIST",
    "TS201-RELATIVE-LIST",
    "TS201-MATCH-ACTIONS",
    "TS201-ORDER-DECIDE",
    "TS201-CLOT-RISKS",
)

QUIZZES = (
    QuizSpec(
        slug="contraindications-practice-quiz",
        title="Contraindications practice quiz",
        intro="""<p>Practise sorting conditions by how serious they are and how far they reach, before the final
        assessment. This quiz doesn't count toward completing the course: take it as often as you like and use
        the review links to revisit each module.</p>""",
        questions=tuple(question.reference for question in KNOWLEDGE),
        settings={
            "pass_mark": 70,
            "grading_method": "latest",
            "layout": "one_per_page",
            "shuffle_questions": True,
            "shuffle_options": True,
            "review_detail": "full",
            "review_timing": "after_each",
            "counts_towards_completion": False,
            "time_limit_minutes": None,
            "max_attempts": None,
        },
    ),
    QuizSpec(
        slug="final-assessment",
        title="Final assessment: contraindications and client safety",
        intro="""<p>This graded test is required before the certificate for this home-study course is issued. It
        has six questions on classifying contraindications and six client cases drawn at random. You have 30
        minutes and three attempts; your best attempt counts. In a client case, choosing an action that could
        harm the client is a critical safety error and fails the attempt whatever the score. Detailed feedback
        is shown after your last attempt.</p>""",
        questions=FINAL_FIXED,
        draws=((CASES, 6),),
        settings={
            "pass_mark": 80,
            "grading_method": "highest",
            "layout": "all_on_one_page",
            "shuffle_questions": True,
            "shuffle_options": True,
            "review_detail": "full",
            "review_timing": "after_last",
            "counts_towards_completion": True,
            "critical_error_fails_quiz": True,
            "time_limit_minutes": 30,
            "max_attempts": 3,
        },
    ),
)

CONTENT = CourseQuestions(
    course_slug="contraindications-and-client-safety",
    categories={
        BASICS: "Classifying contraindications, risk factors, clearance and records.",
        CASES: "Client case scenarios with critical safety errors, one per key contraindication.",
    },
    questions=QUESTIONS,
    quizzes=QUIZZES,
)
