"""2025 targets scored against published outcomes (nqpf.analysis.outcomes, data/raw/cn_outcomes_2023_2025.csv)."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from nqpf.analysis import outcomes
from nqpf.core import data


@pytest.fixture(scope="module")
def rows():
    return outcomes.table()


def _numbers(text: str) -> list[float]:
    return [float(x) for x in re.findall(r"\d+(?:\.\d+)?", text.replace(",", ""))]


def test_every_figure_is_in_its_quote(rows):
    # Each tidy row keeps the sentence it was read from; its value appears there (or in where_read) as written,
    # or in 万亿 (/1e4) or
    # billion yuan (/10) when the row is in 亿元. The one DERIVED target (5G) is checked by its arithmetic.
    for r in rows.itertuples():
        if "DERIVED" in r.flags and r.indicator == "5g_per_10k_people":
            assert "8.4" in r.quote and "34.4" in r.quote and r.value == pytest.approx(34.4 - 8.4)
            continue
        found = _numbers(r.quote) + _numbers(r.where_read)  # a few figures are quoted in where_read (5G share)
        candidates = [r.value, r.value / 1e4, r.value / 10]
        assert any(abs(c - f) < 1e-9 for c in candidates for f in found), (r.indicator, r.year, r.value)


def test_split_keeps_confidence_and_covers_the_source_rows(rows):
    # 45 source rows: every one split into at least one tidy row, except the three text-only rows 42-44.
    assert set(rows["source_row"]) == set(range(1, 46)) - {42, 43, 44}
    assert set(rows["confidence"]) <= {"high", "medium", "low"}
    # the same source row carries one confidence
    assert (rows.groupby("source_row")["confidence"].nunique() == 1).all()


def test_scores_by_hand(rows):
    sc = outcomes.score().set_index("indicator")
    # basic research: 7.08 % of R&D in 2025 against "8 % or more": missed by 0.92 points (medium confidence)
    b = sc.loc["basic_research_share"]
    assert (b["status"], b["confidence"]) == ("missed", "medium")
    assert b["gap"] == pytest.approx(7.08 - 8)
    # R&D growth, growth years 2021-2025 from the 2020 level: (39,200 / 24,393.1) ** (1/5) - 1, a lower bound
    rd2020 = data.load("cn_rd_expenditure").set_index("year").loc[2020, "value"]
    assert rd2020 == 24393.1
    g = sc.loc["rd_growth"]
    assert g["outcome"] == pytest.approx(((39200 / 24393.1) ** (1 / 5) - 1) * 100)
    assert g["status"] == "met" and "LOWER-BOUND" in g["flags"]
    # 5G base stations per 10,000 people: 34.4 against 26
    assert sc.loc["5g_per_10k_people", "status"] == "met"
    assert sc.loc["5g_per_10k_people", "gap"] == pytest.approx(8.4)
    # no 2025 figure published: said so, and the latest earlier figure is context only
    for key in ("sei_share", "digital_core_share", "compute_total", "compute_intelligent_share"):
        assert sc.loc[key, "status"] == "not published", key
        assert pd.isna(sc.loc[key, "outcome"])
    assert "2022" in sc.loc["sei_share", "note"] and "不计分" in sc.loc["sei_share", "note"]


def _with(rows, **row):
    base = rows.iloc[0].to_dict()
    base.update({"flags": "", "basis": "test", "point": "year", "kind": "outcome", **row})
    return pd.concat([rows, pd.DataFrame([base])], ignore_index=True)


def test_low_confidence_alone_never_scores(rows):
    df = _with(rows, indicator="sei_share", year=2025, value=18.0, confidence="low")
    assert outcomes.score(df).set_index("indicator").loc["sei_share", "status"] == "undetermined"
    df = _with(rows, indicator="sei_share", year=2025, value=18.0, confidence="medium")
    assert outcomes.score(df).set_index("indicator").loc["sei_share", "status"] == "met"
    # a medium figure is preferred to a low one of the same year
    df = _with(df, indicator="sei_share", year=2025, value=12.0, confidence="low", basis="other")
    assert outcomes.score(df).set_index("indicator").loc["sei_share", "outcome"] == 18.0


def test_a_lower_bound_cannot_show_a_miss(rows):
    df = _with(rows, indicator="sei_share", year=2025, value=15.0, confidence="high", flags="LOWER-BOUND")
    assert outcomes.score(df).set_index("indicator").loc["sei_share", "status"] == "undetermined"
    df = _with(rows, indicator="sei_share", year=2025, value=15.0, confidence="high")
    assert outcomes.score(df).set_index("indicator").loc["sei_share", "status"] == "missed"


def test_comparators_and_compound_growth():
    assert outcomes.satisfies(17.0, ">", 17) is False and outcomes.satisfies(17.0, ">=", 17) is True
    assert outcomes.compound_growth(100, 121, 2) == pytest.approx(10.0)


def test_every_indicator_has_a_chinese_label(rows):
    assert set(rows["indicator"]) <= set(outcomes.INDICATOR_ZH)
