"""Every value the chapter 省际比较 prints, computed here so the chapter only glues what these functions return.

Each function returns ``{glue_name: value}`` for one section of the chapter, values already rounded as printed;
:func:`facts` merges them. Nothing here is new analysis: each value is read off a public function of the package.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from nqpf.analysis.provinces import clean, rd2024
from nqpf.analysis.provinces import gaps as gp
from nqpf.analysis.provinces import inputs as inp
from nqpf.analysis.provinces import method as mth
from nqpf.analysis.provinces import montecarlo as mc
from nqpf.analysis.provinces import ranking as rk

__all__ = ["facts", "general", "data", "system", "weights", "ranks", "robust", "regions", "changes", "rd",
           "census_break", "names", "signed", "slope_text"]

FIRST, LAST, MID = inp.YEARS[0], inp.YEARS[-1], gp.MIDDLE
BOTTOM_CUT = len(clean.PROVINCES) - 10  # the bottom eleven, as the mirror of "always top ten"


class _Values(dict):
    def g(self, name, value, fmt=None):
        self[name] = value if fmt is None else format(value, fmt)


def names(items) -> str:
    return "、".join(items)


def signed(value, fmt) -> str:
    """A signed number for prose, with a true minus sign.

    >>> signed(-0.01234, ".3f")
    '−0.012'
    """
    return format(value, fmt).replace("-", "−")


def slope_text(row, fmt: str, scale=1) -> str:
    """'每年 −0.0070（95% 置信区间 −0.0085 至 −0.0056）' for prose, from a row of :func:`.gaps.path_trend`."""
    return (f"每年 {signed(scale * row['slope'], fmt)}（95% 置信区间 {signed(scale * row['ci_low'], fmt)} 至 "
            f"{signed(scale * row['ci_high'], fmt)}）")


def general() -> dict:
    """Years and counts, and each finding's sentence and label (chosen by its computed verdict)."""
    from nqpf.analysis import findings as fd

    v = _Values()
    v.g("pv_first", FIRST)
    v.g("pv_last", LAST)
    v.g("pv_mid", MID)
    v.g("pv_span", LAST - FIRST)
    v.g("pv_n_prov", len(clean.PROVINCES))
    v.g("pv_n_years", len(inp.YEARS))
    v.g("pv_half_years", MID - FIRST + 1)
    # computed with the data files they read credited to this page (the register pauses that record, and the
    # cleaned table is cached in memory, so a page would never be credited with it), and stored for the front page
    for f in fd.computed("provinces"):
        key = "pv_f_" + f.id.removeprefix("provinces-").replace("-", "_")
        v.g(key, f.statement)
        v.g(key + "_label", fd.label(f))
    return dict(v)


