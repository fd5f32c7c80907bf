"""A unit charged with one task due on two dates keeps two assignments, one per deadline, in the draft plan."""

import datetime as dt

from ingest.services import review_initial
from ingest.tests.reviewing import post_review, sxd_import
from plans.models import Plan


def test_the_review_proposes_one_row_per_deadline(orgs, media):
    _fields, _targets, rows = review_initial(sxd_import(orgs, 2031))
    assert [(row["lead_unit"], row["due_date"]) for row in rows] == [
        (orgs["TN.SXD.VP"], dt.date(2031, 6, 15)), (orgs["TN.SXD.VP"], dt.date(2031, 12, 15))]


def test_two_deadlines_for_the_same_unit_stay_two_assignments(client_for, orgs, media):
    post_review(client_for("focal"), sxd_import(orgs, 2031))
    plan = Plan.objects.get(organization=orgs["TN.SXD"], year=2031)
    assert [(a.lead_unit, a.task, a.due_date) for a in plan.assignments.order_by("order")] == [
        (orgs["TN.SXD.VP"], "Báo cáo sơ kết, tổng kết công tác dân vận", dt.date(2031, 6, 15)),
        (orgs["TN.SXD.VP"], "Báo cáo sơ kết, tổng kết công tác dân vận", dt.date(2031, 12, 15)),
    ]


def test_they_stay_two_in_a_draft_revision_too(client_for, orgs, media):
    post_review(client_for("focal"), sxd_import(orgs, 2024), outcome="revision")
    revision = Plan.objects.get(organization=orgs["TN.SXD"], year=2024, status="draft")
    assert sorted(revision.assignments.values_list("due_date", flat=True)) == [
        dt.date(2024, 6, 15), dt.date(2024, 12, 15)]
