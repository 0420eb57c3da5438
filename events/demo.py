"""Demo providers, their accounts and their events, for `manage.py load_demo`.

Dates are counted from today, so the demo always has upcoming and past events. Running it again
updates the same pages, sessions (keeping their calendar IDs) and accounts instead of adding more.
"""

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from django.utils import timezone

from courses.models import CECategory, CoursePage
from home.demo import DemoAccount, ensure_user

from . import schedule
from .models import (
    EventApproval,
    EventCECategory,
    EventCourseLink,
    EventInstructor,
    EventPage,
    EventSession,
    ProviderApproval,
    ProviderPage,
)
from .services import add_provider_account, ensure_events_index, ensure_provider_setup

PROVIDER_GULF = DemoAccount(
    "Provider", "gulfcoast", "touchstone-provider", "Renee Alvarez", "Lists Gulf Coast Bodywork Institute's events"
)
PROVIDER_CASCADE = DemoAccount(
    "Provider", "cascade", "touchstone-provider", "Owen Tanaka", "Lists Cascade Myofascial Education's events"
)


@dataclass
class DemoProvider:
    account: DemoAccount
    title: str
    slug: str
    description: str
    contact_email: str
    contact_phone: str
    website: str
    street_address: str
    city: str
    region: str
    postal_code: str
    time_zone: str
    # (approving body, number, days until expiry or None)
    approvals: list[tuple[str, str, int | None]]


@dataclass
class DemoEvent:
    provider: str  # provider slug
    title: str
    slug: str
    summary: str
    description: str
    objectives: list[str]
    instructors: list[tuple[str, str, str]]  # name, credentials, bio
    # (days from today, start hour, start minute, end days from today, end hour, end minute)
    sessions: list[tuple[int, int, int, int, int, int]]
    delivery: str
    ce_hours: str
    categories: list[tuple[str, str | None]]  # category slug, hours (None: all)
    cost: str
    time_zone: str = "America/New_York"
    hands_on: bool = False
    venue: str = ""
    street_address: str = ""
    city: str = ""
    region: str = ""
    postal_code: str = ""
    online_platform: str = ""
    joining_details: str = ""
    status: str = "scheduled"
    certificate_fee: str | None = None
    capacity: int | None = None
    prerequisites: str = ""
    registration_details: str = "Register on our website; your place is confirmed when payment is received."
    registration_url: str = ""
    deadline_days: int | None = None  # from today
    cancellation_policy: str = ""
    approvals: list[tuple[str, str]] = field(default_factory=list)
    courses: list[str] = field(default_factory=list)  # catalogue course slugs (see COURSE_SLUGS.md)


GULF_POLICY = (
    "Pay in full when you register, by card or bank transfer. Cancel at least 14 days before the first "
    "session for a full refund, or 7 to 13 days before for a credit towards another workshop. Later "
    "cancellations are not refunded. If we cancel, you choose a full refund or a place on the next date."
)
CASCADE_POLICY = (
    "A $100 deposit holds your place; the balance is due 21 days before the workshop. Cancel up to 21 days "
    "before for a refund less the deposit, which can be moved once to another date. No refunds inside 21 "
    "days, but you may send a colleague in your place. If we cancel or postpone, every payment is refunded."
)
WEBINAR_POLICY = (
    "Pay by card when you register. Cancel up to 24 hours before the start for a full refund. Missed the "
    "live session? Florida and NCBTMB count only live attendance for a live course, so we move you to the "
    "next date free of charge instead."
)