def data() -> dict:
    """数据与清洗: rows, misreadings, national checks, derived GDP, imputed cells."""
    raw, mis, chk, gdp, imp, panel = (inp.cleaned(), inp.misreadings(), inp.checks(), inp.gdp(), inp.imputed(),
                                      inp.panel())
    v = _Values()
    v.g("pv_rows", f"{len(raw):,}")
    v.g("pv_tables", raw["dataset"].nunique())
    padded = int(raw["province_raw"].str.contains(r"\s").sum())
    v.g("pv_padded", f"{padded:,}")
    v.g("pv_mis_n", len(mis))
    v.g("pv_mis_rows", int(mis["rows"].sum()))
    v.g("pv_nation_rows", int((raw["kind"] == "nation").sum()))
    v.g("pv_region_rows", int((raw["kind"] == "region").sum()))
    v.g("pv_panel_rows", f"{len(panel):,}")
    v.g("pv_blank", int(raw.loc[raw["kind"] == "province", "value"].isna().sum()))
    by = chk.groupby("dataset").agg(cells=("ok", "size"), ok=("ok", "sum")).reset_index()
    v.g("pv_chk_cells", len(chk))
    v.g("pv_chk_ok", int(chk["ok"].sum()))
    v.g("pv_chk_tables_ok", names(by.loc[by["ok"] == by["cells"], "dataset"]))
    v.g("pv_chk_tables_bad", names(by.loc[by["ok"] < by["cells"], "dataset"]))
    bad = chk.loc[~chk["ok"], "rel_diff"]
    v.g("pv_chk_sign", "而且全国数总是大于各省之和" if (bad < 0).all() else "差额有正有负")
    rd = chk[(chk["dataset"] == "RDIntense") & (chk["item"] == "RD经费")]
    v.g("pv_chk_rd_max", rd["rel_diff"].abs().max(), ".4f")
    pull = chk[(chk["dataset"] == "MarketPull") & (chk["item"] == "金额")]
    v.g("pv_pull_gap_max", -pull["rel_diff"].min(), ".1f")
    v.g("pv_pull_gap_last", -pull.loc[pull["year"] == LAST, "rel_diff"].iloc[0], ".1f")
    pvi = chk[(chk["dataset"] == "RDPatentValid") & (chk["item"] == "发明")]
    v.g("pv_patent_gap_first", -pvi.loc[pvi["year"] == 2010, "rel_diff"].iloc[0], ".1f")
    v.g("pv_patent_gap_last", -pvi.loc[pvi["year"] == LAST, "rel_diff"].iloc[0], ".1f")
    worst = gdp.loc[gdp["rounding_bound"].idxmax()]
    v.g("pv_gdp_bound_max", 100 * worst["rounding_bound"], ".1f")
    v.g("pv_gdp_bound_who", f"{worst['province']}{int(worst['year'])}年")
    v.g("pv_gdp_bound_median", 100 * gdp["rounding_bound"].median(), ".2f")
    gd = gdp[(gdp["province"] == "广东") & (gdp["year"] == LAST)].iloc[0]
    v.g("pv_gdp_gd", f"{gd['gdp']:,.0f}")
    v.g("pv_imp_n", len(imp))
    v.g("pv_imp_geo", int(imp["how"].str.contains("geometric").sum()))
    v.g("pv_imp_tibet", int(imp["how"].str.contains("no outflow").sum()))
    return dict(v)


def system() -> dict:
    sysdf = inp.system()
    return {"pv_n_ind": len(sysdf), "pv_n_dim": sysdf["维度"].nunique()}


def weight_table() -> pd.DataFrame:
    """The four weightings side by side: 指标 and one column per weighting (Chinese names), index the codes."""
    wt = pd.concat([rk.weights(m).set_index("indicator")["weight"].rename(mth.WEIGHTING_ZH[m])
                    for m in mth.WEIGHTINGS], axis=1)
    wt.insert(0, "指标", [inp.NAME[c] for c in wt.index])
    return wt


def weights() -> dict:
    """标准化与四种权重."""
    z = rk.normalised()
    wt = weight_table()
    ne = rk.normalisation_effect().set_index("year")
    v = _Values()
    v.g("pv_mean_first", ne.at[FIRST, "mean_panel"], ".3f")
    v.g("pv_mean_last", ne.at[LAST, "mean_panel"], ".3f")
    v.g("pv_meany_first", ne.at[FIRST, "mean_year"], ".3f")
    v.g("pv_meany_last", ne.at[LAST, "mean_year"], ".3f")
    v.g("pv_meany_min", ne["mean_year"].min(), ".3f")
    v.g("pv_meany_max", ne["mean_year"].max(), ".3f")
    v.g("pv_ne_rho_min", ne["spearman"].min(), ".2f")
    v.g("pv_ne_rho_min_year", int(ne["spearman"].idxmin()))
    v.g("pv_ne_shift_max", int(ne["max_shift"].max()))
    ent, cri = wt["熵值法"], wt["CRITIC"]
    v.g("pv_ent_top", inp.NAME[ent.idxmax()])
    v.g("pv_ent_top_w", 100 * ent.max(), ".1f")
    v.g("pv_ent_ent", 100 * ent["enterprise_share"], ".1f")
    v.g("pv_cri_ent", 100 * cri["enterprise_share"], ".1f")
    v.g("pv_pca_basic", 100 * wt["第一主成分"]["basic_share"], ".1f")
    es = inp.indicators()["enterprise_share"]
    v.g("pv_ent_q1", es.quantile(0.25), ".0f")
    v.g("pv_ent_q3", es.quantile(0.75), ".0f")
    corr = z.corr()["enterprise_share"].drop("enterprise_share")
    v.g("pv_ent_corr", corr.mean(), ".2f")
    es23 = es.xs(LAST, level="year")
    v.g("pv_ent_low", es23.idxmin())
    v.g("pv_ent_low_v", es23.min(), ".1f")
    v.g("pv_pca_expl", 100 * mth.pca_explained(z), ".0f")
    x23 = inp.indicators().xs(LAST, level="year")
    v.g("pv_bj_out", x23.at["北京", "tech_out_gdp"], ".1f")
    v.g("pv_out_median", x23["tech_out_gdp"].median(), ".1f")
    pca_w = wt["第一主成分"]
    v.g("pv_pca_neg", names(inp.NAME[c] for c in pca_w.index[pca_w < 0]) or "没有指标")
    v.g("pv_pca_neg_w", signed(100 * pca_w.min(), ".1f"))
    src = rk.weight_sources("entropy").set_index("indicator")
    for tag, code in (("in", "tech_in_gdp"), ("apps", "invention_apps_fte")):
        row = src.loc[code]
        v.g(f"pv_src_{tag}_between", row["between_year_share"], ".0f")
        v.g(f"pv_src_{tag}_pooled", 100 * row["pooled"], ".1f")
        v.g(f"pv_src_{tag}_within", 100 * row["within_year"], ".1f")
    tm = inp.tech_market_growth()
    v.g("pv_tm_out_x", tm["tech_out"], ".0f")
    v.g("pv_tm_in_x", tm["tech_in"], ".0f")
    v.g("pv_tm_gdp_x", tm["gdp"], ".1f")
    v.g("pv_tm_ent_w", 100 * (ent["tech_out_gdp"] + ent["tech_in_gdp"]), ".0f")
    return dict(v)


