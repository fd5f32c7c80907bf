"""Rows of the permission walk for the example register: a note of the sample unit (TN.SXD.QLXD)."""

from danvan.tests.permission_table import (
    CHANGES_SAMPLE,
    CHANGES_SOMEWHERE,
    SEES_SAMPLE,
    Rule,
    api,
    page,
)

from ..models import Note


def _note(orgs):
    return Note.objects.get_or_create(organization=orgs["TN.SXD.QLXD"], subject="Ghi chép mẫu",
                                      defaults={"date": "2025-03-01"})[0]


SAMPLES = {"note": _note}
PAYLOADS = {
    "new_note_in_sample_unit": lambda samples: {
        "organization": samples["organization"].pk, "date": "2025-05-01", "subject": "Ghi chép mới",
    },
}
RULES = {
    "example_register:note_list": Rule(get=page()),
    "example_register:note_export": Rule(get=page()),
    # An empty form answers 400 with its errors; creating needs the change right somewhere.
    "example_register:note_create": Rule(
        get=page(CHANGES_SOMEWHERE, denied=403), post=page(CHANGES_SOMEWHERE, ok=400, denied=403)
    ),
    "example_register:note_detail": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "note"}),
    "example_register:note_update": Rule(
        get=page(CHANGES_SAMPLE), post=page(CHANGES_SAMPLE, ok=400), kwargs={"pk": "note"}
    ),
    "example_register:note_delete": Rule(
        get=page(CHANGES_SAMPLE), post=page(CHANGES_SAMPLE, ok=302), kwargs={"pk": "note"}
    ),
    "example_register:note_history": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "note"}),
    # Writes go through the change scope: a reader's write answers 404, a foreign unit 403.
    "example-note-list": Rule(
        get=api(),
        post={**api(CHANGES_SAMPLE, ok=201, denied=403)},
        post_data="new_note_in_sample_unit",
    ),
    "example-note-detail": Rule(get=api(SEES_SAMPLE), kwargs={"pk": "note"}),
}
LEAK_MARKERS = {
    "note": lambda org, marker: Note.objects.create(organization=org, date="2025-01-01", subject=marker),
}
