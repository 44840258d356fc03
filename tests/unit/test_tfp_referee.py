"""Referee item: Japan's and Korea's negative TFP growth in 2013-2023 holds only when labour is measured with
PWT's human-capital index hc (and in heads); the sentence names that, read from the specifications' names."""

from __future__ import annotations

import math

import pytest

from nqpf.analysis import findings
from nqpf.analysis.findings import tfp as ftfp

FID = "tfp-jpn-kor-negative-2013-2023"


def _finding():
    return next(f for f in findings.register("tfp") if f.id == FID)


def test_japan_korea_with_and_without_human_capital_by_hand():
    f = _finding()
    v = {s.name: s.value for s in f.specifications}
    assert len(v) == 32                      # 16 PWT 11.0 specifications x labour with / without hc
    # pwt110_selected.csv, 2012 and 2023 rows (rgdpna, rnna, emp, hc):
    # JPN 5129414 / 5522683.5, 28024686 / 29998940, 62.73429871 / 67.93271637, 3.518575907 / 3.656504393
    # KOR 2177522.25 / 2912586, 10048379 / 14877307, 24.95499802 / 28.44015312, 3.516756535 / 3.87371254
    ln = math.log
    jpn = (ln(5522683.5 / 5129414) - 0.4 * ln(29998940 / 28024686)
           - 0.6 * (ln(67.93271637 / 62.73429871) + ln(3.656504393 / 3.518575907))) / 11 * 100   # -0.220
    kor = (ln(2912586 / 2177522.25) - 0.4 * ln(14877307 / 10048379)
           - 0.6 * (ln(28.44015312 / 24.95499802) + ln(3.87371254 / 3.516756535))) / 11 * 100  # -0.023
    assert v["PWT 11.0·rnna·人数·α=0.4·含 hc"] == pytest.approx(max(jpn, kor), abs=1e-9) and max(jpn, kor) < 0
    # without hc the schooling term stays in the residual: Korea's hc rose 10 %, so its TFP turns positive
    kor_raw = (ln(2912586 / 2177522.25) - 0.4 * ln(14877307 / 10048379)
               - 0.6 * ln(28.44015312 / 24.95499802)) / 11 * 100                                  # +0.504
    assert v["PWT 11.0·rnna·人数·α=0.4·不含 hc"] == pytest.approx(kor_raw, abs=1e-9) and kor_raw > 0
    held = [n for n in v if n not in f.flips_under]
    assert len(held) == 6 and all(n.endswith("·含 hc") and "·人数·" in n for n in held)
    assert not any(v[n] < 0 for n in v if n.endswith("·不含 hc"))         # 0 of 16 without hc


def test_the_sentence_names_what_the_holding_specifications_share():
    f = _finding()
    names = [s.name for s in f.specifications]
    held = [n for n in names if n not in f.flips_under]
    assert ftfp.shared_parts(held, names) == [("人数", ["工时"]), ("含 hc", ["不含 hc"])]
    assert "这 6 种都按就业人数计劳动并且把 PWT 的人力资本指数 hc 计入劳动" in f.statement
    assert "不把人力资本 hc 计入劳动的 16 种设定" in f.statement and "没有一种两国都为负" in f.statement
    assert f.verdict == "depends" and "稳健" not in findings.label(f)


def test_hours_fell_so_counting_heads_lowers_tfp_by_hand():
    # pwt110_selected.csv avh: JPN 2012 1781.3, 2023 1653.9; KOR 2012 2110.26, 2023 1910.23. The period 2013-2023
    # has 11 growth years from the 2012 base; mean Δln avh x 100 = ln(avh_2023 / avh_2012) / 11 x 100
    jpn = -math.log(1653.9 / 1781.3) / 11 * 100                                     # 0.6746
    kor = -math.log(1910.23 / 2110.26) / 11 * 100                                   # 0.9053
    assert ftfp.hours_decline("JPN", 2013, 2023) == pytest.approx(jpn)
    assert ftfp.hours_decline("KOR", 2013, 2023) == pytest.approx(kor)
    f = _finding()
    assert f.extra["hours_decline"] == pytest.approx({"JPN": jpn, "KOR": kor})
    assert "两国都为负的这 6 种设定有共同的向下偏差" in f.statement
    assert "日本约 0.67%、韩国约 0.91%" in f.statement and "按人数计就高估了劳动投入的增长" in f.statement


def test_shared_parts_by_hand():
    every = ["A·x·含", "A·y·含", "B·x·含", "B·y·含", "A·x·不含", "B·y·不含"]
    assert ftfp.shared_parts(["A·x·含", "B·x·含"], every) == [("x", ["y"]), ("含", ["不含"])]
    assert ftfp.shared_parts(["A·x·含", "B·y·不含"], every) == []        # nothing in common