def ranks() -> dict:
    """2023 年的分数: the baseline ranking, and who stays where under all eight methods."""
    base = rk.index(*rk.BASE, LAST)
    ranges = rk.robustness(LAST)["ranges"].set_index("province")
    v = _Values()
    v.g("pv_top1", base.iloc[0]["province"])
    v.g("pv_top1_score", base.iloc[0]["score"], ".2f")
    v.g("pv_top2", base.iloc[1]["province"])
    v.g("pv_top2_score", base.iloc[1]["score"], ".2f")
    v.g("pv_top5", names(base["province"].iloc[:5]))
    v.g("pv_bottom3", names(base["province"].iloc[-3:]))
    always_top = [p for p in ranges.index if ranges.at[p, "worst"] <= 10]
    always_bottom = [p for p in ranges.index if ranges.at[p, "best"] >= BOTTOM_CUT]
    v.g("pv_bottom_cut", BOTTOM_CUT)
    v.g("pv_always_top_n", len(always_top))
    v.g("pv_always_top", names(always_top))
    v.g("pv_always_bottom_n", len(always_bottom))
    v.g("pv_always_bottom", names(always_bottom))
    v.g("pv_ah_best", int(ranges.at["安徽", "best"]))
    v.g("pv_ah_worst", int(ranges.at["安徽", "worst"]))
    ind_rank = inp.indicators().xs(LAST, level="year").rank(ascending=False, method="min").astype(int)
    ah = ind_rank.loc["安徽"].sort_values().iloc[:3]
    v.g("pv_ah_strong", names(f"{inp.NAME[c]}（第{r}）" for c, r in ah.items()))
    firsts = [p for p in ranges.index if ranges.at[p, "worst"] == 1]
    v.g("pv_always_first", names(firsts) if firsts else "没有")
    return dict(v)


