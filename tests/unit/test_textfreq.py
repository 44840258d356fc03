"""`corpus frequencies`: term, count, documents over any folder of .txt files; the fast engine equals plain jieba."""

from __future__ import annotations

import shutil

import pytest

from nqpf.analysis import textfreq
from nqpf.core.errors import UsageError
from nqpf.core.paths import CORPUS
from tests.helpers import nqpf_cli


def test_counts_and_documents_by_hand(tmp_path):
    # 新质生产力 is in the user dictionary (data/lexicon/userdict.txt), so it is one token: three occurrences in
    # two files. "5G" and "2024" are not Chinese tokens and are never counted.
    (tmp_path / "a.txt").write_text("新质生产力。5G 新质生产力。\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("2024年新质生产力\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("新质生产力\n", encoding="utf-8")  # not a .txt file: not read
    counts, docs, n = textfreq.frequencies(tmp_path, scheduler="sync")
    assert n == 2
    assert (counts["新质生产力"], docs["新质生产力"]) == (3, 2)
    assert counts["年"] == 1 and docs["年"] == 1
    # Only tokens made wholly of CJK unified ideographs (U+4E00–U+9FFF, extension A U+3400–U+4DBF) count.
    assert all("\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" for t in counts for c in t)
    assert "5G" not in counts and "2024" not in counts


def test_fast_engine_counts_equal_plain_jieba_on_a_corpus_subset(tmp_path):
    # Five government work reports (1950s–2020s, one with traditional characters converted by the cleaning rules).
    for year in (1955, 1978, 1996, 2013, 2024):
        src = CORPUS / "gov_work_reports" / f"{year}.txt"
        shutil.copy(src, tmp_path / src.name)
    fast = textfreq.frequencies(tmp_path, scheduler="sync", engine="fast")
    slow = textfreq.frequencies(tmp_path, scheduler="sync", engine="jieba")
    assert fast[0] == slow[0] and fast[1] == slow[1]
    assert sum(fast[0].values()) > 20_000  # really segmented five reports


def test_schedulers_agree(tmp_path):
    for year in (2023, 2024, 2025):
        shutil.copy(CORPUS / "gov_work_reports" / f"{year}.txt", tmp_path / f"{year}.txt")
    sync = textfreq.frequencies(tmp_path, scheduler="sync")
    procs = textfreq.frequencies(tmp_path, scheduler="processes", workers=2)
    threads = textfreq.frequencies(tmp_path, scheduler="threads", workers=2)
    assert sync == procs == threads


def test_bad_arguments(tmp_path):
    with pytest.raises(UsageError, match="scheduler"):
        textfreq.frequencies(tmp_path, scheduler="gpu")
    with pytest.raises(UsageError, match="no .txt files"):
        textfreq.frequencies(tmp_path, scheduler="sync")


def test_cli_prints_term_count_documents(tmp_path):
    (tmp_path / "a.txt").write_text("数据要素。数据要素和算力。\n", encoding="utf-8")
    proc = nqpf_cli("corpus", "frequencies", "--input", str(tmp_path), "--scheduler", "sync", "--top", "2",
                    "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert lines[0] == "term,count,documents"
    assert len(lines) == 3
    bad = nqpf_cli("corpus", "frequencies", "--input", str(tmp_path / "missing"))
    assert bad.returncode != 0 and len(bad.stderr.strip().splitlines()) == 1 and "Traceback" not in bad.stderr


def test_a_bad_file_in_a_worker_names_itself(tmp_path):
    for i in range(4):
        (tmp_path / f"{i}.txt").write_text("数据要素\n", encoding="utf-8")
    (tmp_path / "2.txt").write_bytes("数据\n".encode() + b"\xff\n")  # line 2 is not UTF-8
    from nqpf.core.errors import DataError

    with pytest.raises(DataError, match=r"2\.txt: line 2: rule 'encoding is UTF-8'"):
        textfreq.frequencies(tmp_path, scheduler="processes", workers=2)


def test_a_local_run_on_processes_starts_no_dask(tmp_path):
    # Two worker processes fold the files; Dask (and so a distributed cluster) is only for a tcp:// address.
    import subprocess
    import sys

    from nqpf.core.paths import ROOT

    for i in range(3):
        (tmp_path / f"{i}.txt").write_text("数据要素和算力。\n", encoding="utf-8")
    code = ("import sys; from nqpf.cli import main; "
            f"rc = main(['corpus', 'frequencies', '--input', {str(tmp_path)!r}, '--format', 'csv']); "
            "print(sorted(m for m in ('dask', 'distributed', 'pandas') if m in sys.modules)); sys.exit(rc)")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert "数据要素,3,3" in lines  # one occurrence in each of the three files
    assert lines[-1] == "[]", lines[-1]
