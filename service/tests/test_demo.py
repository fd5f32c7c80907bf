"""The demo: a year of dossier figures per demo agency with some late months, an apology for most late
dossiers, and a few hundred survey answers; loading twice adds nothing."""

import pytest
from django.db.models import Sum

from core.registry import demo_loaders
from service.models import DossierStat, Letter, SurveyResponse

pytestmark = pytest.mark.django_db


def test_the_demo_loads_once_with_late_months_letters_and_answers():
    first = demo_loaders.get("service")()
    assert "apology letters" in first
    late = DossierStat.objects.aggregate(late=Sum("settled_late") + Sum("pending_overdue"))["late"]
    letters = Letter.objects.filter(kind="apology").count()
    assert DossierStat.objects.filter(settled_late__gt=2).exists()
    assert 0.6 * late <= letters < late
    assert SurveyResponse.objects.count() >= 300
    assert demo_loaders.get("service")() == "already loaded"
    assert Letter.objects.count() == letters
