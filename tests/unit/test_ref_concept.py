"""The concept chapter's tables against the raw files read here with the csv module, and seed lines read by eye.

``data/raw/policy_timeline.csv``, ``concept_structure.csv``, ``cn_rd_expenditure.csv`` and ``cn_rd_intensity.csv``
are read directly; dates are compared as ISO strings (a month- or year-precision date such as ``2023-09`` sorts
before ``2023-09-07``, as its first day does).
"""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from nqpf.analysis import concept, concept_facts
from nqpf.core.paths import RAW


def _csv(name):
    with open(RAW / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


FIRST = "2023-09-07"  # policy_timeline.csv, key first_mention: "2023年9月7日 在黑龙江考察时首次提出“新质生产力”"


def test_first_mention_and_the_events_around_it():
    tl = _csv("policy_timeline.csv")
    assert next(r["date"] for r in tl if r["key"] == "first_mention") == FIRST
    assert concept_facts.first_mention() == pd.Timestamp(FIRST)
    before = {r["key"] for r in tl if r["date"] < FIRST}
    assert set(concept_facts.events_before()["key"]) == before and "ai_13fyp" in before
    assert set(concept_facts.events_after()["key"]) == {r["key"] for r in tl} - before
    zoom = concept_facts.timeline_zoom()
    assert set(zoom["key"]) == {r["key"] for r in tl if r["category"] in ("nqpf", "commentary")}
    assert zoom["start"].is_monotonic_increasing


def test_timeline_lanes_are_the_categories_with_events():
    present = {r["category"] for r in _csv("policy_timeline.csv")}
    lanes = concept_facts.timeline_lanes()
    assert set(lanes) == present and lanes[0] == "nqpf"


def test_factor_grid_and_xin_zhi_table_from_the_structure_file():
    rows = _csv("concept_structure.csv")
    factors = [r for r in rows if r["section"] == "factors"]
    grid = concept_facts.factor_grid().set_index("label")
    assert list(grid.index) == ["劳动者", "劳动资料", "劳动对象"]
    assert set(grid.columns) == {"种子" + r["seed_ref"][:3] for r in factors}
    one = factors[0]   # each cell shows the passage as written (traditional script kept) and its citation
    assert one["text"] in grid.loc[one["label"], "种子" + one["seed_ref"][:3]]
    xz = [r for r in rows if r["section"] == "xin_zhi"]
    t = concept_facts.xin_zhi_table()
    assert len(t) == len(xz) == 7 and list(t["label"]) == [r["label"] for r in xz]
    assert all(r["text"] in shown for r, shown in zip(xz, t["shown"]))


def test_rd_chart_table_from_the_bulletin_files():
    exp = {int(r["year"]): float(r["value"]) for r in _csv("cn_rd_expenditure.csv")}
    t = concept_facts.rd_chart_table().set_index("year")
    assert set(t.index) == set(exp)
    # 2023: 33,357.1 亿元 and 2.65 % as first published (2023 bulletin); 2012: 1.98 %
    assert t.loc[2023, "expenditure"] == 33_357.1 and t.loc[2023, "intensity_first_release"] == 2.65
    assert t.loc[2012, "intensity_first_release"] == 1.98


def test_quote_found_in_the_seed_lines():
    # seed 001 line 97 reads "…2023年,我国AI核心产业规模达5784亿元。…"
    assert concept.quote_found("001:97", "我国AI核心产业规模达5784亿元")
    assert not concept.quote_found("001:97", "我国AI核心产业规模达5785亿元")


def test_timeline_checks_against_the_written_dates():
    t = concept.timeline_checks().set_index("key")
    assert len(t) == len(_csv("policy_timeline.csv"))
    # "2023年9月7日" (seed 000 line 2) gives 2023-09-07 at day precision; "2024.3.5" (004:110) 2024-03-05
    assert (t.loc["first_mention", "parsed"], t.loc["first_mention", "precision"]) == ("2023-09-07", "day")
    assert t.loc["government_report", "parsed"] == "2024-03-05"
    assert t["in_line"].all() and t["matches"].all()


@pytest.mark.parametrize("key,n", [("numbers", 9), ("factors", 9), ("xin_zhi", 7)])
def test_structure_sections_have_the_files_rows(key, n):
    assert len(concept.structure(key)) == n == sum(r["section"] == key for r in _csv("concept_structure.csv"))
