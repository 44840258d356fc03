"""Bad data stops everything with one clear line naming file, row and rule — never a traceback, never a chart.

Each case corrupts a copy of a real data file (and its manifest) in a temporary folder, then checks both ways a
reader meets the file: ``nqpf.data.load`` (what chapters call) and ``python -m nqpf data validate PATH``.
The manifest's sha256 is recomputed for the corrupted copy unless the case is about the sha256 itself, so each
case reaches the rule it is about.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from tests.helpers import copy_data_file, evidence, mini_book, rewrite_data_file

_copy = copy_data_file


_rewrite = rewrite_data_file


def _frame(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _csv(df: pd.DataFrame) -> bytes:
    return df.to_csv(index=False, lineterminator="\n").encode("utf-8")


def _line_of(df: pd.DataFrame, column: str, value: str) -> int:
    """File line of the first row whose `column` equals `value` (the header is line 1)."""
    return int(df.index[df[column] == value][0]) + 2


def share_above_100(path):
    df = _frame(path)
    year = df.loc[3, "year"]
    df.loc[3, "value"] = "130.5"
    _rewrite(path, _csv(df))
    return "column 'value'", _line_of(df, "year", year), "130.5"


@pytest.mark.build
def test_bad_data_stops_the_build_before_a_chart_is_drawn(tmp_path):

    folder, book = tmp_path / "data", tmp_path / "book"
    folder.mkdir()
    book.mkdir()
    path = _copy("cn_digital_economy_share_gdp", folder)
    rule, line, needle = share_above_100(path)
    code = ("from nqpf.core import data\nfrom nqpf.render import plotting\nimport matplotlib.pyplot as plt\n"
            "plotting.setup()\n"
            f"df = data.load({str(path)!r})\nfig, ax = plt.subplots()\nax.plot(df['year'], df['value'])\nplt.show()")
    proc = mini_book(book, code)
    assert proc.returncode != 0
    log = evidence(book, proc)
    assert f"line {line}: rule '{rule}" in log and needle in log
    executed = book / "_build" / "jupyter_execute" / "page.ipynb"
    outputs = [o for c in (json.loads(executed.read_text("utf-8"))["cells"] if executed.exists() else [])
               for o in c.get("outputs", [])]
    assert not [o for o in outputs if "image/png" in o.get("data", {})]
    assert not list((book / "_build").rglob("*.png"))  # no chart image anywhere in the build
