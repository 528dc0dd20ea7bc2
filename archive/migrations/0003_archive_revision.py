"""The archive's revision number: one row that every committed write bumps.

A plain table rather than a model: only ``archive.caching`` reads and writes it,
editors have nothing to do with it, and ``flush`` (which empties the models'
tables) leaves it alone, so the number never goes back while running processes
hold entries cached under it.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0002_event_participants"),
    ]

    operations = [
        migrations.RunSQL(
            sql=[
                "CREATE TABLE archive_revision (id integer PRIMARY KEY, number bigint NOT NULL)",
                "INSERT INTO archive_revision (id, number) VALUES (1, 0)",
            ],
            reverse_sql=["DROP TABLE archive_revision"],
        ),
    ]
