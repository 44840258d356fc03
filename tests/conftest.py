"""Shared fixtures (helper functions are in tests/helpers.py). Tests marked `build` use the book built once per
session by `make book`.

`make test` runs pytest on every core (pytest-xdist, `-n $(JOBS) --dist loadgroup`). The book is built once, by
one `make book` started in the background as soon as a collected test needs it, so the tests that do not need it
(unit, command line, mini-books) run on both cores meanwhile; the tests that read the built book wait for that one
build. Control files (the build's log, exit code and the tree's state before it) live in one folder shared by the
pytest processes of the session (NQPF_TEST_SHARED). Tests that read the book are scheduled last, each test file's
on one worker (pytest_xdist_make_scheduler below).

The reproducibility test's clean build (`make html` into a folder of its own, with caches of its own) starts in the
background at the same moment, beside the main build, at a lower priority: it fills the cores the main build and the
unit tests leave idle instead of running after the main build. NQPF_TEST_BUILT=1 takes the book in NQPF_TEST_OUT as
built (no `make book`), e.g. to rerun the tests of the built book while working on them.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from tests.helpers import BUILD, OUT, ROOT, TOC, mpl_config, run, tree_state

SHARED = "NQPF_TEST_SHARED"
BOOK_CMD = ["make", "book", f"OUT={OUT}", f"TOC={TOC}"]
PREBUILT = "NQPF_TEST_BUILT"
# The hashes of data/derived/ when a build ends (a build never writes data/: see test_repro).
DERIVED_CMD = "cd {root} && find data/derived -maxdepth 1 -type f ! -name '.*' -exec sha256sum {{}} + >{out}"


def pytest_configure(config):
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


def _needs_book(item) -> bool:
    return "built_book" in getattr(item, "fixturenames", ())


def _needs_repro(item) -> bool:
    return "repro_book" in getattr(item, "fixturenames", ())


def repro_cmd(out: Path) -> list[str]:
    """The reproducibility test's clean build: HTML only, its own folder and its own caches (segmentation, provinces,
    findings: `make test` exports the main build's)."""
    return ["nice", "-n", "10", "make", "html", f"OUT={out}", f"TOC={TOC}", f"NQPF_CACHE={out}/_build/.cache"]


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """The tests that need the book go last (every worker collects the same items and orders them the same way)."""
    book = [i for i in items if _needs_book(i)]
    # The reproducibility test's clean build runs beside the main build, at a lower priority: its test goes last.
    book.sort(key=lambda i: "test_repro" in i.nodeid)
    items[:] = [i for i in items if not _needs_book(i)] + book


@pytest.hookimpl(tryfirst=True)
def pytest_collection_finish(session):
    """Name the tests that need the book (for the scheduler) and start the book's build if one of them is selected;
    before xdist's own hook tells the controller the collection is complete."""
    book = [i.nodeid for i in session.items if _needs_book(i)]
    # Files whose tests must not run beside each other (marked one_worker) go to one worker as a book file does.
    together = book + [i.nodeid for i in session.items if i.get_closest_marker("one_worker")]
    part = Path(os.environ[SHARED]) / f"book-tests.{os.getpid()}"
    part.write_text(json.dumps(together), encoding="utf-8")
    part.rename(Path(os.environ[SHARED]) / "book-tests.json")
    if book and not session.config.option.collectonly:
        _start_background_build(_folder())
        if any(_needs_repro(i) for i in session.items):
            _start_background_build(_folder("repro"), repro_cmd(_folder("repro") / "b"))


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """`--dist loadgroup`: each test alone, except that a test file's tests that need the book (or are marked
    one_worker) go to one worker together (their module fixtures - a browser, a clean build - are made once; the
    make-level tests move one input's time and must not see another's), in collection order. pytest-xdist
    3.8's own loadgroup sets `item._nodeid`, which pytest 9 no longer reads, so its groups do nothing."""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    config.option.loadscopereorder = False  # keep the order: the book's tests last

    class BookFileScheduling(LoadScopeScheduling):
        book: set[str] | None = None

        def _split_scope(self, nodeid: str) -> str:
            if self.book is None:
                self.book = set(json.loads((Path(os.environ[SHARED]) / "book-tests.json").read_text("utf-8")))
            return nodeid.split("::")[0] if nodeid in self.book else nodeid

    return BookFileScheduling(config, log)