PROVIDERS = [
    DemoProvider(
        account=PROVIDER_GULF,
        title="Gulf Coast Bodywork Institute",
        slug="gulf-coast-bodywork-institute",
        description=(
            "<p>A continuing-education school for licensed massage therapists on Florida's Gulf Coast. "
            "Our instructors still see clients every week, and our workshops keep the class small enough "
            "for every participant to get hands-on feedback.</p>"
            "<p>We run the mandatory Florida renewal subjects as live webinars in the evening, so you can "
            "meet the board's requirements without closing your practice for a day.</p>"
        ),
        contact_email="courses@gulfcoastbodywork.example",
        contact_phone="(813) 555-0142",
        website="https://gulfcoastbodywork.example",
        street_address="2210 Bayshore Boulevard, Suite 4",
        city="Tampa",
        region="Florida",
        postal_code="33606",
        time_zone="America/New_York",
        approvals=[
            ("NCBTMB", "451207-00", 700),
            ("Florida Board of Massage Therapy", "50-23817", 330),
        ],
    ),
    DemoProvider(
        account=PROVIDER_CASCADE,
        title="Cascade Myofascial Education",
        slug="cascade-myofascial-education",
        description=(
            "<p>Myofascial release and trigger point workshops for massage therapists in the Pacific "
            "Northwest, and on tour. Every workshop pairs short demonstrations with long, supervised "
            "practice, and ends with a session plan you can use with clients the following week.</p>"
        ),
        contact_email="hello@cascademyofascial.example",
        contact_phone="(503) 555-0187",
        website="https://cascademyofascial.example",
        street_address="915 SE Hawthorne Boulevard",
        city="Portland",
        region="Oregon",
        postal_code="97214",
        time_zone="America/Los_Angeles",
        approvals=[
            ("NCBTMB", "452318-00", 420),
            ("Oregon Board of Massage Therapists", "CE-1184", -45),
        ],
    ),
]

GULF = "gulf-coast-bodywork-institute"
CASCADE = "cascade-myofascial-education"

