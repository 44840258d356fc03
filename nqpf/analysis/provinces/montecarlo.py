"""Monte-Carlo weights: how a province's rank moves when the weights are drawn at random rather than chosen.

Each draw takes the ten (or fewer) indicator weights from a flat Dirichlet distribution (all concentration
parameters 1: every weight vector on the simplex equally likely), scores the year on the whole-panel min-max scaled
indicators by weighted sum or TOPSIS (ideal and anti-ideal over the whole panel, as in :mod:`.ranking`), and ranks
the provinces. The 5th, 50th and 95th percentiles of each province's rank over the draws (empirical quantiles,
``numpy`` method ``inverted_cdf``, so each is a rank that occurred) say where it stands whatever the weights.
Draws are reproducible: ``numpy.random.default_rng(seed)``.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

from nqpf.analysis.provinces import method as mth
from nqpf.analysis.provinces.clean import PROVINCES
from nqpf.analysis.provinces.inputs import YEARS
from nqpf.analysis.provinces.ranking import _drops, check_exclude, check_year, normalised
from nqpf.core.errors import UsageError

__all__ = ["DRAWS", "SEED", "TECH_MARKET", "VARIANTS", "draw_ranks", "rank_percentiles", "variants"]

DRAWS = 1000
SEED = 20240305  # fixed so the book's numbers are reproducible (the date of the 2024 government work report)
TECH_MARKET = ("tech_in_gdp", "tech_out_gdp")
# name → (excluded provinces, dropped indicators, Chinese label)
VARIANTS = {"all": ((), (), "全部指标与省份"), "without-beijing": (("北京",), (), "不含北京"),
            "without-tech-market": ((), TECH_MARKET, "不含两项技术市场指标")}


@lru_cache(maxsize=32)
def _ranks(year: int, draws: int, seed: int, aggregate: str, excl: tuple, drops: tuple) -> tuple:
    z = normalised("panel", drops, excl)
    zy = z.xs(year, level="year")
    a = zy.to_numpy(dtype=float)
    w = np.random.default_rng(seed).dirichlet(np.ones(a.shape[1]), size=draws)  # draws × indicators
    if aggregate == "weighted":
        s = a @ w.T
    else:  # TOPSIS closeness with the whole panel's best and worst values as ideal and anti-ideal
        hi, lo = z.max().to_numpy(), z.min().to_numpy()
        w2 = (w ** 2).T
        dplus = np.sqrt(((hi - a) ** 2) @ w2)
        dminus = np.sqrt(((a - lo) ** 2) @ w2)
        s = dminus / (dplus + dminus)
    from scipy.stats import rankdata

    ranks = rankdata(-s, axis=0, method="min").astype(int)  # provinces × draws; 1 = best, ties share the better
    return tuple(zy.index), ranks


def draw_ranks(year: int = YEARS[-1], draws: int = DRAWS, seed: int = SEED, aggregate: str = "weighted",
               exclude=(), drop=None) -> pd.DataFrame:
    """Every draw's ranks: rows provinces, columns draws."""
    check_year(year)
    mth.check_method("equal", aggregate)
    if int(draws) < 1:
        raise UsageError(f"--draws must be at least 1, not {draws}")
    provinces, ranks = _ranks(int(year), int(draws), int(seed), aggregate, check_exclude(exclude), _drops(drop))
    return pd.DataFrame(ranks.copy(), index=pd.Index(provinces, name="province"))  # never the cached array


def rank_percentiles(year: int = YEARS[-1], draws: int = DRAWS, seed: int = SEED, aggregate: str = "weighted",
                     exclude=(), drop=None) -> pd.DataFrame:
    """province, rank_p05, rank_p50, rank_p95 over ``draws`` Dirichlet weight draws (provinces in NBS order)."""
    r = draw_ranks(year, draws, seed, aggregate, exclude, drop).to_numpy()
    q = np.quantile(r, [0.05, 0.5, 0.95], axis=1, method="inverted_cdf").astype(int)
    provinces = draw_ranks(year, draws, seed, aggregate, exclude, drop).index
    out = pd.DataFrame({"province": provinces, "rank_p05": q[0], "rank_p50": q[1], "rank_p95": q[2]})
    order = {p: i for i, p in enumerate(PROVINCES)}
    return out.sort_values("province", key=lambda s: s.map(order), ignore_index=True)


def variants(year: int = YEARS[-1], draws: int = DRAWS, seed: int = SEED, aggregate: str = "weighted"):
    """The percentiles under each variant of :data:`VARIANTS`, long: variant, label, province, rank_p05/p50/p95,
    share_first (the share of draws that rank the province first)."""
    parts = []
    for name, (excl, drops, zh) in VARIANTS.items():
        pct = rank_percentiles(year, draws, seed, aggregate, excl, drops or None)
        r = draw_ranks(year, draws, seed, aggregate, excl, drops or None)
        pct["share_first"] = pct["province"].map((r == 1).mean(axis=1))
        parts.append(pct.assign(variant=name, label=zh))
    out = pd.concat(parts, ignore_index=True)
    return out[["variant", "label", "province", "rank_p05", "rank_p50", "rank_p95", "share_first"]]
