"""One grammar for every topic: ``python -m nqpf TOPIC ACTION [options]``; old spellings still work for one
release, with one deprecation line on stderr."""

from __future__ import annotations

import argparse
import json

import pytest

from nqpf.cli import build_parser, modernise
from tests.helpers import nqpf_cli


def topics() -> dict[str, argparse.ArgumentParser]:
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def actions_of(parser: argparse.ArgumentParser) -> list[str]:
    for a in parser._actions:
        if isinstance(a, argparse._SubParsersAction):
            return list(a.choices)
        if a.dest == "action" and a.choices:
            return list(a.choices)
    return []


def test_every_topic_takes_an_action():
    found = topics()
    assert {"data", "seeds", "tfp", "digital", "industries", "concept", "factcheck", "corpus", "claims",
            "book"} <= set(found)
    missing = [t for t, p in found.items() if not actions_of(p)]
    assert not missing, f"topics without ACTION: {missing}"
    assert "-" not in "".join(found)  # no tfp-grid style topics left


@pytest.mark.parametrize("old, new", [
    (["tfp-grid", "--periods", "1978-2012"], ["tfp", "grid", "--periods", "1978-2012"]),
    (["tfp", "--country", "KOR", "--json"], ["tfp", "decompose", "--country", "KOR"]),
    (["tfp"], ["tfp", "decompose"]),
    (["timeline", "--category", "ai"], ["concept", "timeline", "--category", "ai"]),
    (["concept", "--section", "numbers"], ["concept", "structure", "--section", "numbers"]),
    (["factcheck", "--summary", "--kind", "count"], ["factcheck", "summary", "--kind", "count"]),
    (["claims", "--evaluate"], ["claims", "evaluate"]),
    (["claims", "--seed", "000"], ["claims", "list", "--seed", "000"]),
    (["notebooks", "--execute"], ["book", "notebooks", "--execute"]),
    (["catalogue"], ["book", "catalogue"]),
    (["seeds"], ["seeds", "list"]),
])
def test_old_spellings_are_rewritten_with_a_note(old, new):
    got, note = modernise(old)
    assert got == new
    assert note.startswith("nqpf: deprecated:") and " ".join(new) in note


@pytest.mark.parametrize("argv", [["tfp", "grid"], ["digital"], ["digital", "target", "--gdp-growth", "4"],
                                  ["tfp", "--help"], []])
def test_current_spellings_are_left_alone(argv):
    assert modernise(argv) == (argv, None)


def test_old_spelling_runs_with_one_deprecation_line():
    old, new = nqpf_cli("tfp", "--start", "1978", "--end", "2012", "--json"), nqpf_cli("tfp", "decompose")
    assert old.returncode == new.returncode == 0
    assert json.loads(old.stdout) == json.loads(new.stdout)
    assert old.stderr.count("\n") == 1 and "tfp decompose" in old.stderr and new.stderr == ""


def test_percentages_are_read_the_same_either_way():
    spaced = nqpf_cli("industries", "scenarios", "--gdp-growth", "4", "6", "8", "--format", "csv")
    commas = nqpf_cli("industries", "scenarios", "--gdp-growth", "4,6,8", "--format", "csv")
    assert spaced.returncode == commas.returncode == 0, spaced.stderr + commas.stderr
    assert spaced.stdout == commas.stdout and spaced.stdout.count("\n") == 4  # header and three scenarios
    rows = json.loads(nqpf_cli("digital", "target", "--gdp-growth", "4%,6%", "8").stdout)
    assert [r["gdp_growth"] for r in rows][:3] == [4.0, 6.0, 8.0]


def test_format_csv_also_works_for_a_single_result():
    proc = nqpf_cli("tfp", "decompose", "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    header, row = proc.stdout.strip().splitlines()
    assert header.startswith("gdp,capital,labour,human_capital,tfp") and "specification.vintage" in header
