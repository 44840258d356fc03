"""Fact-check rules and checks against hand arithmetic, the seed lines read here and the raw data files.

The seed lines are read with ``nqpf.core.seeds.line`` (the seed file as handed over) and the figures found in them
by eye; NBS figures come from ``data/raw/cn_rd_expenditure.csv`` read with the csv module.
"""

from __future__ import annotations

import csv
import re

import pytest

from nqpf.analysis import factcheck
from nqpf.analysis.factcheck import engine
from nqpf.core import seeds
from nqpf.core.errors import UsageError
from nqpf.core.paths import RAW


def _row(key):
    return factcheck.run().set_index("key").loc[key]


def test_sum_range_by_hand():
    # 4.1 + 1.1 + 1.0 + 3.7 = 9.9; each written to 0.1, so each may be off by 0.05: 9.7 .. 10.1
    c = engine.Claim("000:6", "x", ("4.1", "1.1", "1.0", "3.7"), (4.1, 1.1, 1.0, 3.7))
    assert engine.sum_range(c) == pytest.approx((9.9, 9.7, 10.1))


def test_ratio_range_by_hand():
    # 56.1 万亿 / 126 万亿 = 44.52 %; extremes 56.05 / 126.5 = 44.31 % and 56.15 / 125.5 = 44.74 %
    a = engine.Claim("004:57", "56.1", ("56.1",), (56.1,))
    b = engine.Claim("004:57", "126", ("126",), (126.0,))
    assert engine.ratio_range(a, b, 100) == pytest.approx((56.1 / 126 * 100, 56.05 / 126.5 * 100,
                                                           56.15 / 125.5 * 100))


def test_combine_keeps_the_worst_verdict():
    assert engine.combine("agrees", "agrees") == "agrees"
    assert engine.combine("agrees", "rounding") == "rounding"
    assert engine.combine("rounding", "cannot check", "conflicts", "agrees") == "conflicts"
    with pytest.raises(UsageError, match="unknown verdict"):
        engine.combine("agrees", "maybe")


def test_part_of_whole_by_hand():
    # 144,000 亿 / 5,784 亿 = 24.9: a part 25 times its whole is impossible; 3,800 / 5,784 = 0.66 is not
    assert engine.part_of_whole(144_000 / 5_784) == "conflicts"
    assert engine.part_of_whole(3_800 / 5_784) == "agrees"
    assert engine.part_of_whole(1.0) == "agrees"              # equal to the whole: still possible
    assert engine.part_of_whole(0.6, limit=0.5) == "conflicts"
    with pytest.raises(UsageError, match="NaN"):
        engine.part_of_whole(float("nan"))


def test_rd_growth_against_the_2022_bulletin():
    # seed 004 line 57: 33,278 亿元, "比 2022 年增長 8.1%"; 2022 from the NBS bulletin: 30,782.9 亿元
    with open(RAW / "cn_rd_expenditure.csv", encoding="utf-8", newline="") as f:
        rd2022 = next(float(r["value"]) for r in csv.DictReader(f) if r["year"] == "2022")
    assert rd2022 == 30_782.9
    growth = (33_278 / rd2022 - 1) * 100                        # 8.106 %, which rounds to the stated 8.1
    assert "33,278" in seeds.line("004", 57) and "8.1%" in seeds.line("004", 57)
    r = _row("rd_growth")
    assert f"{growth:.2f}" in r["computation"] and round(growth, 1) == 8.1
    assert r["verdict"] == "agrees"


def test_ai_core_repeat_reads_the_same_figure_twice():
    # seed 001 lines 97 and 117 both say "2023年,我国AI核心产业规模达5784亿元"
    for n in (97, 117):
        assert "AI核心产业规模达5784亿元" in seeds.line("001", n)
    assert _row("ai_core_repeat")["verdict"] == "agrees"


def test_compute_rank_across_seeds():
    # seed 000 line 36: "截至2022年底，…算力总规模均位居世界第二";
    # seed 003 lines 519-521: "截至 2022 年,…算力总规模排名全球第二"
    assert "算力总规模均位居世界第二" in seeds.line("000", 36)
    assert "排名全球第二" in "".join(seeds.line("003", n) for n in (519, 520, 521))
    assert _row("compute_rank_across")["verdict"] == "agrees"


def test_hub_nodes_are_eight_as_stated():
    # seed 000 line 36 names the hubs between 包括 and 在内的8个: counted by splitting on 、
    line = seeds.line("000", 36)
    listed = re.search("包括(.+?)在内的8个国家算力枢纽节点", line).group(1).split("、")
    assert len(listed) == 8 and listed[0] == "京津冀" and listed[-1] == "宁夏"
    assert _row("hub_nodes")["verdict"] == "agrees" and "列出 8 项" in _row("hub_nodes")["computation"]
    # the NDRC approval of February 2022 set up eight hub nodes (the seed's date, line 36)
    assert _row("hub_nodes_data")["verdict"] == "agrees"


