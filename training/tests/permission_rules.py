"""Rows of the permission walk for study sessions: a session of Phòng QLHĐXD (the sample unit)."""

import datetime as dt

from danvan.tests.permission_table import CHANGES_SAMPLE, CHANGES_SOMEWHERE, SEES_SAMPLE, Rule, api, page
from training.models import StudySession


def _session(orgs):
    return StudySession.objects.get_or_create(organization=orgs["TN.SXD.QLXD"], title="Quán triệt mẫu",
                                              defaults={"date": dt.date(2025, 3, 10)})[0]


SAMPLES = {"study_session": _session}
PAYLOADS = {
    "new_session_in_sample_unit": lambda samples: {
        "organization": samples["organization"].pk, "date": "2025-05-01", "title": "Học tập Nghị quyết",
    },
}
RULES = {
    "training:session_list": Rule(get=page()),
    "training:session_export": Rule(get=page()),
    "training:session_create": Rule(
        get=page(CHANGES_SOMEWHERE, denied=403), post=page(CHANGES_SOMEWHERE, ok=400, denied=403)
    ),
    "training:session_detail": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "study_session"}),
    "training:session_update": Rule(
        get=page(CHANGES_SAMPLE), post=page(CHANGES_SAMPLE, ok=400), kwargs={"pk": "study_session"}
    ),
    "training:session_delete": Rule(
        get=page(CHANGES_SAMPLE), post=page(CHANGES_SAMPLE, ok=302), kwargs={"pk": "study_session"}
    ),
    # An empty upload answers 200 with the form's error.
    "training:attendance_import": Rule(
        get=page(CHANGES_SAMPLE), post=page(CHANGES_SAMPLE), kwargs={"pk": "study_session"}
    ),
    "training:session_history": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "study_session"}),
    "study-session-list": Rule(get=api(), post=api(CHANGES_SAMPLE, ok=201, denied=403),
                               post_data="new_session_in_sample_unit"),
    "study-session-detail": Rule(get=api(SEES_SAMPLE), kwargs={"pk": "study_session"}),
}
LEAK_MARKERS = {
    "study_session": lambda org, marker: StudySession.objects.create(organization=org, title=marker,
                                                                     date=dt.date(2025, 1, 2)),
}
