"""The chapter's data: the industry mentions, the figures the seeds quote, the SEI share series and targets
(shared extracts plus the seeds' figures, flagged) and the last official SEI share (nominal GDP growth:
:func:`nqpf.core.growth.period_growth` on :func:`nqpf.core.gdp.china_gdp`)."""

from __future__ import annotations

import pandas as pd

from nqpf.core import data
from nqpf.core.errors import DataError

CATEGORIES = ("traditional", "strategic emerging", "future", "other")
CATEGORY_ZH = {"traditional": "传统产业", "strategic emerging": "战略性新兴产业", "future": "未来产业",
               "other": "其他/未分类"}
SEEDS = ("000", "001", "002", "003", "004")
# The 14th Five-Year Plan's nine SEI fields, as seed 000 line 40 lists them (the reference list for comparisons).
FYP14_LIST = "000-fyp14"
_ZH_NUMERALS = {"七": 7, "八": 8, "九": 9, "十": 10}


def mentions() -> pd.DataFrame:
    return data.load("industry_mentions")


def seed_figures() -> pd.DataFrame:
    return data.with_flags(data.load("industry_seed_figures"))


def figure(key: str) -> float:
    """One figure quoted in a seed, by key (see ``industry_seed_figures``)."""
    return data.figure("industry_seed_figures", key)


def _shared_plus_seed(name: str, seed_key: str) -> pd.DataFrame:
    """A shared series with flags, plus one figure quoted in a seed (its reference is seed:line)."""
    shared = data.with_flags(data.load(name)).assign(ref=name)
    seed = seed_figures().query("key == @seed_key").rename(columns={"seed_ref": "ref"})
    cols = ["year", "value", "flags", "source", "ref"]
    return pd.concat([shared[cols], seed[cols]], ignore_index=True).sort_values("year", ignore_index=True)


def sei_share() -> pd.DataFrame:
    """SEI value added, % of GDP: the shared series plus the 2023 figure of seed 004, with flags and a reference."""
    return _shared_plus_seed("cn_sei_share_gdp", "sei_share_2023")


def sei_targets() -> pd.DataFrame:
    """Plan targets (and one projection) for the SEI share, with the 2025 target quoted in seed 000 line 17."""
    return _shared_plus_seed("cn_sei_share_gdp_targets", "sei_target_2025")


def official_share(year: int) -> float:
    """The SEI share of one year from the shared official series (``cn_sei_share_gdp``), not from a seed; a missing
    year is a data error naming the file."""
    df = data.load("cn_sei_share_gdp")
    row = df[df["year"] == year]
    if row.empty:
        raise DataError("data/raw/cn_sei_share_gdp.csv", f"has a row for {year}",
                        detail=f"years: {', '.join(map(str, df['year']))}")
    return float(row["value"].iloc[0])


def last_official_year() -> int:
    """The last year with an official SEI share (2022: MIIT's lower bound); later shares exist only in the seeds."""
    return int(data.load("cn_sei_share_gdp")["year"].max())
