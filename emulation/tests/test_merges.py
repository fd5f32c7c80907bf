"""A unit merged into another hands it its nominations not yet decided and its inspection remedies not yet done."""

import datetime as dt

from emulation.models import ExemplarStatus
from emulation.tests.factories import ExemplarFactory
from inspections.tests.factories import RemedyFactory
from orgs.services import merge_organizations


def test_open_nominations_and_remedies_pass_to_the_successor(orgs, users):
    source, successor = orgs["TN.SXD.NBDS"], orgs["TN.SXD.QLXD"]
    waiting = ExemplarFactory(organization=source, status=ExemplarStatus.NOMINATED)
    recognised = ExemplarFactory(organization=source, status=ExemplarStatus.APPROVED)
    open_remedy = RemedyFactory(owner=source)
    done = RemedyFactory(owner=source, done_on=dt.date(2025, 7, 1))
    merge_organizations([source], into=successor, date=dt.date(2025, 9, 1), by=users["focal"])
    for record in (waiting, recognised, open_remedy, done):
        record.refresh_from_db()
    assert waiting.organization == successor and recognised.organization == source
    assert open_remedy.owner == successor and done.owner == source
