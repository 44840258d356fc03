"""Reader paths without a build: notebooks from the MyST sources, launch links, and the data catalogue."""

from __future__ import annotations

import io
import json

import jupytext
import nbformat
import pandas as pd

from nqpf.core import data
from nqpf.render import datacat, notebooks
from nqpf.sphinx.reader import launch_url, mathjax_dir

from .conftest import ROOT, nqpf_cli

TOC = """format: jb-book
root: book/index
chapters:
  - file: book/intro
    sections:
      - file: book/reproducibility
  - url: https://example.org
    title: elsewhere
"""


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


def test_cli_writes_the_notebooks_of_the_toc(tmp_path):
    proc = nqpf_cli("notebooks", "book/intro", "--out", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert [r["page"] for r in rows] == ["book/intro"] and rows[0]["title"] == "导言"
    nb = nbformat.read(tmp_path / "book" / "intro.ipynb", as_version=4)
    assert not any(c.get("outputs") for c in nb.cells if c.cell_type == "code")  # not executed unless asked


def test_cli_notebooks_bad_arguments_one_line(tmp_path):
    for args, needle in ((["notebooks", "book/nope", "--out", str(tmp_path)], "not in the table of contents"),
                         (["notebooks", "--toc", str(tmp_path / "x.yml")], "no table of contents"),
                         (["notebooks", "--bogus"], "unrecognized arguments")):
        proc = nqpf_cli(*args)
        assert proc.returncode == 2 and needle in proc.stderr, proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr


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


def test_catalogue_covers_every_data_file_with_its_manifest_facts():
    cat = datacat.catalogue_with_usage()
    files = data.data_files()
    assert len(cat) == len(files)
    for path in files:
        meta = data.read_manifest(path)
        row = cat[cat["file"] == path.relative_to(ROOT).as_posix()].iloc[0]
        assert row["sha256"] == meta["sha256"] == data.sha256(path)
        assert row["rows"] == len(pd.read_csv(path))
        assert row["licence"] == meta["licence"]
    proc = nqpf_cli("catalogue", "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    assert len(pd.read_csv(io.StringIO(proc.stdout))) == len(files)
