"""Regional gaps of the index read from its whole yearly path: Dagum's Gini and Theil by year, the slope of each
measure on the whole period and on two sub-periods, a broken-line fit, σ- and β-convergence with confidence
intervals and power, and the same under each of the eight methods and without Beijing.

The sub-periods are fixed in advance, not chosen from the data: the thirteen years 2011–2023 split at their middle
year into 2011–2017 and 2017–2023 (seven years each, sharing 2017). The broken-line fit (:func:`.regional.hinge`)
reports where a single break fits best, as a check on that split.

The derived provincial GDP breaks at the fourth economic census (:data:`.inputs.BREAK_YEAR`), and five indicators
divide by it. :func:`break_trends` reads each gap measure's path under six declared treatments of that break
(:data:`TREATMENTS`): the path as published, a level-shift dummy at the break, GDP spliced at the break, GDP
spliced at the break and at each earlier provincial level revision (:func:`.inputs.level_revisions`), and the
two sides of the break separately.
"""

from __future__ import annotations

import copy
from functools import lru_cache

import numpy as np
import pandas as pd

from nqpf.analysis.provinces import method as mth
from nqpf.analysis.provinces import regional as reg
from nqpf.analysis.provinces.clean import PROVINCES, REGION, REGIONS
from nqpf.analysis.provinces.inputs import BREAK_YEAR, GDP_CODES, YEARS, check_basis, gdp_break
from nqpf.analysis.provinces.ranking import check_exclude, check_year, combos, index, label
from nqpf.core.errors import DataError, UsageError

__all__ = ["MIDDLE", "PERIODS", "MEASURES", "region_means", "inequality", "path_trend", "convergence",
           "trend_by_method", "without", "TREATMENTS", "GAP_MEASURES", "break_trends", "break_summary"]

