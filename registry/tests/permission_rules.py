"""Rows of the permission walk (danvan/tests/permission_table.py) for the document register."""

from __future__ import annotations

import datetime as dt

from danvan.tests.permission_table import Rule, page


def _sample_entry(orgs):
    from registry.models import DocumentRegister

    register, _ = DocumentRegister.objects.get_or_create(organization=orgs["TN.SXD"])
    entry, _ = register.documents.get_or_create(
        year=2030, number=1,
        defaults={"type_code": "CV", "symbol": "SXD-VP", "date": dt.date(2030, 1, 2), "title": "Công văn mẫu",
                  "issuer": orgs["TN.SXD"]},
    )
    return entry


# The admin opens one row of each model.
SAMPLES = {"registered_document": _sample_entry}

RULES = {
    # Everyone opens the list; it shows the registers in the user's reach (the leak test checks which).
    "registry:document_list": Rule(get=page()),
    "registry:document_export": Rule(get=page()),
}


def _registered(agency, marker):
    from registry.models import DocumentRegister

    register, _ = DocumentRegister.objects.get_or_create(organization=agency)
    top = register.documents.filter(year=2031).count()
    register.documents.create(year=2031, number=top + 1, type_code="KH", symbol=marker, date=dt.date(2031, 1, 2),
                              title=marker, issuer=agency)


LEAK_MARKERS = {"registered document": _registered}
