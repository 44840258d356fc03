"""Normalisation, weights and aggregation for a composite index (pure functions on a matrix).

Rows are alternatives (province-years), columns indicators. The weights and TOPSIS come from ``pymcdm``; the tests
check each against the textbook formula on a small example worked by hand.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from nqpf.core.errors import UsageError

__all__ = ["WEIGHTINGS", "AGGREGATIONS", "WEIGHTING_ZH", "AGGREGATION_ZH", "ENTROPY_SHIFT", "check_method", "minmax",
           "weights", "pca_explained", "aggregate", "rank_desc"]

WEIGHTINGS = ("entropy", "critic", "equal", "pca")
AGGREGATIONS = ("weighted", "topsis")
WEIGHTING_ZH = {"entropy": "熵值法", "critic": "CRITIC", "equal": "等权", "pca": "第一主成分"}
AGGREGATION_ZH = {"weighted": "加权和", "topsis": "TOPSIS"}
# Entropy needs p·ln p > 0 everywhere; min-max puts a 0 in every column, so the usual practice shifts by 1e-4.
# (pymcdm would otherwise set that indicator's entropy to 0 and give it the largest weight.)
ENTROPY_SHIFT = 1e-4


def check_method(method: str, aggregate: str = "weighted") -> None:
    if method not in WEIGHTINGS:
        raise UsageError(f"unknown weighting '{method}' (choose one of {', '.join(WEIGHTINGS)})")
    if aggregate not in AGGREGATIONS:
        raise UsageError(f"unknown aggregation '{aggregate}' (choose one of {', '.join(AGGREGATIONS)})")


def minmax(x: pd.DataFrame, direction: pd.Series | None = None, by: pd.Series | None = None) -> pd.DataFrame:
    """Min-max scale each column to [0, 1]; a column with direction -1 is reversed.

    ``by`` (e.g. the year of each row) scales within each group instead of over the whole matrix.

    >>> minmax(pd.DataFrame({"a": [2.0, 4.0, 6.0]}))["a"].tolist()
    [0.0, 0.5, 1.0]
    """
    if by is not None:
        return x.groupby(by, group_keys=False).apply(lambda g: minmax(g, direction))
    lo, hi = x.min(), x.max()
    z = (x - lo) / (hi - lo).where(hi > lo, 1.0)
    if direction is not None:
        for c in x.columns[direction.reindex(x.columns).to_numpy() < 0]:
            z[c] = 1 - z[c]
    return z


def weights(z: pd.DataFrame, method: str) -> pd.Series:
    """Indicator weights (summing to 1) from a normalised matrix ``z``.

    - entropy: e_j = -Σ_i p_ij ln p_ij / ln m with p_ij = x_ij / Σ_i x_ij (x = z + 1e-4); w_j ∝ 1 - e_j.
    - critic: w_j ∝ σ_j Σ_k (1 - r_jk) (σ: sample standard deviation, r: Pearson correlation).
    - equal: 1/n.
    - pca: w_j ∝ v_j with Σ|w_j| = 1, v the first eigenvector of the indicators' correlation matrix (the first
      principal component's loadings on the standardised indicators), its sign chosen so that the loadings sum to
      a positive number. A weight keeps the sign of its loading: an indicator that loads negatively gets a
      negative weight (a higher value lowers the score), never a reward (see :func:`aggregate`).
    """
    check_method(method)
    from pymcdm import weights as pw  # imported here: pymcdm loads its plotting helpers (slow) on import

    a = z.to_numpy(dtype=float)
    if method == "entropy":
        w = pw.entropy_weights(a + ENTROPY_SHIFT)
    elif method == "critic":
        w = pw.critic_weights(a)
    elif method == "equal":
        w = pw.equal_weights(a)
    else:
        vals, vecs = _pc(a)
        v = vecs[:, -1]
        v = v if v.sum() > 0 else -v  # an eigenvector's sign is arbitrary: orient it so that the PC means "more"
        w = v / np.abs(v).sum()
    return pd.Series(w, index=z.columns, name="weight")


def _pc(a: np.ndarray):
    """Eigenvalues (ascending) and eigenvectors of the indicators' correlation matrix (numpy's symmetric solver)."""
    return np.linalg.eigh(np.corrcoef(a, rowvar=False))


def pca_explained(z: pd.DataFrame) -> float:
    """Share of the standardised indicators' variance the first principal component explains."""
    vals, _ = _pc(z.to_numpy(dtype=float))
    return float(vals[-1] / vals.sum())


def _identity(x, cost=False):
    return np.asarray(x, dtype=float)  # z is already scaled (over the whole panel), so TOPSIS must not rescale


def aggregate(z: pd.DataFrame, w: pd.Series, how: str = "weighted") -> pd.Series:
    """Score each row: weighted sum Σ_j w_j z_ij, or TOPSIS closeness D⁻/(D⁺ + D⁻) to the best and worst rows.

    TOPSIS takes the ideal and anti-ideal over all rows given, so pass the whole panel for scores that compare
    across years. A negative weight (a PCA loading of negative sign) enters as |w_j| on the reversed column
    1 − z_ij: the same ranking as the signed sum (it differs by the constant Σ w_j over negative weights), and
    for TOPSIS the usual treatment of a cost criterion.

    >>> aggregate(pd.DataFrame({"a": [1.0, 0.0], "b": [1.0, 0.0]}), pd.Series({"a": 0.75, "b": -0.25})).tolist()
    [0.75, 0.25]
    """
    check_method("equal", how)
    w = w.reindex(z.columns)
    if w.isna().any():
        raise UsageError(f"no weight for indicator {', '.join(w.index[w.isna()])}")
    a = z.to_numpy(dtype=float).copy()
    neg = w.to_numpy() < 0
    a[:, neg] = 1 - a[:, neg]
    w = w.abs()
    if how == "weighted":
        s = a @ w.to_numpy()
    else:
        from pymcdm.methods import TOPSIS

        s = TOPSIS(normalization_function=_identity)(a, w.to_numpy(), np.ones(a.shape[1], dtype=int))
    return pd.Series(s, index=z.index, name="score")


def rank_desc(s: pd.Series) -> pd.Series:
    """Rank 1 = highest score (ties share the better rank)."""
    return s.rank(ascending=False, method="min").astype(int)
