"""Growth accounting (nqpf.analysis.tfp, `python -m nqpf tfp…`) and the chapter book/tfp.md."""

from __future__ import annotations

import csv
import json
import math

import numpy as np
import pytest

from nqpf.analysis import tfp
from tests.helpers import nqpf_cli, pwt_raw_rgdpna

_raw_rgdpna = pwt_raw_rgdpna


def test_cli_prints_the_issue_keys():
    proc = nqpf_cli("tfp", "decompose", "--country", "CHN", "--start", "1978", "--end", "2012")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert set(out) == {"gdp", "capital", "labour", "human_capital", "tfp", "tfp_share", "alpha_mean",
                        "specification"}
    # --start is the first growth year: 1978-2012 grows from the 1977 level over 35 years
    assert out["gdp"] == pytest.approx(100 * math.log(_raw_rgdpna("CHN", 2012) / _raw_rgdpna("CHN", 1977)) / 35)
    assert (out["specification"]["base"], out["specification"]["years"]) == (1977, 35)
    assert out["specification"]["vintage"] == "11.0" and out["specification"]["capital"] == "rnna"


def test_cli_options_reach_the_calculation():
    proc = nqpf_cli("tfp", "decompose", "--alpha", "0.4", "--capital", "rkna", "--hours", "--vintage", "10.01",
                    "--end", "2019")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    spec = out["specification"]
    assert (spec["alpha"], spec["capital"], spec["labour"], spec["vintage"]) == (0.4, "rkna", "emp*avh", "10.01")
    assert out["alpha_mean"] == pytest.approx(0.4)


@pytest.mark.parametrize("args", [
    ["--country", "XXX"], ["--start", "1900"], ["--end", "2024"], ["--alpha", "1.5"], ["--alpha", "0"],
    ["--alpha", "x"], ["--vintage", "9.0"], ["--capital", "ck"], ["--start", "abc"],
])
def test_cli_bad_arguments_one_line_nonzero(args):
    proc = nqpf_cli("tfp", "decompose", *args)
    assert proc.returncode != 0
    assert proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert "Traceback" not in proc.stderr


def test_cli_tables_are_csv():
    proc = nqpf_cli("tfp", "grid", "--periods", "1978-2012", "--alpha-min", "0.3", "--alpha-max", "0.6")
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(proc.stdout.splitlines()))
    assert [float(r["alpha"]) for r in rows] == pytest.approx(list(np.arange(0.30, 0.601, 0.05)))
    proc = nqpf_cli("tfp", "published", "seeds")
    assert proc.returncode == 0 and len(proc.stdout.strip().splitlines()) == len(tfp.seed_table()) + 1
    proc = nqpf_cli("tfp", "grid", "--periods", "1978to2012")
    assert proc.returncode != 0 and "FIRST-LAST" in proc.stderr
    proc = nqpf_cli("tfp", "periods")
    rows = list(csv.DictReader(proc.stdout.splitlines()))
    assert {(r["written"], r["first"], r["base"]) for r in rows} >= {("1993–2004", "1994", "1993"),
                                                                     ("2013-2019", "2013", "2012")}


def test_cli_index_is_rtfpna_rebased():
    proc = nqpf_cli("tfp", "index", "--countries", "CHN,USA", "--base", "1977")
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(proc.stdout.splitlines()))
    assert rows[0]["year"] == "1977" and float(rows[0]["CHN"]) == 1.0


def test_cli_robustness_json_and_csv():
    # One row worked by hand from the CSV (PWT 11.0, 2013-2019, base 2012, rkna, hours, α = 0.4):
    # TFP = g_Y - 0.4 g_K - 0.6 (g_L + g_H) = 6.72852 - 0.4*9.43715 - 0.6*(-0.42656 + 1.03476) = 2.58874
    # (the logs are shown in tests/unit/test_tfp.py::test_robustness_rows_by_hand).
    proc = nqpf_cli("tfp", "robustness", "--start", "2013", "--end", "2019")
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert len(rows) == 32  # 2 capitals x 2 labours x 4 alphas x 2 vintages
    key = ("11.0", "rkna", "emp*avh", "0.4")
    hit = [r for r in rows if (r["vintage"], r["capital"], r["labour"], r["alpha"]) == key]
    assert len(hit) == 1 and hit[0]["tfp"] == pytest.approx(2.58874, abs=1e-4)
    # Without --start/--end: 1979-2012, 2013-2019, 2013-2023; PWT 10.01's 2013-2023 cells are empty, not invented.
    proc = nqpf_cli("tfp", "robustness", "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(proc.stdout.splitlines()))
    assert {r["period"] for r in rows} == {"1979–2012", "2013–2019", "2013–2023"}
    empty = [r for r in rows if r["tfp"] == ""]
    assert len(empty) == 16 and {(r["vintage"], r["period"]) for r in empty} == {("10.01", "2013–2023")}
    assert all("ends in 2019" in r["note"] for r in empty)


@pytest.mark.parametrize("args,message", [
    (["--start", "2013"], "both --start and --end"), (["--start", "2019", "--end", "2013"], "after --end"),
    (["--start", "2030", "--end", "2031"], "no PWT vintage covers"), (["--country", "XXX"], "unknown country"),
])
def test_cli_robustness_bad_arguments(args, message):
    proc = nqpf_cli("tfp", "robustness", *args)
    assert proc.returncode != 0 and proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1 and message in proc.stderr
