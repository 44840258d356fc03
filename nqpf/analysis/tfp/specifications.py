"""How robust the headline is: TFP's contribution and share of growth under every specification (issue 21).

capital rnna / rkna × labour in heads / hours × α = 1 − labsh, 0.3, 0.4, 0.5 × PWT 11.0 / 10.01, over the periods
of :data:`ROBUSTNESS_PERIODS`; the findings, the chapter and the command line read the same cached table.
"""

from __future__ import annotations

import math
from functools import lru_cache

import pandas as pd

from nqpf.analysis.tfp.accounting import CAPITAL, VINTAGES, annual, period_rows, pwt
from nqpf.core.errors import UsageError
from nqpf.core.periods import Period

__all__ = ["ROBUSTNESS_PERIODS", "ROBUSTNESS_ALPHAS", "LABOUR", "PWT_METHOD", "DEFAULT_SPEC", "alpha_name",
           "robustness", "spec_label", "share_change"]

# The periods every headline reading is checked on: reform (base 1978) to 2012, then 2013 on to two ends.
ROBUSTNESS_PERIODS = ((1979, 2012), (2013, 2019), (2013, 2023))
ROBUSTNESS_ALPHAS = (None, 0.3, 0.4, 0.5)  # None: α_t = 1 − labsh, Törnqvist-averaged
LABOUR = {"emp": False, "emp*avh": True}   # heads, or hours worked
# PWT's own TFP index rtfpna is this specification (PWT user guide; data/README: rebuilt within 1.4e-7):
# Törnqvist, capital services rkna, labour emp·avh·hc, capital share 1 − labsh varying by year.
PWT_METHOD = {"capital": "rkna", "labour": "emp*avh", "alpha": "1-labsh"}
# The book's default specification (a capital stock and persons engaged): not PWT's.
DEFAULT_SPEC = {"capital": "rnna", "labour": "emp", "alpha": "1-labsh"}


def alpha_name(alpha) -> str:
    """How a capital-share choice is written in tables: '1-labsh' or the fixed value ('0.4')."""
    return "1-labsh" if alpha is None else f"{float(alpha):g}"


def _vintage_last(vintage: str) -> int:
    return int(pwt(vintage)["year"].max())


def robustness(start: int | None = None, end: int | None = None, country: str = "CHN",
               vintages=None) -> pd.DataFrame:
    """See :func:`_robustness` (cached: the findings, the chapter and the CLI read the same table)."""
    vintages = tuple(VINTAGES) if vintages is None else tuple(vintages)
    return _robustness(start, end, country, vintages).copy()


@lru_cache(maxsize=16)
def _robustness(start, end, country, vintages) -> pd.DataFrame:
    """TFP's contribution (log points ×100 a year) and share of GDP growth (%) under every specification:
    capital rnna / rkna × labour in heads / hours × α = 1 − labsh, 0.3, 0.4, 0.5 × PWT 11.0 / 10.01.

    Without ``start``/``end`` the three :data:`ROBUSTNESS_PERIODS`. A vintage that does not reach a period's
    last year gives a row with empty values and a ``note`` (PWT 10.01 ends in 2019): nothing is extrapolated.
    ``pwt_method`` marks the row with PWT's own specification (:data:`PWT_METHOD`); ``default`` the book's.
    """
    if (start is None) != (end is None):
        raise UsageError("give both --start and --end (first and last growth year), or neither")
    pers = ROBUSTNESS_PERIODS if start is None else ((start, end),)
    rows = []
    for vintage in vintages:
        panel = pwt(vintage)
        last = _vintage_last(vintage)
        for capital in CAPITAL:
            for labour, hours in LABOUR.items():
                for alpha in ROBUSTNESS_ALPHAS:
                    ann = None
                    for s, e in pers:
                        p = Period(int(s), int(e))
                        spec = {"capital": capital, "labour": labour, "alpha": alpha_name(alpha)}
                        row = {"period": p.label, "first": p.first, "last": p.last, "base": p.base,
                               "vintage": vintage, **spec, "gdp": math.nan, "tfp": math.nan,
                               "tfp_share": math.nan, "pwt_method": spec == PWT_METHOD,
                               "default": spec == DEFAULT_SPEC, "note": ""}
                        if p.last > last:
                            row["note"] = f"PWT {vintage} ends in {last}: no value for {p.label}"
                        else:
                            if ann is None:
                                ann = annual(panel, country, alpha, capital, hours)
                            m = period_rows(ann, country, p.first, p.last).mean()
                            row.update(gdp=float(m["gdp"]), tfp=float(m["tfp"]),
                                       tfp_share=float(100 * m["tfp"] / m["gdp"]))
                        rows.append(row)
    return pd.DataFrame(rows)


def spec_label(row) -> str:
    """A short Chinese name of one specification row: 'PWT 11.0·rkna·工时·α=1−labsh'."""
    lab = "工时" if row["labour"] == "emp*avh" else "人数"
    alpha = "1−labsh" if row["alpha"] == "1-labsh" else row["alpha"]
    return f"PWT {row['vintage']}·{row['capital']}·{lab}·α={alpha}"


def share_change(after: tuple[int, int], before: tuple[int, int] = ROBUSTNESS_PERIODS[0],
                 value: str = "tfp_share") -> pd.DataFrame:
    """Per specification: ``value`` (default TFP's share of growth, %; or ``"tfp"``, pp) in ``after`` minus
    ``before``, for every specification whose vintage covers both periods (column ``change``)."""
    rob = pd.concat([robustness(*before), robustness(*after)])
    key = ["vintage", "capital", "labour", "alpha"]
    b = rob[(rob["first"] == before[0]) & (rob["last"] == before[1])].set_index(key)
    a = rob[(rob["first"] == after[0]) & (rob["last"] == after[1])].set_index(key)
    out = pd.DataFrame({"before": b[value], "after": a[value], "pwt_method": b["pwt_method"],
                        "default": b["default"]}).dropna(subset=["before", "after"])
    out["change"] = out["after"] - out["before"]
    out = out.reset_index()
    out["name"] = [spec_label(r) for r in out.to_dict("records")]
    return out
