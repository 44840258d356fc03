"""Bad data stops everything with one clear line naming file, row and rule — never a traceback, never a chart.

Each case corrupts a copy of a real data file (and its manifest) in a temporary folder, then checks both ways a
reader meets the file: ``nqpf.core.data.load`` (what chapters call) and ``python -m nqpf data validate PATH``.
The manifest's sha256 is recomputed for the corrupted copy unless the case is about the sha256 itself, so each
case reaches the rule it is about.
"""

from __future__ import annotations

import json

import pytest

from tests.helpers import copy_data_file, corrupt_share_above_100, evidence, mini_book


@pytest.mark.build
def test_bad_data_stops_the_build_before_a_chart_is_drawn(tmp_path):

    folder, book = tmp_path / "data", tmp_path / "book"
    folder.mkdir()
    book.mkdir()
    path = copy_data_file("cn_digital_economy_share_gdp", folder)
    rule, line, needle = corrupt_share_above_100(path)
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
