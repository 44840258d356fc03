"""The policy corpus: manifest checks, term counts, the fast segmenter against jieba, Dask, keyness, index."""

from __future__ import annotations

import math
import shutil
from collections import Counter

import pandas as pd
import pytest

from nqpf.analysis import policy
from nqpf.analysis.policy import dispatch
from nqpf.core import text
from nqpf.core.errors import DataError, UsageError
from nqpf.core.paths import CORPUS


def test_manifest_checks_every_file():
    m = policy.manifest()
    assert len(m) == 98
    assert m["collection"].value_counts().to_dict() == {"gov_work_reports": 58, "provincial_2025": 31,
                                                        "cpc_congress_reports": 9}
    years = set(m[m["collection"] == "gov_work_reports"]["year"])
    assert years == set(range(1954, 1961)) | {1964, 1975} | set(range(1978, 2027))
    # The 2026 report as handed over (../shared/corpus/manifest.csv): its bytes and sha256, copied byte for byte.
    row = m.set_index("file").loc["gov_work_reports/2026.txt"]
    assert row["bytes"] == 58_625 and row["hanzi"] == 17_480
    assert row["sha256"] == "24318ec3aa2c79c4d6ee8281065b6f7548f3a8fb64b01e23d6fb17f9a74064f3"
    assert row["source_repository"] == "mondayice/WordCloud_web"


def test_a_changed_or_unlisted_corpus_file_stops(tmp_path):
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS, root)
    f = root / "gov_work_reports" / "2025.txt"
    f.write_bytes(f.read_bytes().replace("新质生产力".encode(), "新质生產力".encode(), 1))
    with pytest.raises(DataError, match=r"2025\.txt.*(bytes|sha256)"):
        policy.manifest(root)
    shutil.copy(CORPUS / "gov_work_reports" / "2025.txt", f)  # the original, not the patched copy
    (root / "provincial_2025" / "99_extra.txt").write_text("各位代表：", encoding="utf-8")
    with pytest.raises(DataError, match="99_extra.txt.*listed"):
        policy.manifest(root)


def test_premiers_of_the_compared_periods():
    # Wen Jiabao gave the reports of March 2004-2013, Li Keqiang 2014-2023, Li Qiang from 2024 (NPC records).
    assert [policy.premier(y) for y in (2013, 2014, 2023, 2024, 2026)] == ["温家宝", "李克强", "李克强", "李强", "李强"]
    assert policy.premier(1990) == ""


def test_terms_are_counted_as_strings_even_when_the_segmenter_splits_them():
    flat = "加快发展新质生产力，培育未来产业。新质生产力。"
    assert policy.count_terms(flat, ["新质生产力", "新质", "未来产业"]) == {"新质生产力": 2, "新质": 2, "未来产业": 1}
    # jieba without a user dictionary splits 新质生产力; the count does not depend on that.
    assert "新质生产力" not in text.quiet_jieba().Tokenizer().lcut(flat)


def test_per_10k_chars_by_hand(tmp_path):
    (tmp_path / "a.txt").write_text("来源：某日报\n" + "发展算力" * 5 + "\n", encoding="utf-8")  # reprint line cleaned
    df = policy.folder_term_counts(tmp_path, None)
    row = df[df["term"] == "算力"].iloc[0]
    assert row["document"] == "a.txt" and row["count"] == 5
    assert row["per_10k_chars"] == pytest.approx(10_000 * 5 / 20)  # 20 Chinese characters after cleaning


def test_terms_split_across_wikisource_lines_are_counted():
    doc = policy.documents("gov_work_reports").query("year == 2024").iloc[0]
    flat, chars = policy.load(doc["path"])
    assert "\n" not in flat and chars > 10_000
    assert flat.count("新质生产力") >= 1


# The documents the fast path is compared on, one for each rule the comparison must cover (checked in the test):
# 1954, the shortest report in traditional script (converted by OpenCC before segmentation); 2024, the first
# report to use 新质生产力 and the dictionary's newest terms; 2026, the latest; 重庆's 2025 report, the provincial
# report with the most runs of Latin letters (AI, 5G …) and of digits, and 38 dictionary terms. The whole corpus
# (98 files, 6 MB) took 29 s in CI and exercises no further rule.
FAST_PATH_SUBSET = ("gov_work_reports/1954.txt", "gov_work_reports/2024.txt", "gov_work_reports/2026.txt",
                    "provincial_2025/22_重庆.txt")


