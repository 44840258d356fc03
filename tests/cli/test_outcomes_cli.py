"""`python -m nqpf outcomes score|list`."""

from __future__ import annotations

import csv
import json

import pytest

from nqpf.analysis import outcomes
from tests.helpers import nqpf_cli


def test_score_prints_one_row_per_target():
    proc = nqpf_cli("outcomes", "score")
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(proc.stdout.splitlines()))
    assert [r["indicator"] for r in rows] == [t.key for t in outcomes.TARGETS]
    basic = next(r for r in rows if r["indicator"] == "basic_research_share")
    assert (basic["status"], basic["outcome"], basic["target"]) == ("missed", "7.08", "8.0")


def test_list_filters_and_rejects_unknown_indicators():
    proc = nqpf_cli("outcomes", "list", "--indicator", "compute_total")
    rows = list(csv.DictReader(proc.stdout.splitlines()))
    assert {r["indicator"] for r in rows} == {"compute_total"} and all(r["quote"] for r in rows)
    proc = nqpf_cli("outcomes", "list", "--indicator", "nope")
    assert proc.returncode != 0 and proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1 and "unknown indicator 'nope'" in proc.stderr


def test_rd_bulletin_tables():
    proc = nqpf_cli("outcomes", "rd-bulletin", "provinces")
    assert proc.returncode == 0, proc.stderr
    rows = {r["province"]: r for r in csv.DictReader(proc.stdout.splitlines())}
    # 附表2, lines 1113-1125 of data/official/nbs_2024_rd_bulletin.txt: 广东 5099.6, 3.60 %, revised 2023 3.48 %
    assert len(rows) == 31 and rows["广东"]["rd_expenditure_2024"] == "5099.6"
    assert rows["广东"]["rd_intensity_2023_revised"] == "3.48"
    proc = nqpf_cli("outcomes", "rd-bulletin", "nation")
    assert proc.returncode != 0 and len(proc.stderr.strip().splitlines()) == 1


def test_targets_plan_15_and_realised_growth():
    proc = nqpf_cli("outcomes", "targets", "--plan", "15", "--gdp-growth", "5")
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(proc.stdout.splitlines()))
    assert {r["status_zh"] for r in rows} == {"目标（不是结果）"}
    rd = next(r for r in rows if r["requirement_zh"] == "2030 年研发经费至少（亿元）")
    assert float(rd["value"]) == pytest.approx(39200 * 1.07 ** 5)  # ≥ 7 % a year from "超过3.92万亿元" (2025)
    proc = nqpf_cli("outcomes", "gdp-growth", "--from", "2024", "--to", "2025", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    # (1,401,879 / 1,294,272) ** 0.5 - 1: NBS 2025 preliminary over the census-revised 2023 (WDI)
    assert json.loads(proc.stdout)["cagr"] == pytest.approx(((1401879 / 1294271.78) ** 0.5 - 1) * 100, abs=1e-3)
    proc = nqpf_cli("outcomes", "gdp-growth", "--from", "1990")
    assert proc.returncode != 0 and len(proc.stderr.strip().splitlines()) == 1 and "1989" in proc.stderr


def test_facts_and_the_scoring_columns():
    proc = nqpf_cli("outcomes", "facts")
    assert proc.returncode == 0, proc.stderr
    f = json.loads(proc.stdout)
    assert (f["oc_n_met"], f["oc_lp_years_missing"]) == (3, "2021–2024")
    # the score says which years of an "each year" target are missing and which outcome is a chained estimate
    rows = {r["indicator"]: r for r in csv.DictReader(nqpf_cli("outcomes", "score").stdout.splitlines())}
    assert rows["labour_productivity_growth_gap"]["years_missing"] == "2021–2024"
    assert rows["energy_intensity_reduction"]["chained"] == "True"
