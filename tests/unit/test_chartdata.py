"""The data under every chart and table: recorded by the call that shows it, checked at run time and in the sources."""

from __future__ import annotations

import re

import matplotlib
import pandas as pd
import pytest

from nqpf.render import chartdata
from nqpf.render.book import Table, table
from nqpf.sphinx.apparatus import write_csv
from tests.helpers import DRAWS, ROOT, chart_cells

matplotlib.use("Agg")

PAGES = sorted((ROOT / "book").glob("*.md"))
SHOW = re.compile(r"chartdata\.show\(.*?[\"'](fig-[a-z0-9-]+)[\"']\)\s*$", re.S)


def test_csv_text_keeps_a_named_index_and_drops_a_range_index():
    df = pd.DataFrame({"规模": [48.9, 53.9]}, index=pd.Index([2022, 2023], name="年份"))
    assert chartdata.csv_text(df) == "年份,规模\n2022,48.9\n2023,53.9\n"
    assert chartdata.csv_text(df.reset_index()) == "年份,规模\n2022,48.9\n2023,53.9\n"
    with pytest.raises(ValueError, match="empty"):
        chartdata.csv_text(df.iloc[0:0])


def test_names_are_ascii_fig_or_tab_labels():
    assert chartdata.filename("fig-tfp-periods") == "fig-tfp-periods.csv"
    for bad in ("tfp-periods", "fig_tfp", "fig-中国", "Fig-x", ""):
        with pytest.raises(ValueError):
            chartdata.check_name(bad)


def test_long_stacks_panels_with_a_panel_column():
    left = pd.DataFrame({"year": [2020, 2025], "share": [7.8, 10.0]})
    right = pd.DataFrame({"scenario": ["4%"], "growth": [9.0]})
    out = chartdata.long({"左": left, "右": right}, key="子图")
    assert list(out.columns) == ["子图", "year", "share", "scenario", "growth"]
    assert out["子图"].tolist() == ["左", "左", "右"]
    assert out.loc[2, "growth"] == 9.0 and pd.isna(out.loc[0, "growth"])
    assert chartdata.csv_text(out).splitlines()[1] == "左,2020,7.8,,"  # years stay integers


def test_a_figure_without_data_is_reported_and_one_with_data_is_not():
    from matplotlib.figure import Figure

    fig = Figure()
    assert "chartdata.show" in chartdata.missing_message(fig)
    fig._nqpf_data = "fig-x"
    assert chartdata.missing_message(fig) is None


def test_guard_writes_to_stderr_when_a_chart_is_displayed_without_its_data(capsys):
    """Run time: in IPython, displaying a figure that did not go through chartdata.show() reaches stderr,
    which fails the strict build (stderr_output: warn with -W); a figure shown with its data does not."""
    from IPython.core.interactiveshell import InteractiveShell
    from matplotlib.figure import Figure
    from matplotlib_inline.backend_inline import set_matplotlib_formats

    shell = InteractiveShell.instance()
    try:
        set_matplotlib_formats("png")
        chartdata.guard()
        chartdata.guard()  # idempotent: one wrapper, one message
        bare = Figure()
        bare.add_subplot().plot([1, 2])
        shell.display_formatter.format(bare)
        err = capsys.readouterr().err
        assert err.count("displayed without its data") == 1
        shown = Figure()
        shown.add_subplot().plot([1, 2])
        shown._nqpf_data = "fig-ok"
        data, _ = shell.display_formatter.format(shown)
        assert "image/png" in data
        assert "without its data" not in capsys.readouterr().err
    finally:
        InteractiveShell.clear_instance()


def test_show_records_exactly_the_data_it_is_given(monkeypatch):
    import matplotlib.pyplot as plt

    glued = {}
    monkeypatch.setattr("myst_nb.glue", lambda name, obj, display=True: glued.update({name: obj}))
    df = pd.DataFrame({"年份": [2022, 2023], "规模": [50.2, 53.9]})
    fig, ax = plt.subplots()
    ax.plot(df["年份"], df["规模"])
    chartdata.show(df, "fig-test-scale", fig=fig)
    rec = glued["nqpf-data:fig-test-scale"]
    bundle = rec._repr_mimebundle_()
    assert bundle[chartdata.MIME] == {"name": "fig-test-scale", "csv": "年份,规模\n2022,50.2\n2023,53.9\n"}
    assert fig._nqpf_data == "fig-test-scale"
    plt.close("all")


def test_numeric_tables_get_a_download_named_after_their_label(monkeypatch):
    glued = {}
    monkeypatch.setattr("myst_nb.glue", lambda name, obj, display=True: glued.update({name: obj}))
    text = table(pd.DataFrame({"事件": ["首次提出"], "日期": ["2023-09-07"]}), caption="事件。")
    assert isinstance(text, Table) and not glued
    nums = table(pd.DataFrame({"时期": ["1978–2012"], "TFP": [3.52]}), caption="时期。", data="tab-test-periods")
    assert nums.name == "tbl-test-periods" and ":name: tbl-test-periods" in nums._repr_markdown_()
    assert "| 1978–2012 | 3.52 |" in nums._repr_markdown_()
    assert glued["nqpf-data:tab-test-periods"].csv == "时期,TFP\n1978–2012,3.52\n"
    named = table(pd.DataFrame({"x": [1.5]}), caption="一个数。", name="tbl-one")
    assert glued["nqpf-data:tab-one"].csv == "x\n1.5\n" and named.name == "tbl-one"


def test_written_files_are_utf8_with_bom(tmp_path):
    path = write_csv(tmp_path, "fig-x", "年份,规模\n2023,53.9\n")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw[3:].decode("utf-8") == "年份,规模\n2023,53.9\n"
    assert pd.read_csv(path, encoding="utf-8-sig").columns.tolist() == ["年份", "规模"]


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_every_chart_is_shown_with_its_data_under_its_figure_name(page):
    """Source lint: a chart cell ends with chartdata.show(data, "<the figure's name>") and never plt.show()."""
    for i, cell in chart_cells(page):
        where = f"{page.name}, cell {i}"
        name = ((cell.metadata.get("mystnb") or {}).get("figure") or {}).get("name")
        assert "plt.show()" not in cell.source, f"{where}: use chartdata.show(df, {name!r}) instead of plt.show()"
        m = SHOW.search(cell.source.rstrip())
        assert m, f"{where}: the cell must end with chartdata.show(df, {name!r})"
        assert m[1] == name, f"{where}: data recorded as {m[1]!r} but the figure is named {name!r}"


def test_the_source_lint_catches_a_bare_chart():
    bare = 'fig, ax = plt.subplots()\nax.plot([1, 2])\nplt.show()'
    good = 'fig, ax = plt.subplots()\nax.plot(d["x"])\nchartdata.show(d[["x"]], "fig-a")'
    assert DRAWS.search(bare) and not SHOW.search(bare)
    assert SHOW.search(good)[1] == "fig-a"