def test_fast_path_equals_jieba_on_chinese_tokens_over_a_subset_covering_every_rule():
    """The condition for using the fast path in the analysis: with the user dictionary loaded into both, every
    Chinese token of every cleaned document is the same, in the same order. Over :data:`FAST_PATH_SUBSET`: a
    traditional-script report, the reports richest in user-dictionary terms, and the one richest in digits and
    Latin letters (the assertions below check that the subset does cover them)."""
    from nqpf.analysis import cleaning

    docs = policy.documents().set_index("document").loc[list(FAST_PATH_SUBSET)]
    assert sum(cleaning.clean(policy.read_text(p)).converted for p in docs["path"]) == 1  # 1954: traditional
    differ, seen = [], []
    for name, path in docs["path"].items():
        flat, _ = policy.load(path)
        reference = text.segment(flat, cache=False)
        seen += reference
        if text.chinese_tokens(reference) != text.chinese_tokens(text.segment_fast(flat)):
            differ.append(name)
    assert not differ
    assert len(set(text.domain_terms()) & set(seen)) >= 30  # dictionary terms kept whole by both
    assert any(t.isdigit() for t in seen) and any(t.isascii() and t.isalpha() for t in seen)
    assert {"，", "。"} <= set(seen) and any("%" in t for t in seen)  # left out of the comparison, but segmented


def test_engine_comparison_trusts_the_recorded_jieba_tokens_only_for_the_same_text_and_dictionary(tmp_path,
                                                                                                   monkeypatch):
    """The appendix's whole-corpus comparison (nqpf.analysis.policy.engines) on two files. Chinese tokens by hand,
    with the user dictionary (新质生产力, 高质量发展 whole; 2024 and punctuation are not Chinese tokens):
    因地制宜|发展|新质生产力|年 = 4 and 推进|高质量发展 = 2."""
    from nqpf.analysis.policy import engines

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("因地制宜发展新质生产力，2024年。\n", encoding="utf-8")
    b.write_text("推进高质量发展。\n", encoding="utf-8")
    monkeypatch.setattr(engines, "documents",
                        lambda corpus=None: pd.DataFrame({"document": ["a", "b"], "path": [str(a), str(b)]}))
    ref = engines.jieba_reference()
    assert {d: e["count"] for d, e in ref["documents"].items()} == {"a": 4, "b": 2}
    assert engines.compare_engines(ref) == {"docs": 2, "same": 2, "tokens": 6, "segmented": 0}
    # A record that disagrees with the fast path counts as a difference (its own count is reported): not redone.
    ref["documents"]["a"].update(tokens=engines.token_digest(["因地制宜", "发展", "新质", "生产力", "年"]), count=5)
    assert engines.compare_engines(ref) == {"docs": 2, "same": 1, "tokens": 7, "segmented": 0}
    # A record of another cleaned text is stale: jieba segments that file again.
    ref["documents"]["a"]["text"] = "0" * 64
    assert engines.compare_engines(ref) == {"docs": 2, "same": 2, "tokens": 6, "segmented": 1}
    # Another dictionary (or jieba version), or no record: every file again.
    assert engines.compare_engines({**ref, "dictionary": "0" * 16})["segmented"] == 2
    assert engines.compare_engines(None) == {"docs": 2, "same": 2, "tokens": 6, "segmented": 2}


def test_fast_path_keeps_the_user_dictionary_terms_whole():
    for term in text.domain_terms():
        assert text.segment_fast(term) == [term], term