# ---------------------------------------------------------------- growth accounting helpers, by hand from the CSV
# pwt110_selected.csv, CHN rows (rgdpna, rnna, emp, hc):
#   1978: 658703, 2240512.25, 446.7073059, 1.684067011
#   2012: 16135730, 63722176, 772.4234009, 2.510403633
#   2019: 25842820, 126968344, 765.7302246, 2.698987007
Y = {1978: 658703, 2012: 16135730, 2019: 25842820}
K = {1978: 2240512.25, 2012: 63722176, 2019: 126968344}
L = {1978: 446.7073059, 2012: 772.4234009, 2019: 765.7302246}
H = {1978: 1.684067011, 2012: 2.510403633, 2019: 2.698987007}


def _hand(y0, y1, a=0.4):
    """Per-year means of log growth x 100 with a fixed alpha: with a fixed alpha the sums telescope."""
    n = y1 - y0
    g = {k: 100 * math.log(s[y1] / s[y0]) / n for k, s in (("Y", Y), ("K", K), ("L", L), ("H", H))}
    tfp = g["Y"] - a * g["K"] - (1 - a) * (g["L"] + g["H"])
    return g, tfp


def test_period_rows_and_mean_log_growth_by_hand():
    from nqpf.analysis import tfp
    from nqpf.analysis.tfp.accounting import period_rows
    from nqpf.core.errors import UsageError

    p = tfp.pwt("11.0")
    rows = period_rows(tfp.annual(p, "CHN", 0.4), "CHN", 2013, 2019)
    assert list(rows.index) == list(range(2013, 2020))                  # growth years from the 2012 base
    g, t = _hand(2012, 2019)
    assert rows["gdp"].mean() == pytest.approx(g["Y"]) and rows["tfp"].mean() == pytest.approx(t)
    assert tfp.mean_log_growth(p, "CHN", "rgdpna", 2013, 2019) == pytest.approx(g["Y"])     # 6.73
    with pytest.raises(UsageError):
        period_rows(tfp.annual(p, "CHN", 0.4), "CHN", 2013, 2030)


def test_shares_per_worker_and_compare_by_hand():
    from nqpf.analysis import tfp

    # a hand-made decomposition: 10 = 4 + 1 + 0.5 + 4.5
    s = tfp.shares({"gdp": 10.0, "capital": 4.0, "labour": 1.0, "human_capital": 0.5, "tfp": 4.5})
    assert (s["capital_share"], s["labour_total_share"], s["tfp_share"]) == pytest.approx((40, 15, 45))
    p = tfp.pwt("11.0")
    g, t = _hand(2012, 2019)
    w = tfp.per_worker(p, "CHN", 2013, 2019, alpha=0.4)
    assert w["employment"] == pytest.approx(g["L"]) and w["output_per_worker"] == pytest.approx(g["Y"] - g["L"])
    assert w["capital"] == pytest.approx(0.4 * (g["K"] - g["L"])) and w["education"] == pytest.approx(0.6 * g["H"])
    assert w["tfp"] == pytest.approx(t)
    c = tfp.compare(p, ["CHN"], 2013, 2019, alpha=0.4).set_index("country")
    assert c.loc["CHN", "tfp"] == pytest.approx(t) and c.loc["CHN", "tfp_share"] == pytest.approx(100 * t / g["Y"])


def test_share_change_by_hand():
    from nqpf.analysis import tfp

    ch = tfp.share_change((2013, 2019)).set_index("name")
    g0, t0 = _hand(1978, 2012)
    g1, t1 = _hand(2012, 2019)
    row = ch.loc["PWT 11.0·rnna·人数·α=0.4"]
    assert row["before"] == pytest.approx(100 * t0 / g0["Y"]) and row["after"] == pytest.approx(100 * t1 / g1["Y"])
    assert row["change"] == pytest.approx(100 * t1 / g1["Y"] - 100 * t0 / g0["Y"])
    assert len(ch) == 32                                 # 16 specifications x PWT 11.0 and 10.01 (both cover 2019)


def test_levels_are_the_ctfp_rows():
    from nqpf.analysis import tfp

    lv = tfp.levels(tfp.pwt("11.0"), ["CHN", "USA"])
    # pwt110_selected.csv: CHN ctfp 2012 0.414909303, 2023 0.470938355; the USA is 1 by construction
    assert lv.loc[2012, "CHN"] == pytest.approx(0.414909303) and lv.loc[2023, "CHN"] == pytest.approx(0.470938355)
    assert (lv["USA"].dropna() == 1).all()


