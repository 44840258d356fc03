"""The policy corpus: manifest checks, term counts, the fast segmenter against jieba, Dask, keyness, index."""

from __future__ import annotations

import math
import shutil
from collections import Counter

import pandas as pd
import pytest

from nqpf.analysis import policy
from nqpf.core import text
from nqpf.core.errors import DataError, UsageError
from nqpf.core.paths import CORPUS


def test_manifest_checks_every_file():
    m = policy.manifest()
    assert len(m) == 97
    assert m["collection"].value_counts().to_dict() == {"gov_work_reports": 57, "provincial_2025": 31,
                                                        "cpc_congress_reports": 9}
    years = set(m[m["collection"] == "gov_work_reports"]["year"])
    assert years == set(range(1954, 1961)) | {1964, 1975} | set(range(1978, 2026))


def test_a_changed_or_unlisted_corpus_file_stops(tmp_path, monkeypatch):
    root = tmp_path / "corpus"
    shutil.copytree(policy.CORPUS, root)
    monkeypatch.setattr(policy, "CORPUS", root)
    monkeypatch.setattr(policy, "MANIFEST", root / "manifest.csv")
    policy.manifest.cache_clear()
    try:
        f = root / "gov_work_reports" / "2025.txt"
        f.write_bytes(f.read_bytes().replace("新质生产力".encode(), "新质生產力".encode(), 1))
        with pytest.raises(DataError, match=r"2025\.txt.*(bytes|sha256)"):
            policy.manifest()
        shutil.copy(CORPUS / "gov_work_reports" / "2025.txt", f)  # the original, not the patched copy
        (root / "provincial_2025" / "99_extra.txt").write_text("各位代表：", encoding="utf-8")
        with pytest.raises(DataError, match="99_extra.txt.*listed"):
            policy.manifest()
    finally:
        policy.manifest.cache_clear()


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


def test_fast_path_equals_jieba_on_chinese_tokens_over_the_whole_corpus():
    # The condition for using the fast path in the analysis: with the user dictionary loaded into both, every
    # Chinese token of every cleaned document is the same, in the same order.
    differ = []
    for path in policy.documents()["path"]:
        flat, _ = policy.load(path)
        a = text.chinese_tokens(text.segment(flat, cache=False))
        b = text.chinese_tokens(text.segment_fast(flat))
        if a != b:
            differ.append(path)
    assert not differ


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
    monkeypatch.setattr(policy, "PARTITION_BYTES", 1000)
    files = []
    for i in range(12):
        f = tmp_path / f"d{i:02d}.txt"
        f.write_text("新" * 200, encoding="utf-8")  # 600 bytes each: 7,200 bytes in all
        files.append(str(f))
    bag = policy._bag(files)
    assert bag.npartitions == 8  # ceil(7200 / 1000)
    assert bag.compute(scheduler="sync") == files  # every document once, in order
    assert policy._bag(files[:3]).npartitions == 3  # never more partitions than documents
    assert policy._bag(files[:6]).npartitions == 4  # at least four, so two workers share small corpora
    assert policy.segment_documents(files, engine="fast", cache=False, scheduler="sync") == 12 * len(
        text.segment_fast("新" * 200))


def test_log_likelihood_and_log_ratio_by_hand():
    assert policy.log_likelihood(10, 0, 1000, 1000) == pytest.approx(2 * 10 * math.log(2))
    assert policy.log_likelihood(5, 5, 1000, 1000) == pytest.approx(0)
    assert policy.log_ratio(20, 10, 1000, 1000) == pytest.approx(1.0)
    assert policy.log_ratio(0, 8, 1000, 1000) == pytest.approx(math.log2(0.5 / 8))
    df = policy.keyness(Counter({"算力": 30, "发展": 50}), Counter({"算力": 2, "发展": 100}))
    assert df.iloc[0]["term"] == "算力" and df.iloc[0]["key_for"] == "A"


def test_text_index_counts_each_stretch_once():
    assert policy.count_longest("新质生产力与新质", ["新质", "新质生产力"]) == 2
    counts = pd.DataFrame()
    with pytest.raises(UsageError):
        policy.text_index([], [], transform="per10k")
    del counts


def test_text_index_by_hand(tmp_path):
    (tmp_path / "x.txt").write_text("发展人工智能和算力，发展人工智能。", encoding="utf-8")  # 15 hanzi
    df = policy.text_index(tmp_path, ["人工智能", "算力"])
    assert df.iloc[0]["hits"] == 3 and df.iloc[0]["index"] == pytest.approx(10_000 * 3 / 15)
    df = policy.text_index(tmp_path, ["人工智能", "算力"], transform="log1p")
    assert df.iloc[0]["index"] == pytest.approx(math.log(4))


def test_tile_grid_has_one_tile_per_province_and_no_overlap():
    grid = policy.tile_grid()
    assert len(grid) == 31 and not grid.duplicated(["row", "col"]).any()


def test_first_years_of_the_nqpf_vocabulary():
    fy = policy.first_years().set_index("term")
    assert fy.loc["新质生产力", "first_year"] == 2024  # first named at the end of 2023; first work report 2024
    assert fy.loc["低空经济", "first_year"] == 2024
