"""Provincial level revisions of the derived GDP before the 2019 census, the basis that splices them, and the
treatments of the census break that the gap findings count. Expected values are worked by hand from the raw rows
of data/raw/techme_provincial_long.csv (RDIntense: R&D经费 in 亿元, RD强度 in %) and data/raw/wdi_selected.csv."""

from __future__ import annotations

import pytest

from nqpf.analysis import provinces as pv
from nqpf.analysis.findings import provinces as fp
from nqpf.analysis.provinces import inputs

# GDP = R&D ÷ intensity × 100, from the raw rows (line numbers of techme_provincial_long.csv):
LN_2015 = 363.4 / 1.27 * 100  # 辽宁 2015, lines 530 and 562: 28,614.2 亿元
LN_2016 = 372.7 / 1.69 * 100  # 辽宁 2016, lines 466 and 498: 22,053.3 亿元, a fall of 22.9 %
NM_2016 = 147.5 / 0.79 * 100  # 内蒙古 2016, lines 467 and 499: 18,670.9 亿元
NM_2017 = 132.3 / 0.82 * 100  # 内蒙古 2017, lines 403 and 435: 16,134.1 亿元, a fall of 13.6 %
HB_2019 = 957.9 / 2.09 * 100  # 湖北 2019, lines 275 and 307: 45,832.5 亿元
HB_2020 = 1005.3 / 2.31 * 100  # 湖北 2020, lines 211 and 243: 43,519.5 亿元, a fall of 5.0 % (the pandemic)
# national nominal GDP = WDI GDP (current US$) × official rate (wdi_selected.csv, CHN rows 2015-2017)
NAT = {2015: 11280814787468.9 * 6.22748867298455, 2016: 11456024084962 * 6.6444778294468,
       2017: 12537559062282.9 * 6.75875508633597}


def test_the_rule_finds_liaoning_2016_and_inner_mongolia_2017_and_not_hubei_2020():
    r = pv.level_revisions().set_index(["province", "year"])
    assert list(r.index) == [("辽宁", 2016), ("内蒙古", 2017)]
    assert r.at[("辽宁", 2016), "change_pct"] == pytest.approx(100 * (LN_2016 / LN_2015 - 1))  # −22.93
    assert r.at[("内蒙古", 2017), "change_pct"] == pytest.approx(100 * (NM_2017 / NM_2016 - 1))  # −13.59
    falls = pv.gdp_falls().set_index(["province", "year"])
    assert falls.at[("湖北", 2020), "change_pct"] == pytest.approx(100 * (HB_2020 / HB_2019 - 1))  # −5.05
    assert not falls.at[("湖北", 2020), "revision"]
    # the same rule at the census break flags the three largest falls (天津 −24.9, 吉林 −22.8, 黑龙江 −16.5)
    at_break = falls[falls["revision"]].xs(2019, level="year")
    assert set(at_break.index) == {"天津", "吉林", "黑龙江"}


def test_the_splice_factor_assumes_national_growth_in_the_revision_year():
    # 辽宁: 22,053.3 / (28,614.2 × 1.08353) = 0.7113; national growth 2016 from the WDI rows: 8.35 %
    r = pv.level_revisions().set_index("province")
    g16 = NAT[2016] / NAT[2015]
    assert r.at["辽宁", "national_growth_pct"] == pytest.approx(100 * (g16 - 1))
    assert r.at["辽宁", "splice_factor"] == pytest.approx(LN_2016 / (LN_2015 * g16))
    assert round(r.at["辽宁", "splice_factor"], 3) == 0.711


def test_on_the_spliced_all_basis_the_revised_provinces_grow_at_the_national_rate_that_year():
    all_ = inputs._gdp_on("spliced-all")
    spl = inputs._gdp_on("spliced")
    assert all_[("辽宁", 2016)] / all_[("辽宁", 2015)] == pytest.approx(NAT[2016] / NAT[2015], rel=1e-12)
    assert all_[("内蒙古", 2017)] / all_[("内蒙古", 2016)] == pytest.approx(NAT[2017] / NAT[2016], rel=1e-12)
    # from the revision year on, and for every other province, the basis is the census splice unchanged
    assert all_[("辽宁", 2016)] == spl[("辽宁", 2016)] and all_[("内蒙古", 2017)] == spl[("内蒙古", 2017)]
    others = [p for p in pv.PROVINCES if p not in ("辽宁", "内蒙古")]
    assert (all_.loc[others] == spl.loc[others]).all()


def test_the_dummy_is_not_counted_because_the_jump_survives_the_splice():
    s = pv.break_summary()
    # the Gini's rise across the break, published +0.017 and on the spliced GDP +0.020: the splice does not
    # remove it, so the rise is not the denominator's, and a dummy would take out a real change
    assert s["gini_jump_spliced"] >= 0.5 * s["gini_jump"] > 0
    assert "step" not in fp.treatments() and "spliced_all" in fp.treatments()
    assert len(fp.treatments()) == len(pv.TREATMENTS) - 1
    note = fp._gap_narrowing().note
    assert "虚拟变量不计入" in note and "辽宁 2016 年" in note and "内蒙古 2017 年" in note and "WDI" in note