def test_dask_local_cluster_gives_the_same_counts_as_one_process():
    from distributed import Client, LocalCluster

    docs = policy.documents("provincial_2025").head(6)
    items = list(zip(docs["document"], docs["path"]))
    one = policy.term_counts(items, ["新质生产力", "未来产业", "低空经济"], scheduler="sync")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        by_client = policy.term_counts(items, ["新质生产力", "未来产业", "低空经济"], scheduler=client)
        by_address = policy.term_counts(items, ["新质生产力", "未来产业", "低空经济"],
                                        scheduler=cluster.scheduler_address)
    key = ["document", "term"]
    for other in (by_client, by_address):
        pd.testing.assert_frame_equal(one.sort_values(key).reset_index(drop=True),
                                      other.sort_values(key).reset_index(drop=True))


def test_bag_partitions_follow_bytes_and_keep_every_document(tmp_path, monkeypatch):
    monkeypatch.setattr(dispatch, "PARTITION_BYTES", 1000)
    files = []
    for i in range(12):
        f = tmp_path / f"d{i:02d}.txt"
        f.write_text("新" * 200, encoding="utf-8")  # 600 bytes each: 7,200 bytes in all
        files.append(str(f))
    bag = dispatch.bag(files)
    assert bag.npartitions == 8  # ceil(7200 / 1000)
    assert bag.compute(scheduler="sync") == files  # every document once, in order
    assert dispatch.bag(files[:3]).npartitions == 3  # never more partitions than documents
    assert dispatch.bag(files[:6]).npartitions == 4  # at least four, so two workers share small corpora
    assert policy.segment_documents(files, engine="fast", cache=False, scheduler="sync") == 12 * len(
        text.segment_fast("新" * 200))


def test_log_likelihood_by_hand_from_the_rayson_garside_formula():
    # Rayson and Garside (2000): E1 = c (a + b) / (c + d), E2 = d (a + b) / (c + d), G2 = 2 (a ln(a/E1) + b ln(b/E2)).
    # a = 30, b = 2, c = 80, d = 102: E1 = 80 * 32 / 182 = 14.065934, E2 = 102 * 32 / 182 = 17.934066;
    # a ln(a/E1) = 30 * ln 2.132813 = 30 * 0.757442 = 22.723246; b ln(b/E2) = 2 * ln 0.111520 = 2 * -2.193555
    # = -4.387110; G2 = 2 * (22.723246 - 4.387110) = 36.672272.
    assert policy.log_likelihood(30, 2, 80, 102) == pytest.approx(36.6723, abs=1e-3)
    # a = 10, b = 0, 1,000 tokens each: E1 = 5, G2 = 2 * 10 * ln 2 = 13.8629; equal rates give 0.
    assert policy.log_likelihood(10, 0, 1000, 1000) == pytest.approx(13.8629, abs=1e-4)
    assert policy.log_likelihood(5, 5, 1000, 1000) == 0
    assert policy.log_ratio(20, 10, 1000, 1000) == 1.0  # twice the rate
    assert policy.log_ratio(0, 8, 1000, 1000) == -4.0  # log2(0.5 / 8): a zero count counts as 0.5
    df = policy.keyness(Counter({"算力": 30, "发展": 50}), Counter({"算力": 2, "发展": 100}))
    row = df.set_index("term").loc["算力"]
    assert row["key_for"] == "A" and row["g2"] == pytest.approx(36.6723, abs=1e-3)  # totals 80 and 102 as above


def test_dp_by_hand():
    # Gries (2008): DP = 0.5 * sum |v_i / f - s_i|. Counts 1, 2, 3 in parts of 10, 10, 20 tokens: observed shares
    # 1/6, 2/6, 3/6 against sizes 0.25, 0.25, 0.5: 0.5 * (0.083333 + 0.083333 + 0) = 0.083333.
    assert policy.dp([1, 2, 3], [10, 10, 20]) == pytest.approx(1 / 12)
    assert policy.dp([4, 0], [50, 50]) == 0.5  # all in one of two equal halves
    assert policy.dp([2, 4], [1, 2]) == 0  # spread exactly as the text


