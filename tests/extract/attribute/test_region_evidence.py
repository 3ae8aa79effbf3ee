"""The reporting locality by how a report names it, and the evidence the table shows for it.

Each group is one cue or one trap of the annotation guideline (section Region); every text is a
short invented report. `decider` is the text of the mention that decided, `cue` how it did:
tests check that region_start/region_end point at exactly those characters."""
from __future__ import annotations

from typing import NamedTuple

import pytest

from extract.attribute.gazetteer import gazetteer
from extract.attribute.regions import (UNRECOGNISED_NAME, _short_names_joined, _zones_named, choose_region,
                                      self_reference_level)
from extract.pipeline import extract_text

BODY = "\n".join(f"第{i}段，坚持党建引领，推动高质量发展，干部队伍建设不断加强。" for i in range(1, 8))


class Case(NamedTuple):
    id: str
    text: str
    name: str
    cue: str = ""
    decider: str = ""
    level: str = ""
    city: str = ""
    county: str = ""


def run(case: Case) -> None:
    choice = choose_region(case.text)
    assert choice.region.name == case.name
    if case.cue:
        assert choice.cue == case.cue
    if case.decider:
        assert case.text[choice.start:choice.end] == case.decider
    for field in ("level", "city", "county"):
        if getattr(case, field):
            assert getattr(choice.region, field) == getattr(case, field), field


def params(cases: list[Case]) -> list:
    return [pytest.param(case, id=case.id) for case in cases]


AUTHOR_VS_PARTNER = [
    Case("colleges named after the city recruiters went to (牡丹江医学院) are not that city's work",
         "大兴安岭向高校学子发出邀请函\n日前，大兴安岭地委书记在牡丹江医学院和牡丹江师范学院作宣讲。\n" + BODY
         + "\n大兴安岭成立4个工作组，大兴安岭人才周首站在牡丹江医学院举行，牡丹江师范学院学生参加。",
         "大兴安岭地区", "", "", "city"),
    Case("大学生 after a county is no college", "临沭县选聘大学生村官\n" + BODY + "\n临沭县选聘大学生村官120名，临沭县大学生村官到村任职。",
         "临沭县"),
    Case("department line, partner district elsewhere in another province",
         "中共安吉县委组织部\n" + BODY + "\n上海市普陀区与我们结对，上海市普陀区派出干部，上海市普陀区、上海市闵行区提供岗位。",
         "安吉县", "author", "安吉县", "county", "湖州市"),
    Case("signature with a name, cadres seconded to another province",
         "安吉县委组织部 张明\n" + BODY + "\n选派干部赴上海市普陀区挂职，学习上海市普陀区经验，上海市普陀区、上海市闵行区提供岗位。",
         "安吉县", "author", "安吉县"),
    Case("author's affiliation at the end, donor city named often",
         BODY + "\n北京市海淀区对口支援，北京市海淀区捐资，北京市海淀区干部来访。\n（作者单位：墨江县委组织部）",
         "墨江哈尼族自治县", "author"),
    Case("source line at the end, the aided county in another province named most",
         "援疆干部风采\n" + BODY + "\n江门市蓬江区选派干部赴新疆喀什地区伽师县挂职。伽师县委组织部、伽师县各乡镇、伽师县委书记。"
         "\n来源：蓬江组工", "蓬江区", "source", "蓬江"),
    Case("paired counties, the author's one", "东西部协作结硕果\n浙江省安吉县与四川省青川县结对帮扶。青川县委组织部、青川县各乡镇、"
         "青川县干部到安吉县挂职。\n（作者单位：青川县委组织部）", "青川县", "author", "青川县"),
    Case("a prefecture's own committee (地委), its seat city only a train's destination",
         "援疆专列学员归来\n809名干部乘专列返回伊犁。专列从沈阳直达伊宁市。\n" + BODY
         + "\n伊犁地委组织部统筹，伊犁地委部署，伊犁各县落实。", "伊犁哈萨克自治州", "most_named"),
    Case("a body that repeats its level (澧县县委党校) heads the report held in another city",
         "（石门县县委党校）：领导干部专题培训班开班\n石门县领导干部专题培训班在井冈山市委党校开班，井冈山市委党校副校长致辞。"
         "学员到井冈山学习，井冈山精神鼓舞人心，井冈山干部学院授课。", "石门县", "author", "石门县"),
    Case("the county a city aids (对口援建) is a partner, not the author",
         "市委组织部召开挂职干部见面会，将12名察隅干部分配到十堰市相关部门挂职。\n十堰市2010年开始对口援建西藏察隅县，"
         "增强了察隅县的造血功能。\n十堰市委组织部要求做好指导。", "十堰市", "", "", "city"),
    Case("a province named only in the title of its rules",
         "我市选调生工作会议召开\n会议传达了《湖北省选调生管理办法（试行）》，要求各单位认真落实，我市选调生队伍不断壮大。",
         UNRECOGNISED_NAME),
    Case("visiting delegation from another province",
         "蓬江区召开人才工作会议，蓬江区委部署。\n北京市海淀区考察团、北京市海淀区代表团、北京市海淀区调研组来访。",
         "蓬江区", "", "", "district"),
]

