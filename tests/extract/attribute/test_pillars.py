"""Pillars: a comparable measure names its line of work; otherwise the clause and sentence first,
then the paragraph lead and the headings above; a report's conclusion does not take its last
heading's pillar."""
from __future__ import annotations

import pytest

from extract.pipeline import find_mentions
from extract.read.structure import layout_of
from extract.attribute.pillars import conclusion_start


def pillars_of(text: str) -> dict[str, str]:
    return {m.text: m.pillar for m in find_mentions(text) if m.kind == "indicator"}


REPORT = (
    "某县组织工作总结\n"
    "一、锻造过硬干部队伍\n"
    "全年调训科级干部900人次，新引进人才公寓200套。\n"
    "二、夯实基层组织建设\n"
    "新建党群服务中心15个，其中村级12个。\n"
    "三、聚焦人才引育\n"
    "举办人才沙龙6期。\n"
    "下一步，我们将坚持守正创新，完成年度任务12项。\n"
    "总之，全县将再接再厉，完成8项重点工作。\n"
)

CASES = [
    ("900人次", "cadres", "heading and clause agree"),
    ("200套", "talent", "the clause beats the heading"),
    ("15个", "grassroots", "heading and clause agree again"),
    ("6期", "talent", "a talent heading"),
    ("12项", "general", "a conclusion after the last heading is general"),
    ("8项", "general", "the paragraphs after a conclusion's first are conclusion too"),
]


@pytest.mark.parametrize("number,pillar,why", CASES, ids=[c[2] for c in CASES])
def test_pillar_in_a_report(number, pillar, why):
    assert pillars_of(REPORT)[number] == pillar


def test_a_measure_speaks_where_the_clause_is_silent():
    # No cue in the clause 其中省直机关36人, none in the heading: first secretaries are grassroots work.
    text = "总体情况\n全年选派420名干部任第一书记，其中省直机关36人。"
    assert pillars_of(text)["36人"] == "grassroots"


def test_a_closing_word_inside_a_section_is_not_a_conclusion():
    text = "一、聚焦人才引育\n今后三年，引进博士80名。\n二、加强干部培训\n调训干部500人次。\n"
    assert pillars_of(text)["80名"] == "talent"


def test_a_report_without_headings_has_no_conclusion_to_find():
    layout = layout_of("全年新建党支部12个。\n下一步，继续发展党员30名。\n")
    assert conclusion_start(layout) == len(layout.paragraphs)


@pytest.mark.parametrize("text, number, pillar", [
    ("一、锻造过硬干部队伍\n换届后选举产生新一届村党支部书记26名，村干部队伍结构优化。", "26名", "grassroots"),
    ("二、夯实基层组织建设\n依托村级党校轮训基层干部1200人次。", "1200人次", "cadres"),
    ("三、推动乡村振兴\n全县村级集体经济收入全部超过10万元的村达到120个。", "120个", "development"),
], ids=["village committee members under a cadres heading", "cadre training under a grassroots heading",
        "collective economy villages in a rural revival section"])
def test_a_measure_names_its_line_of_work(text, number, pillar):
    assert pillars_of(text)[number] == pillar


