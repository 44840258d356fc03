"""Helpers for chapter notebooks: numbered, captioned tables that render the same in HTML and the PDF.

A table is emitted once, as MyST Markdown (a ``{table}`` directive with a caption and a label), and Sphinx turns
it into a native table for every builder: the HTML page and the PDF number it the same way (表 N.M), and the PDF
gets a ``longtable`` (it breaks across pages) with column widths measured from the cells, wrapping long cells and
shrinking the font for wide tables instead of running off the page.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata

import pandas as pd

from nqpf.render.labels import zh

# A4 with Sphinx's default 1in margins: \linewidth is about 451pt. Widths are counted in "units" of half an em
# (a latin character); a Chinese character is two units. Font sizes are ctex's with zihao=-4 (_config.yml):
# body 小四 12bp, \small 五号 10.5bp, \footnotesize 小五 9bp.
LINEWIDTH_PT = 451.0
COLSEP_PT = 12.0  # 2 x \tabcolsep
FONT_SIZES = (("", 12.05), ("small", 10.54), ("footnotesize", 9.03))
MIN_UNITS = 6  # no column narrower than three Chinese characters: headers never stack one character a line
_NOBREAK = re.compile(r"[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+")  # runs LaTeX cannot break
_NUMERIC = re.compile(r"^[\s+\-−–]?[\d,.]+\s*%?$|^—$")


def text_width(text: str) -> int:
    """Width of a string in units: 2 for a Chinese (wide) character, 1 for anything else.

    >>> text_width("GDP增速")
    7
    """
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in str(text))


def min_width(text: str) -> int:
    """The narrowest a cell can be without breaking a word, a number, a date or a file name."""
    runs = _NOBREAK.findall(str(text))
    return max([text_width(r) for r in runs] + [4 if re.search(r"[\u2e80-\u9fff]", str(text)) else 0])


def fill_widths(natural: list[int], minimum: list[int], capacity: float) -> list[float]:
    """Column widths that fit ``capacity``: narrow columns keep their natural width, wide ones share the rest.

    Water-filling: every column gets ``min(natural, max(level, minimum))`` for the highest ``level`` that fits.
    >>> fill_widths([10, 50, 50], [4, 8, 8], 70)
    [10, 30.0, 30.0]
    """
    if sum(natural) <= capacity:
        return list(natural)
    lo, hi = 0.0, float(max(natural))
    for _ in range(60):
        mid = (lo + hi) / 2
        if sum(min(n, max(mid, m)) for n, m in zip(natural, minimum)) > capacity:
            hi = mid
        else:
            lo = mid
    return [n if n <= lo else round(max(lo, m), 2) for n, m in zip(natural, minimum)]


def layout(cells: pd.DataFrame) -> tuple[str, list[float]]:
    """Font size (LaTeX size command, '' for the body size) and column widths as fractions of the line."""
    cols = list(cells.columns)
    natural = [max([text_width(c)] + [text_width(v) for v in cells[c]]) for c in cols]
    # A short header (up to five Chinese characters) stays on one line; longer ones wrap, never below MIN_UNITS.
    minimum = [max(MIN_UNITS, min(text_width(c), 10), min_width(c), *[min_width(v) for v in cells[c]]) for c in cols]
    natural = [max(n, m) for n, m in zip(natural, minimum)]
    for size, pt in FONT_SIZES:  # the largest font at which the table fits unwrapped
        unit = pt / 2
        capacity = (LINEWIDTH_PT - COLSEP_PT * len(cols)) / unit
        if sum(natural) <= capacity:
            break
    else:
        # Too wide for any size: wrap long cells at the smaller font, never going below a column's unbreakable run.
        small = dict(FONT_SIZES)["small"]
        size = "small" if sum(minimum) <= (LINEWIDTH_PT - COLSEP_PT * len(cols)) / (small / 2) else "footnotesize"
        pt = dict(FONT_SIZES)[size]
        unit = pt / 2
        capacity = (LINEWIDTH_PT - COLSEP_PT * len(cols)) / unit
    widths = fill_widths(natural, minimum, capacity)
    # \Y{f}: f of the line width, minus the column's padding.
    fractions = [(w * unit + COLSEP_PT) / LINEWIDTH_PT for w in widths]
    return size, [math.floor(f * 10_000) / 10_000 for f in fractions]  # rounded down: the sum stays within the line


def _escape(text: str) -> str:
    # Cell text is shown literally: nothing in it may open math, a role, a link or a new column.
    return "".join("\\" + c if c in "\\`*_[]<>|$~{}" else c for c in str(text)).replace("\n", " ")


def label_for(caption: str) -> str:
    """A stable label for a table without an explicit ``name`` (from its caption)."""
    return "tbl-" + hashlib.sha1(caption.encode("utf-8")).hexdigest()[:10]


class Table:
    """A DataFrame as a numbered, captioned table (no index column) in HTML and the PDF.

    ``caption`` is the table's title (and its source, like a figure caption); ``name`` its label for
    ``{numref}`` (default: derived from the caption).
    """

    css_class = ""

    def __init__(self, df: pd.DataFrame, caption: str | None = None, name: str | None = None,
                 formats: dict | None = None, precision: int = 2):
        self.df, self.formats, self.precision = df, formats or {}, precision
        self.caption = caption or ""
        self.name = name or (label_for(self.caption) if self.caption else "")

    def cells(self, columns: list[str] | None = None) -> pd.DataFrame:
        """The shown text of every cell (numbers formatted, missing values as —)."""
        shown = self.df[columns] if columns else self.df
        out = pd.DataFrame(index=range(len(shown)))
        for col in shown.columns:
            values, fmt = shown[col].tolist(), self.formats.get(col)
            if fmt:
                text = ["—" if _isna(v) else fmt.format(v) for v in values]
            elif pd.api.types.is_float_dtype(shown[col]):
                text = ["—" if _isna(v) else f"{v:.{self.precision}f}" for v in values]
            else:
                text = ["—" if _isna(v) else zh(v) for v in values]
            out[zh(col)] = text
        return out

    def markdown(self, columns: list[str] | None = None, named: bool = True, extra_class: str = "") -> str:
        cells = self.cells(columns)
        size, fractions = layout(cells)
        spec = "".join(
            (r">{\raggedleft\arraybackslash}" if cells[c].map(lambda v: bool(_NUMERIC.match(v))).all()
             else r">{\raggedright\arraybackslash}") + rf"\Y{{{f}}}"
            for c, f in zip(cells.columns, fractions))
        rows = ["| " + " | ".join(_escape(c) for c in cells.columns) + " |", "|" + "---|" * len(cells.columns)]
        # An empty cell becomes an empty paragraph, which LaTeX sets as an extra blank line in a p-column.
        rows += ["| " + " | ".join(_escape(v) if v.strip() else "&nbsp;" for v in row) + " |"
                 for row in cells.itertuples(index=False)]
        classes = " ".join(c for c in ("longtable", self.css_class, extra_class) if c)
        head = [f":::{{table}} {self.caption}" if self.caption else ":::{table}", f":class: {classes}",
                ":align: left"]
        if named and self.name:
            head.insert(1, f":name: {self.name}")
        parts = [f"```{{tabularcolumns}} {spec}\n```", "\n".join(head) + "\n\n" + "\n".join(rows) + "\n:::"]
        if size:  # a smaller font for this table only (the PDF; HTML ignores raw LaTeX)
            parts = [f"```{{raw}} latex\n\\begingroup\\{size}\n```", *parts, "```{raw} latex\n\\endgroup\n```"]
        return "\n\n".join(parts) + "\n"

    def _repr_markdown_(self):
        # One output for every builder (myst-nb renders it as MyST: nb_render_markdown_format = myst).
        return self.markdown()


def _isna(value) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


_NUMBER_IN_TEXT = re.compile(r"(?<![\w.])[+\-−]?\d[\d,]*(\.\d+)?\s*%?")


def shows_numbers(cells: pd.DataFrame) -> bool:
    """True when the shown table holds figures: a cell that is a number of its own (a count, not a year or a
    code such as 000), or a decimal or a percentage anywhere in a cell.

    >>> shows_numbers(pd.DataFrame({"目标": ["13%", "—"]}))
    True
    >>> shows_numbers(pd.DataFrame({"年份": ["2023"], "名称": ["甲"]}))
    False
    """
    for col in cells.columns:
        for v in cells[col]:
            whole = str(v).strip()
            if re.fullmatch(r"[+\-−]?\d[\d,]*(\.\d+)?\s*%?", whole) and not re.fullmatch(r"(19|20)\d\d|0\d+", whole):
                return True  # a figure in a cell of its own (a count, a share), not a year or a code like 000
            for m in _NUMBER_IN_TEXT.finditer(whole):
                text = m.group(0).strip()
                if m.group(1) or text.endswith("%") or ("," in text and len(text) > 4):
                    return True
    return False


def _with_data(tab: Table, df: pd.DataFrame, data: str | None) -> Table:
    """Record the table's data for its CSV download (``data="tab-…"``; a table with numbers gets one anyway).

    The download's name follows the table's label (``tbl-x`` <-> ``tab-x``), so the Sphinx extension finds the
    table whose caption gets the link.
    """
    from nqpf.render import chartdata

    if data is not None:
        tab.name = "tbl-" + chartdata.check_name(data).removeprefix("tab-")
    elif tab.name and (chartdata.has_numbers(df) or shows_numbers(tab.cells())):
        # Numbers formatted as text before the table is built (13%, 1,234.5, 5.0（初步）) are numbers too.
        data = "tab-" + tab.name.removeprefix("tbl-")
    if data is not None:
        chartdata.record(df, data)
    return tab


def table(df: pd.DataFrame, caption: str | None = None, name: str | None = None, formats: dict | None = None,
          precision: int = 2, data: str | None = None) -> Table:
    """A numbered table with a caption: ``table(df, caption="各时期的增长核算。来源：PWT 11.0")``."""
    return _with_data(Table(df, caption, name, formats, precision), df, data)


class InteractiveTable(Table):
    """Sortable, filterable and paged on the web, a plain table in the PDF.

    The web table is the same numbered Sphinx table as any other, with the class ``nqpf-datatable``;
    ``nqpf.sphinx.reader`` adds DataTables (the pinned npm package, served from the site, with Chinese
    controls) to the pages that have one. ``pdf_columns`` limits the PDF's table to the columns that fit
    the page; the web shows every column.
    """

    css_class = "nqpf-datatable"

    def __init__(self, df: pd.DataFrame, caption: str | None = None, name: str | None = None,
                 pdf_columns: list[str] | None = None, formats: dict | None = None, precision: int = 2):
        super().__init__(df, caption, name, formats, precision)
        self.pdf_columns = pdf_columns

    def _repr_markdown_(self):
        if not self.pdf_columns or list(self.pdf_columns) == list(self.df.columns):
            return self.markdown()
        # The web table carries the label (Sphinx numbers it); LaTeX numbers the PDF's table by itself, so both
        # show the same number.
        web = self.markdown(named=True)
        pdf = Table(self.df, self.caption, None, self.formats, self.precision).markdown(self.pdf_columns,
                                                                                        named=False)
        return (f"::::{{only}} html\n{web}\n::::\n\n::::{{only}} latex\n{pdf}\n::::\n")


def interactive_table(df: pd.DataFrame, caption: str | None = None, name: str | None = None,
                      pdf_columns: list[str] | None = None, formats: dict | None = None,
                      precision: int = 2, data: str | None = None, **_options) -> InteractiveTable:
    return _with_data(InteractiveTable(df, caption, name, pdf_columns, formats, precision), df, data)


def records(df: pd.DataFrame, caption: str | None = None, name: str | None = None, formats: dict | None = None,
            precision: int = 2, title: str | None = None, data: str | None = None) -> Table:
    """A table of long text cells: in the PDF a ``longtable`` with wrapped cells (rows break between pages)."""
    return _with_data(Table(df, caption, name, formats, precision), df, data)


def glue_value(name: str, value, fmt: str | None = None, digits: int | None = None) -> None:
    """Glue a value for ``{glue:text}`` without showing it; `fmt` (e.g. ``".1f"``) rounds it here so the prose
    never repeats the arithmetic.

    ``digits`` writes it with :func:`nqpf.core.numbers.prose` (fixed point, thousands separators from 10,000), the
    one formatter for numbers in prose. A number that would print in scientific notation (``9.1e-06``, a ``.1e``
    format) is written in fixed point with two significant digits instead: a reader of Chinese prose never sees
    ``e-06``.
    """
    from myst_nb import glue

    glue(name, prose_text(value, fmt, digits), display=False)


def prose_text(value, fmt: str | None = None, digits: int | None = None):
    """The text (or the untouched value) that :func:`glue_value` glues.

    >>> prose_text(9.1e-06), prose_text(1.4e-07, ".1e"), prose_text(12345.678, digits=1), prose_text(3.14159, ".2f")
    ('0.0000091', '0.00000014', '12,345.7', '3.14')
    """
    from nqpf.core.numbers import prose

    if digits is not None:
        return prose(value, digits)
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if number and "e" in (repr(value) if fmt is None else format(value, fmt)).lower():  # scientific notation
        x = float(value)
        places = 0 if x == 0 else max(0, 1 - math.floor(math.log10(abs(x))))
        return prose(x, places)
    return value if fmt is None else format(value, fmt)
