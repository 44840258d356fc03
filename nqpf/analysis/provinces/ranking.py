"""The index and its rankings: min-max scaling, four weightings × two aggregations (:mod:`.method`), and how far a
ranking is method (rank agreement, rank ranges, the method share of rank variance, leave one indicator out).

Public entry point: ``index(method="entropy", aggregate="weighted", year=None)`` → province, year, score, rank.
"""

from __future__ import annotations

import itertools
from functools import lru_cache

import numpy as np
import pandas as pd

from nqpf.analysis.provinces import method as mth
from nqpf.analysis.provinces.clean import PROVINCES, REGION
from nqpf.analysis.provinces.inputs import (
    CODES,
    DIMENSION,
    NAME,
    SYSTEM,
    YEARS,
    check_basis,
    expect_provinces,
    indicators,
)
from nqpf.core.errors import UsageError

__all__ = ["BASE", "BEIJING", "normalised", "weights", "index", "combos", "label", "scores", "leave_one_out",
           "robustness", "method_share", "rank_matrix", "normalisation_effect", "check_year", "check_exclude",
           "weight_sources"]

BASE = ("entropy", "weighted")
BEIJING = "北京"


def _stats():
    from scipy import stats  # slow to import; only the robustness functions need it

    return stats


def _direction() -> pd.Series:
    return pd.Series({r[1]: r[5] for r in SYSTEM})


def check_year(year):
    if year is not None and int(year) not in YEARS:
        raise UsageError(f"year {year} is outside the index's years {YEARS[0]}-{YEARS[-1]}")


def _drops(drop) -> tuple[str, ...]:
    """One indicator code, several joined by commas, or a tuple: the indicators left out (sorted, checked)."""
    if drop is None:
        return ()
    codes = tuple(sorted(drop.split(",") if isinstance(drop, str) else drop))
    for c in codes:
        if c not in CODES:
            raise UsageError(f"unknown indicator '{c}' (one of {', '.join(CODES)})")
    return codes


def check_exclude(exclude) -> tuple[str, ...]:
    codes = tuple(sorted(exclude or ()))
    for p in codes:
        if p not in PROVINCES:
            raise UsageError(f"unknown province '{p}' (one of the 31 short names, e.g. 北京)")
    return codes


def normalised(scope: str = "panel", drop=None, exclude=(), basis: str = "published") -> pd.DataFrame:
    """Min-max scaled indicators: over the whole panel (scores comparable across years) or within each year.

    ``drop``: indicators left out; ``exclude``: provinces left out before scaling (e.g. ``("北京",)``);
    ``basis``: the provincial GDP of the GDP ratios (``inputs.BASES``).
    """
    return _normalised(scope, _drops(drop), check_exclude(exclude), check_basis(basis)).copy()


@lru_cache(maxsize=64)
def _normalised(scope: str, drops: tuple, excl: tuple, basis: str) -> pd.DataFrame:
    x = indicators(basis)
    if drops:
        x = x.drop(columns=list(drops))
    if excl:
        x = x.drop(index=list(excl), level="province")
    if scope == "panel":
        return mth.minmax(x, _direction())
    if scope == "year":
        return mth.minmax(x, _direction(), by=x.index.get_level_values("year"))
    raise UsageError(f"unknown normalisation scope '{scope}' (panel or year)")


def weights(method: str = "entropy", scope: str = "panel", drop=None, exclude=(),
            basis: str = "published") -> pd.DataFrame:
    """indicator, name, dimension, weight (|weights| summing to 1; a PCA weight keeps its loading's sign),
    computed on the whole normalised panel."""
    mth.check_method(method)
    w = mth.weights(normalised(scope, drop, exclude, basis), method)
    return pd.DataFrame({"indicator": w.index, "name": [NAME[c] for c in w.index],
                         "dimension": [DIMENSION[c] for c in w.index], "weight": w.to_numpy()})


