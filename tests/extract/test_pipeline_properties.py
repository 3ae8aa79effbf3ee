"""Whatever a report holds, the extraction returns rows and never raises, and every row quotes
its source: text is document[start:end] and sentence is document[sentence_start:sentence_end].

The texts are drawn from fragments of report prose that the finders treat specially (numerals
of every form, units, bundles, quotes, places, self-references, spaced digits, traditional
characters), so that unusual neighbours meet: 三四大项目 once failed a whole document."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.pipeline import extract_text

FRAGMENTS = [
    "1.2万余人次", "三四", "大", "项", "个", "名", "人次", "%", "百分之", "点五", "七成六", "￥", "$", "-", "—", "至",
    "5", "20", "2023年", "第", "近", "约", "超过", "不超过", "余", "多", "几", "半", "两", "万", "亿", "千米",
    "“", "”", "《", "》", "（", "）", "、", "，", "。", "：", "\n", " ", "\u3000",
    "四项工程", "三会一课", "两个维护", "实施", "选派", "第一书记", "培训", "干部", "党员", "党组织", "其中", "占",
    "比上年", "提高", "个百分点", "蓬江区", "江门市", "我县", "该县", "全镇", "鲁史镇", "凤庆县", "本报", "讯", "来源：",
    "中共", "委组织部", "党工委", "高新区", "发自", "赴", "萬", "個", "縣", "組織部", "黨員", "https://a.cn/%28x%29",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=60).map("".join))
def test_extraction_never_raises_and_rows_quote_their_source(text):
    result = extract_text(text, "fuzz")
    assert result.error is None
    for row in result.rows:
        assert text[row["start"]:row["end"]] == row["text"]
        assert text[row["sentence_start"]:row["sentence_end"]] == row["sentence"]
        if row["region_start"] is not None:
            assert 0 <= row["region_start"] < row["region_end"] <= len(text)