_PROCS: list[subprocess.Popen] = []


def _start_background_build(folder: Path, cmd: list[str] | None = None) -> None:
    """A build in the background, once per session (the first process to create the folder starts it): `make book`
    unless `cmd` names another. The folder gets the tree's state and data/derived/'s hashes before the build, the
    build's log, the hashes when it ended and its exit code (rc, written last)."""
    try:
        folder.mkdir(parents=True)
    except FileExistsError:
        return
    # The tree as it was before the build: the build must leave it so.
    (folder / "tree.part").write_text(json.dumps(tree_state()), encoding="utf-8")
    (folder / "tree.part").rename(folder / "tree.json")
    subprocess.run(DERIVED_CMD.format(root=shlex.quote(str(ROOT)), out=shlex.quote(str(folder / "derived-before"))),
                   shell=True, check=True)
    if cmd is None and os.environ.get(PREBUILT):
        (folder / "log").write_text(f"{PREBUILT}: the book in {OUT} is taken as built\n", encoding="utf-8")
        shutil.copy(folder / "derived-before", folder / "derived-after")
        (folder / "rc").write_text("0\n", encoding="utf-8")
        return
    # The shell writes the exit code when make ends, whichever pytest process is still alive then.
    derived = DERIVED_CMD.format(root='"$root"', out='"$0/derived-after"')
    script = f'root=$1; shift; "$@" >"$0/log" 2>&1; rc=$?; {derived}; echo $rc >"$0/rc.part"; mv "$0/rc.part" "$0/rc"'
    # A fresh matplotlib config folder would make the first chart of each build print "building the font cache" on
    # stderr (two builds at once race for it): the builds get one whose cache is built.
    proc = subprocess.Popen(["bash", "-c", script, str(folder), str(ROOT), *(cmd or BOOK_CMD)], cwd=ROOT,
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
    deadline = time.monotonic() + timeout
    while not path.exists():
        if time.monotonic() > deadline:
            pytest.fail(f"`make book` did not finish in {timeout:.0f} s")
        time.sleep(1)


@pytest.fixture(scope="session")
def tree_before_build():
    """`git status` (with file hashes) before the book is built: the build must leave it as it was."""
    folder = _folder()
    _start_background_build(folder)  # no-op when collection started it
    _wait_for(folder / "tree.json")
    return json.loads((folder / "tree.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def built_book(tree_before_build):
    """The whole book, built strictly (HTML and PDF) with the Makefile's own commands, once per session."""
    folder = _folder()
    _wait_for(folder / "rc")
    if (folder / "rc").read_text().strip() != "0":
        log = (folder / "log").read_text(encoding="utf-8", errors="replace")
        tail = "\n".join(log.splitlines()[-60:])
        pytest.fail(f"`make book` failed:\n{tail}")
    return BUILD


def _derived(path: Path) -> dict[str, str]:
    """{file name: sha256} from `sha256sum` lines."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return {Path(name).name: digest for digest, name in (line.split(maxsplit=1) for line in lines)}


@pytest.fixture(scope="session")
def repro_book(built_book):
    """The reproducibility test's clean build (repro_cmd), started beside the main one: (its output folder, its log,
    data/derived/'s hashes {before either build, when the main build ended, when this one ended})."""
    folder = _folder("repro")
    _start_background_build(folder, repro_cmd(folder / "b"))  # no-op when collection started it
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
def html_dir(built_book):
    return built_book / "html"


@pytest.fixture(scope="session")
def pdf_path(built_book):
    return built_book / "latex" / "nqpf-book.pdf"


@pytest.fixture(scope="session")
def pdf_text(pdf_path):
    return run(["pdftotext", "-layout", str(pdf_path), "-"]).stdout


@pytest.fixture(scope="session")
def search_terms(html_dir):
    """All words of Sphinx's search index (body and title terms)."""
    text = (html_dir / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    return set(index["terms"]) | set(index["titleterms"])
