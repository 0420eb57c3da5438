"""Licence comes over from accounts (accounts 0002 renamed its table to credit_licence): state only.

The content type moves too, so permissions and admin history about licences follow the model.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    if not ContentType.objects.using(db).filter(app_label="credit", model="licence").exists():
        ContentType.objects.using(db).filter(app_label="accounts", model="licence").update(app_label="credit")


def move_content_type_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    if not ContentType.objects.using(db).filter(app_label="accounts", model="licence").exists():
        ContentType.objects.using(db).filter(app_label="credit", model="licence").update(app_label="accounts")


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0002_licence_moves_to_credit"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("credit", "0002_default_requirement_profiles"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="Licence",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("licence_number", models.CharField(max_length=60, verbose_name="licence or certificate number")),
                        ("cycle_start", models.DateField(verbose_name="current cycle starts")),
                        ("cycle_end", models.DateField(help_text="Usually your renewal or expiry date.", verbose_name="current cycle ends")),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("requirement_profile", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="licences", to="credit.requirementprofile", verbose_name="licensing body")),
                        ("user", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="licences", to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        "ordering": ["cycle_end", "pk"],
                        "constraints": [
                            models.UniqueConstraint(fields=("user", "requirement_profile"), name="one_licence_per_body"),
                            models.CheckConstraint(condition=models.Q(("cycle_end__gt", models.F("cycle_start"))), name="cycle_ends_after_start"),
                        ],
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