EVENTS = [
    DemoEvent(
        provider=GULF,
        title="Prenatal Massage: Positioning, Comfort and Safety",
        slug="prenatal-massage-positioning-comfort-and-safety",
        summary=(
            "Two hands-on days on side-lying and semi-reclined massage for pregnant clients, from intake "
            "questions to the techniques to leave out in each trimester."
        ),
        description=(
            "<p>Pregnant clients are among the most grateful and the most cautious people on your table. "
            "This workshop gives you a routine you can adapt from the first trimester to the last weeks, and "
            "the screening that tells you when to adapt it, postpone it or ask for medical clearance.</p>"
            "<h3>How the two days run</h3>"
            "<p>Day one covers intake, red flags and positioning with pillows and wedges, practised on each "
            "other. Day two builds a full side-lying session for the back, hips and legs, with attention to "
            "circulation in the lower limbs and what to do when a client reports swelling or calf pain.</p>"
        ),
        objectives=[
            "Screen a pregnant client and recognise the signs that call for medical clearance.",
            "Position a client side-lying and semi-reclined so she is supported and comfortable.",
            "Adapt pressure and technique on the legs because of the raised risk of clots.",
            "Plan a 60-minute prenatal session for each trimester.",
        ],
        instructors=[
            (
                "Dana Whitfield",
                "LMT, BCTMB",
                "Dana has specialised in prenatal and postpartum massage for fourteen years and teaches at two "
                "Florida massage schools.",
            )
        ],
        sessions=[(24, 9, 0, 24, 17, 0), (25, 9, 0, 25, 16, 30)],
        delivery="live_on_site",
        hands_on=True,
        ce_hours="14",
        categories=[("hands-on-technique", "10"), ("contraindications-safety", "4")],
        cost="425",
        venue="Bayside Wellness Center, Studio B",
        street_address="2210 Bayshore Boulevard",
        city="Tampa",
        region="Florida",
        postal_code="33606",
        capacity=18,
        prerequisites=(
            "A current massage therapy licence, or the final term of an accredited massage programme. Bring "
            "two sheets, a face cradle cover and a pillowcase."
        ),
        registration_url="https://gulfcoastbodywork.example/register/prenatal",
        deadline_days=17,
        cancellation_policy=GULF_POLICY,
        approvals=[("NCBTMB", "451207-00-PMS14"), ("Florida Board of Massage Therapy", "20-884512")],
        courses=["contraindications-and-client-safety"],
    ),
    DemoEvent(
        provider=GULF,
        title="Florida Laws and Rules for Massage Therapists",
        slug="florida-laws-and-rules",
        summary=(
            "The two hours of Florida laws and rules every licence renewal needs, taught live with time for "
            "your questions about advertising, records and scope of practice."
        ),
        description=(
            "<p>A plain-language tour of Chapter 480 of the Florida Statutes and the board's rules: what "
            "your licence lets you do, what has to be in your advertising, how long to keep client records, "
            "and which mistakes most often end in discipline.</p>"
        ),
        objectives=[
            "Describe the scope of practice of a Florida licensed massage therapist.",
            "List what Florida requires in massage advertising and on client records.",
            "Explain the continuing-education rules for your next renewal.",
        ],
        instructors=[("Marcus Bell", "LMT, JD", "Marcus practised massage for a decade before turning to law.")],
        sessions=[(10, 18, 0, 10, 20, 0)],
        delivery="live_webinar",
        ce_hours="2",
        categories=[("laws-rules", None)],
        cost="35",
        online_platform="Zoom",
        joining_details=(
            "The Zoom link is e-mailed the day before. Keep your camera on: attendance is checked during "
            "the session, as live credit requires."
        ),
        registration_url="https://gulfcoastbodywork.example/register/laws-and-rules",
        deadline_days=9,
        cancellation_policy=WEBINAR_POLICY,
        approvals=[("Florida Board of Massage Therapy", "20-884530")],
    ),
    DemoEvent(
        provider=GULF,
        title="Preventing Medical Errors in Massage Practice",
        slug="preventing-medical-errors",
        summary=(
            "Two live hours on the errors that reach massage clients (missed contraindications, wrong "
            "records, poor hand-offs) and the habits that stop them."
        ),
        description=(
            "<p>Built around case stories from real practices: a client whose medication list changed, a "
            "referral note that never arrived, an intake form nobody read. Each case ends with a checklist "
            "you can adopt the next morning.</p>"
        ),
        objectives=[
            "Identify the most common sources of error in a massage practice.",
            "Use an intake review routine that catches changes in a client's health.",
            "Document sessions so that another therapist could pick up safely.",
        ],
        instructors=[("Dana Whitfield", "LMT, BCTMB", "")],
        sessions=[(17, 18, 0, 17, 20, 0)],
        delivery="live_webinar",
        ce_hours="2",
        categories=[("medical-errors", None)],
        cost="35",
        online_platform="Zoom",
        joining_details="The Zoom link is e-mailed the day before the webinar.",
        registration_url="https://gulfcoastbodywork.example/register/medical-errors",
        deadline_days=16,
        cancellation_policy=WEBINAR_POLICY,
        approvals=[("Florida Board of Massage Therapy", "20-884531")],
    ),
    DemoEvent(
        provider=GULF,
        title="Ethics for Bodyworkers: Boundaries, Dual Relationships and Records",
        slug="ethics-for-bodyworkers",
        summary=(
            "A self-paced ethics course with short videos, client scenarios and a graded test, open for "
            "five months from the day it launched."
        ),
        description=(
            "<p>Ethics questions in massage are rarely dramatic; they are the friend who wants a discount, the "
            "client who texts late at night, the colleague whose notes say less than they should. This course "
            "works through such situations one at a time and asks you to decide before it discusses them.</p>"
            "<p>A test at the end is graded before your certificate is issued; you may retake it.</p>"
        ),
        objectives=[
            "Recognise a dual relationship and decide whether it can be managed or must be avoided.",
            "Keep professional boundaries in booking, messaging and social media.",
            "Write session notes that are accurate, respectful and complete.",
        ],
        instructors=[("Marcus Bell", "LMT, JD", "")],
        sessions=[(-30, 9, 0, 150, 23, 30)],
        delivery="on_demand",
        ce_hours="3",
        categories=[("ethics", None)],
        cost="45",
        online_platform="Gulf Coast online classroom",
        joining_details=(
            "Your login arrives by e-mail within an hour of registering. Study in as many sittings as you "
            "like before access closes."
        ),
        registration_details="Register and pay online; access starts straight away.",
        registration_url="https://gulfcoastbodywork.example/register/ethics",
        deadline_days=140,
        cancellation_policy=("Refunds within 14 days of registering, as long as you have not started the final test."),
        approvals=[("NCBTMB", "451207-00-ETH3")],
        courses=["client-communication-and-consent"],
    ),
    DemoEvent(
        provider=GULF,
        title="Trigger Point Therapy for the Neck and Shoulders",
        slug="trigger-point-therapy-neck-and-shoulders",
        summary=(
            "A practical day on finding and treating trigger points in the upper trapezius, levator "
            "scapulae and suboccipitals, with plenty of supervised table time."
        ),
        description=(
            "<p>Clients with desk-bound necks and tension headaches fill many appointment books. You will "
            "learn to palpate taut bands, apply sustained pressure the client can tolerate, and follow "
            "treatment with stretching and self-care advice.</p>"
        ),
        objectives=[
            "Locate common trigger points of the neck and shoulder girdle by palpation.",
            "Apply ischaemic compression within the client's pain tolerance.",
            "Teach a client two stretches to continue at home.",
        ],
        instructors=[("Luis Moreno", "LMT", "Luis runs a sports and rehabilitation massage clinic in Orlando.")],
        sessions=[(45, 9, 0, 45, 17, 0)],
        delivery="live_on_site",
        hands_on=True,
        ce_hours="7",
        categories=[("hands-on-technique", None)],
        cost="215",
        venue="Lakeside Massage Studio",
        street_address="48 East Pine Street",
        city="Orlando",
        region="Florida",
        postal_code="32801",
        capacity=20,
        registration_url="https://gulfcoastbodywork.example/register/trigger-point",
        deadline_days=38,
        cancellation_policy=GULF_POLICY,
        approvals=[("NCBTMB", "451207-00-TP7")],
        courses=["swedish-technique-foundations"],
    ),
    DemoEvent(
        provider=GULF,
        title="Sports Massage for Endurance Athletes",
        slug="sports-massage-endurance-athletes",
        summary=(
            "Pre-event, post-event and maintenance massage for runners, cyclists and triathletes. "
            "This date has been cancelled."
        ),
        description=(
            "<p>This workshop was cancelled because the venue became unavailable. Everyone registered has been "
            "offered a full refund or a place on the next date.</p>"
        ),
        objectives=[
            "Choose the right pace and pressure for pre-event and post-event massage.",
            "Plan maintenance sessions around an athlete's training cycle.",
        ],
        instructors=[("Luis Moreno", "LMT", "")],
        sessions=[(38, 9, 0, 38, 16, 0)],
        delivery="live_on_site",
        hands_on=True,
        ce_hours="6",
        categories=[("hands-on-technique", None)],
        cost="195",
        venue="Riverside Athletic Club",
        street_address="1200 Riverside Avenue",
        city="Jacksonville",
        region="Florida",
        postal_code="32204",
        status="cancelled",
        cancellation_policy=GULF_POLICY,
        approvals=[("NCBTMB", "451207-00-SP6")],
    ),
    DemoEvent(
        provider=GULF,
        title="Hydrotherapy and Hot Stone Essentials",
        slug="hydrotherapy-and-hot-stone-essentials",
        summary=(
            "Heat and cold in the treatment room: hot stones, packs and contrast treatments, and the clients "
            "who should not have them."
        ),
        description=(
            "<p>A day on using temperature safely: heating stones to a safe range, placing and moving them, "
            "cold applications for recent strains, and the screening questions for circulation and "
            "sensation problems.</p>"
        ),
        objectives=[
            "Heat, check and sanitise massage stones safely.",
            "Decide when heat or cold suits a client's condition.",
            "Screen for conditions that rule out thermal treatments.",
        ],
        instructors=[("Dana Whitfield", "LMT, BCTMB", "")],
        sessions=[(-40, 9, 0, -40, 16, 30)],
        delivery="live_on_site",
        hands_on=True,
        ce_hours="6.5",
        categories=[("hands-on-technique", "5"), ("contraindications-safety", "1.5")],
        cost="245",
        venue="Forsyth Wellness Collective",
        street_address="301 Bull Street",
        city="Savannah",
        region="Georgia",
        postal_code="31401",
        cancellation_policy=GULF_POLICY,
        approvals=[("NCBTMB", "451207-00-HHS6")],
    ),
    DemoEvent(
        provider=CASCADE,
        title="Myofascial Release for the Lower Back and Pelvis",
        slug="myofascial-release-lower-back-and-pelvis",
        summary=(
            "Three hands-on days of slow, sustained myofascial work for clients with low back pain, from "
            "assessment to a complete treatment plan."
        ),
        description=(
            "<p>Myofascial release asks for patience: light-to-moderate pressure held long enough for the "
            "tissue to respond. Over three days you will practise skin rolling, cross-hand release and "
            "sustained holds around the lumbar spine, sacrum and hips, and learn when low back pain needs "
            "a referral first.</p>"
        ),
        objectives=[
            "Assess posture and tissue mobility of the lower back and pelvis.",
            "Apply cross-hand and sustained myofascial releases with appropriate pressure.",
            "Recognise red flags in low back pain that call for referral.",
            "Build a three-session treatment plan with home care.",
        ],
        instructors=[
            (
                "Hannah Lindqvist",
                "LMT, BCTMB",
                "Hannah has taught myofascial release for twenty years and keeps a small clinic in Portland.",
            ),
            ("Owen Tanaka", "LMT", "Owen assists at every Cascade workshop."),
        ],
        sessions=[(52, 9, 0, 52, 17, 0), (53, 9, 0, 53, 17, 0), (54, 9, 0, 54, 15, 0)],
        delivery="live_on_site",
        hands_on=True,
        ce_hours="21",
        categories=[("hands-on-technique", "18"), ("contraindications-safety", "3")],
        cost="695",
        time_zone="America/Los_Angeles",
        venue="Cascade Teaching Studio",
        street_address="915 SE Hawthorne Boulevard",
        city="Portland",
        region="Oregon",
        postal_code="97214",
        certificate_fee="15",
        capacity=16,
        prerequisites="A current massage licence and at least one year in practice.",
        registration_details="Book online with a $100 deposit, or call the studio.",
        registration_url="https://cascademyofascial.example/workshops/lower-back",
        deadline_days=31,
        cancellation_policy=CASCADE_POLICY,
        approvals=[("NCBTMB", "452318-00-MFR21")],
    ),
    DemoEvent(
        provider=CASCADE,
        title="Trigger Point Therapy: Referral Patterns of the Upper Body",
        slug="trigger-point-referral-patterns-upper-body",
        summary=(
            "Map where upper-body trigger points send their pain, and treat the source instead of the "
            "symptom. This date is full."
        ),
        description=(
            "<p>Pain felt in the arm or head often starts somewhere else. This workshop works through the "
            "referral patterns of the shoulder and chest muscles and the treatment sequence for each.</p>"
        ),
        objectives=[
            "Predict the likely source of referred pain in the head, shoulder and arm.",
            "Treat trigger points in the scalenes, pectorals and rotator cuff.",
        ],
        instructors=[("Hannah Lindqvist", "LMT, BCTMB", "")],
        sessions=[(31, 9, 0, 31, 17, 30)],
        delivery="live_on_site",
        hands_on=True,
        ce_hours="7",
        categories=[("hands-on-technique", None)],
        cost="225",
        time_zone="America/Los_Angeles",
        venue="Capitol Hill Bodywork School",
        street_address="1521 10th Avenue",
        city="Seattle",
        region="Washington",
        postal_code="98122",
        status="full",
        capacity=20,
        registration_details="This date is full. E-mail us to join the waiting list.",
        cancellation_policy=CASCADE_POLICY,
        approvals=[("NCBTMB", "452318-00-TPR7")],
    ),
    DemoEvent(
        provider=CASCADE,
        title="Body Mechanics and Self-Care for Massage Therapists",
        slug="body-mechanics-and-self-care",
        summary=(
            "A free live webinar on protecting your thumbs, wrists and back over a long career: table height, "
            "stance and pacing a full day of clients."
        ),
        description=(
            "<p>Most therapists who leave the profession early leave because of their own injuries. We look at "
            "the working positions that overload the hands and back and the small changes that spare them.</p>"
        ),
        objectives=[
            "Set table height and stance for the techniques you use most.",
            "Spread the load across your hands, forearms and body weight.",
            "Plan a working day with recovery built in.",
        ],
        instructors=[("Owen Tanaka", "LMT", "")],
        sessions=[(6, 10, 0, 6, 12, 0)],
        delivery="live_webinar",
        ce_hours="2",
        categories=[("self-care", None)],
        cost="0",
        time_zone="America/Los_Angeles",
        online_platform="Zoom",
        joining_details="Register to receive the Zoom link; it is also shown on your confirmation page.",
        registration_details="Free, but registration is required so we can issue certificates.",
        registration_url="https://cascademyofascial.example/webinars/self-care",
        cancellation_policy="Free of charge. If you cannot come, please cancel so someone else can have the place.",
        approvals=[("NCBTMB", "452318-00-SC2")],
    ),
    DemoEvent(
        provider=CASCADE,
        title="Human Trafficking Awareness for Massage Professionals",
        slug="human-trafficking-awareness",
        summary=(
            "One live hour on recognising trafficking in the massage industry and responding safely. "
            "Postponed: new date to follow."
        ),
        description=(
            "<p>Covers the warning signs in businesses and clients, how to respond without putting anyone at "
            "risk, and where to report. Several states require this subject at renewal.</p>"
        ),
        objectives=[
            "Recognise indicators of labour and sex trafficking linked to massage businesses.",
            "Know how and where to report a concern.",
        ],
        instructors=[("Grace Mbeki", "MSW", "Grace works with a survivor-support organisation in Portland.")],
        sessions=[(20, 17, 0, 20, 18, 0)],
        delivery="live_webinar",
        ce_hours="1",
        categories=[("human-trafficking", None)],
        cost="20",
        time_zone="America/Los_Angeles",
        online_platform="Zoom",
        joining_details="The Zoom link is e-mailed two days before.",
        status="postponed",
        cancellation_policy="Full refund at any time before the webinar.",
        approvals=[("NCBTMB", "452318-00-HT1")],
    ),
    DemoEvent(
        provider=CASCADE,
        title="Myofascial Release Foundations",
        slug="myofascial-release-foundations",
        summary="Two days on the principles and basic holds of myofascial release, for therapists new to it.",
        description=(
            "<p>The starting point for our myofascial workshops: what fascia does, how sustained pressure "
            "differs from deep tissue work, and the six holds we build on later.</p>"
        ),
        objectives=[
            "Explain how myofascial release differs from deep tissue massage.",
            "Perform six foundational myofascial holds.",
        ],
        instructors=[("Hannah Lindqvist", "LMT, BCTMB", "")],
        sessions=[(-60, 9, 0, -60, 17, 0), (-59, 9, 0, -59, 17, 0)],
        delivery="live_on_site",
        hands_on=True,
        ce_hours="14",
        categories=[("hands-on-technique", None)],
        cost="445",
        time_zone="America/Los_Angeles",
        venue="Cascade Teaching Studio",
        street_address="915 SE Hawthorne Boulevard",
        city="Portland",
        region="Oregon",
        postal_code="97214",
        cancellation_policy=CASCADE_POLICY,
        approvals=[("NCBTMB", "452318-00-MFF14")],
    ),
    DemoEvent(
        provider=CASCADE,
        title="Oncology-Aware Massage: Adapting Sessions for Clients in Cancer Care",
        slug="oncology-aware-massage",
        summary=(
            "Two days in Austin on adapting pressure, position and session length for clients during and "
            "after cancer treatment."
        ),
        description=(
            "<p>Massage can ease the stress and discomfort of cancer treatment when it is adapted well. You "
            "will learn the questions to ask about surgery, radiation, ports and lymph node removal, and "
            "practise gentle, well-positioned sessions that respect them.</p>"
        ),
        objectives=[
            "Take a history that covers treatments, devices and lymphoedema risk.",
            "Adapt pressure, site and position to a client's treatment.",
            "Work with a client's care team when clearance is needed.",
        ],
        instructors=[("Hannah Lindqvist", "LMT, BCTMB", "")],
        sessions=[(66, 9, 0, 66, 16, 0), (67, 9, 0, 67, 16, 0)],
        delivery="live_on_site",
        hands_on=True,
        ce_hours="12",
        categories=[("contraindications-safety", "8"), ("hands-on-technique", "4")],
        cost="395",
        time_zone="America/Chicago",
        venue="Eastside Integrative Health",
        street_address="2400 East Cesar Chavez Street",
        city="Austin",
        region="Texas",
        postal_code="78702",
        capacity=22,
        prerequisites="A current massage licence.",
        registration_url="https://cascademyofascial.example/workshops/oncology",
        deadline_days=52,
        cancellation_policy=CASCADE_POLICY,
        approvals=[("NCBTMB", "452318-00-ONC12")],
        courses=["contraindications-and-client-safety"],
    ),
]


