"""Claims ledger, corpus summary and text frequencies against files read here, hand examples and statsmodels.

The published ledger ``data/derived/claims.csv`` and the seed files are read with the csv module and plain
``open``; Wilson intervals are statsmodels' ``proportion_confint(method="wilson")``.
"""

from __future__ import annotations

import csv
from collections import Counter

import pandas as pd
import pytest
from statsmodels.stats.proportion import proportion_confint

from nqpf.analysis import claims, corpus, textfreq
from nqpf.core.paths import DATA, ROOT


def _ledger_rows():
    with open(DATA / "derived" / "claims.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_counts_are_the_ledgers_rows_by_seed_and_kind():
    rows = _ledger_rows()
    by = Counter((r["seed"], r["kind"]) for r in rows)
    t = claims.counts()
    for (seed, kind), n in by.items():
        assert t.loc[seed, kind] == n, (seed, kind)
    assert t["total"].sum() == len(rows)


def test_ledger_is_the_published_file():
    rows = _ledger_rows()
    df = claims.ledger()
    assert len(df) == len(rows)
    first = df.iloc[0]
    # data/derived/claims.csv line 2: 000,8,四层,4,items,count,从经济学上，有四层含义：
    assert (first["seed"], int(first["line"]), first["raw"], first["value"], first["unit"]) == \
        ("000", 8, "四层", 4, "items")


def test_score_counts_a_claim_stated_twice_as_two_by_hand():
    # line 1 states 5 % twice and the extractor finds it once; line 2 has one claim (3 items), found with the wrong
    # kind; line 3 has no claim but the extractor finds 7 tonnes. True positives 2 (5 % once, 3 items);
    # precision 2 / 3, recall 2 / 3; the kind agrees for 1 of the 2 matched claims.
    gold = pd.DataFrame({"seed": ["000"] * 4, "line": [1, 1, 2, 3], "value": [5.0, 5.0, 3.0, None],
                         "unit": ["percent", "percent", "items", ""], "kind": ["share", "share", "count", ""]})
    found = pd.DataFrame({"seed": ["000"] * 3, "line": [1, 2, 3], "value": [5.0, 3.0, 7.0],
                          "unit": ["percent", "items", "tonnes"], "kind": ["share", "share", "count"]})
    r = claims.score(gold, found)
    assert (r["true_positives"], r["gold_claims"], r["extracted"], r["lines"]) == (2, 3, 3, 3)
    assert r["precision"] == pytest.approx(2 / 3) and r["recall"] == pytest.approx(2 / 3)
    lo, hi = proportion_confint(2, 3, alpha=0.05, method="wilson")
    assert r["precision_interval"] == pytest.approx((lo, hi), abs=1e-6)
    assert r["kind_agreement"] == pytest.approx(1 / 2)


def test_corpus_summary_lines_and_characters_from_the_seed_files():
    s = corpus.summary().set_index("seed")
    with open(ROOT / "seeds" / "manifest.csv", encoding="utf-8", newline="") as f:
        files = [r["file"] for r in csv.DictReader(f)]
    assert list(s.index) == [f[:3] for f in files]
    for file in files:
        lines = (ROOT / "seeds" / file).read_text(encoding="utf-8").splitlines()
        assert s.loc[file[:3], "lines"] == len(lines), file
    assert (s["content_tokens"] <= s["tokens"]).all() and (s["analysed_characters"] <= s["characters"]).all()


def test_themes_are_the_lexicon_file():
    with open(ROOT / "data" / "lexicon" / "themes.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    t = corpus.themes()
    assert len(t) == len(rows) and list(t["term"]) == [r["term"] for r in rows]


def test_count_document_by_hand(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("发展新质生产力，发展新质生产力。2024年5G\n", encoding="utf-8")
    c = textfreq.count_document(f)
    # 新质生产力 is in the user dictionary: one token, twice; "2024", "年" with digits and "5G" are not Chinese tokens
    assert c["新质生产力"] == 2 and c["发展"] == 2
    assert "5G" not in c and "2024" not in c and "，" not in c


def test_rows_order_by_count_then_term():
    counts = Counter({"算力": 3, "数据": 3, "算法": 1, "模型": 2})
    docs = Counter({"算力": 1, "数据": 2, "算法": 1, "模型": 2})
    # counts 3, 3, 2, 1; the two 3s ordered by term (code point: 数 U+6570 before 算 U+7B97)
    assert [r["term"] for r in textfreq.rows(counts, docs)] == ["数据", "算力", "模型", "算法"]
    assert textfreq.rows(counts, docs, top=1) == [{"term": "数据", "count": 3, "documents": 2}]


@pytest.mark.parametrize("seed", ["000", "001", "002", "003"])
def test_term_counts_equal_str_count_on_the_seed_files(seed):
    # 新质生产力 and 全要素生产率 are user-dictionary terms that no longer term contains, so each occurrence in the
    # text (lines joined, white space dropped) is one token; seeds 000-003 are in simplified script
    with open(ROOT / "seeds" / "manifest.csv", encoding="utf-8", newline="") as f:
        file = next(r["file"] for r in csv.DictReader(f) if r["file"].startswith(seed))
    flat = "".join("".join(ln.split()) for ln in (ROOT / "seeds" / file).read_text(encoding="utf-8").splitlines())
    freq = corpus.frequencies(seed).set_index("term")["count"]
    toks = [t.text for t in corpus.tokens(seed)]
    th = corpus.theme_counts().set_index(["seed", "term"])["count"]
    for term in ("新质生产力", "全要素生产率"):
        n = flat.count(term)
        assert freq.get(term, 0) == toks.count(term) == n, term
    assert th.loc[(seed, "全要素生产率")] == flat.count("全要素生产率")
