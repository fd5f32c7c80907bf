"""The OpenAPI schema documents every status an operation can answer, the If-Match header of
versioned updates, and the fields that can be null."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(client_for):
    response = client_for("focal").get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    return response.json()


def test_every_operation_documents_its_error_answers(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            codes = set(operation["responses"])
            assert "400" in codes, (method, path)
            if path != "/api/token/":
                assert {"401", "403", "404"} <= codes, (method, path)


def test_versioned_updates_document_if_match_412_and_428(schema):
    for method in ("put", "patch"):
        operation = schema["paths"]["/api/staff/{id}/"][method]
        assert {"412", "428"} <= set(operation["responses"])
        header = next(p for p in operation["parameters"] if p["in"] == "header")
        assert header["name"] == "If-Match" and header["required"] is True
    assert "412" not in schema["paths"]["/api/staff/{id}/"]["get"]["responses"]


def test_read_only_endpoints_offer_no_update(schema, client_for):
    assert "put" not in schema["paths"]["/api/organizations/{id}/"]
    assert client_for("focal").put("/api/organizations/1/", {}, content_type="application/json").status_code == 405


def test_next_due_date_is_a_nullable_date(schema):
    field = schema["components"]["schemas"]["Assignment"]["properties"]["next_due_date"]
    assert field["type"] == "string" and field["format"] == "date" and field["nullable"] is True
