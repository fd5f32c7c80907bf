"""Submit, return and approve carry a comment; a return says why; the thread shows on the plan and its history."""

import pytest
from django.core.exceptions import ValidationError

from plans import services
from plans.models import CommentKind, PlanStatus


def test_a_return_without_a_reason_is_refused(sxd_draft_2025, users):
    services.submit_plan(sxd_draft_2025, by=users["focal"])
    with pytest.raises(ValidationError):
        services.return_plan(sxd_draft_2025, by=users["leader"], reason="  ")
    sxd_draft_2025.refresh_from_db()
    assert sxd_draft_2025.status == PlanStatus.SUBMITTED


def test_the_comments_form_a_thread_in_order(sxd_draft_2025, users):
    services.submit_plan(sxd_draft_2025, by=users["focal"], comment="Kính trình Giám đốc")
    services.return_plan(sxd_draft_2025, by=users["leader"], reason="Bổ sung chỉ tiêu tiếp công dân")
    services.submit_plan(sxd_draft_2025, by=users["focal"], comment="Đã bổ sung")
    services.approve_plan(sxd_draft_2025, by=users["leader"], comment="Đồng ý")
    thread = [(c.kind, c.text, c.author.username) for c in sxd_draft_2025.comments.all()]
    assert thread == [
        (CommentKind.SUBMITTED, "Kính trình Giám đốc", "focal"),
        (CommentKind.RETURNED, "Bổ sung chỉ tiêu tiếp công dân", "leader"),
        (CommentKind.SUBMITTED, "Đã bổ sung", "focal"),
        (CommentKind.APPROVED, "Đồng ý", "leader"),
    ]


def test_the_drafter_reads_the_reason_on_the_plan_page_and_in_its_history(sxd_draft_2025, client_for):
    url = f"/plans/{sxd_draft_2025.pk}/"
    client_for("focal").post(f"{url}transition/", {"step": "submit", "comment": "Kính trình"})
    leader = client_for("leader")
    refused = leader.post(f"{url}transition/", {"step": "return", "comment": ""}, follow=True)
    assert "Cần nêu lý do trả lại" in refused.content.decode()
    leader.post(f"{url}transition/", {"step": "return", "comment": "Thiếu phụ lục"})
    sxd_draft_2025.refresh_from_db()
    assert sxd_draft_2025.status == PlanStatus.DRAFT
    focal = client_for("focal")
    page = focal.get(url).content.decode()
    assert "Thiếu phụ lục" in page and "Kính trình" in page
    history = focal.get(f"{url}history/").content.decode()
    assert 'id="review-thread"' in history and "Thiếu phụ lục" in history
