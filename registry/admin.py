from django.contrib import admin

from registry.models import DocumentRegister, RegisteredDocument


@admin.register(DocumentRegister)
class DocumentRegisterAdmin(admin.ModelAdmin):
    list_display = ("organization", "created_at")
    raw_id_fields = ("organization",)


@admin.register(RegisteredDocument)
class RegisteredDocumentAdmin(admin.ModelAdmin):
    list_display = ("number_symbol", "year", "date", "type_code", "title", "register")
    list_filter = ("year", "type_code")
    raw_id_fields = ("register", "issuer", "registered_by")
    readonly_fields = ("content_type", "object_id")
