"""Licence moves to the credit app (credit 0003 takes it over): the rows stay, the table is renamed.

Accounts is the foundation every app uses, so it must not point at credit's requirement profiles.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The table and its rows stay; only its name changes to credit's.
            database_operations=[migrations.AlterModelTable("Licence", "credit_licence")],
            state_operations=[migrations.DeleteModel("Licence")],
        ),
    ]
