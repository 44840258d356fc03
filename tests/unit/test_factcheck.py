"""Appendix 事实核查: claims read from the seed lines, the verdict rules, hand-checked results, the command line."""

from __future__ import annotations

import math

import pytest

from nqpf.analysis import factcheck
from nqpf.core import data, seeds
from nqpf.core.errors import DataError


@pytest.fixture(scope="module")
def rows():
    return factcheck.run().set_index("key")


def test_claims_are_read_from_the_seed_text():
    c = factcheck.claim("000:12", r"分别拉动{n}、{n}、{n}和{n}个百分点")
    assert c.raw in seeds.line("000", 12)
    assert c.numbers == ("4.1", "1.1", "1.0", "3.7")  # the first of the two lists on line 12
    assert c.values == (4.1, 1.1, 1.0, 3.7)
    rd = factcheck.claim("004:57", r"經費支出高達 {n} 億元")
    assert rd.value == 33278  # thousands separator dropped
    with pytest.raises(DataError, match="claim pattern found"):
        factcheck.claim("000:12", r"分别拉动{n}个千分点")


def test_every_figure_the_factcheck_uses_is_in_the_ledger(monkeypatch):
    used, real = [], factcheck.engine.claim
    monkeypatch.setattr(factcheck.engine, "claim", lambda ref, pattern: used.append(real(ref, pattern)) or used[-1])
    factcheck.run()
    ledger = data.load("claims")  # the published file, validated against its manifest
    fallbacks, checked = set(), 0
    for c in used:
        sid, first, last = seeds.parse_ref(c.ref)
        rows = ledger[(ledger["seed"] == sid) & ledger["line"].between(first, last)]
        for written, value in zip(c.numbers, c.values):
            if value is None:
                continue  # captured text (a list of items, a definition), not a figure
            if (c.ref, written) in factcheck.FALLBACKS:
                fallbacks.add((c.ref, written))
                continue
            # the ledger row states the same figure: its raw text contains it, its value is it in a base unit
            hit = [r for r in rows.itertuples() if written in r.raw
                   and any(math.isclose(r.value, value * 10**k, rel_tol=1e-12) for k in range(13))]
            assert hit, (c.ref, written)
            checked += 1
    assert checked >= 40
    assert fallbacks == set(factcheck.FALLBACKS)  # every fallback is needed, and each is listed


def test_claim_values_come_from_the_ledger(monkeypatch):
    with pytest.raises(DataError, match="in the claims ledger"):
        factcheck.claim("000:12", r"({n})-2012年")  # a year: not a claim, not a listed fallback
    led = factcheck.engine._ledger("000").copy()
    led.loc[(led["line"] == 12) & (led["raw"] == "9.9%"), "value"] = 9.8
    monkeypatch.setattr(factcheck.engine, "_ledger", lambda sid: led)
    with pytest.raises(DataError, match="ledger value equals the written figure"):
        factcheck.claim("000:12", r"平均增速{n}%")


def test_rounding_rules_by_hand():
    assert factcheck.half_unit("4.1") == 0.05 and factcheck.half_unit("6.65") == 0.005
    assert factcheck.half_unit("33,278") == 0.5
    assert factcheck.round_half_up(44.5, 0) == 45 and factcheck.round_half_up(6.6470, 2) == 6.65
    # 4.4 + 0 + 0.5 + 2.0 = 6.9 against 7.0: not equal, but within the inputs' rounding
    assert factcheck.judge(6.9, 6.25, 7.55, 7.0, "7.0") == "rounding"
    assert factcheck.judge(9.9, 9.7, 10.1, 9.9, "9.9") == "agrees"
    assert factcheck.judge(8.0, 7.9, 8.1, 7.0, "7.0") == "conflicts"
    # a total that is exact by definition (100 %) has no rounding of its own
    assert factcheck.judge(100.1, 99.95, 100.25, 100, "100", exact_stated=True) == "rounding"


