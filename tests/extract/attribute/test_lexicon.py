"""The lexicon segments exactly as jieba does (HMM off), and its cache is checked and optional."""
from __future__ import annotations

import random
from pathlib import Path

import jieba
import pytest

from extract.attribute import lexicon as lexicon_module
from extract.attribute.lexicon import build, domain_words_path, lexicon

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def jieba_tokenizer():
    """jieba with the project's domain words added as jieba.add_word adds a user dictionary's."""
    jieba.setLogLevel(60)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for line in domain_words_path().read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, frequency, tag = line.split()
            tokenizer.add_word(word, int(frequency), tag)
    return tokenizer


def test_domain_words_keep_report_terms_whole(jieba_tokenizer):
    assert lexicon().cut("该党群服务中心") == ["该", "党群服务中心"]
    assert "报到" in lexicon().cut("在职报到党员共计999人")


@pytest.mark.parametrize("text", [
    "选派优秀干部到村担任第一书记",
    "累计培养高素质技能人才1.2万余人次",
    "投资37亿元建设7430套人才公寓",
    "开展AI+党建培训3期，覆盖Party members 200人",
    "村（社区）党组织书记\r\n集中轮训　全覆盖",
    "B超室和abc123混排",
    "",
    "。。。",
], ids=lambda text: text[:8] or "empty")
def test_cuts_like_jieba(jieba_tokenizer, text):
    assert lexicon().cut(text) == jieba_tokenizer.lcut(text, HMM=False)


def test_cuts_like_jieba_on_random_stretches_of_the_seed_reports(jieba_tokenizer):
    rng = random.Random(15)
    texts = [path.read_text(encoding="utf-8") for path in sorted((REPO / "data" / "raw").glob("*.txt"))]
    for _ in range(2000):
        text = rng.choice(texts)
        start = rng.randrange(len(text))
        piece = text[start:start + rng.randrange(1, 40)]
        assert lexicon().cut(piece) == jieba_tokenizer.lcut(piece, HMM=False), piece


@pytest.mark.parametrize("block", ["部务会理论学习", "乡村振兴和基层治理", "湖南日报", "党", "选派优秀干部到村担任第一书记"])
def test_boundaries_are_where_jieba_cuts(jieba_tokenizer, block):
    edges, offset = [0], 0
    for token in jieba_tokenizer.lcut(block, HMM=False):
        offset += len(token)
        edges.append(offset)
    assert lexicon().boundaries(block) == edges


def test_cuts_like_jieba_on_random_mixed_scripts_and_spaces(jieba_tokenizer):
    rng = random.Random(16)
    alphabet = list("党员人才干部培训书记村社区ab AZ09.+-_%#&，。、（）\r\n\t\u3000") + ["\r\n", "B超", "3期"]
    for _ in range(3000):
        piece = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 16)))
        assert lexicon().cut(piece) == jieba_tokenizer.lcut(piece, HMM=False), piece


def test_a_word_listed_twice_keeps_its_last_frequency_as_in_jieba(jieba_tokenizer):
    packed = lexicon().words.get("B超")
    assert packed >> 8 == jieba_tokenizer.FREQ["B超"]


def test_the_lexicon_is_cached_once_and_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv("ORGWORK_CACHE_DIR", str(tmp_path))
    lexicon_module.lexicon.cache_clear()
    try:
        built = lexicon()
        stored = list(tmp_path.glob("lexicon-*.pickle"))
        assert len(stored) == 1
        lexicon_module.lexicon.cache_clear()
        assert lexicon().log_total == built.log_total and lexicon().cut("党建引领") == ["党建", "引领"]
    finally:
        lexicon_module.lexicon.cache_clear()


def test_an_unwritable_cache_folder_only_means_building_in_memory(tmp_path, monkeypatch):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("ORGWORK_CACHE_DIR", str(blocked))
    lexicon_module.lexicon.cache_clear()
    try:
        assert lexicon().cut("党建引领") == ["党建", "引领"]
    finally:
        lexicon_module.lexicon.cache_clear()


def test_build_reads_words_classes_and_the_total(tmp_path):
    dictionary = tmp_path / "dict.txt"
    dictionary.write_text("党建 30 n\n党 20 n\n建 10 v\n的 5 uj\n", encoding="utf-8")
    words = build(dictionary)
    assert (words.word_class("党建"), words.word_class("建"), words.word_class("的")) == ("noun", "act", "function")
    assert words.word_class("引领") is None
    assert words.cut("党建的") == ["党建", "的"]


def test_a_malformed_dictionary_line_names_its_file(tmp_path):
    from extract.attribute.lexicon import build, dictionary_path
    from extract.resources import ResourceError

    words = tmp_path / "domain_words.txt"
    words.write_text("党群服务中心 3000 n\n事业编\n", encoding="utf-8")
    with pytest.raises(ResourceError, match=r"domain_words\.txt.*事业编"):
        build(dictionary_path(), words)
