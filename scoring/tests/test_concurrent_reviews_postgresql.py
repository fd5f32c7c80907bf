"""Two reviewers saving the same criterion at the same moment, each on its own connection: one wins, the
other is refused with both values shown, and nothing is lost. PostgreSQL only (row locks); skipped on SQLite."""

import re
import threading

import pytest
from django.db import connection, connections

from core.locking import StaleVersionError, version_of
from scoring import services
from scoring.models import Score
from scoring.tests.factories import under_review

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.live_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's row locks"),
]


def test_two_concurrent_reviews_of_one_criterion_one_wins_one_is_refused(demo_data, orgs, users):
    assessment = under_review(orgs, users)
    score = assessment.scores.get(criterion__code="TC3")
    version = version_of(score)
    both_read = threading.Barrier(2)
    outcomes = {}

    def review(name, username, points):
        try:
            mine = Score.objects.select_related("criterion", "assessment__criteria_set__province",
                                                "assessment__agency").get(pk=score.pk)
            both_read.wait(timeout=10)
            services.review_score(mine, points, reason=f"Lý do {name}", by=users[username], version=version)
            outcomes[name] = "saved"
        except StaleVersionError as refused:
            outcomes[name] = refused.message
        finally:
            connections.close_all()

    threads = [threading.Thread(target=review, args=("a", "coordinator", 15)),
               threading.Thread(target=review, args=("b", "admin", 12))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes.values()).count("saved") == 1
    score.refresh_from_db()
    loser = next(message for message in outcomes.values() if message != "saved")
    assert re.search(rf"«{int(score.review_points)}([.,]00)?»", loser), loser
    assert score.history.filter(review_points__isnull=False).count() == 1
