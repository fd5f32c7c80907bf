"""“Lưu: VT, VP.” in Nơi nhận keeps both holders of the filed copies, from the reading to the draft plan."""

import pytest

from ingest.parser import extract_from_text
from ingest.parser.closing import filed_copies
from ingest.tests.documents import SEEDS
from ingest.tests.reviewing import post_review, sxd_import
from plans.models import Plan


@pytest.mark.parametrize("closing", [
    ["Nơi nhận:", "- Sở Nội vụ;", "- Lưu: VT, VP."],
    ["Nơi nhận:", "- Sở Nội vụ;", "- Lưu: VT,VP."],
    ["Nơi nhận:", "- Sở Nội vụ;", "- Lưu: VT, VP.                  Nguyễn Văn An"],
    ["Nơi nhận:", "- Sở Nội vụ;", "- Lưu: VT,", "VP."],  # wrapped after the comma
    ["Nơi nhận:", "- Sở Nội vụ;", "- Lưu: VT; VP."],
])
def test_every_holder_is_kept(closing):
    assert filed_copies(closing) == "VT, VP"


def test_a_single_holder_stays_single():
    assert filed_copies(["Nơi nhận:", "- Sở Nội vụ;", "- Lưu: VT.", "Nguyễn Văn An"]) == "VT"
    assert filed_copies(["Nơi nhận:", "- Sở Nội vụ;"]) is None


def test_the_seed_plan_keeps_both_and_no_holder_becomes_a_recipient():
    result = extract_from_text((SEEDS / "sxd-tayninh-2024.txt").read_text(encoding="utf-8"))
    assert result["archive"] == "VT, VP"
    assert not any(name in ("VT", "VP") or name.startswith("Lưu") for name in result["recipients"])


def test_the_draft_plan_keeps_both_holders(client_for, orgs, media):
    focal = client_for("focal")
    plan_import = sxd_import(orgs, 2031)
    assert focal.get(plan_import.get_absolute_url()).context["form"].initial["archive"] == "VT, VP"
    post_review(focal, plan_import)
    plan = Plan.objects.get(organization=orgs["TN.SXD"], year=2031)
    assert plan.archive == "VT, VP"
