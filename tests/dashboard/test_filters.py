"""The shared filters: which rows a selection keeps, and what each filter offers."""
import pytest

from dashboard.filters import Selection, filter_table, filter_options, keep_known

# (id, selection, how many rows it keeps) — count them in conftest.MENTIONS
CASES = [
    ("everything", Selection(), 16),
    ("one region", Selection(regions=("吉林市",)), 3),
    ("two regions", Selection(regions=("吉林市", "蓬江区")), 14),
    ("pillar", Selection(pillars=("talent",)), 9),
    ("kind", Selection(kinds=("program_count",)), 2),
    ("label across regions", Selection(labels=("人才公寓",)), 3),
    ("region and pillar", Selection(regions=("蓬江区",), pillars=("cadres",)), 4),
    ("region, kind and label", Selection(regions=("蓬江区",), kinds=("indicator",), labels=("投资",)), 1),
    ("nothing left", Selection(regions=("吉林市",), pillars=("cadres",)), 0),
    ("unknown region", Selection(regions=("不存在",)), 0),
]


@pytest.mark.parametrize("selection, expected", [pytest.param(s, n, id=i) for i, s, n in CASES])
def test_filter_table_keeps_the_selected_rows(table, selection, expected):
    kept = filter_table(table, selection)
    assert len(kept) == expected
    for name, column in [("regions", "region"), ("pillars", "pillar"), ("kinds", "kind"), ("labels", "label")]:
        if getattr(selection, name):
            assert set(kept[column].astype(str)) <= set(getattr(selection, name))


def test_filter_table_leaves_its_input_alone(table):
    before = table.copy()
    kept = filter_table(table, Selection(regions=("吉林市",)))
    kept.loc[0, "value"] = -1
    everything = filter_table(table, Selection())
    everything.loc[0, "value"] = -1
    assert table.equals(before)


def test_filter_options_offer_present_values_in_reading_order(table):
    options = filter_options(table)
    assert options["regions"] == ["吉林市", "蓬江区", "新疆生产建设兵团第十一师"]   # by province, as sorted
    assert options["pillars"] == ["theory", "cadres", "grassroots", "talent"]   # the guideline's order
    assert options["kinds"] == ["indicator", "program_count", "formula"]
    assert options["labels"][:3] == ["人才公寓", "干部轮训", "引进人才"]           # most frequent first
    assert "" not in options["labels"]


def test_keep_known_drops_values_the_table_lacks(table):
    selection = Selection(regions=("吉林市", "旧地区"), pillars=("talent",))
    assert keep_known(selection, filter_options(table)) == Selection(regions=("吉林市",), pillars=("talent",))


def test_selection_describes_itself():
    assert Selection().is_everything and Selection().describe() == ""
    assert Selection(regions=("吉林市", "蓬江区"), kinds=("indicator",)).describe() == \
        "regions: 吉林市、蓬江区; kinds: indicator"


def test_every_level_of_the_gazetteer_has_a_display_name():
    from dashboard.names import LEVEL_NAMES
    from extract.attribute.regions import LEVELS

    assert set(LEVELS) <= set(LEVEL_NAMES)
