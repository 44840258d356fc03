"""Provincial tables against the raw file read with pandas here, hand examples, the NBS region list typed out,
the sorted-values Gini formula and NumPy's least squares.

``data/raw/techme_provincial_long.csv`` is read directly (``pd.read_csv``), never through the package's cleaning;
the four NBS regions are typed from the NBS 2011 division (东部 ten units, 中部 six, 西部 twelve, 东北 three).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from nqpf.analysis import provinces
from nqpf.analysis.provinces import clean, gaps, method, ranking
from nqpf.core.paths import ROOT

EAST = ["北京", "天津", "河北", "上海", "江苏", "浙江", "福建", "山东", "广东", "海南"]   # NBS 东部
NORTHEAST = ["辽宁", "吉林", "黑龙江"]                                                # NBS 东北


def _raw():
    return pd.read_csv(ROOT / "data" / "raw" / "techme_provincial_long.csv")


def test_combos_are_four_weightings_by_two_aggregations():
    assert ranking.combos() == [("entropy", "weighted"), ("entropy", "topsis"), ("critic", "weighted"),
                                ("critic", "topsis"), ("equal", "weighted"), ("equal", "topsis"),
                                ("pca", "weighted"), ("pca", "topsis")]


def test_rank_desc_hand_example():
    # scores .9, .5, .9, .1: the two .9 share rank 1, then .5 is third (rank "min", as in sports tables)
    assert method.rank_desc(pd.Series([0.9, 0.5, 0.9, 0.1])).tolist() == [1, 3, 1, 4]


def test_method_share_hand_example():
    # ranks of three provinces (rows) under two methods (columns): (1, 2), (2, 1), (3, 3).
    # grand mean 2; total SS = 1 + 0 + 0 + 1 + 1 + 1 = 4; province means 1.5, 1.5, 3: within SS = .25 x 4 = 1
    assert ranking.method_share([[1, 2], [2, 1], [3, 3]]) == pytest.approx(1 / 4)


def test_scores_and_rank_matrix_rank_each_method_by_its_score():
    sc = ranking.scores(2023)
    assert len(sc) == 31 * 8 and sc.groupby("label")["province"].nunique().eq(31).all()
    m = ranking.rank_matrix(2023)
    assert m.shape == (31, 8) and list(m.index) == list(clean.PROVINCES)
    for lab, g in sc.groupby("label"):
        # SciPy-free check: rank 1 + the number of provinces with a strictly higher score
        s = g.set_index("province")["score"]
        want = s.map(lambda v: 1 + int((s > v).sum()))
        assert (m[lab] == want.reindex(m.index)).all(), lab


def test_region_means_use_the_nbs_regions():
    s = provinces.index("entropy", "weighted", 2023).set_index("province")["score"]
    r = gaps.region_means().query("year == 2023").set_index("region")["mean"]
    assert r["东部"] == pytest.approx(s[EAST].mean())
    assert r["东北"] == pytest.approx(s[NORTHEAST].mean())
    assert list(r.index) == ["东部", "中部", "西部", "东北"]


def test_without_names_the_excluded():
    assert gaps.without(()) == ""
    assert gaps.without(["北京"]) == "（不含北京）"
    assert gaps.without(["北京", "上海"]) == "（不含上海、北京）"  # names sorted (by code point: 上 U+4E0A first)


def _gini_sorted(y):
    # Damgaard and Weiner (2000), eq. 1: G = Σ_i (2i − n − 1) y_(i) / (n² μ), i = 1..n over sorted values
    y = np.sort(np.asarray(y, dtype=float))
    n = len(y)
    return float(((2 * np.arange(1, n + 1) - n - 1) * y).sum() / (n * n * y.mean()))


def test_trend_by_method_baseline_row_by_hand():
    t = gaps.trend_by_method().set_index(["method", "aggregate"])
    assert len(t) == 8
    row = t.loc[("entropy", "weighted")]
    idx = provinces.index("entropy", "weighted")
    for y, col in ((2011, "gini_start"), (2023, "gini_end")):
        assert row[col] == pytest.approx(_gini_sorted(idx[idx.year == y]["score"]))
    # the slope of the yearly Gini path: NumPy's least-squares line through the 13 points
    path = [_gini_sorted(idx[idx.year == y]["score"]) for y in range(2011, 2024)]
    assert row["gini_slope"] == pytest.approx(np.polyfit(range(2011, 2024), path, 1)[0])
    assert row["gini_slope_low"] < row["gini_slope"] < row["gini_slope_high"]
    # coefficient of variation: population sd (ddof 0) over the mean, as regional.cv states
    s23 = idx[idx.year == 2023]["score"]
    assert row["cv_end"] == pytest.approx(s23.std(ddof=0) / s23.mean())


def test_tech_market_growth_from_the_raw_file():
    raw = _raw()
    prov = raw[(raw["province_raw"] != "全国")]
    def total(ds, y):
        sel = prov[(prov.dataset == ds) & (prov.item == "金额") & (prov.year == y)]
        assert len(sel) == 31
        return sel["value"].sum()
    # provincial GDP is derived as R&D expenditure / R&D intensity x 100 (RDIntense: RD经费, RD强度)
    def gdp(y):
        sel = prov[(prov.dataset == "RDIntense") & (prov.year == y)].pivot(index="province_raw", columns="item",
                                                                            values="value")
        assert len(sel) == 31
        return (sel["RD经费"] / sel["RD强度"] * 100).sum()
    g = provinces.tech_market_growth(2012, 2023)
    assert g["tech_out"] == pytest.approx(total("MarketPush", 2023) / total("MarketPush", 2012))   # about 10.0x
    assert g["tech_in"] == pytest.approx(total("MarketPull", 2023) / total("MarketPull", 2012))
    assert g["gdp"] == pytest.approx(gdp(2023) / gdp(2012))                                      # about 2.17x


def test_misreadings_found_lists_each_misread_name_with_its_lines():
    raw = _raw()
    found = clean.misreadings_found(provinces.cleaned()).set_index("as_written")
    # 内蒙占 (古 read as 占) in RDLaborHour 2013, as the comment of clean.MISREADINGS says; counted in the raw file
    hit = raw[raw["province_raw"].str.replace(r"\s", "", regex=True) == "内蒙占"]
    assert set(hit["dataset"]) == {"RDLaborHour"} and set(hit["year"]) == {2013}
    assert found.loc["内蒙占", "read_as"] == "内蒙古" and found.loc["内蒙占", "rows"] == len(hit)
    assert found.loc["内蒙占", "first_line"] == hit.index.min() + 2  # header is line 1
    assert set(found.index) <= set(clean.MISREADINGS)


def test_system_table_lists_each_indicator_once():
    s = provinces.system()
    assert s["code"].is_unique and len(s) == len(provinces.CODES)
    row = s.set_index("code").loc["tech_in_gdp"]
    # 技术吸纳成交额占GDP比重 = 吸纳技术合同成交额 ÷ GDP, from MarketPull and the derived GDP; the 2011 technology
    # market is interpolated (MarketPull has no 2011 rows in the raw file)
    raw = _raw()
    assert 2011 not in set(raw[raw.dataset == "MarketPull"]["year"])
    assert row["来源表"] == "MarketPull；GDP" and "2011" in row["年份"] and row["方向"] == "+"


def test_index_weighted_sum_by_hand():
    # min-max over the whole 2011-2023 panel, z = (x − min) / (max − min), reversed (1 − z) for an indicator whose
    # direction is −; then Σ_j w_j z_ij with the entropy weights: Beijing's 2023 baseline score
    x = provinces.indicators()
    x = x[x.index.get_level_values("year").isin(range(2011, 2024))]
    sign = provinces.system().set_index("code")["方向"]
    z = (x - x.min()) / (x.max() - x.min())
    z = z.apply(lambda col: 1 - col if sign[col.name] == "−" else col)
    w = provinces.weights("entropy").set_index("indicator")["weight"]
    want = (z.loc[("北京", 2023)] * w.reindex(z.columns)).sum()
    got = provinces.index("entropy", "weighted", 2023).set_index("province")
    assert got.loc["北京", "score"] == pytest.approx(want)
    assert got.loc["北京", "rank"] == 1


def test_prose_helpers_by_hand():
    from nqpf.analysis.provinces import facts

    assert facts.signed(-0.01234, ".3f") == "−0.012" and facts.signed(0.5, "+.1f") == "+0.5"
    row = {"slope": -0.007, "ci_low": -0.0085, "ci_high": -0.0056}
    assert facts.slope_text(row, ".4f") == "每年 −0.0070（95% 置信区间 −0.0085 至 −0.0056）"
    assert facts.slope_text(row, ".2f", scale=100) == "每年 −0.70（95% 置信区间 −0.85 至 −0.56）"
    assert facts.names(["北京", "上海", "广东"]) == "北京、上海、广东"


def test_data_facts_against_the_raw_file():
    from nqpf.analysis.provinces import facts

    raw = _raw()
    d = facts.data()
    assert d["pv_rows"] == f"{len(raw):,}"                       # 24,056 data lines
    assert d["pv_tables"] == raw["dataset"].nunique() == 14
    padded = int(raw["province_raw"].str.contains(r"\s").sum())   # names padded like the yearbook's layout
    assert d["pv_padded"] == f"{padded:,}"
    squeezed = raw["province_raw"].str.replace(r"\s", "", regex=True)
    assert d["pv_nation_rows"] == int((squeezed == "全国").sum())


def test_rd_facts_against_the_2024_bulletin():
    from nqpf.analysis.provinces import facts

    r = facts.rd()
    # 《2024年全国科技经费投入统计公报》附表2: 北京 6.58 % is the highest 2024 intensity; its 2023 value is restated
    # from the first-published 6.73 % to 6.22 % (−0.51 points), the largest restatement
    assert (r["pv_rd_top"], r["pv_rd_top_v"]) == ("北京", "6.58")
    assert (r["pv_rd_largest_who"], r["pv_rd_largest_panel"], r["pv_rd_largest_restated"]) == ("北京", "6.73", "6.22")
    assert r["pv_rd_largest_pp"] == "−0.51"


def _minmax_by_hand(x):
    sign = provinces.system().set_index("code")["方向"]
    z = (x - x.min()) / (x.max() - x.min())
    return z.apply(lambda col: 1 - col if sign[col.name] == "−" else col)


def test_normalised_is_min_max_by_hand():
    x = provinces.indicators()
    x = x[x.index.get_level_values("year").isin(range(2011, 2024))]
    z = provinces.normalised()
    want = _minmax_by_hand(x)
    assert z.loc[("上海", 2020), "rd_intensity"] == pytest.approx(want.loc[("上海", 2020), "rd_intensity"])
    assert (z - want.reindex(index=z.index, columns=z.columns)).abs().max().max() < 1e-12
    # without Beijing the extremes are taken over the other thirty
    zx = provinces.normalised(exclude=("北京",))
    wx = _minmax_by_hand(x.drop(index="北京", level="province"))
    assert (zx - wx.reindex(index=zx.index, columns=zx.columns)).abs().max().max() < 1e-12


def test_robustness_pairs_and_ranges_by_pandas():
    r = provinces.robustness(2023)
    m = ranking.rank_matrix(2023)
    pair = r["pairs"].iloc[0]
    # pandas' own rank correlations (not SciPy's, which the package uses)
    assert pair["spearman"] == pytest.approx(m[pair["a"]].corr(m[pair["b"]], method="spearman"))
    assert pair["kendall"] == pytest.approx(m[pair["a"]].corr(m[pair["b"]], method="kendall"))
    g = r["ranges"].set_index("province")
    assert g.loc["安徽", "best"] == m.loc["安徽"].min() and g.loc["安徽", "worst"] == m.loc["安徽"].max()
    assert r["summary"]["fixed"] == int((m.max(axis=1) == m.min(axis=1)).sum())


def test_step_slope_against_statsmodels():
    import statsmodels.api as sm

    years = np.arange(2011, 2024)
    y = np.array([.40, .39, .37, .36, .36, .34, .33, .35, .34, .34, .33, .33, .32])
    from nqpf.analysis.provinces.regional import step_slope

    r = step_slope(years, y, step=2019)
    X = sm.add_constant(np.column_stack([years, (years >= 2019).astype(float)]))
    fit = sm.OLS(y, X).fit()
    assert r["slope"] == pytest.approx(fit.params[1]) and r["shift"] == pytest.approx(fit.params[2])
    assert r["se"] == pytest.approx(fit.bse[1])
    lo, hi = fit.conf_int(0.05)[1]
    assert (r["ci_low"], r["ci_high"]) == pytest.approx((lo, hi))
    assert r["p"] == pytest.approx(fit.pvalues[1])


def _wdi_cny_gdp(year):
    # WDI: NY.GDP.MKTP.CD x PA.NUS.FCRF for China, read from the raw CSV with pandas
    w = pd.read_csv(ROOT / "data" / "raw" / "wdi_selected.csv")
    v = w[(w.countrycode == "CHN") & (w.year == year)].set_index("indicator")["value"]
    return v["NY.GDP.MKTP.CD"] * v["PA.NUS.FCRF"]


def test_national_growth_and_gdp_break_by_hand():
    from nqpf.analysis.provinces import inputs

    g = _wdi_cny_gdp(2019) / _wdi_cny_gdp(2018)   # one vintage: WDI's census-revised series, 2019 over 2018
    assert inputs.national_growth(2019) == pytest.approx(g)
    raw = _raw()
    rd = raw[(raw.dataset == "RDIntense") & (raw.province_raw == "北京")].pivot(index="year", columns="item",
                                                                                  values="value")
    bj = inputs.gdp_break().set_index("province").loc["北京"]
    before, after = rd.loc[2018, "RD经费"] / rd.loc[2018, "RD强度"] * 100, rd.loc[2019, "RD经费"] / rd.loc[2019,
                                                                                                       "RD强度"] * 100
    assert bj["gdp_before"] == pytest.approx(before) and bj["gdp_break"] == pytest.approx(after)
    assert bj["splice_factor"] == pytest.approx(after / (before * g))
    assert bj["change_pct"] == pytest.approx(100 * (after / before - 1))


def _hand_scores():
    """The baseline index (entropy weights, weighted sum) recomputed by hand: min-max over 2011-2023, Σ w z."""
    x = provinces.indicators()
    x = x[x.index.get_level_values("year").isin(range(2011, 2024))]
    z = _minmax_by_hand(x)
    w = provinces.weights("entropy").set_index("indicator")["weight"].reindex(z.columns)
    return (z * w).sum(axis=1).rename("score")


def test_general_facts_are_the_panel_years():
    from nqpf.analysis.provinces import facts

    raw = _raw()
    years = sorted(raw[raw.dataset == "RDIntense"]["year"].unique())   # R&D intensity: 2011-2023
    g = facts.general()
    assert (g["pv_first"], g["pv_last"], g["pv_n_years"]) == (years[0], years[-1], len(years)) == (2011, 2023, 13)
    assert g["pv_mid"] == 2017 and g["pv_half_years"] == 7 and g["pv_span"] == 12  # 2011-2017: seven years
    assert g["pv_n_prov"] == 31


def test_ranks_and_changes_from_the_index_by_hand():
    from nqpf.analysis.provinces import facts

    s = _hand_scores()
    s23 = s.xs(2023, level="year").sort_values(ascending=False)
    r = facts.ranks()
    assert r["pv_top1"] == s23.index[0] and r["pv_top1_score"] == f"{s23.iloc[0]:.2f}"
    assert r["pv_top2"] == s23.index[1] and r["pv_top5"] == "、".join(s23.index[:5])
    assert r["pv_bottom3"] == "、".join(s23.index[-3:])
    rank = {y: s.xs(y, level="year").rank(ascending=False, method="min") for y in (2011, 2023)}
    move = (rank[2011] - rank[2023]).sort_values()
    c = facts.changes()
    assert (c["pv_up_who"], c["pv_up"]) == (move.index[-1], int(move.iloc[-1]))
    assert (c["pv_down_who"], c["pv_down"]) == (move.index[0], int(-move.iloc[0]))


def test_regions_facts_by_hand():
    from nqpf.analysis.provinces import facts

    s = _hand_scores()
    f = facts.regions()
    for y, key in ((2011, "pv_gini_first"), (2023, "pv_gini_last")):
        assert f[key] == f"{_gini_sorted(s.xs(y, level='year')):.3f}"
    s23 = s.xs(2023, level="year")
    means = {"东部": s23[EAST].mean(), "东北": s23[NORTHEAST].mean(),
             "中部": s23[["山西", "安徽", "江西", "河南", "湖北", "湖南"]].mean()}
    west = [p for p in s23.index if p not in EAST + NORTHEAST + ["山西", "安徽", "江西", "河南", "湖北", "湖南"]]
    means["西部"] = s23[west].mean()
    assert len(west) == 12 and f["pv_region_top"] == max(means, key=means.get)
    s11 = s.xs(2011, level="year")
    assert f["pv_cv_first"] == f"{s11.std(ddof=0) / s11.mean():.2f}"


def test_robust_facts_by_hand():
    from nqpf.analysis.provinces import facts

    m = ranking.rank_matrix(2023)
    rho = [m[a].corr(m[b], method="spearman") for i, a in enumerate(m.columns) for b in m.columns[i + 1:]]
    f = facts.robust()
    assert f["pv_n_pairs"] == len(rho) == 28                      # C(8, 2)
    assert f["pv_rho_median"] == f"{np.median(rho):.2f}" and f["pv_rho_min"] == f"{min(rho):.2f}"
    assert f["pv_fixed"] == int((m.max(axis=1) == m.min(axis=1)).sum())


def test_weights_facts_from_the_raw_file():
    from nqpf.analysis.provinces import facts

    raw = _raw()
    raw = raw.assign(p=raw["province_raw"].str.replace(r"\s", "", regex=True))
    y23 = raw[(raw.year == 2023) & raw.p.isin(clean.PROVINCES)]
    src = y23[y23.dataset == "RDSource"].pivot(index="p", columns="item", values="value")
    # enterprise funds' share of R&D (企业资金 ÷ 合计); a blank enterprise cell is the total less the other sources
    ent = src["企业资金"].fillna(src["合计"] - src[["政府资金", "国外资金", "其他资金"]].sum(axis=1))
    share = 100 * ent / src["合计"]
    w = facts.weights()
    assert w["pv_ent_low"] == share.idxmin() and w["pv_ent_low_v"] == f"{share.min():.1f}"
    # Beijing's technology outflow (MarketPush 金额, 万元 → 亿元) over its GDP (R&D ÷ intensity × 100)
    bj = y23[y23.p == "北京"]
    def v(ds, item):
        return bj[(bj.dataset == ds) & (bj.item == item)]["value"].item()
    gdp = v("RDIntense", "RD经费") / v("RDIntense", "RD强度") * 100
    assert w["pv_bj_out"] == f"{v('MarketPush', '金额') / 1e4 / gdp * 100:.1f}"


def test_rank_percentiles_are_order_statistics_of_the_draws():
    from nqpf.analysis.provinces import montecarlo as mc

    draws = 200
    pct = provinces.rank_percentiles(2023, draws=draws, seed=3).set_index("province")
    r = mc.draw_ranks(2023, draws, 3)
    # the inverted-CDF percentile of 200 draws: the ceil(q × 200)-th smallest rank (10th, 100th, 190th)
    for p in ("北京", "安徽", "西藏"):
        ranks = sorted(r.loc[p])
        assert (pct.loc[p, "rank_p05"], pct.loc[p, "rank_p50"], pct.loc[p, "rank_p95"]) == \
            (ranks[9], ranks[99], ranks[189]), p
    assert list(pct.index) == list(clean.PROVINCES)


def test_provinces_findings_by_hand():
    from nqpf.analysis.findings import provinces as fpv

    found = {f.id: {s.name: s.value for s in f.specifications} for f in fpv.findings()}
    # Beijing first under the baseline: the hand-computed index ranks it first
    s23 = _hand_scores().xs(2023, level="year")
    assert found["provinces-beijing-first"]["熵值法·加权和"] == 1 == int((s23 > s23["北京"]).sum()) + 1
    # the method share of rank variance in 2023: within-province sum of squares over the total, in %
    m = ranking.rank_matrix(2023).to_numpy(dtype=float)
    within = ((m - m.mean(axis=1, keepdims=True)) ** 2).sum()
    total = ((m - m.mean()) ** 2).sum()
    assert found["provinces-method-share"]["八种方法 2023"] == pytest.approx(100 * within / total)


def _raw_gdp(year):
    """Each province's derived GDP (R&D expenditure ÷ intensity × 100) of ``year`` from the raw CSV."""
    raw = _raw()
    raw = raw.assign(p=raw["province_raw"].str.replace(r"\s", "", regex=True))
    rd = raw[(raw.dataset == "RDIntense") & (raw.year == year) & raw.p.isin(clean.PROVINCES)]
    w = rd.pivot(index="p", columns="item", values="value")
    return w["RD经费"] / w["RD强度"] * 100


