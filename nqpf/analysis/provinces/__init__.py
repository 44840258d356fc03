"""A provincial index of the science-and-technology core of 新质生产力, with its sensitivity to method.

Data: ``techme_provincial_long`` (中国科技统计年鉴 and the NBS R&D bulletins as tidied by the R package techme),
cleaned in :mod:`.clean`. Ten indicators in three dimensions (:data:`SYSTEM`), 31 provinces, 2011-2023; min-max
scaled over the whole panel; four weightings × two aggregations (:mod:`.method`); regional gaps and convergence
(:mod:`.regional`).

Public entry point: ``index(method="entropy", aggregate="weighted", year=None)`` → province, year, score, rank.
"""

from __future__ import annotations

import hashlib
import itertools
import os
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from nqpf.analysis.provinces import clean as cl
from nqpf.analysis.provinces import method as mth
from nqpf.analysis.provinces import regional as reg
from nqpf.analysis.provinces.clean import MISREADINGS, PROVINCES, REGION, REGIONS
from nqpf.core import data, usage
from nqpf.core.errors import UsageError
from nqpf.core.paths import CACHE

__all__ = ["PROVINCES", "REGION", "REGIONS", "MISREADINGS", "SYSTEM", "YEARS", "cleaned", "panel", "gdp", "checks",
           "misreadings", "system", "indicators", "imputed", "normalised", "weights", "index", "scores",
           "robustness", "leave_one_out", "normalisation_effect", "inequality", "region_means", "convergence",
           "trend_by_method"]

SOURCE = "techme_provincial_long"
YEARS = tuple(range(2011, 2024))  # R&D intensity (hence GDP) starts in 2011; papers end in 2022, so they are left out
BASE = ("entropy", "weighted")

# dimension, code, indicator, formula, unit, direction, tables
SYSTEM = (
    ("创新投入", "rd_intensity", "R&D经费投入强度", "R&D经费 ÷ GDP", "%", 1, "RDIntense"),
    ("创新投入", "basic_share", "基础研究经费占比", "基础研究经费 ÷ R&D经费内部支出", "%", 1, "RDActivity"),
    ("创新投入", "enterprise_share", "企业资金占R&D经费比重", "企业资金 ÷ R&D经费内部支出", "%", 1, "RDSource"),
    ("创新投入", "budget_st_share", "财政科技支出占比", "地方一般公共预算科学技术支出 ÷ 支出合计", "%", 1,
     "PublicBudget"),
    ("创新产出", "invention_stock_gdp", "每亿元GDP有效发明专利", "有效发明专利 ÷ GDP", "件/亿元", 1,
     "RDPatentValid, RDIntense"),
    ("创新产出", "invention_grant_share", "发明专利占授权专利比重", "发明专利授权 ÷ 专利授权合计", "%", 1,
     "RDPatentAuthority"),
    ("创新产出", "invention_apps_fte", "每百人年R&D人员发明专利申请", "发明专利申请 ÷ R&D人员全时当量 × 100",
     "件/百人年", 1, "RDPatentAccept, RDLaborHour"),
    ("成果转化", "tech_out_gdp", "技术输出成交额占GDP比重", "输出技术合同成交额 ÷ GDP", "%", 1,
     "MarketPush, RDIntense"),
    ("成果转化", "tech_in_gdp", "技术吸纳成交额占GDP比重", "吸纳技术合同成交额 ÷ GDP", "%", 1, "MarketPull, RDIntense"),
    ("成果转化", "hitech_rev_gdp", "高技术产业营业收入占GDP比重", "高技术产业主营业务收入 ÷ GDP", "%", 1,
     "IndustryOperation, RDIntense"),
)
CODES = tuple(r[1] for r in SYSTEM)
NAME = {r[1]: r[2] for r in SYSTEM}
DIMENSION = {r[1]: r[0] for r in SYSTEM}


def _stats():
    from scipy import stats  # slow to import; only the robustness functions need it

    return stats


