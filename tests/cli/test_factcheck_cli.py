"""Appendix 事实核查: claims read from the seed lines, the verdict rules, hand-checked results, the command line."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from nqpf.analysis import factcheck
from tests.helpers import nqpf_cli


def test_cli_rows_and_summary():
    proc = nqpf_cli("factcheck", "checks", "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    out = pd.read_csv(io.StringIO(proc.stdout))
    assert list(out.columns) == ["key", "kind", "claims", "seed_refs", "computation", "verdict", "reason"]
    assert len(out) == len(factcheck.run())
    proc = nqpf_cli("factcheck", "summary", "--kind", "count")
    assert proc.returncode == 0 and '"kind": "count"' in proc.stdout
    # the seed's R&D total is NBS's preliminary 33,278 亿元 (final 33,357.1): its own verdict, counted as such
    assert out.set_index("key").loc["rd_final", "verdict"] == "agrees (preliminary)"
    proc = nqpf_cli("factcheck", "summary", "--format", "csv")
    total = pd.read_csv(io.StringIO(proc.stdout)).set_index("kind").loc["total"]
    assert total["agrees (preliminary)"] == 1 and total.sum() == len(out)


def test_cli_facts_are_what_the_appendix_prints():
    proc = nqpf_cli("factcheck", "facts", "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    facts = pd.read_csv(io.StringIO(proc.stdout)).iloc[0]
    # 56.1 / 126 = 44.52 % -> 45; counts add up to the number of checks
    assert facts["share_rounded"] == 45 and facts["n"] == sum(facts[k] for k in factcheck.VERDICT_KEYS.values())


@pytest.mark.parametrize("args", [("factcheck", "facts", "--format", "xlsx"),
                                  ("factcheck", "checks", "--kind", "gossip"),
                                  ("factcheck", "summary", "--format", "xlsx"), ("factcheck", "nosuch")])
def test_cli_bad_arguments_one_line(args):
    proc = nqpf_cli(*args)
    assert proc.returncode != 0
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