def test_break_summary_and_census_break_facts_by_hand():
    from nqpf.analysis.provinces import facts

    change = 100 * (_raw_gdp(2019) / _raw_gdp(2018) - 1)     # the fourth economic census revised 2019's GDP
    nat = 100 * (_wdi_cny_gdp(2019) / _wdi_cny_gdp(2018) - 1)
    s = _hand_scores()
    gini = {y: _gini_sorted(s.xs(y, level="year")) for y in (2018, 2019)}
    b = gaps.break_summary()
    assert (b["break_year"], b["n"], b["n_down"]) == (2019, 31, int((change < 0).sum()))
    assert b["largest_fall_who"] == change.idxmin() and b["largest_fall_pct"] == pytest.approx(change.min())
    assert b["national_growth_pct"] == pytest.approx(nat)
    assert b["gini_jump"] == pytest.approx(gini[2019] - gini[2018])
    f = facts.census_break()
    assert f["pv_brk_n_down"] == int((change < 0).sum()) and f["pv_brk_fall_who"] == change.idxmin()
    assert f["pv_brk_fall_pct"] == f"{change.min():.1f}".replace("-", "−")
    assert f["pv_brk_nat_growth"] == f"{nat:.1f}"
    ratio = s.xs(2011, level="year")["北京"] / s.xs(2011, level="year").drop("北京").mean()
    assert f["pv_bj_ratio_first"] == f"{ratio:.1f}"


