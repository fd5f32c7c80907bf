"""Why a record was written: stored as a code, read in Vietnamese."""

from django.utils import translation

from core.history import ChangeReason
from plans import services


def test_a_reason_is_stored_as_its_code_and_shown_with_its_vietnamese_label(draft_plan, users, history_page):
    services.submit_plan(draft_plan, by=users["focal"])
    assert draft_plan.history.first().history_change_reason == "submitted"
    page = history_page(draft_plan)
    assert "Trần Văn Hùng sửa Trình phê duyệt Trạng thái : Dự thảo → Đã trình" in page
    assert "submitted" not in page


def test_a_note_written_by_a_person_is_shown_as_written(draft_plan, users, history_page):
    services.submit_plan(draft_plan, by=users["focal"])
    services.return_plan(draft_plan, by=users["leader"], reason="Bổ sung chỉ tiêu về tiếp công dân")
    assert "Lê Quang Minh sửa Bổ sung chỉ tiêu về tiếp công dân" in history_page(draft_plan)


def test_a_withdrawal_says_the_drafters_took_it_back(draft_plan, users, history_page):
    services.submit_plan(draft_plan, by=users["focal"])
    services.withdraw_plan(draft_plan, by=users["focal"])
    assert "Trần Văn Hùng sửa Người soạn rút lại" in history_page(draft_plan)


def test_every_change_reason_has_a_vietnamese_label():
    with translation.override("en"):
        english = {reason: str(reason.label) for reason in ChangeReason}
    with translation.override("vi"):
        untranslated = [reason for reason in ChangeReason if str(reason.label) == english[reason]]
    assert untranslated == []
