"""Helpers for chapter notebooks: tables that render in both HTML and the PDF."""

from __future__ import annotations

import pandas as pd


class Table:
    """A DataFrame shown as an HTML table on the web and a LaTeX table in the PDF (no index column)."""

    def __init__(self, df: pd.DataFrame, formats: dict | None = None, precision: int = 2):
        self.df, self.formats, self.precision = df, formats or {}, precision

    def _styler(self):
        return self.df.style.hide(axis="index").format(self.formats, precision=self.precision, na_rep="—")

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
