"""Reader paths without a build: notebooks from the MyST sources, launch links, and the data catalogue."""

from __future__ import annotations

import sys

import jupytext
import nbformat

from nqpf.core import data, usage
from nqpf.render import datacat, notebooks
from nqpf.sphinx.reader import launch_url, mathjax_dir
from tests.helpers import ROOT, run

SAMPLE_TOC = """format: jb-book
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
    toc.write_text(SAMPLE_TOC, encoding="utf-8")
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


def test_the_loader_records_what_the_page_being_built_loads(tmp_path):
    """A page's kernel inherits NQPF_DOCNAME; every file it loads, through any module, lands in its record."""
    code = ("from nqpf.analysis import tfp\nfrom nqpf.core import data\n"
            "tfp.pwt('11.0'); data.load('cn_rd_intensity'); data.load('cn_rd_intensity')")
    for docname in ("book/a", "book/b"):
        proc = run([sys.executable, "-c", code if docname == "book/a" else "from nqpf.core import data; "
                    "data.load('cn_nominal_gdp')"], env={usage.DOCNAME: docname, usage.DIR: str(tmp_path)})
        assert proc.returncode == 0, proc.stderr
    usage.write_pages(["book/a", "book/b", "book/data_catalogue"], tmp_path)
    records = usage.read(tmp_path)
    assert records["book/a"] == ["data/raw/cn_rd_intensity.csv", "data/raw/pwt110_selected.csv"]  # once each
    assert records["book/b"] == ["data/raw/cn_nominal_gdp.csv"]
    # a new execution of a page replaces its record
    proc = run([sys.executable, "-c", "from nqpf.core import data; data.load('cn_rd_expenditure')"],
               env={usage.DOCNAME: "book/a", usage.DIR: str(tmp_path)})
    assert proc.returncode == 0 and usage.read(tmp_path)["book/a"] == ["data/raw/cn_rd_expenditure.csv"]
    # ... even when it loads nothing (or only takes stock of every file)
    proc = run([sys.executable, "-c", "from nqpf.core import data; data.catalogue()"],
               env={usage.DOCNAME: "book/a", usage.DIR: str(tmp_path)})
    assert proc.returncode == 0 and usage.read(tmp_path)["book/a"] == []


def test_taking_stock_of_every_file_is_not_using_it(tmp_path):
    code = "from nqpf.core import data\ndata.catalogue(); data.validate_all(); data.load('cn_nominal_gdp')"
    proc = run([sys.executable, "-c", code], env={usage.DOCNAME: "book/r", usage.DIR: str(tmp_path)})
    assert proc.returncode == 0, proc.stderr
    assert usage.record_path("book/r", tmp_path).read_text(encoding="utf-8") == "data/raw/cn_nominal_gdp.csv\n"


def test_outside_a_build_nothing_is_recorded(tmp_path, monkeypatch):
    monkeypatch.delenv(usage.DOCNAME, raising=False)
    monkeypatch.setenv(usage.DIR, str(tmp_path))
    data.validate(data.resolve("cn_rd_intensity"))
    assert not list(tmp_path.iterdir())


def test_catalogue_rows_come_from_the_record(tmp_path):
    (tmp_path / "book").mkdir()
    records = {"book/intro": ["data/raw/x.csv"], "book/tfp": ["data/raw/x.csv", "data/raw/y.csv"],
               "book/data_catalogue": ["data/raw/x.csv", "data/raw/y.csv", "data/raw/z.csv"]}
    used = datacat.usage_by_file(records)
    assert used == {"data/raw/x.csv": [notebooks.title(ROOT / "book/intro.md"), notebooks.title(ROOT / "book/tfp.md")],
                    "data/raw/y.csv": [notebooks.title(ROOT / "book/tfp.md")]}
