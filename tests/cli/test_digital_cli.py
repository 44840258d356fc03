"""The digital-economy chapter: growth arithmetic, the 2025 target, compute, seed figures and the corpus counts."""

from __future__ import annotations

import json

import pytest

from tests.helpers import nqpf_cli

# ---------------------------------------------------------------- command line


def test_cli_summary_json():
    proc = nqpf_cli("digital")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["seeds_cagr_2014_2023"] == pytest.approx(14.80, abs=0.01)
    assert out["core_share_2023_reached"] == 9.9
    assert out["hubs"]["nodes"] == 8


def test_cli_target_csv_with_scenarios():
    proc = nqpf_cli("digital", "target", "--gdp-growth", "6", "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    header, first, *_ = proc.stdout.strip().splitlines()
    assert header.startswith("scenario,gdp_growth,core_growth_required")
    assert first.startswith("6%,6.0,11.4")


@pytest.mark.parametrize(
    "args, needle",
    [
        (["digital", "nosuch"], "invalid choice"),
        # growth years from 2015 need the 2014 level
        (["digital", "cagr", "--from", "2015", "--to", "2023"], "missing 2014"),
        (["digital", "cagr", "--levels", "1", "2"], "--levels needs --years"),
        (["digital", "cagr", "--levels", "0", "2", "--years", "3"], "positive levels"),
        (["digital", "target", "--gdp-growth", "abc"], "takes percentages"),
        (["digital", "compute", "--from", "2025", "--to", "2017"], "forward in time"),
    ],
)
def test_cli_bad_arguments_give_one_line(args, needle):
    proc = nqpf_cli(*args)
    assert proc.returncode != 0
    assert proc.stderr.count("\n") == 1 and needle in proc.stderr
    assert "Traceback" not in proc.stderr


def test_cli_core_outcomes():
    proc = nqpf_cli("digital", "core", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    rows = {r["year"]: r for r in json.loads(proc.stdout)}
    # 7.8 % (2020, pre-census GDP), 9.9 % (2023, NBS census basis), "10.5% 以上" (2026 government work report)
    assert (rows[2020]["share"], rows[2023]["share"], rows[2025]["share"]) == (7.8, 9.9, 10.5)
    assert rows[2020]["vintage"] != rows[2023]["vintage"] and "LOWER-BOUND" in rows[2025]["flags"]


def test_facts_prints_every_glued_value():
    proc = nqpf_cli("digital", "facts")
    assert proc.returncode == 0, proc.stderr
    f = json.loads(proc.stdout)
    # (53.9 / 22.6) ** (1 / 7) - 1 = 13.22 % (data/raw/cn_digital_economy_scale.csv rows 2016 and 2023)
    assert f["dg_caict_cagr"] == "13.2" and f["dg_scale_first_year"] == 2012
