"""Every number book/tfp.md prints and every table it shows or draws, computed here so the chapter only glues,
tabulates and plots (no arithmetic there).

:func:`facts` returns ``{glue name: value}``; a value that is NaN, infinite or None raises :class:`DataError`
naming it, so a missing number never reaches the page. The ``*_table`` functions return the chapter's tables
and chart data, already shaped (periods as rows, Chinese economy names, flags in the labels).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

from nqpf.analysis import tfp
from nqpf.core import data
from nqpf.core.errors import DataError
from nqpf.core.numbers import check_printable, prose

__all__ = ["facts", "PERIODS", "HEAT_PERIODS", "COUNTRIES", "LEVEL_YEAR", "INDEX_BASE",
           "period_table", "stack_bottoms", "annual_table", "seed_shown_table", "vintage_table", "vintage_index",
           "heat_tables", "heat_chart_table", "heat_range", "robustness_chart", "country_table", "levels_sorted",
           "level_specs_table", "bc_shown_table"]

# The first three tile 1978-2023; the other three are the PBoC study's periods and the decade since 2013.
PERIODS = ((1978, 2012), (2013, 2019), (2020, 2023), (1978, 2020), (2013, 2020), (2013, 2023))
# Bosworth-Collins's two sub-periods as read in the table of readings, then the seeds' periods.
HEAT_PERIODS = ((1979, 1993), (1994, 2004), (1978, 2012), (2013, 2019), (1978, 2020), (2013, 2023))
VINTAGE_PERIODS = ((1978, 2012), (2013, 2019), (1978, 2019))
COUNTRIES = tuple(tfp.COUNTRY_ZH)
LEVEL_YEAR = 2023   # ctfp (levels) only within one year; change over time from rtfpna (PWT's advice)
INDEX_BASE = 1977   # base of the growth years 1978-2023
LABSH_LAST = 2023
HC_YEARS = (1978, 2004, 2012, 2019)
BC_YEARS = (1978, 2004)  # PWT's return to schooling over Bosworth-Collins's years
DECOMPOSED = ("gdp", "capital", "labour", "human_capital", "tfp", "tfp_share")


def facts() -> dict:
    """The chapter's glued values by name (a copy)."""
    return dict(_facts())




@lru_cache(maxsize=1)
def _facts() -> tuple:
    pwt11, pwt10 = tfp.pwt("11.0"), tfp.pwt("10.01")
    f: dict = {}
    _findings(f)
    _robust(f, pwt10)
    _data(f, pwt11)
    _main(f, pwt11)
    _seeds(f, pwt11)
    _vintage(f, pwt10)
    _heat(f, pwt11)
    _countries(f, pwt11)
    _bc(f, pwt11)
    _exercises(f, pwt11)
    return tuple(check_printable(f, "book/tfp").items())


def _findings(f):
    from nqpf.analysis.findings import label, register

    for x in register("tfp"):
        key = x.id.replace("-", "_")
        f[f"tfp_f_{key}"] = x.statement
        f[f"tfp_f_{key}_label"] = label(x)


def _rob_row(rob, period, **spec):
    spec = {**tfp.PWT_METHOD, **spec}
    hit = rob[(rob["period"] == period) & (rob["vintage"] == "11.0") & (rob["capital"] == spec["capital"])
              & (rob["labour"] == spec["labour"]) & (rob["alpha"] == spec["alpha"])]
    if len(hit) != 1:
        raise DataError("tfp.robustness()", "one row per period and specification", detail=f"{period} {spec}")
    return hit.iloc[0]


def _robust(f, pwt10):
    from nqpf.analysis.findings import register

    rob = tfp.robustness()
    for per, key in (("1979–2012", "7912"), ("2013–2019", "1319"), ("2013–2023", "1323")):
        r = _rob_row(rob, per)
        f[f"tfp_pwtspec_{key}_tfp"] = float(r["tfp"])
        f[f"tfp_pwtspec_{key}_share"] = float(r["tfp_share"])
    f["tfp_default_7912_share"] = float(_rob_row(rob, "1979–2012", **tfp.DEFAULT_SPEC)["tfp_share"])
    f["tfp_pwtspec_change_1319"] = float(_rob_row(rob, "2013–2019")["tfp_share"]
                                         - _rob_row(rob, "1979–2012")["tfp_share"])
    f["tfp_default_1319_share"] = float(_rob_row(rob, "2013–2019", **tfp.DEFAULT_SPEC)["tfp_share"])
    share_f = next(x for x in register("tfp") if x.id == "tfp-share-after-2013")
    f["tfp_rob_n"] = len(share_f.specifications)
    f["tfp_rob_k"] = len(share_f.specifications) - len(share_f.flips_under)
    f["tfp_rob_n_rows"] = int(rob["tfp"].notna().sum())
    f["tfp_rob_blank"] = int(rob["tfp"].isna().sum())
    f["tfp_v10_last"] = int(pwt10["year"].max())


