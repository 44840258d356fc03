"""Reader paths without a build: notebooks from the MyST sources, launch links, and the data catalogue."""

from __future__ import annotations

import jupytext
import nbformat
import pytest

from nqpf.core import data, usage
from nqpf.render import datacat, notebooks
from nqpf.sphinx.reader import installed_mismatches, launch_url, mathjax_dir
from tests.helpers import ROOT, python_code, run

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


def test_the_sites_javascript_is_locked_with_integrity_hashes():
    """js/package.json asks for exact versions; the lock records each package's sha512 (npm ci checks it)."""
    import base64
    import json

    from nqpf.core import envinfo

    wanted = json.loads((ROOT / "js" / "package.json").read_text(encoding="utf-8"))["dependencies"]
    # MathJax 3.2.2 as the site has served it since the first edition; DataTables 2.3.8 (its latest 2.x release,
    # the version itables 2.9.1 bundled) with jQuery 3.7.1.
    assert wanted == {"mathjax": "3.2.2", "datatables.net": "2.3.8", "datatables.net-dt": "2.3.8", "jquery": "3.7.1"}
    locked = envinfo.js_packages()
    assert {name: p["version"] for name, p in locked.items()} == wanted  # nothing else is installed
    for name, p in locked.items():
        algorithm, _, digest = p["integrity"].partition("-")
        assert algorithm == "sha512" and len(base64.b64decode(digest)) == 64, name
    # Published by the npm registry for mathjax@3.2.2 (`npm view mathjax@3.2.2 dist.integrity`).
    assert locked["mathjax"]["integrity"].startswith("sha512-Bt+SSVU8eBG27zChVewOicYs7Xsdt40qm4")
    # The reproducibility table lists them.
    table = envinfo.versions().set_index("组件")["版本"]
    assert table["mathjax（npm）"] == "3.2.2" and table["datatables.net（npm）"] == "2.3.8"


def test_a_package_installed_at_another_version_is_named(tmp_path):
    lock = tmp_path / "package-lock.json"
    lock.write_text('{"packages": {"": {}, "node_modules/a": {"version": "1.0.0", "integrity": "sha512-x"}, '
                    '"node_modules/b": {"version": "2.0.0", "integrity": "sha512-y"}}}', encoding="utf-8")
    (tmp_path / "node_modules" / "a").mkdir(parents=True)
    (tmp_path / "node_modules" / "a" / "package.json").write_text('{"version": "1.0.0"}', encoding="utf-8")
    assert installed_mismatches(tmp_path / "node_modules", lock) == ["b missing (locked 2.0.0)"]
    (tmp_path / "node_modules" / "b").mkdir()
    (tmp_path / "node_modules" / "b" / "package.json").write_text('{"version": "2.1.0"}', encoding="utf-8")
    assert installed_mismatches(tmp_path / "node_modules", lock) == ["b 2.1.0 (locked 2.0.0)"]


def test_mathjax_comes_from_the_locked_npm_package():
    folder = mathjax_dir()
    if installed_mismatches():  # `make test` and `make html` install them first (`make js`)
        pytest.skip("the site's JavaScript is not installed: run `make js`")
    assert folder.parts[-3:] == ("node_modules", "mathjax", "es5")
    assert (folder / "tex-chtml.js").stat().st_size > 500_000
    assert "3.2.2" in (folder / "core.js").read_text(encoding="utf-8")[:200_000]


def test_table_controls_read_in_simplified_chinese():
    """Every string the reader sees in nqpf-tables.js is Chinese; DataTables' English defaults are all replaced."""
    import re

    js = (ROOT / "book" / "_static" / "nqpf-tables.js").read_text(encoding="utf-8")
    zh = js[js.index("const ZH"):js.index("};", js.index("const ZH"))]
    strings = dict(re.findall(r"(\w+): \"([^\"]*)\"", zh))
    # The defaults of DataTables 2.3.8 that appear on the page with our options (dataTables.js, `oLanguage`):
    # "Search:", "Showing _START_ to _END_ of ...", "No matching records found", the paging and sorting labels.
    for key in ("search", "info", "infoEmpty", "infoFiltered", "lengthMenu", "zeroRecords", "emptyTable",
                "first", "last", "next", "previous", "orderable", "orderableReverse", "orderableRemove"):
        assert re.search(r"[\u4e00-\u9fff]", strings[key]), key
    # No English word left (the _START_-style placeholders are DataTables' own, replaced by numbers).
    assert not re.search(r"[A-Za-z]{3,}", re.sub(r"_[A-Z]+_", "", "".join(strings.values())))
    assert "_START_" in strings["info"] and "_MENU_" in strings["lengthMenu"]


