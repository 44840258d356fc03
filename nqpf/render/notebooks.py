"""The book's pages as real Jupyter notebooks (for Colab, Binder, JupyterLab and `make notebooks`).

Chapters are MyST Markdown notebooks; jupytext turns them into ``.ipynb``. A first cell (tagged
``colab-setup``) fetches and installs the project when ``nqpf`` is not importable, as on Colab; anywhere else it
does nothing. Pages are discovered from the table of contents, never from a fixed list.

Plain Jupyter shows MyST markup literally, so the Markdown cells are rewritten for it (:func:`plain_markdown`):
``{glue:text}`` references become the values the build computed (a note at the top says that the cells recompute
them), quotations, equations, admonitions and cross-references become plain Markdown.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import yaml

from nqpf.core import seeds
from nqpf.core.errors import NqpfError, UsageError
from nqpf.core.paths import ROOT

if TYPE_CHECKING:  # nbformat and jupytext (3 s of imports) load only where notebooks are read or written
    import nbformat

SITE_FOLDER = "_notebooks"  # inside the built site: _build/html/_notebooks/book/<chapter>.ipynb

SETUP = '''\
# Set-up for Colab or any fresh kernel: fetch the project and install its pinned environment.
# Does nothing where the nqpf package is already importable (a local checkout, Binder, `make notebooks`).
import importlib.util, os, subprocess, sys
if importlib.util.find_spec("nqpf") is None:
    if not os.path.isdir("nqpf-book"):
        subprocess.run(["git", "clone", "--depth", "1", "{repo}", "nqpf-book"], check=True)
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "-r", "nqpf-book/requirements.txt"], check=True)
    sys.path.insert(0, os.path.abspath("nqpf-book"))
    os.chdir("nqpf-book/book")'''


GLUE_NOTE = (
    "> **说明**：这是《新质生产力》研究文集的一章。正文中的数字是构建本书时由下面的代码单元算出并填入的"
    "（书中用 `glue` 粘贴）；重新运行代码单元会重新计算它们，但不会自动改写正文。"
)
GLUE_MISSING = "（运行后可见）"
_GLUE = re.compile(r"\{glue(?::text)?\}`([^`]+)`")
_ROLE = re.compile(r"\{(seed|numref|ref|eq|doc)\}`([^`]+)`")
_FENCE = re.compile(r"^(?P<fence>`{3,}|:{3,})\{(?P<name>[\w:-]+)\}[ \t]*(?P<arg>[^\n]*)\n"
                    r"(?P<body>.*?)^(?P=fence)[ \t]*$",
                    re.M | re.S)
_LABEL = re.compile(r"^\([\w:.-]+\)=[ \t]*\n", re.M)
_OPTION = re.compile(r"^:[\w-]+:.*\n?", re.M)
_ADMONITION_ZH = {"note": "注", "tip": "提示", "warning": "注意", "important": "重要", "seealso": "另见"}


def glue_values(nb: nbformat.NotebookNode | None = None, glue_json: Path | None = None) -> dict[str, str]:
    """Glued values (their ``text/plain``) of an executed notebook, or of myst-nb's ``<page>.glue.json``."""
    found: dict[str, dict] = {}
    if glue_json is not None and Path(glue_json).exists():
        found.update(json.loads(Path(glue_json).read_text(encoding="utf-8")))
    for cell in (nb.cells if nb is not None else []):
        for out in cell.get("outputs", []):
            name = out.get("metadata", {}).get("scrapbook", {}).get("name")
            if name:
                found[name] = out
    values = {}
    for name, out in found.items():
        data = out.get("data", {})
        text = data.get("text/plain", data.get("application/papermill.record/text/plain"))
        if text is not None:
            values[name] = "".join(text) if isinstance(text, list) else str(text)
    return values


def glue_text(key: str, values: dict[str, str]) -> str:
    """What ``{glue:text}`key:fmt``` shows in the book (same formatting as myst-nb)."""
    from myst_nb.core.variables import format_plain_text

    name, _, spec = key.partition(":")
    if name not in values:
        return GLUE_MISSING
    return format_plain_text(values[name], spec)


def _seed_cite(ref: str) -> str:
    try:
        return seeds.cite(*seeds.parse_ref(ref))
    except (ValueError, NqpfError):
        return f"〔{ref}〕"


def plain_markdown(text: str, values: dict[str, str], resolve: Callable[[str, str], str] | None = None) -> str:
    """A MyST Markdown cell as plain Markdown that Jupyter shows as the book does.

    ``resolve(role, target)`` names a cross-reference (e.g. ``("numref", "fig-x") -> "图 3.2"``); without it the
    reference becomes a neutral phrase.
    >>> plain_markdown("增长 {glue:text}`g:.1f`%（{numref}`fig-g`）", {"g": "6.96"})
    '增长 7.0%（书中的图表）'
    """
    def role(m):
        kind, target = m.group(1), m.group(2)
        if kind == "seed":
            return _seed_cite(target)
        if resolve:
            named = resolve(kind, target)
            if named:
                return named
        label = re.sub(r"^.*<(.+)>$", r"\1", target)
        return {"numref": "书中的图表", "eq": "书中的公式", "ref": "书中相关一节", "doc": "书中相关一章"}[kind] \
            if label == target else re.sub(r"\s*<.+>$", "", target)

    def fence(m):
        name, arg, body = m.group("name"), m.group("arg").strip(), m.group("body")
        if name == "seedquote":
            quote = body.strip()
            return f"> “{quote}”\n>\n> ——{_seed_cite(arg)}\n"
        if name == "math":
            return "$$\n" + _OPTION.sub("", body).strip() + "\n$$\n"
        if name in ("admonition", "dropdown", *_ADMONITION_ZH):
            title = arg or _ADMONITION_ZH.get(name, "")
            inner = _OPTION.sub("", body).strip()
            lines = [f"**{title}**", ""] + inner.splitlines() if title else inner.splitlines()
            return "\n".join("> " + ln if ln else ">" for ln in lines) + "\n"
        if name == "only":
            return body if arg == "html" else ""
        if name in ("nb-exec-table", "tabularcolumns", "raw"):
            return ""
        if name in ("table", "figure"):
            return (f"**{arg}**\n\n" if arg else "") + _OPTION.sub("", body).strip() + "\n"
        return body

    text = _LABEL.sub("", text)
    for _ in range(3):  # nested fences (an admonition holding a quotation)
        text = _FENCE.sub(fence, text)
    text = _GLUE.sub(lambda m: glue_text(m.group(1), values), text)
    text = _ROLE.sub(role, text)
    return text.replace("{{ build_commit }}", "（见书中附录）")