def test_break_trends_published_and_before_by_numpy():
    s = _hand_scores()
    path = {y: _gini_sorted(s.xs(y, level="year")) for y in range(2011, 2024)}
    t = gaps.break_trends(measures=("gini",)).set_index("treatment")
    # as published: the least-squares line through all 13 years; before the break: through 2011-2018
    assert t.loc["published", "slope"] == pytest.approx(np.polyfit(list(path), list(path.values()), 1)[0])
    before = {y: v for y, v in path.items() if y < 2019}
    row = next(r for k, r in t.iterrows() if r["first"] == 2011 and r["last"] == 2018)
    assert row["slope"] == pytest.approx(np.polyfit(list(before), list(before.values()), 1)[0])
    assert t.loc["published", "value_first"] == pytest.approx(path[2011])


def test_panel_weights_by_the_entropy_and_critic_formulas():
    # entropy (Shannon): p = x / Σx with x = z + 1e-4, e_j = −Σ p ln p / ln m, w ∝ 1 − e_j;
    # CRITIC (Diakoulaki et al. 1995): w ∝ σ_j Σ_k (1 − r_jk), σ the sample standard deviation
    x = provinces.indicators()
    z = _minmax_by_hand(x[x.index.get_level_values("year").isin(range(2011, 2024))]).to_numpy()
    a = z + 1e-4
    p = a / a.sum(axis=0)
    e = -(p * np.log(p)).sum(axis=0) / np.log(len(a))
    ent = provinces.weights("entropy")["weight"].to_numpy()
    assert ent == pytest.approx((1 - e) / (1 - e).sum(), abs=1e-12)
    c = z.std(axis=0, ddof=1) * (1 - np.corrcoef(z, rowvar=False)).sum(axis=0)
    assert provinces.weights("critic")["weight"].to_numpy() == pytest.approx(c / c.sum(), abs=1e-12)


