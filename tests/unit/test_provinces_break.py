"""The census break in the derived provincial GDP (2018 → 2019) and the gap trends under its five treatments.

Expected values are worked by hand from the rows of data/raw/techme_provincial_long.csv and
data/raw/wdi_selected.csv (quoted with their line numbers), or recomputed with statsmodels / numpy, never with the
package's own regression code. The referee's recomputation (/work/helpers/referee.md, independent code) gave
天津 −24.9 % and 66 % of the entropy weight on the GDP-denominated indicators.
"""

from __future__ import annotations

import numpy as np
import pytest

from nqpf.analysis import provinces as pv
from nqpf.analysis.findings import provinces as fp
from nqpf.analysis.provinces import regional as reg
from nqpf.core.errors import UsageError

# techme_provincial_long.csv, RDIntense: 天津 2018 RD经费 492.4 (line 348), RD强度 2.62 (380); 2019 463.0 (260),
# 3.28 (292). 吉林 2018 115.0 (335), 0.76 (367); 2019 148.4 (265), 1.27 (297).
TJ_2018 = 492.4 / 2.62 * 100  # 18,793.89 亿元
TJ_2019 = 463.0 / 3.28 * 100  # 14,115.85 亿元
JL_2018 = 115.0 / 0.76 * 100  # 15,131.58
JL_2019 = 148.4 / 1.27 * 100  # 11,685.04
# wdi_selected.csv: GDP current US$ 2018 14147765772963.8 (line 12011), 2019 14560167101283.4 (12012); official
# rate 2018 6.61595717735439 (15638), 2019 6.90838500992901 (15639): 1.029150 × 1.044200 = 1.074638
NATIONAL_2019 = (14560167101283.4 * 6.90838500992901) / (14147765772963.8 * 6.61595717735439)


def test_tianjin_and_jilin_breaks_by_hand():
    b = pv.gdp_break().set_index("province")
    assert b.at["天津", "change_pct"] == pytest.approx(100 * (TJ_2019 / TJ_2018 - 1), abs=1e-9)
    assert round(b.at["天津", "change_pct"], 1) == -24.9  # the referee's figure
    assert b.at["吉林", "change_pct"] == pytest.approx(100 * (JL_2019 / JL_2018 - 1), abs=1e-9)  # −22.8
    assert b["change_pct"].idxmin() == "天津" and len(b) == 31


def test_national_growth_of_the_break_year_from_the_wdi_rows():
    assert NATIONAL_2019 == pytest.approx(1.074638, abs=1e-6)
    assert pv.gdp_break()["national_growth_pct"].iloc[0] == pytest.approx(100 * (NATIONAL_2019 - 1), rel=1e-9)


def test_spliced_basis_rescales_only_the_years_before_the_break():
    # 天津's factor = (14,115.85 / 18,793.89) / 1.074638 = 0.751087 / 1.074638 = 0.69892; its spliced 2018 intensity
    # is R&D over the spliced GDP: 2.62 / 0.69892 = 3.7486 %; 2019 is untouched (3.28 as published)
    factor = (TJ_2019 / TJ_2018) / NATIONAL_2019
    assert factor == pytest.approx(0.69892, abs=1e-5)
    x = pv.indicators("spliced")
    assert x.at[("天津", 2018), "rd_intensity"] == pytest.approx(2.62 / factor, rel=1e-9)
    assert x.at[("天津", 2018), "rd_intensity"] == pytest.approx(3.7486, abs=1e-4)
    assert x.at[("天津", 2019), "rd_intensity"] == pytest.approx(3.28)
    # indicators without GDP in their denominator are the same on both bases
    pub = pv.indicators()
    for code in ("basic_share", "enterprise_share", "budget_st_share", "invention_grant_share",
                 "invention_apps_fte"):
        assert (x[code] == pub[code]).all()
    assert set(pv.inputs.GDP_CODES) == {"rd_intensity", "invention_stock_gdp", "tech_out_gdp", "tech_in_gdp",
                                        "hitech_rev_gdp"}


def test_spliced_index_grows_at_the_national_rate_across_the_break():
    # after splicing, every province's GDP grows by the national 7.46 % from 2018 to 2019, so 天津's R&D intensity
    # moves only with its R&D: 2019 over 2018 = (463.0 / 492.4) / 1.074638 = 0.87499
    x = pv.indicators("spliced")
    ratio = x.at[("天津", 2019), "rd_intensity"] / x.at[("天津", 2018), "rd_intensity"]
    assert ratio == pytest.approx((463.0 / 492.4) / NATIONAL_2019, rel=1e-9)


def test_gdp_weight_share_is_two_thirds_as_the_referee_found():
    assert pv.break_summary()["gdp_weight_pct"] == pytest.approx(66, abs=0.5)


def test_unknown_basis_is_a_usage_error():
    with pytest.raises(UsageError, match="unknown GDP basis"):
        pv.index(basis="revised")


