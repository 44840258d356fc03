"""`python -m nqpf world ...` as a reader runs it."""

from __future__ import annotations

import csv
import io
import json

from tests.helpers import nqpf_cli


def test_china_gdp_csv():
    r = nqpf_cli("world", "china-gdp", "--format", "csv")
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert list(rows[0]) == ["year", "value", "unit", "vintage"]
    by_year = {int(x["year"]): float(x["value"]) for x in rows}
    assert round(by_year[2023]) == 1_294_272
    assert rows[0]["unit"] == "亿元"


def test_compare_csv_columns_and_values():
    r = nqpf_cli("world", "compare", "--indicator", "GB.XPD.RSDV.GD.ZS", "--year", "2023", "--format", "csv")
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert list(rows[0]) == ["countrycode", "country", "value"]
    vals = {x["countrycode"]: float(x["value"]) for x in rows}
    assert round(vals["CHN"], 2) == 2.58 and vals["KOR"] > vals["USA"] > vals["CHN"]
    assert "IND" not in vals  # WDI has no Indian R&D figure for 2023


def test_catchup_csv():
    r = nqpf_cli("world", "catchup", "--indicator", "GB.XPD.RSDV.GD.ZS", "--format", "csv")
    assert r.returncode == 0, r.stderr
    rows = {x["countrycode"]: x for x in csv.DictReader(io.StringIO(r.stdout))}
    assert set(rows) == {"KOR", "JPN", "DEU"}
    assert rows["KOR"]["status"] == "reached" and int(rows["KOR"]["reach_year"]) < 2023
    assert rows["JPN"]["status"] == "censored" and rows["JPN"]["reach_year"] == ""


def test_bad_arguments_name_what_is_available():
    for args, needle in [
        (["compare", "--indicator", "NOPE", "--year", "2023"], "unknown indicator 'NOPE'; available: GB.XPD"),
        (["compare", "--indicator", "GB.XPD.RSDV.GD.ZS", "--year", "1900"], "years available: 1996-"),
        (["compare", "--indicator", "GB.XPD.RSDV.GD.ZS", "--countries", "ZZZ"],
         "unknown country 'ZZZ'; available: CHN"),
        (["catchup", "--indicator", "NOPE"], "available: GB.XPD.RSDV.GD.ZS"),
        (["catchup", "--indicator", "GB.XPD.RSDV.GD.ZS", "--countries", "KOR", "ZZZ"], "unknown country 'ZZZ'"),
    ]:
        r = nqpf_cli("world", *args)
        assert r.returncode != 0 and r.stdout == ""
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1 and needle in lines[0], r.stderr


def test_other_actions_reject_bad_years_in_one_line():
    for args, needle in [(["pwt", "--year", "1900"], "PWT 11.0 has no year"),
                         (["lp-gap", "--from", "1950"], "no labour productivity for CHN in 1949"),
                         (["lp-gap", "--country", "ZZZ"], "unknown country 'ZZZ'")]:
        r = nqpf_cli("world", *args)
        lines = r.stderr.strip().splitlines()
        assert r.returncode != 0 and len(lines) == 1 and needle in lines[0], r.stderr


def test_lp_gap_json():
    r = nqpf_cli("world", "lp-gap", "--from", "2015", "--to", "2024")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["base"] == 2014 and out["rel_last"] > out["rel_base"]


def test_catchup_scope_lists_the_rule_and_the_exclusions():
    r = nqpf_cli("world", "catchup-scope", "--format", "csv")
    assert r.returncode == 0, r.stderr
    rows = {x["indicator"]: x for x in csv.DictReader(io.StringIO(r.stdout))}
    assert len(rows) == 18 and sum(x["included"] == "True" for x in rows.values()) == 8
    assert rows["NV.MNF.TECH.ZS.UN"]["china_frozen_since"] == "2011"
    assert rows["SP.POP.TECH.RD.P6"]["reason"] == "WDI 无中国数据"


def test_hours_and_oecd_json():
    r = nqpf_cli("world", "hours", "--from", "2014", "--to", "2023")
    assert r.returncode == 0, r.stderr
    h = json.loads(r.stdout)
    # PWT 11.0, 2023: (30892220 / (751.1849365 x 2327.79)) / (24979372 / (167.5397491 x 1788.88)) = 21.20 %
    assert round(h["rel_hour"], 1) == 21.2 and h["vintage"] == "PWT 11.0"
    r = nqpf_cli("world", "oecd")
    assert r.returncode == 0, r.stderr
    o = json.loads(r.stdout)
    assert o["implied_low"] == 2.69 and o["implied_high"] == 2.8 and round(o["wdi_oed_latest"], 2) == 2.93


def test_excluded_indicator_gets_one_line_with_the_reason():
    r = nqpf_cli("world", "catchup", "--indicator", "NQPF.CO2.GDP")
    lines = r.stderr.strip().splitlines()
    assert r.returncode != 0 and len(lines) == 1 and "不随发展稳定上升" in lines[0], r.stderr
