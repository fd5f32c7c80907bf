"""The register links each row to the record it numbered (a plan, a letter…) from the record's type and key,
without reading the records: a page costs the same queries whatever records its rows numbered."""

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from legal.models import LegalDocument
from plans.tests.factories import PlanFactory
from registry.models import RegisteredDocument
from registry.services import register_for


def unregistered(model, count) -> list:
    taken = RegisteredDocument.objects.filter(content_type=ContentType.objects.get_for_model(model))
    return list(model.objects.exclude(pk__in=taken.values("object_id")).order_by("pk")[:count])


def add_linked(register, records, start):
    for n, record in enumerate(records):
        register.documents.create(
            year=2024, number=start + n, type_code="KH", symbol="SXD-VP", date=dt.date(2024, 3, 1),
            title=f"Văn bản {n}", issuer=register.organization,
            content_type=ContentType.objects.get_for_model(record), object_id=record.pk)


def page(client):
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/register/", {"year": 2024})
    assert response.status_code == 200
    # The records are not read: a link needs their key alone, which the row holds.
    assert not any('"plans_plan"' in query["sql"] or '"legal_legaldocument"' in query["sql"]
                   for query in captured.captured_queries)
    return response.content.decode(), len(captured)


def test_rows_link_to_their_records_without_reading_them_however_many(client_for, orgs):
    register = register_for(orgs["TN.SXD"])
    plans = [PlanFactory(organization=orgs["TN.SXD"], year=2030 + n) for n in range(6)]
    documents = unregistered(LegalDocument, 6)
    assert len(documents) == 6
    add_linked(register, [plans[0], documents[0]], start=900)
    client = client_for("focal")
    html, before = page(client)
    assert f'href="/plans/{plans[0].pk}/"' in html
    assert f'href="{documents[0].get_absolute_url()}"' in html

    add_linked(register, plans[1:] + documents[1:], start=910)
    html, after = page(client)

    assert after == before
    for record in plans + documents:
        assert f'href="{record.get_absolute_url()}"' in html
