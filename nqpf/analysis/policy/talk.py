"""Talk and the provincial index: do provinces whose 2025 reports speak more of new quality productive forces
score higher on the index of the chapter 省际比较? A correlation over 31 points, so it is reported with a
bootstrap interval (provinces drawn with replacement, seeded), leave-one-out, Spearman and Pearson, and with and
without the two reports that are probably abridged (河北, 吉林: the corpus README)."""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

from nqpf.analysis.policy.counts import INDEX_WORDS, province_counts, text_index
from nqpf.analysis.policy.reading import documents
from nqpf.core.errors import UsageError

__all__ = ["ABRIDGED", "MEASURES", "SEED", "DRAWS", "correlation", "bootstrap_ci", "leave_one_out", "talk_table",
           "talk_variants", "talk_vs_index"]

ABRIDGED = ("河北", "吉林")  # short reports, probably abridged (data/corpus/README.md)
MEASURES = {"text_index": "文本指数", "nqpf_per_10k": "“新质生产力”每万字"}
METHODS = ("spearman", "pearson")
SEED = 20261207
DRAWS = 2000


def _rank_rows(m) -> np.ndarray:
    """Ranks 1…n along the last axis, ties given their mean rank (SciPy's ``rankdata``, row by row)."""
    from scipy.stats import rankdata

    return rankdata(np.asarray(m, dtype=float), method="average", axis=-1)