def test_keyness_docs_by_hand():
    # A: two documents of 10 tokens, B: one of 20. 新词 3 + 1 in A, 0 in B. Pooled: a = 4, b = 0, c = 20, d = 20:
    # E1 = 2, G2 = 2 * 4 * ln 2 = 5.545177. DP in A: shares 3/4, 1/4 against 0.5, 0.5: 0.25. Adjusted a = 4 * 0.75 = 3:
    # E1 = 20 * 3 / 40 = 1.5, G2 = 2 * 3 * ln 2 = 4.158883.
    a = [Counter({"新词": 3, "其他": 7}), Counter({"新词": 1, "其他": 9})]
    b = [Counter({"其他": 20})]
    row = policy.keyness_docs(a, b, min_count=1, draws=200).set_index("term").loc["新词"]
    assert row["g2"] == pytest.approx(5.545177, abs=1e-5)
    assert row["dp_a"] == pytest.approx(0.25) and row["docs_a"] == 2 and row["docs_b"] == 0
    assert row["g2_dp"] == pytest.approx(4.158883, abs=1e-5)
    # Each bootstrap draw of A has 20 tokens and 2 to 6 uses of 新词 (B never has one): the signed G2 is between
    # 2 * 2 * ln 2 = 2.77 and 2 * 6 * ln 2 = 8.32, never significant.
    assert 2.77 < row["g2_p05"] <= 8.32 and row["boot_share"] == 0


def test_keyness_periods_for_nqpf_by_hand():
    # 新质生产力 is used once in 2024, twice in 2025 and six times in 2026 (grep -o on the files), never before.
    df = policy.keyness_periods()
    row = df.set_index("term").loc["新质生产力"]
    assert (row["count_a"], row["count_b"], row["docs_a"]) == (9, 0, 3)
    ta, tb = df.attrs["tokens_a"], df.attrs["tokens_b"]
    e1 = ta * 9 / (ta + tb)
    assert row["g2"] == pytest.approx(2 * 9 * math.log(9 / e1))  # b = 0 contributes nothing
    assert df.attrs["premiers_a"] == ["李强"] and df.attrs["premiers_b"] == ["李克强", "温家宝"]
    assert df.attrs["docs_a"] == 3 and df.attrs["docs_b"] == 10


def test_trajectories_against_the_files_and_the_manifest():
    # 2026: the stored copy has no footer, so the raw file's count and the manifest's character count (the data
    # provider's, ../shared/corpus/manifest.csv: 17,480) give the rate directly.
    raw = (CORPUS / "gov_work_reports" / "2026.txt").read_text(encoding="utf-8")
    assert raw.count("新质生产力") == 6
    traj = policy.trajectories(["新质生产力", "科技创新"])
    assert traj.loc[2026, "新质生产力"] == pytest.approx(10_000 * 6 / 17_480)
    assert traj.loc[2026, "科技创新"] == pytest.approx(10_000 * raw.count("科技创新") / 17_480)
    counts = policy.trajectories(["新质生产力"], counts=True)["新质生产力"]
    assert counts.loc[2022:].tolist() == [0, 0, 1, 2, 6]
    assert traj.index.min() == 1954 and traj.index.max() == 2026 and len(traj) == 58


def test_correlation_by_hand():
    # x = 1, 2, 3, 4: dx = -1.5, -0.5, 0.5, 1.5; y = 1, 3, 2, 4: dy = -1.5, 0.5, -0.5, 1.5;
    # sum dx dy = 2.25 - 0.25 - 0.25 + 2.25 = 4; sum dx^2 = sum dy^2 = 5: r = 4 / 5 = 0.8.
    assert policy.correlation([1, 2, 3, 4], [1, 3, 2, 4], "pearson") == pytest.approx(0.8)
    # The same ranks from other values: Spearman 0.8 as well, Pearson not.
    assert policy.correlation([1, 2, 3, 40], [10, 30, 20, 41], "spearman") == pytest.approx(0.8)
    with pytest.raises(UsageError):
        policy.correlation([1, 2], [1, 2], "kendall")
    # A perfectly monotone sample: every bootstrap draw with two distinct points has rho = 1.
    assert policy.bootstrap_ci(range(10), [v ** 2 for v in range(10)]) == (1.0, 1.0)


