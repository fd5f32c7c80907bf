"""The API's target list reads the documents each target cites in one query, however many targets."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from legal.models import LegalDocument
from plans.models import Plan, Target


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_target_list_does_not_grow_with_targets_and_their_documents(client_for, orgs):
    client = client_for("coordinator")
    plan = Plan.objects.filter(organization=orgs["TN"]).first()
    # More than a page from the start: the list counts its rows in both measurements.
    targets = [Target.objects.create(plan=plan, order=50 + n, text=f"Chỉ tiêu {n}", kind="count", target_value=n)
               for n in range(30)]
    before = queries(client, "/api/targets/")
    documents = list(LegalDocument.objects.all()[:3])
    for n in range(15):
        targets.append(Target.objects.create(plan=plan, order=80 + n, text=f"Chỉ tiêu {n}", kind="count",
                                             target_value=n))
    for target in targets:
        target.documents.set(documents)
    assert queries(client, "/api/targets/") == before


def test_the_plan_list_does_not_grow_with_content_areas_and_activities(client_for, orgs):
    from plans.models import Activity, ContentArea

    client = client_for("coordinator")
    before = queries(client, "/api/plans/")
    for plan in Plan.objects.filter(organization__path__startswith=orgs["TN"].path):
        for n in range(3):
            area = ContentArea.objects.create(plan=plan, order=90 + n, title=f"Nội dung {n}")
            for m in range(3):
                Activity.objects.create(content_area=area, order=m, text=f"Hoạt động {m}")
    assert queries(client, "/api/plans/") == before
