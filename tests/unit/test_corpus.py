"""The corpus pipeline: normalisation with original line numbers, segmentation and its cache, statistics."""

from __future__ import annotations

import re

import pytest

from nqpf.analysis import corpus
from nqpf.core import seeds, text
from nqpf.core.errors import UsageError


def test_seed_files_are_untouched():
    for d in corpus.documents():
        assert d.lines == seeds.lines(d.id)
        assert len(d.line_of) == len(d.col_of) == len(d.text)


def test_every_character_keeps_its_original_line():
    # Each analysis character (bar paragraph breaks) is the character at (line, col) of the simplified file line.
    for d in corpus.documents():
        for i, ch in enumerate(d.text):
            if d.col_of[i] >= 0:
                assert d.simplified[d.line_of[i] - 1][d.col_of[i]] == ch


def test_broken_line_in_seed_003_is_joined_and_cited_by_original_lines():
    d = corpus.document("003")
    # 003:519 ends "我国在用数据" and 003:521 starts "中心机架": one word across a blank line.
    assert seeds.line("003", 519).endswith("我国在用数据") and seeds.line("003", 521).startswith("中心机架")
    i = d.text.index("在用数据中心机架")
    assert d.line_at(i) == 519 and d.line_at(i + len("在用数据")) == 521
    assert d.original(i, i + len("在用数据中心机架")) == "在用数据中心机架"
    assert d.joined > 100  # the extraction broke most printed lines


def test_decimal_split_by_the_extraction_is_rejoined():
    d = corpus.document("003")
    assert "2. 4 亿人" in seeds.line("003", 750)
    assert "2.4亿人" in d.text and "2. 4" not in d.text


def test_ocr_debris_is_excluded_not_deleted():
    d = corpus.document("000")
    assert d.excluded == tuple(range(20, 30))
    assert "AFEVE" in seeds.line("000", 25)  # still in the file
    assert "AFEVE" not in d.text and "image5.png" not in d.text
    assert not set(d.line_of) & set(d.excluded)


def test_seed_004_is_simplified_and_keeps_the_original():
    d = corpus.document("004")
    assert "新質生產力" in d.lines[4] and "新质生产力" in d.simplified[4]
    assert "新質" not in d.text and "新质生产力" in d.text
    i = d.text.index("亿元人民币")
    assert d.original(i, i + 5) == "億元人民幣"


def test_markup_and_footnote_marks_are_dropped():
    d = corpus.document("004")
    assert "<sup>" in seeds.line("004", 7)
    assert "<" not in d.text and "http" not in d.text and "**" not in d.text


def test_segmentation_round_trips_and_uses_the_domain_dictionary():
    sample = "发展新质生产力，要提高全要素生产率，推进东数西算。"
    toks = text.segment(sample, cache=False)
    assert "".join(toks) == sample
    for term in ("新质生产力", "全要素生产率", "东数西算"):
        assert term in toks


def test_token_cache_is_keyed_by_text_and_dictionary(tmp_path, monkeypatch):
    monkeypatch.setattr(text, "CACHE", tmp_path)
    sample = "数据、算力、算法相结合形成了数字经济时代的新质生产力。"
    first = text.segment(sample)
    files = list(tmp_path.rglob("*.tok"))
    assert len(files) == 1 and files[0].parent.name == text.dictionary_hash()
    files[0].write_text("\x1f".join(["从", "缓存"]), encoding="utf-8")  # a cache hit returns the stored tokens
    assert text.segment(sample) == ["从", "缓存"]
    assert text.segment(sample, cache=False) == first
    text.segment(sample + "。")
    assert len(list(tmp_path.rglob("*.tok"))) == 2


def test_parallel_mode_gives_the_same_tokens():
    sample = corpus.document("000").text[:3000]
    assert text.segment_parallel(sample, processes=2) == text.segment(sample, cache=False)


def test_warm_cache_fills_the_cache_in_worker_processes(tmp_path, monkeypatch):
    monkeypatch.setattr(text, "CACHE", tmp_path)
    docs = [d.text[:800] for d in corpus.documents()]
    n = text.warm_cache(docs, processes=2)
    assert n == sum(len(text.segment(t, cache=False)) for t in docs)
    assert len(list(tmp_path.rglob("*.tok"))) == len(docs)  # written by the workers


def test_theme_terms_are_single_tokens():
    for term in corpus.themes()["term"]:
        assert text.segment(term, cache=False) == [term], term


def test_content_tokens_drop_stop_words_punctuation_numbers_and_single_characters():
    toks = [t.text for t in corpus.tokens("000")]
    assert toks and all(len(t) >= 2 for t in toks)
    assert not set(toks) & text.stopwords()
    assert not any(re.fullmatch(r"[\d.,%]+", t) for t in toks)


def test_frequencies_count_tokens():
    freq = corpus.frequencies("003")
    by_hand = sum(1 for t in corpus.tokens("003") if t.text == "算力")
    assert by_hand > 20
    assert int(freq.set_index("term").loc["算力", "count"]) == by_hand
    assert freq["count"].is_monotonic_decreasing


def test_keywords_leave_out_terms_every_document_uses():
    kw = corpus.keywords(5)
    assert list(kw.groupby("seed").size()) == [5] * 5
    assert "新质生产力" not in set(kw["term"])  # in all five documents
    assert "民营企业" in set(kw[kw["seed"] == "001"]["term"])  # one of its three commentaries


def test_theme_coverage_is_per_thousand_content_tokens():
    cov = corpus.theme_coverage()
    counts = corpus.theme_counts()
    n = len(corpus.tokens("001"))
    ai = counts[(counts["seed"] == "001") & (counts["theme"] == "人工智能")]["count"].sum()
    assert cov.loc["001", "人工智能"] == pytest.approx(1000 * ai / n)
    assert cov.loc["001", "人工智能"] == cov.loc["001"].max()  # the AI commentary leads seed 001


def test_cooccurrence_counts_sentences():
    # Hand count on a small document-like text: three sentences.
    co = corpus.cooccurrence(("数据", "算力", "算法"), seeds=["003"])
    assert (co.to_numpy() == co.to_numpy().T).all()
    d = corpus.document("003")
    both = 0
    for s, e in d.units("sentence"):
        words = {t.text for t in corpus.tokens("003", content=False) if s <= t.offset < e}
        both += {"算力", "算法"} <= words
    assert co.loc["算力", "算法"] == both > 0
    assert corpus.units_containing(("数据", "算力", "算法"), seeds=["003"]) <= both


def test_terms_by_unit_is_the_basis_of_cooccurrence():
    terms = ("数据", "算力", "算法")
    units = corpus.terms_by_unit("003", terms)
    d = corpus.document("003")
    assert len(units) == len(d.units("sentence"))
    assert all(u.first <= u.last and u.terms <= set(terms) for u in units)
    co = corpus.cooccurrence(terms, seeds=["003"])
    assert co.loc["算力", "算法"] == sum({"算力", "算法"} <= u.terms for u in units)
    assert corpus.units_containing(terms, seeds=["003"]) == sum(u.terms == set(terms) for u in units)
    paragraphs = corpus.terms_by_unit("3", terms, window="paragraph")  # any seed id form
    assert len(paragraphs) == len(d.units("paragraph")) < len(units)
    with pytest.raises(UsageError):
        corpus.terms_by_unit("003", terms, window="page")


def test_bad_arguments_are_usage_errors():
    with pytest.raises(UsageError):
        corpus.document("9")
    with pytest.raises(UsageError):
        corpus.cooccurrence((), seeds=["000"])
    with pytest.raises(UsageError):
        corpus.document("000").units("page")
