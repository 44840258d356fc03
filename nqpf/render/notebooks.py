"""The book's pages as real Jupyter notebooks (for Colab, Binder, JupyterLab and `make notebooks`).

Chapters are MyST Markdown notebooks; jupytext turns them into ``.ipynb``. A first cell (tagged
``colab-setup``) fetches and installs the project when ``nqpf`` is not importable, as on Colab; anywhere else it
does nothing. Pages are discovered from the table of contents, never from a fixed list.
"""

from __future__ import annotations

import re
from pathlib import Path

import jupytext
import nbformat
import yaml

from nqpf.core.errors import UsageError
from nqpf.core.paths import ROOT

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


def to_notebook(path: Path, repo_url: str = "") -> nbformat.NotebookNode:
    nb = jupytext.read(path)
    nb.metadata.pop("jupytext", None)  # the .ipynb stands alone, not paired with the .md
    if repo_url:
        cell = nbformat.v4.new_code_cell(SETUP.format(repo=repo_url), metadata={"tags": ["colab-setup"]})
        nb.cells.insert(0, cell)
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i}"  # stable ids: identical files from identical sources
    return nb


def write_notebook(path: Path, dest: Path, repo_url: str = "") -> Path:
    dest.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(to_notebook(path, repo_url), dest)
    return dest


def execute(nb: nbformat.NotebookNode, cwd: Path, timeout: int = 600) -> nbformat.NotebookNode:
    from nbclient import NotebookClient

    NotebookClient(nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}).execute()
    return nb


def write_all(out: Path, toc: Path | str | None = None, run: bool = False, repo_url: str = "",
              pages: list[str] | None = None) -> list[dict]:
    """Write every notebook page of the toc (or the named pages) as ``out/<docname>.ipynb``."""
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
        nb = to_notebook(src, repo_url)
        if run:
            execute(nb, src.parent)
        dest = Path(out) / f"{docname}.ipynb"
        dest.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, dest)  # same writer as write_notebook
        rows.append({"page": docname, "title": title(src), "notebook": str(dest), "executed": run,
                     "cells": len(nb.cells)})
    return rows
