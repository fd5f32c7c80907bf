"""Unit names as documents write them are matched to the organizations they mean."""

from ingest.services import guess_target, match_units, split_signer


def test_units_are_matched_loosely_and_unknown_ones_left_for_the_user(orgs):
    matches = {m.name: m.organization for m in match_units(
        ["Văn phòng Sở", "Thanh tra sở", "Phòng quản lý hoạt động  xây dựng", "Tổ kiểm tra công vụ",
         "Phong Quy hoach - Kien truc"], orgs["TN.SXD"])}
    assert matches["Văn phòng Sở"] == orgs["TN.SXD.VP"]
    assert matches["Thanh tra sở"] == orgs["TN.SXD.TTR"]
    assert matches["Phòng quản lý hoạt động  xây dựng"] == orgs["TN.SXD.QLXD"]
    assert matches["Phong Quy hoach - Kien truc"] == orgs["TN.SXD.QHKT"]
    assert matches["Tổ kiểm tra công vụ"] is None


def test_only_units_of_the_importing_organization_are_proposed(orgs):
    (match,) = match_units(["Thư viện tỉnh Tây Ninh"], orgs["TN.SXD"])
    assert match.organization is None


def test_targets_and_signer_get_a_first_reading():
    graded = guess_target({"text": "Phấn đấu được xếp loại Tốt", "value": None, "unit": None})
    assert graded["kind"] == "grade" and graded["grade"] == "Tốt" and graded["include"]
    share = guess_target({"text": "100% cán bộ, công chức được học tập, quán triệt", "value": 100, "unit": "%"})
    assert share["kind"] == "staff_share" and share["measure"] == "staff_study_rate"
    rate = guess_target({"text": "Mức độ hài lòng đạt trên 90%", "value": 90, "unit": "%"})
    assert rate["comparator"] == "gt" and rate["measure"] == "satisfaction_rate"
    vague = guess_target({"text": "Thực hiện tốt dân chủ ở cơ sở", "value": None, "unit": None})
    assert not vague["include"]
    assert split_signer("KT. GIÁM ĐỐC") == ("KT.", "GIÁM ĐỐC")
    assert split_signer("GIÁM ĐỐC") == ("", "GIÁM ĐỐC")