def test_step_slope_matches_statsmodels_with_a_dummy():
    import statsmodels.api as sm

    g = pv.inequality().set_index("year")["gini"]
    years = g.index.to_numpy(dtype=float)
    X = sm.add_constant(np.column_stack([years, (years >= 2019).astype(float)]))
    fit = sm.OLS(g.to_numpy(), X).fit()
    lo, hi = fit.conf_int(0.05)[1]
    r = reg.step_slope(years, g.to_numpy(), 2019)
    assert r["slope"] == pytest.approx(fit.params[1], rel=1e-9)
    assert r["shift"] == pytest.approx(fit.params[2], rel=1e-9)
    assert (r["ci_low"], r["ci_high"]) == pytest.approx((lo, hi), rel=1e-9)
    assert r["p"] == pytest.approx(fit.pvalues[1], rel=1e-6)


def test_step_slope_of_two_parallel_lines_by_hand():
    # y = 10 − t before the step and 15 − t after: slope −1, shift +5, a perfect fit
    t = np.arange(2011, 2024)
    y = np.where(t >= 2019, 15.0, 10.0) - (t - 2011)
    r = reg.step_slope(t, y, 2019)
    assert r["slope"] == pytest.approx(-1) and r["shift"] == pytest.approx(5)


def test_break_trends_on_each_side_match_numpy_polyfit():
    ineq = pv.inequality().set_index("year")
    bt = pv.break_trends().set_index(["measure", "treatment"])
    assert len(bt) == 3 * 6 and set(bt.index.get_level_values("treatment")) == set(pv.TREATMENTS)
    for m in ("gini", "theil", "cv"):
        for key, (first, last) in (("before", (2011, 2018)), ("after", (2019, 2023)), ("published", (2011, 2023))):
            path = ineq.loc[first:last, m]
            assert bt.at[(m, key), "slope"] == pytest.approx(np.polyfit(path.index, path.to_numpy(), 1)[0],
                                                            rel=1e-9)
    spl = pv.inequality(basis="spliced").set_index("year")["gini"]
    assert bt.at[("gini", "spliced"), "slope"] == pytest.approx(np.polyfit(spl.index, spl.to_numpy(), 1)[0],
                                                               rel=1e-9)


def test_theil_and_cv_fall_significantly_over_the_whole_path_the_gini_does_not():
    # the referee's reading: Theil and CV fall significantly over 2011-2023, the Gini does not
    bt = pv.break_trends(treatments=("published",)).set_index("measure")
    assert bt.at["theil", "ci_high"] < 0 and bt.at["cv", "ci_high"] < 0
    assert bt.at["gini", "ci_low"] < 0 < bt.at["gini", "ci_high"]


def test_the_gini_rise_across_the_break_is_the_largest_and_survives_the_splice():
    g = pv.inequality().set_index("year")["gini"]
    assert g.diff().idxmax() == 2019
    s = pv.break_summary()
    assert s["gini_jump"] == pytest.approx(g[2019] - g[2018])
    assert s["gini_jump_spliced"] > 0.01  # spliced, the 2019 rise is still there (+0.020)


def test_gap_finding_declares_measures_and_break_treatments():
    f = fp._gap_narrowing()
    v = {s.name: s.value for s in f.specifications}
    # three whole-period treatments of the break (the dummy is not one: see test_provinces_revisions; the two
    # sub-periods leave the step out as the dummy does and are reported apart), seven other methods and the
    # baseline without Beijing, for each of three measures
    assert len(f.specifications) == 3 * (3 + 7 + 1)
    for zh in ("基尼系数", "泰尔指数", "变异系数"):
        assert {f"{zh}·全程·首次公布值", f"{zh}·全程·衔接GDP", f"{zh}·全程·衔接GDP（含此前的省级水平修订）",
                f"{zh}·不含北京"} <= set(v)
        assert not {f"{zh}·全程·2019年断点虚拟变量", f"{zh}·2011–2018（断点前）", f"{zh}·2019–2023（断点后）"} & set(v)
    assert v["泰尔指数·全程·首次公布值"] < 0 and v["变异系数·全程·首次公布值"] < 0
    assert "基尼系数·全程·首次公布值" in f.flips_under
    assert f.verdict == "depends" and f.statement.startswith("不能笼统地说省际差距在缩小")
    # the wording follows the computed counts
    k = len(f.specifications) - len(f.flips_under)
    assert f"2011–2023 年全程的 33 种设定中只有 {k} 种" in f.statement


def test_absolute_beta_on_the_spliced_basis_matches_statsmodels_hc1():
    # the 2011 and 2023 scores lie on two GDP bases unless spliced: β on the spliced index, recomputed with
    # statsmodels' OLS and HC1 errors (a different code path from regional.beta)
    import statsmodels.api as sm

    s = pv.index(basis="spliced").pivot(index="province", columns="year", values="score")
    y = (np.log(s[2023]) - np.log(s[2011])) / 12
    fit = sm.OLS(y.to_numpy(), sm.add_constant(np.log(s[2011]).to_numpy())).fit(cov_type="HC1")
    ab = pv.convergence(basis="spliced")["absolute"]
    assert ab["beta"] == pytest.approx(fit.params[1], rel=1e-9)
    assert ab["se"] == pytest.approx(fit.bse[1], rel=1e-9)
    f = {x.name: x.value for x in fp._beta_negative().specifications}
    assert f["熵值法·加权和·衔接GDP"] == pytest.approx(ab["ci_high"], rel=1e-12) and ab["ci_high"] < 0
