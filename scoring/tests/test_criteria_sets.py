"""Criteria sets: imported from and exported to YAML and .xlsx in the example's shape; frozen once used."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from scoring import services
from scoring.models import CriteriaSet, ItemKind
from scoring.tests.factories import example_data, example_set


def test_the_example_set_imports_with_its_tree_bands_red_lines_bonus_and_penalty(orgs, users):
    criteria_set = example_set(orgs, users)
    items = {item.code: item for item in criteria_set.items.all()}
    assert items["TC1.2"].parent == items["TC1"] and items["TC1.2"].proposal["kind"] == "linear"
    assert items["TC6.1"].measure == "exemplars_count" and items["TC3"].parent is None
    assert items["B1"].kind == ItemKind.BONUS and items["P1"].kind == ItemKind.PENALTY
    assert [band["label"] for band in criteria_set.grades] == ["Tốt", "Khá", "Trung bình", "Yếu"]
    assert criteria_set.red_lines[0]["code"] == "RL1" and criteria_set.history.first().history_user == users[
        "coordinator"]


def test_criteria_nest_to_any_depth(orgs, users):
    data = example_data()
    data["criteria"][2]["children"] = [{"code": "TC3.1", "title": "Phối hợp", "max": 20, "children": [
        {"code": "TC3.1.a", "title": "Ký quy chế", "max": 5}, {"code": "TC3.1.b", "title": "Thực hiện", "max": 15}]}]
    criteria_set = services.import_set(data, province=orgs["TN"], by=users["coordinator"])
    assert [leaf.code for leaf in services.leaves(criteria_set) if leaf.code.startswith("TC3")] == [
        "TC3.1.a", "TC3.1.b"]


def test_a_set_whose_childrens_maxima_do_not_add_up_is_refused(orgs, users):
    data = example_data()
    data["criteria"][0]["children"][0]["max"] = 5
    with pytest.raises(ValidationError, match="TC1"):
        services.import_set(data, province=orgs["TN"], by=users["coordinator"])


def test_reserved_points_count_inside_the_maximum_total(orgs, users):
    data = example_data(reserved=[{"code": "R1", "title": "Đánh giá của Sở Nội vụ", "max": 10}])
    with pytest.raises(ValidationError, match="110"):
        services.import_set(data, province=orgs["TN"], by=users["coordinator"])
    data["criteria"][2]["max"] = 10
    criteria_set = services.import_set(data, province=orgs["TN"], by=users["coordinator"])
    assert criteria_set.items.get(code="R1").kind == "reserved"


def test_an_unknown_proposal_kind_is_refused(orgs, users):
    data = example_data()
    data["criteria"][0]["children"][1]["proposal"] = {"kind": "exponential"}
    with pytest.raises(ValidationError, match="TC1.2"):
        services.import_set(data, province=orgs["TN"], by=users["coordinator"])


def test_only_the_provinces_coordinator_keeps_its_sets(orgs, users):
    with pytest.raises(PermissionDenied):
        services.import_set(example_data(), province=orgs["TN"], by=users["focal"])


def test_yaml_export_reads_back_to_the_same_set(orgs, users):
    criteria_set = example_set(orgs, users)
    again = services.set_from_yaml(services.set_to_yaml(criteria_set))
    assert again == services.export_set(criteria_set)
    assert again["criteria"][0]["children"][1]["proposal"] == {"kind": "linear", "zero_at": 80, "full_at": 100}


def test_xlsx_export_reads_back_to_the_same_set(orgs, users):
    criteria_set = example_set(orgs, users)
    data = services.set_from_xlsx(io.BytesIO(services.set_to_xlsx(criteria_set)))
    exported = services.export_set(criteria_set)
    for key in ("name", "year", "max_total", "grades", "red_lines", "criteria", "bonus", "penalty"):
        assert data.get(key, []) == exported[key], key


def test_an_unused_set_is_replaced_by_a_new_import(orgs, users):
    first = example_set(orgs, users)
    second = example_set(orgs, users, name="Bộ tiêu chí sửa")
    assert first.pk == second.pk and second.version == 1 and second.name == "Bộ tiêu chí sửa"


def test_a_set_in_use_is_frozen_and_a_change_makes_a_new_version(orgs, users):
    criteria_set = example_set(orgs, users)
    services.open_assessment(criteria_set, orgs["TN.SXD"], by=users["focal"])
    criteria_set.refresh_from_db()
    assert criteria_set.frozen_at
    changed = services.update_set_settings(criteria_set, grades=[{"label": "Đạt", "min_total": 0}],
                                           by=users["coordinator"])
    assert changed.pk != criteria_set.pk and changed.version == 2
    criteria_set.refresh_from_db()
    assert criteria_set.grades[0]["label"] == "Tốt" and criteria_set.items.count() == changed.items.count()
    assert CriteriaSet.objects.filter(year=2025).count() == 2
