"""Each table gets its own copy of its class's columns (core.tables._Columns copies each column
instead of deep-copying them all): hiding a column on one table touches neither the class nor another table."""

import django_tables2 as tables

from core.tables import Table


class TwoColumns(Table):
    name = tables.Column(verbose_name="Tên", attrs={"td": {"class": "small"}})
    code = tables.Column(verbose_name="Mã")


def test_hiding_a_column_on_one_table_leaves_the_class_and_other_tables_alone():
    first, second = TwoColumns([]), TwoColumns([])

    first.columns.hide("code")

    assert [column.name for column in first.columns] == ["name"]
    assert [column.name for column in second.columns] == ["name", "code"]
    assert [column.name for column in TwoColumns([]).columns] == ["name", "code"]
    assert TwoColumns.base_columns["code"].visible


def test_tables_do_not_share_their_column_objects():
    first, second = TwoColumns([]), TwoColumns([])

    assert first.columns["name"].column is not second.columns["name"].column
    assert first.columns["name"].column is not TwoColumns.base_columns["name"]
    assert first.columns["name"].attrs["td"]["class"] == "small"


def test_a_subclass_inherits_its_parents_columns_as_its_own():
    class ThreeColumns(TwoColumns):
        note = tables.Column()

    assert list(ThreeColumns([]).columns.columns) == ["name", "code", "note"]
    ThreeColumns([]).columns.hide("name")
    assert TwoColumns([]).columns["name"].visible
