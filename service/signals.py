"""The measures' stored figures go stale when the service records they read change (indicators.signals)."""

from django.db.models.signals import post_delete, post_save

from plans.models import Measure


def responses_changed(organization_id: int, year: int) -> None:
    from indicators.signals import changed

    changed((Measure.SATISFACTION_RATE,), {organization_id}, year)


def _stat_changed(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    from indicators.signals import changed

    changed((Measure.DOSSIERS_ON_TIME_RATE,), {instance.organization_id}, instance.month.year)


def connect() -> None:
    from service.models import DossierStat

    post_save.connect(_stat_changed, sender=DossierStat, dispatch_uid="service-stat-saved")
    post_delete.connect(_stat_changed, sender=DossierStat, dispatch_uid="service-stat-deleted")
