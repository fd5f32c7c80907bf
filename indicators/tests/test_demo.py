"""The demo's records behind its targets: every computed demo target shows a value, some fall short, and
the plan of the year under way has targets at risk; most assignments carry progress with evidence."""

from django.db.models import Q

from attachments.services import attachments_of
from indicators import demo, services
from orgs.models import Organization
from plans.models import Assignment, Plan, PlanStatus
from progress.models import ProgressUpdate


def test_every_computed_demo_target_shows_a_value_and_some_fall_short(db):
    demo.load()
    assert demo.load() == 0  # loading again adds nothing
    readings = [services.read(target, plan.organization) for plan in Plan.objects.filter(status=PlanStatus.ISSUED)
                for target in plan.targets.exclude(measure__in=["", "assessment_grade"])]
    assert readings and all(reading.value is not None for reading in readings)
    assert {"met", "missed", "at_risk"} <= {reading.status for reading in readings}
    # Agencies with a focal office account report progress on four assignments in five, each with evidence.
    reporting = [agency.path for agency in Organization.objects.filter(code__in=["TN.SXD", "TN.SVHTTDL"])]
    assignments = Assignment.objects.filter(plan__status=PlanStatus.ISSUED).filter(
        Q(plan__organization__path__startswith=reporting[0]) | Q(plan__organization__path__startswith=reporting[1]))
    reported = ProgressUpdate.objects.filter(assignment__in=assignments)
    assert assignments.exists() and reported.count() >= 0.75 * assignments.count()
    assert all(attachments_of(update).exists() for update in reported)
