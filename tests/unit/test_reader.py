"""Reader paths without a build: notebooks from the MyST sources, launch links, and the data catalogue."""

from __future__ import annotations

import jupytext
import nbformat

from nqpf.render import datacat, notebooks
from nqpf.sphinx.reader import launch_url, mathjax_dir
from tests.helpers import ROOT, TOC


def test_toc_pages_in_reading_order(tmp_path):
    toc = tmp_path / "_toc.yml"
    toc.write_text(TOC, encoding="utf-8")
    assert notebooks.toc_pages(toc) == ["book/index", "book/intro", "book/reproducibility"]
    assert notebooks.toc_pages()[0] == "book/index"


def test_notebook_has_the_chapter_cells_and_a_colab_setup_cell():
    src = ROOT / "book" / "intro.md"
    nb = notebooks.to_notebook(src, repo_url="https://github.com/o/r")
    nbformat.validate(nb)
    assert nb.cells[0].metadata["tags"] == ["colab-setup"]
    assert '"https://github.com/o/r"' in nb.cells[0].source
    code = [c.source for c in jupytext.read(src).cells if c.cell_type == "code"]
    assert [c.source for c in nb.cells[1:] if c.cell_type == "code"] == code
    assert nb.metadata["kernelspec"]["name"] == "python3"
    # Same source, same file: stable cell ids, no timestamps.
    assert nbformat.writes(nb) == nbformat.writes(notebooks.to_notebook(src, repo_url="https://github.com/o/r"))
    assert notebooks.to_notebook(src).cells[0].metadata.get("tags") != ["colab-setup"]


def test_launch_urls_point_at_notebooks():
    colab = "https://colab.research.google.com/github/o/r/blob/main/book/tfp.md"
    binder = "https://mybinder.org/v2/gh/o/r/main?urlpath=lab/tree/book/tfp.md"
    assert launch_url("Colab", colab, "book/tfp", "notebooks") == (
        "https://colab.research.google.com/github/o/r/blob/notebooks/book/tfp.ipynb")
    assert launch_url("Binder", binder, "book/tfp", "notebooks") == (
        "https://mybinder.org/v2/gh/o/r/main?urlpath=lab/tree/book/tfp.ipynb")


def test_mathjax_comes_from_the_pinned_package():
    folder = mathjax_dir()
    assert (folder / "tex-chtml.js").stat().st_size > 500_000
    assert "3.2.2" in (folder / "core.js").read_text(encoding="utf-8")[:200_000]


def test_usage_scan_finds_direct_and_module_loads(tmp_path):
    book, pkg = tmp_path / "book", tmp_path / "nqpf"
    book.mkdir()
    pkg.mkdir()
    (pkg / "growth.py").write_text('def f():\n    return data.load("pwt110_selected")\n', encoding="utf-8")
    (book / "a.md").write_text('# 甲章\n```{code-cell} ipython3\nfrom nqpf import growth, data\n'
                               "df = data.load('cn_rd_intensity.csv')\n```\n", encoding="utf-8")
    (book / "b.md").write_text('# 乙章\n```{code-cell} ipython3\nimport nqpf.growth\n```\n', encoding="utf-8")
    assert datacat.usage(book, pkg) == {"cn_rd_intensity": ["甲章"], "pwt110_selected": ["甲章", "乙章"]}
