"""A seen row's permission flag, asked within a list's own query, answers as the scope entry point does."""

import pytest
from django.contrib.auth.models import AnonymousUser

from plans.models import Assignment, Plan


@pytest.mark.parametrize("model", [Assignment, Plan])
def test_the_flag_is_true_exactly_on_the_rows_the_change_scope_keeps(users, model):
    for user in [*users.values(), AnonymousUser()]:
        rows = model.objects.visible_with_permission(user, "change", "may")
        flagged = set(rows.filter(may=True).values_list("pk", flat=True))
        assert flagged == set(model.objects.scoped(user, "change").values_list("pk", flat=True)), user
        seen = set(model.objects.visible_to(user).values_list("pk", flat=True))
        assert set(rows.values_list("pk", flat=True)) == seen
