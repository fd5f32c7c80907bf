import hashlib

import factory

from attachments.models import Attachment
from orgs.tests.factories import OrganizationFactory, UserFactory
from plans.tests.factories import PlanFactory


class AttachmentFactory(factory.django.DjangoModelFactory):
    """An attachment written directly (no service checks), on a new plan of a new organization."""

    class Meta:
        model = Attachment
        exclude = ("content",)

    record = factory.SubFactory(PlanFactory, organization=factory.SubFactory(OrganizationFactory))
    content = factory.Sequence(lambda n: b"%%PDF-1.4\n%% mau %d\n%%%%EOF\n" % n)
    file = factory.django.FileField(data=factory.SelfAttribute("..content"), filename="mau.pdf")
    original_name = factory.Sequence(lambda n: f"Tài liệu {n}.pdf")
    mime_type = "application/pdf"
    extension = "pdf"
    size = factory.LazyAttribute(lambda o: len(o.content))
    sha256 = factory.LazyAttribute(lambda o: hashlib.sha256(o.content).hexdigest())
    uploaded_by = factory.SubFactory(UserFactory)
