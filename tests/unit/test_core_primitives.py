"""The shared primitives of nqpf.core (one home each), against values worked by hand in each test."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from nqpf.core import data, gdp, geo, growth, numbers, series, text
from nqpf.core.errors import UsageError

# --- growth.period_growth -----------------------------------------------------------------------------------------


def test_period_growth_by_hand():
    s = pd.Series([100.0, 110.0, 121.0, 133.1], index=[2019, 2020, 2021, 2022])
    # 2020-2022: base 2019 (100) to 2022 (133.1) in three growth years; 1.1 ** 3 = 1.331, so 10 % a year
    assert growth.period_growth(s, 2020, 2022) == pytest.approx(10.0)
    # 2022 alone: 133.1 / 121 = 1.1, 10 %
    assert growth.period_growth(s, 2022, 2022) == pytest.approx(10.0)
    # a falling series: 100 -> 81 over two years is 0.9 ** 2, -10 % a year
    assert growth.period_growth(pd.Series([100.0, 90.0, 81.0], index=[2000, 2001, 2002]), 2001, 2002) == \
        pytest.approx(-10.0)


def test_period_growth_names_missing_and_available_years():
    s = pd.Series([100.0, 110.0, None, 133.1], index=[2019, 2020, 2021, 2022])
    with pytest.raises(UsageError) as err:
        growth.period_growth(s, 2018, 2021, name="研发经费")  # needs 2017 (absent) and 2021 (NaN)
    msg = str(err.value)
    assert msg.startswith("研发经费: growth over 2018–2021")
    assert "missing 2017, 2021" in msg and "years available: 2019–2020, 2022" in msg
    with pytest.raises(UsageError):
        growth.period_growth(s, 2021, 2020)  # backwards


def test_period_growth_on_string_or_float_year_labels():
    # year labels read from CSV as floats still find their years: 121 / 100 over two years is 10 %
    s = pd.Series([100.0, 110.0, 121.0], index=[2019.0, 2020.0, 2021.0])
    assert growth.period_growth(s, 2020, 2021) == pytest.approx(10.0)


# --- gdp ------------------------------------------------------------------------------------------------------------


def test_standard_gdp_by_hand_from_wdi():
    # WDI rows for China 2023 (data/raw/wdi_selected.csv): GDP in current US$ x official rate / 1e8 = 亿元
    wdi = data.load("wdi_selected")
    row = wdi[(wdi["countrycode"] == "CHN") & (wdi["year"] == 2023)].set_index("indicator")["value"]
    usd, xr = row["NY.GDP.MKTP.CD"], row["PA.NUS.FCRF"]
    assert gdp.gdp(2023) == pytest.approx(usd * xr / 1e8)
    # NBS's fifth-census revision of 2023 GDP is 1,294,272 亿元 (NBS 2025 revision note; the first release was
    # 1,260,582): the product returns it to the 亿元
    assert round(gdp.gdp(2023)) == 1294272
    g = gdp.china_gdp()
    assert list(g.columns) == ["year", "value", "unit", "vintage"]
    assert g["year"].min() == 1994  # the unified exchange rate starts in 1994
    assert set(g["unit"]) == {"亿元"}
    with pytest.raises(UsageError, match="no standard GDP for 1993"):
        gdp.gdp(1993)


# --- numbers ------------------------------------------------------------------------------------------------------


def test_half_unit_by_hand():
    assert numbers.half_unit("4.1") == pytest.approx(0.05)  # 4.1 stands for 4.05..4.15
    assert numbers.half_unit("1,260,582") == pytest.approx(0.5)  # a whole number: half a unit
    assert numbers.half_unit("0.25") == pytest.approx(0.005)


@pytest.mark.parametrize("value, digits, written", [
    (9.1e-06, 7, "0.0000091"),   # never 9.1e-06
    (9.1e-06, 1, "0.0"),         # too small for one decimal
    (9999.46, 1, "9999.5"),      # four digits: no separator in Chinese prose
    (12345.67, 1, "12,345.7"),   # five digits: separators
    (-1234567.0, 0, "-1,234,567"),
    (-0.04, 1, "0.0"),           # no "-0.0"
    (2.675, 2, "2.68"),          # 四舍五入 as written (format() would give 2.67 from the binary value)
    (1e20, 0, "100,000,000,000,000,000,000"),
    (7, 0, "7"),
])
def test_prose_by_hand(value, digits, written):
    assert numbers.prose(value, digits) == written


@pytest.mark.parametrize("bad", [None, float("nan"), math.inf, pd.NA, "abc"])
def test_prose_refuses_missing_numbers(bad):
    with pytest.raises(UsageError):
        numbers.prose(bad)


# --- data.flag_label ------------------------------------------------------------------------------------------------


def test_flag_label():
    assert data.flag_label("DERIVED, UNCERTAIN, DERIVED") == "推算、不确定"  # repeated flags once
    assert data.flag_label("DERIVED, UNCERTAIN", english=True) == "推算（DERIVED）、不确定（UNCERTAIN）"
    assert data.flag_label("") == "" and data.flag_label(None) == ""


# --- series.frozen_since --------------------------------------------------------------------------------------------


def test_frozen_since_by_hand():
    assert series.frozen_since(pd.Series([1.0, 2.0, 2.0, 2.0], index=[2000, 2001, 2002, 2003])) == 2001
    assert series.frozen_since(pd.Series([2.0, 1.0, 2.0], index=[2000, 2001, 2002])) is None
    # a carried-forward value that differs in the 10th significant digit is still the same value
    assert series.frozen_since(pd.Series([3.0, 41.23456789, 41.23456789 * (1 + 1e-10)], index=[1, 2, 3])) == 2
    # a real change of one part in a million is not
    assert series.frozen_since(pd.Series([3.0, 41.0, 41.0 * (1 + 1e-6)], index=[1, 2, 3])) is None
    assert series.frozen_since(pd.Series([5.0], index=[2000])) is None


def test_one_frozen_tolerance():
    from nqpf.analysis import industries

    # industries' last reported year is the start of the same frozen run: 2.0 from 2020 on
    assert industries.last_reported_year(pd.Series([1.0, 2.0, 2.0 * (1 + 1e-10)], index=[2019, 2020, 2021])) == 2020


# --- text -------------------------------------------------------------------------------------------------------------


def test_hanzi_helpers():
    assert text.hanzi_count("2024年，新质生产力㐀 ABC") == 7  # 年新质生产力 and 㐀 (ext. A); not digits, ， or ABC
    assert [text.is_hanzi(c) for c in "质㐀，A"] == [True, True, False, False]
    assert {"們", "國", "業"} <= text.traditional_chars() and "国" not in text.traditional_chars()
    assert text.simplified("新質生產力") == "新质生产力"


# --- geo.TILES --------------------------------------------------------------------------------------------------------


def test_one_tile_layout_with_the_right_places():
    t = geo.TILES
    assert len(t) == 31 and len(set(t.values())) == 31  # 31 units, no two on one square
    # 新疆 lies in the westmost column
    assert t["新疆"][0] == min(c for c, _ in t.values())
    # the north-east: 黑龙江 above 吉林 above 辽宁, one column
    assert t["黑龙江"][0] == t["吉林"][0] == t["辽宁"][0]
    assert t["黑龙江"][1] < t["吉林"][1] < t["辽宁"][1]
    assert t["海南"][1] == max(r for _, r in t.values())  # 海南 the southmost
    from nqpf.render import tilegrid

    assert tilegrid.TILES is geo.TILES


def test_put_checks_a_glued_value_before_formatting_it():
    from nqpf.core.errors import DataError
    from nqpf.core.numbers import put

    values = {}
    put(values, "x_pi", 3.14159, ".2f", page="book/x")  # formatted as the prose prints it
    put(values, "x_who", "北京", page="book/x")
    assert values == {"x_pi": "3.14", "x_who": "北京"}
    with pytest.raises(DataError, match="x_gap"):  # format(nan, ".1f") would have glued the text "nan"
        put(values, "x_gap", float("nan"), ".1f", page="book/x")
    with pytest.raises(DataError, match="x_none"):
        put(values, "x_none", None, page="book/x")


def test_write_atomic_writes_text_or_bytes_whole_and_leaves_no_part_file(tmp_path):
    from nqpf.core.paths import write_atomic

    target = tmp_path / "new" / "folder" / "x.json"
    write_atomic(target, "新质 1")
    assert target.read_text(encoding="utf-8") == "新质 1"
    write_atomic(target, b"\x00\x01")  # replaces the file
    assert target.read_bytes() == b"\x00\x01"
    assert sorted(p.name for p in target.parent.iterdir()) == ["x.json"]
