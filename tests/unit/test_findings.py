"""The findings register: verdicts computed from the specifications, wording chosen by the verdict."""

from __future__ import annotations

import pytest

from nqpf.analysis import findings
from nqpf.analysis.findings import Finding, Spec
from nqpf.core.errors import DataError, UsageError


def test_a_claim_that_fails_under_one_specification_depends_on_it():
    f = Finding.decide("share-falls", "tfp", "< 0", [Spec("α=0.3", -5.0), Spec("α=0.5", -1.0), Spec("PWT 10.01", 2.0)],
                       robust="份额下降。", depends="份额在多数设定下下降，但在{flips}下上升（{k}/{n}）。")
    assert f.verdict == "depends"
    assert f.flips_under == ["PWT 10.01"]
    assert f.statement == "份额在多数设定下下降，但在PWT 10.01下上升（2/3）。"
    assert "稳健" not in findings.label(f) and "PWT 10.01" in findings.label(f)


def test_a_claim_that_holds_everywhere_is_robust():
    f = Finding.decide("rank-one", "provinces", "== 1", [("熵权", 1), ("CRITIC", 1), ("等权", 1)],
                       robust="北京第一。", depends="北京并非总是第一。")
    assert (f.verdict, f.statement, findings.label(f)) == ("robust", "北京第一。", "稳健（全部 3 种设定下成立）")


def test_boundaries_and_missing_values():
    assert findings.holds(">= 17", 17.0) and not findings.holds("> 17", 17.0)
    assert not findings.holds("> 0", float("nan"))  # a value that could not be computed never supports a claim
    with pytest.raises(UsageError):
        findings.holds("positive", 1.0)


def test_fewer_than_three_specifications_or_a_bad_id_are_refused():
    with pytest.raises(DataError, match="at least 3"):
        Finding.decide("x", "s", "> 0", [("a", 1), ("b", 2)], robust="", depends="")
    with pytest.raises(UsageError, match="kebab-case"):
        Finding.decide("Not_Kebab", "s", "> 0", [("a", 1), ("b", 2), ("c", 3)], robust="", depends="")
