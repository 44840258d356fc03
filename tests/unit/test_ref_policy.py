"""Policy corpus tables against the corpus files read here as plain text, hand arithmetic and SciPy.

The expected counts are ``str.count`` on the raw ``.txt`` files (lines joined, as ``grep -o`` counts them), the
character counts are the data provider's ``hanzi`` column of ``data/corpus/manifest.csv`` less the header line
the cleaning removes (shown), and G² is SciPy's ``power_divergence`` with the log-likelihood statistic.
"""

from __future__ import annotations

import csv
import math
from collections import Counter

import pytest
from scipy.stats import power_divergence

from nqpf.analysis import policy
from nqpf.analysis.policy.contrasts import doc_token_counts, keyness_congress, token_counts
from nqpf.core.errors import UsageError
from nqpf.core.paths import CORPUS, USERDICT


def _manifest():
    with open(CORPUS / "manifest.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _flat_raw(file: str) -> str:
    """A corpus file's lines joined without their indentation: what grep -o sees, line breaks aside."""
    return "".join(ln.strip().replace("\u3000", "") for ln in (CORPUS / file).read_text("utf-8").split("\n"))


def test_rate_text_by_hand():
    # 1 use in 15,569 characters: 0.642 per 10,000, printed with its raw count (below FEW = 5 uses)
    assert policy.rate_text(10_000 / 15_569, 1) == "0.6 次（全文 1 次）"
    assert policy.rate_text(10_000 * 4 / 9_000, 4) == "4.4 次（全文 4 次）"
    assert policy.rate_text(10_000 * 5 / 9_000, 5) == "5.6 次"  # five uses: the rate alone
    assert policy.rate_text(3.14159, 9, digits=2) == "3.14 次"


def test_analysis_text_by_hand():
    cleaned = "一、总体要求\n　　加快发展新质\n生产力。 \n"
    # every line stripped and its ideographic spaces dropped, then joined: the term straddling a line counts
    assert policy.analysis_text(cleaned) == "一、总体要求加快发展新质生产力。"


def test_terms_are_the_first_field_of_each_dictionary_line(tmp_path):
    f = tmp_path / "d.txt"
    f.write_text("# comment\n算力 80 n\n\n新质生产力 100 n\n算力 5\n", encoding="utf-8")
    assert policy.terms(f) == ["算力", "新质生产力"]  # comment and blank skipped, duplicate dropped
    raw = [ln.split()[0] for ln in USERDICT.read_text("utf-8").splitlines() if ln.strip() and ln[0] != "#"]
    assert policy.terms() == list(dict.fromkeys(raw)) and policy.terms()[0] == "新质生产力"


def test_txt_files_lists_every_txt_below_a_folder(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("b.txt", "a.txt", "sub/c.txt", "notes.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in policy.txt_files(tmp_path)] == ["a.txt", "b.txt",
                                                                                      "sub/c.txt"]
    with pytest.raises(UsageError, match="no .txt files"):
        (tmp_path / "empty").mkdir()
        policy.txt_files(tmp_path / "empty")


def test_province_counts_for_beijing_by_hand():
    # 01_北京.txt: grep -o 新质生产力 finds 2; the manifest counts 14,291 Chinese characters, of which the reprint
    # line "来源：北京日报" (6) is removed by the cleaning: 14,285 remain.
    raw = (CORPUS / "provincial_2025" / "01_北京.txt").read_text("utf-8")
    assert raw.count("新质生产力") == 2 and "来源：北京日报" in raw
    hanzi = {r["file"]: int(r["hanzi"]) for r in _manifest()}["provincial_2025/01_北京.txt"]
    chars = hanzi - len("来源北京日报")
    n = policy.province_counts(["新质生产力"], counts=True)
    rate = policy.province_counts(["新质生产力"])
    assert len(n) == 31 and n.loc["北京", "新质生产力"] == 2
    assert rate.loc["北京", "新质生产力"] == pytest.approx(10_000 * 2 / chars)  # 1.40 per 10,000
    c = policy.corpus_counts("provincial_2025", ["新质生产力"]).set_index("province")
    assert c.loc["北京", "chars"] == chars and c.loc["北京", "year"] == 2025


@pytest.mark.parametrize("province", ["天津", "上海", "浙江", "贵州"])
def test_province_counts_equal_grep_on_the_raw_files(province):
    file = next(r["file"] for r in _manifest() if r["collection"] == "provincial_2025"
                and r["file"].endswith(f"_{province}.txt"))
    flat = _flat_raw(file)
    n = policy.province_counts(["新质生产力", "低空经济", "人工智能"], counts=True).loc[province]
    assert n.to_dict() == {t: flat.count(t) for t in ("新质生产力", "低空经济", "人工智能")}


def test_timeline_check_against_the_timeline_file_and_the_reports():
    with open(CORPUS.parent / "raw" / "policy_timeline.csv", encoding="utf-8", newline="") as f:
        events = {r["key"]: r for r in csv.DictReader(f)}
    reports = sorted((int(r["year"]), r["file"]) for r in _manifest() if r["collection"] == "gov_work_reports")
    t = policy.timeline_check().set_index("term")
    for term, key in policy.TIMELINE_TERMS.items():
        first = next((y for y, file in reports if term in _flat_raw(file)), None)
        gap = None if first is None else first - int(events[key]["date"][:4])
        got, got_gap = t.loc[term, "report_first_year"], t.loc[term, "gap_years"]
        assert (got == first) if first is not None else math.isnan(got), term  # never used: empty
        assert (got_gap == gap) if gap is not None else math.isnan(got_gap)
        assert t.loc[term, "timeline_date"] == events[key]["date"]
        assert t.loc[term, "agree"] == (gap is not None and 0 <= gap <= 1)
    # 新质生产力: first named 2023-09-07, first work report 2024: one year, agree
    assert t.loc["新质生产力", "gap_years"] == 1 and t.loc["新质生产力", "agree"]


def test_token_counts_of_a_hand_made_document(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text("发展新质生产力，培育未来产业。发展新质生产力。\n", encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text("培育未来产业。\n", encoding="utf-8")
    # 新质生产力 and 未来产业 are user-dictionary terms (kept whole); 发展 is a stop word (data/lexicon/stopwords.csv
    # line 76); punctuation is not a content token
    want_a = Counter({"新质生产力": 2, "培育": 1, "未来产业": 1})
    assert doc_token_counts([str(a), str(b)], scheduler="sync") == [want_a, Counter({"培育": 1, "未来产业": 1})]
    assert token_counts([str(a), str(b)], scheduler="sync") == Counter({"新质生产力": 2, "培育": 2, "未来产业": 2})


def test_keyness_congress_counts_are_grep_counts_and_g2_is_scipys():
    k = keyness_congress().set_index("term")
    congress = [r["file"] for r in _manifest() if r["collection"] == "cpc_congress_reports"]
    work = [r["file"] for r in _manifest() if r["collection"] == "gov_work_reports" and 1982 <= int(r["year"]) <= 2022]
    assert len(congress) == 9 and len(work) == 41
    for term in ("科技创新", "数字经济", "战略性新兴产业"):  # user-dictionary terms: one token wherever they stand
        a = sum(_flat_raw(f).count(term) for f in congress)
        b = sum(_flat_raw(f).count(term) for f in work)
        assert (k.loc[term, "count_a"], k.loc[term, "count_b"]) == (a, b), term
    # G² = 2 Σ O ln(O / E) over the two corpora (Rayson and Garside 2000), here from SciPy on 科技创新's counts
    row = k.loc["科技创新"]
    ta, tb = 10_000 * row["count_a"] / row["per_10k_a"], 10_000 * row["count_b"] / row["per_10k_b"]
    obs = [row["count_a"], row["count_b"]]
    exp = [ta * sum(obs) / (ta + tb), tb * sum(obs) / (ta + tb)]
    assert row["g2"] == pytest.approx(power_divergence(obs, exp, lambda_="log-likelihood")[0])


def _longest_first_hits(flat: str, words) -> int:
    """Count the word list's uses scanning left to right, at each position taking the longest listed word that
    starts there and jumping past it (a plain loop, not the package's regular expression)."""
    words = sorted(set(words), key=len, reverse=True)
    i = hits = 0
    while i < len(flat):
        w = next((w for w in words if flat.startswith(w, i)), None)
        if w:
            hits, i = hits + 1, i + len(w)
        else:
            i += 1
    return hits


def test_talk_table_counts_by_hand_for_beijing_and_shanghai():
    t = policy.talk_table().set_index("province")
    assert len(t) == 31 and set(t.index[t["abridged"]]) == {"河北", "吉林"}
    hanzi = {r["file"]: int(r["hanzi"]) for r in _manifest()}
    b_chars = hanzi["provincial_2025/01_北京.txt"] - len("来源北京日报")  # the reprint line, as above
    assert t.loc["北京", "nqpf_count"] == 2
    assert t.loc["北京", "nqpf_per_10k"] == pytest.approx(10_000 * 2 / b_chars)
    for p, f in (("北京", "01_北京.txt"), ("上海", "09_上海.txt")):
        hits = _longest_first_hits(_flat_raw(f"provincial_2025/{f}"), policy.INDEX_WORDS)
        assert t.loc[p, "text_hits"] == hits, p
    assert t.loc["北京", "text_index"] == pytest.approx(10_000 * t.loc["北京", "text_hits"] / b_chars)
    # ranks of the provincial index: 1 for the highest score, and the table is in that order
    assert list(t["rank"]) == sorted(t["rank"]) and t["score"].is_monotonic_decreasing


def test_policy_findings_against_scipy_and_grep():
    from scipy.stats import pearsonr, spearmanr

    from nqpf.analysis.findings import policy as fp

    found = {f.id: {s.name: s.value for s in f.specifications} for f in fp.findings()}
    t = policy.talk_table()
    talk = found["policy-talk-vs-index"]
    # each specification is the lower end of a bootstrap 95 % interval: below SciPy's point estimate
    assert talk["文本指数·31 省·Spearman"] < spearmanr(t["text_index"], t["score"])[0]
    assert talk["文本指数·31 省·Pearson"] < pearsonr(t["text_index"], t["score"])[0]
    # 新质生产力 in the work reports: 1 (2024), 2 (2025), 6 (2026) by grep -o on the files
    n = {y: (CORPUS / "gov_work_reports" / f"{y}.txt").read_text("utf-8").count("新质生产力")
         for y in (2024, 2025, 2026)}
    rising = found["policy-nqpf-rising"]
    assert (rising["次数，2024→2025"], rising["次数，2025→2026"]) == (n[2025] - n[2024], n[2026] - n[2025]) == (1, 4)
