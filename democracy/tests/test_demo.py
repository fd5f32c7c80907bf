"""The demo loader fills the registers for the year under way, once."""

from democracy import demo
from democracy.models import Disclosure, FollowUpAction, InspectionBoard, Meeting


def test_the_demo_loads_a_year_of_records_once(orgs):
    first = demo.load()
    counts = (Disclosure.objects.count(), Meeting.objects.count(), FollowUpAction.objects.count(),
              InspectionBoard.objects.count())
    assert all(counts) and "disclosures" in first
    demo.load()
    assert counts == (Disclosure.objects.count(), Meeting.objects.count(), FollowUpAction.objects.count(),
                      InspectionBoard.objects.count())
    assert Disclosure.objects.with_flags().filter(on_time=False).exists()