@lru_cache(maxsize=128)
def _scores(method: str, aggregate: str, scope: str, drops: tuple, excl: tuple,
            basis: str = "published") -> pd.DataFrame:
    z = normalised(scope, drops, excl, basis)
    w = mth.weights(z, method)
    if scope == "year" and aggregate == "topsis":
        s = pd.concat([mth.aggregate(g, w, "topsis") for _, g in z.groupby(level="year")])
    else:
        s = mth.aggregate(z, w, aggregate)
    out = s.reset_index()
    out["rank"] = _ranks_within(out["year"].to_numpy(), out["score"].to_numpy())
    return out[["province", "year", "score", "rank"]]


def _ranks_within(years: np.ndarray, score: np.ndarray) -> np.ndarray:
    """Rank 1 = highest score within each year, ties sharing the better rank (as :func:`.method.rank_desc`):
    one plus the number of the year's scores strictly above."""
    rank = np.empty(len(score), dtype=int)
    for y in np.unique(years):
        i = np.flatnonzero(years == y)
        v = score[i]
        rank[i] = 1 + (v[None, :] > v[:, None]).sum(axis=1)
    return rank


def index(method: str = "entropy", aggregate: str = "weighted", year: int | None = None, *, scope: str = "panel",
          drop=None, exclude=(), basis: str = "published") -> pd.DataFrame:
    """province, year, score (0-1), rank (1 = best within the year); one year or all of 2011-2023. ``basis``:
    the provincial GDP of the five GDP ratios, as published or spliced at the census break (``inputs.BASES``).

    >>> index("entropy", "weighted", 2023).shape
    (31, 4)
    >>> index("entropy", "weighted", 2023, exclude=("北京",)).shape
    (30, 4)
    """
    mth.check_method(method, aggregate)
    check_year(year)
    out = _scores(method, aggregate, scope, _drops(drop), check_exclude(exclude), check_basis(basis)).copy()
    if year is not None:
        out = out[out["year"] == int(year)].sort_values("rank", kind="stable", ignore_index=True)
    return out


def combos() -> list[tuple[str, str]]:
    return list(itertools.product(mth.WEIGHTINGS, mth.AGGREGATIONS))


def label(method: str, aggregate: str) -> str:
    return f"{mth.WEIGHTING_ZH[method]}·{mth.AGGREGATION_ZH[aggregate]}"


def scores(year: int | None = None, exclude=()) -> pd.DataFrame:
    """Long table of every method's score and rank: province, year, method, aggregate, label, score, rank."""
    parts = [index(m, a, year, exclude=exclude).assign(method=m, aggregate=a, label=label(m, a))
             for m, a in combos()]
    return pd.concat(parts, ignore_index=True)


# --- robustness -------------------------------------------------------------------------------------------

def leave_one_out(year: int = 2023, method: str = "entropy", aggregate: str = "weighted") -> pd.DataFrame:
    """Drop each indicator in turn (weights recomputed): Spearman with the full index, largest rank change."""
    check_year(year)
    full = index(method, aggregate, year).set_index("province")["rank"]
    rows = []
    for c in CODES:
        r = index(method, aggregate, year, drop=c).set_index("province")["rank"].reindex(full.index)
        moved = (r - full).abs()
        rows.append({"dropped": c, "name": NAME[c], "spearman": _stats().spearmanr(full, r).statistic,
                     "max_shift": int(moved.max()), "who": "、".join(moved[moved == moved.max()].index[:3]),
                     "mean_shift": float(moved.mean())})
    return pd.DataFrame(rows)


def method_share(ranks) -> float:
    """Share of the variance of rank over province × method that lies within provinces (between methods):
    Σ_ij (r_ij − r̄_i)² / Σ_ij (r_ij − r̄)², rows provinces, columns methods.

    >>> method_share([[1, 1], [2, 2]]), method_share([[1, 2], [2, 1]])
    (0.0, 1.0)
    """
    flat = np.asarray(ranks, dtype=float)
    return float(((flat - flat.mean(axis=1, keepdims=True)) ** 2).sum() / ((flat - flat.mean()) ** 2).sum())


