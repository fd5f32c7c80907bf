"""Rows of the permission walk (danvan/tests/permission_table.py) for the register of cited documents.

The sample is the demo's document Sở Xây dựng's focal office added ("12-HD/BDVTU"), waiting for
confirmation: everyone in Sở Xây dựng (its units included) and the province's coordinator see it;
Sở VHTTDL does not. Only the coordinator confirms or merges it.
"""

from __future__ import annotations

from danvan.tests.permission_table import Rule, api, page
from legal.models import LegalDocument
from orgs.models import Organization

SEES_WAITING = frozenset({"admin", "coordinator", "focal", "leader", "unit", "inspector", "viewer"})
CURATES = frozenset({"admin", "coordinator"})

SAMPLES = {
    "waiting_document": lambda orgs: LegalDocument.objects.get(number="12-HD/BDVTU", added_by=orgs["TN.SXD"]),
}

RULES = {
    "legal:document_list": Rule(get=page()),
    "legal:document_export": Rule(get=page()),
    "legal:waiting_list": Rule(get=page(CURATES, denied=403)),
    "legal:document_detail": Rule(get=page(SEES_WAITING), kwargs={"pk": "waiting_document"}),
    "legal:document_history": Rule(get=page(SEES_WAITING), kwargs={"pk": "waiting_document"}),
    # GET asks; POST confirms and goes back to the queue.
    "legal:document_confirm": Rule(get=page(CURATES), post=page(CURATES, ok=302),
                                   kwargs={"pk": "waiting_document"}),
    # An empty form (no document chosen) is refused with its errors.
    "legal:document_merge": Rule(get=page(CURATES), post=page(CURATES, ok=400), kwargs={"pk": "waiting_document"}),
    "legal-document-list": Rule(get=api(), post=api(ok=405)),
    "legal-document-detail": Rule(get=api(SEES_WAITING), kwargs={"pk": "waiting_document"}),
}


def _waiting_document(org, marker):
    """A document `org` added, waiting for its province's coordinator."""
    province = Organization.objects.get(pk=int(org.path.strip("/").split("/")[0]))
    LegalDocument.objects.create(number=marker, title=marker, issuer=marker, province=province, added_by=org,
                                 confirmed=False)


LEAK_MARKERS = {"legal_document": _waiting_document}