def robust() -> dict:
    """排名有多少是方法决定的: rank agreement, ranges, leave one out, random weights."""
    rob = rk.robustness(LAST)
    s, pairs, loo = rob["summary"], rob["pairs"], rob["leave_one_out"]
    ranges = rob["ranges"].set_index("province")
    lo, hi = pairs.loc[pairs["spearman"].idxmin()], pairs.loc[pairs["spearman"].idxmax()]
    v = _Values()
    v.g("pv_n_pairs", len(pairs))
    v.g("pv_rho_median", s["spearman_median"], ".2f")
    v.g("pv_rho_min", s["spearman_min"], ".2f")
    v.g("pv_rho_min_pair", f"{lo['a']}与{lo['b']}")
    v.g("pv_rho_max", hi["spearman"], ".3f")
    v.g("pv_rho_max_pair", f"{hi['a']}与{hi['b']}")
    v.g("pv_tau_median", s["kendall_median"], ".2f")
    v.g("pv_tau_min", s["kendall_min"], ".2f")
    v.g("pv_range_median", int(s["range_median"]))
    v.g("pv_range_max", s["range_max"])
    v.g("pv_range_max_who", s["range_max_who"])
    w = s["range_max_who"].split("、")[0]
    v.g("pv_range_max_best", int(ranges.at[w, "best"]))
    v.g("pv_range_max_worst", int(ranges.at[w, "worst"]))
    v.g("pv_fixed", s["fixed"])
    v.g("pv_fixed_who", names(ranges.index[ranges["range"] == 0]))
    v.g("pv_moving5", s["moving_5plus"])
    v.g("pv_method_share", 100 * s["method_share"], ".0f")
    big = ranges[ranges["range"] >= 10].sort_values("range", ascending=False)
    v.g("pv_big_n", len(big))
    v.g("pv_big", names(f"{p}（{int(r.best)}–{int(r.worst)}）" for p, r in big.iterrows()))
    v.g("pv_loo_rho_min", s["loo_spearman_min"], ".3f")
    v.g("pv_loo_shift_max", s["loo_max_shift"])
    v.g("pv_loo_worst", loo.loc[loo["spearman"].idxmin(), "name"])
    mcv = mc.variants(LAST).set_index(["variant", "province"])
    mc_all = mcv.loc["all"]
    v.g("pv_mc_draws", f"{mc.DRAWS:,}")
    v.g("pv_mc_seed", mc.SEED)
    v.g("pv_mc_bj_first", 100 * mc_all.at["北京", "share_first"], ".1f")
    v.g("pv_mc_bj_first_notm", 100 * mcv.loc["without-tech-market"].at["北京", "share_first"], ".1f")
    width = mc_all["rank_p95"] - mc_all["rank_p05"]
    v.g("pv_mc_width_median", int(width.median()))
    v.g("pv_mc_wide_n", int((width >= 10).sum()))
    nobj = mcv.loc["without-beijing"]
    top_nobj = nobj["share_first"].idxmax()
    v.g("pv_mc_nobj_top", top_nobj)
    v.g("pv_mc_nobj_top_share", 100 * nobj.at[top_nobj, "share_first"], ".0f")
    return dict(v)


def _tr(frame, measure, first, last):
    return frame[(frame["measure"] == measure) & (frame["first"] == first) & (frame["last"] == last)].iloc[0]


