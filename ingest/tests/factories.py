"""A valid plan import: a small document already read and waiting for review (the file goes to MEDIA_ROOT,
which tests point at a temporary directory with the `media` fixture)."""

import factory

from ingest.models import ImportStatus, PlanImport
from orgs.tests.factories import AgencyFactory, UserFactory

TEXT = "KẾ HOẠCH\nThực hiện công tác dân vận chính quyền năm 2026\n"


class PlanImportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanImport

    organization = factory.SubFactory(AgencyFactory)
    file = factory.django.FileField(filename="ke-hoach.txt", data=TEXT.encode())
    original_name = "ke-hoach.txt"
    size = len(TEXT.encode())
    status = ImportStatus.DONE
    text = TEXT
    result = factory.LazyAttribute(lambda _: {"document": {"year": 2026, "title": TEXT.splitlines()[1]}})
    created_by = factory.SubFactory(UserFactory)
