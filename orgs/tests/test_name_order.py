"""Rosters read as Vietnamese rosters do: by given name, then family and middle names, in
Vietnamese alphabetical order with tones after letters — the same on SQLite and PostgreSQL."""

from django.urls import reverse

from orgs.models import StaffMember
from orgs.text import name_sort_key

ROSTER_ORDER = [
    "Lê Văn An", "Nguyễn Thị An", "Phạm Thị Ánh", "Võ Thị Ăn", "Hà Văn Ân", "Trần Văn Bình", "Trần Thị Dung",
    "Đỗ Văn Đức", "Lý Thị Ha", "Lý Thị Hà", "Trần Văn Hùng", "Ngô Thị Ơn", "Phan Văn Ưng",
]


def test_the_key_orders_given_names_first_letters_before_tones():
    assert sorted(reversed(ROSTER_ORDER), key=name_sort_key) == ROSTER_ORDER


def test_the_database_sorts_a_roster_by_the_key_on_every_backend(orgs):
    unit = orgs["TN.SXD.QHKT"]
    StaffMember.objects.filter(organization=unit).delete()
    for name in reversed(ROSTER_ORDER):
        StaffMember.objects.create(organization=unit, full_name=name, category="civil_servant")
    assert list(StaffMember.objects.filter(organization=unit).values_list("full_name", flat=True)) == ROSTER_ORDER


def test_renaming_a_person_moves_them_in_the_roster(orgs):
    member = StaffMember.objects.create(organization=orgs["TN.SXD.QHKT"], full_name="Trần Văn Hùng",
                                        category="civil_servant")
    member.full_name = "Trần Văn An"
    member.save(update_fields=["full_name"])
    member.refresh_from_db()
    assert member.sort_key == name_sort_key("Trần Văn An")


def test_the_roster_page_lists_a_unit_in_roster_order(client_for, orgs):
    unit = orgs["TN.SXD.QHKT"]
    StaffMember.objects.filter(organization=unit).delete()
    for name in reversed(ROSTER_ORDER):
        StaffMember.objects.create(organization=unit, full_name=name, category="civil_servant")
    table = client_for("focal").get(reverse("orgs:staff_list"), {"organization": unit.pk}).context["table"]
    assert [row.record.full_name for row in table.paginated_rows] == ROSTER_ORDER


def test_people_added_in_bulk_get_their_roster_key_too(orgs):
    StaffMember.objects.bulk_create([StaffMember(organization=orgs["TN.SXD.QHKT"], full_name="Bùi Thị Yến",
                                                 category="worker")])
    assert StaffMember.objects.get(full_name="Bùi Thị Yến").sort_key == name_sort_key("Bùi Thị Yến")
    assert not StaffMember.objects.filter(sort_key="").exists()
