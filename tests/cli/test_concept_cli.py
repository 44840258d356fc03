"""Chapter 概念与政策脉络: the definition's structure and the policy timeline, each cell checked against its
seed line."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from nqpf.core import data
from tests.helpers import nqpf_cli

# ---------------------------------------------------------------- command line


def test_cli_timeline_csv_and_filter():
    proc = nqpf_cli("concept", "timeline", "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    out = pd.read_csv(io.StringIO(proc.stdout), dtype=str)
    assert len(out) == len(data.load("policy_timeline"))
    assert list(out.columns[:3]) == ["date", "precision", "date_as_written"]
    proc = nqpf_cli("concept", "timeline", "--category", "quantum", "--format", "csv")
    assert set(pd.read_csv(io.StringIO(proc.stdout))["category"]) == {"quantum"}


def test_cli_concept_json():
    proc = nqpf_cli("concept", "structure", "--section", "numbers")
    assert proc.returncode == 0, proc.stderr
    assert "符合创新、协调、绿色、开放、共享的新发展理念" in proc.stdout


@pytest.mark.parametrize("args", [("concept", "timeline", "--category", "sports"),
                                  ("concept", "structure", "--section", "x"),
                                  ("concept", "timeline", "--format", "xml"), ("concept", "nosuch")])
def test_cli_bad_arguments_one_line(args):
    proc = nqpf_cli(*args)
    assert proc.returncode != 0
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr


def test_concept_rd_table_and_growth():
    import json

    proc = nqpf_cli("concept", "rd", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    rows = {r["year"]: r for r in json.loads(proc.stdout)}
    assert rows[2023]["expenditure"] == 33357.1 and rows[2023]["intensity_first_release"] == 2.65
    proc = nqpf_cli("concept", "rd", "--first", "2023", "--last", "2023", "--format", "json")
    out = json.loads(proc.stdout)
    assert out["base"] == 2022 and abs(out["rd_growth_percent"] - (33357.1 / 30782.9 - 1) * 100) < 1e-9
    proc = nqpf_cli("concept", "rd", "--first", "2023")
    assert proc.returncode != 0 and len(proc.stderr.strip().splitlines()) == 1


def test_concept_facts_prints_what_the_chapter_glues():
    import json

    proc = nqpf_cli("concept", "facts")
    assert proc.returncode == 0, proc.stderr
    facts = json.loads(proc.stdout)
    # The final 2023 R&D total is 33,357.1 亿元 (NBS 2023 全国科技经费投入统计公报, data/raw/cn_rd_expenditure.csv).
    assert facts["cr_exp_2023"] == "33,357.1"
