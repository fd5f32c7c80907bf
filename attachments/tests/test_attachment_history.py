"""Adding and removing a file leave a history entry saying who did it."""

from attachments.models import Attachment
from attachments.services import attach, remove
from attachments.tests import files


def test_attaching_records_who_added_the_file(plan, users):
    attachment = attach(plan, files.upload("ke-hoach.pdf", files.pdf()), by=users["focal"], description="Bản ký")
    entry = attachment.history.get()
    assert (entry.history_type, entry.history_user, entry.original_name, entry.description) == (
        "+", users["focal"], "ke-hoach.pdf", "Bản ký"
    )


def test_removing_records_who_removed_the_file(plan, users):
    attachment = attach(plan, files.upload("ke-hoach.pdf", files.pdf()), by=users["focal"])
    pk = attachment.pk
    remove(attachment, by=users["admin"])
    entries = Attachment.history.filter(id=pk).order_by("history_id")
    assert [(e.history_type, e.history_user.username) for e in entries] == [("+", "focal"), ("-", "admin")]