def test_leave_one_out_by_hand():
    # Without d the points are (1,1), (2,3), (3,2): ranks as given, dx = -1, 0, 1, dy = -1, 1, 0: r = 1 / 2 = 0.5.
    df = pd.DataFrame({"province": list("abcd"), "m": [1, 2, 3, 4], "score": [1, 3, 2, 4]})
    loo = policy.leave_one_out(df, "m")
    assert loo["d"] == pytest.approx(0.5)
    assert loo["a"] == pytest.approx(0.5)  # (2,3), (3,2), (4,4): ranks 1,2,3 and 2,1,3: dx -1,0,1 dy 0,-1,1 -> 0.5


def test_talk_vs_index_against_scipy_and_pandas():
    from scipy.stats import pearsonr, spearmanr

    df, stats = policy.talk_vs_index()
    assert stats["n"] == 31 and len(df) == 31 and df["abridged"].sum() == 2
    assert set(df.loc[df["abridged"], "province"]) == {"河北", "吉林"}
    # SciPy and pandas compute the same coefficients independently of nqpf.
    assert stats["rho_text_index"] == pytest.approx(spearmanr(df["text_index"], df["score"])[0])
    assert stats["rho_text_index"] == pytest.approx(df["text_index"].corr(df["score"], method="spearman"))
    assert stats["p_nqpf_per_10k"] == pytest.approx(spearmanr(df["nqpf_per_10k"], df["score"])[1])
    assert stats["ci_low_text_index"] < stats["rho_text_index"] < stats["ci_high_text_index"]
    v = policy.talk_variants().set_index(["measure", "sample", "method"])
    short = df[~df["abridged"]]
    row = v.loc[("text_index", "without_abridged", "pearson")]
    assert row["n"] == 29 and row["r"] == pytest.approx(pearsonr(short["text_index"], short["score"])[0])
    # Leave-one-out range: the extremes of 31 coefficients, each with one province left out (pandas again).
    loo = [df[df["province"] != p]["text_index"].corr(df[df["province"] != p]["score"], method="spearman")
           for p in df["province"]]
    assert v.loc[("text_index", "all", "spearman"), "loo_max"] == pytest.approx(max(loo))


def test_text_index_counts_each_stretch_once():
    assert policy.count_longest("新质生产力与新质", ["新质", "新质生产力"]) == 2
    with pytest.raises(UsageError):
        policy.text_index([], [], transform="per10k")


def test_text_index_by_hand(tmp_path):
    (tmp_path / "x.txt").write_text("发展人工智能和算力，发展人工智能。", encoding="utf-8")  # 15 hanzi
    df = policy.text_index(tmp_path, ["人工智能", "算力"])
    assert df.iloc[0]["hits"] == 3 and df.iloc[0]["index"] == pytest.approx(10_000 * 3 / 15)
    df = policy.text_index(tmp_path, ["人工智能", "算力"], transform="log1p")
    assert df.iloc[0]["index"] == pytest.approx(math.log(4))


def test_tile_grid_uses_the_one_layout():
    from nqpf.core.geo import TILES

    grid = policy.tile_grid()
    assert len(grid) == 31 and not grid.duplicated(["row", "col"]).any()
    by = grid.set_index("province")
    assert all((by.loc[p, "col"], by.loc[p, "row"]) == xy for p, xy in TILES.items())


def test_first_years_of_the_nqpf_vocabulary():
    fy = policy.first_years().set_index("term")
    assert fy.loc["新质生产力", "first_year"] == 2024  # first named at the end of 2023; first work report 2024
    assert fy.loc["低空经济", "first_year"] == 2024


def test_window_contrasts_mark_the_changes_of_premier():
    # Windows of three reports: 2011–2013 (Wen) → 2014–2016 (Li Keqiang) and 2021–2023 (Li Keqiang) → 2024–2026
    # (Li Qiang) change premier; 2015–2017 → 2018–2020 and 2018–2020 → 2021–2023 do not.
    win = policy.window_contrasts()
    assert win["premier_change"].tolist() == [True, False, False, True]
    assert win.loc[3, "premier_early"] == "李克强" and win.loc[3, "premier_late"] == "李强"
    assert (win["key_words_boot95"] <= win["key_words"]).all()