# --- cleaning ---------------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _cleaned() -> pd.DataFrame:
    # Validating and cleaning 24,000 rows costs about a second; keep the result in the build cache (never in data/),
    # keyed by the file, its manifest and the cleaning code, so any change to them recomputes it.
    path = data.resolve(SOURCE)
    key = hashlib.sha256(path.read_bytes() + data.manifest_path(path).read_bytes()
                         + Path(cl.__file__).read_bytes()).hexdigest()[:16]
    cached = CACHE / f"provinces-clean-{key}.pkl"
    if cached.exists():
        usage.note(path)  # the page still uses the file (for the data catalogue), though the loader is skipped
        return pd.read_pickle(cached)
    df = cl.clean(data.load(SOURCE))
    CACHE.mkdir(parents=True, exist_ok=True)
    tmp = cached.with_suffix(f".{os.getpid()}.tmp")
    df.to_pickle(tmp)
    tmp.replace(cached)  # atomic: parallel builds never read a half-written file
    return df


def cleaned() -> pd.DataFrame:
    """Every row with its standard name, kind (province / nation / region) and CSV line."""
    return _cleaned().copy()


def misreadings() -> pd.DataFrame:
    return cl.misreadings_found(_cleaned())


def checks(tolerance: float = 0.5) -> pd.DataFrame:
    """Provinces' sum against the national total, wherever the file has one (see ``clean.national_check``)."""
    return cl.national_check(_cleaned(), tolerance)


@lru_cache(maxsize=1)
def _gdp() -> pd.DataFrame:
    d = _cleaned()
    d = d[(d["dataset"] == "RDIntense") & (d["kind"] == "province")]
    w = d.pivot_table(index=["province", "year"], columns="item", values="value").reset_index()
    w = w.rename(columns={"RD经费": "rd", "RD强度": "intensity"})
    w["gdp"] = w["rd"] / w["intensity"] * 100
    # R&D is published to 0.1 亿元 and intensity to 0.01 %, so the derived GDP is uncertain by up to about
    # ±(0.05 / R&D + 0.005 / intensity) in relative terms
    w["rounding_bound"] = 0.05 / w["rd"] + 0.005 / w["intensity"]
    w["source"] = "DERIVED: R&D经费(亿元) ÷ R&D经费投入强度(%) × 100, 全国科技经费投入统计公报 via techme"
    return w[["province", "year", "gdp", "rd", "intensity", "rounding_bound", "source"]]


def gdp() -> pd.DataFrame:
    """Provincial nominal GDP (亿元), 2011-2023, DERIVED as R&D expenditure ÷ R&D intensity."""
    return _gdp().copy()


def panel() -> pd.DataFrame:
    """The cleaned long panel: province, year, indicator (table/item), value, unit; 31 provinces, no blanks.

    Includes the derived GDP as indicator ``DERIVED/GDP``.
    """
    d = _cleaned()
    d = d[(d["kind"] == "province") & d["value"].notna()]
    out = pd.DataFrame({"province": d["province"], "year": d["year"], "indicator": d["dataset"] + "/" + d["item"],
                        "value": d["value"], "unit": d["unit"]})
    g = _gdp()
    out = pd.concat([out, pd.DataFrame({"province": g["province"], "year": g["year"], "indicator": "DERIVED/GDP",
                                        "value": g["gdp"], "unit": "亿元"})], ignore_index=True)
    out["province"] = pd.Categorical(out["province"], PROVINCES, ordered=True)
    out = out.sort_values(["indicator", "province", "year"], ignore_index=True)
    out["province"] = out["province"].astype(str)
    return out


# --- indicators -------------------------------------------------------------------------------------------

def _table_gaps(tables: str) -> list[int]:
    """Years of the index in which a named table has no provincial rows (filled in `imputed()`)."""
    d = _cleaned()
    d = d[(d["kind"] == "province") & d["value"].notna()]
    sets = [set(d.loc[d["dataset"] == t.strip(), "year"]) for t in tables.split(",")]
    return sorted(set(YEARS) - set.intersection(*sets))


