"""A fact-check of the seeds' own numbers: each check reads its claims from the cited seed lines, computes, and
gives a verdict.

Verdicts:

- ``agrees``: the computation gives the stated figure at the precision it is written (or the texts match);
- ``agrees (preliminary)``: the seed gives a preliminary figure that agrees with the preliminary release, later
  revised (the final figure is shown beside it);
- ``rounding``: not exactly, but within what rounding the written figures allows (interval arithmetic: each
  figure written with d decimals stands for ± half a unit of its last digit);
- ``conflicts``: outside any rounding, or figures that cannot all be true together;
- ``cannot check``: the seed names no source or method, the two figures are not the same statistic, or the data
  to check it are not in ``data/`` (a missing reference row is named, never read as NaN).

Each check states its rule and threshold in its docstring; the few editorial judgements (a seed that states no
method, two figures of different measures) are data (``data/labels/factcheck_editorial.csv``, with their reasons).

Claim values come from the claims ledger (:mod:`nqpf.analysis.claims`, ``data/derived/claims.csv``), never typed here: a
pattern over the cited seed line (:func:`claim`) only picks which of the line's claims a check uses.

Layout: :mod:`.engine` (claims, rounding rules, verdicts) and one module of checks per kind (:mod:`.arithmetic`,
:mod:`.counts`, :mod:`.across`, :mod:`.outside`, :mod:`.plausibility`); ``run(kind)`` runs only that kind's checks.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from nqpf.analysis.factcheck import across, arithmetic, counts, engine, outside, plausibility
from nqpf.analysis.factcheck.across import definition_differences
from nqpf.analysis.factcheck.engine import (
    FALLBACKS,
    KINDS,
    VERDICT_KEYS,
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
from nqpf.core import usage
from nqpf.core.errors import UsageError

__all__ = ["FALLBACKS", "KINDS", "PAGE", "VERDICT_KEYS", "VERDICT_ZH", "VERDICTS", "WAN_YI", "CHECKS", "Claim", "claim",
           "checked", "counts", "decimals", "definition_differences", "engine", "facts", "half_unit", "judge", "round_half_up",
           "run", "summary", "verdict"]

# The checks by kind (keys as in KINDS), in the order the appendix shows them.
CHECKS = {
    "arithmetic": arithmetic.CHECKS,
    "count": counts.CHECKS,
    "across": across.CHECKS,
    "outside": outside.CHECKS,
    "plausibility": plausibility.CHECKS,
}


# The page that owns the checks: the data files a verdict reads are the fact-check appendix's, whichever chapter
# asks for the verdict (the data catalogue credits pages with the files they load, :mod:`nqpf.core.usage`): each
# check runs in ``usage.credited_to(PAGE)``.
PAGE = "book/factcheck"


def run(kind: str | None = None) -> pd.DataFrame:
    """The checks of one kind (all kinds if None) as rows: key, kind, claims (with seed:line), computation,
    verdict, reason. Only the checks asked for are computed."""
    if kind is not None and kind not in KINDS:
        raise UsageError(f"unknown kind '{kind}' (known: {', '.join(KINDS)})")
    kinds = list(KINDS) if kind is None else [kind]
    with usage.credited_to(PAGE):
        return pd.DataFrame([check() for k in kinds for check in CHECKS[k]])


def checked() -> pd.DataFrame:
    """Every check's row, as :func:`run` gives them, computed once per process (a copy): the appendix, its facts
    and the chapters' verdicts read the same rows."""
    return _all_rows().copy()


@lru_cache(maxsize=1)
def _all_rows() -> pd.DataFrame:
    return run()


def verdict(key: str) -> dict:
    """One check's row by key, with ``verdict_zh``: a chapter that comments on a seed figure glues this (one
    verdict per fact), never words its own."""
    one = None if _all_rows.cache_info().currsize else _one(key)
    if one is not None:
        row = {k: v for k, v in one.items() if k != "key"}
    else:
        rows = _all_rows().set_index("key")
        if key not in rows.index:
            raise UsageError(f"unknown check '{key}' (known: {', '.join(rows.index)})")
        row = rows.loc[key].to_dict()
    return {"key": key, **row, "verdict_zh": VERDICT_ZH[row["verdict"]]}


