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


def test_cli_targets_every_specification():
    # the finding sei-target-2025 on the command line: from the seed's 13 % (2023) to 17 % (2025) with nominal GDP
    # +4.07 % a year (standard series, 2023 -> 2025): 1.0407 * sqrt(17/13) - 1 = 19.0 %
    proc = nqpf_cli("industries", "targets", "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    rows = {r["specification"]: r for r in csv.DictReader(io.StringIO(proc.stdout))}
    head = rows["种子2023年13%（实际GDP增长）"]
    g = float(head["gdp_growth"])
    assert float(head["required_sei_growth"]) == pytest.approx(((1 + g / 100) * (17 / 13) ** 0.5 - 1) * 100)
    assert round(float(head["required_sei_growth"]), 1) == 19.0
    assert float(rows["官方2019年11.5%"]["gap"]) < 0 < float(head["gap"])


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


def test_cli_traditional_marks_carried_forward_values():


    proc = nqpf_cli("industries", "traditional", "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(proc.stdout.splitlines()))
    chn = next(r for r in rows if r["indicator"] == "NV.MNF.TECH.ZS.UN" and r["countrycode"] == "CHN")
    assert (chn["reported_year"], chn["latest_year"]) == ("2011", "2022")


def test_facts_prints_every_glued_value():
    import json

    proc = nqpf_cli("industries", "facts")
    assert proc.returncode == 0, proc.stderr
    f = json.loads(proc.stdout)
    # seed 004 line 79: 7.6 % (2014) -> 13 % (2023), (13 - 7.6) / 9 = 0.6 points a year
    assert f["past_pp"] == "0.6" and f["ext_year_linear"] == 2030