def system() -> pd.DataFrame:
    """The indicator system as a table. Tables: the source tables (GDP is the derived series, from RDIntense);
    years: the index's years, with the years a source table lacks (interpolated)."""
    rows = []
    for dim, code, name, formula, unit, sign, tables in SYSTEM:
        gaps = _table_gaps(tables)
        years = f"{YEARS[0]}–{YEARS[-1]}" + (f"（{'、'.join(map(str, gaps))}插值）" if gaps else "")
        rows.append({"维度": dim, "指标": name, "计算": formula, "单位": unit, "方向": "+" if sign > 0 else "−",
                     "来源表": tables.replace(", RDIntense", "；GDP").replace(", ", "；"), "年份": years, "code": code})
    return pd.DataFrame(rows)


@lru_cache(maxsize=1)
def _raw_indicators() -> pd.DataFrame:
    d = _cleaned()
    d = d[d["kind"] == "province"]
    v = d.pivot_table(index=["province", "year"], columns=["dataset", "item"], values="value")
    g = _gdp().set_index(["province", "year"])["gdp"]
    full = pd.MultiIndex.from_product([PROVINCES, range(2010, 2024)], names=["province", "year"])
    v = v.reindex(full)
    g = g.reindex(full)

    def col(ds, item):
        return v[(ds, item)]

    out = pd.DataFrame(index=full)
    out["rd_intensity"] = col("RDIntense", "RD强度")
    out["basic_share"] = 100 * col("RDActivity", "基础研究") / col("RDActivity", "合计")
    # Beijing 2012 has no 企业资金 row; sources add up to the total, so it is the total less the other three
    ent = col("RDSource", "企业资金")
    others = col("RDSource", "政府资金") + col("RDSource", "国外资金").fillna(0) + col("RDSource", "其他资金")
    out["enterprise_filled"] = ent.isna() & others.notna()
    out["enterprise_share"] = 100 * ent.fillna(col("RDSource", "合计") - others) / col("RDSource", "合计")
    out["budget_st_share"] = 100 * col("PublicBudget", "科学技术") / col("PublicBudget", "合计")
    out["invention_stock_gdp"] = col("RDPatentValid", "发明") / g
    out["invention_grant_share"] = 100 * col("RDPatentAuthority", "发明") / col("RDPatentAuthority", "合计")
    out["invention_apps_fte"] = 100 * col("RDPatentAccept", "发明") / col("RDLaborHour", "合计")
    # 万元 → 亿元 is ÷ 1e4; share of GDP in percent
    # levels (亿元) of the three series with gaps; the GDP ratios are computed in _indicators after filling
    out["tech_out_level"] = col("MarketPush", "金额") / 1e4  # 万元 → 亿元
    out["tech_in_level"] = col("MarketPull", "金额") / 1e4
    out["hitech_rev_level"] = col("IndustryOperation", "主营业务收入")
    out["gdp"] = g
    return out


@lru_cache(maxsize=1)
def _indicators() -> tuple[pd.DataFrame, pd.DataFrame]:
    raw = _raw_indicators().copy()
    notes = [{"province": p, "year": int(y), "indicator": "enterprise_share",
              "how": "DERIVED: 企业资金 row missing; 合计 − 政府资金 − 国外资金 − 其他资金"}
             for p, y in raw.index[raw["enterprise_filled"]] if y in YEARS]
    # Tibet has no outflow turnover in the yearbook for 2010 and 2012-2016 (blank cells): read as none (0).
    tibet = raw.loc["西藏", "tech_out_level"]
    for y in tibet[tibet.isna()].index:
        if 2010 <= y <= 2023:
            raw.loc[("西藏", y), "tech_out_level"] = 0.0
            notes.append({"province": "西藏", "year": int(y), "indicator": "tech_out_gdp",
                          "how": "ESTIMATE: blank in the yearbook, read as no outflow (0)"})
    # Two table-years are missing for every province: the technology market in 2011 and high-tech industry in
    # 2017. Fill the level by the geometric mean of the years either side (an ESTIMATE, listed in `imputed()`).
    for c, year in (("tech_out", 2011), ("tech_in", 2011), ("hitech_rev", 2017)):
        lvl = raw[c + "_level"].unstack("year")
        est = np.sqrt(lvl[year - 1] * lvl[year + 1])
        for p in PROVINCES:
            if pd.isna(raw.at[(p, year), c + "_level"]):
                raw.at[(p, year), c + "_level"] = est[p]
                notes.append({"province": p, "year": year, "indicator": c + "_gdp",
                              "how": f"ESTIMATE: geometric mean of the {year - 1} and {year + 1} levels"})
    for c in ("tech_out", "tech_in", "hitech_rev"):
        raw[c + "_gdp"] = 100 * raw[c + "_level"] / raw["gdp"]
    out = raw.loc[(slice(None), list(YEARS)), list(CODES)]
    missing = out.isna().stack()
    if missing.any():
        (p, y, c) = missing[missing].index[0]
        raise UsageError(f"indicator {c} is missing for {p} {y}")
    return out, pd.DataFrame(notes)


