"""Exported notebooks read well in plain Jupyter: glued numbers, quotations, equations, references as text."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from nqpf.render import notebooks as nbk

ROOT = Path(__file__).resolve().parents[2]
MYST = re.compile(r"\{glue|\{(seed|numref|ref|eq|doc)\}`|^(```|:::)\{|^\([\w:.-]+\)=", re.M)


def test_glue_references_become_their_values_with_the_books_formatting():
    values = {"g": "6.9612", "name": "'种子000'", "n": "1294272"}
    text = "增长 {glue:text}`g:.1f`%，{glue:text}`name`，{glue}`n:,d` 亿元"
    assert nbk.plain_markdown(text, values) == "增长 7.0%，种子000，1,294,272 亿元"


def test_a_glue_reference_without_a_value_says_so_instead_of_showing_markup():
    assert nbk.plain_markdown("{glue:text}`missing:.2f`", {}) == nbk.GLUE_MISSING


def test_directives_become_plain_markdown():
    text = ("(tfp-x)=\n## 标题\n\n```{seedquote} 000:6\n以全要素生产率大幅提升为核心标志\n```\n\n"
            "```{math}\n:label: eq-x\ny = x\n```\n\n:::{admonition} 练习\n:class: tip\n做一做\n:::\n\n"
            "见 {numref}`fig-x`。")
    out = nbk.plain_markdown(text, {}, resolve=lambda role, target: "图 3.2" if target == "fig-x" else "")
    assert "(tfp-x)=" not in out and "## 标题" in out
    assert "> “以全要素生产率大幅提升为核心标志”" in out and "〔种子000，第6行〕" in out
    assert "$$\ny = x\n$$" in out and ":label:" not in out
    assert "> **练习**" in out and "> 做一做" in out
    assert out.endswith("见 图 3.2。")


def test_glue_values_are_read_from_an_executed_notebook():
    nb = nbformat.v4.new_notebook()
    out = nbformat.v4.new_output("display_data", data={"application/papermill.record/text/plain": "3.5"},
                                 metadata={"scrapbook": {"name": "x", "mime_prefix": "application/papermill.record/"}})
    nb.cells.append(nbformat.v4.new_code_cell("glue('x', 3.5, display=False)", outputs=[out]))
    assert nbk.glue_values(nb) == {"x": "3.5"}


@pytest.mark.parametrize("page", sorted(p.stem for p in (ROOT / "book").glob("*.md")
                                        if nbk.is_notebook(ROOT / "book" / f"{p.stem}.md")))
def test_no_chapter_notebook_shows_myst_markup(page):
    nb = nbk.to_notebook(ROOT / "book" / f"{page}.md")
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert not MYST.findall(markdown)
    assert nb.cells[0].source == nbk.GLUE_NOTE
