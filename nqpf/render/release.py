"""A release of the book: one version set in every place that states it, and a folder of files with checksums.

``make release VERSION=x.y.z`` calls :func:`set_version` (CITATION.cff — which the book's citation, its BibTeX
entry and the data package read — and pyproject.toml), builds the site, the PDF, the EPUB and the data package,
records the edition's glued values (``data/editions/x.y.z.csv``) and then :func:`assemble`: a folder
``_build/release/x.y.z/`` holding the site as a ``.tar.gz``, the whole-book PDF, the per-chapter PDFs, the EPUB,
the data package zip and ``SHA256SUMS`` (``sha256sum -c SHA256SUMS`` checks them). A release needs its entry in
CHANGELOG.md (what changed for readers); numbers are listed on the page 修订记录.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
import tarfile
from pathlib import Path

from nqpf.core.errors import UsageError
from nqpf.core.paths import ROOT
from nqpf.render import editions

__all__ = ["CHANGELOG", "set_version", "changelog_entry", "assemble", "sha256sums"]

CHANGELOG = ROOT / "CHANGELOG.md"
CFF = ROOT / "CITATION.cff"
PYPROJECT = ROOT / "pyproject.toml"


def _sub(pattern: str, repl: str, text: str, where: str) -> str:
    new, n = re.subn(pattern, repl, text, flags=re.M)
    if n == 0:
        raise UsageError(f"{where}: no line matches {pattern!r}; cannot set the version there")
    return new


def set_version(version: str, date: str | None = None, cff: Path = CFF, pyproject: Path = PYPROJECT) -> dict:
    """Write ``version`` and the release date into CITATION.cff (both ``version`` fields and ``date-released``)
    and pyproject.toml; everything else (the book's citation, BibTeX, the data package) reads CITATION.cff."""
    editions.version_key(version)
    date = date or dt.date.today().isoformat()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        raise UsageError(f"a release date is YYYY-MM-DD, not {date!r}")
    text = cff.read_text(encoding="utf-8")
    text = _sub(r'^(\s*version:\s*)"?[^"\n]*"?\s*$', rf'\g<1>"{version}"', text, cff.name)
    text = _sub(r"^(date-released:\s*)['\"]?[^'\"\n]*['\"]?\s*$", rf'\g<1>"{date}"', text, cff.name)
    text = _sub(r"^(\s*year:\s*)\d{4}\s*$", rf"\g<1>{date[:4]}", text, cff.name)
    cff.write_text(text, encoding="utf-8")
    py = pyproject.read_text(encoding="utf-8")
    pyproject.write_text(_sub(r'^(version\s*=\s*)"[^"]*"', rf'\g<1>"{version}"', py, pyproject.name),
                         encoding="utf-8")
    return {"version": version, "date": date}


def changelog_entry(version: str, path: Path = CHANGELOG) -> str:
    """The CHANGELOG.md section of ``version`` (a heading ``## [x.y.z]``); a release without one is refused."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    m = re.search(rf"^## \[{re.escape(version)}\][^\n]*\n(.*?)(?=^## \[|\Z)", text, flags=re.M | re.S)
    if not m or not m.group(1).strip():
        raise UsageError(f"CHANGELOG.md has no entry '## [{version}]': say what changed for readers first")
    return m.group(1).strip()


def sha256sums(folder: Path) -> str:
    """``sha256sum`` format (two spaces, relative paths), every file below ``folder`` but SHA256SUMS itself."""
    lines = []
    for p in sorted(folder.rglob("*")):
        if p.is_file() and p.name != "SHA256SUMS":
            lines.append(f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.relative_to(folder).as_posix()}")
    return "\n".join(lines) + "\n"


def assemble(version: str, build: Path, dest: Path | None = None) -> Path:
    """The release folder from a finished build (``<build>/_build``): site archive, PDFs, EPUB, data, sums."""
    editions.version_key(version)
    changelog_entry(version)
    b = Path(build) / "_build"
    dest = Path(dest) if dest else b / "release" / version
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    html = b / "html"
    if not (html / "index.html").exists():
        raise UsageError(f"no built site in {html} (run make book first)")
    with tarfile.open(dest / f"nqpf-book-{version}-site.tar.gz", "w:gz") as tar:
        tar.add(html, arcname=f"nqpf-book-{version}-site")
    wanted = {"nqpf-book.pdf": f"nqpf-book-{version}.pdf", "nqpf-data.zip": f"nqpf-data-{version}.zip"}
    for name, out in wanted.items():
        src = html / name
        if not src.exists():
            raise UsageError(f"the release needs {src} (make book builds it)")
        shutil.copy2(src, dest / out)
    epubs = sorted((b / "epub").glob("*.epub")) if (b / "epub").is_dir() else []
    for src in epubs:
        shutil.copy2(src, dest / f"nqpf-book-{version}.epub")
    chapters = html / "_downloads" / "chapters"
    if chapters.is_dir():
        for src in sorted(chapters.glob("*.pdf")):
            (dest / "chapters").mkdir(exist_ok=True)
            shutil.copy2(src, dest / "chapters" / src.name)
    shutil.copy2(CHANGELOG, dest / "CHANGELOG.md")
    shutil.copy2(CFF, dest / "CITATION.cff")
    (dest / "SHA256SUMS").write_text(sha256sums(dest), encoding="utf-8")
    return dest
