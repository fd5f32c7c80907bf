"""The demo loaders give a year of each register, and loading twice adds nothing."""

from emulation import demo as emulation_demo
from emulation.models import Commendation, Exemplar, ExemplarStatus
from inspections import demo as inspections_demo
from inspections.models import IndexScore, Inspection, Remedy


def test_the_demo_loads_a_year_of_each_register_once(db):
    emulation_demo.load(2025)
    inspections_demo.load(2025)
    counts = (Exemplar.objects.count(), Commendation.objects.count(), Inspection.objects.count(),
              IndexScore.objects.count(), Remedy.objects.count())
    statuses = set(Exemplar.objects.values_list("status", flat=True))
    assert {ExemplarStatus.COMMENDED, ExemplarStatus.REVIEWED, ExemplarStatus.NOMINATED} <= statuses
    assert IndexScore.objects.filter(organization__code="TN", index="par").count() == 5
    emulation_demo.load(2025)
    inspections_demo.load(2025)
    assert counts == (Exemplar.objects.count(), Commendation.objects.count(), Inspection.objects.count(),
                      IndexScore.objects.count(), Remedy.objects.count())
