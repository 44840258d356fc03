"""Helpers for chapter notebooks: tables that render in both HTML and the PDF."""

from __future__ import annotations

import pandas as pd


class Table:
    """A DataFrame shown as an HTML table on the web and a LaTeX table in the PDF (no index column)."""

    def __init__(self, df: pd.DataFrame, formats: dict | None = None, precision: int = 2):
        self.df, self.formats, self.precision = df, formats or {}, precision

    def _styler(self):
        # class="table": the theme's table style (padding, rules); a bare Styler table runs its cells together.
        styler = self.df.style.hide(axis="index").format(self.formats, precision=self.precision, na_rep="—")
        return styler.set_table_attributes('class="table"')

    def _repr_html_(self):
        return self._styler().to_html()

    def _repr_markdown_(self):
        # The PDF takes this (myst-nb renders it as a native Sphinx table); HTML prefers _repr_html_.
        shown = self._styler().data.copy()
        for col in shown.columns:
            fmt = self.formats.get(col)
            if fmt:
                shown[col] = shown[col].map(lambda v, f=fmt: "—" if pd.isna(v) else f.format(v))
            elif pd.api.types.is_float_dtype(shown[col]):
                shown[col] = shown[col].map(lambda v: "—" if pd.isna(v) else f"{v:.{self.precision}f}")
        cells = shown.astype(str).map(lambda v: v.replace("|", "\\|"))
        lines = ["| " + " | ".join(map(str, shown.columns)) + " |", "|" + "---|" * len(shown.columns)]
        lines += ["| " + " | ".join(row) + " |" for row in cells.itertuples(index=False)]
        return "\n".join(lines) + "\n"


def table(df: pd.DataFrame, formats: dict | None = None, precision: int = 2) -> Table:
    return Table(df, formats, precision)


class InteractiveTable(Table):
    """Sortable and filterable on the web (itables/DataTables, bundled offline: no CDN), a plain table in the PDF.

    Call :func:`interactive_setup` once per page, in a cell before the first interactive table.
    ``pdf_columns`` limits the PDF's plain table to the columns that fit the page.
    """

    def __init__(self, df: pd.DataFrame, pdf_columns: list[str] | None = None, formats: dict | None = None,
                 precision: int = 2, **options):
        super().__init__(df, formats, precision)
        self.pdf_columns, self.options = pdf_columns, options

    def _repr_html_(self):
        from itables import to_html_datatable

        return to_html_datatable(self.df, connected=False, **self.options)

    def _repr_markdown_(self):
        cols = self.pdf_columns or list(self.df.columns)
        return Table(self.df[cols], self.formats, self.precision)._repr_markdown_()


def interactive_setup() -> None:
    """Inline the itables library into the page (``connected=False``: no CDN), for tables that work offline.

    Its outputs are HTML only; the PDF leaves them out.
    """
    from itables import init_notebook_mode

    init_notebook_mode(all_interactive=False, connected=False)


def interactive_table(df: pd.DataFrame, pdf_columns: list[str] | None = None, formats: dict | None = None,
                      precision: int = 2, **options) -> InteractiveTable:
    return InteractiveTable(df, pdf_columns, formats, precision, **options)


class Records(Table):
    """A table on the web; in the PDF one short block per row (title line, then "column: value" lines).

    For tables whose long text cells would make rows taller than a page: LaTeX cannot break a table row, but
    it breaks paragraphs and lists anywhere.
    """

    def __init__(self, df: pd.DataFrame, title: str, formats: dict | None = None, precision: int = 2):
        super().__init__(df, formats, precision)
        self.title = title

    def _repr_markdown_(self):
        blocks = []
        for _, row in self.df.iterrows():
            lines = [f"**{row[self.title]}**", ""]
            lines += [f"- {col}：{'—' if pd.isna(row[col]) else str(row[col])}" for col in self.df.columns
                      if col != self.title]
            blocks.append("\n".join(lines))
        return "\n\n".join(blocks) + "\n"


def records(df: pd.DataFrame, title: str, formats: dict | None = None, precision: int = 2) -> Records:
    return Records(df, title, formats, precision)


def glue_value(name: str, value, fmt: str | None = None) -> None:
    """Glue a value for ``{glue:text}`` without showing it; `fmt` (e.g. ``".1f"``) rounds it here so the prose
    never repeats the arithmetic."""
    from myst_nb import glue

    glue(name, value if fmt is None else format(value, fmt), display=False)
