"""Segmentation throughput of the text pipeline (nqpf.core.text) on a large corpus: the seeds repeated.

Rows for bench/bench.py: one process, jieba's parallel mode on 2 processes, a pool of 2 processes over whole
documents (nqpf.core.text.warm_cache), and the token cache cold and warm.
The corpus is ``NQPF_BENCH_MB`` megabytes (UTF-8, default 100) of the five analysis texts repeated, cut into
chunks of about 2 MB as a reader's added documents would be; each chunk is made distinct (a copy number) so the
cache stores one entry per chunk. The cache goes to a temporary folder, never the book's.

Writes bench/results_text.json (read by book/corpus.md). Run alone: ``.venv/bin/python bench/bench_text.py``.

Then the policy corpus at scale (:func:`run_policy`, read by book/policy.md from bench/results_policy.json):
plain jieba, the fast path (rjieba) on 1 and 2 Dask workers and the warm cache, on the policy corpus, on 100 MB
and on a 1 GB synthetic corpus built from it under ``$NQPF_BENCH_DIR`` (default /tmp/nqpf-bench-corpus; never
in the repository), with peak memory. Only these rows: ``.venv/bin/python bench/bench_text.py --policy``.
With them, under ``jieba_reference``: plain jieba's Chinese tokens of every policy document, as digests
(nqpf.analysis.policy.engines; the reproducibility appendix compares the fast path with them in every build).
Only that record, in about 15 s: ``.venv/bin/python bench/bench_text.py --jieba-reference``.
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


def _load() -> list[float]:
    """The 1-, 5- and 15-minute load averages: how busy the machine was (2 cores: above 2 means queueing)."""
    return [round(x, 2) for x in os.getloadavg()]


def run() -> list[dict]:
    load_before = _load()
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
        json.dumps({"cpus": os.cpu_count(), "mb": MB, "load_before": load_before, "load_after": _load(),
                    "rows": rows}, ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8")
    return rows + run_policy()




# --- The policy corpus at scale: plain jieba, the fast path on 1 and 2 Dask workers, the warm cache -------------
# Each measurement runs in its own process (`bench_text.py --measure ...`); its peak memory is the largest sum of
# resident memory over that process and its children (the Dask workers), sampled every 0.2 s with psutil.

BENCH_DIR = Path(os.environ.get("NQPF_BENCH_DIR", "/tmp/nqpf-bench-corpus"))
SYNTH_GB = float(os.environ.get("NQPF_BENCH_GB", "1"))
JIEBA_MB = float(os.environ.get("NQPF_BENCH_JIEBA_MB", "100"))  # plain jieba on at most this much (~1 MB/s)
FILE_MB = 1.0


def build_synthetic(folder: Path, total_mb: float) -> list[Path]:
    """A synthetic corpus of about ``total_mb`` MB: files of about 1 MB, each whole policy-corpus files (as
    received, so cleaning has work to do) under a copy-number line. Written once, streamed, reused if present."""
    from nqpf.analysis import policy

    stamp = folder / f".complete-{total_mb:g}"
    if stamp.exists():
        return sorted(folder.glob("*.txt"))
    folder.mkdir(parents=True, exist_ok=True)
    sources = list(policy.documents()["path"])
    written, i, k = 0, 0, 0
    while written < total_mb * 1e6:
        parts, size = [], 0
        while size < FILE_MB * 1e6:
            body = Path(sources[k % len(sources)]).read_text(encoding="utf-8")
            parts.append(f"副本{i}-{k}\n{body}\n")
            size += len(parts[-1].encode("utf-8"))
            k += 1
        payload = "".join(parts).encode("utf-8")
        (folder / f"synthetic_{i:05d}.txt").write_bytes(payload)
        written += len(payload)
        i += 1
    stamp.write_text("")
    return sorted(folder.glob("*.txt"))


def _files(corpus: str, limit_mb: float | None) -> list[str]:
    from nqpf.analysis import policy

    files = list(policy.documents()["path"]) if corpus == "policy" else sorted(map(str, Path(corpus).glob("*.txt")))
    if limit_mb:
        out, size = [], 0
        for f in files:
            if size >= limit_mb * 1e6:
                break
            out.append(f)
            size += os.path.getsize(f)
        files = out
    return files


def measure(engine: str, workers: int, corpus: str, limit_mb: float | None) -> dict:
    """One timing, in this process: segment every file of the corpus (the cache in $NQPF_CACHE)."""
    from nqpf.analysis import policy

    files = _files(corpus, limit_mb)
    size = sum(os.path.getsize(f) for f in files)
    if workers == 0:  # one process, no Dask: the reference
        policy.preload(engine)
        t0 = time.perf_counter()
        n = policy.segment_documents(files, engine=engine, scheduler="sync")
        seconds = time.perf_counter() - t0
    else:
        from distributed import Client, LocalCluster

        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cl, \
                Client(cl) as client:
            client.run(policy.preload, engine)  # dictionaries and cleaning tables loaded first
            t0 = time.perf_counter()
            n = policy.segment_documents(files, engine=engine, scheduler=client)
            seconds = time.perf_counter() - t0  # inside the `with`: closing the cluster is not segmentation
    return {"bytes": size, "seconds": seconds, "tokens": n, "files": len(files)}


def wait_peak_rss(proc, interval: float) -> int:
    """Wait for a psutil.Popen process; the peak resident memory (bytes) of it and its children, sampled."""
    import psutil

    peak = 0
    while proc.poll() is None:
        try:
            tree = [proc] + proc.children(recursive=True)
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(interval)
    return peak


def _measured(label, engine, workers, corpus, limit_mb, cache_dir, note=""):
    import psutil

    cmd = [sys.executable, __file__, "--measure", engine, str(workers), corpus, str(limit_mb or 0)]
    env = {**os.environ, "NQPF_CACHE": str(cache_dir)}
    # Output to files, not pipes: Dask logs to stderr, and a full pipe would stall the measured process.
    with tempfile.TemporaryFile("w+") as fout, tempfile.TemporaryFile("w+") as ferr:
        proc = psutil.Popen(cmd, env=env, stdout=fout, stderr=ferr, text=True)
        peak = wait_peak_rss(proc, 0.2)
        fout.seek(0)
        ferr.seek(0)
        out, err = fout.read(), ferr.read()
    if proc.returncode != 0:
        sys.exit(f"bench: {' '.join(cmd)} failed:\n{err[-3000:]}")
    r = json.loads(out.strip().splitlines()[-1])
    mbps = r["bytes"] / 1e6 / r["seconds"]
    return {"name": label, "value": round(mbps, 2), "unit": "MB/s", "peak_mib": round(peak / 2**20), "runs": 1,
            "note": f"{r['bytes'] / 1e6:.0f} MB, {r['files']} files in {r['seconds']:.1f} s; "
                    f"{r['tokens'] / 1e6:.1f} M tokens{'; ' + note if note else ''}",
            "bytes": r["bytes"], "seconds": r["seconds"], "tokens": r["tokens"]}


def run_policy() -> list[dict]:
    """Rows for the chapter 政策文本; also written to bench/results_policy.json."""
    load_before = _load()
    synth = BENCH_DIR / f"synthetic_{SYNTH_GB:g}gb"
    build_synthetic(synth, SYNTH_GB * 1000)
    corpora = [("policy corpus", "policy", None)] + (
        [("synthetic 100 MB", str(synth), 100)] if SYNTH_GB * 1000 > 100 else []) + [
        (f"synthetic {SYNTH_GB:g} GB", str(synth), None)]
    rows = []
    for label, corpus, limit in corpora:
        with tempfile.TemporaryDirectory(prefix="nqpf-bench-cache-") as cache:
            if corpus == "policy":
                rows.append(_measured(f"{label}: jieba, 1 process, cold", "jieba", 0, corpus, None, Path(cache) / "j"))
            else:  # plain jieba runs at about 1 MB/s: timed on the first JIEBA_MB only
                cut = min(limit or float("inf"), JIEBA_MB)
                note = f"jieba timed on the first {cut:g} MB only" if cut < (limit or SYNTH_GB * 1000) else ""
                rows.append(_measured(f"{label}: jieba, 1 process, cold", "jieba", 0, corpus, cut, Path(cache) / "j",
                                      note))
            rows.append(_measured(f"{label}: fast path, 1 worker, cold", "fast", 1, corpus, limit, Path(cache) / "f1"))
            rows.append(_measured(f"{label}: fast path, 2 workers, cold", "fast", 2, corpus, limit, Path(cache) / "f2"))
            rows.append(_measured(f"{label}: fast path, 2 workers, cache warm", "fast", 2, corpus, limit,
                                  Path(cache) / "f2", "tokens read back from the cache the cold run wrote"))
    load_after = _load()
    from nqpf.analysis import policy

    _write_policy({"cpus": os.cpu_count(), "synthetic_gb": SYNTH_GB, "load_before": load_before,
                   "load_after": load_after, "rows": rows, policy.REFERENCE_KEY: policy.jieba_reference()})
    return [{k: v for k, v in r.items() if k not in ("bytes", "seconds", "tokens")} for r in rows]


def _write_policy(record: dict) -> None:
    (ROOT / "bench" / "results_policy.json").write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n",
                                                        encoding="utf-8")


def jieba_reference_only() -> dict:
    """Record plain jieba's Chinese tokens of the policy corpus again (the book compares the fast path with them
    in every build), keeping the timed rows of bench/results_policy.json."""
    from nqpf.analysis import policy

    record = json.loads((ROOT / "bench" / "results_policy.json").read_text(encoding="utf-8"))
    record[policy.REFERENCE_KEY] = policy.jieba_reference()
    _write_policy(record)
    return {k: v for k, v in record[policy.REFERENCE_KEY].items() if k != "documents"}


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        engine, workers, corpus, limit = sys.argv[2], int(sys.argv[3]), sys.argv[4], float(sys.argv[5])
        print(json.dumps(measure(engine, workers, corpus, limit or None)))
    elif sys.argv[1:2] == ["--jieba-reference"]:  # only the record of jieba's tokens
        print(json.dumps(jieba_reference_only(), ensure_ascii=False, indent=2))
    elif sys.argv[1:2] == ["--policy"]:  # only the policy-corpus rows
        print(json.dumps(run_policy(), ensure_ascii=False, indent=2))
    else:
        print(json.dumps(run(), ensure_ascii=False, indent=2))
