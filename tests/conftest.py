"""Shared fixtures (helper functions are in tests/helpers.py). Tests marked `build` use the book built once per
session by `make book`.

`make test` runs pytest on every core (pytest-xdist, `-n $(JOBS) --dist loadgroup`). The book is built once, by
`make book`'s own steps started in the background as soon as a collected test needs it, so the tests that do not need
it (unit, command line, mini-books) run on both cores meanwhile. The build marks each stage as it ends (BOOK_STAGES:
the site, then the PDF, then the rest of `make book`), and a test waits only for what it reads: `built_html`
(html_dir) for the site, `built_pdf` (pdf_path) for the PDF, `built_book` for the whole book (chapter PDFs, EPUB, the
downloads copied into the site, the tree left as it was). Control files (the build's log, stage marks, exit code and
the tree's state before it) live in one folder shared by the pytest processes of the session (NQPF_TEST_SHARED).
A test file's tests of one stage go to one worker together; a free worker takes them as soon as their stage is
built, else a test that needs no book, so the tests of the site run while the PDF is being made and the unit tests
fill the time the build leaves (pytest_xdist_make_scheduler below). The workers run at a lower priority than the
build (WORKER_NICE): it is the session's longest chain; so does the reproducibility run (REPRO_NICE).

The reproducibility test's clean run of every notebook (`make preexecute` into a folder of its own, with caches of
its own) starts in the background at the same moment, beside the main build, at a lower priority: it fills the cores
the main build and the unit tests leave idle instead of running after the main build. NQPF_TEST_BUILT=1 takes the
book in NQPF_TEST_OUT as built (no `make book`), e.g. to rerun the tests of the built book while working on them.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from tests.helpers import BUILD, OUT, ROOT, TOC, mpl_config, run, tree_state

SHARED = "NQPF_TEST_SHARED"
# `make book` in three steps, each marked done as it ends: its prerequisites html and pdf first, then the book itself
# with those two taken as made (-o: not checked again, so nothing reads a site being rewritten).
_WHERE = [f"OUT={OUT}", f"TOC={TOC}"]
BOOK_STAGES = [("html", ["make", "html", *_WHERE]), ("pdf", ["make", "pdf", *_WHERE]),
               ("book", ["make", "-o", "html", "-o", "pdf", "book", *_WHERE])]
# The fixture each stage's tests ask for, in the order the stages end.
STAGE_FIXTURES = {"built_html": "html", "built_pdf": "pdf", "built_book": "book"}
PREBUILT = "NQPF_TEST_BUILT"
# The hashes of data/derived/ when a build ends (a build never writes data/: see test_repro).
DERIVED_CMD = "cd {root} && find data/derived -maxdepth 1 -type f ! -name '.*' -exec sha256sum {{}} + >{out}"


def pytest_configure(config):
    # pytest-xdist registers it; also without xdist (-p no:xdist) the mark is known.
    config.addinivalue_line("markers", "xdist_group(name): tests that share a module fixture run on one worker")
    # The controller (or a plain, single-process run) makes the folder; xdist workers inherit the variable.
    if not os.environ.get("PYTEST_XDIST_WORKER") and not os.environ.get(SHARED):
        os.environ[SHARED] = tempfile.mkdtemp(prefix="nqpf-test-")
        config._nqpf_shared_owner = True


def pytest_unconfigure(config):
    if getattr(config, "_nqpf_shared_owner", False):
        folder = Path(os.environ.pop(SHARED))
        _stop_background_build(folder / "book")
        _stop_background_build(folder / "repro")
        shutil.rmtree(folder, ignore_errors=True)


def _folder(name: str = "book") -> Path:
    return Path(os.environ[SHARED]) / name


def _stage(item) -> int | None:
    """The index of the last stage of the main build a test reads (None: it reads no built book)."""
    names = getattr(item, "fixturenames", ())
    stages = [i for i, fixture in enumerate(STAGE_FIXTURES) if fixture in names]
    return max(stages) if stages else None


def _needs_book(item) -> bool:
    return _stage(item) is not None


def _needs_repro(item) -> bool:
    return "repro_book" in getattr(item, "fixturenames", ())


def _waits_for(item) -> list[str]:
    """The marks (under NQPF_TEST_SHARED) of the background builds a test reads: the main build's stage, and the
    reproducibility run's end."""
    stage = _stage(item)
    marks = [] if stage is None else [f"book/{list(STAGE_FIXTURES.values())[stage]}.done"]
    return marks + (["repro/rc"] if _needs_repro(item) else [])


