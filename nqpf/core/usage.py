"""Which data files each page of the book loads, recorded where it happens.

During a build each page's notebook runs in a kernel started with ``NQPF_DOCNAME`` (the page) and ``NQPF_USAGE_DIR``
(``_build/.data-usage``) in that kernel's own environment (:func:`nqpf.sphinx.preexecute.execute_notebook`, used by
the pre-execution and by the Sphinx extension; the builder's own environment is never changed), and every file
the data loader validates is noted in ``<NQPF_USAGE_DIR>/<docname>.txt``. The data catalogue reads these records, so
it lists what a chapter really loads, through whatever module. Outside a build (no ``NQPF_DOCNAME``) nothing is written.

Importing this module writes nothing. A kernel's record is started afresh by :func:`begin`, called explicitly or by
the first :func:`note` of the process (a paused one too), so an execution's record replaces the last one's.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

from nqpf.core.paths import BUILD, rel

DOCNAME = "NQPF_DOCNAME"
DIR = "NQPF_USAGE_DIR"
PAGES = "_pages.txt"  # the pages of the current build (written by the Sphinx extension)

_paused = 0


def record_dir() -> Path:
    return Path(os.environ.get(DIR) or BUILD / ".data-usage")


def record_path(docname: str, folder: Path | None = None) -> Path:
    return (folder or record_dir()) / f"{docname}.txt"


def note(path) -> None:
    """Note that the page being built loads ``path`` (a no-op outside a build)."""
    if not _elsewhere:
        for files in _collecting:
            files.setdefault(rel(path))
    begin()
    docname = os.environ.get(DOCNAME)
    if not docname or _paused:
        return
    record = record_path(docname)
    record.parent.mkdir(parents=True, exist_ok=True)
    record.touch()
    name = rel(path)
    if name not in record.read_text(encoding="utf-8").split("\n"):
        with open(record, "a", encoding="utf-8") as fh:
            fh.write(name + "\n")


_collecting: list[dict[str, None]] = []
_elsewhere = 0


@contextmanager
def credited_to(page: str):
    """The files loaded in the block are ``page``'s, not the running page's: in a build they are noted in that page's
    record, and no block of :func:`collected` counts them (the fact-check appendix owns what its checks read)."""
    global _elsewhere
    running = os.environ.get(DOCNAME)
    _elsewhere += 1
    if running:  # outside a build nothing is recorded anyway
        os.environ[DOCNAME] = page
    try:
        yield
    finally:
        _elsewhere -= 1
        if running:
            os.environ[DOCNAME] = running


@contextmanager
def collected():
    """The files noted while the block runs (paused or not, in a build or not; paths relative to the project, in the
    order first noted): what a cached computation read, so that the page it is for can be credited again when the
    result comes from the cache (nqpf.analysis.findings)."""
    files: dict[str, None] = {}
    _collecting.append(files)
    try:
        yield files
    finally:
        _collecting[:] = [f for f in _collecting if f is not files]  # by identity: two empty records are equal


@contextmanager
def paused():
    """Loads that only take stock of every file (the catalogue, checksums) do not make a page a user of them."""
    global _paused
    _paused += 1
    try:
        yield
    finally:
        _paused -= 1


def write_pages(docnames, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / PAGES).write_text("".join(f"{d}\n" for d in sorted(docnames)), encoding="utf-8")


def digest_cell(folder: Path) -> str:
    """The code cell put at the end of a page that reads the record (the data catalogue) when it is read: the hash
    of the record of every page that loaded something, so the notebook cache runs the page again when the record
    changes. Pages that load nothing add nothing to the catalogue: they count as such once they have run (the
    catalogue itself among them)."""
    import hashlib

    records = {page: files for page, files in read(folder).items() if files}
    digest = hashlib.sha256(repr(sorted(records.items())).encode()).hexdigest()[:16]
    return f"\n```{{code-cell}} ipython3\n:tags: [remove-cell]\n# data usage record {digest}\n```\n"


def read(folder: Path | None = None) -> dict[str, list[str]]:
    """Docname -> data files (paths relative to the project) it loaded, for the pages of the last build."""
    folder = folder or record_dir()
    listed = folder / PAGES
    if not listed.exists():
        return {}
    out = {}
    for docname in listed.read_text(encoding="utf-8").split():
        record = record_path(docname, folder)
        if record.exists():
            out[docname] = sorted(n for n in record.read_text(encoding="utf-8").split("\n") if n)
    return out


# The page whose kernel this process is: read (not written) at import, before any code may switch NQPF_DOCNAME to
# credit another page (nqpf.analysis.factcheck credits its loads to the fact-check appendix).
_PAGE = os.environ.get(DOCNAME)
_begun = False


def begin() -> None:
    """Start this process's page record afresh (once per process; a no-op outside a build). The old record goes,
    even if this execution then only takes stock of every file."""
    global _begun
    if _begun or not _PAGE:
        return
    _begun = True
    record = record_path(_PAGE)
    record.parent.mkdir(parents=True, exist_ok=True)
    record.write_text("", encoding="utf-8")