def regions() -> dict:
    """四大地区：差距与收敛 — the yearly path, its sub-period trends, without Beijing, convergence."""
    nobj = (rk.BEIJING,)
    ineq = gp.inequality().set_index("year")
    ineq_nobj = gp.inequality(exclude=nobj).set_index("year")
    rm = gp.region_means()
    conv, conv_nobj = gp.convergence(), gp.convergence(exclude=nobj)
    trend, trend_nobj = gp.path_trend(), gp.path_trend(exclude=nobj)
    base = rk.index(*rk.BASE, LAST)
    v = _Values()
    v.g("pv_gini_first", ineq.at[FIRST, "gini"], ".3f")
    v.g("pv_gini_mid", ineq.at[MID, "gini"], ".3f")
    v.g("pv_gini_last", ineq.at[LAST, "gini"], ".3f")
    v.g("pv_gini_min_year", int(ineq["gini"].idxmin()))
    v.g("pv_gini_min", ineq["gini"].min(), ".3f")
    v.g("pv_bshare_first", ineq.at[FIRST, "between_share"], ".0f")
    v.g("pv_bshare_min", ineq["between_share"].min(), ".0f")
    v.g("pv_bshare_min_year", int(ineq["between_share"].idxmin()))
    v.g("pv_bshare_last", ineq.at[LAST, "between_share"], ".0f")
    v.g("pv_tshare_first", ineq.at[FIRST, "transvariation_share"], ".0f")
    v.g("pv_tshare_max", ineq["transvariation_share"].max(), ".0f")
    v.g("pv_wshare_last", ineq.at[LAST, "within_share"], ".0f")
    for name, frame in (("", trend), ("_nobj", trend_nobj)):
        for first, last, tag in ((FIRST, LAST, "all"), (FIRST, MID, "h1"), (MID, LAST, "h2")):
            row = _tr(frame, "gini", first, last)
            v.g(f"pv_gini_slope_{tag}{name}", slope_text(row, ".4f"))
            v.g(f"pv_gini_dir_{tag}{name}", row["direction"])
            row = _tr(frame, "between_share", first, last)
            v.g(f"pv_bshare_slope_{tag}{name}", slope_text(row, ".1f") + " 个百分点")
            v.g(f"pv_bshare_dir_{tag}{name}", row["direction"])
    v.g("pv_gini_break", int(_tr(trend, "gini", FIRST, LAST)["break"]))
    v.g("pv_bshare_break", int(_tr(trend, "between_share", FIRST, LAST)["break"]))
    v.g("pv_gini_nobj_first", ineq_nobj.at[FIRST, "gini"], ".3f")
    v.g("pv_gini_nobj_mid", ineq_nobj.at[MID, "gini"], ".3f")
    v.g("pv_gini_nobj_last", ineq_nobj.at[LAST, "gini"], ".3f")
    v.g("pv_theil_b_h1", _tr(trend, "theil_between_share", FIRST, MID)["direction"])
    v.g("pv_theil_b_h2", _tr(trend, "theil_between_share", MID, LAST)["direction"])
    within = ineq[[f"gini_{r}" for r in clean.REGIONS]].loc[LAST]
    v.g("pv_region_gini_max", within.idxmax().removeprefix("gini_"))
    v.g("pv_region_top", rm[rm["year"] == LAST].set_index("region")["mean"].idxmax())
    east = base[base["province"].map(clean.REGION) == "东部"]
    v.g("pv_east_hi", names(east["province"].iloc[:2]))
    v.g("pv_east_lo", names(east["province"].iloc[-2:]))
    above = base[(base["province"].map(clean.REGION) != "东部") & (base["score"] > east["score"].median())]
    v.g("pv_above_east", names(above["province"]))
    v.g("pv_cv_first", conv["cv_start"], ".2f")
    v.g("pv_cv_last", conv["cv_end"], ".2f")
    ab, cd = conv["absolute"], conv["conditional"]
    v.g("pv_beta", signed(ab["beta"], ".4f"))
    v.g("pv_beta_se", ab["se"], ".4f")
    v.g("pv_beta_lo", signed(ab["ci_low"], ".4f"))
    v.g("pv_beta_hi", signed(ab["ci_high"], ".4f"))
    v.g("pv_beta_p", ab["p"], ".3f")
    v.g("pv_beta_r2", ab["r2"], ".2f")
    v.g("pv_beta_half", ab["half_life"], ".0f")
    v.g("pv_beta_n", ab["n"])
    v.g("pv_cbeta", signed(cd["beta"], ".4f"))
    v.g("pv_cbeta_se", cd["se"], ".4f")
    v.g("pv_cbeta_lo", signed(cd["ci_low"], ".4f"))
    v.g("pv_cbeta_hi", signed(cd["ci_high"], ".4f"))
    v.g("pv_cbeta_p", cd["p"], ".2f")
    v.g("pv_cbeta_sig", "仍然显著" if cd["p"] < 0.05 else "不显著")
    v.g("pv_cbeta_power", 100 * conv["conditional_power"], ".0f")
    v.g("pv_cbeta_mde", conv["conditional_mde"], ".3f")
    v.g("pv_cbeta_power_reading",
        f"以 {cd['n']} 个观测，这个检验的功效不足以回答“地区内部是否收敛”。" if conv["conditional_power"] < 0.8 else
        "这个检验的功效足够：若地区内部有与绝对 β 一样快的收敛，它多半会被检出。")
    v.g("pv_n_nobj", conv_nobj["n"])
    v.g("pv_beta_nobj", signed(conv_nobj["absolute"]["beta"], ".4f"))
    v.g("pv_beta_nobj_p", conv_nobj["absolute"]["p"], ".2f")
    for name, excl in (("", ()), ("_nobj", nobj)):
        ab_s = gp.convergence(exclude=excl, basis="spliced")["absolute"]
        v.g(f"pv_beta{name}_spliced", signed(ab_s["beta"], ".4f"))
        v.g(f"pv_beta{name}_spliced_lo", signed(ab_s["ci_low"], ".4f"))
        v.g(f"pv_beta{name}_spliced_hi", signed(ab_s["ci_high"], ".4f"))
    return dict(v)


