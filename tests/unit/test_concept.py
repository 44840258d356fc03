"""Chapter 概念与政策脉络: the definition's structure and the policy timeline, each cell checked against its
seed line."""

from __future__ import annotations

import pandas as pd
import pytest

from nqpf.analysis import concept
from nqpf.core import data, seeds
from nqpf.core.errors import UsageError

# ---------------------------------------------------------------- the definition's structure


@pytest.mark.parametrize("row", data.load("concept_structure").to_dict("records"), ids=lambda r: r["key"])
def test_every_cell_stands_in_its_cited_line(row):
    sid, first, last = seeds.parse_ref(row["seed_ref"])
    if first == last:  # one line: the text as written, character for character
        assert row["text"] in seeds.line(sid, first)
    else:  # the PDF extraction broke the phrase over lines: white space aside
        assert seeds.find_quote(sid, first, last, row["text"])
    if row["section"] == "numbers":  # 附表二's own label ("3 個特徵") is on the same line
        assert row["label"] in seeds.line(sid, first)
    for item in str(row["items"]).split(";") if pd.notna(row["items"]) else []:
        assert item in row["text"]


def test_seed_004_stays_traditional_and_readers_get_simplified():
    df = concept.structure("numbers")
    assert (df["seed_ref"].str[:3] == "004").all()
    five = df[df["key"] == "five_ideas"].iloc[0]
    assert five["text"] == "符合創新、協調、綠色、開放、共享的新發展理念"  # as in seed 004 line 127
    assert five["text_simplified"] == "符合创新、协调、绿色、开放、共享的新发展理念"
    assert concept.simplified("1 個主導") == "1 个主导"
    assert concept.simplified("劳动者") == "劳动者"  # simplified text passes through


def test_appendix_two_numbers_match_the_items_listed():
    counts = concept.item_counts()
    assert len(counts) == 9  # seed 004 lines 119-127
    assert (counts["stated"] == counts["listed"]).all()
    # 1+1+2+3+3+3+3+4+5, read off the table by hand
    assert counts["stated"].sum() == 25
    four = counts[counts["label_simplified"] == "4 个基本内涵"].iloc[0]
    assert four["listed"] == 4  # 劳动者, 劳动资料, 劳动对象 and their combination


def test_three_factors_from_three_seeds():
    f = concept.structure("factors")
    assert sorted(f["label"].unique()) == sorted(["劳动者", "劳动资料", "劳动对象"])
    assert f.groupby("label")["seed_ref"].apply(lambda s: set(s.str[:3])).map(len).eq(3).all()


def test_unknown_section_is_a_usage_error():
    with pytest.raises(UsageError, match="unknown section"):
        concept.structure("nonsense")


# ---------------------------------------------------------------- the policy timeline


def test_written_dates_parse_at_their_precision():
    assert concept.parse_written_date("2023年9月7日") == ("2023-09-07", "day")
    assert concept.parse_written_date("2024 年 1 月 19 日") == ("2024-01-19", "day")
    assert concept.parse_written_date("2023.12.12") == ("2023-12-12", "day")
    assert concept.parse_written_date("2023年12月发布") == ("2023-12", "month")
    assert concept.parse_written_date("2021年印发") == ("2021", "year")
    with pytest.raises(UsageError):
        concept.parse_written_date("去年9月")


@pytest.mark.parametrize("row", data.load("policy_timeline").to_dict("records"), ids=lambda r: r["key"])
def test_each_cited_line_contains_the_date_as_written(row):
    sid, first, _ = seeds.parse_ref(row["seed_ref"])
    assert row["date_as_written"] in seeds.line(sid, first)
    assert concept.parse_written_date(row["date_as_written"]) == (row["date"], row["precision"])


def test_timeline_has_the_key_events_in_order():
    tl = concept.timeline().set_index("key")
    assert (tl.loc["first_mention", ["date", "precision"]] == ["2023-09-07", "day"]).all()
    assert tl.loc["cewc", "date"].startswith("2023-12")
    assert tl.loc["politburo_11", "date"] == "2024-01-31"
    assert tl.loc["government_report", "date"] == "2024-03-05"
    assert tl["start"].is_monotonic_increasing
    assert tl["start"].min().year == 2016  # the AI chip line of the 13th five-year plan
    # a month-precision event covers the whole month, a year-precision one the whole year
    assert (tl.loc["hydrogen_plan", "end"] - tl.loc["hydrogen_plan", "start"]).days == 31
    assert (tl.loc["digital_plan", "end"] - tl.loc["digital_plan", "start"]).days == 365


def test_days_from_first_mention_to_the_work_report():
    tl = concept.timeline().set_index("key")
    # 2023-09-07 -> 2024-03-05: 23 days of September left + 31 + 30 + 31 + 31 + 29 + 5 = 180
    assert (tl.loc["government_report", "start"] - tl.loc["first_mention", "start"]).days == 180


# ---------------------------------------------------------------- the chapter's facts (concept.facts)


def test_chapter_facts_match_hand_computations():
    import csv

    from nqpf.core.paths import RAW

    f = concept.facts()
    # R&D expenditure (data/raw/cn_rd_expenditure.csv): 2012 10298.4, 2023 33357.1 亿元; 11 growth years.
    assert f["cr_growth_1323"] == pytest.approx(100 * ((33357.1 / 10298.4) ** (1 / 11) - 1))  # 11.28
    assert f["cr_exp_2023"] == "33,357.1"
    # Intensities as first published (cn_rd_intensity.csv): 2012 1.98 %, 2023 2.65 %.
    assert (f["cr_int_2012"], f["cr_int_2023"]) == (1.98, 2.65)
    # 2023-09-07 -> 2024-01-31: 23 days of September left + 31 + 30 + 31 + 31 = 146; -> 2024-03-05: + 29 + 5 = 180.
    assert (f["tl_days_to_study"], f["tl_days_to_gwr"]) == (146, 180)
    with open(RAW / "policy_timeline.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert f["tl_n"] == len(rows)
    for p in ("day", "month", "year"):
        assert f[f"tl_{p}"] == sum(r["precision"] == p for r in rows)
    assert f["tl_nqpf_last"] == max(r["date"] for r in rows if r["category"] == "nqpf")


def test_a_nan_from_the_data_stops_the_facts(monkeypatch):
    from nqpf.analysis import concept_facts
    from nqpf.core.errors import DataError

    real = concept.rd_table

    def missing_2012():
        rd = real()
        rd.loc[rd["year"] == 2012, "intensity_first_release"] = float("nan")
        return rd

    monkeypatch.setattr(concept, "rd_table", missing_2012)
    concept_facts._facts.cache_clear()
    try:
        with pytest.raises(DataError, match="cr_int_2012"):
            concept.facts()
    finally:
        concept_facts._facts.cache_clear()


def test_chapter_glues_only_what_the_package_computes():
    # Issue 20: the chapter's one glue call is the loop over concept.facts(); no value is computed in the chapter.
    from nqpf.core.paths import ROOT

    text = (ROOT / "book" / "concept.md").read_text(encoding="utf-8")
    assert text.count("glue(") == 1 and "for name, v in concept.facts().items():\n    glue(name, v" in text