BYLINE_VS_MOST_NAMED = [
    Case("a city's news site's reporter on the first line, a county of another city named more",
         "乐山网记者 王某\n全市党建工作推进会召开，市委组织部部署。会上，马边彝族自治县、沐川县作交流发言。\n" + BODY
         + "\n与会人员前往宜宾市屏山县、宜宾市屏山县观摩学习，宜宾市屏山县介绍经验。",
         "乐山市", "byline", "乐山"),
    Case("an author named like a place (作者：李永春) is a person, not the author's body",
         "平定县委组织部组团在繁峙县观摩学习\n来源：繁峙县委新闻办  作者：李永春\n" + BODY
         + "\n平定县委常委一行来到繁峙县观摩，繁峙县委常委介绍了经验。",
         "繁峙县", "source", "繁峙县", "county"),
    Case("a national agency's bureau in the capital is no dateline of the province's story",
         "中新社拉萨12月12日电 记者从西藏自治区驻村工作领导小组办公室获悉，西藏即将派出第八批干部驻村。\n" + BODY
         + "\n西藏自治区党委要求，拉萨市当雄县等地做好衔接，西藏各地市抓好落实。",
         "西藏自治区", "", "", "province"),
    Case("a local site's dateline (濮阳网讯) names its place, over a visiting county named more",
         "濮阳网讯 12月5日，沛县村支书培训班在农村党支部书记学院开班。\n沛县县委组织部副部长致辞，江苏沛县是全国经济百强县，"
         "沛县村支书来学习。\n" + BODY + "\n学院负责人介绍了濮阳的概况。",
         "濮阳市", "dateline", "濮阳", "city"),
    Case("an agency's bureau is a bureau with a space before it too (中新网 拉萨…电)",
         "西藏选派干部驻村\n中新网 拉萨12月12日电 驻村工作发布会12日在拉萨召开。\n" + BODY
         + "\n西藏自治区党委要求，各地市抓好落实。",
         "西藏自治区", "", "", "province"),
    Case("a reprint site's copyright notice names its site as often as it likes: still a reprint",
         "中新社拉萨12月12日电 记者从西藏自治区驻村工作领导小组办公室获悉，西藏即将派出第八批干部驻村。\n" + BODY
         + "\n西藏自治区党委要求各地市抓好落实。\n·凡注明来源为“海口网”的所有作品，版权均属海口网所有，转载请注明。",
         "西藏自治区", "", "", "province"),
    Case("an agency's dateline past the province names the county the story was filed from",
         "中新网河南兰考5月8日电 （记者 王某）清晨，村民来到帮扶车间上班。\n" + BODY
         + "\n近年来，河南持续推进驻村帮扶，是该省的重要举措。兰考县选派第一书记120名，开封市各部门支持。",
         "兰考县", "dateline", "兰考", "county"),
    Case("a site's breadcrumb names the site, as its source line does: a reprint's, not the story's",
         "香港商报官网 > 黑龙江 > 今日热点\n道里区召开两优一先表彰大会\n来源：香港商报网\n" + BODY
         + "\n道里区委书记讲话，道里区各街道党工委参加，哈尔滨市委组织部到会指导。",
         "道里区", "", "", "district"),
    Case("a national agency's bureau in the capital is not the first place of a city's story",
         "新华网南京11月22日电 记者从苏州市委组织部获悉，苏州已组建党组织的非公企业6万余家。\n" + BODY
         + "\n苏州新增组建党组织1000余个，苏州市委组织部介绍。", "苏州市", "", "", "city"),
    Case("全市 in a city paper's report is the city's, not a county-level 市 it names as an example",
         "襄阳村均集体收入稳步增长\n来源：襄阳日报\n近年来，襄阳市选优配强村党组织书记，全市村集体经济稳步增长。\n" + BODY
         + "\n老河口市委组织部介绍，老河口市张集镇油坊村书记带头发展产业，全市各村学习。",
         "襄阳市", "source", "襄阳", "city"),
    Case("a village named like a medium (先锋村) is no byline",
         "中组部调研镇江农村基层党建工作\n来源：金山网\n调研组来镇江调研。调研组考察了丹徒区世业镇先锋村。"
         "调研组对我市工作给予肯定，我市村书记专职化管理成效明显。", "镇江市", "", "", "city"),
    Case("a district's department heading an example section once the body has begun is no author",
         "2023年，三亚以高质量党建引领高质量发展，推动党建十大工程落地见效，各区各单位形成了一批有亮点、有影响力的经验做法。\n"
         "海棠区委组织部：\n“三点”发力凝聚两新组织力量\n在两新党建工作中找准切入点。\n吉阳区委组织部：\n打造红色物业。\n"
         + BODY + "\n三亚市委组织部将继续推广。三亚各区落实。", "三亚市", "", "", "city"),
    Case("a news agency's bureau named once before a city's report that says only 全市",
         "新华社南京11月22日电 记者从苏州市委组织部获悉，苏州已组建党组织的企业6万家。苏州新增企业党组织300个，"
         "全市覆盖率超过80%。苏州市以五字工作法推进，全市各地落实。", "苏州市", "", "", "city"),
    Case("the paper's own city when the text says 我市, a district only where cadres went",
         "挂职干部在秦州区某村考察\n天水日报讯 全市挂职干部培训班结束，来自我市的60名干部参加。干部到秦州区考察，秦州区介绍经验。",
         "天水市", "byline", "天水"),
    Case("a paper the text never names again only published a township's report",
         "南郑福成镇强化党建\n2021-10-27  渭南日报\n南郑区福成镇加强农村基层党组织建设。该镇以换届为契机选优配强带头人。",
         "福成镇", "", "", "township"),
    Case("source line with a WeChat account's name", "来源：蓬江组工\n" + BODY + "\n江门市委部署，江门市各地落实，江门市委组织部要求。",
         "蓬江区", "source", "蓬江"),
    Case("a web page's publication line", "首页 > 新闻中心 > 部门动态\n抓党建促发展\n发布时间：2023-05-01 来源：安吉县人民政府\n"
         + BODY + "\n湖州市委组织部要求，湖州市委部署，浙江省委要求。", "安吉县", "source", "安吉县"),
    Case("dateline 本报X讯, the text speaks of 我县", "本报安吉讯\n" + BODY + "\n湖州市委部署，我县召开会议，湖州市委组织部要求。",
         "安吉县", "dateline", "安吉"),
    Case("dateline with a date, the place named again", "长春6月1日电（记者 王明）\n" + BODY
         + "\n吉林省委要求，吉林省委组织部部署，长春市各地落实。", "长春市", "dateline", "长春"),
    Case("a national paper's bureau in the dateline, a sibling city reported on",
         "陕西强化农村基层党组织建设\n本报西安11月8日电（记者 王明）\n" + BODY
         + "\n榆林市实施村干部培养工程，榆林市委组织部牵头，榆林市各县落实。", "榆林市", "most_named"),
    Case("the provincial capital's bureau, the province's own department reports",
         "本报南京11月8日电 记者王明报道：江苏省委组织部紧紧围绕中心工作。\n" + BODY + "\n江苏省各地落实。",
         "江苏省"),
    Case("a prefecture's bureau, its county reported on",
         "浙江在线阿克苏6月11日讯（通讯员 王剑）阿瓦提县基层干部轮训。\n" + BODY
         + "\n阿瓦提县委组织部部署，阿瓦提县各乡镇落实，阿瓦提县干部参训。", "阿瓦提县", "most_named"),
    Case("发自 next to the name is a dateline, not the author line before it",
         "特约撰稿 王明发自北京\n" + BODY + "\n沂源县委组织部部署，沂源县各乡镇落实，沂源县干部参训。", "沂源县"),
    Case("local medium as byline", "安吉县融媒体中心\n" + BODY + "\n湖州市委部署，湖州市召开会议，湖州市委组织部要求。",
         "安吉县", "byline", "安吉县"),
    Case("a city's medium, the district it reports on", "来源：江门日报\n" + BODY + "\n我区召开会议，蓬江区委书记讲话，蓬江区各镇街参加。",
         "蓬江区", "self_reference", "蓬江区"),
    Case("a reprint's source in another province loses to the rest",
         "来源：上海发布\n" + BODY + "\n安吉县召开会议，安吉县委书记讲话，安吉县各乡镇参加。",
         "安吉县", "most_named"),
    Case("来源 as a word in a sentence (书记的来源渠道) marks no source line",
         "株洲公开遴选村党组织书记\n本报株洲5月1日讯 株洲市委组织部负责人说，这拓宽了村党组织书记的来源渠道，是深化“醴陵经验”的探索。\n"
         + BODY + "\n株洲市各县市区推进。醴陵市一个村迎来新书记。",
         "株洲市", "", "", "city"),
    Case("a field of its own between 来源 and a name (发布开发区:) makes that name no source",
         "全市村党组织书记培训班开班\n来源:如皋日报 发布开发区:如皋经济技术开发区\n"
         + BODY + "\n我市各镇村党组织书记参加培训，全市村级换届后首次集中培训，如皋市委组织部主办。",
         "如皋市", "", "", "county"),
    Case("a site named on the author's line (作者:义乌人才网) is a medium, no author",
         "关于实施人才新政的意见\n来源:湖州日报\n作者:义乌人才网\n" + BODY + "\n湖州市各县区落实，湖州市人才办统筹。",
         "湖州市", "source", "湖州"),
]

TITLE = [
    Case("a title prefix after a series tag in brackets",
         "（新时代新作为新篇章）江西：打好组合拳提振干部精气神\n" + BODY
         + "\n南昌市委组织部介绍，南昌地铁建设一线考核干部，南昌市各区推广，南昌经验受关注。",
         "江西省", "title", "江西", "province"),
    Case("a title prefix after an agency's 电题：",
         "新华社南昌9月9日电题：江西：打好组合拳提振干部精气神\n" + BODY
         + "\n南昌市委组织部介绍，南昌地铁建设一线考核干部，南昌市各区推广，南昌经验受关注。",
         "江西省", "title", "江西", "province"),
    Case("title prefix with a short form", "安吉：干部队伍建设再上新台阶\n" + BODY + "\n湖州市委部署，湖州市召开会议。",
         "安吉县", "title", "安吉"),
    Case("title prefix in brackets", "【蓬江】夜校开课\n" + BODY + "\n江门市委部署，江门市召开会议。", "蓬江区", "title", "蓬江"),
    Case("a caption in the body is no author", "泉州市召开组织工作会议\n" + BODY + "\n晋江市委书记讲话\n" + BODY
         + "\n泉州市委组织部部署，泉州市各县区参加，泉州市委要求。", "泉州市"),
    Case("a place the title sends visitors to, described at length, is a destination throughout",
         "安吉县党政代表团赴黄山市学习考察\n5月8日，安吉县委书记带队赴黄山市学习考察。\n" + BODY
         + "\n黄山市委书记介绍了黄山市的发展情况，黄山市各区县、歙县、黟县的党建工作各有特色，"
         "黄山市委组织部表示欢迎。", "安吉县"),
    Case("a place the title has cadres arrive at to serve is the one that reports",
         "省直部门20名干部到蓬江区挂职\n" + BODY + "\n挂职干部在蓬江区各部门工作，蓬江区委组织部安排，"
         "蓬江区召开座谈会。", "蓬江区"),
]

