from decimal import Decimal

from django.db import migrations

# Renewal requirements from the project's CE reference notes (2025–2026). They are data, not code:
# administrators correct or extend them under CE rules → Renewal requirements.
# Rule tuples: (label, kind, hours, category slugs, delivery scope).
DEFAULT_PROFILES = [
    {
        "slug": "ncbtmb-board-certification",
        "name": "NCBTMB Board Certification",
        "body_name": "National Certification Board for Therapeutic Massage & Bodywork (NCBTMB)",
        "state": "",
        "credential_label": "Certification number",
        "hours_required": "24",
        "cycle_months": 24,
        "notes": "No carry-over: hours from before the cycle started don't count.",
        "rules": [
            ("Ethics", "minimum", "3", ["ethics"], "any"),
            ("Self-care", "maximum", "4", ["self-care"], "any"),
        ],
    },
    {
        "slug": "florida-massage-therapist",
        "name": "Florida massage therapist licence",
        "body_name": "Florida Board of Massage Therapy",
        "state": "FL",
        "credential_label": "Licence number",
        "hours_required": "24",
        "cycle_months": 24,
        "notes": "A CE hour is at least 50 minutes. Half the hours must be live, in person and hands-on.",
        "rules": [
            ("Prevention of medical errors", "minimum", "2", ["medical-errors"], "any"),
            ("Florida laws and rules", "minimum", "2", ["laws-rules"], "any"),
            ("Ethics", "minimum", "2", ["ethics"], "any"),
            ("Human trafficking", "minimum", "1", ["human-trafficking"], "any"),
            ("Live, in-person hours", "minimum", "12", [], "in_person"),
            ("Online hours (webinar or home study)", "maximum", "12", [], "online"),
        ],
    },
    {
        "slug": "georgia-massage-therapist",
        "name": "Georgia massage therapist licence",
        "body_name": "Georgia Board of Massage Therapy",
        "state": "GA",
        "credential_label": "Licence number",
        "hours_required": "24",
        "cycle_months": 24,
        "notes": "Cycles run from 1 November to 31 October. Providers report attendance to CE Broker.",
        "rules": [
            ("Hands-on technique, supervised in person", "minimum", "12", ["hands-on-technique"], "in_person"),
        ],
    },
    {
        "slug": "texas-massage-therapist",
        "name": "Texas massage therapist licence",
        "body_name": "Texas Department of Licensing and Regulation",
        "state": "TX",
        "credential_label": "Licence number",
        "hours_required": "12",
        "cycle_months": 24,
        "notes": "A CE hour is 50 minutes. Human-trafficking training is needed at every renewal.",
        "rules": [
            ("Human-trafficking training", "minimum", "1", ["human-trafficking"], "any"),
            ("Human-trafficking hours that count", "maximum", "3", ["human-trafficking"], "any"),
            ("First aid and CPR", "maximum", "6", ["first-aid-cpr"], "any"),
        ],
    },
    {
        "slug": "new-york-massage-therapist",
        "name": "New York massage therapist licence",
        "body_name": "New York State Education Department, Office of the Professions",
        "state": "NY",
        "credential_label": "Licence number",
        "hours_required": "36",
        "cycle_months": 36,
        "notes": "",
        "rules": [
            ("Self-instructional (home study)", "maximum", "12", [], "home_study"),
        ],
    },
]


def create_profiles(apps, schema_editor):
    RequirementProfile = apps.get_model("credit", "RequirementProfile")
    RequirementRule = apps.get_model("credit", "RequirementRule")
    CECategory = apps.get_model("courses", "CECategory")
    for order, data in enumerate(DEFAULT_PROFILES):
        fields = {key: value for key, value in data.items() if key not in ("slug", "rules")}
        fields["hours_required"] = Decimal(fields["hours_required"])
        profile, created = RequirementProfile.objects.get_or_create(
            slug=data["slug"], defaults={**fields, "sort_order": order}
        )
        if not created:
            continue
        for rule_order, (label, kind, hours, slugs, delivery) in enumerate(data["rules"]):
            rule = RequirementRule.objects.create(
                profile=profile, label=label, kind=kind, hours=Decimal(hours), delivery=delivery, sort_order=rule_order
            )
            # Through the link table: a parental many-to-many only writes when a cluster saves.
            Link = RequirementRule.categories.through
            Link.objects.bulk_create(
                [Link(requirementrule=rule, cecategory=category) for category in CECategory.objects.filter(slug__in=slugs)]
            )


class Migration(migrations.Migration):
    dependencies = [("credit", "0001_initial"), ("courses", "0002_default_ce_categories")]

    operations = [migrations.RunPython(create_profiles, migrations.RunPython.noop)]