def indicators() -> pd.DataFrame:
    """The ten indicators, index (province, year), 31 × 13 rows, in their own units."""
    return _indicators()[0].copy()


def imputed() -> pd.DataFrame:
    """Cells filled by interpolation (ESTIMATE): technology market 2011, high-tech industry 2017."""
    return _indicators()[1].copy()


def _direction() -> pd.Series:
    return pd.Series({r[1]: r[5] for r in SYSTEM})


def normalised(scope: str = "panel", drop: str | None = None) -> pd.DataFrame:
    """Min-max scaled indicators: over the whole panel (scores comparable across years) or within each year."""
    x = indicators()
    if drop is not None:
        x = x.drop(columns=drop)
    if scope == "panel":
        return mth.minmax(x, _direction())
    if scope == "year":
        return mth.minmax(x, _direction(), by=x.index.get_level_values("year"))
    raise UsageError(f"unknown normalisation scope '{scope}' (panel or year)")


# --- index ------------------------------------------------------------------------------------------------

def _check_year(year):
    if year is not None and int(year) not in YEARS:
        raise UsageError(f"year {year} is outside the index's years {YEARS[0]}-{YEARS[-1]}")


def weights(method: str = "entropy", scope: str = "panel", drop: str | None = None) -> pd.DataFrame:
    """indicator, name, dimension, weight (summing to 1), computed on the whole normalised panel."""
    mth.check_method(method)
    w = mth.weights(normalised(scope, drop), method)
    return pd.DataFrame({"indicator": w.index, "name": [NAME[c] for c in w.index],
                         "dimension": [DIMENSION[c] for c in w.index], "weight": w.to_numpy()})


@lru_cache(maxsize=64)
def _scores(method: str, aggregate: str, scope: str = "panel", drop: str | None = None) -> pd.DataFrame:
    z = normalised(scope, drop)
    w = mth.weights(z, method)
    if scope == "year" and aggregate == "topsis":
        s = pd.concat([mth.aggregate(g, w, "topsis") for _, g in z.groupby(level="year")])
    else:
        s = mth.aggregate(z, w, aggregate)
    out = s.reset_index()
    out["rank"] = out.groupby("year")["score"].transform(mth.rank_desc).astype(int)
    return out[["province", "year", "score", "rank"]]


def index(method: str = "entropy", aggregate: str = "weighted", year: int | None = None, *, scope: str = "panel",
          drop: str | None = None) -> pd.DataFrame:
    """province, year, score (0-1), rank (1 = best within the year); one year or all of 2011-2023.

    >>> index("entropy", "weighted", 2023).shape
    (31, 4)
    """
    mth.check_method(method, aggregate)
    _check_year(year)
    if drop is not None and drop not in CODES:
        raise UsageError(f"unknown indicator '{drop}' (one of {', '.join(CODES)})")
    out = _scores(method, aggregate, scope, drop).copy()
    if year is not None:
        out = out[out["year"] == int(year)].sort_values("rank", kind="stable", ignore_index=True)
    return out


def combos() -> list[tuple[str, str]]:
    return list(itertools.product(mth.WEIGHTINGS, mth.AGGREGATIONS))


def label(method: str, aggregate: str) -> str:
    return f"{mth.WEIGHTING_ZH[method]}·{mth.AGGREGATION_ZH[aggregate]}"