MIDDLE = YEARS[len(YEARS) // 2]  # 2017
PERIODS = ((YEARS[0], YEARS[-1]), (YEARS[0], MIDDLE), (MIDDLE, YEARS[-1]))
MEASURES = {"gini": "基尼系数", "between_share": "地区间净差距占比（%）",
            "transvariation_share": "超变密度占比（%）", "within_share": "地区内差距占比（%）", "theil": "泰尔指数",
            "theil_between_share": "泰尔指数地区间占比（%）", "cv": "变异系数"}


def without(exclude) -> str:
    """A short Chinese tag for a set of excluded provinces ('' when none): '（不含北京）'."""
    excl = check_exclude(exclude)
    return f"（不含{'、'.join(excl)}）" if excl else ""


def region_means(method: str = "entropy", aggregate: str = "weighted", exclude=()) -> pd.DataFrame:
    s = index(method, aggregate, exclude=exclude)
    s["region"] = s["province"].map(REGION)
    out = s.groupby(["region", "year"])["score"].mean().rename("mean").reset_index()
    out["region"] = pd.Categorical(out["region"], REGIONS, ordered=True)
    return out.sort_values(["region", "year"], ignore_index=True).astype({"region": str})


def inequality(method: str = "entropy", aggregate: str = "weighted", exclude=(), basis: str = "published"
               ) -> pd.DataFrame:
    """Per year: Dagum Gini and its three parts, Theil and its two parts, coefficient of variation (σ).

    Every year has every column: a score of 0 enters Theil's T as 0 (see :func:`.regional.theil`); a year that
    does not hold each province once stops with a DataError. ``basis``: the provincial GDP of the GDP ratios.
    """
    mth.check_method(method, aggregate)
    return _inequality(method, aggregate, check_exclude(exclude), check_basis(basis)).copy()


@lru_cache(maxsize=64)
def _inequality(method: str, aggregate: str, excl: tuple, basis: str) -> pd.DataFrame:
    # the findings, the facts and the CLI ask for the same few paths many times: each is computed once
    s = index(method, aggregate, exclude=excl, basis=basis)
    expected = set(PROVINCES) - set(excl)
    rows = []
    for y, g in s.groupby("year"):
        if set(g["province"]) != expected or len(g) != len(expected):
            raise DataError(f"provinces:inequality {y}", f"each of the {len(expected)} provinces once",
                            detail=f"{len(g)} rows")
        groups = np.array([REGION[p] for p in g["province"]], dtype=object)
        score = g["score"].to_numpy()
        d = reg.dagum(score, groups)
        t = reg.theil(score, groups)
        row = {"year": int(y), "gini": d["gini"], "within": d["within"], "between": d["between"],
               "transvariation": d["transvariation"]}
        row.update({f"gini_{k}": v for k, v in d["within_gini"].items()})
        row.update({"theil": t["theil"], "theil_within": t["within"], "theil_between": t["between"],
                    "cv": reg.cv(score)})
        rows.append(row)
    out = pd.DataFrame(rows)
    for k in ("within", "between", "transvariation"):
        out[f"{k}_share"] = 100 * out[k] / out["gini"]
    out["theil_between_share"] = 100 * out["theil_between"] / out["theil"]
    return out


def path_trend(method: str = "entropy", aggregate: str = "weighted", exclude=(), measures=None,
               periods=PERIODS, basis: str = "published") -> pd.DataFrame:
    """For each gap measure and period: the first and last year's value, their change, and the OLS slope per year
    with its 95 % confidence interval (:func:`.regional.slope`); ``direction`` is 下降 / 上升 when the interval
    excludes 0, else 无明确趋势 (``direction_ar1``: the same from the interval widened for serial correlation,
    :func:`.regional.ar1_interval`). Also the best single break of a broken line over the whole period."""
    mth.check_method(method, aggregate)
    measures = tuple(measures or MEASURES)
    for m in measures:
        if m not in MEASURES:
            raise UsageError(f"unknown gap measure '{m}' (one of {', '.join(MEASURES)})")
    periods = tuple((int(first), int(last)) for first, last in periods)
    for first, last in periods:
        check_year(first)
        check_year(last)
    return _path_trend(method, aggregate, check_exclude(exclude), measures, periods, check_basis(basis)).copy()


@lru_cache(maxsize=128)
def _path_trend(method: str, aggregate: str, excl: tuple, measures: tuple, periods: tuple,
                basis: str) -> pd.DataFrame:
    ineq = _inequality(method, aggregate, excl, basis).set_index("year")
    rows = []
    for m in measures:
        for first, last in periods:
            path = ineq.loc[first:last, m]
            fit = reg.slope(path.index, path.to_numpy())
            rows.append({"measure": m, "first": first, "last": last, "value_first": float(path.iloc[0]),
                         "value_last": float(path.iloc[-1]), "change": float(path.iloc[-1] - path.iloc[0]),
                         **fit, "direction": _direction(fit), "direction_ar1": _direction_ar1(fit)})
        h = reg.hinge(ineq.index, ineq[m].to_numpy())
        for r in rows[-len(periods):]:
            r.update({"break": h["break"], "slope_before_break": h["slope_before"],
                      "slope_after_break": h["slope_after"], "min_year": int(ineq[m].idxmin()),
                      "max_year": int(ineq[m].idxmax())})
    return pd.DataFrame(rows)


def convergence(method: str = "entropy", aggregate: str = "weighted", start: int = YEARS[0], end: int = YEARS[-1],
                exclude=(), basis: str = "published") -> dict:
    """σ (coefficient of variation, start and end) and β-convergence of the score, absolute and with region
    dummies (conditional), each β with its 95 % interval. ``conditional_power``: the power of the conditional
    test to detect a β as large as the absolute estimate (:func:`.regional.power`), and ``conditional_mde``
    the smallest |β| it detects with 80 % power (2.80 standard errors): a β that is not significant is read
    against these, never as "no convergence". ``basis``: the provincial GDP of the GDP ratios (a start before
    and an end after the census break compare two GDP bases unless spliced)."""
    mth.check_method(method, aggregate)
    check_year(start)
    check_year(end)
    if end <= start:
        raise UsageError("end year must come after start year")
    return copy.deepcopy(_convergence(method, aggregate, int(start), int(end), check_exclude(exclude),
                                      check_basis(basis)))


@lru_cache(maxsize=64)
def _convergence(method: str, aggregate: str, start: int, end: int, excl: tuple, basis: str) -> dict:
    keep = [p for p in PROVINCES if p not in excl]
    s = index(method, aggregate, exclude=excl, basis=basis).pivot(
        index="province", columns="year", values="score").reindex(keep)
    if s[[start, end]].isna().any().any():
        raise DataError("provinces:convergence", f"a score for each of the {len(keep)} provinces in {start} and {end}")
    if (s[[start, end]] <= 0).any().any():
        raise UsageError(f"β-convergence needs positive scores; {label(method, aggregate)} gives a zero")
    dummies = pd.get_dummies(pd.Series([REGION[p] for p in s.index]), dtype=float)[["中部", "西部", "东北"]]
    ab = reg.beta(s[start], s[end], end - start)
    cd = reg.beta(s[start], s[end], end - start, controls=dummies)
    return {"start": start, "end": end, "n": len(keep), "cv_start": reg.cv(s[start]), "cv_end": reg.cv(s[end]),
            "absolute": ab, "conditional": cd, "conditional_power": reg.power(ab["beta"], cd["se"]),
            "conditional_mde": 2.8016 * cd["se"]}


def trend_by_method(start: int = YEARS[0], end: int = YEARS[-1], exclude=()) -> pd.DataFrame:
    """For each of the eight methods: the Gini, between-region share and CV at start and end, their OLS slopes
    per year over start–end with 95 % intervals, and the absolute β (NaN where a method gives a zero score)."""
    rows = []
    for m, a in combos():
        ineq = inequality(m, a, exclude).set_index("year")
        tr = path_trend(m, a, exclude, ("gini", "between_share", "cv"), ((start, end),)).set_index("measure")
        scores = index(m, a, exclude=exclude).query("year in [@start, @end]")["score"]
        conv = convergence(m, a, start, end, exclude) if (scores > 0).all() \
            else {"absolute": {"beta": float("nan"), "p": float("nan")}}
        row = {"method": m, "aggregate": a, "label": label(m, a),
               "gini_start": ineq.at[start, "gini"], "gini_end": ineq.at[end, "gini"],
               "between_share_start": ineq.at[start, "between_share"],
               "between_share_end": ineq.at[end, "between_share"],
               "cv_start": ineq.at[start, "cv"], "cv_end": ineq.at[end, "cv"]}
        for k in ("gini", "between_share", "cv"):
            row.update({f"{k}_slope": tr.at[k, "slope"], f"{k}_slope_low": tr.at[k, "ci_low"],
                        f"{k}_slope_high": tr.at[k, "ci_high"]})
        row.update({"beta": conv["absolute"]["beta"], "beta_p": conv["absolute"]["p"]})
        rows.append(row)
    return pd.DataFrame(rows)


# --- the census break in the GDP denominator --------------------------------------------------------------

GAP_MEASURES = ("gini", "theil", "cv")  # the three measures of inequality the gap finding reads
_BEFORE, _AFTER = (YEARS[0], BREAK_YEAR - 1), (BREAK_YEAR, YEARS[-1])
# treatment: (Chinese name, GDP basis, first, last, level-shift dummy at the break)
TREATMENTS = {
    "published": ("全程·首次公布值", "published", YEARS[0], YEARS[-1], False),
    "step": (f"全程·{BREAK_YEAR}年断点虚拟变量", "published", YEARS[0], YEARS[-1], True),
    "spliced": ("全程·衔接GDP", "spliced", YEARS[0], YEARS[-1], False),
    "spliced_all": ("全程·衔接GDP（含此前的省级水平修订）", "spliced-all", YEARS[0], YEARS[-1], False),
    "before": (f"{_BEFORE[0]}–{_BEFORE[1]}（断点前）", "published", *_BEFORE, False),
    "after": (f"{_AFTER[0]}–{_AFTER[1]}（断点后）", "published", *_AFTER, False),
}


def _direction(fit: dict) -> str:
    return "下降" if fit["ci_high"] < 0 else "上升" if fit["ci_low"] > 0 else "无明确趋势"


def _direction_ar1(fit: dict) -> str:
    """The direction read from the interval widened for serial correlation (:func:`.regional.ar1_interval`)."""
    return _direction({"ci_low": fit["ci_low_ar1"], "ci_high": fit["ci_high_ar1"]})


def break_trends(method: str = "entropy", aggregate: str = "weighted", exclude=(), measures=GAP_MEASURES,
                 treatments=None) -> pd.DataFrame:
    """For each gap measure and each treatment of the census break (:data:`TREATMENTS`): the OLS slope per year
    with its 95 % interval and ``direction``; ``shift``: the level shift at the break (the ``step`` treatment
    only); ``rho1``, ``n_eff``, ``ci_low_ar1``, ``ci_high_ar1`` and ``direction_ar1``: the residuals' lag-1
    autocorrelation and the interval widened for it (:func:`.regional.ar1_interval`). Columns: measure, treatment,
    name, basis, first, last, value_first, value_last, slope, se, ci_low, ci_high, p, n, rho1, n_eff, ci_low_ar1,
    ci_high_ar1, shift, direction, direction_ar1."""
    measures = tuple(measures)
    for m in measures:
        if m not in MEASURES:
            raise UsageError(f"unknown gap measure '{m}' (one of {', '.join(MEASURES)})")
    treatments = tuple(treatments or TREATMENTS)
    for key in treatments:
        if key not in TREATMENTS:
            raise UsageError(f"unknown treatment of the break '{key}' (one of {', '.join(TREATMENTS)})")
    mth.check_method(method, aggregate)
    return _break_trends(method, aggregate, check_exclude(exclude), measures, treatments).copy()


@lru_cache(maxsize=64)
def _break_trends(method: str, aggregate: str, excl: tuple, measures: tuple, treatments: tuple) -> pd.DataFrame:
    rows = []
    for key in treatments:
        name, basis, first, last, step = TREATMENTS[key]
        ineq = _inequality(method, aggregate, excl, basis).set_index("year").loc[first:last]
        for m in measures:
            path = ineq[m]
            fit = reg.step_slope(path.index, path.to_numpy(), BREAK_YEAR) if step else \
                {**reg.slope(path.index, path.to_numpy()), "shift": float("nan")}
            rows.append({"measure": m, "treatment": key, "name": name, "basis": basis, "first": first, "last": last,
                         "value_first": float(path.iloc[0]), "value_last": float(path.iloc[-1]), **fit,
                         "direction": _direction(fit), "direction_ar1": _direction_ar1(fit)})
    return pd.DataFrame(rows)


def break_summary(method: str = "entropy", aggregate: str = "weighted") -> dict:
    """What the chapter says about the break: how many provinces' derived GDP fell from the year before the break
    to the break year and the largest fall; the national nominal growth of that year; the weight (of ``method``)
    on the GDP-denominated indicators; the Gini's change across the break as published and spliced, and whether
    it is the largest yearly rise of the published path."""
    from nqpf.analysis.provinces.ranking import weights

    b = gdp_break()
    worst = b.loc[b["change_pct"].idxmin()]
    w = weights(method).set_index("indicator")["weight"].abs()
    pub = inequality(method, aggregate).set_index("year")["gini"]
    spl = inequality(method, aggregate, basis="spliced").set_index("year")["gini"]
    rises = pub.diff().dropna()
    return {"break_year": BREAK_YEAR, "n_down": int((b["change_pct"] < 0).sum()), "n": len(b),
            "largest_fall_who": worst["province"], "largest_fall_pct": float(worst["change_pct"]),
            "national_growth_pct": float(b["national_growth_pct"].iloc[0]),
            "gdp_weight_pct": float(100 * w[list(GDP_CODES)].sum() / w.sum()), "n_gdp_codes": len(GDP_CODES),
            "gini_jump": float(pub[BREAK_YEAR] - pub[BREAK_YEAR - 1]),
            "gini_jump_largest": bool(rises.idxmax() == BREAK_YEAR),
            "gini_jump_spliced": float(spl[BREAK_YEAR] - spl[BREAK_YEAR - 1]),
            "gini_first_spliced": float(spl.iloc[0]), "gini_last_spliced": float(spl.iloc[-1])}
