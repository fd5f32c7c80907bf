"""The service lists open, export their columns and keep their query counts whatever their length."""

import datetime as dt

from core.testing import ListPageContract
from service.models import ServicePoint
from service.tests.factories import DossierStatFactory, LetterFactory


class TestDossierStatList(ListPageContract):
    list_url_name = "service:stat_list"
    export_url_name = "service:stat_export"
    detail_url_name = "service:stat_detail"
    history_url_name = "service:stat_history"
    max_queries = 12

    def add_rows(self, orgs, count):
        start = 1000 + len(orgs["TN.SXD.QLXD"].dossier_stats.all())
        return [DossierStatFactory(organization=orgs["TN.SXD.QLXD"], month=dt.date(2025, 1, 1),
                                   procedure_field=f"Lĩnh vực {start + i}") for i in range(count)]


class TestLetterList(ListPageContract):
    list_url_name = "service:letter_list"
    export_url_name = "service:letter_export"
    detail_url_name = "service:letter_detail"
    history_url_name = "service:letter_history"
    max_queries = 12

    def add_rows(self, orgs, count):
        return [LetterFactory(organization=orgs["TN.SXD.QLXD"]) for _i in range(count)]


class TestServicePointList(ListPageContract):
    list_url_name = "service:point_list"
    export_url_name = "service:point_export"
    detail_url_name = "service:point_detail"
    history_url_name = "service:point_history"
    max_queries = 12

    def add_rows(self, orgs, count):
        return [ServicePoint.objects.create(organization=orgs["TN.SXD.QLXD"], name=f"Quầy {i}")
                for i in range(count)]