def _ready(shared: Path, marks: list[str]) -> bool:
    """Each mark is there, or its build ended without it (rc): a test then fails at once, naming the build's error."""
    return all((shared / m).exists() or (shared / m).parent.joinpath("rc").exists() for m in marks)


def next_group(queue, waits: dict[str, list[str]], shared: Path) -> str | None:
    """The group a free worker takes from ``queue`` (in order): the first whose build marks are ready, else the first
    that waits for none; None when every group left waits for a mark not yet there (the worker takes the first)."""
    ready = next((g for g in queue if g in waits and _ready(shared, waits[g])), None)
    return ready if ready is not None else next((g for g in queue if g not in waits), None)


# The reproducibility run's priority (nice): below the book's build, as the tests are; not lower, or its kernels
# would be starved for seconds at a time.
REPRO_NICE = 5
# A worker runs the tests at this priority (nice), lower than the book's background build it started: the build is
# the longest chain of the session (site, PDF, the rest, then the tests that read them), the unit tests fill the
# cores it leaves idle. (Under Linux's autogroup scheduling the build, in a session of its own, already shares the
# processors with the workers' session as an equal; this nice then holds for the kernels of the mini-books the tests
# build, which run in sessions of their own: nqpf.sphinx.warmkernel._keep_priority.)
WORKER_NICE = 5


# What the Sphinx extension does first in a build (nqpf.sphinx.ext): list the build's pages (Sphinx's found_docs,
# the table of contents' pages) for the data usage record the data catalogue reads.
WRITE_PAGES = ("import sys; from pathlib import Path; from nqpf.core import usage; "
               "from nqpf.render.notebooks import toc_pages; "
               "usage.write_pages(toc_pages(Path(sys.argv[2])), Path(sys.argv[1]))")


def repro_cmd(out: Path) -> list[tuple[str, list[str]]]:
    """The reproducibility test's clean run: every notebook of the book executed from scratch into a jupyter-cache of
    its own, with caches of its own (segmentation, provinces, findings: `make test` exports the main build's). Only
    the notebooks: what Sphinx adds to a page is not a number."""
    return [("pages", [sys.executable, "-c", WRITE_PAGES, f"{out}/_build/.data-usage", str(TOC)]),
            ("repro", ["nice", "-n", str(REPRO_NICE), "make", "preexecute", f"OUT={out}", f"TOC={TOC}",
                       f"NQPF_CACHE={out}/_build/.cache"])]


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """The tests that need the book go last, in the order of the stage of the build they wait for (the site's tests
    start as soon as the site is built), the browser's first (the longest); every worker collects the same items and
    orders them the same way."""
    book = [i for i in items if _needs_book(i)]
    # The reproducibility test's clean run goes beside the main build, at a lower priority: its test goes last.
    book.sort(key=lambda i: ("test_repro" in i.nodeid, _stage(i), "browser" not in i.fixturenames))
    items[:] = [i for i in items if not _needs_book(i)] + book


