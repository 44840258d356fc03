"""Editions and 修订记录: values read from a build's glue files, compared with the recorded edition, reasons."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from nqpf.core.errors import DataError, UsageError
from nqpf.render import editions


def _glue(folder, page, values):
    d = folder / "_build" / "jupyter_execute" / "book"
    d.mkdir(parents=True, exist_ok=True)
    rec = {k: {"output_type": "display_data", "data": {"text/plain": v}} for k, v in values.items()}
    rec["chart"] = {"output_type": "display_data", "data": {"text/plain": "<Figure>", "image/png": "AAAA"}}
    (d / f"{page}.glue.json").write_text(json.dumps(rec), encoding="utf-8")


def test_glued_values_reads_text_as_printed(tmp_path):
    # myst-nb keeps a glued str as its repr ('3.88'); a number as its repr (3.88). Both print as 3.88.
    _glue(tmp_path, "tfp", {"a": "'3.88'", "b": "3.7", "c": "'稳健'"})
    got = editions.glued_values(tmp_path)
    assert got.to_dict("records") == [{"name": "a", "value": "3.88", "page": "book/tfp"},
                                      {"name": "b", "value": "3.7", "page": "book/tfp"},
                                      {"name": "c", "value": "稳健", "page": "book/tfp"}]  # the figure is left out


def test_recorded_first_edition_is_the_landed_book():
    first = editions.load_edition("0.1.0")
    # The landed book (commit 1602d47) glued 958 values (closing note of stop 18); the TFP chapter printed the
    # 1978–2012 TFP contribution as 3.88 pp (compound).
    assert len(first) == 958
    assert editions.editions()[0] == "0.1.0"


def test_diff_lists_changed_new_and_removed_with_reasons():
    old = pd.DataFrame({"name": ["x", "y"], "value": ["1.0", "2.0"], "page": ["book/a", "book/a"]})
    new = pd.DataFrame({"name": ["x", "z"], "value": ["1.5", "9"], "page": ["book/a", "book/a"]})
    t = editions.diff(old, new, {"book/a:x": "采用 2024 年终值"})
    assert t[["key", "status", "old", "new"]].values.tolist() == [
        ["book/a:x", "changed", "1.0", "1.5"], ["book/a:y", "removed", "2.0", ""], ["book/a:z", "new", "", "9"]]
    assert editions.unexplained(t).empty  # x has its reason; new and removed need none
    assert editions.unexplained(editions.diff(old, new, {}))["key"].tolist() == ["book/a:x"]


def test_reasons_file_must_name_page_and_reason(tmp_path, monkeypatch):
    bad = tmp_path / "reasons.csv"
    bad.write_text("name,reason\nbook/a:x,修正\njust_a_name,没有页面\n", encoding="utf-8")
    monkeypatch.setattr(editions, "REASONS", bad)
    with pytest.raises(DataError, match="line 3"):
        editions.reasons()


def test_an_edition_is_never_rewritten(tmp_path):
    with pytest.raises(UsageError, match="already recorded"):
        editions.write_edition("0.1.0", tmp_path)
    with pytest.raises(UsageError, match="MAJOR.MINOR.PATCH"):
        editions.write_edition("first", tmp_path)
