"""Run the book's notebooks in parallel before Sphinx reads them, filling the jupyter-cache the build reads.

``make html`` and ``make pdf`` call ``python -m nqpf.sphinx.preexecute`` first: every chapter of the table of
contents whose outputs are not already cached is executed by jupyter-cache's own parallel executor (a process
pool of ``--jobs`` workers, default: the machine's cores), and its outputs are cached under the notebook's hash.
Sphinx (myst-nb, ``execute_notebooks: cache``) then finds every page in the cache and runs nothing itself, so the
outputs — and every glued value — are exactly those a serial build gives.

Each notebook runs in a kernel of its own started with the page's name (``NQPF_DOCNAME``) and the usage folder
(``NQPF_USAGE_DIR``) in that kernel's environment only (:func:`execute_notebook`; nothing is written into this
process's ``os.environ``), so the data usage record (:mod:`nqpf.core.usage`) credits each page, however many
notebooks run at once. The Sphinx extension executes a page that misses the cache the same way. The pages that read
that record (the data catalogue) are left to Sphinx, which runs them last. A notebook that fails here is only
noted: Sphinx executes it again and reports the error the usual way (the strict build fails, naming the cell).
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing as mproc
import os
import sys
import time
import traceback
from pathlib import Path

from jupyter_cache import get_cache
from jupyter_cache.executors.base import ExecutorRunResult
from jupyter_cache.executors.basic import ExecutionWorkerLocalMProc, JupyterExecutorLocalMproc, ProcessData
from jupyter_cache.executors.utils import ExecutionResult
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError

from nqpf.core import usage
from nqpf.core.paths import ROOT
from nqpf.render.notebooks import source, toc_pages
from nqpf.sphinx import warmkernel

__all__ = ["READER", "page_env", "execute_notebook", "notebook_pages", "run", "main"]

READER = {"type": "plugin", "name": "myst_nb_md"}  # myst-nb's own reader: the same notebook, the same hash
USAGE_READER = "catalogue_with_usage("  # pages that read the usage record run last, in Sphinx (nqpf.sphinx.ext)
AGGREGATOR = "findings.register("  # pages that gather the whole register (introduction, front page)


def page_env(docname: str, usage_dir) -> dict[str, str]:
    """What one page's kernel is told on top of the environment it inherits: its page and the record folder."""
    return {usage.DOCNAME: docname, usage.DIR: str(usage_dir)}


def execute_notebook(nb, cwd: str, env: dict[str, str], timeout: int = 600,
                     allow_errors: bool = False) -> ExecutionResult:
    """Execute ``nb`` in place, as jupyter-cache and myst-nb do (``single_nb_execution``: the notebook's own
    ``execution`` metadata may override timeout and allow_errors), in a kernel whose environment is this process's
    plus ``env``. nbclient hands ``env`` to that kernel's start only, so two notebooks run at the same time (threads
    or processes) each see their own values and this process's environment is never changed."""
    meta = nb.metadata.get("execution", {})
    timeout, allow_errors = meta.get("timeout", timeout), meta.get("allow_errors", allow_errors)
    client = NotebookClient(nb, timeout=timeout, allow_errors=allow_errors, record_timing=False,
                            resources={"metadata": {"path": cwd}}, kernel_manager_class=warmkernel.WarmKernelManager)
    error = exc_string = None
    start = time.perf_counter()
    try:
        client.execute(env={**os.environ, **env})
    except (CellExecutionError, CellTimeoutError) as err:
        error, exc_string = err, traceback.format_exc()
    return ExecutionResult(nb, cwd, time.perf_counter() - start, error, exc_string)


class _PageWorker(ExecutionWorkerLocalMProc):
    """jupyter-cache's worker, executing each notebook in a kernel started with its page's name."""

    def __init__(self, root: str, usage_dir: str):
        self.root, self.usage_dir = root, usage_dir

    def execute(self, project_nb, data: ProcessData) -> ExecutionResult:
        docname = Path(project_nb.uri).relative_to(self.root).with_suffix("").as_posix()
        return execute_notebook(project_nb.nb, str(Path(project_nb.uri).parent), page_env(docname, self.usage_dir),
                                data.timeout, data.allow_errors)

    def __call__(self, data: ProcessData):
        # jupyter-cache trims the cache on every store with two queries (the records to keep, then all others): a
        # record another worker stores in between is deleted ("Failed Caching … KeyError: Notebook file does not
        # exist") and its page runs again in Sphinx. The workers store one at a time.
        store = data.cache.cache_notebook_bundle

        def locked(*args, **kwargs):
            with _STORE_LOCK:
                return store(*args, **kwargs)

        data.cache.cache_notebook_bundle = locked  # this worker's copy of the cache object only
        return super().__call__(data)


_STORE_LOCK = None  # set in each pool worker (inherited at its start, the way a lock may be shared)


def _init_worker(lock) -> None:
    global _STORE_LOCK
    _STORE_LOCK = lock


