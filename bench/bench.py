"""`make bench`: build times and pipeline throughput on this machine, written to bench/results.{md,json}.

A benchmark, not a test: it measures, it does not pass or fail. Wall time and peak memory (max RSS of the child
processes) are the median of several runs. Each build runs in a scratch copy of the output folder so the
project's own _build is left alone.

Extra measurements come from `bench/bench_*.py` modules, each with a `run() -> list[dict]` of rows
{"name", "value", "unit", "note"}.
"""

from __future__ import annotations

import importlib.util
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = int(os.environ.get("BENCH_RUNS", "3"))


_WRAP = ("import resource, subprocess, sys; rc = subprocess.run(sys.argv[1:]).returncode; "
         "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(rc)")


def timed(cmd, env=None):
    """Wall time and peak memory of one command. A fresh wrapper process per command, so RUSAGE_CHILDREN
    covers only that command: the peak is the largest single process it ran (MiB)."""
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _WRAP, *cmd], cwd=ROOT, env={**os.environ, **(env or {})},
                          capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.exit(f"bench: {' '.join(cmd)} failed:\n" + "\n".join((proc.stdout + proc.stderr).splitlines()[-30:]))
    peak_kib = int(proc.stderr.strip().splitlines()[-1])
    return wall, peak_kib / 1024


def make(target, out, **extra):
    args = ["make", "-s", target, f"OUT={out}"] + [f"{k}={v}" for k, v in extra.items()]
    return timed(args)


def median_row(name, samples, note=""):
    walls = [s[0] for s in samples]
    mems = [s[1] for s in samples]
    return {"name": name, "value": round(statistics.median(walls), 2), "unit": "s",
            "peak_mib": round(max(mems)), "runs": len(samples), "note": note}


def exec_times(out: Path) -> float:
    """Sum of notebook execution times recorded by jupyter-cache."""
    db = out / "_build" / ".jupyter_cache"
    if not db.exists():
        return float("nan")
    from jupyter_cache import get_cache

    cache = get_cache(str(db))
    return round(sum((r.data or {}).get("execution_seconds", 0) or 0 for r in cache.list_cache_records()), 2)


def builds() -> list[dict]:
    rows, clean, noop, edit, pdf, to_html, to_pdf = [], [], [], [], [], [], []
    exec_sum = []
    chapter = sorted((ROOT / "book").glob("*.md"))[-1]
    for _ in range(RUNS):
        with tempfile.TemporaryDirectory(prefix="nqpf-bench-") as tmp:
            out = Path(tmp)
            clean.append(make("html", out))
            exec_sum.append(exec_times(out))
            noop.append(make("html", out))
            pdf.append(make("pdf", out))
            # Switching builders with nothing changed: make finds the output up to date and starts no build.
            to_html.append(make("html", out))
            to_pdf.append(make("pdf", out))
            # Edit one chapter's code: append a harmless cell, rebuild, restore.
            original = chapter.read_text(encoding="utf-8")
            try:
                chapter.write_text(original + "\n```{code-cell} ipython3\n:tags: [remove-cell]\n_bench = 1\n```\n",
                                   encoding="utf-8")
                edit.append(make("html", out))
            finally:
                chapter.write_text(original, encoding="utf-8")
    rows.append(median_row("clean HTML build", clean, "empty output folder, cold notebook cache"))
    rows.append(median_row("no-op HTML rebuild", noop, "nothing changed"))
    rows.append(median_row("rebuild after editing one chapter's code", edit, f"a cell added to {chapter.name}"))
    rows.append(median_row("PDF build from the cache", pdf,
                           "notebooks not re-executed; the site's doctrees copied, no page read again"))
    rows.append(median_row("HTML rebuild right after a PDF build", to_html, "builder switch, nothing changed"))
    rows.append(median_row("PDF rebuild right after an HTML build", to_pdf,
                           "builder switch, nothing changed (the PDF is up to date: no LaTeX run)"))
    rows.append({"name": "sum of notebook execution times", "value": statistics.median(exec_sum), "unit": "s",
                 "peak_mib": None, "runs": len(exec_sum), "note": "from jupyter-cache records"})
    return rows


def extra_rows(only=None) -> list[dict]:
    """Rows of every bench/bench_*.py module (or of those named in ``only``: {"text", "freq"})."""
    rows = []
    for path in sorted((ROOT / "bench").glob("bench_*.py")):
        if only is not None and path.stem.removeprefix("bench_") not in only:
            continue
        spec = importlib.util.spec_from_file_location(path.stem, path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        rows.extend(mod.run())
    return rows


def load_average() -> list[float]:
    """The 1-, 5- and 15-minute load averages: how busy the machine was."""
    return [round(x, 2) for x in os.getloadavg()]


def main() -> None:
    """All rows; with ``--builds`` only the build rows are measured again and the others kept from results.json."""
    machine = {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform(),
               "load_before": load_average()}
    args = sys.argv[1:]
    if args[:1] == ["--only"]:  # e.g. --only builds freq: measure those groups again, keep the other rows
        groups = set(args[1:])
        kept = json.loads((ROOT / "bench" / "results.json").read_text(encoding="utf-8"))["rows"]
        fresh = builds() if "builds" in groups else []
        fresh += extra_rows(groups - {"builds"})
        names = {r["name"].split(",")[0] for r in fresh}
        rows = fresh + [r for r in kept if not ("builds" in groups and r["unit"] == "s")
                        and r["name"].split(",")[0] not in names]
    elif args == ["--builds"]:
        kept = json.loads((ROOT / "bench" / "results.json").read_text(encoding="utf-8"))["rows"]
        rows = builds()
        rows += [r for r in kept if r["unit"] != "s"]
    else:
        rows = builds() + extra_rows()
    machine["load_after"] = load_average()
    (ROOT / "bench" / "results.json").write_text(json.dumps({"machine": machine, "rows": rows}, ensure_ascii=False,
                                                            indent=2) + "\n", encoding="utf-8")
    lines = ["# Benchmark results\n", f"Machine: {machine['cpus']} CPUs, Python {machine['python']}, "
             f"{machine['platform']}. Median of {RUNS} runs. Load average (1, 5, 15 min) before "
             f"{machine['load_before']}, after {machine['load_after']}.\n",
             "| measurement | value | unit | peak MiB | note |", "| --- | ---: | --- | ---: | --- |"]
    for r in rows:
        lines.append(f"| {r['name']} | {r['value']} | {r['unit']} | {r.get('peak_mib') or ''} | {r.get('note', '')} |")
    (ROOT / "bench" / "results.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
