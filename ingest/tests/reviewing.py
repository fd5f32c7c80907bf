"""A plan import of Sở Xây dựng waiting for review, and the review posted as the page offers it."""

from __future__ import annotations

import re
from html import unescape

from ingest.tests.factories import PlanImportFactory
from ingest.tests.test_import_flow import review_data


def title_for(year: int) -> str:
    return f"Thực hiện công tác dân vận chính quyền năm {year}"


def document(year: int, title: str | None = None, **extra) -> dict:
    """What the reading found: a title, a target, and the focal office charged with a report due twice."""
    return {
        "document": {"year": year, "title": title or title_for(year), "symbol": "KH-SXD", "place": "Tây Ninh"},
        "targets": [{"text": "100% công chức, viên chức được học tập, quán triệt", "value": 100, "unit": "%"}],
        "assignments": [{"unit": "Văn phòng Sở", "text": "Báo cáo sơ kết, tổng kết công tác dân vận",
                         "deadlines": [f"{year}-06-15", f"{year}-12-15"]}],
        "recipients": ["Sở Nội vụ", "Ban Giám đốc"],
        "archive": "VT, VP",
        **extra,
    }


def sxd_import(orgs, year: int, title: str | None = None, **extra):
    return PlanImportFactory(organization=orgs["TN.SXD"], result=document(year, title, **extra))


def post_review(client, plan_import, **changes):
    """Accept what the page proposes, with `changes` (e.g. outcome="revision", year=2031)."""
    url = plan_import.get_absolute_url()
    data = review_data(client.get(url))
    data.update({key: value for key, value in changes.items() if value is not None})
    return client.post(url, data)


def text_of(response) -> str:
    """The page's text as a reader sees it, tags dropped."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())
