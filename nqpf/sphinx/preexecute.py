"""Run the book's notebooks in parallel before Sphinx reads them, filling the jupyter-cache the build reads.

``make html`` and ``make pdf`` call ``python -m nqpf.sphinx.preexecute`` first: every chapter of the table of
contents whose outputs are not already cached is executed by jupyter-cache's own parallel executor (a process
pool of ``--jobs`` workers, default: the machine's cores), and its outputs are cached under the notebook's hash.
Sphinx (myst-nb, ``execute_notebooks: cache``) then finds every page in the cache and runs nothing itself, so the
outputs — and every glued value — are exactly those a serial build gives.

Each worker sets ``NQPF_DOCNAME`` (and ``NQPF_USAGE_DIR``) before it starts a notebook's kernel, so the data usage
record (:mod:`nqpf.core.usage`) credits each page, as it does when Sphinx executes a page. The pages that read that
record (the data catalogue) are left to Sphinx, which runs them last. A notebook that fails here is only noted:
Sphinx executes it again and reports the error the usual way (the strict build fails, naming the cell).
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing as mproc
import os
import sys
import time
from pathlib import Path

from jupyter_cache import get_cache
from jupyter_cache.executors.base import ExecutorRunResult
from jupyter_cache.executors.basic import ExecutionWorkerLocalMProc, JupyterExecutorLocalMproc, ProcessData

from nqpf.core import usage
from nqpf.core.paths import ROOT
from nqpf.render.notebooks import source, toc_pages

__all__ = ["READER", "notebook_pages", "run", "main"]

READER = {"type": "plugin", "name": "myst_nb_md"}  # myst-nb's own reader: the same notebook, the same hash
USAGE_READER = "catalogue_with_usage("  # pages that read the usage record run last, in Sphinx (nqpf.sphinx.ext)
AGGREGATOR = "findings.register("  # pages that gather the whole register (introduction, front page)


class _DocnameWorker(ExecutionWorkerLocalMProc):
    """jupyter-cache's worker, with the page's docname in the environment its kernel inherits."""

    def __init__(self, root: str, usage_dir: str):
        self.root, self.usage_dir = root, usage_dir

    def execute(self, project_nb, data: ProcessData):
        docname = Path(project_nb.uri).relative_to(self.root).with_suffix("").as_posix()
        os.environ[usage.DOCNAME] = docname
        os.environ[usage.DIR] = self.usage_dir
        return ExecutionWorkerLocalMProc.execute(project_nb, data)


class _Executor(JupyterExecutorLocalMproc):
    """jupyter-cache's local parallel executor with a pool of ``jobs`` workers and the docname worker."""

    def __init__(self, cache, jobs: int, root: Path, usage_dir: Path, logger=None):
        super().__init__(cache, logger)
        self.jobs, self.root, self.usage_dir = jobs, str(root), str(usage_dir)

    def run_and_cache(self, *, filter_uris=None, filter_pks=None, timeout=600, allow_errors=False,
                      force=False) -> ExecutorRunResult:
        records = self.get_records(filter_uris, filter_pks, clear_tracebacks=True, force=force)
        if not records:
            return ExecutorRunResult()
        # Largest sources first (a proxy for run time), so the workers finish close together.
        records = sorted(records, key=lambda r: -Path(r.uri).stat().st_size)
        with mproc.get_context("fork").Pool(min(self.jobs, len(records))) as pool:
            results = pool.map(_DocnameWorker(self.root, self.usage_dir),
                               [ProcessData(r.pk, r.uri, self.cache, timeout, allow_errors) for r in records],
                               chunksize=1)
        return ExecutorRunResult(succeeded=[p for i, p in results if i == 0],
                                 excepted=[p for i, p in results if i == 1],
                                 errored=[p for i, p in results if i == 2])


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
