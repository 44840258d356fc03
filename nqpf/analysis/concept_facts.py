"""Every number book/concept.md prints and every table it shows or draws, computed here so the chapter only glues,
tabulates and plots (no arithmetic there).

:func:`facts` returns ``{glue name: value}``; a value that is NaN, infinite or None raises :class:`DataError`
naming it, so a missing number never reaches the page.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from nqpf.analysis import concept
from nqpf.core.numbers import check_printable, prose

__all__ = ["facts", "GROWTH_PERIOD", "FACTORS", "factor_grid", "xin_zhi_table", "timeline_lanes",
           "first_mention", "timeline_zoom", "events_before", "events_after", "rd_chart_table"]

GROWTH_PERIOD = (2013, 2023)  # growth years of the R&D expenditure growth (base 2012)
FACTORS = ("劳动者", "劳动资料", "劳动对象")


def facts() -> dict:
    """The chapter's glued values by name (a copy)."""
    return dict(_facts())


@lru_cache(maxsize=1)
def _facts() -> tuple:
    f: dict = {}
    _timeline(f)
    _numbers(f)
    _rd(f)
    return tuple(check_printable(f, "book/concept").items())


def _event(tl: pd.DataFrame, key: str) -> pd.Series:
    return tl.loc[tl["key"] == key].iloc[0]


def _timeline(f):
    tl = concept.timeline()
    first = _event(tl, "first_mention")
    nq = tl[tl["category"] == "nqpf"]
    f["n_seeds_concept"] = int(concept.structure()["seed_ref"].str[:3].nunique())
    f["tl_n"] = len(tl)
    f["tl_before"] = len(tl[(tl["end"] <= first["start"]) & (tl["category"] != "nqpf")])
    f["tl_first_year"] = int(tl["start"].dt.year.min())
    f["tl_days_to_study"] = int((_event(tl, "politburo_11")["start"] - first["start"]).days)
    f["tl_days_to_gwr"] = int((_event(tl, "government_report")["start"] - first["start"]).days)
    for p in ("day", "month", "year"):
        f[f"tl_{p}"] = int((tl["precision"] == p).sum())
    f["tl_nqpf"] = len(nq)
    f["tl_nqpf_last"] = nq["date"].max()


def _numbers(f):
    from nqpf.analysis import factcheck  # one verdict per fact: the count check lives in the fact-check module

    counts = concept.item_counts()
    f["n_numbers"] = len(concept.structure("numbers"))
    f["n_numbers_agree"] = int((counts["stated"] == counts["listed"]).sum())
    f["sum_numbers"] = int(counts["stated"].sum())
    f["n_numbers_verdict"] = factcheck.verdict("appendix_two_counts")["verdict_zh"]
    factors = concept.structure("factors")
    f["n_factor_cells"] = len(factors)
    f["n_factor_seeds"] = int(factors["seed_ref"].str[:3].nunique())


def _rd(f):
    from nqpf.analysis import factcheck, outcomes

    rdi = concept.rd_table().set_index("year")
    f["cr_first_year"] = int(rdi.index.min())
    f["cr_int_2012"] = float(rdi.loc[2012, "intensity_first_release"])
    f["cr_int_2023"] = float(rdi.loc[2023, "intensity_first_release"])
    f["cr_exp_2023"] = prose(rdi.loc[2023, "expenditure"], 1)
    f["cr_growth_1323"] = concept.rd_growth(*GROWTH_PERIOD)
    # One verdict per fact: the seed's R&D figures are judged by the fact-check module.
    for key, name in (("basic", "basic_research_share"), ("growth", "rd_growth"), ("final", "rd_final")):
        row = factcheck.verdict(name)
        f[f"cr_fc_{key}"] = row["verdict_zh"]
        f[f"cr_fc_{key}_comp"] = row["computation"]
    b25 = outcomes.figure("basic_research_share", 2025)
    f["cr_basic_2024"] = float(outcomes.figure("basic_research_share", 2024, basis="final")["value"])
    f["cr_basic_2025"] = float(b25["value"])
    f["cr_basic_2025_conf"] = outcomes.CONFIDENCE_ZH[b25["confidence"]]
    f["cr_basic_target"] = float(outcomes.figure("basic_research_share", 2025, kind="target")["value"])


# ---------------------------------------------------------------- tables and chart data


def _as_written(row) -> str:
    """A traditional-script passage as written, followed by its simplified form (as written if already simplified)."""
    return row.text if row.text == row.text_simplified else f"{row.text}（简体：{row.text_simplified}）"


def factor_grid() -> pd.DataFrame:
    """The three factors of production (rows) as each seed states them (columns 种子NNN), with the citation."""
    factors = concept.structure("factors")
    factors["cell"] = [f"{_as_written(r)} {r.cite}" for r in factors.itertuples()]
    factors["source"] = "种子" + factors["seed_ref"].str[:3]
    grid = factors.pivot(index="label", columns="source", values="cell").reindex(list(FACTORS))
    return grid.reset_index()


def xin_zhi_table() -> pd.DataFrame:
    """The seeds' readings of 新 and 质: keyword, passage (with its simplified form), citation."""
    xz = concept.structure("xin_zhi")
    return pd.DataFrame({"label": xz["label"], "shown": [_as_written(r) for r in xz.itertuples()],
                         "cite": xz["cite"]})


def timeline_lanes() -> list:
    """The timeline's categories that have events, in the order of :data:`concept.CATEGORIES`."""
    present = set(concept.timeline()["category"])
    return [c for c in concept.CATEGORIES if c in present]


def first_mention() -> pd.Timestamp:
    """The day 新质生产力 was first used (the timeline's dividing line)."""
    return _event(concept.timeline(), "first_mention")["start"]


def timeline_zoom() -> pd.DataFrame:
    """The concept's first months: the nqpf events and the corpus's own source events, oldest first."""
    tl = concept.timeline()
    return tl[tl["category"].isin(["nqpf", "commentary"])].reset_index(drop=True)


def events_before() -> pd.DataFrame:
    """The events before the first mention."""
    tl = concept.timeline()
    return tl[tl["start"] < first_mention()]


def events_after() -> pd.DataFrame:
    """The first mention and the events after it."""
    tl = concept.timeline()
    return tl[tl["start"] >= first_mention()]


def rd_chart_table() -> pd.DataFrame:
    """The years with an R&D expenditure figure: year, expenditure, intensity as first published."""
    rd = concept.rd_table()
    return rd.dropna(subset=["expenditure"])[["year", "expenditure", "intensity_first_release"]]
