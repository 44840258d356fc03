"""The appendix's benchmark values come from bench/results_freq.json as bench_freq.py writes it."""

from __future__ import annotations

import json

from nqpf.render import benchmarks


def _write(tmp_path, **over):
    # A hand-made result: 100 MB in 10 s against a bare pass of 8 s (1.25x), jieba at 0.5 MB/s (so 20x),
    # 1 GB at 13 MB/s (26x), memory 400 -> 400 MiB.
    r = {"mb_small": 100.0, "mb_big": 1000.0, "mb_jieba": 20.0,
         "seconds": {"freq_small": 10.0, "bare_small": 8.0, "jieba": 40.0, "freq_big": 76.9},
         "rate_mb_s": {"freq_small": 10.0, "bare_small": 12.5, "freq_big": 13.0, "jieba": 0.5},
         "peak_mib": {"freq_small": 400, "bare_small": 180, "jieba": 110, "freq_big": 400},
         "ratio_vs_bare": 1.25, "speedup_vs_jieba_small": 20.0, "speedup_vs_jieba_big": 26.0, "memory_ratio": 1.0,
         "page_cache_dropped": True, "targets": {"vs_bare": 1.4, "vs_jieba_100mb": 15.0, "vs_jieba_1gb": 25.0},
         "cpus": 2, "runs": 3, "load_before": [0.1, 0.2, 0.3], "load_after": [1.5, 0.5, 0.3],
         "met": {"vs_bare": True, "vs_jieba_100mb": True, "vs_jieba_1gb": True, "memory_flat": True}}
    r.update(over)
    path = tmp_path / "results_freq.json"
    path.write_text(json.dumps(r), encoding="utf-8")
    return path


def test_facts_print_the_measured_values_not_our_targets(tmp_path):
    f = benchmarks.freq_facts(_write(tmp_path))
    # 10 s / 8 s = 1.25; 10 / 0.5 = 20; 13 / 0.5 = 26; 400 / 400 = 1.00 (the hand-made result above).
    assert (f["ratio"], f["speedup_small"], f["speedup_big"], f["mem_ratio"]) == ("1.25", "20.0", "26.0", "1.00")
    assert f["load"] == "0.1 和 1.5" and f["runs"] == "3"
    # Issue 23: readers see measurements, not the project's goals.
    assert not any("target" in k or k.endswith("_met") for k in f)
    assert not any(v in {"达到", "未达到"} for v in f.values())


def test_a_page_cache_not_dropped_is_said(tmp_path):
    f = benchmarks.freq_facts(_write(tmp_path, page_cache_dropped=False))
    assert "未能清空" in f["cold"]


def test_table_has_one_row_per_measurement(tmp_path):
    df = benchmarks.freq_table(_write(tmp_path))
    assert list(df["秒"]) == [10.0, 8.0, 40.0, 76.9]
    assert list(df["数据量 MB"]) == [100.0, 100.0, 20.0, 1000.0]