def _local(days: int, hour: int, minute: int) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return datetime(day.year, day.month, day.day, hour, minute)


def _sync_children(manager, model, rows: list[dict]) -> None:
    """Update existing child rows in order (keeping their ids), add or drop the rest."""
    existing = list(manager.all())
    kept = []
    for position, values in enumerate(rows):
        item = existing[position] if position < len(existing) else model()
        for name, value in values.items():
            setattr(item, name, value)
        item.sort_order = position
        kept.append(item)
    manager.set(kept)


def _comparable(value):
    """Serialised page data, with StreamField JSON parsed: its key order differs between databases."""
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    if isinstance(value, list):
        return [_comparable(item) for item in value]
    if isinstance(value, dict):
        return {key: _comparable(item) for key, item in value.items()}
    return value


def _publish_if_changed(page, parent, is_new: bool, before) -> bool:
    if is_new:
        parent.add_child(instance=page)
        page.save_revision().publish()
        return True
    if _comparable(page.serializable_data()) != before or not page.live or page.has_unpublished_changes:
        page.save_revision().publish()
        return True
    return False


def _load_provider(index, spec: DemoProvider) -> ProviderPage:
    page = ProviderPage.objects.child_of(index).filter(slug=spec.slug).first()
    is_new = page is None
    page = page or ProviderPage(slug=spec.slug)
    before = None if is_new else _comparable(page.serializable_data())
    today = timezone.localdate()
    for name in (
        "title",
        "description",
        "contact_email",
        "contact_phone",
        "website",
        "street_address",
        "city",
        "region",
        "postal_code",
        "time_zone",
    ):
        setattr(page, name, getattr(spec, name))
    page.country = "United States"
    _sync_children(
        page.approvals,
        ProviderApproval,
        [
            {
                "approving_body": body,
                "approval_number": number,
                "expires_on": today + timedelta(days=days) if days is not None else None,
            }
            for body, number, days in spec.approvals
        ],
    )
    _publish_if_changed(page, index, is_new, before)
    page.refresh_from_db()
    return page