def test_national_checks_of_rd_expenditure_by_hand():
    raw = _raw()
    raw = raw.assign(p=raw["province_raw"].str.replace(r"\s", "", regex=True))
    rd = raw[(raw.dataset == "RDIntense") & (raw.item == "RD经费") & (raw.year == 2023)]
    nation = rd.loc[rd.p == "全国", "value"].item()                  # 33,357.1 亿元 (2023 bulletin)
    total = rd.loc[rd.p.isin(clean.PROVINCES), "value"].sum()
    c = provinces.checks()
    row = c[(c.dataset == "RDIntense") & (c.item == "RD经费") & (c.year == 2023)].iloc[0]
    assert nation == 33_357.1
    assert row["provinces_sum"] == pytest.approx(total)
    assert row["rel_diff"] == pytest.approx(100 * (total - nation) / nation)


def _hand_entropy_index(drop=None):
    """Baseline index by hand, optionally without one indicator: min-max, entropy weights (x = z + 1e-4), Σ w z."""
    x = provinces.indicators()
    z = _minmax_by_hand(x[x.index.get_level_values("year").isin(range(2011, 2024))])
    if drop:
        z = z.drop(columns=drop)
    a = z.to_numpy() + 1e-4
    p = a / a.sum(axis=0)
    e = -(p * np.log(p)).sum(axis=0) / np.log(len(a))
    w = (1 - e) / (1 - e).sum()
    return pd.Series(z.to_numpy() @ w, index=z.index)


