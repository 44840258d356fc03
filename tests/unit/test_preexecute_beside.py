"""The pre-execution runs beside Sphinx (Makefile `sphinx` macro, nqpf.sphinx.preexecute.await_page): Sphinx starts
while the notebooks run, waits for a notebook page until it is cached, and the build fails when the pre-execution
fails. The real Makefile runs with stand-ins for jupyter-book and for the venv's Python, as in test_sphinx_make."""

from __future__ import annotations

import os
import subprocess
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from nqpf.sphinx import preexecute

pytestmark = pytest.mark.one_worker  # drives the real Makefile, like test_sphinx_make

ROOT = Path(__file__).resolve().parents[2]

# The stand-in pre-execution: takes a while, then caches (a file) and removes the pid file, as run() does.
FAKE_PY = """#!/bin/sh
cache=; while [ $# -gt 0 ]; do [ "$1" = --cache ] && cache=$2; shift; done
mkdir -p "$cache"; sleep 1; echo cached > "$cache/nb"; rm -f "$cache/.running"; exit "${FAKE_PRE_RC:-0}"
"""
# The stand-in jupyter-book: records whether the pre-execution was running when it started and whether the
# notebook was cached then; it "reads" the page by waiting for the cached file while the pid file names a live process.
FAKE_JB = """#!/bin/sh
out=; while [ $# -gt 0 ]; do case "$1" in --path-output) out=$2 ;; esac; shift; done
cache="$out/_build/.jupyter_cache"
[ -f "$cache/.running" ] && echo running-at-start >> "$FAKE_LOG"
[ -f "$cache/nb" ] || echo not-cached-at-start >> "$FAKE_LOG"
while [ ! -f "$cache/nb" ] && [ -f "$cache/.running" ]; do sleep 0.05; done
[ -f "$cache/nb" ] && echo read-cached >> "$FAKE_LOG"
mkdir -p "$out/_build/html" && echo html > "$out/_build/html/index.html"
"""


@pytest.fixture
def make(tmp_path):
    for name, text in (("python", FAKE_PY), ("jupyter-book", FAKE_JB)):
        (tmp_path / name).write_text(text)
        (tmp_path / name).chmod(0o755)
    log = tmp_path / "log"

    def run(env=None):
        proc = subprocess.run(["make", "-s", "html", f"OUT={tmp_path / 'out'}", f"JB={tmp_path / 'jupyter-book'}",
                               f"PY={tmp_path / 'python'}", "BUILD_KEY=pinned $(JBFLAGS)"], cwd=ROOT,
                              capture_output=True, text=True, env={**os.environ, "FAKE_LOG": str(log), **(env or {})})
        return proc, log.read_text().split() if log.exists() else []
    return run


def test_sphinx_starts_while_the_notebooks_run_and_reads_them_once_cached(make):
    proc, events = make()
    assert proc.returncode == 0, proc.stderr
    assert events == ["running-at-start", "not-cached-at-start", "read-cached"]


def test_a_failed_pre_execution_fails_the_build(make):
    proc, _ = make({"FAKE_PRE_RC": "3"})
    assert proc.returncode != 0


class _Cache:
    """A jupyter-cache stand-in whose notebook is cached after ``after`` lookups, its file complete after ``file``
    reads of it."""

    def __init__(self, after: int, file: int = 0):
        self.after, self.lookups, self.file, self.reads = after, 0, file, 0

    def match_cache_notebook(self, nb):
        self.lookups += 1
        if self.lookups <= self.after:
            raise KeyError(nb)
        return SimpleNamespace(pk=1)

    def get_cache_bundle(self, pk):
        self.reads += 1
        if self.reads <= self.file:
            raise KeyError(f"Notebook file does not exist for cache record PK: {pk}")
        return "bundle"


@pytest.fixture()
def running(tmp_path):
    """A pre-execution running beside the build: a live process whose pid is in the cache folder's RUNNING file."""
    sleeper = subprocess.Popen(["sleep", "30"])
    (tmp_path / preexecute.RUNNING).write_text(str(sleeper.pid))
    yield tmp_path
    sleeper.kill()
    sleeper.wait()


def test_await_page_waits_while_the_pre_execution_lives(running):
    cache = _Cache(after=3)
    assert preexecute.await_page(cache, "nb", running) is True
    assert cache.lookups == 4  # three misses 0.1 s apart, then the hit


