"""Reference tests for the industries chapter's source readers and GDP scenarios. Expected values are the rows of
data/raw/cn_sei_share_gdp.csv, cn_sei_share_gdp_targets.csv, industry_seed_figures.csv and wdi_selected.csv."""

from __future__ import annotations

import pytest

from nqpf.analysis.industries import sei, sources


def test_sei_share_is_the_official_rows_plus_seed_004():
    s = sources.sei_share()
    # cn_sei_share_gdp.csv: 2010 4, 2014 7.6, 2019 11.5, 2022 13 (LOWER-BOUND); seed 004 line 79: 2023 13 以上
    assert list(zip(s["year"], s["value"])) == [(2010, 4), (2014, 7.6), (2019, 11.5), (2022, 13), (2023, 13)]
    assert s.set_index("year").loc[2023, "ref"] == "004:79"
    assert (sources.official_share(2019), sources.official_share(2022)) == (11.5, 13.0)
    assert sources.figure("sei_target_2025") == 17 and sources.figure("sei_share_2014") == 7.6


def test_sei_targets_are_the_plan_rows_plus_seed_000():
    t = sources.sei_targets()
    # cn_sei_share_gdp_targets.csv: 2015 8, 2017 10 (projection), 2020 15; seed 000 line 17: 2025 超过17%
    assert list(zip(t["year"], t["value"])) == [(2015, 8), (2017, 10), (2020, 15), (2025, 17)]
    assert t.set_index("year").loc[2025, "ref"] == "000:17"


def test_default_gdp_scenarios_from_the_wdi_rows():
    sc = sei.default_gdp_scenarios().set_index("scenario")["gdp_growth"]
    # standard GDP = NY.GDP.MKTP.CD x PA.NUS.FCRF (wdi_selected.csv, CHN)
    gdp = {2014: None}
    usd = {2015: 11280814787468.9, 2022: 18316765021690.2, 2023: 18270356654533.2, 2025: 19498039388042.6}
    rate = {2015: 6.22748867298455, 2022: 6.73715811237119, 2023: 7.08399842343631, 2025: 7.18984737402171}
    gdp = {y: usd[y] * rate[y] for y in usd}
    assert sc["2023年名义"] == pytest.approx((gdp[2023] / gdp[2022] - 1) * 100)           # 4.9 %
    assert sc["2024–2025年实际名义"] == pytest.approx(((gdp[2025] / gdp[2023]) ** 0.5 - 1) * 100)
    assert (sc["低"], sc["中"], sc["高"]) == (3.0, 5.0, 9.0)
    assert list(sc) == sorted(sc)                                                        # ordered by growth