@pytest.hookimpl(tryfirst=True)
def pytest_collection_finish(session):
    """Name the tests that need the book (for the scheduler) and start the book's build if one of them is selected;
    before xdist's own hook tells the controller the collection is complete."""
    book = [i.nodeid for i in session.items if _needs_book(i)]
    # {test: its group}. A book file's tests that wait for the same stage of the build are one group (the module
    # fixtures - a browser, parsed pages - made once); the tests of a file whose tests must not run beside each other
    # (marked one_worker) are one group; tests sharing a module fixture that builds something (a mini-book) name their
    # group (xdist_group), so the fixture is made once, not on each worker.
    groups = {i.nodeid: f"{i.nodeid.split('::')[0]}@{_stage(i)}" for i in session.items if _needs_book(i)}
    groups |= {i.nodeid: i.nodeid.split("::")[0] for i in session.items if i.get_closest_marker("one_worker")}
    for i in session.items:
        if (mark := i.get_closest_marker("xdist_group")) and i.nodeid not in groups:
            groups[i.nodeid] = f"{i.nodeid.split('::')[0]}::{(mark.args or [mark.kwargs.get('name')])[0]}"
    # {group: the build marks its tests wait for}: the scheduler hands a group out once they are there.
    waits: dict[str, list[str]] = {}
    for i in session.items:
        if marks := _waits_for(i):
            scope = groups.get(i.nodeid, i.nodeid)
            waits[scope] = sorted(set(waits.get(scope, [])) | set(marks))
    part = Path(os.environ[SHARED]) / f"book-tests.{os.getpid()}"
    part.write_text(json.dumps({"groups": groups, "waits": waits}), encoding="utf-8")
    part.rename(Path(os.environ[SHARED]) / "book-tests.json")
    if book and not session.config.option.collectonly:
        _start_background_build(_folder(), BOOK_STAGES)
        if any(_needs_repro(i) for i in session.items):
            _start_background_build(_folder("repro"), repro_cmd(_folder("repro") / "b"), REPRO_NICE)
        if os.environ.get("PYTEST_XDIST_WORKER"):
            os.nice(WORKER_NICE)  # after starting the builds, which keep the priority the session started with


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """`--dist loadgroup`: each test alone, except that a test file's tests that need the same stage of the book (or
    all its tests, marked one_worker) go to one worker together (their module fixtures - a browser, parsed pages -
    are made once; the make-level tests move one input's time and must not see another's), and so do tests marked
    with the same xdist_group in a file (a mini-book they share), in collection order, except that a group whose
    stage of the build is there goes first and one whose stage is not is put off while other work is left.
    pytest-xdist 3.8's own loadgroup sets `item._nodeid`, which pytest 9 no longer reads, so its groups do nothing."""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    config.option.loadscopereorder = False  # keep the order: the book's tests last

    class BookFileScheduling(LoadScopeScheduling):
        groups: dict[str, str] | None = None
        waits: dict[str, list[str]] = {}

        def _split_scope(self, nodeid: str) -> str:
            if self.groups is None:
                found = json.loads((Path(os.environ[SHARED]) / "book-tests.json").read_text("utf-8"))
                self.groups, self.waits = found["groups"], found["waits"]
            return self.groups.get(nodeid, nodeid)

        def _assign_work_unit(self, node) -> None:
            # A free worker takes the first group whose stage of the build is there (in queue order: the site's
            # tests before the PDF's), else the first group that waits for no build; only when every group left
            # waits for a stage still being built does it take the first of those and wait.
            pick = next_group(self.workqueue, self.waits, Path(os.environ[SHARED]))
            if pick is not None:
                self.workqueue.move_to_end(pick, last=False)
            super()._assign_work_unit(node)

    return BookFileScheduling(config, log)


_PROCS: list[subprocess.Popen] = []


def _start_background_build(folder: Path, stages: list[tuple[str, list[str]]], nice: int = 0) -> None:
    """A build in the background, once per session (the first process to create the folder starts it): its stages
    (name, command) one after another. The folder gets the tree's state and data/derived/'s hashes before the build,
    the build's log, `<stage>.done` as each stage succeeds, the hashes when it ended and its exit code (rc, written
    last)."""
    try:
        folder.mkdir(parents=True)
    except FileExistsError:
        return
    # The tree as it was before the build: the build must leave it so.
    (folder / "tree.part").write_text(json.dumps(tree_state()), encoding="utf-8")
    (folder / "tree.part").rename(folder / "tree.json")
    subprocess.run(DERIVED_CMD.format(root=shlex.quote(str(ROOT)), out=shlex.quote(str(folder / "derived-before"))),
                   shell=True, check=True)
    if stages is BOOK_STAGES and os.environ.get(PREBUILT):
        (folder / "log").write_text(f"{PREBUILT}: the book in {OUT} is taken as built\n", encoding="utf-8")
        shutil.copy(folder / "derived-before", folder / "derived-after")
        for name, _ in stages:
            (folder / f"{name}.done").touch()
        (folder / "rc").write_text("0\n", encoding="utf-8")
        return
    # The shell writes the exit code when make ends, whichever pytest process is still alive then.
    derived = DERIVED_CMD.format(root='"$root"', out='"$0/derived-after"')
    steps = " && ".join(f'{shlex.join(cmd)} && touch "$0/{name}.done"' for name, cmd in stages)
    # Its own session is its own scheduling group under Linux's autogroup scheduling, where the group's nice (not
    # its processes') sets its share of the processors: a build run at a lower priority sets its group's.
    lower = f"{{ echo {nice} >/proc/self/autogroup; }} 2>/dev/null; " if nice else ""
    script = (f'{lower}root=$1; {{ {steps}; }} >"$0/log" 2>&1; rc=$?; {derived}; '
              'echo $rc >"$0/rc.part"; mv "$0/rc.part" "$0/rc"')
    # A fresh matplotlib config folder would make the first chart of each build print "building the font cache" on
    # stderr (two builds at once race for it): the builds get one whose cache is built.
    proc = subprocess.Popen(["bash", "-c", script, str(folder), str(ROOT)], cwd=ROOT,
                            start_new_session=True, stdin=subprocess.DEVNULL, env={**os.environ,
                                                                                    "MPLCONFIGDIR": mpl_config()})
    _PROCS.append(proc)
    (folder / "pid").write_text(str(proc.pid), encoding="utf-8")


