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
    assert set(factcheck.VERDICT_KEYS.values()) == {"agrees", "agrees_preliminary", "rounding", "conflicts",
                                                    "cannot_check"}
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
    # 13 / 7.6 = 1.71: "幾近倍增" (nearly doubled) rounds to a doubling; it never claimed one
    assert rows.loc["sei_doubling", "verdict"] == "agrees" and "1.71" in rows.loc["sei_doubling", "computation"]


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
    # 003:745 gives no year and says 战略性产业: not the statistic 004:79 gives for 2023 (issue 22)
    assert rows.loc["sei_share_across", "verdict"] == "cannot check"
    assert "没有写年份" in rows.loc["sei_share_across", "reason"]


def test_outside_data_and_plausibility(rows):
    assert rows.loc["caict_scale", "verdict"] == "conflicts"  # 56.1 vs CAICT 53.9
    assert "2.2 万亿元" in rows.loc["caict_scale", "computation"]
    # the seed's 33,278 is NBS's preliminary 2023 figure (communiqué of 29 Feb 2024); the final is 33,357.1
    assert rows.loc["rd_final", "verdict"] == "agrees (preliminary)"
    assert factcheck.verdict("rd_final")["verdict_zh"] == "一致（初步数）"
    assert "79.1" in rows.loc["rd_final", "computation"]  # 33,357.1 - 33,278
    assert rows.loc["nbs_gdp_2023", "verdict"] == "agrees"
    assert rows.loc["genai_market", "verdict"] == "conflicts"
    assert "24.9 倍" in rows.loc["genai_market", "computation"]  # 144,000 / 5,784 = 24.90


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


def test_counts_add_up():
    c = factcheck.counts()
    assert c["n"] == sum(v for k, v in c.items() if k != "n") == len(factcheck.run())


# --- the verdicts follow the numbers (issue 20): each test feeds numbers that must flip a verdict -------------

def _patched_load(monkeypatch, name, edit):
    """data.load as the checks see it, with one file's frame edited."""
    real = data.load

    def load(n):
        df = real(n)
        return edit(df) if n == name else df
    monkeypatch.setattr(data, "load", load)


def _check(key):
    return factcheck.run().set_index("key").loc[key]


def test_caict_set_to_the_seeds_value_agrees(monkeypatch):
    # The seed says 56.1 万亿元; CAICT 53.9 conflicts (4 % above, beyond ±0.05). With CAICT at 56.1 it must agree,
    # and at 56.14 (rounds to 56.1 as written) too.
    assert _check("caict_scale")["verdict"] == "conflicts"
    for caict, expected in ((56.1, "agrees"), (56.14, "agrees"), (56.2, "conflicts")):
        _patched_load(monkeypatch, "cn_digital_economy_scale",
                      lambda df, v=caict: df.assign(value=df["value"].where(df["year"] != 2023, v)))
        assert _check("caict_scale")["verdict"] == expected, caict
        monkeypatch.undo()


def test_caict_share_follows_the_data(monkeypatch):
    # 42.8 rounds to 43, not the seed's 44; CAICT at 43.6 would round to 44
    assert _check("caict_share")["verdict"] == "conflicts"
    _patched_load(monkeypatch, "cn_digital_economy_share_gdp",
                  lambda df: df.assign(value=df["value"].where(df["year"] != 2023, 43.6)))
    assert _check("caict_share")["verdict"] == "agrees"


def test_a_missing_reference_row_cannot_be_checked_and_is_named(monkeypatch):
    _patched_load(monkeypatch, "cn_digital_economy_scale", lambda df: df[df["year"] != 2023])
    row = _check("caict_scale")
    assert row["verdict"] == "cannot check"
    assert "data/raw/cn_digital_economy_scale.csv" in row["reason"] and "2023" in row["computation"]


def test_a_missing_drone_row_is_a_data_error_not_a_conflict(monkeypatch):
    from nqpf.analysis import industries

    _patched_load(monkeypatch, "cn_drones_registered", lambda df: df[df["year"] != 2022])
    with pytest.raises(DataError, match=r"cn_drones_registered.csv.*has a row for 2022"):
        industries.low_altitude()
    row = _check("drones_2022_base")
    assert row["verdict"] == "cannot check" and "cn_drones_registered.csv" in row["reason"]


def test_nbs_gdp_combines_both_figures(monkeypatch):
    # 1,260,582 亿元 = 126.06 万亿 rounds to the seed's 126; real growth 5.2 as stated. At 5.3 % the growth conflicts.
    _patched_load(monkeypatch, "cn_real_gdp_growth",
                  lambda df: df.assign(value=df["value"].where(df["year"] != 2023, 5.3)))
    assert _check("nbs_gdp_2023")["verdict"] == "conflicts"


def test_rd_total_against_both_vintages(monkeypatch):
    # preliminary 33,278 = seed: agrees (preliminary). A final equal to the seed makes it plain "agrees";
    # neither (preliminary 33,000, final 33,357.1): conflicts.
    _patched_load(monkeypatch, "cn_rd_expenditure",
                  lambda df: df.assign(value=df["value"].where(df["year"] != 2023, 33278.0)))
    assert _check("rd_final")["verdict"] == "agrees"
    monkeypatch.undo()
    _patched_load(monkeypatch, "factcheck_reference_figures", lambda df: df.assign(value=33000.0))
    assert _check("rd_final")["verdict"] == "conflicts"
    monkeypatch.undo()
    _patched_load(monkeypatch, "factcheck_reference_figures", lambda df: df.iloc[0:0])
    assert _check("rd_final")["verdict"] == "cannot check"


