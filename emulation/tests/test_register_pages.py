"""The emulation register's pages: lists that open, export their table and keep their query count; the unit
nominates through the form; scoping by URL, export and API."""

import datetime as dt

from django.urls import reverse

from core.testing import ListPageContract, read_export
from emulation.models import Exemplar, ExemplarStatus
from emulation.tests.factories import CommendationFactory, ExemplarFactory, MovementFactory


class TestExemplarList(ListPageContract):
    list_url_name = "emulation:exemplar_list"
    export_url_name = "emulation:exemplar_export"
    detail_url_name = "emulation:exemplar_detail"
    history_url_name = "emulation:exemplar_history"

    def add_rows(self, orgs, count):
        return [ExemplarFactory() for _ in range(count)]


class TestCommendationList(ListPageContract):
    list_url_name = "emulation:commendation_list"
    export_url_name = "emulation:commendation_export"
    detail_url_name = "emulation:commendation_detail"
    history_url_name = "emulation:commendation_history"

    def add_rows(self, orgs, count):
        return [CommendationFactory() for _ in range(count)]


class TestMovementList(ListPageContract):
    list_url_name = "emulation:movement_list"
    export_url_name = "emulation:movement_export"
    detail_url_name = "emulation:movement_detail"
    history_url_name = "emulation:movement_history"

    def add_rows(self, orgs, count):
        return [MovementFactory() for _ in range(count)]


def test_the_unit_nominates_through_the_form_and_submits(client_for, orgs, users):
    client = client_for("unit")
    response = client.post(reverse("emulation:exemplar_create"), {
        "organization": orgs["TN.SXD.QLXD"].pk, "year": 2025, "kind": "model", "name": "Mô hình một cửa thân thiện",
        "field": "economy", "description": "Hướng dẫn tận tình", "results": "100% hồ sơ đúng hạn"})
    assert response.status_code == 302
    exemplar = Exemplar.objects.get(name="Mô hình một cửa thân thiện")
    assert client.post(reverse("emulation:exemplar_step", args=[exemplar.pk]), {"step": "submit"}).status_code == 302
    exemplar.refresh_from_db()
    assert exemplar.status == ExemplarStatus.NOMINATED and exemplar.created_by == users["unit"]


def test_a_refused_step_leaves_the_nomination_and_says_why(client_for):
    exemplar = ExemplarFactory(status=ExemplarStatus.NOMINATED)
    client = client_for("focal")
    response = client.post(reverse("emulation:exemplar_step", args=[exemplar.pk]), {"step": "approve"}, follow=True)
    exemplar.refresh_from_db()
    assert exemplar.status == ExemplarStatus.NOMINATED
    assert [m.level_tag for m in response.context["messages"]] == ["error"]


def test_the_list_filters_by_status_and_sorts_by_name(client_for):
    ExemplarFactory(name="B mô hình", status=ExemplarStatus.NOMINATED)
    ExemplarFactory(name="A mô hình", status=ExemplarStatus.NOMINATED)
    ExemplarFactory(name="C mô hình")
    response = client_for("focal").get(reverse("emulation:exemplar_list"), {"status": "nominated", "sort": "name",
                                                                             "year": 2025})
    names = [row.record.name for row in response.context["table"].paginated_rows]
    assert names[:2] == ["A mô hình", "B mô hình"] and "C mô hình" not in names


def test_another_agency_sees_none_of_the_register_by_url_export_or_api(client_for, orgs):
    exemplar = ExemplarFactory(name="Mô hình của Sở Xây dựng")
    commendation = CommendationFactory(recipient="Tập thể của Sở Xây dựng", decision_date=dt.date(2025, 2, 2))
    client = client_for("other-focal")
    for name in ("exemplar_detail", "exemplar_update", "exemplar_history", "exemplar_commend"):
        assert client.get(reverse(f"emulation:{name}", args=[exemplar.pk])).status_code == 404
    assert client.get(reverse("emulation:commendation_detail", args=[commendation.pk])).status_code == 404
    for url_name in ("emulation:exemplar_export", "emulation:commendation_export"):
        _headers, rows = read_export(client.get(reverse(url_name)).content)
        assert not any("Sở Xây dựng" in str(cell) for row in rows for cell in row)
    assert client.get(reverse("exemplar-detail", args=[exemplar.pk])).status_code == 404
    assert client.get(reverse("commendation-detail", args=[commendation.pk])).status_code == 404
    api_names = [row["name"] for row in client.get(reverse("exemplar-list")).json()["results"]]
    assert "Mô hình của Sở Xây dựng" not in api_names


def test_the_api_refuses_to_move_a_nomination_by_writing_its_status(client_for, orgs):
    client = client_for("unit")
    response = client.post(reverse("exemplar-list"), {
        "organization": orgs["TN.SXD.QLXD"].pk, "year": 2025, "kind": "model", "name": "Qua API",
        "description": "Mô tả", "status": "approved"})
    assert response.status_code == 201 and Exemplar.objects.get(name="Qua API").status == ExemplarStatus.DRAFT


def test_the_api_takes_the_workflows_steps_and_refuses_the_illegal_ones(client_for):
    exemplar = ExemplarFactory(status=ExemplarStatus.NOMINATED)
    url = reverse("exemplar-step", args=[exemplar.pk])
    focal = client_for("focal")
    assert focal.post(url, {"step": "reject", "note": "Chưa đủ"}).status_code == 403  # the leader's step
    response = focal.post(url, {"step": "review"})
    assert response.status_code == 200 and response.json()["status"] == ExemplarStatus.REVIEWED
    assert focal.post(url, {"step": "review"}).status_code == 400
