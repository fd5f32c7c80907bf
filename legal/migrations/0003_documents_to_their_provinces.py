"""Each existing provincial document goes to the province whose plans, targets and sessions cite it.

National documents (by their issuer's code, legal.levels) stay in the shared catalogue. A
provincial number cited in several provinces was several documents sharing one row: each further
province gets its own copy, and its citations move to it. A provincial document nobody cites goes
to the province its issuer names, else to the first province.
"""

from django.db import migrations


def _root_id(path: str) -> int:
    return int(path.strip("/").split("/")[0])


def _issuer_province(issuer: str, provinces):
    for province in provinces:
        for name in (province.name, province.short_name):
            place = name.split(" tỉnh ")[-1].split(" Thành phố ")[-1].strip()
            if place and place in (issuer or ""):
                return province.pk
    return provinces[0].pk


def _organization_of(record):
    """The organization a citing record belongs to: its own (plans, study sessions) or its plan's (targets)."""
    if hasattr(record, "organization"):
        return record.organization
    plan = getattr(record, "plan", None)
    return plan.organization if plan is not None else None


def assign_provinces(apps, schema_editor):
    from legal.levels import Level, level_of

    LegalDocument = apps.get_model("legal", "LegalDocument")
    Organization = apps.get_model("orgs", "Organization")
    provinces = list(Organization.objects.filter(parent__isnull=True).order_by("pk"))
    if not provinces:
        return
    citations = [rel for rel in LegalDocument._meta.related_objects if rel.many_to_many]
    for document in LegalDocument.objects.order_by("pk"):
        if level_of(document.number, document.issuer) is Level.NATIONAL:
            continue
        # (through model, its column naming the document, the citing rows' province) per citation
        cited_in: dict[int, list] = {}
        for rel in citations:
            through = rel.field.remote_field.through
            document_column = rel.field.m2m_reverse_field_name()
            owner_column = rel.field.m2m_field_name()
            for row in through.objects.filter(**{document_column: document.pk}).select_related(owner_column):
                organization = _organization_of(getattr(row, owner_column))
                if organization is not None:
                    cited_in.setdefault(_root_id(organization.path), []).append((through, row.pk, document_column))
        if cited_in:
            ordered = sorted(cited_in)
        else:
            ordered = [_issuer_province(document.issuer, provinces)]
        first, others = ordered[0], ordered[1:]
        LegalDocument.objects.filter(pk=document.pk).update(province_id=first, confirmed=True)
        for province in others:
            copy = LegalDocument.objects.get(pk=document.pk)
            copy.pk = None
            copy.province_id = province
            copy.save()
            for through, row_pk, column in cited_in[province]:
                through.objects.filter(pk=row_pk).update(**{column: copy.pk})


class Migration(migrations.Migration):

    dependencies = [
        ("legal", "0002_scope_and_confirmation"),
        ("orgs", "0005_staff_birth_gender"),
        ("plans", "0010_target_documents_study_sessions_held"),
        ("training", "0001_initial"),
    ]

    operations = [migrations.RunPython(assign_provinces, migrations.RunPython.noop)]
