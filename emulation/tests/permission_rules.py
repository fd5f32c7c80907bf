"""Rows of the permission walk for the emulation register: a movement, a draft nomination and a commendation of
Phòng QLHĐXD (the sample unit)."""

import datetime as dt

from danvan.tests.permission_table import (
    CHANGES_SAMPLE,
    CHANGES_SOMEWHERE,
    SEES_SAMPLE,
    SIGNED_IN,
    Rule,
    api,
    page,
)
from emulation.models import Commendation, Exemplar, Movement

# The focal office reviews and records commendations: it changes Sở Xây dựng's own records.
REVIEWS_SAMPLE = frozenset({"admin", "focal"})


def _movement(orgs):
    return Movement.objects.get_or_create(organization=orgs["TN.SXD.QLXD"], year=2025, name="Dân vận khéo mẫu")[0]


def _exemplar(orgs):
    return Exemplar.objects.get_or_create(organization=orgs["TN.SXD.QLXD"], year=2025, name="Mô hình mẫu",
                                          defaults={"description": "Mô tả"})[0]


def _commendation(orgs):
    return Commendation.objects.get_or_create(
        organization=orgs["TN.SXD.QLXD"], recipient="Tập thể mẫu",
        defaults={"award": "certificate", "decision_number": "9/QĐ-SXD", "decision_date": dt.date(2025, 5, 1)})[0]


SAMPLES = {"movement": _movement, "exemplar": _exemplar, "commendation": _commendation}
PAYLOADS = {
    "new_exemplar_in_sample_unit": lambda samples: {
        "organization": samples["organization"].pk, "year": 2025, "kind": "model", "name": "Mô hình mới",
        "description": "Mô tả mô hình"},
    "new_commendation_in_sample_unit": lambda samples: {
        "organization": samples["organization"].pk, "recipient": "Tập thể mới", "award": "certificate",
        "decision_number": "10/QĐ-SXD", "decision_date": "2025-05-02"},
}
_create = Rule(get=page(CHANGES_SOMEWHERE, denied=403), post=page(CHANGES_SOMEWHERE, ok=400, denied=403))
RULES = {
    "emulation:movement_list": Rule(get=page()),
    "emulation:movement_export": Rule(get=page()),
    "emulation:movement_create": _create,
    "emulation:movement_detail": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "movement"}),
    "emulation:movement_update": Rule(get=page(CHANGES_SAMPLE), post=page(CHANGES_SAMPLE, ok=400),
                                      kwargs={"pk": "movement"}),
    "emulation:movement_history": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "movement"}),
    "emulation:exemplar_list": Rule(get=page()),
    "emulation:exemplar_export": Rule(get=page()),
    "emulation:exemplar_create": _create,
    "emulation:exemplar_detail": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "exemplar"}),
    "emulation:exemplar_update": Rule(get=page(CHANGES_SAMPLE), post=page(CHANGES_SAMPLE, ok=400),
                                      kwargs={"pk": "exemplar"}),
    "emulation:exemplar_delete": Rule(get=page(CHANGES_SAMPLE), post=page(CHANGES_SAMPLE, ok=302),
                                      kwargs={"pk": "exemplar"}),
    # POST only; a step the user may not take (here: none named) comes back as a message on the page.
    "emulation:exemplar_step": Rule(get={**dict.fromkeys(SIGNED_IN, 405), "anonymous": 302},
                                    post=page(SEES_SAMPLE, ok=302), kwargs={"pk": "exemplar"}),
    "emulation:exemplar_commend": Rule(
        get={**page(SEES_SAMPLE, denied=404), **dict.fromkeys(SEES_SAMPLE - REVIEWS_SAMPLE, 403)},
        post={**page(SEES_SAMPLE, ok=400, denied=404), **dict.fromkeys(SEES_SAMPLE - REVIEWS_SAMPLE, 403)},
        kwargs={"pk": "exemplar"}),
    "emulation:exemplar_history": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "exemplar"}),
    "emulation:commendation_list": Rule(get=page()),
    "emulation:commendation_export": Rule(get=page()),
    "emulation:commendation_create": _create,
    "emulation:commendation_detail": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "commendation"}),
    "emulation:commendation_update": Rule(get=page(CHANGES_SAMPLE), post=page(CHANGES_SAMPLE, ok=400),
                                          kwargs={"pk": "commendation"}),
    "emulation:commendation_history": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "commendation"}),
    # A dashboard's panel: every signed-in user gets it, filled with what they see (empty for a unit).
    "exemplar-list": Rule(get=api(), post=api(CHANGES_SAMPLE, ok=201, denied=403),
                          post_data="new_exemplar_in_sample_unit"),
    "exemplar-detail": Rule(get=api(SEES_SAMPLE), kwargs={"pk": "exemplar"}),
    # POST only; without a step named, 400 for those who see the nomination.
    "exemplar-step": Rule(get={**dict.fromkeys(SIGNED_IN, 405), "anonymous": 401},
                          post=api(SEES_SAMPLE, ok=400), kwargs={"pk": "exemplar"}),
    "commendation-list": Rule(get=api(), post=api(CHANGES_SAMPLE, ok=201, denied=403),
                              post_data="new_commendation_in_sample_unit"),
    "commendation-detail": Rule(get=api(SEES_SAMPLE), kwargs={"pk": "commendation"}),
}
LEAK_MARKERS = {
    "movement": lambda org, marker: Movement.objects.create(organization=org, year=2025, name=marker),
    "exemplar": lambda org, marker: Exemplar.objects.create(organization=org, year=2025, name=marker,
                                                            description=marker),
    "commendation": lambda org, marker: Commendation.objects.create(
        organization=org, recipient=marker, award="certificate", decision_number="1/QĐ",
        decision_date=dt.date(2025, 1, 2)),
}