# ---------------------------------------------------------------- the chapter's tables, by hand from the CSV
# pwt110_selected.csv, CHN (rgdpna, rnna, emp, hc, labsh):
#   1978: 658703, 2240512.25, 446.7073059, 1.684067011, 0.592194736
#   1979: 708715.3125, 2418464.75, 459.5737305, 1.713660836, 0.592194736
#   2018: 24391402, 116379784, 769.2402954, 2.673642397, 0.577055395
#   2019: 25842820, 126968344, 765.7302246, 2.698987007, 0.577753484
ROWS = {1978: (658703, 2240512.25, 446.7073059, 1.684067011, 0.592194736),
        1979: (708715.3125, 2418464.75, 459.5737305, 1.713660836, 0.592194736),
        2018: (24391402, 116379784, 769.2402954, 2.673642397, 0.577055395),
        2019: (25842820, 126968344, 765.7302246, 2.698987007, 0.577753484)}


def _tornqvist_tfp(y):
    """One year's TFP growth (log x 100), alpha the two-year mean of 1 - labsh (PWT's Törnqvist share)."""
    (y0, k0, l0, h0, s0), (y1, k1, l1, h1, s1) = ROWS[y - 1], ROWS[y]
    a = 1 - (s0 + s1) / 2
    return 100 * (math.log(y1 / y0) - a * math.log(k1 / k0) - (1 - a) * (math.log(l1 / l0) + math.log(h1 / h0)))


def test_annual_table_and_vintage_index_by_hand():
    from nqpf.analysis.tfp import chapter_facts

    ann = chapter_facts.annual_table()
    assert ann.loc[2019, "gdp"] == pytest.approx(100 * math.log(25842820 / 24391402))          # 5.78
    assert ann.loc[2019, "tfp"] == pytest.approx(_tornqvist_tfp(2019))
    idx = chapter_facts.vintage_index()
    assert idx.loc[1978, "PWT 11.0"] == 1.0
    assert idx.loc[1979, "PWT 11.0"] == pytest.approx(math.exp(_tornqvist_tfp(1979) / 100))


def test_period_table_and_levels_sorted_by_hand():
    from nqpf.analysis.tfp import chapter_facts

    per = chapter_facts.period_table().set_index("period")
    # GDP's mean log growth 2013-2019 from the 2012 level: 100 ln(25842820 / 16135730) / 7 = 6.73
    assert per.loc["2013–2019", "gdp"] == pytest.approx(100 * math.log(25842820 / 16135730) / 7)
    # ctfp 2023 (USA = 1): IND 0.39723745 < CHN 0.470938355 < JPN 0.639849067 < KOR 0.660838425 < USA 1
    # < DEU 1.02178359
    lv = chapter_facts.levels_sorted()
    assert [n.split()[-1] for n in lv.index] == ["IND", "CHN", "JPN", "KOR", "USA", "DEU"]
    assert lv.iloc[1] == pytest.approx(0.470938355)


def test_heat_tables_with_a_fixed_alpha_by_hand():
    from nqpf.analysis.tfp import chapter_facts

    heat, share = chapter_facts.heat_tables()
    # with a fixed alpha the yearly terms telescope: 2013-2019 (from the 2012 level) at alpha 0.4 from the rows
    g, t = _hand(2012, 2019, 0.4)
    assert heat.loc[0.4, "2013–2019"] == pytest.approx(t) and share.loc[0.4, "2013–2019"] == pytest.approx(
        100 * t / g["Y"])
    chart = chapter_facts.heat_chart_table()
    assert chart.loc[0.4, ("TFP 贡献（百分点）", "2013–2019")] == pytest.approx(t)


def test_country_table_and_level_specs_by_hand():
    from nqpf.analysis.tfp import chapter_facts

    # JPN rgdpna 2012 5129414, 2023 5522683.5 (pwt110_selected.csv): 100 ln(5522683.5 / 5129414) / 11 = 0.67
    ct = chapter_facts.country_table(2013, 2023).set_index("country")
    assert ct.loc["日本", "gdp"] == pytest.approx(100 * math.log(5522683.5 / 5129414) / 11)
    lv = chapter_facts.level_specs_table().set_index("度量")["中国（美国 = 1）"]
    assert lv["PWT 11.0 ctfp 2023"] == pytest.approx(0.470938355)        # CHN ctfp 2023 from the CSV
    assert lv["PWT 11.0 cwtfp 2023"] == pytest.approx(0.430936217)       # CHN cwtfp 2023 from the CSV


def test_vintage_table_gdp_from_both_csv_files():
    from nqpf.analysis.tfp import chapter_facts

    t = chapter_facts.vintage_table().set_index(["period", "vintage"])
    # pwt1001_selected.csv CHN rgdpna: 1977 1428767, 2012 15416000, 2019 20572606; pwt110: 2012 16135730,
    # 2019 25842820
    assert t.loc[("2013–2019", "PWT 10.01"), "gdp"] == pytest.approx(100 * math.log(20572606 / 15416000) / 7)
    assert t.loc[("1978–2012", "PWT 10.01"), "gdp"] == pytest.approx(100 * math.log(15416000 / 1428767) / 35)
    assert t.loc[("2013–2019", "PWT 11.0"), "gdp"] == pytest.approx(100 * math.log(25842820 / 16135730) / 7)


