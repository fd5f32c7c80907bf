"""Filter fields drawn in Python carry the same controls, values and errors as bootstrap_field."""

import pytest
from django.template import engines
from django.test import RequestFactory
from django.test.html import parse_html

from orgs.filters import OrganizationFilter, StaffMemberFilter
from orgs.models import Organization, StaffMember

BOOTSTRAP = engines["django"].from_string(
    '{% load django_bootstrap5 %}{% for field in form %}'
    '{% bootstrap_field field wrapper_class="mb-0" server_side_validation=False %}{% endfor %}'
)
PYTHON = engines["django"].from_string("{% load kit %}{% for field in form %}{% filter_field field %}{% endfor %}")


def both(form):
    return parse_html(BOOTSTRAP.render({"form": form})), parse_html(PYTHON.render({"form": form}))


@pytest.mark.django_db
@pytest.mark.parametrize("data", [{}, {"q": 'a<b"', "kind": "agency", "active": "true"}, {"parent": "1e20"}])
def test_organization_filter_fields_match_bootstrap(data):
    form = OrganizationFilter(data, queryset=Organization.objects.all()).form
    form.is_valid()
    expected, drawn = both(form)
    assert drawn == expected


@pytest.mark.django_db
def test_a_model_choice_filter_marks_the_chosen_organization(orgs, django_user_model):
    data = {"organization": str(orgs["TN.SXD.QLXD"].pk), "category": "civil_servant"}
    request = RequestFactory().get("/")
    request.user = django_user_model.objects.create_superuser("root", password="x")
    form = StaffMemberFilter(data, queryset=StaffMember.objects.all(), request=request).form
    assert form.is_valid()
    expected, drawn = both(form)
    assert drawn == expected
    drawn_html = PYTHON.render({"form": form})
    # A unit below the tree's top is offered once chosen, and shown chosen.
    assert f'<option value="{orgs["TN.SXD.QLXD"].pk}" selected>' in drawn_html
    assert f'<option value="{orgs["TN.SXD"].pk}">' in drawn_html
    assert '<option value="civil_servant" selected>' in drawn_html