def scores(year: int | None = None) -> pd.DataFrame:
    """Long table of every method's score and rank: province, year, method, aggregate, label, score, rank."""
    parts = [index(m, a, year).assign(method=m, aggregate=a, label=label(m, a)) for m, a in combos()]
    return pd.concat(parts, ignore_index=True)


# --- robustness -------------------------------------------------------------------------------------------

def leave_one_out(year: int = 2023, method: str = "entropy", aggregate: str = "weighted") -> pd.DataFrame:
    """Drop each indicator in turn (weights recomputed): Spearman with the full index, largest rank change."""
    _check_year(year)
    full = index(method, aggregate, year).set_index("province")["rank"]
    rows = []
    for c in CODES:
        r = index(method, aggregate, year, drop=c).set_index("province")["rank"].reindex(full.index)
        moved = (r - full).abs()
        rows.append({"dropped": c, "name": NAME[c], "spearman": _stats().spearmanr(full, r).statistic,
                     "max_shift": int(moved.max()), "who": "、".join(moved[moved == moved.max()].index[:3]),
                     "mean_shift": float(moved.mean())})
    return pd.DataFrame(rows)


def robustness(year: int = 2023) -> dict:
    """Rank agreement between the eight methods (4 weightings × 2 aggregations) in one year.

    pairs: Spearman and Kendall for every pair; ranges: each province's best and worst rank; summary: how much
    of the rank variance is method (within-province share of the total variance of rank over province × method);
    leave_one_out: the baseline (entropy, weighted sum) with each indicator dropped.
    """
    _check_year(year)
    sc = scores(year)
    ranks = sc.pivot(index="province", columns="label", values="rank").reindex(list(PROVINCES))
    labels = [label(m, a) for m, a in combos()]
    ranks = ranks[labels]
    pairs = []
    for a, b in itertools.combinations(labels, 2):
        pairs.append({"a": a, "b": b, "spearman": _stats().spearmanr(ranks[a], ranks[b]).statistic,
                      "kendall": _stats().kendalltau(ranks[a], ranks[b]).statistic})
    pairs = pd.DataFrame(pairs)
    base = ranks[label(*BASE)]
    ranges = pd.DataFrame({"province": ranks.index, "region": [REGION[p] for p in ranks.index],
                           "baseline": base.to_numpy(), "best": ranks.min(axis=1).to_numpy(),
                           "worst": ranks.max(axis=1).to_numpy(), "median": ranks.median(axis=1).to_numpy()})
    ranges["range"] = ranges["worst"] - ranges["best"]
    ranges = ranges.sort_values(["median", "best"], ignore_index=True)
    flat = ranks.to_numpy(dtype=float)
    method_share = float(((flat - flat.mean(axis=1, keepdims=True)) ** 2).sum() / ((flat - flat.mean()) ** 2).sum())
    loo = leave_one_out(year)
    summary = {
        "year": int(year), "methods": len(labels),
        "spearman_min": float(pairs["spearman"].min()), "spearman_median": float(pairs["spearman"].median()),
        "kendall_min": float(pairs["kendall"].min()), "kendall_median": float(pairs["kendall"].median()),
        "range_median": float(ranges["range"].median()), "range_max": int(ranges["range"].max()),
        "range_max_who": "、".join(ranges.loc[ranges["range"] == ranges["range"].max(), "province"]),
        "fixed": int((ranges["range"] == 0).sum()), "moving_5plus": int((ranges["range"] >= 5).sum()),
        "method_share": method_share,
        "loo_spearman_min": float(loo["spearman"].min()), "loo_max_shift": int(loo["max_shift"].max()),
    }
    return {"summary": summary, "pairs": pairs, "ranges": ranges, "ranks": ranks.reset_index(), "leave_one_out": loo}


