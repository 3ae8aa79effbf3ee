"""The synthetic corpus: reproducible, the size asked for, moved to gazetteer localities."""
from __future__ import annotations

import json

import pytest

from bench.make_corpus import (SEED_ALIASES, generate_corpus, generate_document, load_sources,
                               split_sentences, swap_places, write_corpus)


@pytest.fixture(scope="module")
def sources():
    return load_sources()


def test_a_seed_gives_the_same_documents(sources):
    first = [d.text for d in generate_corpus(docs=5, seed=42, sources=sources)]
    again = [d.text for d in generate_corpus(docs=5, seed=42, sources=sources)]
    other = [d.text for d in generate_corpus(docs=5, seed=43, sources=sources)]
    assert first == again
    assert first != other


def test_document_i_does_not_depend_on_how_many_are_made(sources):
    assert generate_document(7, seed=1, sources=sources) == list(generate_corpus(docs=8, seed=1, sources=sources))[7]


def test_write_corpus_writes_n_files_and_a_manifest(tmp_path):
    manifest = write_corpus(tmp_path, docs=12, seed=5)
    files = sorted(tmp_path.rglob("*.txt"))
    assert len(files) == manifest["docs"] == 12
    assert files[0].name.startswith("000000_") and files[0].parent.name == "0000"
    assert sum(len(f.read_text(encoding="utf-8")) for f in files) == manifest["chars"]
    assert json.loads((tmp_path / "manifest.json").read_text())["bytes"] == sum(f.stat().st_size for f in files)


def test_a_size_in_mb_is_reached_and_not_overshot_by_more_than_one_document(sources):
    documents = list(generate_corpus(mb=0.2, seed=0, sources=sources))
    sizes = [len(d.text.encode("utf-8")) for d in documents]
    assert sum(sizes) >= 200_000 > sum(sizes[:-1])


def test_the_seeds_place_names_are_swapped_for_the_documents_locality(sources):
    documents = list(generate_corpus(docs=30, seed=3, sources=sources))
    for document in documents:
        places = (document.locality.district, document.locality.city, document.locality.province)
        own_names = {p.name for p in places} | {p.short for p in places}
        left = set(sources.seed_names.findall(document.text)) - own_names
        assert not left, document.name          # (a document moved to 长春 may say 长春)
    assert len({d.locality.district.name for d in documents}) > 20
    named = [d for d in documents if d.locality.district.name in d.text or d.locality.district.short in d.text]
    assert len(named) > 20


@pytest.mark.parametrize("seed_text, level", [("蓬江区委", "district"), ("吉林市委", "city"), ("湖北省", "province"),
                                              ("汽开区", "district"), ("武汉经开区", "district")])
def test_swap_places_keeps_the_level(sources, seed_text, level):
    locality = sources.targets[0]
    assert swap_places(seed_text, sources, locality).startswith(getattr(locality, level).name)


def test_short_forms_become_short_forms(sources):
    locality = sources.targets[0]
    assert swap_places("蓬江夜校", sources, locality) == f"{locality.district.short}夜校"
    assert set(SEED_ALIASES) == {"district", "district_short", "city_short", "province_short"}


def test_split_sentences_keeps_every_character():
    paragraph = "一是抓学习。二是强队伍；三是“建阵地！”四"
    assert "".join(split_sentences(paragraph)) == paragraph
