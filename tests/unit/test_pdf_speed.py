"""The PDF build from the cache does no work twice (issue 24), nor work for nothing: Sphinx's LaTeX writer renders
every table from one compiled template instead of compiling it again per table; the changes page (修订记录) reuses
the table the site's build made from the same inputs instead of importing pandas and comparing the editions again;
Python's garbage collector does not scan the whole book again and again while the LaTeX builder holds it. Each must
leave written exactly what was written without it."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from docutils import nodes
from sphinx.writers import latex

from nqpf.sphinx import changes, ext


def _table() -> latex.Table:
    table = latex.Table(nodes.table(classes=["longtable", "colwidths-given"]))
    table.colcount, table.colsep, table.colwidths = 2, "", [40, 60]
    table.header, table.body = ["名称 & 原因\\\\\n"], ["a & b\\\\\n"]
    return table


@pytest.mark.parametrize("template", ["longtable", "tabular", "tabulary"])
def test_a_shared_table_renderer_writes_what_a_new_one_writes(template):
    ext._patch_latex_renderer()
    fresh = latex.LaTeXRenderer.__wrapped__(latex_engine="xelatex")
    variables = {"table": _table(), "labels": "\\label{t}"}
    first = latex.LaTeXRenderer(latex_engine="xelatex")
    assert first is latex.LaTeXRenderer(latex_engine="xelatex")  # the template is compiled once
    assert first.render(template + ".tex.jinja", variables) == fresh.render(template + ".tex.jinja", variables)
    # the book's longtables really come from this template: caption-less head, the body row, the booktabs rules
    if template == "longtable":
        out = first.render("longtable.tex.jinja", variables)
        assert "\\begin{longtable}" in out and "a & b\\\\" in out and "\\sphinxtoprule" in out


def test_a_renderer_per_engine():
    ext._patch_latex_renderer()
    assert latex.LaTeXRenderer(latex_engine="xelatex") is not latex.LaTeXRenderer(latex_engine="pdflatex")


def _app(tmp_path, value: str):
    build = tmp_path / "_build"
    (build / "jupyter_execute" / "book").mkdir(parents=True, exist_ok=True)
    (build / ".doctrees").mkdir(exist_ok=True)
    (build / "jupyter_execute" / "book" / "tfp.glue.json").write_text(
        json.dumps({"share": {"data": {"text/plain": value}}}), encoding="utf-8")
    env = SimpleNamespace(found_docs={"book/changes", "book/tfp"}, titles={}, nqpf_changes_doc="book/changes")
    return SimpleNamespace(outdir=str(build / "latex"), doctreedir=str(build / ".doctrees"),
                           builder=SimpleNamespace(env=env))


def test_the_changes_table_is_compared_once_for_the_same_inputs(tmp_path, monkeypatch):
    from nqpf.render import editions

    calls = []
    diff = editions.diff

    def counted(*args):
        calls.append(1)
        return diff(*args)

    monkeypatch.setattr(editions, "diff", counted)
    monkeypatch.setattr(changes, "_titles", lambda app: {})
    # the edition's values against a build that glued only tfp:share: every other value of 0.1.0 is "removed",
    # which needs no reason, so the comparison is clean and kept
    app = _app(tmp_path, "'0.21'")
    summary, sections, clean = changes._shown_rows(app, "book/changes")
    assert clean and calls == [1]
    assert summary.startswith("与第 ") and sections
    again = changes._shown_rows(app, "book/changes")  # the PDF's build, from the site's doctrees
    assert again == (summary, sections, True) and calls == [1]
    app = _app(tmp_path, "'0.22'")  # a glued value changed since: compared again
    changes._shown_rows(app, "book/changes")
    assert calls == [1, 1]


def test_the_garbage_collector_is_paused_only_while_the_latex_builder_runs():
    import gc

    assert gc.isenabled()
    site = SimpleNamespace(builder=SimpleNamespace(name="html"))
    ext._pause_gc(site)
    assert gc.isenabled()  # the site's build keeps it
    pdf = SimpleNamespace(builder=SimpleNamespace(name="latex"))
    try:
        ext._pause_gc(pdf)
        assert not gc.isenabled()
        ext._resume_gc(pdf, None)  # build-finished, also after a failed build
        assert gc.isenabled()
    finally:
        gc.enable()
