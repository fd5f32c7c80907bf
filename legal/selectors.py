from django.urls import reverse
from django.utils.translation import gettext as _

from core.registry import InboxItem
from legal.models import LegalDocument


def documents_to_confirm(user) -> list[InboxItem]:
    """For the coordinator: documents plan editors added to the province's register, to confirm or merge."""
    count = LegalDocument.objects.scoped(user, "curate").waiting().count()
    return [InboxItem(_("Legal documents waiting for confirmation"), count, reverse("legal:waiting_list"))]