def _stop_background_build(folder: Path) -> None:
    """An interrupted session (-x, Ctrl-C) does not leave `make book` running."""
    pid = folder / "pid"
    if pid.exists() and not (folder / "rc").exists():
        try:
            os.killpg(int(pid.read_text()), signal.SIGTERM)
        except (ProcessLookupError, ValueError):
            pass


def _wait_for(path: Path, timeout: float = 3600) -> None:
    """Until `path` exists, or the build ended (rc) without making it."""
    deadline = time.monotonic() + timeout
    while not path.exists() and not (path.parent / "rc").exists():
        if time.monotonic() > deadline:
            pytest.fail(f"`make book` did not finish in {timeout:.0f} s")
        time.sleep(1)


@pytest.fixture(scope="session")
def tree_before_build():
    """`git status` (with file hashes) before the book is built: the build must leave it as it was."""
    folder = _folder()
    _start_background_build(folder, BOOK_STAGES)  # no-op when collection started it
    _wait_for(folder / "tree.json")
    return json.loads((folder / "tree.json").read_text(encoding="utf-8"))


def _built(stage: str) -> Path:
    """The main build's folder once `stage` has ended; the test fails with the log's tail if the build failed first."""
    folder = _folder()
    _wait_for(folder / f"{stage}.done")
    if not (folder / f"{stage}.done").exists():
        log = (folder / "log").read_text(encoding="utf-8", errors="replace")
        tail = "\n".join(log.splitlines()[-60:])
        pytest.fail(f"`make book` failed:\n{tail}")
    return BUILD


@pytest.fixture(scope="session")
def built_html(tree_before_build):
    """The site (`make html`, strict), built with the Makefile's own commands, once per session."""
    return _built("html")


@pytest.fixture(scope="session")
def built_pdf(built_html):
    """The site and the PDF (`make pdf`): the LaTeX sources, log and PDF in latex/ stay as they are from then on."""
    return _built("pdf")


@pytest.fixture(scope="session")
def built_book(built_pdf):
    """The whole book (`make book`: also one PDF a chapter, the EPUB and the downloads copied into the site)."""
    folder = _built("book")
    _wait_for(_folder() / "rc")  # written just after the last stage's mark
    assert (_folder() / "rc").read_text().strip() == "0"
    return folder


def _derived(path: Path) -> dict[str, str]:
    """{file name: sha256} from `sha256sum` lines."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return {Path(name).name: digest for digest, name in (line.split(maxsplit=1) for line in lines)}


@pytest.fixture(scope="session")
def repro_book(built_book):
    """The reproducibility test's clean build (repro_cmd), started beside the main one: (its output folder, its log,
    data/derived/'s hashes {before either build, when the main build ended, when this one ended})."""
    folder = _folder("repro")
    _start_background_build(folder, repro_cmd(folder / "b"), REPRO_NICE)  # no-op when collection started it
    _wait_for(folder / "rc")
    log = (folder / "log").read_text(encoding="utf-8", errors="replace")
    assert (folder / "rc").read_text().strip() == "0", log[-3000:]
    hashes = {"before": _derived(folder / "derived-before"), "main": _derived(_folder() / "derived-after"),
              "repro": _derived(folder / "derived-after")}
    return folder / "b", log, hashes


@pytest.fixture(scope="session")
def toc_pages():
    """Docnames of the book being tested, in reading order, read from its _toc.yml (never a fixed list)."""
    from nqpf.render.notebooks import toc_pages as pages

    return pages(TOC)


@pytest.fixture(scope="session")
def html_dir(built_html):
    """The site's folder: its pages; the PDFs, EPUB and data zip are copied in by the last stage (built_book)."""
    return built_html / "html"


@pytest.fixture(scope="session")
def pdf_path(built_pdf):
    return built_pdf / "latex" / "nqpf-book.pdf"


@pytest.fixture(scope="session")
def pdf_text(pdf_path):
    return run(["pdftotext", "-layout", str(pdf_path), "-"]).stdout


@pytest.fixture(scope="session")
def search_terms(html_dir):
    """All words of Sphinx's search index (body and title terms)."""
    text = (html_dir / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    return set(index["terms"]) | set(index["titleterms"])