def _data(f, pwt11):
    chn = pwt11[pwt11.countrycode == "CHN"]
    f["tfp_pwt_countries"] = int(pwt11["countrycode"].nunique())
    f["tfp_pwt_first"] = int(pwt11["year"].min())
    f["tfp_pwt_last"] = int(pwt11["year"].max())
    f["tfp_chn_first"] = int(chn.dropna(subset=["rgdpna", "rnna", "emp", "hc", "labsh"])["year"].min())
    f["tfp_chn_labsh_1978"] = float(chn.set_index("year").loc[1978, "labsh"])
    f["tfp_chn_labsh_last"] = float(chn.set_index("year").loc[LABSH_LAST, "labsh"])
    checks = pd.concat({c: tfp.pwt_tfp_check(pwt11, c)["difference"].abs() for c in COUNTRIES})
    f["tfp_check_max"] = prose(float(checks.max()), 9)  # fixed point in prose (never 1.4e-07)
    f["tfp_check_n"] = len(checks)


def _main(f, pwt11):
    by_period = period_table().set_index("period")
    m7812, m1319 = by_period.loc["1978–2012"], by_period.loc["2013–2019"]
    for k in ("gdp", "tfp", "capital"):
        f[f"tfp_7812_{k}"] = float(m7812[k])
    for k in ("gdp", "tfp", "labour"):
        f[f"tfp_1319_{k}"] = float(m1319[k])
    f["tfp_7812_share"] = float(m7812["tfp_share"])
    f["tfp_1319_share"] = float(m1319["tfp_share"])
    f["tfp_1323_tfp"] = float(by_period.loc["2013–2023", "tfp"])
    f["tfp_1323_share"] = float(by_period.loc["2013–2023", "tfp_share"])
    f["tfp_alpha_mean"] = float(m7812["alpha_mean"])


def _seedval(seed_tab, seed, start, item):
    hit = seed_tab[(seed_tab["seed"] == seed) & (seed_tab["start"] == start) & (seed_tab["item"] == item)]
    if hit.empty:
        raise DataError("seed_growth_decompositions.csv", "a row for every figure the chapter quotes",
                        detail=f"seed {seed}, start {start}, item {item}")
    return float(hit["value"].iloc[0])


def _seeds(f, pwt11):
    from nqpf.analysis import factcheck

    for (s, e), key in (((1978, 2012), "7812"), ((2013, 2019), "1319")):
        res = tfp.decompose(pwt11, "CHN", s, e, compound=True)
        for part in ("gdp", "capital", "labour", "human_capital", "tfp"):
            f[f"tfp_c{key}_{part}"] = res[part]
    seed_tab = tfp.seed_table()
    f["tfp_seed_7812_tfp"] = _seedval(seed_tab, "000", 1978, "tfp")
    f["tfp_seed_1319_gdp"] = _seedval(seed_tab, "000", 2013, "gdp")
    # One verdict per fact: the fact-check module's, never the chapter's own words.
    f["tfp_fc_1319_verdict"] = factcheck.verdict("pwt_growth_2013_2019")["verdict_zh"]
    f["tfp_seed_7812_gdp"] = _seedval(seed_tab, "000", 1978, "gdp")
    f["tfp_seed_7812_hc"] = _seedval(seed_tab, "000", 1978, "human_capital")
    f["tfp_seed_1319_hc"] = _seedval(seed_tab, "000", 2013, "human_capital")
    # PWT's returns to schooling and the years of schooling its hc implies.
    for i, (_, rate) in enumerate(tfp.HC_RETURNS, 1):
        f[f"tfp_hc_r{i}"] = 100 * rate
    hc_chn = pwt11[pwt11.countrycode == "CHN"].set_index("year")["hc"]
    for y in HC_YEARS:
        f[f"tfp_hc_s_{y}"] = tfp.schooling_from_hc(hc_chn[y])
    f["tfp_hc_min_r_bc"] = min(tfp.marginal_return(tfp.schooling_from_hc(hc_chn[y]))
                               for y in range(BC_YEARS[0], BC_YEARS[1] + 1))
    f["tfp_seed_7820_share"] = _seedval(seed_tab, "004", 1978, "tfp_share")
    f["tfp_seed_1320_share"] = _seedval(seed_tab, "004", 2013, "tfp_share")
    s7820 = tfp.shares(tfp.decompose(pwt11, "CHN", 1978, 2020))
    s1320 = tfp.shares(tfp.decompose(pwt11, "CHN", 2013, 2020))
    f["tfp_ours_7820_share"] = s7820["tfp_share"]
    f["tfp_ours_7820_capital"] = s7820["capital_share"]
    f["tfp_ours_1320_share"] = s1320["tfp_share"]
    comp = tfp.seed_comparison(pwt11, seed_tab)
    f["tfp_seed_maxdiff"] = float(comp.loc[comp["unit"] != "percent of growth", "difference"].abs().max())


