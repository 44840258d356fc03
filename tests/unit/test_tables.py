"""Book tables (nqpf.render.book): widths that fit the PDF page, captions and labels, Chinese display words."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from nqpf.render import book
from nqpf.render.labels import zh

ROOT = Path(__file__).resolve().parents[2]


def test_text_width_counts_chinese_twice():
    assert book.text_width("GDP增速") == 3 + 2 * 2
    assert book.text_width("2013–2019") == 9


def test_min_width_keeps_file_names_dates_and_numbers_whole():
    assert book.min_width("data/raw/pwt110_selected.csv") == len("data/raw/pwt110_selected.csv")
    assert book.min_width("2024-02-29 公布") == 10
    assert book.min_width("数字经济") == 4  # Chinese breaks between any two characters: two characters a line


def test_fill_widths_keeps_narrow_columns_and_shares_the_rest():
    # 10 + 2 x 30 = 70: the two long columns meet at the same level, the short one keeps its natural width.
    assert book.fill_widths([10, 50, 50], [4, 8, 8], 70) == [10, 30.0, 30.0]
    # A column never goes below its unbreakable minimum (35); the other takes what is left.
    assert book.fill_widths([10, 50, 50], [4, 35, 8], 70) == [10, 35, 25.0]
    assert book.fill_widths([5, 6], [4, 4], 80) == [5, 6]  # fits: unchanged


def test_layout_of_a_wide_table_fits_the_line_at_a_smaller_font():
    df = pd.DataFrame({"文件": ["data/raw/cn_strategic_emerging_share.csv"] * 3,
                       "内容": ["战略性新兴产业增加值占国内生产总值的比重，国家统计局与中国政府网的公开数字"] * 3,
                       "发布者": ["国家统计局；中国政府网"] * 3, "行数": ["12"] * 3})
    size, fractions = book.layout(df)
    assert size in ("small", "footnotesize")
    assert sum(fractions) <= 1.0 + 1e-9
    unit = dict(book.FONT_SIZES)[size] / 2
    file_width = fractions[0] * book.LINEWIDTH_PT - book.COLSEP_PT
    assert file_width >= len("data/raw/cn_strategic_emerging_share.csv") * unit - 0.5  # fractions rounded down


def test_a_narrow_table_keeps_the_body_font_and_its_natural_widths():
    size, fractions = book.layout(pd.DataFrame({"年份": ["2023"], "值": ["1.5"]}))
    assert size == "" and sum(fractions) < 0.5


def test_markdown_is_a_captioned_labelled_longtable():
    df = pd.DataFrame({"种子": ["000"], "单位": ["items"], "标记": ["DERIVED, UNCERTAIN"], "值": [1.234]})
    md = book.table(df, caption="测试表。来源：`x.csv`", name="tbl-test").markdown()
    assert ":::{table} 测试表。来源：`x.csv`" in md and ":name: tbl-test" in md and ":class: longtable" in md
    assert "{tabularcolumns}" in md and r"\Y{" in md
    assert "| 000 | 项 | 推算、不确定 | 1.23 |" in md  # display words; the raw codes stay in the data


def test_cells_cannot_open_markup():
    md = book.table(pd.DataFrame({"a": ["US$ 5 | *x* `y`"]}), caption="c").markdown()
    assert r"US\$ 5 \| \*x\* \`y\`" in md


def test_label_defaults_to_one_derived_from_the_caption():
    assert book.table(pd.DataFrame({"a": [1]}), caption="甲").name == book.label_for("甲")
    assert book.label_for("甲") != book.label_for("乙")


def test_interactive_table_shows_every_column_on_the_web_and_fewer_in_the_pdf():
    df = pd.DataFrame({"种子": ["000"], "原文": ["x"], "上下文": ["很长的上下文"]})
    md = book.interactive_table(df, caption="台账", name="tbl-ledger", pdf_columns=["种子", "原文"])._repr_markdown_()
    web, pdf = md.split("::::{only} latex")
    assert "::::{only} html" in web and "nqpf-datatable" in web and "上下文" in web and ":name: tbl-ledger" in web
    assert "上下文" not in pdf and ":name:" not in pdf  # LaTeX numbers it; one label only


# "取整 ROUNDED" is a code already glossed in Chinese: shown once (it was "取整 取整", an expectation pasted from the
# output).
@pytest.mark.parametrize("code, shown", [("items", "项"), ("pp", "百分点"), ("yuan", "元"), ("UNCERTAIN", "不确定"),
                                         ("over", "超过"), ("zh-Hant", "繁体"), ("取整 ROUNDED", "取整"),
                                         ("DERIVED, ROUNDED", "推算、取整"), ("ROUNDED（估）", "取整（估）"),
                                         ("Penn World Table", "Penn World Table")])
def test_display_words(code, shown):
    assert zh(code) == shown


TABLE_CALL = re.compile(r"(?<![.\w])(table|interactive_table|records)\(")  # not `outcomes.table()`


def _calls(text: str):
    """Each helper call's argument text (balanced parentheses)."""
    for m in TABLE_CALL.finditer(text):
        depth, i = 0, m.end() - 1
        for j in range(i, len(text)):
            depth += {"(": 1, ")": -1}.get(text[j], 0)
            if depth == 0:
                yield m.group(1), text[i:j + 1]
                break


def test_every_table_in_the_chapters_has_a_caption():
    missing = []
    for page in sorted((ROOT / "book").glob("*.md")):
        for line in page.read_text(encoding="utf-8").split("```{code-cell}")[1:]:
            for name, args in _calls(line.split("\n```")[0]):
                if "caption" not in args and not line.lstrip().startswith(f"def {name}"):
                    missing.append(f"{page.name}: {name}{args[:60]}")
    assert not missing, missing


def test_no_doubled_brackets_around_seed_citations():
    # {seed} renders 〔种子000，第6行〕 itself: （{seed}`…`） would print （〔…〕）.
    pages = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "book").glob("*.md")}
    assert not {n for n, t in pages.items() if re.search(r"（\s*\{seed\}`[^`]+`\s*）", t)}
