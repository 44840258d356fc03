"""The tile map of the 2025 provincial reports: one square per provincial unit, from the book's one layout
(:data:`nqpf.core.geo.TILES`)."""

from __future__ import annotations

import pandas as pd

from nqpf.analysis.policy.counts import province_counts
from nqpf.analysis.policy.reading import CORPUS
from nqpf.core.errors import DataError
from nqpf.core.geo import TILES
from nqpf.core.paths import rel

__all__ = ["tile_grid"]


def tile_grid(term: str = "新质生产力") -> pd.DataFrame:
    """province, row, col, count and per_10k_chars of ``term`` in each 2025 report (row 0 is the north)."""
    rates = province_counts([term])[term]
    counts = province_counts([term], counts=True)[term]
    missing = set(rates.index) ^ set(TILES)
    if missing:
        raise DataError(rel(CORPUS / "provincial_2025"), "one tile per provincial unit",
                        detail=", ".join(sorted(missing)))
    return pd.DataFrame([{"province": p, "row": r, "col": c, "count": int(counts[p]),
                          "per_10k_chars": float(rates[p])} for p, (c, r) in TILES.items()])