def test_seed_shown_table_against_seed_000_line_12_and_the_csv():
    from nqpf.analysis.tfp import chapter_facts
    from nqpf.core import seeds

    names = {"gdp": "GDP", "capital": "K", "labour": "L", "human_capital": "H", "tfp": "TFP"}
    t = chapter_facts.seed_shown_table(names)
    s = t[(t["seed"] == "000:12") & (t["period"] == "1978–2012")].set_index("item")
    # seed 000 line 12: "1978-2012年 ... 平均增速9.9% ... 分别拉动4.1、1.1、1.0和3.7个百分点"
    line = seeds.line("000", 12)
    assert "平均增速9.9%" in line and "分别拉动4.1、1.1、1.0和3.7个百分点" in line
    assert [s.loc[k, "published"] for k in ("GDP", "K", "L", "H", "TFP")] == [9.9, 4.1, 1.1, 1.0, 3.7]
    # recomputed compound GDP growth from the 1977 level: pwt110 rgdpna 1977 589707.25, 2012 16135730
    gdp = ((16135730 / 589707.25) ** (1 / 35) - 1) * 100                                       # 9.92
    assert s.loc["GDP", "recomputed"] == pytest.approx(gdp)
    assert s.loc["GDP", "difference"] == pytest.approx(gdp - 9.9)


def test_period_readings_of_the_sources_by_hand():
    from nqpf.analysis import tfp
    from nqpf.core.errors import UsageError

    # Bosworth and Collins (2008), Table 1 names periods by end-point years that share 1993 ("1978-93", "1993-2004"):
    # level to level, so the growth years are 1979-1993 (15) and 1994-2004 (11), together 1979-2004 (26)
    p = tfp.read_period("BC2008", 1978, 1993)
    assert (p.first, p.last, p.years) == (1979, 1993, 15)
    q = tfp.read_period("BC2008", 1993, 2004)
    assert (q.first, q.last, q.years) == (1994, 2004, 11) and p.last + 1 == q.first
    # seed 000 line 12: "1978-2012年" then "2013-2019年": read as growth years 1978-2012 (35) and 2013-2019
    s = tfp.read_period("000", 1978, 2012)
    assert (s.first, s.last, s.years) == (1978, 2012, 35)
    t = tfp.period_readings().set_index(["source", "written"])
    assert tuple(t.loc[("BC2008", "1978–2004"), ["first", "last", "base", "years"]]) == (1979, 2004, 1978, 26)
    with pytest.raises(UsageError):
        tfp.read_period("000", 1978, 2013)


def test_robustness_chart_marks_pwts_own_specification():
    from nqpf.analysis.tfp import chapter_facts

    shown, specs, ticks = chapter_facts.robustness_chart()
    assert len(specs) == 16                                            # rnna/rkna x heads/hours x four alphas
    # PWT's rtfpna: capital services rkna, labour emp x avh x hc, Törnqvist 1 - labsh (PWT user guide)
    assert [t for t in ticks if "PWT 设定" in t] == ["rkna·工时·α=1−labsh（PWT 设定）"]
    row = shown[(shown["spec"] == "rnna·人数·α=1−labsh") & (shown["period"] == "2013–2019")
                & (shown["vintage"] == "11.0")].iloc[0]
    assert row["gdp"] == pytest.approx(100 * math.log(25842820 / 16135730) / 7)               # 6.73


def test_bc_shown_table_published_rows_and_recomputation_by_hand():
    from nqpf.analysis.tfp import chapter_facts

    items = {"gdp": "GDP", "employment": "就业", "output_per_worker": "人均产出", "capital": "资本",
             "education": "教育", "tfp": "TFP"}
    t = chapter_facts.bc_shown_table(items).set_index(["countrycode", "period", "src"])
    # Bosworth and Collins (2008), JEP 22(1), Table 1, p. 49, China 1978-2004: 9.3, 2.0, 7.3, 3.2, 0.3, 3.6
    pub = t.loc[("中国", "1979–2004", "B&C")]
    assert [pub[v] for v in items.values()] == pytest.approx([9.3, 2.0, 7.3, 3.2, 0.3, 3.6])
    # recomputed from pwt110_selected.csv, CHN rgdpna and emp: 1978 658703 / 446.7073059, 2004 7173414 / 746.5825806
    re = t.loc[("中国", "1979–2004", "重算")]
    assert re["GDP"] == pytest.approx(100 * math.log(7173414 / 658703) / 26)                  # 9.18
    assert re["就业"] == pytest.approx(100 * math.log(746.5825806 / 446.7073059) / 26)         # 1.98
