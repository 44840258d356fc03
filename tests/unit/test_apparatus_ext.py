"""nqpf.sphinx.apparatus on hand-made doctrees: data records read from myst-nb's glue file, caption links,
table links, a figure without data reported, and the bibliography flattened in place."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.utils import new_document

from nqpf.render import chartdata
from nqpf.sphinx import apparatus


def doc_with_figure(name: str) -> nodes.document:
    doc = new_document("test", get_default_settings(Parser))
    fig = nodes.figure(names=[name], ids=[name])
    fig += nodes.image(uri="x.png")
    fig += nodes.caption("", "", nodes.Text("标题。来源：测试。"))
    doc += fig
    return doc


def fake_app(tmp_path, docname, builder="html"):
    env = SimpleNamespace(docname=docname, mystnb_config=SimpleNamespace(output_folder=str(tmp_path)), images={})
    fmt = "html" if builder == "html" else "latex"
    b = SimpleNamespace(name=builder, format=fmt, get_target_uri=lambda d, typ=None: d + ".html")
    return SimpleNamespace(env=env, builder=b, outdir=str(tmp_path / "out"))


def write_glue(tmp_path, docname, records):
    glued = {chartdata.PREFIX + n: {"data": {chartdata.MIME: {"name": n, "csv": c}}} for n, c in records.items()}
    glued["other_key"] = {"data": {"text/plain": "'x'"}}  # ordinary glue values are ignored
    path = tmp_path.joinpath(*docname.split("/")).with_suffix(".glue.json")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(glued), encoding="utf-8")


def test_records_come_from_the_glue_file_and_a_figure_without_one_is_reported(tmp_path, monkeypatch):
    warnings = []
    monkeypatch.setattr(apparatus.logger, "warning", lambda msg, *a, **k: warnings.append(msg % a))
    write_glue(tmp_path, "book/tfp", {"fig-b": "x\n1\n", "tab-c": "y\n2\n"})
    app = fake_app(tmp_path, "book/tfp")
    apparatus._doctree_read(app, doc_with_figure("fig-a"))
    assert app.env.nqpf_data == {"book/tfp": {"fig-b": "x\n1\n", "tab-c": "y\n2\n"}}
    assert len(warnings) == 1 and "fig-a has no data record" in warnings[0]
    warnings.clear()
    apparatus._doctree_read(app, doc_with_figure("fig-b"))
    assert warnings == []


def test_html_caption_gets_a_page_relative_link_and_tables_lose_their_placeholder(tmp_path):
    app = fake_app(tmp_path, "book/tfp")
    app.env.nqpf_data = {"book/tfp": {"fig-a": "x\n1\n", "tab-t": "y\n2\n"}}
    doc = doc_with_figure("fig-a")
    doc += nodes.raw("", f'<table></table><a href="{chartdata.placeholder("tab-t")}">下载</a>', format="html")
    apparatus._doctree_resolved(app, doc, "book/tfp")
    ref = next(doc.findall(nodes.reference))
    assert ref["refuri"] == "../_data/fig-a.csv" and ref.astext() == "下载图中数据（CSV）"
    assert isinstance(ref.parent, nodes.caption)
    raw = next(doc.findall(nodes.raw)).astext()
    assert 'href="../_data/tab-t.csv"' in raw and "nqpf-data:" not in raw


def test_pdf_caption_names_the_file(tmp_path):
    app = fake_app(tmp_path, "book/tfp", builder="latex")
    app.env.nqpf_data = {"book/tfp": {"fig-a": "x\n1\n"}}
    doc = doc_with_figure("fig-a")
    apparatus._doctree_resolved(app, doc, "index")
    assert next(doc.findall(nodes.caption)).astext().endswith("图中数据：fig-a.csv")


def test_a_diagram_recorded_without_data_gets_no_link(tmp_path):
    app = fake_app(tmp_path, "book/digital")
    app.env.nqpf_data = {"book/digital": {"fig-d": None}}
    doc = doc_with_figure("fig-d")
    apparatus._doctree_resolved(app, doc, "book/digital")
    assert not list(doc.findall(nodes.reference))


def test_csv_files_are_written_once_per_name_for_html(tmp_path):
    app = fake_app(tmp_path, "x")
    app.env.nqpf_data = {"book/a": {"fig-a": "年份\n2023\n", "fig-d": None}}
    apparatus._build_finished(app, None)
    written = sorted(p.name for p in (tmp_path / "out" / "_data").iterdir())
    assert written == ["fig-a.csv"]
    assert (tmp_path / "out" / "_data" / "fig-a.csv").read_bytes() == "\ufeff年份\n2023\n".encode("utf-8")


@pytest.mark.parametrize("fmt", ["html", "latex"])
def test_citations_become_plain_entries_that_keep_their_anchor(fmt):
    doc = new_document("test", get_default_settings(Parser))
    doc.settings.env = SimpleNamespace(app=SimpleNamespace(builder=SimpleNamespace(format=fmt)))
    cit = nodes.citation(ids=["id3"])
    cit += nodes.label("", "1")
    cit += nodes.paragraph("", "", nodes.Text("Feenstra, R. C. (2015)."))
    doc += cit
    t = apparatus.FlatBibliography.__new__(apparatus.FlatBibliography)
    t.document = doc
    t.run()
    para = next(doc.findall(nodes.paragraph))
    assert not list(doc.findall(nodes.citation))
    assert para.astext() == "Feenstra, R. C. (2015)." and "nqpf-bib-entry" in para["classes"]
    if fmt == "html":  # the id once, on the paragraph (valid XHTML in the EPUB)
        assert para["ids"] == ["id3"] and not list(para.findall(nodes.target))
    else:  # LaTeX needs a target for its \\label
        assert next(para.findall(nodes.target))["ids"] == ["id3"]


def test_only_pages_showing_the_commit_are_written_again_when_it_changes(tmp_path):
    from nqpf.sphinx import ext

    pages = {"shows": "本书由 git 提交 {{ build_commit }} 构建。", "cites": ":::{bookcitation}\n:::", "plain": "正文"}
    for name, body in pages.items():
        (tmp_path / f"{name}.md").write_text(body, encoding="utf-8")
    env = SimpleNamespace(found_docs=set(pages), doc2path=lambda d: tmp_path / f"{d}.md")
    app = SimpleNamespace(nqpf_build_commit="abc123")
    assert ext._commit_updated(app, env) == ["cites", "shows"]
    assert ext._commit_updated(app, env) == []  # same commit: a no-op stays one
    app.nqpf_build_commit = "abc123（工作区有未提交修改）"
    assert ext._commit_updated(app, env) == ["cites", "shows"]  # written again, not read again
    source = [pages["shows"]]
    ext._source_read(app, "shows", source)
    assert source[0] == f"本书由 git 提交 {ext.COMMIT_SLOT} 构建。"  # a slot in the page until it is written
    bib = f"note = {{git commit {ext.COMMIT_SLOT}}}"
    doc = nodes.section("", nodes.paragraph("", source[0]), nodes.literal_block(bib, bib))
    ext._put_commit(app, doc, "shows")
    assert doc[0].astext() == "本书由 git 提交 abc123（工作区有未提交修改） 构建。"
    # The code block's source too: the site highlights a block only when its source and its text agree.
    assert doc[1].rawsource == doc[1].astext() == "note = {git commit abc123（工作区有未提交修改）}"


def test_the_execution_table_reads_in_chinese_without_emoji():
    # myst-nb's {nb-exec-table}: English headers and methods, an emoji status (a box where the font has no emoji).
    from docutils import nodes

    from nqpf.sphinx import ext

    table = nodes.table()
    for cell in ("Run Time (s)", "Status", "cache", "✅", "❌"):
        table += nodes.entry("", nodes.paragraph("", "", nodes.Text(cell)))
    doctree = nodes.document(None, None)
    doctree += table
    ext._exec_table_zh(None, doctree, "book/reproducibility")
    assert [e.astext() for e in table.findall(nodes.entry)] == ["运行时间（秒）", "状态", "缓存", "成功", "失败"]