def _vintage(f, pwt10):
    v10 = tfp.decompose(pwt10, "CHN", 1978, 2012)
    f["tfp_v10_gdp"] = v10["gdp"]
    f["tfp_v10_tfp"] = v10["tfp"]
    f["tfp_v10_capital"] = v10["capital"]
    f["tfp_v10_1319_tfp"] = tfp.decompose(pwt10, "CHN", 2013, 2019)["tfp"]


def _heat(f, pwt11):
    heat, _ = heat_tables()
    g7812 = heat["1978–2012"]
    f["tfp_heat_7812_lo"] = float(g7812.iloc[0])
    f["tfp_heat_7812_hi"] = float(g7812.iloc[-1])
    f["tfp_heat_alpha_lo"] = float(g7812.index[0])
    f["tfp_heat_alpha_hi"] = float(g7812.index[-1])
    f["tfp_heat_1319_hi"] = float(heat["2013–2019"].iloc[-1])
    # the change of TFP's contribution per 0.1 of α, read from the grid's ends
    f["tfp_heat_slope"] = float((g7812.iloc[-1] - g7812.iloc[0]) / (g7812.index[-1] - g7812.index[0]) / 10)
    # g_K − g_L − g_H from the data (the derivative of exercise 4)
    f["tfp_heat_gap"] = float(sum(s * tfp.mean_log_growth(pwt11, "CHN", v, 1978, 2012)
                                  for v, s in (("rnna", 1), ("emp", -1), ("hc", -1))))


def _countries(f, pwt11):
    lv = tfp.level_in(pwt11, COUNTRIES, LEVEL_YEAR)
    f["tfp_lvl_year"] = LEVEL_YEAR
    for c in ("CHN", "KOR", "JPN", "IND"):
        f[f"tfp_lvl_{c.lower()}_{LEVEL_YEAR}"] = float(lv[c])
    avh = pwt11[pwt11["year"] == LEVEL_YEAR].set_index("countrycode")["avh"]
    f["tfp_avh_chn"] = float(avh["CHN"])
    f["tfp_avh_usa"] = float(avh["USA"])
    for c in ("CHN", "USA", "KOR"):
        f[f"tfp_rtfp_{c.lower()}_g"] = tfp.tfp_growth(pwt11, c, INDEX_BASE + 1, 2023)
    f["tfp_rtfp_chn_mult"] = float(tfp.tfp_index(pwt11, COUNTRIES, INDEX_BASE).loc[2023, "CHN"])
    cmp_long = tfp.compare(pwt11, COUNTRIES, 1978, 2023).set_index("country")
    for c in ("CHN", "USA", "IND"):
        f[f"tfp_cmp_{c.lower()}_tfp"] = float(cmp_long.loc[c, "tfp"])


def _bc(f, pwt11):
    bc_flags = data.with_flags(tfp.bc_table())
    f["tfp_bc_flags"] = ", ".join(sorted({x for x in bc_flags.groupby("countrycode")["flags"].first() if x}))
    f["tfp_bc_uncertain_n"] = int((bc_flags["flags"] != "").sum())
    b = tfp.bc_comparison(pwt11, tfp.bc_table()).set_index(["countrycode", "period", "item"])
    f["tfp_bc_chn_tfp_pub"] = float(b.loc[("CHN", "1979–2004", "tfp"), "published"])
    f["tfp_bc_chn_tfp_ours"] = float(b.loc[("CHN", "1979–2004", "tfp"), "recomputed"])
    f["tfp_bc_chn_edu_ours"] = float(b.loc[("CHN", "1979–2004", "education"), "recomputed"])
    f["tfp_bc_chn_edu_pub"] = float(b.loc[("CHN", "1979–2004", "education"), "published"])


