from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from attachments.models import Attachment


@admin.register(Attachment)
class AttachmentAdmin(SimpleHistoryAdmin):
    """For looking things up: files are added and removed through attachments.services only
    (type checks, permission on the record, stored files shared between attachments)."""

    list_display = ("original_name", "content_type", "object_id", "extension", "size", "uploaded_by", "uploaded_at")
    list_filter = ("content_type", "extension")
    search_fields = ("original_name", "sha256", "description")
    list_select_related = ("content_type", "uploaded_by")
    # The stored file is shown by name only: files are downloaded through the app ("View on site"), never
    # from a public media URL.
    exclude = ("file",)
    readonly_fields = (
        "content_type", "object_id", "stored_file", "original_name", "mime_type", "extension", "size", "sha256",
        "uploaded_by", "uploaded_at",
    )

    @admin.display(description=_("stored file"))
    def stored_file(self, obj):
        return obj.file.name

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
