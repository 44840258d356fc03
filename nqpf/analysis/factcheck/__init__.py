"""A fact-check of the seeds' own numbers: each check reads its claims from the cited seed lines, computes, and
gives a verdict.

Verdicts:

- ``agrees``: the computation gives the stated figure at the precision it is written (or the texts match);
- ``rounding``: not exactly, but within what rounding the written figures allows (interval arithmetic: each
  figure written with d decimals stands for ± half a unit of its last digit);
- ``conflicts``: outside any rounding, or figures that cannot all be true together;
- ``cannot check``: the seed names no source or method, or the data to check it are not in ``data/``.

Claim values come from the claims ledger (:mod:`nqpf.analysis.claims`, ``data/derived/claims.csv``), never typed here: a
pattern over the cited seed line (:func:`claim`) only picks which of the line's claims a check uses.

Layout: :mod:`.engine` (claims, rounding rules, verdicts) and one module of checks per kind (:mod:`.arithmetic`,
:mod:`.counts`, :mod:`.across`, :mod:`.outside`, :mod:`.plausibility`); ``run(kind)`` runs only that kind's checks.
"""

from __future__ import annotations

import pandas as pd

from nqpf.analysis.factcheck import across, arithmetic, counts, engine, outside, plausibility
from nqpf.analysis.factcheck.across import definition_differences
from nqpf.analysis.factcheck.engine import (
    FALLBACKS,
    KINDS,
    VERDICT_ZH,
    VERDICTS,
    WAN_YI,
    Claim,
    claim,
    decimals,
    half_unit,
    judge,
    round_half_up,
)
from nqpf.core.errors import UsageError

__all__ = ["FALLBACKS", "KINDS", "VERDICT_ZH", "VERDICTS", "WAN_YI", "CHECKS", "Claim", "claim", "decimals",
           "definition_differences", "engine", "half_unit", "judge", "round_half_up", "run", "summary"]

# The checks by kind (keys as in KINDS), in the order the appendix shows them.
CHECKS = {
    "arithmetic": arithmetic.CHECKS,
    "count": counts.CHECKS,
    "across": across.CHECKS,
    "outside": outside.CHECKS,
    "plausibility": plausibility.CHECKS,
}


def run(kind: str | None = None) -> pd.DataFrame:
    """The checks of one kind (all kinds if None) as rows: key, kind, claims (with seed:line), computation,
    verdict, reason. Only the checks asked for are computed."""
    if kind is not None and kind not in KINDS:
        raise UsageError(f"unknown kind '{kind}' (known: {', '.join(KINDS)})")
    kinds = list(KINDS) if kind is None else [kind]
    return pd.DataFrame([check() for k in kinds for check in CHECKS[k]])


def summary(rows: pd.DataFrame | None = None) -> pd.DataFrame:
    """Number of checks by kind and verdict (all four verdicts as columns, zeros included)."""
    rows = run() if rows is None else rows
    out = pd.crosstab(rows["kind"], rows["verdict"]).reindex(index=list(KINDS), columns=list(VERDICTS), fill_value=0)
    out = out.loc[out.sum(axis=1) > 0]
    out.loc["total"] = out.sum()
    return out.reset_index().rename(columns={"index": "kind"})