def _exercises(f, pwt11):
    ex1 = tfp.decompose(pwt11, "CHN", 1978, 2012, capital="rkna", hours=True)
    base = tfp.decompose(pwt11, "CHN", 1978, 2012)
    f["tfp_ex1_tfp"] = ex1["tfp"]
    f["tfp_ex1_share"] = ex1["tfp_share"]
    f["tfp_ex1_dir"] = "降低" if ex1["tfp"] < base["tfp"] else "升高"
    f["tfp_ex1_base"] = base["tfp"]
    ex2 = tfp.decompose(pwt11, "KOR", 1960, 1990)
    f["tfp_ex2_gdp"] = ex2["gdp"]
    f["tfp_ex2_tfp"] = ex2["tfp"]
    f["tfp_ex2_share"] = ex2["tfp_share"]
    ex3_log = tfp.decompose(pwt11, "CHN", 2013, 2019)
    ex3_cmp = tfp.decompose(pwt11, "CHN", 2013, 2019, compound=True)
    f["tfp_ex3_log"] = ex3_log["tfp"]
    f["tfp_ex3_cmp"] = ex3_cmp["tfp"]
    f["tfp_ex3_ratio"] = ex3_cmp["gdp"] / ex3_log["gdp"]


# ---------------------------------------------------------------- tables and chart data


def period_table(periods=PERIODS) -> pd.DataFrame:
    """China's decomposition (default specification, log rates) for each period, one row a period."""
    pwt11 = tfp.pwt("11.0")
    return pd.DataFrame([{"period": f"{s}–{e}", **{k: v for k, v in tfp.decompose(pwt11, "CHN", s, e).items()
                                                   if k != "specification"}} for s, e in periods])


def stack_bottoms(df: pd.DataFrame, parts=tfp.PARTS) -> pd.DataFrame:
    """Where each part's bar starts in a stacked bar chart: positive parts stack up from 0, negative ones down."""
    pos, neg = np.zeros(len(df)), np.zeros(len(df))
    out = {}
    for part in parts:
        v = df[part].to_numpy()
        out[part] = np.where(v >= 0, pos, neg)
        pos = pos + np.where(v >= 0, v, 0)
        neg = neg + np.where(v < 0, v, 0)
    return pd.DataFrame(out, index=df.index)


def annual_table(first: int = 1978) -> pd.DataFrame:
    """China's yearly contributions (default specification, PWT 11.0) from ``first``."""
    return tfp.annual(tfp.pwt("11.0"), "CHN").loc[first:]


def seed_shown_table(item_zh: dict) -> pd.DataFrame:
    """The seeds' figures beside the recomputation, items named by ``item_zh`` and flags (ROUNDED …) in the
    item label (an extra column would not fit the PDF page)."""
    seed_tab = tfp.seed_table()
    comp = tfp.seed_comparison(tfp.pwt("11.0"), seed_tab)
    shown = comp.assign(item=comp["item"].map(item_zh), seed=comp["seed"] + ":" + comp["line"].astype(str))
    flags = data.with_flags(seed_tab)["flags"].to_numpy()  # same row order as the data file
    shown["item"] = [f"{i} {x}" if x else i for i, x in zip(shown["item"], flags)]
    return shown[["seed", "period", "item", "published", "recomputed", "difference"]]


def vintage_table() -> pd.DataFrame:
    """The same decomposition of China on PWT 11.0 and 10.01, one row per period and vintage."""
    rows = []
    for s, e in VINTAGE_PERIODS:
        for name in ("11.0", "10.01"):
            r = tfp.decompose(tfp.pwt(name), "CHN", s, e)
            rows.append({"period": f"{s}–{e}", "vintage": f"PWT {name}", **{k: r[k] for k in DECOMPOSED}})
    return pd.DataFrame(rows)