SELF_REFERENCE = [
    Case("a county-level city's short form said again and again, its province named in short as backdrop",
         "去年，万宁在抓基层党建工作上取得新进展。" + BODY + "\n万宁推进乡村振兴，引领海南东部发展。下一步，万宁将压实责任。",
         "万宁市", "most_named", "万宁", "county"),
    Case("a county's short form said once, its province named, is not confirmed",
         "海南各地抓党建。" + BODY + "\n万宁推进乡村振兴，海南全省党员参与。",
         "海南省"),
    Case("我县 with the name only in the title", "安吉县召开组织工作会议\n" + BODY
         + "\n我县培训干部3000人次。全省培训干部50万人次，浙江省委组织部要求，浙江省各地行动。浙江省委部署。",
         "安吉县", "self_reference", "安吉县"),
    Case("该县 in a third person's report", "组织工作会议在通榆县召开\n该县干部培训3000人次，吉林省共培训50万人次，吉林省委要求吉林省各地。",
         "通榆县", "self_reference", "通榆县"),
    Case("我市 of a county-level city", "晋江市召开组织工作会议\n我市培训干部2000人次。福建省委要求，福建省各地落实，泉州市委部署。",
         "晋江市", "self_reference", "晋江市", "county"),
    Case("a short form in the title and 我区", "蓬江夜校开新课\n我区年轻干部踊跃参加，我区各镇街组织学习。", "蓬江区",
         "self_reference", "蓬江", "district"),
    Case("a short form in the body and 我区 is not enough", "夜校开新课\n" + BODY + "\n我区年轻干部踊跃参加，蓬江干部组织学习。",
         UNRECOGNISED_NAME),
    Case("only 我县: no name, no guess", "我县召开组织工作会议，县委书记讲话，我县干部参加。", UNRECOGNISED_NAME),
    Case("该县 points back to the county named before it, not to one in a photo caption above",
         "人才回乡记\n剑阁县干部到小区宣讲（受访者供图）\n" + BODY
         + "\n山东沂源县推出新政，沂源县委组织部负责人说，该县鼓励年轻人回乡，该县已回引300人。",
         "沂源县", "self_reference", "沂源县"),
    Case("我县 hosts a prefecture's delegation and names only its own townships",
         "新疆塔城地区干部培训班在我县开班\n来自新疆塔城地区的学员到我县学习。\n" + BODY
         + "\n学员在鲁史镇党群服务中心现场教学，在小湾镇参观，我县组织部长讲话。",
         "凤庆县", "self_reference", "鲁史镇", "county", "临沧市"),
    Case("我县 and townships of two counties: the township rule does not guess, nor does the visitors' prefecture stand for 我县",
         "新疆塔城地区干部培训班在我县开班\n" + BODY + "\n学员在鲁史镇现场教学，在涌宝镇参观，我县组织部长讲话。",
         UNRECOGNISED_NAME),
    Case("我镇 in a text that names only its city as an evaluator: the township is unnamed",
         "镇党委年度工作总结\n" + BODY + "\n我镇党员教育扎实开展，娄底市考核组给予肯定，娄底市委组织部通报表扬，我镇再创佳绩。",
         UNRECOGNISED_NAME),
    Case("我市 in a text that names two counties of one city and nothing else: that city",
         "两新党建扎实推进\n（记者 李某）宝丰县赵庄镇依托商会建立党支部。\n" + BODY
         + "\n鲁山县电子商务协会成立党组织。我市两新组织党建工作走在前列，我市将继续推进。",
         "平顶山市", "self_reference", "宝丰县", "city"),
    Case("我市 in a text that names only the county it aids: the city is unnamed",
         "援疆工作座谈会召开\n" + BODY + "\n我市援疆干部在伽师县工作三年，伽师县委书记介绍情况，伽师县各族群众感谢我市。",
         UNRECOGNISED_NAME),
    Case("本乡 once, in an idiom, does not make a city's report a township's",
         "泰州市启动新乡贤回流工程\n" + BODY + "\n泰州市选派干部回村任职，他们本土本乡出身，人头熟，泰州市委组织部部长介绍。",
         "泰州市", "", "", "city"),
    Case("本市 in a district of a municipality: the district stays",
         "西青区引进博士后\n" + BODY + "\n西青区人才办介绍，西青区今年选聘博士后15名，本市人才政策支持，西青区将继续引才。",
         "西青区", "", "", "district"),
    Case("我区 in an autonomous region's own report is the region, not a district it names as an example",
         "十年党建成就回顾\n" + BODY + "\n党的十八大以来，我区党建工作全面加强，广西如何更好落实新要求？"
         "\n南宁市青秀区某社区书记讲述了变化。",
         "广西壮族自治区", "self_reference", "广西", "province"),
    Case("全区 alone in a county's report of an autonomous region is no self-reference to the region",
         "伊宁县党建工作综述\n伊宁县各级党组织紧贴全区中心工作，推动全区党建工作创新。\n" + BODY
         + "\n伊宁县委组织部介绍，伊宁县将继续推进，新疆各地学习。",
         "伊宁县", "", "", "county"),
    Case("我省 is never a municipality's word: the partner 重庆市 is not the writer",
         "两地干部人才交流再获突破\n近日，省委组织部召开互派培养动员会。\n" + BODY
         + "\n我省选派30名青年人才到重庆市属单位研修，我省将持续推进交流。",
         UNRECOGNISED_NAME),
    Case("该县 after two counties: the nearer one each time",
         "人才回乡记\n" + BODY + "\n剑阁县也有办法。山东沂源县推出新政，该县鼓励年轻人回乡。沂源县委组织部说，该县已回引300人。",
         "沂源县", "self_reference"),
    Case("我省 once in a report that opens with a place inside the province, named more, is that place's",
         "4月1日，贵安新区2024年党务工作会议召开。副省长、贵安新区党工委书记作出批示。"
         "今年是我省建设“多彩贵州”的关键之年，也是新区改革发展之年，贵安新区各级党组织要抓好落实。\n" + BODY,
         "贵州贵安新区", "", "", "development_zone"),
]

CITY_AND_DISTRICT = [
    Case("an outsider's title names the city, the district's own body acts and outweighs it clearly",
         "香港某报\n福建泉州有一场表彰仪式\n日前，表彰仪式在福建泉州丰泽区广场举行，中共泉州市委组织部、中共丰泽区委组织部负责人出席。\n"
         + BODY + "\n中共丰泽区委组织部启动评选，丰泽区各街道参与，集中展示丰泽区党建成果，丰泽区委组织部表示将持续推进。",
         "丰泽区", "", "", "district", "泉州市"),
    Case("a city named more than either of the counties its examples come from keeps the report",
         "走进晋江陈埭镇鞋业园，映入眼帘的是一派繁忙景象。\n" + BODY + "\n日前，石狮宝盖镇召开联席会议，石狮市挂钩领导参加。"
         "这是泉州市推行“三区联创”的缩影。泉州市创新组织设置，泉州市配套制定制度，泉州市各地推广。",
         "泉州市", "most_named", "", "city"),
    Case("a district name two cities share, settled by its city named only in short",
         "理论宣讲进社区\n12月12日，在和平区某街道会议室，宣讲员讲述幸福沈阳共同缔造。\n" + BODY
         + "\n和平区作为沈阳唯一的试点城区，和平区各社区推广经验。",
         "和平区", "", "", "district", "沈阳市"),
    Case("a municipality named to locate its district speaks for the district",
         "党建引领城市更新\n" + BODY + "\n近年来，上海市宝山区创新楼宇党建，宝山新城建设加快。上海市党代会提出要求，"
         "上海市宝山区深入落实，宝山新城党群服务中心开放。上海市各区学习。",
         "宝山区", "", "", "district"),
    Case("a district ranked within its city (位于全市前列) is no report of the city",
         "西陵区打造人才高地\n" + BODY + "\n西陵区委组织部介绍，西陵区人才总量位于宜昌全市前列，"
         "引进博士数量居全市首位。西陵区将继续引才，宜昌市人才政策支持。",
         "西陵区", "", "", "district"),
    Case("the district reports, its city named more", "江门市蓬江区：组织工作亮点\n" + BODY
         + "\n江门市委部署，江门市委组织部要求，江门市各区，我区落实。", "蓬江区", "title", "蓬江区"),
    Case("the city reports, a district speaks once", "江门市召开全市组织工作会议\n江门市委书记讲话。蓬江区作交流发言。我市各区落实。",
         "江门市", "self_reference", "江门市", "city"),
    Case("a district's author line, its city's instructions",
         "中共蓬江区委组织部\n" + BODY + "\n落实江门市委部署，江门市委组织部要求，江门市各区行动。", "蓬江区", "author", "蓬江区"),
    Case("the city the title names, a county's village as its opening example",
         "看通辽市如何培育村级后备力量\n冬日，开鲁县东风镇的大棚里一片繁忙。开鲁县委组织部把返乡青年纳入后备力量，"
         "开鲁县各村跟进。\n这是通辽市推行的培养工程。通辽市各旗县落实，通辽市委组织部牵头。",
         "通辽市", "most_named", "通辽市", "city"),
    Case("the city the first sentence opens with, a district named once further on",
         "通辽市按照自治区统一部署，持续深化三大行动，促进党员培训全覆盖。\n在开鲁县东风镇等地探索网络电视接入，"
         "开鲁县各站点每月开展学习。\n通辽市将继续推进。",
         "通辽市", "most_named", "通辽市", "city"),
    Case("a district the text dwells on outweighs the city its first sentence names",
         "近日，通辽市召开党建工作推进会。\n科尔沁区委组织部部署，科尔沁区各街道落实，科尔沁区委书记讲话。"
         "科尔沁区将推进社区党建，科尔沁区各社区参加。", "科尔沁区", "most_named", "科尔沁区", "district"),
    Case("a title that names the city and its county: the county reports",
         "通辽市开鲁县培育村级后备力量\n冬日，开鲁县东风镇的大棚里一片繁忙。开鲁县委组织部把返乡青年纳入后备力量，"
         "开鲁县各村跟进。\n通辽市委组织部肯定了这一做法。",
         "开鲁县", "most_named", "开鲁县", "county"),
]