def test_leave_one_out_by_hand():
    loo = provinces.leave_one_out(2023).set_index("dropped")
    full = _hand_entropy_index().xs(2023, level="year").rank(ascending=False, method="min")
    for code in ("tech_in_gdp", "rd_intensity"):
        r = _hand_entropy_index(code).xs(2023, level="year").rank(ascending=False, method="min")
        assert loo.loc[code, "spearman"] == pytest.approx(full.corr(r, method="spearman"))   # pandas, not SciPy
        assert loo.loc[code, "max_shift"] == int((r - full).abs().max())


def test_normalisation_effect_panel_columns_by_hand():
    s = _hand_scores()
    ne = ranking.normalisation_effect().set_index("year")
    for y in (2011, 2023):
        assert ne.loc[y, "mean_panel"] == pytest.approx(s.xs(y, level="year").mean())
        assert ne.loc[y, "max_panel"] == pytest.approx(s.xs(y, level="year").max())


def test_variants_share_first_counted_from_the_draws():
    from nqpf.analysis.provinces import montecarlo as mc

    v = provinces.variants(2023, draws=200, seed=5)
    allv = v[v["variant"] == "all"].set_index("province")
    r = mc.draw_ranks(2023, 200, 5)
    first = sum(1 for rank in r.loc["北京"] if rank == 1)     # draws in which Beijing is first, counted
    assert allv.loc["北京", "share_first"] == pytest.approx(first / 200)
    assert allv.loc["北京", "rank_p50"] == sorted(r.loc["北京"])[99]
    assert set(v["variant"]) == set(mc.VARIANTS)