def test_await_page_does_the_idle_work_once_and_only_when_it_must_wait(running):
    calls = []
    cache = _Cache(after=3)
    assert preexecute.await_page(cache, "nb", running, idle=lambda: calls.append(cache.lookups)) is True
    assert calls == [1]  # after the first miss, before any sleep; not again
    assert cache.lookups == 4  # the lookup right after the idle work, then two misses 0.1 s apart, the hit
    calls.clear()
    assert preexecute.await_page(_Cache(after=0), "nb", running, idle=lambda: calls.append(1)) is True
    assert calls == []  # cached: nothing to wait for


def test_await_page_waits_for_the_notebook_file_of_a_committed_record(running):
    # jupyter-cache commits the record, then writes the file: Sphinx reading in between found no file (KeyError).
    cache = _Cache(after=0, file=2)
    assert preexecute.await_page(cache, "nb", running) is True
    assert cache.reads == 3  # the file missing twice, then read whole


def test_await_page_gives_up_when_none_runs_or_it_ended(tmp_path):
    cache = _Cache(after=10**6)
    assert preexecute.await_page(cache, "nb", tmp_path) is False  # no pid file: one lookup, no wait
    assert cache.lookups == 1
    ended = subprocess.Popen(["true"])
    ended.wait()
    (tmp_path / preexecute.RUNNING).write_text(str(ended.pid))
    assert preexecute.await_page(cache, "nb", tmp_path) is False


def test_a_zombie_counts_as_ended(tmp_path):
    # A child that exited but was not reaped yet still has its pid: the shell that started the pre-execution may
    # reap it only later. Waiting on it would never end.
    child = subprocess.Popen(["true"])
    deadline = time.monotonic() + 10
    while Path(f"/proc/{child.pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z":
        assert time.monotonic() < deadline
        time.sleep(0.01)
    try:
        (tmp_path / preexecute.RUNNING).write_text(str(child.pid))
        assert preexecute.await_page(_Cache(after=10**6), "nb", tmp_path) is False
    finally:
        child.wait()


def test_the_page_cached_while_waiting_is_found(running):
    cache = _Cache(after=10**6)

    def cache_it():
        time.sleep(0.3)
        cache.after = 0

    threading.Thread(target=cache_it).start()
    assert preexecute.await_page(cache, "nb", running) is True


def test_finish_order_of_two_workers_by_hand():
    # Run times 10, 6, 5, 4 s, taken longest first by 2 workers: A 0-10; B 0-6; C on B 6-11; D on A 10-14.
    # Finished: B at 6, A at 10, C at 11, D at 14.
    last = {"/b/a.md": 10.0, "/b/b.md": 6.0, "/b/c.md": 5.0, "/b/d.md": 4.0}
    assert preexecute.finish_order(list(last)[::-1], last, 2) == ["/b/b.md", "/b/a.md", "/b/c.md", "/b/d.md"]


def test_a_page_with_the_same_code_as_a_cached_one_does_not_replace_its_record(tmp_path):
    # Three pages of the warnings mini-book have the same code cell (print('ok')): jupyter-cache keys on code, so
    # they are one cache entry. Storing the second with overwrite removed the first's record and file while Sphinx
    # was reading that page (KeyError: Notebook file does not exist for cache record PK).
    import nbformat
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn

    cache = get_cache(str(tmp_path / "cache"))

    def executed(text):
        nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3"}})
        nb.cells = [nbformat.v4.new_markdown_cell(text), nbformat.v4.new_code_cell("print('ok')", execution_count=1)]
        nb.cells[1].outputs = [nbformat.v4.new_output("stream", name="stdout", text="ok\n")]
        return nb

    first = preexecute.store_new(cache, CacheBundleIn(executed("page a"), "/b/a.md", data={"execution_seconds": 1.0}))
    files = sorted((tmp_path / "cache" / "executed").rglob("base.ipynb"))
    stamp = files[0].stat().st_mtime_ns
    again = preexecute.store_new(cache, CacheBundleIn(executed("page b"), "/b/b.md", data={"execution_seconds": 2.0}))
    assert again.pk == first.pk  # the same record, not a new one
    assert [r.pk for r in cache.list_cache_records()] == [first.pk]
    assert sorted((tmp_path / "cache" / "executed").rglob("base.ipynb")) == files
    assert files[0].stat().st_mtime_ns == stamp  # its file was not written again
    assert cache.get_cache_bundle(first.pk).record.data == {"execution_seconds": 1.0}