BACKDROP = [
    Case("a city's meeting held in one of its districts (全市…推进会在X区召开) is the city's, never named itself",
         "全市两新党建工作推进会在仓山区召开\n会上，仓山区委书记介绍经验，仓山区、台江区作交流发言。\n" + BODY
         + "\n市委常委、组织部部长出席并讲话。与会人员观摩了仓山区的三个党建阵地。",
         "福州市", "self_reference", "全市", "city"),
    Case("a province's area meeting held in a county is reported by the county on its own work",
         "全省驻村工作片区座谈会在安溪县召开\n安溪县代表在会上发言。安溪县共选派80名第一书记。\n" + BODY
         + "\n安溪县积极落实部署，安溪县驻村工作成效明显。",
         "安溪县"),
    Case("全区 and 我区 in a text that names only its province-level city, once, in a meeting it studies: unnamed",
         "区委召开常委会议\n" + BODY + "\n会议传达学习了全市组织部长会议和重庆市组织工作会议精神。"
         + "\n全区各级党组织要抓好落实，区委将加强督导，全区党员干部要担当作为。我区将持续推进。",
         UNRECOGNISED_NAME),
    Case("本市 in a text that names its province-level city twice in short is that city",
         "本市社区工作者队伍建设\n" + BODY + "\n本市社区工作者5.2万人，本市将持续推进，在上海大力开展招聘，上海率先建立制度。",
         "上海市"),
    Case("a province's paper on its 全省 work: the counties of one city it names are examples",
         "村级党组织换届顺利完成\n记者从省委组织部获悉，全省村级党组织换届已全面完成。\n" + BODY
         + "\n全省共选出村党组织书记1.6万名。瑞金市某村书记说…于都县在换届中创新做法。\n信息来源：江西日报",
         "江西省", "source", "江西", "province"),
    Case("province-wide figures around a county's report",
         "全省组织工作会议召开后，吉林省各地落实。吉林省委要求，吉林省委组织部部署，吉林省共培训干部50万人次。\n"
         "我县召开会议，通榆县委书记讲话，通榆县各乡镇参加。", "通榆县", "self_reference", "通榆县"),
    Case("a province reports itself", "吉林省委组织部召开全省组织部长会议\n全省培训干部50万人次，长春市、吉林市作交流发言。",
         "吉林省", "", "", "province"),
    Case("a province's report with its counties' projects as examples",
         "三年来，甘肃省各级组织部门整顿软弱涣散村党组织。\n三年来，甘肃省各级组织部门帮助村里发展产业，"
         "建成城关区蔬菜大棚项目、七里河区养殖项目。\n接下来，甘肃省各级组织部门将继续推进。",
         "甘肃省", "", "", "province"),
    Case("a list of places is a route, not the reporter",
         "学员专列返回通榆\n专列途经吉林、内蒙古、河北、辽宁，从北京市直达通榆县。\n"
         "通榆县委组织部和北京市对口帮扶指挥部做好保障，通榆县各乡镇派车接送学员。",
         "通榆县", "most_named", "通榆", "county"),
    Case("villages cadres were posted to are destinations",
         "选派驻村工作总结\n我院认真落实选派工作。第一批同志派驻通榆县瞻榆镇某村任第一书记，第二批同志派驻通榆县向海乡某村，"
         "第三批同志派往通榆县包拉温都乡某村。", UNRECOGNISED_NAME),
    Case("firms named after their province name no locality",
         "高新区人才走访活动\n调研组先后深入到山东精工电子科技股份有限公司、山东云岭药业有限公司走访。我区将持续优化服务。",
         UNRECOGNISED_NAME),
    Case("a talent programme named after a place is not that place",
         "人才政策宣传进企业\n我区3人入选泰山产业领军人才工程，2人获评泰山学者。", UNRECOGNISED_NAME),
    Case("a district's own committee working with a firm stays the reporter",
         "蓬江区委组织部联合移动公司开展党建活动\n蓬江区各街道参加。", "蓬江区", "", "蓬江区", "district"),
    Case("an aid story's 我省 is the sender, never the aided province",
         "新一轮援疆干部抵达\n我省第十批援疆干部人才抵达新疆，进驻各自驻地阿勒泰地区及所属福海县。"
         "大家要建设好美丽的新疆，落实好党的援疆政策。我省将做好服务保障。", UNRECOGNISED_NAME),
    Case("an aided place that names itself still reports",
         "援疆专列返回塔城\n塔城地委组织部和对口援疆指挥部做好保障。塔城地区各县市派车接送，落实援疆政策。",
         "塔城地区", "", "塔城", "city"),
    Case("a partner joined by 与 weighs as a place elsewhere",
         "181团民族团结纪实\n十师181团成立于1953年。团场与通榆县4个乡相邻。十师各团场学习。181团党委与通榆县委建立共建机制。",
         "新疆生产建设兵团第十师", "most_named", "181团", "corps_division"),     # its regiment, in the title
    Case("a regiment written in numerals, where 兵地 and 连队 say the text is the Corps'",
         "兵地共建迎新春\n来源：一百二十七团     点击量：8\n一百二十七团三连党支部走访结对村，连队党员与村民共度新春，兵地一家亲。",
         "新疆生产建设兵团第七师", "", "", "corps_division"),
    Case("a list of places with an item the gazetteer does not read is still a list",
         "通辽援疆干部启程\n通辽第十批干部启程，将在和田、喀什、某某、阿克苏四地州有关岗位上履职。", "通辽市", "most_named", "通辽", "city"),
    Case("destinations listed together weigh as destinations",
         "蓬江区组织年轻干部外出学习\n年轻干部赴北京、上海、深圳和杭州学习。上海市、深圳市的经验值得借鉴。\n蓬江区委组织部表示将推广。",
         "蓬江区", "most_named", "蓬江区", "district"),
]