def test_the_loader_records_what_the_page_being_built_loads(tmp_path):
    """A page's kernel inherits NQPF_DOCNAME; every file it loads, through any module, lands in its record."""
    code = ("from nqpf.analysis import tfp\nfrom nqpf.core import data\n"
            "tfp.pwt('11.0'); data.load('cn_rd_intensity'); data.load('cn_rd_intensity')")
    for docname in ("book/a", "book/b"):
        proc = python_code(code if docname == "book/a" else "from nqpf.core import data; "
                           "data.load('cn_nominal_gdp')", env={usage.DOCNAME: docname, usage.DIR: str(tmp_path)})
        assert proc.returncode == 0, proc.stderr
    usage.write_pages(["book/a", "book/b", "book/data_catalogue"], tmp_path)
    records = usage.read(tmp_path)
    assert records["book/a"] == ["data/raw/cn_rd_intensity.csv", "data/raw/pwt110_selected.csv"]  # once each
    assert records["book/b"] == ["data/raw/cn_nominal_gdp.csv"]
    # a new execution of a page replaces its record
    proc = python_code("from nqpf.core import data; data.load('cn_rd_expenditure')",
                       env={usage.DOCNAME: "book/a", usage.DIR: str(tmp_path)})
    assert proc.returncode == 0 and usage.read(tmp_path)["book/a"] == ["data/raw/cn_rd_expenditure.csv"]
    # ... even when it loads nothing (or only takes stock of every file)
    proc = python_code("from nqpf.core import data; data.catalogue()",
                       env={usage.DOCNAME: "book/a", usage.DIR: str(tmp_path)})
    assert proc.returncode == 0 and usage.read(tmp_path)["book/a"] == []


def test_taking_stock_of_every_file_is_not_using_it(tmp_path):
    code = "from nqpf.core import data\ndata.catalogue(); data.validate_all(); data.load('cn_nominal_gdp')"
    proc = python_code(code, env={usage.DOCNAME: "book/r", usage.DIR: str(tmp_path)})
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


# ------------------------------------------------------------------------------------------- issue 23 (reader finish)

def test_catalogue_shows_readers_chinese_for_every_data_file():
    """Every data file has a Chinese source line, licence and publisher (the manifests' English notes are for
    developers); a new file without one fails here, naming it."""
    import re

    cat = datacat.catalogue_with_usage()
    missing = sorted(set(cat["file"]) - set(datacat.SOURCE_ZH))
    assert not missing, f"add a Chinese source line to nqpf/render/catalogue_zh.yml for {missing}"
    english = re.compile(r"\b(this project|quoted as facts|as cited per row|each row|transcription)\b", re.I)
    for col in ("source", "licence", "publisher", "class"):
        for file, text in zip(cat["file"], cat[col]):
            assert not english.search(str(text)), (file, col, text)
            assert not re.search(r"/(work|home|tmp|root)/", str(text)), (file, col, text)
    # The corpus names its public repositories and commits, nothing of a machine.
    corpus = dict(zip(cat["file"], cat["publisher"]))["data/corpus/manifest.csv"]
    assert "aldohemsn/chinese-political-corpora@99bc4b0" in corpus


def test_units_and_codes_read_in_chinese():
    from nqpf.render.labels import dash_ranges, zh

    assert [zh(c) for c in ("% of GDP", "per 10,000 people", "years", "end-June", "magnitude")] == \
        ["占 GDP 的 %", "每万人", "年", "6 月末", "量级"]
    assert zh("2021-2025 average") == "2021–2025 年年均"
    assert dash_ranges("1979-2012 与 2013—2019 年") == "1979–2012 与 2013–2019 年"
    assert dash_ranges("GB/T 7714-2015") == "GB/T 7714-2015"  # a standard's number is not a range


def test_chart_data_uses_the_en_dash_in_ranges():
    import pandas as pd

    from nqpf.render.chartdata import csv_text

    df = pd.DataFrame({"时期": ["1979-2012", "2013-2019"], "TFP": [1.5, 0.8]}).set_index("时期")
    assert csv_text(df) == "时期,TFP\n1979–2012,1.5\n2013–2019,0.8\n"


