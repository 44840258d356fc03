"""Evidence for 'traditional industries' from WDI (nqpf.analysis.industries.traditional_*)."""

from __future__ import annotations

import pandas as pd
import pytest

from nqpf.analysis import industries as ind
from nqpf.analysis import world


def test_carried_forward_values_are_not_observations():
    s = pd.Series([40.0, 41.0, 41.0 + 1e-9, 41.0 - 1e-9], index=[2019, 2020, 2021, 2022])
    assert ind.last_reported_year(s) == 2020
    assert ind.last_reported_year(pd.Series([1.0, 2.0], index=[2000, 2001])) == 2001
    # WDI repeats China's medium/high-tech share from 2011 on: the book must not show 2022 as a new value
    facts = ind.traditional_facts()
    assert facts["tech_reported_year"] == 2011 < facts["tech_latest_year"]


def test_traditional_facts_by_hand():
    f = ind.traditional_facts()
    energy = world.series("EG.GDP.PUSE.KO.PP.KD")
    last = f["energy_last_year"]
    n = last - 2012  # growth years 2013..last from the 2012 level
    assert f["energy_growth"] == pytest.approx(((energy[last] / energy[2012]) ** (1 / n) - 1) * 100)
    share = world.series("NV.IND.TOTL.ZS")
    assert f["industry_peak"] == share.max() and f["industry_last"] == share.iloc[-1]
    ev = ind.traditional_evidence()
    assert set(ev["indicator"]) == set(ind.TRADITIONAL_CODES)
    assert (ev["repeated_years"] == ev["latest_year"] - ev["reported_year"]).all()
