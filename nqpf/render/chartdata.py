"""The data under every chart and numeric table, written by the code that draws them.

A chapter shows a chart with ``chartdata.show(df, "fig-name")`` instead of ``plt.show()``: the data frame is
stored in the notebook (a hidden myst-nb ``glue`` record named ``nqpf-data:fig-name``) in the same call that
displays the figure, so the figure and its CSV cannot drift apart. At build time the Sphinx extension
``nqpf.sphinx.apparatus`` writes each record to ``_data/<name>.csv`` in the site (UTF-8 with BOM, so that Excel
reads the Chinese), links it from the figure's caption, and names the file in the PDF caption.

``table(df, data="tab-name")`` (``nqpf.render.book``) does the same for tables that show numbers.

Two guards: :func:`guard` (installed by ``plotting.setup()``) writes to stderr, which fails the strict build,
when a figure is displayed without its data; and the extension warns about a captioned figure that has no
record.
"""

from __future__ import annotations

import hashlib
import re
import sys


class _Pandas:
    """pandas, imported when first used: the book's Sphinx extension imports this module for its names (PREFIX,
    MIME, filename), and importing pandas was a second of every build that writes a page."""

    def __getattr__(self, name):
        import pandas

        return getattr(pandas, name)


pd = _Pandas()

PREFIX = "nqpf-data:"  # glue key prefix of a data record
DATA_DIR = "_data"  # folder of the CSV files in the built site
NAME = re.compile(r"^(fig|tab)-[a-z0-9][a-z0-9-]*$")
MIME = "application/vnd.nqpf.data+json"


class DataRecord:
    """What one chart or table plotted, as CSV text; displayed (hidden) through myst-nb's glue."""

    def __init__(self, name: str, csv: str | None):
        self.name, self.csv = name, csv

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/plain": f"<data {self.name}>", MIME: {"name": self.name, "csv": self.csv}}


def check_name(name: str) -> str:
    if not isinstance(name, str) or not NAME.match(name):
        raise ValueError(f"data name {name!r}: use fig-… for a chart or tab-… for a table "
                         "(lower-case ASCII, digits, -)")
    return name


def filename(name: str) -> str:
    return f"{check_name(name)}.csv"


def csv_text(df: pd.DataFrame) -> str:
    """The CSV of ``df`` as written to the site (without the BOM, which is added on writing).

    A named index (e.g. ``year``) becomes the first column; an unnamed RangeIndex is dropped.

    >>> csv_text(pd.DataFrame({"年份": [2023], "规模": [53.9]}))
    '年份,规模\\n2023,53.9\\n'
    """
    if isinstance(df, pd.Series):
        df = df.to_frame()
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"chart data must be a DataFrame or Series, not {type(df).__name__}")
    if df.empty:
        raise ValueError("chart data is empty: pass the values the chart plots")
    keep_index = any(n is not None for n in df.index.names)
    return _dashed(df).to_csv(index=keep_index, lineterminator="\n")


def _dashed(df: pd.DataFrame) -> pd.DataFrame:
    """Year ranges in headers and text cells with the book's one dash, as in the chapters (2013–2019).

    >>> _dashed(pd.DataFrame({"2013-2019": ["1978-2012"]})).to_dict("list")
    {'2013–2019': ['1978–2012']}
    """
    from nqpf.render.labels import dash_ranges

    out = df.rename(columns=lambda c: dash_ranges(c) if isinstance(c, str) else c)
    out.index = out.index.set_names([dash_ranges(n) if isinstance(n, str) else n for n in out.index.names])
    if out.index.dtype == object or pd.api.types.is_string_dtype(out.index):
        out.index = out.index.map(lambda v: dash_ranges(v) if isinstance(v, str) else v)
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(lambda v: dash_ranges(v) if isinstance(v, str) else v)
    return out


def record(df: pd.DataFrame | None, name: str) -> DataRecord:
    """Store the data of chart/table ``name`` in the notebook (``df=None``: a diagram with no data)."""
    from myst_nb import glue

    rec = DataRecord(check_name(name), None if df is None else csv_text(df))
    glue(PREFIX + name, rec, display=False)
    return rec


def show(df: pd.DataFrame | None, name: str, fig=None) -> None:
    """Record the data plotted in ``fig`` (default: the current figure) under ``name`` and display the figure.

    ``name`` must be the figure's ``name`` in the cell metadata (``fig-…``). For a schematic diagram that plots
    no data, pass ``df=None``: nothing is written and the caption gets no link.
    """
    import matplotlib.pyplot as plt

    record(df, name)
    fig = fig if fig is not None else plt.gcf()
    fig._nqpf_data = name
    plt.show()


def long(frames: dict[str, pd.DataFrame], key: str = "panel") -> pd.DataFrame:
    """Several panels' data in one table, a first column naming the panel (for charts with subplots)."""
    parts = [f.reset_index() if any(n is not None for n in f.index.names) else f for f in frames.values()]
    out = pd.concat([p.assign(**{key: k})[[key, *p.columns]] for k, p in zip(frames, parts)], ignore_index=True)
    # A column of integers (years) that another panel lacks would turn float (2020.0) on concatenation.
    ints = {c for p in parts for c in p.columns if pd.api.types.is_integer_dtype(p[c])}
    floats = {c for p in parts for c in p.columns if pd.api.types.is_float_dtype(p[c])}
    return out.astype({c: "Int64" for c in ints - floats})


def missing_message(fig) -> str | None:
    """The stderr line for a figure displayed without its data, or None when it has data."""
    if getattr(fig, "_nqpf_data", None):
        return None
    return ("nqpf: a chart was displayed without its data; show it with nqpf.render.chartdata.show(df, 'fig-…') "
            "so that its CSV is written with it")


def guard() -> None:
    """In IPython, complain on stderr (which fails the strict build) when a figure is shown without its data."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    ip = get_ipython()
    if ip is None:
        return
    from matplotlib.figure import Figure

    for mime, formatter in ip.display_formatter.formatters.items():
        try:
            func = formatter.lookup_by_type(Figure)
        except KeyError:
            continue
        if getattr(func, "_nqpf_guarded", False):
            continue

        def checked(fig, *args, _func=func, **kwargs):
            message = missing_message(fig)
            if message and not getattr(fig, "_nqpf_warned", False):
                fig._nqpf_warned = True  # one line per figure, not one per image format
                print(message, file=sys.stderr)
            return _func(fig, *args, **kwargs)

        checked._nqpf_guarded = True
        formatter.for_type(Figure, checked)


def auto_name(df: pd.DataFrame) -> str:
    """A stable name for a numeric table shown without one (the hash of its CSV)."""
    return "tab-" + hashlib.sha1(csv_text(df).encode("utf-8")).hexdigest()[:10]


def has_numbers(df: pd.DataFrame) -> bool:
    return any(pd.api.types.is_numeric_dtype(t) and not pd.api.types.is_bool_dtype(t) for t in df.dtypes)


def placeholder(name: str) -> str:
    """The href the extension replaces with the page-relative URL of ``_data/<name>.csv``."""
    return f"nqpf-data:{filename(name)}"