def normalisation_effect(method: str = "entropy", aggregate: str = "weighted") -> pd.DataFrame:
    """Per year: the mean score and its spread under whole-panel and per-year scaling, and the rank agreement."""
    mth.check_method(method, aggregate)
    a = index(method, aggregate)
    b = index(method, aggregate, scope="year")
    m = a.merge(b, on=["province", "year"], suffixes=("_panel", "_year"))
    rows = []
    for y, g in m.groupby("year"):
        rows.append({"year": int(y), "mean_panel": g["score_panel"].mean(), "mean_year": g["score_year"].mean(),
                     "max_panel": g["score_panel"].max(), "max_year": g["score_year"].max(),
                     "spearman": _stats().spearmanr(g["rank_panel"], g["rank_year"]).statistic,
                     "max_shift": int((g["rank_panel"] - g["rank_year"]).abs().max())})
    return pd.DataFrame(rows)


# --- regions and convergence ------------------------------------------------------------------------------

def region_means(method: str = "entropy", aggregate: str = "weighted") -> pd.DataFrame:
    s = index(method, aggregate)
    s["region"] = s["province"].map(REGION)
    out = s.groupby(["region", "year"])["score"].mean().rename("mean").reset_index()
    out["region"] = pd.Categorical(out["region"], REGIONS, ordered=True)
    return out.sort_values(["region", "year"], ignore_index=True).astype({"region": str})


def inequality(method: str = "entropy", aggregate: str = "weighted") -> pd.DataFrame:
    """Per year: Dagum Gini and its three parts, Theil and its two parts, coefficient of variation (σ)."""
    mth.check_method(method, aggregate)
    s = index(method, aggregate)
    rows = []
    for y, g in s.groupby("year"):
        groups = g["province"].map(REGION).to_numpy()
        d = reg.dagum(g["score"], groups)
        row = {"year": int(y), "gini": d["gini"], "within": d["within"], "between": d["between"],
               "transvariation": d["transvariation"]}
        row.update({f"gini_{k}": v for k, v in d["within_gini"].items()})
        if (g["score"] > 0).all():
            t = reg.theil(g["score"], groups)
            row.update({"theil": t["theil"], "theil_within": t["within"], "theil_between": t["between"]})
        row["cv"] = reg.cv(g["score"])
        rows.append(row)
    out = pd.DataFrame(rows)
    for k in ("within", "between", "transvariation"):
        out[f"{k}_share"] = 100 * out[k] / out["gini"]
    return out


def convergence(method: str = "entropy", aggregate: str = "weighted", start: int = YEARS[0],
                end: int = YEARS[-1]) -> dict:
    """σ (coefficient of variation, start and end) and β-convergence of the score, absolute and with region
    dummies (conditional)."""
    mth.check_method(method, aggregate)
    _check_year(start)
    _check_year(end)
    if end <= start:
        raise UsageError("end year must come after start year")
    s = index(method, aggregate).pivot(index="province", columns="year", values="score").reindex(list(PROVINCES))
    if (s[[start, end]] <= 0).any().any():
        raise UsageError("β-convergence needs positive scores; this method gives a zero")
    dummies = pd.get_dummies(pd.Series([REGION[p] for p in s.index]), dtype=float)[["中部", "西部", "东北"]]
    return {"start": start, "end": end, "cv_start": reg.cv(s[start]), "cv_end": reg.cv(s[end]),
            "absolute": reg.beta(s[start], s[end], end - start),
            "conditional": reg.beta(s[start], s[end], end - start, controls=dummies)}


def trend_by_method(start: int = YEARS[0], end: int = YEARS[-1]) -> pd.DataFrame:
    """For each of the eight methods: Gini, between-region share and CV at start and end, and absolute β."""
    rows = []
    for m, a in combos():
        ineq = inequality(m, a).set_index("year")
        conv = convergence(m, a, start, end) if (index(m, a).query("year in [@start, @end]")["score"] > 0).all() \
            else {"absolute": {"beta": float("nan"), "p": float("nan")}}
        rows.append({"method": m, "aggregate": a, "label": label(m, a),
                     "gini_start": ineq.at[start, "gini"], "gini_end": ineq.at[end, "gini"],
                     "between_share_start": ineq.at[start, "between_share"],
                     "between_share_end": ineq.at[end, "between_share"],
                     "cv_start": ineq.at[start, "cv"], "cv_end": ineq.at[end, "cv"],
                     "beta": conv["absolute"]["beta"], "beta_p": conv["absolute"]["p"]})
    return pd.DataFrame(rows)