def _replace_claim(monkeypatch, ref, old, new):
    """engine.claim with one figure of one seed line replaced (the raw text and the value)."""
    real = factcheck.engine.claim

    def claim(r, pattern):
        c = real(r, pattern)
        if r != ref or old not in c.numbers:
            return c
        numbers = tuple(new if n == old else n for n in c.numbers)
        values = tuple(float(new.replace(",", "")) if n == old else v for n, v in zip(c.numbers, c.values))
        return factcheck.Claim(c.ref, c.raw.replace(old, new), numbers, values)
    monkeypatch.setattr(factcheck.engine, "claim", claim)


def test_genai_plausibility_follows_the_ratio(monkeypatch):
    # 14.4 万亿 = 24.9 x the AI core industry (5,784 亿): a part larger than its whole conflicts;
    # 0.4 万亿 = 4,000 亿 = 0.69 x: plausible.
    _replace_claim(monkeypatch, "000:34", "14.4", "0.4")
    assert _check("genai_market")["verdict"] == "agrees"


def test_shanghai_different_measures_unless_larger_than_the_nation(monkeypatch):
    # 3,800 / 5,784 = 66 %: different measures (editorial, with reason) -> cannot check;
    # 6,000 / 5,784 = 104 %: one city above the whole nation conflicts whatever the measure.
    assert _check("shanghai_ai")["verdict"] == "cannot check"
    _replace_claim(monkeypatch, "001:97", "3800", "6000")
    assert _check("shanghai_ai")["verdict"] == "conflicts"


def test_editorial_judgement_is_data(monkeypatch):
    # Without the recorded judgement "method not stated", PWT's 4.30/1.01/0.73/3.88 against the seed's
    # 4.1/1.1/1.0/3.7 is a plain conflict (0.2 and more, beyond ±0.05).
    assert _check("pwt_tfp_1978_2012")["verdict"] == "cannot check"
    empty = data.load("factcheck_editorial").iloc[0:0].set_index("key")
    monkeypatch.setattr(factcheck.engine, "_editorial", lambda: empty)
    assert _check("pwt_tfp_1978_2012")["verdict"] == "conflicts"


def test_nearly_doubled_rule(monkeypatch):
    # 13 / 7.6 = 1.71 rounds to 2 (1.5 <= r < 2.5): agrees. 10 / 7.6 = 1.32 does not; with "以上" it could not be
    # refuted (cannot check); 20 / 7.6 = 2.63 is more than a doubling (conflicts).
    assert factcheck.engine.nearest_multiple(1.63, 1.71, 1.79, 2) == "agrees"
    _replace_claim(monkeypatch, "004:79", "13", "10")
    assert _check("sei_doubling")["verdict"] == "cannot check"  # "10%以上": a lower bound
    monkeypatch.undo()
    _replace_claim(monkeypatch, "004:79", "13", "20")
    assert _check("sei_doubling")["verdict"] == "conflicts"
    assert factcheck.engine.nearest_multiple(1.30, 1.32, 1.34, 2) == "conflicts"


def test_digital_share_needs_only_one_input_at_its_end():
    # 56.1 / 126 = 44.52 % rounds to 45; 56.05 / 126 = 44.48 % and 56.1 / 126.5 = 44.35 % both round to 44:
    # either input alone at its unfavourable end gives the stated 44 % (issue 22).
    from nqpf.analysis.factcheck import arithmetic

    f = arithmetic.digital_share_figures()
    assert f["single_ends"] == ["56.1", "126"] and f["rounded"] == 45
    assert "只需一个输入" in _check("digital_share")["reason"]


def test_same_statistic_needs_the_same_year():
    from nqpf.analysis.factcheck import across

    a = factcheck.Claim("004:79", "2023年的13%以上", ("13",), (13.0,))
    b = factcheck.Claim("003:745", "2023年超过13%", ("13",), (13.0,))
    c = factcheck.Claim("003:745", "超过 13%", ("13",), (13.0,))
    assert across._same_value("k", a, b, "占比")["verdict"] == "agrees"
    assert across._same_value("k", a, factcheck.Claim("003:745", "2023年14%", ("14",), (14.0,)), "占比")["verdict"] \
        == "conflicts"
    assert across._same_value("k", a, c, "占比")["verdict"] == "cannot check"


def test_files_a_verdict_reads_are_the_appendixs(monkeypatch, tmp_path):
    # A chapter asking for a verdict during a build: the data the check loads are recorded under book/factcheck,
    # not under the chapter (the data catalogue credits pages with these records).
    from nqpf.core import usage

    monkeypatch.setenv(usage.DIR, str(tmp_path))
    monkeypatch.setenv(usage.DOCNAME, "book/industries")
    factcheck.run("outside")
    appendix = (tmp_path / "book" / "factcheck.txt").read_text(encoding="utf-8").split()
    assert "data/raw/cn_digital_economy_scale.csv" in appendix
    chapter = tmp_path / "book" / "industries.txt"
    assert not chapter.exists() or "data/raw/cn_digital_economy_scale.csv" not in chapter.read_text(encoding="utf-8")
    import os
    assert os.environ[usage.DOCNAME] == "book/industries"  # restored