def for_jupyter(nb: nbformat.NotebookNode, values: dict[str, str],
                resolve: Callable[[str, str], str] | None = None) -> nbformat.NotebookNode:
    """Rewrite every Markdown cell for plain Jupyter and put the note about glued numbers first."""
    import nbformat

    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = plain_markdown(cell.source, values, resolve)
    if not any(GLUE_NOTE in c.source for c in nb.cells if c.cell_type == "markdown"):
        first = 1 if nb.cells and "colab-setup" in nb.cells[0].get("metadata", {}).get("tags", []) else 0
        nb.cells.insert(first, nbformat.v4.new_markdown_cell(GLUE_NOTE, metadata={"tags": ["nqpf-note"]}))
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i}"
    return nb


def toc_pages(toc: Path | str | None = None) -> list[str]:
    """Docnames in reading order (root first), from a Jupyter Book ``_toc.yml``."""
    from sphinx_external_toc.parsing import parse_toc_yaml

    path = Path(toc) if toc else ROOT / "_toc.yml"
    if not path.exists():
        raise UsageError(f"no table of contents at {path}")
    site = parse_toc_yaml(path)
    order: list[str] = []

    def walk(name: str) -> None:
        order.append(name)
        for subtree in site[name].subtrees:
            for item in subtree.items:
                if isinstance(item, str):
                    walk(item)

    walk(site.root.docname)
    return order


def source(docname: str, root: Path = ROOT) -> Path:
    for suffix in (".md", ".ipynb"):
        path = root / f"{docname}{suffix}"
        if path.exists():
            return path
    raise UsageError(f"no source file for page '{docname}'")


def title(path: Path) -> str:
    """The page's H1 (MyST), e.g. 导言."""
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        m = re.match(r"#\s+(.+?)\s*$", line)
        if m:
            return m.group(1)
    return Path(path).stem


def is_notebook(path: Path) -> bool:
    """A MyST page with a jupytext header and a kernel (the chapters); plain pages like the index are not."""
    text = Path(path).read_text(encoding="utf-8")
    if not text.startswith("---"):
        return False
    front = yaml.safe_load(text.split("---", 2)[1]) or {}
    return "kernelspec" in front


def to_notebook(path: Path, repo_url: str = "", values: dict[str, str] | None = None,
                resolve: Callable[[str, str], str] | None = None, plain: bool = True) -> nbformat.NotebookNode:
    """A chapter as a notebook; ``plain``: Markdown rewritten for plain Jupyter with the glued ``values``."""
    import jupytext
    import nbformat

    nb = jupytext.read(path)
    nb.metadata.pop("jupytext", None)  # the .ipynb stands alone, not paired with the .md
    if repo_url:
        cell = nbformat.v4.new_code_cell(SETUP.format(repo=repo_url), metadata={"tags": ["colab-setup"]})
        nb.cells.insert(0, cell)
    if plain:
        for_jupyter(nb, values or {}, resolve)
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i}"  # stable ids: identical files from identical sources
    return nb


def write_notebook(path: Path, dest: Path, repo_url: str = "", values: dict[str, str] | None = None,
                   resolve: Callable[[str, str], str] | None = None) -> Path:
    import nbformat

    dest.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(to_notebook(path, repo_url, values, resolve), dest)
    return dest


def execute(nb: nbformat.NotebookNode, cwd: Path, timeout: int = 600) -> nbformat.NotebookNode:
    from nbclient import NotebookClient

    NotebookClient(nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}).execute()
    return nb


def write_all(out: Path, toc: Path | str | None = None, run: bool = False, repo_url: str = "",
              pages: list[str] | None = None) -> list[dict]:
    """Write every notebook page of the toc (or the named pages) as ``out/<docname>.ipynb``."""
    import nbformat

    chosen = toc_pages(toc)
    if pages:
        unknown = sorted(set(pages) - set(chosen))
        if unknown:
            raise UsageError(f"not in the table of contents: {', '.join(unknown)}")
        chosen = [p for p in chosen if p in pages]
    rows = []
    for docname in chosen:
        src = source(docname)
        if not is_notebook(src):
            continue
        nb = to_notebook(src, repo_url, plain=False)
        if run:
            execute(nb, src.parent)
        for_jupyter(nb, glue_values(nb))  # after running, the text shows the computed numbers
        dest = Path(out) / f"{docname}.ipynb"
        dest.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, dest)  # same writer as write_notebook
        rows.append({"page": docname, "title": title(src), "notebook": str(dest), "executed": run,
                     "cells": len(nb.cells)})
    return rows