# What a clause counts names its line of work, whatever the heading above says: the rule, its
# pillar, and (text, number, what the case shows).
CLAUSE_RULES = {
    "recruiting and selecting cadres is cadre work": ("cadres", [
        ("今年全省共选调130名到乡镇工作。", "130名", "选调 is cadre recruitment"),
        ("今年公开遴选机关干部到乡镇任职32名。", "32名", "遴选"),
    ]),
    "rural economy in a grassroots section is development": ("development", [
        ("二、夯实基层组织建设\n村支书带头成立蘑菇种植合作社，吸收农户86户入股，种植面积扩大到300亩。", "86户", "farmers joining a cooperative"),
        ("二、夯实基层组织建设\n村支书带头成立蘑菇种植合作社，吸收农户86户入股，种植面积扩大到300亩。", "300亩", "the area it farms"),
        ("二、夯实基层组织建设\n合作社去年分红25万元。", "25万元", "its dividends"),
        ("二、夯实基层组织建设\n引导3个村流转土地620亩，建成中药材种植基地。", "620亩", "land transferred"),
        ("二、夯实基层组织建设\n各帮扶单位共投入帮扶资金2.6亿元，实施产业项目480个。", "480个", "village industry projects"),
        ("二、夯实基层组织建设\n全村水稻耕种收机械作业水平达到92%。", "92%", "farm mechanisation"),
        ("二、夯实基层组织建设\n引导帮扶单位采购农产品2.3亿元，发动社会力量捐款8000万元。", "2.3亿元", "purchases of farm produce"),
        ("二、夯实基层组织建设\n引导帮扶单位采购农产品2.3亿元，发动社会力量捐款8000万元。", "8000万元", "donations"),
        ("二、夯实基层组织建设\n对口帮扶投入项目资金3200万元，建设任务12个项目。", "3200万元", "project funds"),
        ("二、夯实基层组织建设\n全市建成省级以上美丽乡村90个，村民集资建设育苗大棚。", "90个", "model villages"),
        ("二、夯实基层组织建设\n成功推广水稻新品种5个，建成智慧农场2个。", "5个", "new crop varieties"),
        ("二、夯实基层组织建设\n村支书带领村民创办了生猪存栏量达3000头的养殖场。", "3000头", "livestock"),
        ("二、夯实基层组织建设\n乡贤回村创办商会，引进4家公司。", "4家", "a chamber of commerce bringing firms"),
    ]),
    # 非公企业 and the words of 两新 party building outweigh 企业 (development) in a clause.
    "the enterprises of new sector party building are grassroots work": ("grassroots", [
        ("在市直单位选派800名党建指导员的基础上，每名党建指导员联系3个企业，帮助企业破解发展难题。", "800名", "party-building instructors helping enterprises"),
        ("某市600名干部走进非公企业", "600名", "cadres sent into non-public enterprises"),
        ("为确保“两个覆盖”，今年新纳入党建平台企业60家。", "60家", "enterprises brought onto the party-building platform"),
        ("全区共有非公有制经济组织2.1万户，其中私营企业5300户。", "5300户", "the private firms among the non-public organisations"),
    ]),
    # The village's party work is the means; greenhouses, incomes and aid projects are development.
    "what a village party branch builds or earns is development": ("development", [
        ("在第一书记协调下，该村20栋温棚拔地而起，由村党支部带领村民种植蔬菜。", "20栋", "greenhouses a first secretary brought"),
        ("通过村党支部引领，目前已有15个村实现整村脱贫。", "15个", "villages out of poverty"),
        ("村党组织现已实施精准帮扶项目36个。", "36个", "aid projects"),
    ]),
    # Population, territory and border are the introduction's picture of the place, not its party work.
    "a locality's profile is general": ("general", [
        ("该街道下辖9个社区，户籍人口6.2万人，社区党组织带领居民议事。", "6.2万人", "a street's population"),
        ("某镇总面积320平方公里，全镇有村党支部18个。", "320平方公里", "a township's area"),
        ("全县边境线长210公里，沿边行政村党组织坚持固边兴边。", "210公里", "a county's border line"),
    ]),
    # 妇联, 共青团 and 工会 are the party-led mass organisations (群团) a grassroots party body builds.
    "the mass organisations are grassroots work": ("grassroots", [
        ("发挥党群共建作用，新组建妇联组织18家、共青团6家。", "18家", "women's federations and youth leagues set up"),
        ("安置点同步成立了工会、共青团、妇联等组织120个。", "120个", "mass organisations of a resettlement site"),
    ]),
}


@pytest.mark.parametrize("text, number, pillar", [
    pytest.param(text, number, pillar, id=f"{rule}: {case}")
    for rule, (pillar, rows) in CLAUSE_RULES.items() for text, number, case in rows])
def test_a_clause_names_its_line_of_work(text, number, pillar):
    assert pillars_of(text)[number] == pillar


