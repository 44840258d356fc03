"""`python -m nqpf corpus terms` on any folder of .txt files, and the `policy` topic of the chapter 政策文本."""

from __future__ import annotations

import csv
import io
import json

from tests.helpers import nqpf_cli


def _rows(stdout: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(stdout)))


def test_corpus_terms_counts_every_txt_file_in_long_format(tmp_path):
    (tmp_path / "a.txt").write_text("来源：某日报\n各位代表：加快发展新质生产力，培育未来产业。\n", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "b.txt").write_text("發展新質生產力。新质生产力。", encoding="utf-8")  # traditional: converted first
    terms = tmp_path / "terms.txt"
    terms.write_text("新质生产力\n未来产业\n新质\n", encoding="utf-8")
    proc = nqpf_cli("corpus", "terms", "--input", str(tmp_path), "--terms", str(terms), "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    rows = _rows(proc.stdout)
    assert list(rows[0]) == ["document", "term", "count", "per_10k_chars"]
    got = {(r["document"], r["term"]): int(r["count"]) for r in rows}
    assert got[("a.txt", "新质生产力")] == 1 and got[("a.txt", "未来产业")] == 1
    assert got[("a.txt", "新质")] == 1  # counted as a string, inside 新质生产力
    assert got[("sub/b.txt", "新质生产力")] == 2
    a = next(r for r in rows if r["document"] == "a.txt" and r["term"] == "未来产业")
    assert float(a["per_10k_chars"]) == 10_000 * 1 / 19  # 19 Chinese characters once 来源 goes


def test_a_non_utf8_file_stops_with_one_line_and_no_output(tmp_path):
    (tmp_path / "good.txt").write_text("发展新质生产力。", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes("发展新质生产力。".encode("gb18030"))
    proc = nqpf_cli("corpus", "terms", "--input", str(tmp_path), "--format", "csv")
    assert proc.returncode != 0
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "bad.txt" in proc.stderr and "UTF-8" in proc.stderr


def test_bad_arguments_give_one_line(tmp_path):
    for args in (["corpus", "terms"], ["corpus", "terms", "--input", str(tmp_path / "missing")],
                 ["corpus", "terms", "--input", str(tmp_path)]):  # an empty folder
        proc = nqpf_cli(*args)
        assert proc.returncode != 0 and proc.stdout == "" and proc.stderr.count("\n") == 1, proc.stderr
    (tmp_path / "x.txt").write_text("算力", encoding="utf-8")
    proc = nqpf_cli("corpus", "terms", "--input", str(tmp_path), "--terms", str(tmp_path / "none.txt"))
    assert proc.returncode != 0 and "none.txt" in proc.stderr and proc.stderr.count("\n") == 1


def test_policy_topic_first_years_and_tiles():
    proc = nqpf_cli("policy", "first-years", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    fy = {r["term"]: r["first_year"] for r in json.loads(proc.stdout)}
    assert fy["新质生产力"] == 2024
    counts = {r["year"]: r["新质生产力"] for r in json.loads(nqpf_cli("policy", "counts").stdout)}
    assert [counts[y] for y in (2023, 2024, 2025, 2026)] == [0, 1, 2, 6]  # grep -o 新质生产力 on each report
    tiles = json.loads(nqpf_cli("policy", "tiles").stdout)
    assert len(tiles) == 31 and {"count", "per_10k_chars"} <= set(tiles[0])


def test_claims_evaluate_on_the_policy_sample():
    proc = nqpf_cli("claims", "evaluate", "--labels", "policy")
    assert proc.returncode == 0, proc.stderr
    r = json.loads(proc.stdout)
    assert r["lines"] >= 60 and r["precision"] >= 0.9 and r["recall"] >= 0.9


def test_policy_keyness_periods_and_bad_periods():
    proc = nqpf_cli("policy", "keyness-periods", "--top", "400", "--draws", "200", "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    rows = {r["term"]: r for r in _rows(proc.stdout)}
    assert rows["新质生产力"]["count_a"] == "9" and rows["新质生产力"]["count_b"] == "0"  # 1 + 2 + 6 uses, 2024-2026
    assert {"dp_a", "g2_dp", "g2_p05", "boot_share"} <= set(rows["新质生产力"])
    for bad in (["--period-a", "2026-2024"], ["--period-b", "2300-2301"], ["--period-a", "x"]):
        proc = nqpf_cli("policy", "keyness-periods", *bad)
        assert proc.returncode != 0 and proc.stdout == "" and proc.stderr.count("\n") == 1, proc.stderr


def test_policy_talk_variants():
    proc = nqpf_cli("policy", "talk-variants", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert len(rows) == 2 * 2 * 2  # measures x samples x methods
    assert {r["n"] for r in rows} == {31, 29}  # all, and without 河北 and 吉林
    assert all(r["ci_low"] <= r["r"] <= r["ci_high"] for r in rows)
