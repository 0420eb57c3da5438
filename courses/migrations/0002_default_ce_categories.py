from django.db import migrations

# Subject areas that boards count hours in (see the CE rules in the project's reference notes).
# They are data, not code: administrators rename, reorder or add to them under Course set-up.
DEFAULT_CATEGORIES = [
    ("hands-on-technique", "Hands-on technique", "Massage and bodywork technique practised on a client or classmate."),
    ("contraindications-safety", "Contraindications and safety", "Screening, contraindications, pathology and safe practice."),
    ("communication", "Communication", "Intake, consent, client education and professional boundaries in conversation."),
    ("ethics", "Ethics", "Professional ethics, boundaries and standards of practice."),
    ("laws-rules", "Laws and rules", "State laws, board rules and scope of practice."),
    ("self-care", "Self-care", "The therapist's own body mechanics, injury prevention and well-being."),
    ("medical-errors", "Prevention of medical errors", "Recognising and preventing errors in client care."),
    ("human-trafficking", "Human trafficking", "Recognising and responding to human trafficking."),
    ("first-aid-cpr", "First aid and CPR", "First aid, CPR and emergency response."),
    ("business-practice", "Business practice", "Records, documentation and running a practice."),
]


def create_categories(apps, schema_editor):
    CECategory = apps.get_model("courses", "CECategory")
    for order, (slug, name, description) in enumerate(DEFAULT_CATEGORIES):
        CECategory.objects.get_or_create(slug=slug, defaults={"name": name, "description": description, "sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("courses", "0001_initial")]

    operations = [migrations.RunPython(create_categories, migrations.RunPython.noop)]