def test_the_organisation_departments_own_offices_are_its_self_building():
    text = "机构沿革\n2010年县委组织部设有6个科室，实有干部职工21人。"
    assert pillars_of(text)["6个"] == "integrity"
    assert pillars_of(text)["21人"] == "integrity"


def test_a_zones_name_is_no_cue_of_development():
    # 经济技术开发区 holds 经济; the zone's party building is grassroots work.
    text = "近年来，瑶海经济技术开发区通过“强组织、强阵地、强服务”三大举措，持续增强党组织在企业发展中的政治核心作用。"
    assert {m.text: m.pillar for m in find_mentions(text)}["三大举措"] == "grassroots"


def test_rural_revitalisation_is_a_backdrop_not_a_line_of_work():
    # 乡村振兴 heads reports of every line of work (人才助力乡村振兴, 抓党建促乡村振兴).
    text = "某县：培育本土人才 助力乡村振兴\n\n某县制定本土人才培养计划，邀请专家开展专题讲座，举办专题培训班20期800人次。"
    assert pillars_of(text)["20期"] == "talent"
    assert pillars_of("抓党建促乡村振兴\n举办专题培训班20期。")["20期"] != "development"


def test_a_silent_sentence_takes_the_line_of_work_its_report_opens_with():
    text = ("近日，省委组织部印发全省干部教育培训工作要点，部署干部培训任务。\n"
            "在细化项目的基础上，建立了清单制、承包制、点评制、评估制4项机制，逐一明确完成时限。")
    assert {m.text: m.pillar for m in find_mentions(text)}["4项机制"] == "cadres"


def test_an_opening_with_no_clear_line_of_work_leaves_a_silent_sentence_general():
    text = ("今年以来，全县组织工作围绕干部、人才和基层组织建设持续发力。\n"
            "在细化项目的基础上，建立了清单制、承包制、点评制、评估制4项机制，逐一明确完成时限。")
    assert {m.text: m.pillar for m in find_mentions(text)}["4项机制"] == "general"


@pytest.mark.parametrize("text, number, pillar", [
    ("打造党员教育体验基地，运行以来接待参训人员2000余批次。", "2000余批次", "theory"),
    ("每个乡镇党校打造了3处现场教学基地。", "3处", "theory"),
    ("县委党校新校区占地60亩，可同时容纳学员800人。", "800人", "cadres"),
    ("村（社区）两委成员平均年龄44.5岁。", "44.5岁", "grassroots"),
    ("村支部书记平均年龄由原来的51岁下降到48岁。", "51岁", "grassroots"),
    ("新提拔的科级干部平均年龄38岁。", "38岁", "cadres"),
    ("全区党员中，大专以上学历725人，占46%。", "725人", "grassroots"),
    ("村两委成员学历提升，大专及以上学历63人。", "63人", "grassroots"),
], ids=["party-member education base: theory", "party schools' teaching sites: theory",
        "a party school's campus trains cadres", "village committee members' age", "village secretaries' age",
        "cadres' age", "party members' schooling", "village committee members' schooling"])
def test_the_group_or_the_work_decides_not_a_property_anyone_has(text, number, pillar):
    """Party-member education is theory, party schools train cadres; an age or a schooling is the
    line of work of whose it is."""
    assert pillars_of(text)[number] == pillar


def test_a_buildings_floor_area_is_not_the_localitys_profile():
    assert pillars_of("党校新校区占地50亩，建筑面积1.8万平方米，设置教学楼。")["1.8万平方米"] != "general"


def test_a_rise_in_a_groups_share_is_not_economic_growth():
    """增长 says only that something rose; what rose (两委成员中的党员) decides the line of work."""
    text = "新一届村两委班子中，妇女成员186名，较上届增长3个百分点。"
    assert pillars_of(text)["3个百分点"] == "grassroots"


def test_credit_for_a_township_is_development():
    assert pillars_of("为支持当地发展，某村镇银行为该乡授信2亿元。")["2亿元"] == "development"
