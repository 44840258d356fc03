"""The three-industries chapter: taxonomy against the seeds, SEI share arithmetic, low-altitude box, CLI, book."""

from __future__ import annotations

import csv
import io

import pytest

from tests.helpers import nqpf_cli

# --- command line -----------------------------------------------------------------------------------------------

def test_cli_scenarios_csv():
    proc = nqpf_cli("industries", "scenarios", "--gdp-growth", "5,3", "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert [float(r["gdp_growth"]) for r in rows] == [5.0, 3.0]
    assert float(rows[0]["required_sei_growth"]) == pytest.approx(20.0721, abs=1e-3)


def test_cli_matrix_json():
    import json

    proc = nqpf_cli("industries", "matrix")
    assert proc.returncode == 0, proc.stderr
    rows = {r["industry"]: r for r in json.loads(proc.stdout)}
    assert rows["生物制造"]["002"] == "future" and rows["生物制造"]["004"] == "strategic emerging"


@pytest.mark.parametrize("args", [["industries", "scenarios", "--gdp-growth", "abc"],
                                  ["industries", "scenarios", "--target-year", "2020"],
                                  ["industries", "scenarios", "--base-share", "x"],
                                  ["industries", "nonsense"]])
def test_cli_bad_arguments_one_line(args):
    proc = nqpf_cli(*args)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