def vintage_index(base: int = 1978) -> pd.DataFrame:
    """China's cumulative TFP index (``base`` = 1, default specification) for each vintage, years as rows
    (empty after a vintage's last year)."""
    out = {}
    for name in ("11.0", "10.01"):
        a = tfp.annual(tfp.pwt(name), "CHN").loc[base + 1:, "tfp"]
        out[f"PWT {name}"] = pd.concat([pd.Series([1.0], index=[base]), np.exp(a.cumsum() / 100)])
    return pd.DataFrame(out).rename_axis("year")


def heat_tables(periods=HEAT_PERIODS) -> tuple[pd.DataFrame, pd.DataFrame]:
    """TFP's contribution (pp) and its share of growth (%) with a fixed α: α as rows, periods as columns."""
    grid = tfp.alpha_grid(tfp.pwt("11.0"), list(periods))
    cols = [f"{s}–{e}" for s, e in periods]
    heat = grid.pivot(index="alpha", columns="period", values="tfp")[cols]
    share = grid.pivot(index="alpha", columns="period", values="tfp_share")[cols]
    return heat, share


def heat_chart_table() -> pd.DataFrame:
    """Both heat maps side by side, α as rows (columns: TFP 贡献（百分点） and TFP 贡献率（%）, each by period)."""
    heat, share = heat_tables()
    return pd.concat({"TFP 贡献（百分点）": heat, "TFP 贡献率（%）": share}, axis=1)


def heat_range(values: pd.DataFrame) -> tuple[float, float]:
    """Colour-scale limits for a heat map centred on 0: the maximum, and the minimum or at least a quarter of
    the maximum below 0 (so an all-positive map keeps the diverging scale's light middle)."""
    v = values.to_numpy()
    return float(min(v.min(), -abs(v.max()) / 4)), float(v.max())


def robustness_chart() -> tuple[pd.DataFrame, list, list]:
    """The robustness table with a ``spec`` label (vintage left out), the specifications in order and their
    tick labels (PWT's own specification marked)."""
    rob = tfp.robustness()
    shown = rob.assign(spec=[tfp.spec_label(r).split("·", 1)[1] for r in rob.to_dict("records")])
    specs = list(dict.fromkeys(shown["spec"]))
    pwt_spec = tfp.spec_label({**tfp.PWT_METHOD, "vintage": ""}).split("·", 1)[1]
    return shown, specs, [f"{x}（PWT 设定）" if x == pwt_spec else x for x in specs]


def country_table(start: int, end: int) -> pd.DataFrame:
    """The six economies' decompositions over start…end, economies named in Chinese."""
    df = tfp.compare(tfp.pwt("11.0"), COUNTRIES, start, end)
    return df.assign(country=df["country"].map(tfp.COUNTRY_ZH))


def levels_sorted(year: int = LEVEL_YEAR) -> pd.Series:
    """ctfp (USA = 1) in one year, lowest first, indexed by 'name code'."""
    lv = tfp.level_in(tfp.pwt("11.0"), COUNTRIES, year).sort_values()
    return lv.rename(lambda c: f"{tfp.COUNTRY_ZH[c]} {c}")


def level_specs_table() -> pd.DataFrame:
    """The measures of China's TFP level relative to the USA that the finding tfp-level-vs-us weighs."""
    from nqpf.analysis.findings import register

    lvl = next(x for x in register("tfp") if x.id == "tfp-level-vs-us")
    return pd.DataFrame([{"度量": sp.name, "中国（美国 = 1）": sp.value} for sp in lvl.specifications])


def bc_shown_table(item_zh: dict) -> pd.DataFrame:
    """Bosworth-Collins's Table 1 and the recomputation, one row per country, period and source, items as
    columns named by ``item_zh``; a flagged published row is marked "B&C*" (a flags column would not fit the PDF)."""
    bc = tfp.bc_comparison(tfp.pwt("11.0"), tfp.bc_table())
    long = bc.melt(id_vars=["countrycode", "period", "item"], value_vars=["published", "recomputed"], var_name="src")
    shown = long.pivot_table(index=["countrycode", "period", "src"], columns="item", values="value", sort=False)
    shown = shown[list(item_zh)].rename(columns=item_zh).reset_index()
    flag_of = data.with_flags(tfp.bc_table()).groupby("countrycode")["flags"].first()
    shown["src"] = [("B&C*" if flag_of[c] else "B&C") if src == "published" else "重算"
                    for c, src in zip(shown["countrycode"], shown["src"])]
    shown["countrycode"] = shown["countrycode"].map(tfp.COUNTRY_ZH)
    return shown
