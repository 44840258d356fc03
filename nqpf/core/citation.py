"""How to cite the book: read CITATION.cff and render it as a sentence and as a BibTeX entry.

The appendix 复现与环境 prints both with the git commit of the build (``nqpf.sphinx.apparatus``).
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from nqpf.core.paths import ROOT

CFF = ROOT / "CITATION.cff"
# `repository-code` is optional: until the book has a public repository, the citation prints no URL at all.
REQUIRED = ("cff-version", "message", "title", "authors", "version", "date-released", "license")
PLACEHOLDERS = ("EXAMPLE-ORG", "example.org", "example.com")


def url(meta: dict) -> str:
    """The book's public URL, or '' when none is configured (absent, empty or a placeholder).

    >>> url({"repository-code": "https://github.com/EXAMPLE-ORG/nqpf-book"}), url({})
    ('', '')
    """
    value = str(meta.get("repository-code") or meta.get("url") or "").strip()
    return value if value.startswith("https://") and not any(p in value for p in PLACEHOLDERS) else ""


def load(path: Path = CFF) -> dict:
    """CITATION.cff as a dict; stops with the file and the missing keys when it is incomplete."""
    meta = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    missing = [k for k in REQUIRED if k not in (meta or {})]
    if missing:
        raise ValueError(f"{path}: missing {', '.join(missing)}")
    return meta


def _authors(meta: dict) -> list[str]:
    out = []
    for a in meta["authors"]:
        out.append(a.get("name") or " ".join(x for x in (a.get("given-names"), a.get("family-names")) if x))
    return out


def year(meta: dict) -> str:
    return str(meta["date-released"])[:4]


def sentence(meta: dict, commit: str) -> str:
    """GB/T 7714-like: 作者. 题名[M/OL]. 版本, 年. 网址（git 提交 …）; [M] and no URL without a public repository.

    >>> meta = {"authors": [{"name": "编写组"}], "title": "《书》", "version": "1.0", "date-released": "2026-12-02"}
    >>> sentence({**meta, "repository-code": "https://x.org/b"}, "abc")
    '编写组. 《书》[M/OL]. 版本 1.0, 2026. https://x.org/b（git 提交 abc）.'
    >>> sentence(meta, "abc")
    '编写组. 《书》[M]. 版本 1.0, 2026（git 提交 abc）.'
    >>> sentence({**meta, "doi": "10.5281/zenodo.1"}, "abc")  # a release deposited for a DOI
    '编写组. 《书》[M]. 版本 1.0, 2026. DOI: 10.5281/zenodo.1（git 提交 abc）.'
    """
    head = f"{'，'.join(_authors(meta))}. {meta['title']}"
    link = url(meta)
    doi = f". DOI: {meta['doi']}" if meta.get("doi") else ""
    if link:
        return f"{head}[M/OL]. 版本 {meta['version']}, {year(meta)}. {link}{doi}（git 提交 {commit}）."
    return f"{head}[M]. 版本 {meta['version']}, {year(meta)}{doi}（git 提交 {commit}）."


def bibtex(meta: dict, commit: str) -> str:
    """A BibTeX @book entry for the book, the commit in `note`; corporate authors braced."""
    key = "nqpf" + year(meta)
    commit = re.sub(r"[{}]", "", commit)
    authors = " and ".join("{" + a + "}" for a in _authors(meta))
    fields = [("author", authors), ("title", meta["title"]), ("year", year(meta)),
              ("edition", f"version {meta['version']}"), ("url", url(meta)), ("doi", meta.get("doi", "")),
              ("note", f"git commit {commit}")]
    fields = [(k, v) for k, v in fields if v]  # no url field without a public repository
    body = ",\n".join(f"  {k:<7} = {{{v}}}" for k, v in fields)
    return f"@book{{{key},\n{body},\n}}"
