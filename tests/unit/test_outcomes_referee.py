"""Reference tests for the outcomes file's helpers: which figure wins, how its time is written, the 15th plan's
targets. Expected values are the rows of data/raw/cn_outcomes_2023_2025.csv and cn_fyp15_targets.csv, quoted."""

from __future__ import annotations

import pandas as pd

from nqpf.analysis import outcomes
from nqpf.analysis.outcomes.rows import best, when


def test_best_prefers_confidence_then_final_over_preliminary():
    t = outcomes.table()
    gdp24 = t[(t["indicator"] == "gdp_nominal") & (t["year"] == 2024)]
    # rows: 1349084 preliminary (PRELIMINARY, medium, 17 Jan 2025) and 1348066 final (high, final verification)
    assert set(gdp24["value"]) == {1349084, 1348066}
    assert best(gdp24)["value"] == 1348066
    # a hand-made tie on confidence: the final figure wins over the preliminary one
    rows = pd.DataFrame({"value": [1.0, 2.0, 3.0], "confidence": ["medium", "medium", "low"],
                         "flags": ["PRELIMINARY", "", ""]})
    assert best(rows)["value"] == 2.0


def test_when_writes_each_period_as_read():
    assert when({"point": "year", "year": 2025}) == "2025 年"
    assert when({"point": "end", "year": 2024}) == "2024 年年底"
    assert when({"point": "end-June", "year": 2025}) == "2025 年 6 月底"
    assert when({"point": "2021-2024 cumulative", "year": 2024}) == "2021–2024 累计"


def test_fyp15_targets_are_the_rows_of_the_2026_report():
    t = outcomes.fyp15_targets().set_index("indicator")
    # cn_fyp15_targets.csv: digital core 12.5 % of GDP by 2030; R&D >= 7 % a year; CO2 per GDP -17 % over
    # 2026-2030; schooling 11.7 years; life expectancy 80
    assert t.loc["digital_core_share", "value"] == 12.5 and t.loc["rd_growth", "value"] == 7.0
    assert t.loc["co2_intensity_reduction", "value"] == 17.0 and t.loc["schooling_years", "value"] == 11.7
    assert t.loc["life_expectancy", "value"] == 80.0
    assert (t.loc["digital_core_share", "first_year"], t.loc["digital_core_share", "last_year"]) == (2026, 2030)