ZONES = [
    Case("an unlisted zone named by a district's short name, which reads as a verb (咸安: 安), placed by it",
         "咸安经济开发区非公企业实现党组织全覆盖\n" + BODY
         + "\n咸安经济开发区6家企业联合成立党支部，咸安经济开发区党工委推进全覆盖。",
         "咸安经济开发区", "", "咸安经济开发区", "development_zone", "咸宁市"),
    Case("an anonymised zone's party committee (中共经开区党工委) names no zone",
         "2024年中共经开区党工委工作总结\nXX经开区党工委深化改革开放。经开区新增高新技术企业21家，经开区组建科研机构。", UNRECOGNISED_NAME),
    Case("zone by its full name", "长春经济技术开发区召开党建工作会议\n" + BODY, "长春经济技术开发区", "", "", "development_zone", "长春市"),
    Case("a city's development zone by city + 开发区 is its economic-technological one",
         "市委副书记到泉州开发区调研\n泉州开发区党工委汇报工作。" + BODY, "泉州经济技术开发区", "", "", "development_zone", "泉州市"),
    Case("zone by its short name", "长春经开区党工委召开党建工作会议\n" + BODY, "长春经济技术开发区", "", "长春经开区",
         "development_zone"),
    Case("a county-level city's zone, short name", "昆山高新区党工委召开党建工作会议\n" + BODY, "昆山高新技术产业开发区", "",
         "", "development_zone", "苏州市"),
    Case("a city's own zone by the city's full name", "长春市高新区召开会议，长春市高新区党工委书记讲话。",
         "长春高新技术产业开发区", "", "", "development_zone"),
    Case("a zone by its own short name", "净月高新区党工委召开党建工作会议，净月高新区各单位参加。", "长春净月高新技术产业开发区", "",
         "", "development_zone", "长春市"),
    Case("a district whose name ends in 园区 is no zone", "长春市绿园区召开会议，绿园区委书记讲话。", "绿园区", "", "",
         "district", "长春市"),
    Case("a national new area", "兰州新区党工委召开党建工作会议\n" + BODY, "兰州新区", "", "", "development_zone", "兰州市"),
    Case("a national new area with a district's code, by its official name", "四川天府新区党工委召开会议。", "四川天府新区",
         "", "", "development_zone"),
    Case("a national new area with a district's code, by its short name", "天府新区党工委召开会议。" + BODY, "四川天府新区",
         "", "", "development_zone"),
    Case("a national new area the gazetteer lacks, by its short name", "滇中新区党工委召开会议。" + BODY, "云南滇中新区",
         "", "", "development_zone", "昆明市"),
    Case("zone words alone name no zone", "经开区、高新区齐头并进，各园区党建工作扎实推进。", UNRECOGNISED_NAME),
    Case("two kinds of zone named together (自贸区保税区) name no zone", "上海召开会议。上海自贸区保税区推进党建，自贸区保税区各企业参加，"
         "自贸区保税区党组织覆盖。上海各区参加。", "上海市"),
    Case("an unlisted zone as a title's prefix outweighs its district's news site as the source",
         "瑶海经济技术开发区：“三联”推动非公党建提质增效\n发布日期：2025-09-04 信息来源：瑶海分站\n" + BODY
         + "\n近年来，瑶海经济技术开发区通过三项举措，增强党组织在企业发展中的作用。",
         "瑶海经济技术开发区", "title", "瑶海经济技术开发区", "development_zone", "合肥市"),
    Case("a city paper's dateline over an unlisted zone of that city that the report is about",
         "青岛鳌山湾经济技术开发区\n本报青岛讯（通讯员王明）近年来，青岛鳌山湾经济技术开发区坚持党建引领。\n" + BODY
         + "\n鳌山湾经济技术开发区党工委统筹推进，在青岛市委组织部指导下形成经验。",
         "青岛鳌山湾经济技术开发区", "most_named", "青岛鳌山湾经济技术开发区", "development_zone", "青岛市"),
    Case("a city site's dateline, the zone written after the city's name",
         "本网江西赣州讯（通讯员李明）江西赣州峰山新区两新工委推动非公党建。\n" + BODY
         + "\n赣州某某文化传媒有限公司参加活动。峰山新区两新工委表示将继续推进。",
         "赣州峰山新区", "most_named", "赣州峰山新区", "development_zone", "赣州市"),
    Case("a city paper's dateline over a story that names the city's zone once stays with the city",
         "本报青岛讯（通讯员王明）青岛市召开人才工作会议，青岛市委书记讲话。\n" + BODY
         + "\n青岛鳌山湾经济技术开发区等单位作交流发言，青岛市各区市参加。",
         "青岛市", "dateline", "青岛"),
    Case("a title naming a zone by its word alone is the one listed zone the text names, whoever visits",
         "省领导调研新区非公企业党建工作\n【本报讯】(贵阳日报记者 张某)省委常委来到贵安新区数据中心调研。" + BODY
         + "\n贵阳市有关负责同志陪同。贵阳市相关部门参加。",
         "贵州贵安新区", "title", "贵安新区", "development_zone"),
    Case("a zone word after a name in the title is that name's, not a bare word",
         "某某新区召开党建会议\n【本报讯】(贵阳日报记者 张某)贵阳市委常委来到贵安新区调研。" + BODY
         + "\n贵阳市有关负责同志陪同。贵阳市相关部门参加，贵阳市各区县参加。",
         "贵阳市"),
    Case("我区 with its city named and the zone only by its word (来我区调研 … 为经开区 …) is that city's zone",
         "工委副书记接待市委组织部一行\n市委组织部副部长一行来我区调研人才工作。我区介绍了经开区人才工作情况。\n" + BODY
         + "\n要用好株洲市人才政策，结合经开区实际，为经开区乃至株洲市发展提供支撑。我区将持续发力，我区各部门配合。",
         "株洲经济技术开发区", "", "", "development_zone"),
    Case("a listed zone named once in full, then by its zone word alone, over the places its cadres went to",
         "本报讯 这是武汉经济技术开发区一名干部在云南挂职两年交出的答卷。近年来，开发区选派干部到云南、广西、重庆等地锻炼。\n"
         + BODY + "\n开发区还从高校引进年轻干部，云南昆明、云南大理、广西桂林、重庆万州都有干部来挂职。",
         "武汉经济技术开发区", "self_reference", "武汉经济技术开发区", "development_zone", "武汉市"),
    Case("a zone its seconded cadres come from, with the zone word used alone, is no reporter",
         "本报讯 贵州凯里经济技术开发区来的干部在昆明市挂职。昆明市委组织部介绍，开发区干部表现出色。\n"
         + BODY + "\n开发区干部在昆明市各单位轮岗，昆明市还将选派干部回访。",
         "昆明市"),
    Case("全市 (never 我市) as the backdrop of a city's zone named by its word alone, the city once in a base's name",
         "由市委组织部举办的全市党建工作现场会议在高新区召开。与会人员观摩了高新区的党组织，参观了国家火炬洛阳机器人产业基地。\n"
         + BODY + "\n全市6家单位交流发言，全市获评的党组织授牌。高新区组织部将以此次会议为契机，推进高新区建设。",
         "洛阳高新技术产业开发区", "", "", "development_zone", "洛阳市"),
    Case("an unlisted business district named once in full, then by the short name it declares (以下简称)",
         "党建引领助企发展\n11月16日，合肥东部商务区（以下简称东商）将迎来开园10周年。东商是安徽省首批示范区。\n" + BODY
         + "\n东商结合发展属性开展党建助企，东商党工委统筹推进，合肥市有关部门支持，东商各企业参与。",
         "合肥东部商务区", "", "", "development_zone", "合肥市"),
    Case("an unlisted industrial concentration zone the title names, over its medium's city on the source line",
         "2018年岳塘工业集中区亮点工作异彩纷呈\n来源：红网湘潭站 作者：张某\n岁月不居。\n2018年，对岳塘工业集中区（以下简称园区）来说，"
         "是丰收的一年。" + BODY + "\n园区党工委统筹推进，园区企业党组织全覆盖，园区荣获多项表彰，湘潭市有关部门肯定。",
         "岳塘工业集中区", "", "", "development_zone", "湘潭市"),
    Case("a national cooperation zone, titled by its word after 前往, is the report's, whoever visits it",
         "张某一行前往合作区开展基层党建调研\n本报讯 11月14日，省委党校负责人带队前往横琴粤澳深度合作区开展调研。\n" + BODY
         + "\n合作区党建工作扎实，合作区各单位参加座谈。",
         "横琴粤澳深度合作区", "title", "横琴粤澳深度合作区", "development_zone", "珠海市"),
    Case("a national agricultural high-tech zone by its press name",
         "杨凌示范区召开党建工作会议\n" + BODY + "\n杨凌示范区各单位参加，示范区党工委部署。",
         "杨凌农业高新技术产业示范区", "", "", "development_zone", "咸阳市"),
    Case("a national zone named by its press name alone (洋浦), over universities it recruits from",
         "洋浦之变：成为人才汇聚新高地\n" + BODY + "\n洋浦统筹推进人才引进，洋浦引进人才1000人，到哈尔滨师范大学、湖南师范大学招聘。",
         "洋浦经济开发区", "", "", "development_zone", "儋州市"),
]