def _load_event(provider: ProviderPage, spec: DemoEvent, categories: dict, courses: dict) -> EventPage:
    page = EventPage.objects.child_of(provider).filter(slug=spec.slug).first()
    is_new = page is None
    page = page or EventPage(slug=spec.slug)
    before = None if is_new else _comparable(page.serializable_data())
    today = timezone.localdate()
    values = {
        "title": spec.title,
        "summary": spec.summary,
        "description": spec.description,
        "prerequisites": spec.prerequisites,
        "status": spec.status,
        "time_zone": spec.time_zone,
        "delivery_method": spec.delivery,
        "hands_on": spec.hands_on,
        "venue": spec.venue,
        "street_address": spec.street_address,
        "city": spec.city,
        "region": spec.region,
        "postal_code": spec.postal_code,
        "country": "United States",
        "online_platform": spec.online_platform,
        "joining_details": spec.joining_details,
        "ce_hours": Decimal(spec.ce_hours),
        "cost": Decimal(spec.cost),
        "currency": "USD",
        "certificate_fee": Decimal(spec.certificate_fee) if spec.certificate_fee else None,
        "capacity": spec.capacity,
        "registration_details": spec.registration_details,
        "registration_url": spec.registration_url,
        "registration_deadline": today + timedelta(days=spec.deadline_days) if spec.deadline_days else None,
        "cancellation_policy": spec.cancellation_policy or GULF_POLICY,
    }
    for name, value in values.items():
        setattr(page, name, value)
    objectives = [("objective", text) for text in spec.objectives]
    if [block.value for block in page.learning_objectives] != spec.objectives:
        page.learning_objectives = objectives
    _sync_children(
        page.sessions,
        EventSession,
        [
            {
                "starts_at": schedule.to_utc(_local(start_day, start_hour, start_minute), spec.time_zone),
                "ends_at": schedule.to_utc(_local(end_day, end_hour, end_minute), spec.time_zone),
            }
            for start_day, start_hour, start_minute, end_day, end_hour, end_minute in spec.sessions
        ],
    )
    _sync_children(
        page.instructors,
        EventInstructor,
        [{"name": name, "credentials": credentials, "bio": bio} for name, credentials, bio in spec.instructors],
    )
    _sync_children(
        page.ce_category_links,
        EventCECategory,
        [{"category": categories[slug], "hours": Decimal(hours) if hours else None} for slug, hours in spec.categories],
    )
    _sync_children(
        page.approvals,
        EventApproval,
        [{"approving_body": body, "approval_number": number} for body, number in spec.approvals],
    )
    # Courses come from the catalogue demo; link the ones that exist.
    _sync_children(
        page.course_links,
        EventCourseLink,
        [{"course": courses[slug]} for slug in spec.courses if slug in courses],
    )
    _publish_if_changed(page, provider, is_new, before)
    return page


def load(stdout) -> list[DemoAccount]:
    ensure_provider_setup()
    index, _ = ensure_events_index()
    categories = {category.slug: category for category in CECategory.objects.all()}
    course_slugs = {slug for spec in EVENTS for slug in spec.courses}
    courses = {course.slug: course for course in CoursePage.objects.filter(slug__in=course_slugs)}

    providers = {}
    for spec in PROVIDERS:
        provider = _load_provider(index, spec)
        add_provider_account(provider, ensure_user(spec.account))
        providers[spec.slug] = provider
    for spec in EVENTS:
        _load_event(providers[spec.provider], spec, categories, courses)

    stdout.write(f"Events ready: {len(PROVIDERS)} providers and {len(EVENTS)} events under {index.url}.")
    return [spec.account for spec in PROVIDERS]