def rank_matrix(year: int, exclude=()) -> pd.DataFrame:
    sc = scores(year, exclude)
    keep = [p for p in PROVINCES if p not in set(exclude)]
    ranks = sc.pivot(index="province", columns="label", values="rank").reindex(keep)
    return ranks[[label(m, a) for m, a in combos()]]


def robustness(year: int = 2023, exclude=()) -> dict:
    """Rank agreement between the eight methods (4 weightings × 2 aggregations) in one year.

    pairs: Spearman and Kendall for every pair; ranges: each province's best and worst rank; summary: how much
    of the rank variance is method (:func:`method_share`); leave_one_out: the baseline (entropy, weighted sum)
    with each indicator dropped.
    """
    check_year(year)
    out = _robustness(int(year), check_exclude(exclude))
    return {k: v.copy() if isinstance(v, pd.DataFrame) else dict(v) for k, v in out.items()}


@lru_cache(maxsize=8)
def _robustness(year: int, exclude: tuple) -> dict:
    ranks = rank_matrix(year, exclude)
    labels = list(ranks.columns)
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
    loo = leave_one_out(year)
    summary = {
        "year": int(year), "methods": len(labels),
        "spearman_min": float(pairs["spearman"].min()), "spearman_median": float(pairs["spearman"].median()),
        "kendall_min": float(pairs["kendall"].min()), "kendall_median": float(pairs["kendall"].median()),
        "range_median": float(ranges["range"].median()), "range_max": int(ranges["range"].max()),
        "range_max_who": "、".join(ranges.loc[ranges["range"] == ranges["range"].max(), "province"]),
        "fixed": int((ranges["range"] == 0).sum()), "moving_5plus": int((ranges["range"] >= 5).sum()),
        "method_share": method_share(ranks.to_numpy()),
        "loo_spearman_min": float(loo["spearman"].min()), "loo_max_shift": int(loo["max_shift"].max()),
    }
    return {"summary": summary, "pairs": pairs, "ranges": ranges, "ranks": ranks.reset_index(), "leave_one_out": loo}


def normalisation_effect(method: str = "entropy", aggregate: str = "weighted") -> pd.DataFrame:
    """Per year: the mean score and its spread under whole-panel and per-year scaling, and the rank agreement."""
    mth.check_method(method, aggregate)
    a = index(method, aggregate)
    b = index(method, aggregate, scope="year")
    m = a.merge(b, on=["province", "year"], suffixes=("_panel", "_year"), validate="one_to_one")
    expect_provinces(m, "normalisation_effect", per="year")  # an inner merge must not lose a province
    rows = []
    for y, g in m.groupby("year"):
        rows.append({"year": int(y), "mean_panel": g["score_panel"].mean(), "mean_year": g["score_year"].mean(),
                     "max_panel": g["score_panel"].max(), "max_year": g["score_year"].max(),
                     "spearman": _stats().spearmanr(g["rank_panel"], g["rank_year"]).statistic,
                     "max_shift": int((g["rank_panel"] - g["rank_year"]).abs().max())})
    return pd.DataFrame(rows)


def weight_sources(method: str = "entropy") -> pd.DataFrame:
    """Where a pooled-panel weight comes from: indicator, pooled (weights on the whole 31 × 13 panel),
    within_year (the weights computed on each year's 31 rows of the same scaled panel, averaged over the years),
    and between_year_share (%): the share of the indicator's panel variance that lies between the year means.

    A weight computed on the pooled panel rewards dispersion across years (a time trend) as well as across
    provinces; an indicator with a large between-year share gains weight from its trend.
    """
    mth.check_method(method)
    z = normalised()
    pooled = mth.weights(z, method)
    within = pd.concat([mth.weights(g, method) for _, g in z.groupby(level="year")], axis=1).mean(axis=1)
    total = ((z - z.mean()) ** 2).sum()
    between = ((z.groupby(level="year").transform("mean") - z.mean()) ** 2).sum()
    return pd.DataFrame({"indicator": z.columns, "name": [NAME[c] for c in z.columns], "pooled": pooled.to_numpy(),
                         "within_year": within.reindex(z.columns).to_numpy(),
                         "between_year_share": (100 * between / total).to_numpy()})
