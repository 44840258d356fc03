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
