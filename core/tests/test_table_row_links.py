"""A table's row links, reversed once per table, are the records' own addresses."""

import pytest

from orgs.models import StaffMember
from orgs.tables import StaffMemberTable


@pytest.mark.django_db
def test_row_links_are_the_records_absolute_urls(orgs):
    staff = list(StaffMember.objects.select_related("organization")[:5])
    table = StaffMemberTable(staff)
    html = table.tbody_rows()
    for person in staff:
        assert table.url("orgs:staff_detail", person.pk) == person.get_absolute_url()
        assert f'href="{person.get_absolute_url()}"' in html
        assert f'href="{person.organization.get_absolute_url()}"' in html