def test_every_row_is_complete(rows):
    assert rows.index.is_unique and len(rows) >= 25
    assert set(rows["verdict"]) <= set(factcheck.VERDICTS)
    assert set(rows["kind"]) == set(factcheck.KINDS)
    for key, r in rows.iterrows():
        assert r["claims"] and r["computation"] and r["reason"], key
        for ref in r["seed_refs"].split("; "):
            sid, first, last = seeds.parse_ref(ref)
            seeds.line(sid, last)  # raises if the cited line does not exist
            assert seeds.cite(sid, first, last) in r["claims"], key


def test_internal_arithmetic_as_computed_by_hand(rows):
    assert rows.loc["growth_1978_2012", "verdict"] == "agrees"  # 4.1+1.1+1.0+3.7 = 9.9
    assert rows.loc["growth_2013_2019", "verdict"] == "rounding"  # 6.9 vs 7.0
    assert rows.loc["pboc_shares", "verdict"] == "rounding"  # 36.6+44.1+19.4 = 100.1
    assert "100.1" in rows.loc["pboc_shares", "computation"]
    assert rows.loc["digital_share", "verdict"] == "rounding"  # 56.1/126 = 44.52 %, stated 44 %
    assert "44.52" in rows.loc["digital_share", "computation"]
    assert rows.loc["basic_research_share", "verdict"] == "agrees"  # 2212/33278 = 6.647 %
    assert rows.loc["rd_implied_gdp", "verdict"] == "agrees"  # 33278/0.0264 = 126.05 万亿


def test_stated_counts(rows):
    # seed 002 announces 八大 strategic emerging industries and lists i.-vii. (read by hand, lines 38-52)
    assert rows.loc["eight_sei_002", "verdict"] == "conflicts"
    assert "列出 7 项" in rows.loc["eight_sei_002", "computation"]
    assert rows.loc["nine_future_002", "verdict"] == "agrees"
    assert rows.loc["eight_sectors_000", "verdict"] == "agrees"
    assert rows.loc["ten_plus_002", "verdict"] == "agrees"  # eleven fields named for 十多个


def test_across_seeds(rows):
    diffs = factcheck.definition_differences().set_index("seed_ref")
    assert diffs.loc["002:15", "identical"]  # punctuation aside
    assert diffs.loc["004:11", "variant_only"] and "品质" in diffs.loc["004:11", "differences"]
    assert rows.loc["definition_across", "verdict"] == "agrees"
    for key in ("dates_first_mention", "dates_cewc", "dates_politburo_11", "sei_target_across"):
        assert rows.loc[key, "verdict"] == "agrees", key


def test_outside_data_and_plausibility(rows):
    assert rows.loc["caict_scale", "verdict"] == "conflicts"  # 56.1 vs CAICT 53.9
    assert "2.2 万亿元" in rows.loc["caict_scale", "computation"]
    assert rows.loc["rd_final", "verdict"] == "cannot check"
    assert "79.1" in rows.loc["rd_final", "computation"]  # 33,357.1 - 33,278
    assert rows.loc["nbs_gdp_2023", "verdict"] == "agrees"
    assert rows.loc["genai_market", "verdict"] == "conflicts"
    assert "25 倍" in rows.loc["genai_market", "computation"]  # 144,000 / 5,784 = 24.9


def test_summary_counts_every_check():
    rows = factcheck.run()
    s = factcheck.summary(rows).set_index("kind")
    assert s.loc["total"].sum() == len(rows)
    assert (s.drop(index="total").sum() == s.loc["total"]).all()
    assert list(s.columns) == list(factcheck.VERDICTS)


def test_run_kind_computes_only_that_kinds_checks(monkeypatch):
    called = []
    for kind, checks in factcheck.CHECKS.items():
        monkeypatch.setitem(factcheck.CHECKS, kind, [lambda k=kind, f=f: called.append(k) or f() for f in checks])
    rows = factcheck.run("count")
    assert set(called) == {"count"} and len(called) == len(rows) > 0
    assert set(rows["kind"]) == {"count"}
