"""`python -m nqpf world ...` as a reader runs it."""

from __future__ import annotations

import csv
import io

from ..conftest import nqpf_cli


def test_china_gdp_csv():
    r = nqpf_cli("world", "china-gdp", "--format", "csv")
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert list(rows[0]) == ["year", "value", "unit", "vintage"]
    by_year = {int(x["year"]): float(x["value"]) for x in rows}
    assert round(by_year[2023]) == 1_294_272
    assert rows[0]["unit"] == "亿元"