TOWNSHIPS = [
    Case("a township the gazetteer lists elsewhere, named again and again in a county's report, is that county's",
         "武隆区召开党建工作会议\n" + BODY + "\n今年以来，仙女山街道党工委推进基层治理。仙女山街道建成服务站8个，"
         "仙女山街道各社区开展活动，仙女山街道党员参与志愿服务。",
         "仙女山街道", "most_named", "仙女山街道", "township", "重庆市", "武隆区"),
    Case("a township the gazetteer does not list, under a prefecture, keeps its name with the city",
         "阿拉善盟巴彦木仁苏木党委推进嘎查党建\n" + BODY + "\n巴彦木仁苏木各嘎查开展活动，巴彦木仁苏木党员参与。",
         "巴彦木仁苏木", "", "", "township", "阿拉善盟"),
    Case("a township whose stem is another county's short name (三江), named again and again in a county's report",
         "汶川县召开党建工作会议\n" + BODY + "\n三江乡党委推进基层治理。三江乡建成服务站8个，三江乡各村开展活动，"
         "三江乡党员参与志愿服务，汶川县各部门支持三江乡。",
         "三江乡", "most_named", "三江乡", "township", "", "汶川县"),
    Case("a township the gazetteer lacks, in a text that names only its province, once, in short",
         "新时代文明实践\n" + BODY + "\n今年，梅林桥镇推进基层治理，是梅林桥镇的重点工作，梅林桥镇各村参与，统筹城乡发展。"
         "本文为湖南频道原创。",
         "梅林桥镇", "most_named", "梅林桥镇", "township", "", ""),
    Case("a level word ending a word (统筹城乡, 工业强镇) names no township",
         "新时代文明实践\n" + BODY + "\n统筹城乡发展，推进工业强镇，统筹城乡建设，统筹城乡治理。本文为湖南频道原创。",
         UNRECOGNISED_NAME),
    Case("a 街道 written as 街, named again and again in its district's report, listed elsewhere",
         "津南区召开党建工作会议\n" + BODY + "\n海棠街党工委推进基层治理。海棠街建成服务站8个，海棠街各社区开展活动，"
         "海棠街党员参与志愿服务。",
         "海棠街道", "most_named", "海棠街", "township", "天津市", "津南区"),
    Case("an unlisted township opening the title, its city named more often (its other districts)",
         "望湖街道组织开展社区项目擂台赛\n" + BODY + "\n望湖街道各社区参赛，望湖街道党工委点评，望湖街道推广经验。"
         "沈阳市和平区、沈阳市皇姑区、沈阳市沈河区派员观摩，沈阳市委组织部指导。",
         "望湖街道", "most_named", "望湖街道", "township", "沈阳市"),
    Case("a listed one-character-stem township inside a longer name is not that township (先生店镇 holds 店镇)",
         "先生店镇五大振兴结硕果\n" + BODY + "\n镇党委始终把产业发展放在首位，全镇党员干部积极参与。",
         UNRECOGNISED_NAME),
    Case("a place word ending in a level word's character is no township (新型城镇化)",
         "武隆区召开党建工作会议\n" + BODY + "\n推进新型城镇化建设，新型城镇化率提高，新型城镇化取得成效，武隆区各单位参加。",
         "武隆区"),
    Case("a township's party secretary speaking on a line of his own is no township report",
         "电子党务系统在杭锦旗得以成功运用\n一直以来，杭锦旗为提高服务水平推行电子党务。\n杭锦旗锡尼镇党委书记王某介绍说：“我们建立了流动党校。”\n"
         + BODY + "\n杭锦旗共打造示范点20个。杭锦旗组织部长说，杭锦旗让党员拧成一股绳。",
         "杭锦旗", "", "", "county"),
    Case("a township the gazetteer lacks, written after its district in the title and named again",
         "天河区云港街道——\n举行社区党组织书记座谈会\n本报讯 天河区云港街道日前举行社区党组织书记座谈会。" + BODY
         + "\n云港街道所辖12个社区书记参会，广州市委组织部有关同志到会指导。",
         "云港街道", "subject", "云港街道", "township", "广州市", "天河区"),
    Case("a township the gazetteer lacks, after its city's and county's short names, its body named again",
         "江苏报道：苏州太仓云港街道党工委统筹推进社区建设，谱写太仓篇章。" + BODY
         + "\n街道党工委书记表示，街道党工委将持续推进。",
         "云港街道", "subject", "云港街道", "township", "苏州市", "太仓市"),
    Case("an unlisted street after a superior's backdrop sentence, speaking of itself as 街道",
         "北京市委、市政府印发的《意见》提出，要形成共建共治共享的基层治理体系。作为城市副中心的核心街区，"
         "通州区云港街道立足辖区特点创新机制。\n" + BODY + "\n街道坚持党建引领。街道将党建融入治理。街道明确责任清单。",
         "云港街道", "subject", "云港街道", "township", "北京市", "通州区"),
    Case("a word ending in a level word's character after a district is no township (父老乡亲)",
         "樊城区召开组织工作会议\n致樊城区父老乡亲的一封信。" + BODY + "\n樊城区父老乡亲积极响应，樊城区各部门参加。",
         "樊城区"),
    Case("a county's own body opening the report keeps it the county's, whatever township it visits",
         "10月31日，凤庆县委书记率相关部门负责人来到鲁史镇金鸡村，就基层党建工作现场办公。\n" + BODY
         + "\n会上，鲁史镇党委汇报了工作，凤庆县委要求鲁史镇抓好落实。",
         "凤庆县", "", "", "county"),
    Case("a district committee's street committee opening the report is the street's",
         "近年来，蓬江区委杜阮镇党委启动年轻干部培养计划，激发年轻干部活力。\n" + BODY
         + "\n杜阮镇组织年轻干部参加实践，杜阮镇党委定期评估。",
         "杜阮镇", "", "", "township"),
    Case("a township opening the first sentence after its date, its district an evaluator",
         "2月5日下午，鲁史镇召开党组织书记述职评议会。凤庆县委组织部副部长到会指导。\n" + BODY
         + "\n会议要求，镇党委抓好落实，凤庆县委组织部将跟踪问效。",
         "鲁史镇", "subject", "鲁史镇", "township", "临沧市", "凤庆县"),
    Case("a county named only to place its township does not outweigh it",
         "马背宣讲队走过草原\n" + BODY + "\n在临沧市凤庆县鲁史镇金鸡村，宣讲队员走家串户。凤庆县鲁史镇党委组建宣讲队，"
         "鲁史镇各村轮流宣讲，凤庆县是茶叶大县。",
         "鲁史镇", "most_named", "鲁史镇", "township", "临沧市", "凤庆县"),
    Case("the township a county paper's story opens with, right after the dateline",
         "本报凤庆讯（通讯员李明） 鲁史镇围绕党建引领产业发展，经济社会各项事业取得明显成效。\n" + BODY
         + "\n在凤庆县组织的年度考核中，该镇获评先进，全市各乡镇学习，全市推广。",
         "鲁史镇", "subject", "鲁史镇", "township", "临沧市", "凤庆县"),
    Case("a township as the publisher of a government page that says 我旗",
         "索引号 | 2022-001 | 效力属性 |\n发布机构 | 乌盖苏木 | 文 号 |\n" + BODY
         + "\n我旗实施移民搬迁后，乌盖苏木党委带领嘎查党支部发展产业，我旗各苏木镇学习。",
         "乌盖苏木", "source", "乌盖苏木", "township"),
    Case("a district's own rules (titled with its name, 我区) posted by one of its townships stay the district's",
         "甘州区村级干部管理办法（试行）\n发布机构 | 大满镇 | 文 号 |\n" + BODY
         + "\n为加强村级干部队伍建设，结合我区实际，制定本办法。本办法由区委组织部负责解释。",
         "甘州区", "", "", "district"),
    Case("a district government's site name over the page does not stop its street being the most named",
         "昆都仑区人民政府\n自治区统战部参观市府东路街道阿尔丁社区实践创新基地\n来源：昆区统战\n" + BODY
         + "\n市府东路街道阿尔丁社区是一个多民族混居的社区。参观团来到市府东路街道党群服务中心。",
         "市府东路街道", "most_named", "市府东路街道", "township", "包头市", "昆都仑区"),
    Case("a district's medium publishing a story its township is named throughout",
         "党建引领乡村振兴见实效\n" + BODY + "\n近年来，化龙镇党委推进基层治理。化龙镇各村成立理事会。化龙镇组织党员志愿服务。\n来源：番禺融媒",
         "化龙镇", "", "", "township", "", "番禺区"),
    Case("a township no other county has, named once in the first sentence of a text naming nothing else",
         "历时两个多月，杨宋镇18个行政村党组织顺利完成换届。经镇党委审议，新一届班子正式产生。", "杨宋镇", "", "杨宋镇",
         "township", "", "怀柔区"),
    Case("township title with its district named", "杜阮镇：党建引领乡村振兴\n" + BODY + "\n蓬江区委部署，蓬江区各镇落实。",
         "杜阮镇", "title", "杜阮镇", "township", "江门市", "蓬江区"),
    Case("township party committee as author", "中共杜阮镇委员会\n蓬江区杜阮镇召开会议，我镇党员参加。",
         "杜阮镇", "author", "杜阮镇", "township", "江门市", "蓬江区"),
    Case("我镇 with the township in the title", "杜阮镇召开党员大会\n我镇党员200人参加。蓬江区委组织部要求。",
         "杜阮镇", "self_reference", "杜阮镇", "township"),
    Case("county media's byline, the township's own committee opens the report",
         "通讯员 王明 凤庆报道\n凤庆县鲁史镇党委深入贯彻会议精神，推进农村基层组织建设。\n" + BODY
         + "\n全镇村党组织书记参加比武，凤庆县最美村干部评选中，鲁史镇两人入选。凤庆县委部署。",
         "鲁史镇", "subject", "鲁史镇", "township", "临沧市", "凤庆县"),
    Case("a county's committee opening its report is not a township's",
         "凤庆县委深入贯彻会议精神\n" + BODY + "\n鲁史镇、小湾镇作交流发言，凤庆县各乡镇落实，凤庆县委部署。",
         "凤庆县", "", "", "county"),
    Case("a township named in passing in its county's report", "中共蓬江区委组织部\n" + BODY + "\n杜阮镇、棠下镇作交流发言，我区各镇落实。",
         "蓬江区", "author", "蓬江区", "district"),
    Case("a township whose name no other county has, without its county", "杜阮镇：党建引领乡村振兴\n我镇党员200人参加。",
         "杜阮镇", "title", "杜阮镇", "township", "江门市", "蓬江区"),
    Case("a township name many counties share, without its county: the township, unplaced",
         "城关镇：党建引领乡村振兴\n我镇召开党员大会。", "城关镇", "title", "城关镇", "township", ""),
    Case("a township name two counties share, placed by an ambiguous district the text names",
         "三里屯街道：党建引领社区治理\n朝阳区委组织部到三里屯街道调研，街道党工委汇报工作。",
         "三里屯街道", "title", "三里屯街道", "township", "北京市", "朝阳区"),
    Case("a township name that says little more than its ending is no locality unplaced",
         "马镇：党建引领乡村振兴\n我镇召开党员大会。", UNRECOGNISED_NAME),
    Case("a township named often, no county, no cue: its name is its own", "村级换届工作总结\n" + BODY
         + "\n鲁史镇积极做好换届工作，全镇18个党支部完成换届。鲁史镇共有党员620名。", "鲁史镇", "most_named", "鲁史镇",
         "township", "临沧市", "凤庆县"),
    Case("a township name many counties share, named often, no county: the township, unplaced",
         "村级换届工作总结\n" + BODY + "\n城关镇积极做好换届工作，全镇18个党支部完成换届。城关镇共有党员620名。",
         "城关镇", "most_named", "城关镇", "township", ""),
    Case("a news item on one township, its county named once to place it",
         "近日，蓬江区棠下镇召开村党组织书记座谈会。棠下镇各村书记参加。\n棠下镇党委书记讲话，要求抓好换届。棠下镇将继续推进。",
         "棠下镇", "most_named", "棠下镇", "township", "江门市", "蓬江区"),
    Case("a county named as often as its township keeps the report",
         "蓬江区召开组织工作会议，棠下镇作交流发言。\n会议要求，蓬江区各级党组织抓好落实，棠下镇经验值得推广。",
         "蓬江区", "most_named", "蓬江区", "district"),
    Case("several townships of one county share the mentions",
         "蓬江区杜阮镇、棠下镇、荷塘镇开展党员轮训。杜阮镇培训党员200人，棠下镇培训300人，荷塘镇培训150人。",
         "蓬江区", "most_named", "蓬江区", "district"),
    Case("a township of a municipality's county, named more than the municipality, is the report's",
         "党建引领乡村振兴\n文/重庆日报记者 张某\n初夏，走进城口县北屏乡，美丽风景尽收眼底。\n"
         "北屏乡曾是重庆市深度贫困乡镇之一。近年来，北屏乡党委突出党建引领。\n" + BODY
         + "\n北屏乡各村发展产业，北屏乡群众增收。",
         "北屏乡", "most_named", "北屏乡", "township", "重庆市", "城口县"),
    Case("a street written 某某街 right after its district, as 天津 writes it",
         "津南区双新街：党群服务中心全部配齊\n" + BODY + "\n双新街各社区建成党群服务中心，双新街党工委统筹推进。",
         "双新街道", "", "", "township", "天津市", "津南区"),
    Case("a street's short form away from its district is no name (a 街 of shops)",
         "津南区召开党建工作会议\n" + BODY + "\n津南区委书记讲话，步行街商户代表发言，双新街各社区参加。",
         "津南区", "", "", "district"),
    Case("a township whose profile opens the report (X乡地处…) is the report's, its county the frame",
         "鲁史镇地处凤庆县城东北部，东接大寺乡，全镇辖14个行政村，党员900人。\n" + BODY
         + "\n凤庆县委组织部指导，凤庆县各部门支持，凤庆县委要求抓好落实。",
         "鲁史镇", "subject", "鲁史镇", "township", "临沧市", "凤庆县"),
    Case("a district named only ever to place its street speaks for the street, named once",
         "社区党建观摩会召开\n（长江网讯）5日上午，洪山区关山街举办社区党建观摩会。\n" + BODY
         + "\n各社区书记交流经验，居民代表参加。",
         "关山街道", "most_named", "关山街", "township", "武汉市", "洪山区"),
    Case("an autonomous prefecture named once, whose own bodies (州直机关) report",
         "州直机关党建工作会议召开\n州委常委、州直机关工委书记出席并讲话。" + BODY
         + "\n州直各单位要抓好落实。今年是湘西土家族苗族自治州成立纪念之年，全州上下共同奋进。",
         "湘西土家族苗族自治州", "", "湘西土家族苗族自治州", "city"),
    Case("a prefecture with no short form is named by its stem and its own body (阿里地委)",
         "阿里地委组织部驻村工作队：扎根基层\n" + BODY + "\n工作队来到革吉县一个村，革吉县干部陪同，村里发展合作社。",
         "阿里地区", "", "阿里", "city"),
    Case("a source line naming the city's organisation department is its author, over a zone named more",
         "园区党建品牌案例发布\n来源：株洲市委组织部    日期：2024-05-01\n" + BODY
         + "\n株洲高新技术产业开发区党工委推荐报送案例。株洲高新技术产业开发区某园区入选，株洲高新技术产业开发区持续推进。",
         "株洲市", "author", "株洲市", "city"),
    Case("a township dwelt on in its county's authored report stays the county's",
         "中共蓬江区委组织部\n棠下镇探索网格党建。棠下镇建成网格党支部。棠下镇经验在全区推广。",
         "蓬江区", "author", "蓬江区", "district"),
    Case("a county that opens the report frames it; a township named a little more is one practice's home",
         "□记者 张某\n近年来，凤庆县把党建作为一把手工程，推进基层党建提质。\n" + BODY
         + "\n“一公里干部”发端于鲁史镇，鲁史镇的做法在各乡镇推广。鲁史镇群众满意。凤庆县各乡镇跟进。",
         "凤庆县", "", "", "county"),
    Case("a township named far more than the county that opens the report is the report's",
         "□记者 张某\n把党组织建在产业链上，凤庆县有不一样的做法。\n" + BODY
         + "\n鲁史镇党委挂牌成立。鲁史镇党委书记介绍，鲁史镇建成基地。鲁史镇群众增收，鲁史镇产业兴旺。",
         "鲁史镇", "", "", "township"),
    Case("a township closing a chain of province, city and county in the first sentence, named again, over partners",
         "日前，一场多方参与的城市基层党建活动——四川省绵阳市游仙区富乐街道首届联合组织生活举行。"
         "成都市温江区天府街道、成都市武侯区玉林街道、成都市青羊区西华门街道负责人参加。\n" + BODY
         + "\n成都市各单位代表发言，成都市社会组织交流经验。游仙区富乐街道将持续推进。",
         "富乐街道", "subject", "富乐街道", "township", "绵阳市", "游仙区"),
    Case("a township named more than its county and a partner city, which split the weight to the province",
         "全新启用！谷饶镇两个村党群服务中心揭牌\n来源：某某网\n近日，潮阳区谷饶镇两个村党群服务中心揭牌启用。\n"
         "“以前借用祠堂办公。”佛山市某镇组团驻潮阳区谷饶镇帮扶工作队队长说。\n" + BODY
         + "\n结对单位佛山市某社区出资。谷饶镇党委书记介绍，谷饶镇各村将用好阵地。",
         "谷饶镇", "", "", "township", "汕头市", "潮阳区"),
]

