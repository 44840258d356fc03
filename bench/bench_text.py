"""Segmentation throughput of the text pipeline (nqpf.core.text) on a large corpus: the seeds repeated.

Rows for bench/bench.py: one process, jieba's parallel mode on 2 processes, a pool of 2 processes over whole
documents (nqpf.core.text.warm_cache), and the token cache cold and warm.
The corpus is ``NQPF_BENCH_MB`` megabytes (UTF-8, default 100) of the five analysis texts repeated, cut into
chunks of about 2 MB as a reader's added documents would be; each chunk is made distinct (a copy number) so the
cache stores one entry per chunk. The cache goes to a temporary folder, never the book's.

Writes bench/results_text.json (read by book/corpus.md). Run alone: ``.venv/bin/python bench/bench_text.py``.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MB = float(os.environ.get("NQPF_BENCH_MB", "100"))
CHUNK_MB = 2.0


def _chunks():
    from nqpf.analysis import corpus

    base = "\n".join(d.text for d in corpus.documents()) + "\n"
    per_chunk = max(1, int(CHUNK_MB * 1e6 / len(base.encode("utf-8"))))
    n_chunks = max(1, round(MB * 1e6 / (per_chunk * len(base.encode("utf-8")))))
    return [f"副本{i}\n" + base * per_chunk for i in range(n_chunks)]


def _rate(label, seconds, size, note):
    return [{"name": f"segmentation, {label}", "value": round(size / 1e6 / seconds, 2), "unit": "MB/s",
             "peak_mib": None, "runs": 1, "note": f"{size / 1e6:.0f} MB in {seconds:.1f} s; {note}"}]


def run() -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="nqpf-bench-text-") as tmp:
        os.environ["NQPF_CACHE"] = tmp  # before nqpf is imported: the cache lives in the temporary folder
        from nqpf.core import paths, text

        paths.CACHE = text.CACHE = Path(tmp)
        chunks = _chunks()
        size = sum(len(c.encode("utf-8")) for c in chunks)
        text.tokenizer()  # load the dictionary outside the timings
        rows = []

        t0 = time.perf_counter()
        n_tokens = sum(len(text.segment(c)) for c in chunks)
        rows += _rate("1 process, cache cold", time.perf_counter() - t0, size,
                      f"{n_tokens / 1e6:.1f} M tokens; includes writing the cache")

        t0 = time.perf_counter()
        assert sum(len(text.segment(c)) for c in chunks) == n_tokens
        rows += _rate("cache warm", time.perf_counter() - t0, size, "tokens read back from the cache")

        with tempfile.TemporaryDirectory(prefix="nqpf-bench-pool-") as tmp2:
            paths.CACHE = text.CACHE = Path(tmp2)  # an empty cache again
            t0 = time.perf_counter()
            n_pool = text.warm_cache(chunks, processes=2)
            rows += _rate("document pool, 2 processes, cache cold", time.perf_counter() - t0, size,
                          f"nqpf.core.text.warm_cache: one document per task, workers write the cache; "
                          f"same tokens: {n_pool == n_tokens}")
            paths.CACHE = text.CACHE = Path(tmp)

        text.segment_parallel("预热")  # fork the pool and load the dictionary outside the timing
        t0 = time.perf_counter()
        n_par = sum(len(text.segment_parallel(c, processes=2)) for c in chunks)
        rows += _rate("jieba parallel mode, 2 processes, cache cold", time.perf_counter() - t0, size,
                      f"same tokens: {n_par == n_tokens}; no cache writes")
    # The text-analysis chapter quotes the latest measurement from this file.
    (ROOT / "bench" / "results_text.json").write_text(
        json.dumps({"cpus": os.cpu_count(), "mb": MB, "rows": rows}, ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8")
    return rows


if __name__ == "__main__":
    print(json.dumps(run(), ensure_ascii=False, indent=2))