def test_appendix_two_counts_by_hand():
    # seed 004 appendix two (lines 119-127): nine rows whose numbers are 1+1+2+3+3+3+3+4+5 = 25
    r = _row("appendix_two_counts")
    assert "9 行" in r["claims"] and "合计 25" in r["claims"]
    listed = [int(n) for n in re.findall(r"列出 (\d+) 项", r["computation"])]
    assert listed == [1, 1, 2, 3, 3, 3, 3, 4, 5]   # the items of each row, counted off the seed's table
    assert r["verdict"] == "agrees"


def test_stated_year_by_hand():
    from nqpf.analysis.factcheck.across import stated_year

    assert stated_year(engine.Claim("004:79", "2023年的13%以上", ("13",), (13.0,))) == 2023
    assert stated_year(engine.Claim("003:745", "13%以上", ("13",), (13.0,))) is None


def test_single_ends_by_hand():
    from nqpf.analysis.factcheck.arithmetic import single_ends

    a = engine.Claim("004:57", "56.1", ("56.1",), (56.1,))
    b = engine.Claim("004:57", "126", ("126",), (126.0,))
    # 56.1 / 126 = 44.52 % rounds to 45. To reach the stated 44 each input moves alone to its favourable end:
    # 56.05 / 126 = 44.48 % and 56.1 / 126.5 = 44.35 %, both round to 44: either input alone suffices
    assert single_ends(a, b, engine.Claim("004:57", "44", ("44",), (44.0,)), 100) == ["56.1", "126"]
    # to reach 43 neither does (44.48 and 44.35 % still round to 44)
    assert single_ends(a, b, engine.Claim("004:57", "43", ("43",), (43.0,)), 100) == []


def test_growth_gap_2013_2019_from_seed_000_line_12():
    # "2013-2019年，GDP年均增长7.0%，…分别拉动4.4、0、0.5和2.0个百分点": 4.4 + 0 + 0.5 + 2.0 = 6.9, 0.1 short of 7.0
    line = seeds.line("000", 12)
    assert "GDP年均增长7.0%" in line and "4.4、0、0.5和2.0个百分点" in line
    from nqpf.analysis.factcheck.arithmetic import growth_gap_2013_2019

    assert growth_gap_2013_2019() == pytest.approx(7.0 - (4.4 + 0 + 0.5 + 2.0))


def test_genai_figures_from_the_seed_lines():
    # seed 000 line 34: "市场规模约为14.4万亿元"; seed 001 line 97: "AI核心产业规模达5784亿元"
    assert "市场规模约为14.4万亿元" in seeds.line("000", 34)
    from nqpf.analysis.factcheck.plausibility import genai_figures

    g = genai_figures()
    assert (g["genai"].value, g["core"].value) == (14.4, 5784)
    assert g["times_core"] == pytest.approx(144_000 / 5_784)          # 24.9 times the whole it is part of
    assert g["share_gdp"] == pytest.approx(14.4 / g["gdp"].value * 100)


def test_verdict_counts_and_summary_on_hand_made_rows():
    import pandas as pd

    rows = pd.DataFrame({"kind": ["arithmetic", "arithmetic", "count", "outside", "outside"],
                         "verdict": ["agrees", "rounding", "agrees", "conflicts", "agrees (preliminary)"]})
    assert factcheck.counts(rows) == {"n": 5, "agrees": 2, "agrees_preliminary": 1, "rounding": 1, "conflicts": 1,
                                      "cannot_check": 0}
    s = factcheck.summary(rows).set_index("kind")
    assert list(s.index) == ["arithmetic", "count", "outside", "total"]   # kinds without checks left out
    assert s.loc["arithmetic", "agrees"] == 1 and s.loc["arithmetic", "rounding"] == 1
    assert s.loc["total"].tolist() == [2, 1, 1, 1, 0]


def test_appendix_facts_by_hand():
    f = factcheck.facts()
    # 144,000 / 5,784 = 24.9, printed to the unit: 25; 7.0 − 6.9 = 0.1; 56.1 / 126 = 44.52 % rounds to 45
    assert (f["genai"], f["core"], f["genai_times"]) == ("14.4", "5784", "25")
    assert f["gap_2013"] == "0.1" and f["share_rounded"] == "45" and f["share_stated"] == "44"
    assert f["n"] == sum(f[k] for k in ("agrees", "agrees_preliminary", "rounding", "conflicts", "cannot_check"))


def test_claim_reads_the_figure_as_written():
    # seed 000 line 12: "2013-2019年，GDP年均增长7.0%，…"
    c = engine.claim("000:12", r"2013-2019年，GDP年均增长{n}%")
    assert c.raw == "2013-2019年，GDP年均增长7.0%" and c.numbers == ("7.0",) and c.value == 7.0
