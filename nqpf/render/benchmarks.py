"""What `make bench` measured, as the reproducibility appendix prints it (values and a table, no arithmetic there).

``bench/results_freq.json`` is written by ``bench/bench_freq.py``: ``python -m nqpf corpus frequencies`` timed whole
process from the shell against the physical reference (a bare rjieba pass on 2 processes) and plain jieba.
"""

from __future__ import annotations

import json

import pandas as pd

from nqpf.core.paths import ROOT

__all__ = ["FREQ_RESULTS", "freq_facts", "freq_table"]

FREQ_RESULTS = ROOT / "bench" / "results_freq.json"

_ROWS = [  # key in results_freq.json, label, MB key
    ("freq_small", "corpus frequencies，2 个进程", "mb_small"),
    ("bare_small", "rjieba 裸跑（只读入和切分，参照）", "mb_small"),
    ("jieba", "jieba，单进程（前一部分）", "mb_jieba"),
    ("freq_big", "corpus frequencies，2 个进程", "mb_big"),
]


def _results(path=None) -> dict:
    return json.loads((path or FREQ_RESULTS).read_text(encoding="utf-8"))


def freq_facts(path=None) -> dict[str, str]:
    """The appendix's printed values for `corpus frequencies` (strings, as printed): measurements beside their
    physical reference (the bare rjieba pass) and plain jieba; the project's speed targets are ours, not the
    reader's, and are not printed.

    >>> freq_facts()["ratio"] == f"{_results()['ratio_vs_bare']:.2f}"
    True
    """
    r = _results(path)
    return {
        "small_mb": f"{r['mb_small']:.0f}", "big_mb": f"{r['mb_big']:.0f}", "jieba_mb": f"{r['mb_jieba']:.0f}",
        "small_rate": f"{r['rate_mb_s']['freq_small']:.1f}", "bare_rate": f"{r['rate_mb_s']['bare_small']:.1f}",
        "big_rate": f"{r['rate_mb_s']['freq_big']:.1f}", "jieba_rate": f"{r['rate_mb_s']['jieba']:.2f}",
        "small_seconds": f"{r['seconds']['freq_small']:.1f}", "bare_seconds": f"{r['seconds']['bare_small']:.1f}",
        "ratio": f"{r['ratio_vs_bare']:.2f}", "speedup_small": f"{r['speedup_vs_jieba_small']:.1f}",
        "speedup_big": f"{r['speedup_vs_jieba_big']:.1f}",
        "mem_small": f"{r['peak_mib']['freq_small']:.0f}", "mem_big": f"{r['peak_mib']['freq_big']:.0f}",
        "mem_ratio": f"{r['memory_ratio']:.2f}",
        "runs": str(r["runs"]), "load": " 和 ".join(f"{r[k][0]:.1f}" for k in ("load_before", "load_after")),
        "cold": "每次测量前清空了操作系统的页缓存" if r["page_cache_dropped"] else "未能清空页缓存（需要 root 权限）",
    }


def freq_table(path=None) -> pd.DataFrame:
    """One row per measurement: what ran, MB, seconds, MB/s, peak memory of the process tree."""
    r = _results(path)
    return pd.DataFrame([{"测量": label, "数据量 MB": r[mb], "秒": r["seconds"][key], "MB/s": r["rate_mb_s"][key],
                          "内存峰值 MiB": r["peak_mib"][key]} for key, label, mb in _ROWS])