GROUPS = {
    "author_vs_partner": AUTHOR_VS_PARTNER, "byline_vs_most_named": BYLINE_VS_MOST_NAMED, "title": TITLE,
    "self_reference": SELF_REFERENCE, "city_and_district": CITY_AND_DISTRICT, "backdrop": BACKDROP,
    "zones": ZONES, "townships": TOWNSHIPS,
}


@pytest.mark.parametrize("case", params([c for cases in GROUPS.values() for c in cases]))
def test_reporting_locality(case):
    run(case)


def test_unplaced_township_names_its_candidates():
    choice = choose_region("城关镇：党建引领乡村振兴\n我镇召开党员大会。")
    region = choice.region
    assert (region.name, region.level, region.province, region.city, region.county) == ("城关镇", "township", "", "", "")
    assert (choice.start, choice.end, choice.cue) == (0, 3, "title")
    assert len(choice.candidates) > 2 and all(name.endswith("城关镇") for name in choice.candidates)


def test_unrecognised_names_its_candidates():
    choice = choose_region("江门市和吉林市的干部座谈，两市交流。")
    assert choice.region.name == UNRECOGNISED_NAME and (choice.start, choice.end, choice.cue) == (None, None, "")
    assert choice.candidates


@pytest.mark.parametrize("text, level", [
    ("我县召开会议，全县干部参加，我县各乡镇。", "县"),
    ("全市干部参加，我区召开会议，本区各街道。", "区"),
    ("全市干部参加，全市各区。", "市"),
    ("本市场主体增加，该区域发展。", ""),
    ("我镇党员参加，我县部署。", ""),
    ("人才总量位于全市前列，引才数量居全市首位，全区人才工作推进。", ""),
    ("全县第一书记培训班开班，全县各乡镇参加。", "县"),
    ("在全省率先建成人才驿站，位居全省各县第一，全县行动。", ""),
    ("州直机关工委召开会议，州直各单位参加，全州干部学习。", "州"),
    ("自治区党委区直机关工委领导出席，县直机关干部参加。", ""),
], ids=["我县", "我区 over 全市", "全市 alone", "市场 and 区域 are words", "a tie",
        "全市 in a ranking is the wider place", "全县第一书记 is the county's own", "率先 and 第一 rank",
        "州直机关 are the prefecture's own bodies", "a named body's 区直 is not the writer's"])
def test_self_reference_level(text, level):
    assert self_reference_level(text) == level


def test_table_rows_carry_the_evidence():
    text = "来源：蓬江组工\n" + BODY + "\n党员干部培训3000人次。"
    rows = extract_text(text, "doc").rows
    assert rows
    row = rows[0]
    assert (row["region"], row["region_cue"]) == ("蓬江区", "source")
    assert text[row["region_start"]:row["region_end"]] == "蓬江"


def test_unplaced_township_warning_names_candidates():
    result = extract_text("城关镇：党建引领乡村振兴\n我镇党员培训300人次。", "doc")
    assert result.rows and result.rows[0]["region"] == "城关镇" and result.rows[0]["province"] == ""
    assert any("城关镇" in warning and "county, city and province are left empty" in warning
               for warning in result.warnings)


def test_a_district_name_two_cities_share_is_kept_unplaced_with_its_candidates():
    choice = choose_region("长安区召开党务工作会议\n来源：今朝长安\n3月24日，长安区召开党务工作会议，部署全年工作。")
    region = choice.region
    assert (region.name, region.level, region.province, region.city) == ("长安区", "district", "", "")
    assert len(choice.candidates) == 2 and all(c.endswith("长安区") for c in choice.candidates)
    result = extract_text("长安区召开党务工作会议\n3月24日，长安区召开会议，培训党员300人次。", "doc")
    assert result.rows[0]["region"] == "长安区" and result.rows[0]["province"] == ""
    assert any("长安区" in warning and "left empty" in warning for warning in result.warnings)


