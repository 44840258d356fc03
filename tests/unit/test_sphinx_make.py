"""`make html` / `make pdf` start jupyter-book only when the build could change something (Makefile: `fresh`).

The real Makefile runs with a stand-in for jupyter-book (it logs each start and writes the output file) and for the
venv's Python (the pre-execution has nothing to do), into a folder of the test's own. What the build reads is the
real repository, so a changed input is simulated by moving a real file's modification time forward and back; its
content is never touched.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

# Each test moves one input's modification time: two at once on two workers would see each other's change.
pytestmark = pytest.mark.one_worker

ROOT = Path(__file__).resolve().parents[2]

# Logs one line per start: the builder and which builders' runs the doctrees it found had seen.
FAKE_JB = """#!/bin/sh
out=; builder=; while [ $# -gt 0 ]; do
  case "$1" in --path-output) out=$2 ;; --builder) builder=$2 ;; esac; shift; done
echo "$builder:" $(cat "$out/_build/.doctrees/seen" 2>/dev/null) >> "$FAKE_LOG"
mkdir -p "$out/_build/.doctrees" && echo "$builder" >> "$out/_build/.doctrees/seen"
if [ "$builder" = pdflatex ]; then mkdir -p "$out/_build/latex"; echo pdf > "$out/_build/latex/nqpf-book.pdf"
else mkdir -p "$out/_build/html"; echo html > "$out/_build/html/index.html"; fi
[ -n "$FAKE_TOUCH" ] && touch "$FAKE_TOUCH"
exit "${FAKE_RC:-0}"
"""
# The pre-execution (`$(PY) -m nqpf.sphinx.preexecute ... --cache DIR`): every notebook cached, nothing to run.
FAKE_PY = """#!/bin/sh
while [ $# -gt 0 ]; do [ "$1" = --cache ] && mkdir -p "$2"; shift; done
"""


KEY = "pinned-commit $(JBFLAGS)"


@pytest.fixture
def book(tmp_path):
    jb = tmp_path / "jupyter-book"
    jb.write_text(FAKE_JB)
    jb.chmod(0o755)
    py = tmp_path / "python"
    py.write_text(FAKE_PY)
    py.chmod(0o755)
    toc = tmp_path / "_toc.yml"
    toc.write_text((ROOT / "_toc.yml").read_text(encoding="utf-8"), encoding="utf-8")
    log = tmp_path / "jb.log"

    def make(target="html", env=None, *args, key=KEY):
        # The key is pinned (other commits may land while the test runs), but still names the flags.
        pinned = [f"BUILD_KEY={key}"] if key else []
        proc = subprocess.run(["make", "-s", target, f"OUT={tmp_path / 'out'}", f"TOC={toc}", f"JB={jb}", f"PY={py}",
                               *pinned, *args], cwd=ROOT, capture_output=True, text=True,
                              env={**os.environ, "FAKE_LOG": str(log), **(env or {})})
        make.lines = log.read_text().splitlines() if log.exists() else []
        log.unlink(missing_ok=True)
        return proc, len(make.lines)

    make.toc, make.out = toc, tmp_path / "out" / "_build"
    return make


def _moved_forward(path: Path):
    """Move ``path``'s modification time to now, then back (the file's content is never touched)."""
    class Moved:
        def __enter__(self):
            self.times = path.stat()
            os.utime(path, ns=(self.times.st_atime_ns, time.time_ns()))

        def __exit__(self, *exc):
            os.utime(path, ns=(self.times.st_atime_ns, self.times.st_mtime_ns))
    return Moved()


def test_a_second_build_with_nothing_changed_does_not_start_jupyter_book(book):
    proc, starts = book()
    assert proc.returncode == 0, proc.stderr
    assert starts == 1
    proc, starts = book()
    assert (proc.returncode, starts) == (0, 0)
    assert "html: up to date" in proc.stdout


@pytest.mark.parametrize("path", ["nqpf/sphinx/ext.py", "nqpf/core/paths.py", "data/raw/wdi_selected.csv",
                                  "seeds/000_38391213c8341446.txt", "bench/results_freq.json", "CITATION.cff",
                                  "_config.yml", "book/world.md", "book/references.bib", "book/_static/nqpf.css",
                                  ".venv/.installed"])  # the venv's stamp: requirements.txt would make pip run
def test_a_changed_input_builds_again(book, path):
    assert (ROOT / path).exists(), path
    assert book()[1] == 1
    time.sleep(0.01)
    with _moved_forward(ROOT / path):
        proc, starts = book()
    assert (proc.returncode, starts) == (0, 1), proc.stderr
    assert book()[1] == 0  # the file is back to its old time: older than the new stamp


def test_the_key_is_the_commit_shown_and_whether_the_tree_is_dirty(book):
    proc, starts = book(key=None)
    assert (proc.returncode, starts) == (0, 1), proc.stderr
    head = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True,
                           text=True).stdout.strip()
    key = (book.out / ".built-html").read_text().split()
    assert key[0] == head.stdout.strip() + ("+dirty" if dirty else "")
    assert key[-3:] == ["-W", "-n", "--keep-going"]
    assert book(key="another-commit $(JBFLAGS)")[1] == 1  # another commit: the pages showing it change


def test_a_changed_table_of_contents_builds_again(book):
    book()
    time.sleep(0.01)
    book.toc.touch()
    assert book()[1] == 1


def test_a_file_changed_while_the_build_runs_makes_the_next_build_run(book):
    # The stamp is made before the build starts: an edit during the build is newer than it.
    proc, starts = book(env={"FAKE_TOUCH": str(book.toc)})
    assert (proc.returncode, starts) == (0, 1)
    assert book()[1] == 1
    assert book()[1] == 0


def test_a_failed_build_leaves_no_stamp(book):
    proc, starts = book(env={"FAKE_RC": "1"})
    assert proc.returncode != 0 and starts == 1
    assert not (book.out / ".built-html").exists()
    assert book()[1] == 1  # and the next build runs


def test_other_flags_or_a_deleted_output_build_again(book):
    book()
    assert book("html", None, "JBFLAGS=-W -n")[1] == 1  # the key names the flags
    assert book()[1] == 1
    (book.out / "html" / "index.html").unlink()
    assert book()[1] == 1


def test_the_pdf_has_its_own_stamp(book):
    if subprocess.run(["make", "-s", "texdeps"], cwd=ROOT, capture_output=True).returncode:
        pytest.skip("no LaTeX")
    book()
    proc, starts = book("pdf")
    assert (proc.returncode, starts) == (0, 1), proc.stderr
    proc, starts = book("pdf")
    assert (proc.returncode, starts) == (0, 0)
    assert "pdf: up to date" in proc.stdout


def test_the_first_pdf_starts_from_a_copy_of_the_sites_doctrees(book):
    if subprocess.run(["make", "-s", "texdeps"], cwd=ROOT, capture_output=True).returncode:
        pytest.skip("no LaTeX")
    book()
    assert book.lines == ["html:"]
    book("pdf")
    assert book.lines == ["pdflatex: html"]  # what the HTML build read, not an empty environment
    book("html", None, "JBFLAGS=-W")
    assert book.lines == ["html: html"]  # the site's own doctrees, untouched by the PDF build
    book("pdf", None, "JBFLAGS=-W")
    assert book.lines == ["pdflatex: html pdflatex"]  # from then on the PDF keeps its own


def test_a_folder_whose_time_moved_is_not_a_change(book):
    # Python creating nqpf/__pycache__ (an import during another build) moves the folder's time, not an input's.
    assert book()[1] == 1
    time.sleep(0.01)
    with _moved_forward(ROOT / "nqpf"):
        assert book()[1] == 0
