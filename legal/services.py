import datetime as dt

from django.db import transaction

from legal.models import LegalDocument, kind_from_number, normalize_number


@transaction.atomic
def register_document(number: str, *, kind: str = "", issuer: str = "", date: dt.date | None = None,
                      title: str = "") -> LegalDocument:
    """The register's row for `number`, created once; blanks are filled from later mentions."""
    document, created = LegalDocument.objects.select_for_update().get_or_create(
        normalized_number=normalize_number(number),
        defaults={"number": number.strip(), "kind": kind or kind_from_number(number), "issuer": issuer,
                  "date": date, "title": title},
    )
    if not created:
        changed = False
        for field, value in (("issuer", issuer), ("date", date), ("title", title)):
            if value and not getattr(document, field):
                setattr(document, field, value)
                changed = True
        if changed:
            document.save()
    return document