def _pearson_rows(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    xc = x - x.mean(axis=-1, keepdims=True)
    yc = y - y.mean(axis=-1, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        return (xc * yc).sum(axis=-1) / np.sqrt((xc ** 2).sum(axis=-1) * (yc ** 2).sum(axis=-1))


def correlation(x, y, method: str = "spearman") -> float:
    """Pearson's r, or Spearman's ρ (Pearson's r of the ranks, ties given their mean rank).

    Example: x = 1, 2, 3, 4 and y = 1, 3, 2, 4: ranks as given, r = (Σ dx·dy) / √(Σdx² Σdy²) = 4 / 5 = 0.8."""
    if method not in METHODS:
        raise UsageError(f"method must be one of {METHODS}, not {method!r}")
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if method == "spearman":
        x, y = _rank_rows(x), _rank_rows(y)
    return float(_pearson_rows(x, y))


def bootstrap_ci(x, y, method: str = "spearman", draws: int = DRAWS, seed: int = SEED,
                 level: float = 0.95) -> tuple[float, float]:
    """Percentile bootstrap interval of :func:`correlation`: the pairs drawn with replacement ``draws`` times
    (``numpy.random.default_rng(seed)``); draws in which one variable is constant are left out."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    idx = np.random.default_rng(seed).integers(0, len(x), (draws, len(x)))
    bx, by = x[idx], y[idx]
    if method == "spearman":
        bx, by = _rank_rows(bx), _rank_rows(by)
    r = _pearson_rows(bx, by)
    r = r[np.isfinite(r)]
    tail = (1 - level) / 2 * 100
    return float(np.percentile(r, tail)), float(np.percentile(r, 100 - tail))


def leave_one_out(df: pd.DataFrame, measure: str, method: str = "spearman") -> pd.Series:
    """The correlation of ``measure`` with the score with each province left out in turn (index: the one left
    out)."""
    if method not in METHODS:
        raise UsageError(f"method must be one of {METHODS}, not {method!r}")
    x, y = df[measure].to_numpy(dtype=float), df["score"].to_numpy(dtype=float)
    keep = ~np.eye(len(x), dtype=bool)  # row i: every province but the i-th, in order
    bx = np.broadcast_to(x, keep.shape)[keep].reshape(len(x), max(len(x) - 1, 0))
    by = np.broadcast_to(y, keep.shape)[keep].reshape(len(x), max(len(x) - 1, 0))
    if method == "spearman":
        bx, by = _rank_rows(bx), _rank_rows(by)
    return pd.Series(_pearson_rows(bx, by), index=list(df["province"]))


@lru_cache(maxsize=4)
def _talk_table(year: int | None) -> pd.DataFrame:
    from nqpf.analysis import provinces

    scores = provinces.index(method="entropy", aggregate="weighted", year=None)
    year = int(scores["year"].max()) if year is None else int(year)
    scores = scores[scores["year"] == year][["province", "score", "rank"]]
    if scores.empty:
        raise UsageError(f"no provincial index for {year}")
    docs = documents("provincial_2025")
    idx = text_index(zip(docs["province"], docs["path"]), INDEX_WORDS).rename(columns={"document": "province"})
    nq = province_counts(["新质生产力"])["新质生产力"].rename("nqpf_per_10k")
    nq_n = province_counts(["新质生产力"], counts=True)["新质生产力"].rename("nqpf_count")
    df = (idx[["province", "index", "hits"]].rename(columns={"index": "text_index", "hits": "text_hits"})
          .merge(nq, left_on="province", right_index=True).merge(nq_n, left_on="province", right_index=True)
          .merge(scores, on="province", validate="one_to_one"))
    if len(df) != 31:
        raise UsageError(f"talk vs index: {len(df)} provinces matched, not 31")
    df["abridged"] = df["province"].isin(ABRIDGED)
    df.attrs["year"] = year
    return df.sort_values("score", ascending=False).reset_index(drop=True)


def talk_table(year: int | None = None) -> pd.DataFrame:
    """One row per province: text_index (NQPF word list, hits per 10,000 characters), text_hits, nqpf_per_10k,
    nqpf_count, the provincial index score and rank of ``year`` (default: the index's latest), abridged."""
    df = _talk_table(year)
    out = df.copy()
    out.attrs = dict(df.attrs)
    return out


def talk_variants(year: int | None = None, draws: int = DRAWS, seed: int = SEED) -> pd.DataFrame:
    """Every specification of the correlation: measure × sample (all 31; without 河北 and 吉林) × method, each
    with n, the coefficient, its p-value (SciPy), the bootstrap 95 % interval and the leave-one-out range."""
    df = _talk_variants(year, draws, seed)
    out = df.copy()
    out.attrs = dict(df.attrs)
    return out


@lru_cache(maxsize=4)
def _talk_variants(year: int | None, draws: int, seed: int) -> pd.DataFrame:
    from scipy.stats import pearsonr, spearmanr

    df = talk_table(year)
    rows = []
    for measure in MEASURES:
        for sample, sub in (("all", df), ("without_abridged", df[~df["abridged"]])):
            for method in METHODS:
                r, p = (spearmanr if method == "spearman" else pearsonr)(sub[measure], sub["score"])
                lo, hi = bootstrap_ci(sub[measure], sub["score"], method, draws, seed)
                loo = leave_one_out(sub, measure, method)
                rows.append({"measure": measure, "sample": sample, "method": method, "n": len(sub),
                             "r": float(r), "p": float(p), "ci_low": lo, "ci_high": hi,
                             "loo_min": float(loo.min()), "loo_min_without": loo.idxmin(),
                             "loo_max": float(loo.max()), "loo_max_without": loo.idxmax()})
    out = pd.DataFrame(rows)
    out.attrs["year"] = df.attrs["year"]
    return out


def talk_vs_index(year: int | None = None) -> tuple[pd.DataFrame, dict]:
    """The table of :func:`talk_table` and the headline statistics: Spearman ρ and p of both text measures over
    all 31 provinces, with the bootstrap interval and the leave-one-out range of each."""
    df = talk_table(year)
    v = talk_variants(year)
    stats = {"year": df.attrs["year"], "n": len(df)}
    for measure in MEASURES:
        row = v[(v["measure"] == measure) & (v["sample"] == "all") & (v["method"] == "spearman")].iloc[0]
        stats.update({f"rho_{measure}": row["r"], f"p_{measure}": row["p"], f"ci_low_{measure}": row["ci_low"],
                      f"ci_high_{measure}": row["ci_high"], f"loo_min_{measure}": row["loo_min"],
                      f"loo_max_{measure}": row["loo_max"]})
    return df, stats
