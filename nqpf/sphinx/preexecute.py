"""Run the book's notebooks in parallel beside Sphinx, filling the jupyter-cache the build reads.

``make html`` and ``make pdf`` start ``python -m nqpf.sphinx.preexecute`` in the background and Sphinx beside it:
every chapter of the table of contents whose outputs are not already cached is executed by jupyter-cache's own
parallel executor (a process pool of ``--jobs`` workers, default: the machine's cores), and its outputs are cached
under the notebook's hash. Sphinx (myst-nb, ``execute_notebooks: cache``) starts up and reads the pages that are no
notebook meanwhile, then reads each notebook page once it is cached (:func:`await_page`), so the outputs — and every
glued value — are exactly those a serial build gives.

Each notebook runs in a kernel of its own started with the page's name (``NQPF_DOCNAME``) and the usage folder
(``NQPF_USAGE_DIR``) in that kernel's environment only (:func:`execute_notebook`; nothing is written into this
process's ``os.environ``), so the data usage record (:mod:`nqpf.core.usage`) credits each page, however many
notebooks run at once. The Sphinx extension executes a page that misses the cache the same way. The pages that read
that record (the data catalogue) run last, once every other page has written its record (:func:`run_readers`). A
notebook that fails here is only noted: Sphinx executes it again and reports the error the usual way (the strict
build fails, naming the cell).
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

__all__ = ["READER", "page_env", "execute_notebook", "execute_and_cache", "notebook_pages", "run", "main"]

READER = {"type": "plugin", "name": "myst_nb_md"}  # myst-nb's own reader: the same notebook, the same hash
USAGE_READER = "catalogue_with_usage("  # pages that read the usage record run last, in Sphinx (nqpf.sphinx.ext)
AGGREGATOR = "findings.register("  # pages that gather the whole register (introduction, front page)


# A finished notebook's kernel is killed, not asked to shut down and waited for (0.3-0.6 s a notebook): every output
# has arrived by then, and what a page writes (usage record, caches) it writes while its cells run.
SHUTDOWN = "immediate"


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
    # A cell's outputs may still be on their way when its reply arrives: nbclient waits iopub_timeout for them (4 s
    # by default) and then goes on without them, with a log line only. On a busy machine (the test suite's
    # reproducibility run, at a low priority beside the main build) that silently lost glued values: wait as long
    # as a cell may run, and fail the page if they still do not come.
    client = NotebookClient(nb, timeout=timeout, allow_errors=allow_errors, record_timing=False,
                            shutdown_kernel=SHUTDOWN, resources={"metadata": {"path": cwd}},
                            kernel_manager_class=warmkernel.WarmKernelManager, iopub_timeout=timeout,
                            raise_on_iopub_timeout=True)
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
        # exist") and its page runs again in Sphinx. The workers store one at a time, and only a notebook whose code
        # is not cached yet (store_new).
        store = data.cache.cache_notebook_bundle

        def locked(bundle, *args, **kwargs):
            with _STORE_LOCK:
                return store_new(data.cache, bundle, store)

        data.cache.cache_notebook_bundle = locked  # this worker's copy of the cache object only
        return super().__call__(data)


def store_new(cache, bundle, store=None):
    """Cache an executed notebook, unless an identical one is cached already: another page with the same code
    (jupyter-cache keys on a notebook's code, not its text). Storing it again would remove that record and its file
    and write them anew, under Sphinx reading that other page ("Notebook file does not exist for cache record")."""
    try:
        return cache.match_cache_notebook(bundle.nb)
    except KeyError:
        return (store or cache.cache_notebook_bundle)(bundle, check_validity=False, overwrite=True)


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
# Execution times (s) of the notebooks in a clean build on 2 cores (2026-12): the order and the expected finish of
# a first run, before the cache holds any run time. Longest first, the two workers finish close together instead of
# one starting the longest last; a notebook not listed counts as short.
ESTIMATE = {"policy": 11.0, "provinces": 10.5, "world": 9.5, "tfp": 7.5, "digital": 7.5, "industries": 5.4,
            "corpus": 4.0, "concept": 3.5, "reproducibility": 3.0, "factcheck": 2.5, "intro": 1.5, "outcomes": 1.4,
            "index": 1.0}
# The pid of a pre-execution running beside Sphinx (written by the Makefile when it starts one in the background,
# removed by run() when every notebook is done), in the cache folder: Sphinx waits for a page it runs.
RUNNING = ".running"


def last_run_times(cache) -> dict[str, float]:
    """The run time of each notebook's latest cached execution, by its path."""
    out = {}
    for record in sorted(cache.list_cache_records(), key=lambda r: r.created):
        seconds = (record.data or {}).get("execution_seconds")
        if seconds:
            out[record.uri] = seconds
    return out


def expected_seconds(uri: str, last: dict[str, float]) -> float:
    """How long the notebook is expected to run: its last run time in the cache, else its :data:`ESTIMATE`, else 1 s."""
    return last.get(uri) or ESTIMATE.get(Path(uri).stem, 1.0)


def run_order(uri: str, last: dict[str, float]) -> tuple:
    """Sort key of a notebook: longest expected run first (:func:`expected_seconds`).

    >>> sorted(["/b/tfp.md", "/b/provinces.md", "/b/y.md"], key=lambda u: run_order(u, {"/b/y.md": 9.0}))
    ['/b/provinces.md', '/b/y.md', '/b/tfp.md']
    """
    return (-expected_seconds(uri, last), uri)


def finish_order(uris: list[str], last: dict[str, float], jobs: int) -> list[str]:
    """The order in which ``jobs`` workers taking ``uris`` in :func:`run_order` would finish them
    (:func:`expected_seconds`): the order Sphinx reads pages while the pre-execution runs beside it.

    >>> finish_order(["/b/a.md", "/b/b.md", "/b/c.md"], {"/b/a.md": 9.0, "/b/b.md": 5.0, "/b/c.md": 3.0}, 2)
    ['/b/b.md', '/b/c.md', '/b/a.md']
    """
    queue = sorted(uris, key=lambda u: run_order(u, last))
    free = [0.0] * max(1, jobs)
    done = []
    for place, uri in enumerate(queue):
        i = free.index(min(free))
        free[i] += expected_seconds(uri, last)
        done.append((free[i], place, uri))
    return [uri for *_, uri in sorted(done)]


def await_page(cache, nb, cache_path, idle=None) -> bool:
    """While a pre-execution runs beside this build (:data:`RUNNING`), wait until ``nb`` is in the cache; True once
    it is, False when no pre-execution runs (any more) and it is not: the caller then executes it itself. ``idle()``
    is called before the first wait, if there is one: work the build would do later, done while it waits."""
    running = Path(cache_path) / RUNNING
    while True:
        try:
            record = cache.match_cache_notebook(nb)
        except KeyError:
            record = None
        try:
            pid = int(running.read_text())
        except (OSError, ValueError):
            return record is not None
        if record is not None:
            # jupyter-cache commits a record before it writes the record's notebook file: a page is cached once
            # that file is complete (a partly written one does not parse).
            try:
                cache.get_cache_bundle(record.pk)
                return True
            except (KeyError, ValueError):
                pass
        if not _alive(pid):
            return record is not None
        if idle is not None:
            idle()
            idle = None
            continue
        time.sleep(0.1)


def _alive(pid: int) -> bool:
    """The process exists and has not ended (a process that ended but was not yet reaped is a zombie: not alive)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        try:
            os.kill(pid, 0)
        except OSError:
            return False
        return True
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _reads_usage(path: Path) -> bool | None:
    """For a notebook page (MyST with a jupytext header): whether it reads the usage record; None for any other."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md" and text.startswith("---") and "jupytext:" in text.split("---", 2)[1]:
        return USAGE_READER in text
    return None


def _runs_here(path: Path) -> bool:
    """A notebook that does not read the usage record."""
    return _reads_usage(path) is False


def _toc_notebooks(toc: Path, root: Path) -> tuple[list[Path], list[Path]]:
    """The toc's notebook pages: (those that do not read the usage record, those that do)."""
    kinds = {path: _reads_usage(path) for path in (source(docname, root) for docname in toc_pages(toc))}
    return [p for p, reads in kinds.items() if reads is False], [p for p, reads in kinds.items() if reads]


def notebook_pages(toc: Path, root: Path = ROOT) -> list[Path]:
    """The toc's pages that are notebooks (MyST with a jupytext header) and do not read the usage record."""
    return _toc_notebooks(toc, root)[0]


def reader_pages(toc: Path, root: Path = ROOT) -> list[Path]:
    """The toc's notebook pages that read the usage record (the data catalogue)."""
    return _toc_notebooks(toc, root)[1]


def execute_and_cache(cache, nb, uri: str, cwd: str, docname: str, usage_dir, timeout: int = 600,
                      allow_errors: bool = False) -> ExecutionResult:
    """Execute ``nb`` as the page ``docname`` (:func:`execute_notebook`) and, when it ran without error, cache it
    as myst-nb caches a notebook it executed (with its run time). A failed run is not cached: Sphinx runs the page
    again and reports the error the usual way."""
    from jupyter_cache.base import CacheBundleIn

    result = execute_notebook(nb, cwd, page_env(docname, usage_dir), timeout, allow_errors)
    if result.err is None:
        store_new(cache, CacheBundleIn(nb, uri, data={"execution_seconds": result.time}))
    return result


def run_readers(pages: list[Path], cache, usage_dir: Path, timeout: int, root: Path) -> tuple[int, list[str]]:
    """Execute and cache the pages that read the usage record, once every other page has written its record: the
    page as Sphinx reads it (its source with :func:`nqpf.core.usage.digest_cell` appended, nqpf.sphinx.ext), so
    Sphinx finds it in the cache. Run here, the page's kernel is forked from the warm template. (executed, failed)"""
    from myst_nb.core.read import read_myst_markdown_notebook

    executed, failed = 0, []
    for path in pages:
        text = path.read_text(encoding="utf-8") + usage.digest_cell(usage_dir)
        nb = read_myst_markdown_notebook(text, add_source_map=True, path=str(path))
        try:
            cache.match_cache_notebook(nb)
            continue
        except KeyError:
            pass
        docname = path.relative_to(root).with_suffix("").as_posix()
        warmkernel.start()  # (started already when a chapter ran)
        if execute_and_cache(cache, nb, str(path), str(path.parent), docname, usage_dir, timeout).err is None:
            executed += 1
        else:
            failed.append(str(path))
    return executed, failed


def running_ranks(env, docnames: list[str]) -> dict[str, int]:
    """{docname: rank} of the pages a pre-execution running beside Sphinx executes, in the order it is expected to
    finish them (:func:`expected_finish`); empty when none runs."""
    cache_path = Path(env.mystnb_config.execution_cache_path or ".jupyter_cache")
    if not (cache_path / RUNNING).exists():
        return {}
    paths = {d: Path(env.doc2path(d)) for d in docnames}
    ranks = expected_finish([p for p in paths.values() if p.exists() and _runs_here(p)], get_cache(str(cache_path)),
                            os.cpu_count() or 1)
    return {d: ranks[str(p)] for d, p in paths.items() if str(p) in ranks}


def phases(pages: list[Path]) -> tuple[list[Path], list[Path]]:
    """The chapters, then the pages that gather every chapter's findings (they read the findings the chapters
    cached, so they run after them)."""
    gather = [p for p in pages if AGGREGATOR in p.read_text(encoding="utf-8")]
    return [p for p in pages if p not in gather], gather


def expected_finish(pages: list[Path], cache, jobs: int) -> dict[str, int]:
    """{path: rank} in the order :func:`run` is expected to finish the pages (:func:`finish_order`, phase by phase)."""
    last = last_run_times(cache)
    order = [uri for phase in phases(pages) for uri in finish_order([str(p) for p in phase], last, jobs)]
    return {uri: i for i, uri in enumerate(order)}


def run(toc: Path, cache_path: Path, usage_dir: Path, jobs: int, timeout: int = 600, root: Path = ROOT) -> dict:
    start = time.perf_counter()
    # The kernels' template imports (about 4 s, on the critical path of a one-chapter rebuild) while the pages are
    # read and matched with the cache; stopped below, killed if nothing runs.
    warmkernel.launch()
    executed, failed = 0, []
    try:
        pages, readers = _toc_notebooks(toc, root)
        cache = get_cache(str(cache_path))
        for path in pages:
            cache.add_nb_to_project(str(path), read_data=READER)
        executor = _Executor(cache, jobs, root, usage_dir, logging.getLogger(__name__))
        for phase in phases(pages):
            if phase:
                result = executor.run_and_cache(filter_uris=[str(p) for p in phase], timeout=timeout)
                executed += len(result.succeeded)
                failed += result.excepted + result.errored
        # Last, the pages that read every page's data usage record.
        if readers:
            done, missed = run_readers(readers, cache, usage_dir, timeout, root)
            executed, failed = executed + done, failed + missed
    finally:
        warmkernel.stop()
        # Sphinx, reading beside this run, now executes itself any page still missing (a notebook that failed here).
        (Path(cache_path) / RUNNING).unlink(missing_ok=True)
    return {"pages": len(pages) + len(readers), "executed": executed, "failed": failed,
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