def census_break() -> dict:
    """The census break in the derived GDP and the gap measures' slopes under its five treatments."""
    b = gp.break_summary(*rk.BASE)
    bt = gp.break_trends(*rk.BASE).set_index(["measure", "treatment"])
    v = _Values()
    v.g("pv_brk_year", b["break_year"])
    v.g("pv_brk_before", b["break_year"] - 1)
    v.g("pv_brk_n_down", b["n_down"])
    v.g("pv_brk_fall_who", b["largest_fall_who"])
    v.g("pv_brk_fall_pct", signed(b["largest_fall_pct"], ".1f"))
    v.g("pv_brk_nat_growth", b["national_growth_pct"], ".1f")
    v.g("pv_brk_n_gdp", b["n_gdp_codes"])
    v.g("pv_brk_gdp_w", b["gdp_weight_pct"], ".0f")
    v.g("pv_brk_gini_jump", signed(b["gini_jump"], "+.3f"))
    v.g("pv_brk_gini_jump_rank", "是全程最大的一年升幅" if b["gini_jump_largest"] else "但不是全程最大的一年升幅")
    v.g("pv_brk_gini_jump_spliced", signed(b["gini_jump_spliced"], "+.3f"))
    v.g("pv_brk_gini_first_spliced", b["gini_first_spliced"], ".3f")
    v.g("pv_brk_gini_last_spliced", b["gini_last_spliced"], ".3f")
    v.g("pv_brk_gini_shift", signed(bt.at[("gini", "step"), "shift"], "+.3f"))
    sc = rk.index(*rk.BASE).pivot(index="province", columns="year", values="score")
    ratio = sc.loc[rk.BEIJING] / sc.drop(rk.BEIJING).mean()
    v.g("pv_bj_ratio_first", ratio[FIRST], ".1f")
    v.g("pv_bj_ratio_last", ratio[LAST], ".1f")
    zh = {"gini": "基尼系数", "theil": "泰尔指数", "cv": "变异系数"}
    nobj = gp.path_trend(*rk.BASE, exclude=(rk.BEIJING,), measures=gp.GAP_MEASURES, periods=((FIRST, LAST),))
    down = [zh[m] for m in nobj.loc[nobj["direction"] == "下降", "measure"]]
    v.g("pv_nobj_gap_down", "三种指标全程都没有显著下降" if not down else f"只有{names(down)}全程显著下降")
    # the largest one-year fall of a province's derived GDP away from the break (a single province's revision)
    w = inp.gdp().pivot(index="province", columns="year", values="gdp")
    ch = (100 * (w / w.shift(axis=1) - 1)).drop(columns=[FIRST, b["break_year"]]).stack()
    (who, year) = ch.idxmin()
    v.g("pv_brk_other_who", who)
    v.g("pv_brk_other_year", int(year))
    v.g("pv_brk_other_pct", signed(ch.min(), ".1f"))
    # how far provinces' nominal growth spreads in an ordinary year: the median over the other years of the
    # interquartile range across provinces (percentage points), against the break's jumps
    growth = (100 * (w / w.shift(axis=1) - 1)).drop(columns=[FIRST, b["break_year"]])
    v.g("pv_brk_growth_iqr", (growth.quantile(0.75) - growth.quantile(0.25)).median(), ".1f")
    # provincial level revisions before the census, by the rule of inputs.REVISION_FALL_PCT
    falls = inp.gdp_falls()
    rev = inp.level_revisions()
    v.g("pv_rev_fall", inp.REVISION_FALL_PCT)
    v.g("pv_rev_n", len(rev))
    v.g("pv_rev_list", names(f"{p} {y} 年（{signed(c, '.1f')}%）" for p, y, c in
                             zip(rev["province"], rev["year"], rev["change_pct"])) or "没有")
    at_break = falls[falls["revision"] & (falls["year"] == b["break_year"])]
    v.g("pv_rev_break_n", len(at_break))
    v.g("pv_rev_break_who", names(at_break["province"]))
    other = falls[~falls["revision"] & (falls["year"] != b["break_year"])].iloc[0]
    v.g("pv_rev_next", f"{other['province']} {int(other['year'])} 年（{signed(other['change_pct'], '.1f')}%）")
    from nqpf.analysis.findings import provinces as pv_findings

    counted = pv_findings.treatments()
    v.g("pv_brk_n_treat", len(gp.TREATMENTS))
    v.g("pv_brk_n_counted", len(counted))
    v.g("pv_brk_step_reading",
        "衔接 GDP 消去了这一年的大部分跳变，虚拟变量的做法因此作为一种合理设定计入下文的结论。"
        if "step" in counted else
        "纠正分母之后跳变仍在，主要不是分母口径造成的，而来自各指标分子的变化；虚拟变量的做法把这一年的变化全部当作"
        "口径问题剔除，与本章自己的证据相矛盾，因此只在表中列出作对比，不计入下文结论的设定。")
    v.g("pv_brk_step_role", "作为一种合理设定计入下文的结论" if "step" in counted else
        "只在表中列出作对比，不计入下文结论的设定")
    # the treatments that keep only one side of the break leave out the step across it, as the dummy does
    parts = [k for k in counted if (gp.TREATMENTS[k][2], gp.TREATMENTS[k][3]) != (FIRST, LAST)]
    v.g("pv_brk_parts_role",
        f"后 {len(parts)} 种只看断点一侧，与虚拟变量一样不含跨断点的一步：结论中单独报告，不计入全程设定的计数。"
        if parts else "")
    for m in gp.GAP_MEASURES:
        for t in gp.TREATMENTS:
            row = bt.loc[(m, t)]
            v.g(f"pv_brk_{m}_{t}", slope_text(row, ".4f"))
            v.g(f"pv_brk_{m}_{t}_dir", row["direction"])
    return dict(v)