class _Executor(JupyterExecutorLocalMproc):
    """jupyter-cache's local parallel executor with a pool of ``jobs`` workers and the page worker."""

    def __init__(self, cache, jobs: int, root: Path, usage_dir: Path, logger=None):
        super().__init__(cache, logger)
        self.jobs, self.root, self.usage_dir = jobs, str(root), str(usage_dir)

    def run_and_cache(self, *, filter_uris=None, filter_pks=None, timeout=600, allow_errors=False,
                      force=False) -> ExecutorRunResult:
        records = self.get_records(filter_uris, filter_pks, clear_tracebacks=True, force=force)
        if not records:
            return ExecutorRunResult()
        # Kernels fork from one process that imported what every chapter imports (nqpf.sphinx.warmkernel), started
        # once, before the workers, which inherit its address; run() stops it.
        warmkernel.start()
        last = last_run_times(self.cache)
        records = sorted(records, key=lambda r: run_order(r.uri, last))
        ctx = mproc.get_context("fork")
        with ctx.Pool(min(self.jobs, len(records)), initializer=_init_worker, initargs=(ctx.Lock(),)) as pool:
            results = pool.map(_PageWorker(self.root, self.usage_dir),
                               [ProcessData(r.pk, r.uri, self.cache, timeout, allow_errors) for r in records],
                               chunksize=1)
        return ExecutorRunResult(succeeded=[p for i, p in results if i == 0],
                                 excepted=[p for i, p in results if i == 1],
                                 errored=[p for i, p in results if i == 2])
# The longest notebooks, longest first (run times of full builds on 2 cores, 2026-12): the order of a first run, before
# the cache holds any run time. Longest first, the two workers finish close together instead of one starting the
# longest last.
LONGEST = ("provinces", "policy", "world", "reproducibility", "digital", "tfp", "industries", "corpus", "concept",
           "factcheck", "outcomes")


def last_run_times(cache) -> dict[str, float]:
    """The run time of each notebook's latest cached execution, by its path."""
    out = {}
    for record in sorted(cache.list_cache_records(), key=lambda r: r.created):
        seconds = (record.data or {}).get("execution_seconds")
        if seconds:
            out[record.uri] = seconds
    return out


def run_order(uri: str, last: dict[str, float]) -> tuple:
    """Sort key of a notebook: by its last run time in the cache (longest first), else by its place in LONGEST,
    else by the size of its source (largest first).

    >>> sorted(["/b/tfp.md", "/b/provinces.md", "/b/y.md"], key=lambda u: run_order(u, {"/b/y.md": 3.0}))
    ['/b/y.md', '/b/provinces.md', '/b/tfp.md']
    """
    if uri in last:
        return (0, -last[uri])
    stem = Path(uri).stem
    if stem in LONGEST:
        return (1, LONGEST.index(stem))
    return (2, -Path(uri).stat().st_size)


def notebook_pages(toc: Path, root: Path = ROOT) -> list[Path]:
    """The toc's pages that are notebooks (MyST with a jupytext header) and do not read the usage record."""
    out = []
    for docname in toc_pages(toc):
        path = source(docname, root)
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".md" and text.startswith("---") and "jupytext:" in text.split("---", 2)[1] \
                and USAGE_READER not in text:
            out.append(path)
    return out


def run(toc: Path, cache_path: Path, usage_dir: Path, jobs: int, timeout: int = 600, root: Path = ROOT) -> dict:
    pages = notebook_pages(toc, root)
    cache = get_cache(str(cache_path))
    for path in pages:
        cache.add_nb_to_project(str(path), read_data=READER)
    start = time.perf_counter()
    executor = _Executor(cache, jobs, root, usage_dir, logging.getLogger(__name__))
    # Pages that gather every chapter's findings run after the chapters, reading the findings they cached.
    gather = [p for p in pages if AGGREGATOR in p.read_text(encoding="utf-8")]
    executed, failed = 0, []
    for phase in ([p for p in pages if p not in gather], gather):
        if phase:
            result = executor.run_and_cache(filter_uris=[str(p) for p in phase], timeout=timeout)
            executed += len(result.succeeded)
            failed += result.excepted + result.errored
    warmkernel.stop()
    return {"pages": len(pages), "executed": executed, "failed": failed,
            "seconds": round(time.perf_counter() - start, 1)}


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m nqpf.sphinx.preexecute", description=__doc__.splitlines()[0])
    p.add_argument("--toc", default=str(ROOT / "_toc.yml"))
    p.add_argument("--cache", required=True, help="the jupyter-cache folder the build reads (_build/.jupyter_cache)")
    p.add_argument("--usage-dir", required=True, help="the data usage record folder (_build/.data-usage)")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    p.add_argument("--timeout", type=int, default=600)
    p.add_argument("--root", default=str(ROOT))
    args = p.parse_args(argv)
    out = run(Path(args.toc), Path(args.cache), Path(args.usage_dir), max(1, args.jobs), args.timeout,
              root=Path(args.root))
    if out["executed"] or out["failed"]:
        note = f"; left to Sphinx, which reports the error: {', '.join(out['failed'])}" if out["failed"] else ""
        print(f"pre-executed {out['executed']} of {out['pages']} notebooks on {args.jobs} workers in "
              f"{out['seconds']} s{note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
