"""A disclosure or a staff conference that changes makes the stored figures of its measure stale
(indicators.signals: the targets above its organization are refreshed), at its old place and year too."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save, pre_save

from democracy.models import Disclosure, Meeting
from indicators.signals import changed
from plans.models import Measure

UID = "democracy-measured"
MEASURE_OF = {Disclosure: (Measure.DISCLOSURES_ON_TIME_RATE,), Meeting: (Measure.STAFF_CONFERENCE_HELD,)}
DATE_OF = {Disclosure: "decision_date", Meeting: "date"}


def _before(sender, instance, **kwargs):
    if instance.pk and not kwargs.get("raw"):
        instance._measured_from = sender.objects.filter(pk=instance.pk).values_list(
            "organization_id", DATE_OF[sender]).first()


def _changed(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    day = getattr(instance, DATE_OF[sender])
    changed(MEASURE_OF[sender], {instance.organization_id}, day.year)
    before = getattr(instance, "_measured_from", None)
    if before and before != (instance.organization_id, day):
        changed(MEASURE_OF[sender], {before[0]}, before[1].year)


def connect() -> None:
    for model in MEASURE_OF:
        pre_save.connect(_before, sender=model, dispatch_uid=UID)
        post_save.connect(_changed, sender=model, dispatch_uid=UID)
        post_delete.connect(_changed, sender=model, dispatch_uid=UID)
