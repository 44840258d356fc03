"""The claims ledger: extraction rules on hand-made examples, the hand-labelled seed lines, the CLI and the file."""

from __future__ import annotations

import io
import json
import math

import pandas as pd
import pytest

from nqpf.analysis import claims
from nqpf.core import data
from tests.helpers import nqpf_cli


@pytest.fixture(scope="module")
def ledger():
    return claims.extract()


def rows(ledger, seed, line):
    return ledger[(ledger["seed"] == seed) & (ledger["line"] == line)]


def test_declines_are_negative(ledger):
    r = rows(ledger, "000", 40).set_index("raw")
    assert r.loc["26.4%", "value"] == -26.4 and r.loc["26.4%", "kind"] == "growth"
    assert r.loc["55.3%", "value"] == 55.3  # 下降到 55.3%: a level, not a decline
    assert rows(ledger, "001", 105)["value"].tolist() == [-20.0, 35.0]  # 缩短20%, 提升近35%


def test_cli_lists_the_ledger_and_the_committed_file_is_current():
    out = nqpf_cli("claims", "list", "--format", "csv")
    assert out.returncode == 0, out.stderr
    printed = pd.read_csv(io.StringIO(out.stdout), dtype={"seed": str})
    written = data.load("claims")  # data/derived/claims.csv from `make data`, validated against its manifest
    assert len(printed) == len(written) == len(claims.extract())
    assert (written["seed"] + ":" + written["line"].astype(str)).tolist() == \
        (printed["seed"] + ":" + printed["line"].astype(str)).tolist()
    assert written["value"].tolist() == pytest.approx(printed["value"].tolist())


def test_cli_write_is_the_only_writer(tmp_path, monkeypatch):
    """`claims write` (what `make data` runs) writes the ledger; listing it writes nothing."""
    from nqpf.core import paths

    before = {p.name: p.stat().st_mtime_ns for p in paths.DERIVED.iterdir()}
    assert nqpf_cli("claims", "list", "--seed", "000").returncode == 0
    assert {p.name: p.stat().st_mtime_ns for p in paths.DERIVED.iterdir()} == before
    monkeypatch.setattr(data, "DERIVED", tmp_path)
    path = claims.write()
    assert path.parent == tmp_path and len(data.validate(path)) == len(claims.extract())
    assert path.read_bytes() == (paths.DERIVED / "claims.csv").read_bytes()  # the committed file is current


def test_cli_filters_and_evaluation():
    out = nqpf_cli("claims", "list", "--seed", "4", "--kind", "contribution")
    assert out.returncode == 0
    got = json.loads(out.stdout)
    assert [r["value"] for r in got] == [36.6, 44.1, 19.4, 25.0]
    assert all(r["high"] is None or not math.isnan(r["high"]) for r in got)
    ev = json.loads(nqpf_cli("claims", "evaluate").stdout)
    assert ev["precision"] >= 0.9 and ev["recall"] >= 0.9


@pytest.mark.parametrize("args,message", [
    (["claims", "list", "--seed", "7"], "unknown seed"),
    (["claims", "list", "--kind", "rumour"], "unknown kind"),
    (["claims", "counts", "--format", "xml"], "invalid choice"),
    (["claims", "nosuch"], "invalid choice"),
])
def test_cli_bad_arguments(args, message):
    out = nqpf_cli(*args)
    assert out.returncode != 0 and message in out.stderr
    assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr
