"""{% attachments_for obj %}: a record's attachments, with the upload form for those who may change it."""

from django import template
from django.conf import settings
from django.contrib.contenttypes.models import ContentType

from attachments import services
from attachments.forms import AttachmentForm
from attachments.signatures import signatures_of
from attachments.sizes import format_size

register = template.Library()


@register.inclusion_tag("attachments/_list.html", takes_context=True)
def attachments_for(context, obj):
    user = context["request"].user
    content_type = ContentType.objects.get_for_model(obj)
    can_change = services.may_change(obj, user)
    prefix = f"attachment-{content_type.pk}-{obj.pk}"
    return {
        "record": obj,
        "content_type_id": content_type.pk,
        "attachments": [_with_signatures(a) for a in services.attachments_of(obj)],
        "can_change": can_change,
        "form": AttachmentForm(auto_id=f"id_{prefix}_%s") if can_change else None,
        "prefix": prefix,
        "max_size": settings.MAX_ATTACHMENT_SIZE,
    }


def _with_signatures(attachment):
    # A signed PDF (the issued document's scan) says who signed it, when, and whether it changed since.
    attachment.signatures = signatures_of(attachment)
    return attachment


register.filter("filesize", format_size)