@lru_cache(maxsize=None)
def _one(key: str) -> dict | None:
    """The row of check ``key`` (every field a string, as in :func:`run`'s table), or None when no check gives it:
    a chapter that cites one verdict runs the checks whose code names the key first, the rest only if needed."""
    order = [check for k in KINDS for check in CHECKS[k]]
    named = [c for c in order if _names(c, key)]
    for check in named + [c for c in order if c not in named]:
        row = _row_of(check)
        if row["key"] == key:
            return row
    return None


@lru_cache(maxsize=None)
def _row_of(check) -> dict:
    with usage.credited_to(PAGE):
        return check()


def _names(check, key: str) -> bool:
    """Whether a check's code, or a function it calls (``lambda: check_pwt_growth((2013, 2019))``), writes ``key``
    or the start of it (``f"pwt_growth_{a}_{b}"``). Only the order of trying depends on it, never a verdict."""
    code = check.__code__
    strings = _strings(code)
    for name in code.co_names:
        fn = check.__globals__.get(name)
        if callable(fn) and hasattr(fn, "__code__"):
            strings |= _strings(fn.__code__)
    return key in strings or any(len(t) > 5 and t.endswith("_") and key.startswith(t) for t in strings)


def _strings(code) -> set[str]:
    """The string constants of a function's code and of the code nested in it."""
    out = set()
    for c in code.co_consts:
        if isinstance(c, str):
            out.add(c)
        elif hasattr(c, "co_consts"):
            out |= _strings(c)
    return out


def counts(rows: pd.DataFrame | None = None) -> dict:
    """Number of checks in all (``n``) and by verdict, keyed by the glue-safe names of :data:`VERDICT_KEYS`
    (``agrees``, ``agrees_preliminary``, ``rounding``, ``conflicts``, ``cannot_check``); they add up to ``n``."""
    rows = _all_rows() if rows is None else rows
    out = {"n": len(rows)}
    out.update({VERDICT_KEYS[v]: int((rows["verdict"] == v).sum()) for v in VERDICTS})
    return out


def facts() -> dict:
    """Every value the fact-check appendix prints, computed here (the page does no arithmetic and reads no seed
    line itself): the verdict counts (:func:`counts`) and the figures its commentary cites."""
    g = plausibility.genai_figures()
    d = arithmetic.digital_share_figures()
    rows = _all_rows().set_index("key")
    out = dict(counts())
    out.update({
        "genai": g["genai"].numbers[0], "core": g["core"].numbers[0], "genai_times": f"{g['times_core']:.0f}",
        "gap_2013": f"{arithmetic.growth_gap_2013_2019():.1f}",
        "share_rounded": f"{d['rounded']:.0f}", "share_stated": d["share"].numbers[0],
        "share_reason": rows.loc["digital_share", "reason"],
        "rd_final_verdict": VERDICT_ZH[rows.loc["rd_final", "verdict"]], "rd_final_reason": rows.loc["rd_final", "reason"],
        "sei_share_across_reason": rows.loc["sei_share_across", "reason"],
        "n_across_conflicts": int(((rows["kind"] == "across") & (rows["verdict"] == "conflicts")).sum()),
    })
    return out


def summary(rows: pd.DataFrame | None = None) -> pd.DataFrame:
    """Number of checks by kind and verdict (every verdict as a column, zeros included)."""
    rows = run() if rows is None else rows
    out = pd.crosstab(rows["kind"], rows["verdict"]).reindex(index=list(KINDS), columns=list(VERDICTS), fill_value=0)
    out = out.loc[out.sum(axis=1) > 0]
    out.loc["total"] = out.sum()
    return out.reset_index().rename(columns={"index": "kind"})