def test_a_shared_name_named_once_in_passing_stays_unrecognised():
    text = "党务工作会议召开\n" + BODY + "\n会议在长安区召开，各单位参加。培训党员300人次。"
    assert choose_region(text).region.name == UNRECOGNISED_NAME


ZONES_BY_THEIR_BODY = [
    Case("a new area of a city named by its own department", "2023年，大鹏新区组织人事局坚持党建引领。\n" + BODY + "\n深圳市委部署，新区党工委落实。",
         "大鹏新区", "author", "大鹏新区", "development_zone", "深圳市"),
    Case("a zone's working committee with its city's full name before it", "深圳市大鹏新区党工委召开会议\n" + BODY + "\n深圳市委要求。",
         "大鹏新区", "author", "大鹏新区", "development_zone", "深圳市"),
    Case("a zone named in passing further down stays its city's report", "中共江门市委组织部\n" + BODY + "\n某某新区管委会作交流发言。",
         "江门市", "author", "江门市", "city"),
    Case("an unlisted zone named three times is not the county whose name it holds",
         "首页>地方频道>要闻\n临沧市凤庆经济开发区突出服务抓党建\n今年以来，凤庆经济开发区党工委坚持服务中心。\n" + BODY
         + "\n凤庆经济开发区将机关党支部调整为10个。", "凤庆经济开发区", "most_named", "凤庆经济开发区",
         "development_zone", "临沧市"),
    Case("an unlisted zone with its working committee, no city named", "作者：王明\n6月28日，云岭高新区的9个机关党支部齐聚一堂。\n"
         + BODY + "\n云岭高新区工委部署，云岭高新区各支部落实。", "云岭高新技术产业开发区", "most_named", "云岭高新区",
         "development_zone"),
    Case("an unlisted zone by its short name and once by its full one", "云岭经开区党工委召开会议\n云岭经开区推进党建。"
         "云岭经济技术开发区成立于2010年。" + BODY + "\n云岭经开区各支部落实。", "云岭经济技术开发区", "most_named", "云岭经开区",
         "development_zone"),
    Case("an unlisted zone by an ambiguous short word only", "云岭经开区党工委召开会议\n云岭经开区推进党建。"
         + BODY + "\n云岭经开区各支部落实。", "云岭经开区", "most_named", "云岭经开区", "development_zone"),
    Case("an unlisted zone named once, then calling itself 新区", "党旗领航聚合力\n文摘 2025-02-02 江西\n回首2024年，云岭新区紧紧围绕"
         "党的建设总要求。\n" + BODY + "\n新区将思想建设摆在突出位置。新区迅速组建宣讲团。", "云岭新区", "most_named", "云岭新区",
         "development_zone"),
    Case("a zone word inside other names is no self-mention", "党旗领航聚合力\n回首2024年，云岭新区紧紧围绕总要求。\n" + BODY
         + "\n浦东新区、滨海新区的经验值得学习。凤庆县委部署，凤庆县各乡镇落实。", "凤庆县"),
    Case("a county's short form inside a longer name is not confirmed by that name's committee",
         "表彰首批星级党组织\n" + BODY + "\n在日前召开的会议上，西凤庆党工委部署工作，各支部落实。", UNRECOGNISED_NAME),
    Case("a county's short form with its own committee at a word's start counts",
         "表彰首批星级党组织\n" + BODY + "\n在日前召开的会议上，凤庆县委部署工作，凤庆各乡镇落实。", "凤庆县"),
    Case("a zone visited once is a destination, not the locality", "凤庆县召开组织工作会议\n" + BODY
         + "\n凤庆县干部赴云岭高新区学习，凤庆县委部署。", "凤庆县", "", "", "county"),
    Case("a sentence before 开发区 is no zone's name", "召开两新党建调度会\n3月24日，开发区组织人事部组织召开了开发区党建调度会。\n"
         + BODY + "\n全市各镇街参加。", UNRECOGNISED_NAME),
    Case("a source line that names the zone names it, not its city",
         "当前位置：首页>园区动态\n山东德州云岭经济开发区深化党建赋能\n来源：山东德州云岭经济开发区 发布时间：2024年12月04日\n" + BODY
         + "\n开发区党工委要求各企业党组织落实。", "德州云岭经济开发区", "source", "德州云岭经济开发区", "development_zone", "德州市"),
    Case("a zone's short name counts for its full name", "园区非公党建现场会召开\n现场会在安徽凤台云岭经济开发区召开。" + BODY
         + "\n凤台云岭经济开发区承办。云岭开发区工委书记介绍，云岭开发区党建经验丰富。云岭开发区将继续推进，全省开发园区学习。",
         "凤台云岭经济开发区", "most_named", "凤台云岭经济开发区", "development_zone"),
    Case("a word caught before a zone's name is not part of it", "党建引领新区建设\n首届云岭新区人才论坛举行。" + BODY
         + "\n云岭新区党工委部署，云岭新区各部门落实，云岭新区将推进。", "云岭新区", "most_named", "云岭新区", "development_zone"),
    Case("a Taiwan investment zone by its zone word", "台商投资区党建工作\n云岭台商投资区召开人才座谈会。" + BODY
         + "\n云岭台商投资区党工委部署，云岭台商投资区各部门落实。", "云岭台商投资区", "most_named", "云岭台商投资区", "development_zone"),
]


@pytest.mark.parametrize("case", params(ZONES_BY_THEIR_BODY))
def test_zone_named_by_its_body(case):
    run(case)


def test_every_zone_word_ends_in_qu_so_the_scan_for_it_finds_them_all():
    from extract.attribute.regions import _zone_words
    zone_words, bodies = _zone_words()
    assert zone_words and all(word.endswith("区") for word in zone_words) and bodies


@pytest.mark.parametrize("text, names", [
    ("部组织召开了开发区党建会", []),
    ("盐城市建湖经济开发区突出服务", ["建湖经济开发区"]),
    ("山东聊城云岭经济开发区党工委", ["聊城云岭经济开发区"]),
    ("会议在开发区召开", []),
    ("推出《泉州台商投资区高层次人才办法》", ["泉州台商投资区"]),
    ("今年，苏州云岭开发区党工委召开会议", ["云岭开发区"]),
    ("常务副区长沈昱就云岭经济开发区开展调研", ["云岭经济开发区"]),
    ("全市有1家国家级高新区和2个区级高新区", []),
], ids=["a sentence", "after its city's full name", "after a province's short name", "the zone word alone",
        "a city ending in 州 is no place ending to cut at", "unless a stem of two follows it",
        "the longest tail of the words before that can be a name", "a rank is no name"])
def test_zones_named_by_their_own_names(text, names):
    assert [name for _, name, _ in _zones_named(text)] == names


def test_one_zone_under_two_names_counts_once():
    found = {"长丰云岭经济开发区": [(10, False)], "云岭开发区": [(30, True), (50, False)],
             "首届云岭新区": [(5, False)], "云岭新区": [(70, False)]}
    joined = _short_names_joined(gazetteer(), found)
    assert joined == {"长丰云岭经济开发区": [(10, False), (30, True), (50, False)], "云岭新区": [(5, False), (70, False)]}


def test_a_zone_is_named_as_the_text_names_it_most():
    found = {"川渝云岭新区": [(10, False), (40, False), (90, True)], "云岭新区": [(60, False)]}
    assert _short_names_joined(gazetteer(), found) == {"川渝云岭新区": [(10, False), (40, False), (60, False), (90, True)]}


def test_a_zone_word_alone_names_no_zone():
    """盟经济技术开发区党工委 in 兴安日报: the zone's own name is cut after 盟, leaving no name at all."""
    text = ("盟经济技术开发区实施“四项工程”\n兴安日报\n本报讯 2017年以来，盟经济技术开发区党工委推进非公党建。\n"
            + BODY + "\n该企业被评为兴安盟模范单位，兴安盟各地学习。")
    assert choose_region(text).region.name not in ("经济技术开发区", "开发区")


@pytest.mark.parametrize("text", ["广宁一行前往合作区考察学习。", "考察团一行赴开发区参观。"])
def test_a_sentence_about_going_to_a_zone_names_no_zone(text):
    """The characters before a zone word are a name only when they hold no act, particle or
    word of going (前往, 一行): 广宁一行前往合作区 is a trip, not a zone called so."""
    assert all("前往" not in name and "一行" not in name for _, name, _ in _zones_named(text))


def test_we_city_is_no_city_the_counties_do_not_share():
    """宝丰县 (平顶山市) and 汝阳县 (洛阳市): 我市 stands for neither city."""
    text = ("两新党建扎实推进\n（记者 李某）宝丰县赵庄镇依托商会建立党支部。\n" + BODY
            + "\n汝阳县电子商务协会成立党组织。我市两新组织党建工作走在前列，我市将继续推进。")
    assert choose_region(text).region.level != "city"