def test_a_table_of_formatted_numbers_gets_its_csv():
    import pandas as pd

    from nqpf.render.book import shows_numbers

    # Outcome tables format their figures as text before the table is built (13%, 9.9, 1,260,582).
    assert shows_numbers(pd.DataFrame({"目标": ["13%"], "结果": ["未公布"]}))
    assert shows_numbers(pd.DataFrame({"规模": ["1,260,582"]}))
    assert not shows_numbers(pd.DataFrame({"年份": ["2023"], "指标": ["R&D 经费"]}))


def test_prose_never_prints_scientific_notation():
    from nqpf.render.book import prose_text

    # 9.1e-06 percentage points reads 0.0000091 (two significant digits); .2f formats stay as they were.
    assert prose_text(9.1e-06) == "0.0000091"
    assert prose_text(1.4e-07, ".1e") == "0.00000014"
    assert prose_text(2.675, ".2f") == format(2.675, ".2f")
    assert prose_text(12345.67, digits=1) == "12,345.7"


def test_back_matter_is_its_own_unnumbered_part_after_the_appendices():
    from nqpf.render import front

    parts = front.toc_parts(ROOT / "_toc.yml")
    assert [p.numbered for p in parts] == [True, True, False]
    assert parts[1].pages[0] == "book/factcheck" and {"book/glossary", "book/references"} <= set(parts[2].pages)
    assert "book/glossary" not in front.chapters(ROOT / "_toc.yml")
    assert front.pdf_name("book/tfp") == "pdf/tfp.pdf" and front.tex_names(ROOT / "_toc.yml")[0] == "intro.tex"
    # Every chapter has a one-line summary for its card on the front page.
    assert set(front.chapters(ROOT / "_toc.yml")) <= set(front.SUMMARIES)


def test_appendix_reference_text():
    from nqpf.sphinx.ext import appendix_reference

    assert appendix_reference("B", "附录：事实核查") == "附录 B“事实核查”"


def test_dirty_means_a_tracked_file_differs(tmp_path, monkeypatch):
    """An untracked file leaves the tree clean; a change to a tracked file makes it dirty."""
    from nqpf.sphinx import ext

    run(["git", "init", "-q", str(tmp_path)])
    (tmp_path / "a.txt").write_text("1\n", encoding="utf-8")
    run(["git", "-C", str(tmp_path), "add", "a.txt"])
    run(["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "a"])
    monkeypatch.setattr(ext, "ROOT", tmp_path)
    (tmp_path / "untracked.txt").write_text("x\n", encoding="utf-8")
    assert "未提交" not in ext.build_commit()
    (tmp_path / "a.txt").write_text("2\n", encoding="utf-8")
    assert ext.build_commit().endswith("（工作区有未提交修改）")


def test_colab_notebook_written_again_only_when_what_it_is_made_of_changed(tmp_path, monkeypatch):
    """nqpf.sphinx.reader._write_notebooks: a page's Colab notebook is written again when its source, its glued
    values or the name of a cross-reference it holds changed since the last build, and only then."""
    from types import SimpleNamespace

    from nqpf.render import notebooks
    from nqpf.sphinx import reader

    source = tmp_path / "book" / "x.md"
    source.parent.mkdir()
    source.write_text("见 {numref}`fig-a`。", encoding="utf-8")
    glue = tmp_path / "_build" / "jupyter_execute" / "book" / "x.glue.json"
    glue.parent.mkdir(parents=True)
    glue.write_text("{}", encoding="utf-8")
    env = SimpleNamespace(found_docs={"book/x"}, doc2path=lambda d: source, metadata={"book/x": {"kernelspec": {}}})
    app = SimpleNamespace(outdir=str(tmp_path / "_build" / "html"), doctreedir=str(tmp_path / "_build" / "doctrees"),
                          env=env, config=SimpleNamespace(html_theme_options={}))
    names = {"fig-a": "图 1.1"}
    monkeypatch.setattr(reader, "reference_resolver", lambda app: lambda role, target: names.get(target, ""))
    written = []

    def write(path, dest, repo_url, values, resolve):
        resolve("numref", "fig-a")
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text("{}", encoding="utf-8")
        written.append(dest.name)

    monkeypatch.setattr(notebooks, "write_notebook", write)
    steps = []
    for change in (None, None, lambda: names.update({"fig-a": "图 1.2"}), None,
                   lambda: glue.write_text('{"g": {"data": {"text/plain": "1"}}}', encoding="utf-8"),
                   lambda: source.write_text("改过的正文", encoding="utf-8")):
        if change:
            change()
        written.clear()
        reader._write_notebooks(app)
        steps.append(len(written))
    # first build; nothing changed; a figure renumbered; nothing; a glued value; the source
    assert steps == [1, 0, 1, 0, 1, 1]
