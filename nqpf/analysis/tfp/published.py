"""Published decompositions read into the book's period convention and recomputed from PWT: the seeds' figures
(seed 000, seed 004) and Bosworth & Collins (2008), Table 1."""

from __future__ import annotations

import pandas as pd

from nqpf.analysis.tfp.accounting import decompose, per_worker, shares
from nqpf.core import data
from nqpf.core.errors import UsageError
from nqpf.core.periods import Period

__all__ = ["PERIOD_READINGS", "read_period", "period_readings", "seed_table", "bc_table", "seed_comparison",
           "bc_comparison"]

# How each published period is read into the book's convention (first and last growth years; base the year
# before). Keyed by (source, start, end) as the data files write them.
PERIOD_READINGS = pd.DataFrame([
    ("000", "种子 000（据测算）", "1978-2012", 1978, 2012, 1978, 2012,
     "按名称读作增长年份 1978–2012；与下一期 2013–2019 首尾相接，不重不漏"),
    ("000", "种子 000（据测算）", "2013-2019", 2013, 2019, 2013, 2019,
     "增长年份 2013–2019，基年 2012"),
    ("004", "种子 004 转引人民银行调查统计司", "1978-2020", 1978, 2020, 1978, 2020,
     "按名称读作增长年份 1978–2020（全期）"),
    ("004", "种子 004 转引人民银行调查统计司", "2013-2020", 2013, 2020, 2013, 2020,
     "增长年份 2013–2020，为上一行全期的子期"),
    ("BC2008", "Bosworth and Collins (2008)", "1978–2004", 1978, 2004, 1979, 2004,
     "原文以端点年份命名（子期共用 1993），1978 为基年"),
    ("BC2008", "Bosworth and Collins (2008)", "1978–93", 1978, 1993, 1979, 1993,
     "同上：1978 年水平到 1993 年水平"),
    ("BC2008", "Bosworth and Collins (2008)", "1993–2004", 1993, 2004, 1994, 2004,
     "同上：1993 年水平到 2004 年水平，与上一子期首尾相接"),
], columns=["source", "source_zh", "written", "start", "end", "first", "last", "reading"])


def read_period(source: str, start: int, end: int) -> Period:
    """The book's period (first and last growth years) for a period as a source writes it."""
    hit = PERIOD_READINGS[(PERIOD_READINGS["source"] == source) & (PERIOD_READINGS["start"] == int(start))
                          & (PERIOD_READINGS["end"] == int(end))]
    if len(hit) != 1:
        raise UsageError(f"no reading of the period {start}-{end} of source {source} (see tfp.PERIOD_READINGS)")
    return Period(int(hit["first"].iloc[0]), int(hit["last"].iloc[0]))


def period_readings() -> pd.DataFrame:
    """The readings as a table: source, period as written, first and last growth year, base, years, why."""
    out = PERIOD_READINGS.copy()
    out["base"] = out["first"] - 1
    out["years"] = out["last"] - out["first"] + 1
    return out[["source", "source_zh", "written", "first", "last", "base", "years", "reading"]]


def seed_table() -> pd.DataFrame:
    """The decompositions the seeds quote (seed 000 line 12, seed 004 line 37), one figure per row."""
    return data.load("seed_growth_decompositions")


def bc_table() -> pd.DataFrame:
    """Bosworth & Collins (2008), Table 1: sources of growth in China and India, one figure per row."""
    return data.load("bosworth_collins_2008_growth")


# Seed 004's "labour" share (劳动要素) has no separate human capital, so it is compared with both together.
_SHARE_ITEM = {"tfp_share": "tfp_share", "capital_share": "capital_share", "labour_share": "labour_total_share"}


def seed_comparison(panel: pd.DataFrame, seeds_df: pd.DataFrame, compound: bool = True, **kw) -> pd.DataFrame:
    """Each figure the seeds quote beside our recomputation of the same period (default specification;
    compound rates by default because the seeds' GDP averages are compound rates)."""
    rows = []
    for r in seeds_df.itertuples(index=False):
        p = read_period(r.seed, r.start, r.end)
        res = decompose(panel, "CHN", p.first, p.last, compound=compound, **kw)
        ours = shares(res)[_SHARE_ITEM[r.item]] if r.item in _SHARE_ITEM else res[r.item]
        rows.append({"seed": r.seed, "line": int(r.line), "period": p.label, "item": r.item,
                     "unit": r.unit, "published": float(r.value), "recomputed": ours,
                     "difference": ours - float(r.value)})
    return pd.DataFrame(rows)


def bc_comparison(panel: pd.DataFrame, bc_df: pd.DataFrame, alpha: float = 0.4, **kw) -> pd.DataFrame:
    """Bosworth & Collins (2008) Table 1 beside the same layout computed from PWT with their fixed α = 0.4."""
    rows = []
    for (c, s, e), grp in bc_df.groupby(["countrycode", "start", "end"], sort=False):
        p = read_period("BC2008", s, e)
        ours = per_worker(panel, c, p.first, p.last, alpha, **kw)
        for r in grp.itertuples(index=False):
            rows.append({"countrycode": c, "period": p.label, "item": r.item, "published": float(r.value),
                         "recomputed": float(ours[r.item]), "difference": float(ours[r.item]) - float(r.value)})
    return pd.DataFrame(rows)