def changes() -> dict:
    """排名的变化: who rose and fell most between the first and the last year (baseline method)."""
    r0 = rk.index(*rk.BASE, FIRST).set_index("province")["rank"]
    r1 = rk.index(*rk.BASE, LAST).set_index("province")["rank"]
    move = (r0 - r1).sort_values()
    up, down = move.index[-1], move.index[0]
    return {"pv_up_who": up, "pv_up": int(move.iloc[-1]), "pv_up_from": int(r0[up]), "pv_up_to": int(r1[up]),
            "pv_down_who": down, "pv_down": int(-move.iloc[0]), "pv_down_from": int(r0[down]),
            "pv_down_to": int(r1[down])}


def rd() -> dict:
    """2024 年的研发强度与修订后的 2023 年."""
    s = rd2024.summary()
    v = _Values()
    if s["restated_up"] == 0 and s["restated_same"] == 0:
        v.g("pv_rd_restated", f"{s['restated_down']} 个省份全部下调")
    else:
        v.g("pv_rd_restated",
            f"{s['restated_down']} 个省份下调、{s['restated_up']} 个上调、{s['restated_same']} 个不变")
    v.g("pv_rd_down", s["restated_down"])
    v.g("pv_rd_largest_who", s["largest_who"])
    v.g("pv_rd_largest_panel", s["largest_panel"], ".2f")
    v.g("pv_rd_largest_restated", s["largest_restated"], ".2f")
    v.g("pv_rd_largest_pp", signed(s["largest_pp"], ".2f"))
    v.g("pv_rd_rose", s["rose_2024"])
    v.g("pv_rd_fell", s["fell_2024"])
    v.g("pv_rd_top", s["top_2024"])
    v.g("pv_rd_top_v", s["top_2024_value"], ".2f")
    v.g("pv_rd_rho", s["spearman_2024_vs_index"], ".2f")
    return dict(v)


@lru_cache(maxsize=1)
def _facts() -> tuple:
    out = {}
    for part in (general, data, system, weights, ranks, robust, regions, census_break, changes, rd):
        out.update(part())
    return tuple(out.items())


def facts() -> dict:
    """Every printed value of the chapter: ``{glue_name: value}`` (a fresh dict each call)."""
    return dict(_facts())
