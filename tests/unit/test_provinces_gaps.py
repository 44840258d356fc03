"""Regional gaps on real data, each against a value worked independently of the package's code (a textbook formula
recomputed here with plain numpy, or a hand calculation shown in the comment)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from nqpf.analysis import provinces as pv
from nqpf.analysis.provinces import gaps
from nqpf.analysis.provinces import regional as reg
from nqpf.analysis.provinces.clean import PROVINCES, REGION
from nqpf.core.errors import DataError


@pytest.fixture
def fresh_gaps():
    """The gap tables are cached per specification: a test that patches the scores must neither see nor leave one."""
    def clear():
        for f in (gaps._inequality, gaps._path_trend, gaps._break_trends, gaps._convergence):
            f.cache_clear()

    clear()
    yield
    clear()


def _scores(year=2023, exclude=()):
    s = pv.index("entropy", "weighted", year, exclude=exclude).set_index("province")["score"]
    return s.reindex([p for p in PROVINCES if p not in exclude])


def test_gini_of_a_small_vector_by_hand():
    # y = (1, 2, 3, 4): Σ_i Σ_j |y_i - y_j| = 2(1 + 2 + 3 + 1 + 2 + 1) = 20; G = 20 / (2 · 4² · 2.5) = .25
    assert reg.dagum([1, 2, 3, 4], ["a", "a", "b", "b"])["gini"] == pytest.approx(0.25)


def test_gini_on_real_scores_matches_the_sorted_formula():
    # the sorted-values formula G = Σ_i (2i - n - 1) y_(i) / (n² μ) (e.g. Damgaard and Weiner 2000, eq. 1),
    # a different computation from the package's pairwise sum
    for year in (2011, 2017, 2023):
        y = np.sort(_scores(year).to_numpy())
        n = len(y)
        g = ((2 * np.arange(1, n + 1) - n - 1) * y).sum() / (n * n * y.mean())
        assert pv.inequality().set_index("year").at[year, "gini"] == pytest.approx(g, rel=1e-12)


def test_theil_of_one_year_recomputed_from_the_raw_scores():
    # Theil (1967): T = (1/n) Σ (y/μ) ln(y/μ); between regions Σ_g (n_g/n)(μ_g/μ) ln(μ_g/μ)
    s = _scores(2023)
    y = s.to_numpy()
    mu = y.mean()
    t = np.mean(y / mu * np.log(y / mu))
    groups = s.index.map(REGION)
    between = sum((groups == g).mean() * (y[groups == g].mean() / mu) * np.log(y[groups == g].mean() / mu)
                  for g in set(groups))
    row = pv.inequality().set_index("year").loc[2023]
    assert row["theil"] == pytest.approx(t, rel=1e-12)
    assert row["theil_between"] == pytest.approx(between, rel=1e-12)
    assert row["theil_within"] == pytest.approx(t - between, rel=1e-12)
    assert row["cv"] == pytest.approx(y.std(ddof=0) / mu, rel=1e-12)


def test_a_zero_score_keeps_the_theil_columns(monkeypatch, fresh_gaps):
    # thirty scores of 1 and one 0: μ = 30/31, each 1 has y/μ = 31/30, so T = (30/31)(31/30) ln(31/30) = ln(31/30)
    # (the zero's term is 0 · ln 0 = 0, the limit). Before the fix, the Theil columns were silently dropped.
    fake = pd.DataFrame({"province": list(PROVINCES), "year": 2023, "score": [0.0 if p == "西藏" else 1.0
                                                                            for p in PROVINCES], "rank": 1})
    monkeypatch.setattr(gaps, "index", lambda *a, **k: fake.copy())
    out = gaps.inequality()
    assert out.at[0, "theil"] == pytest.approx(math.log(31 / 30), abs=1e-12)
    assert out["theil_between"].notna().all()


def test_theil_refuses_negative_values_and_an_all_zero_group():
    with pytest.raises(ValueError, match="not negative"):
        reg.theil([-1, 2], ["a", "a"])
    with pytest.raises(ValueError, match="mean 0"):
        reg.theil([0, 0, 2], ["a", "a", "b"])


def test_a_missing_province_stops_the_inequality_table(monkeypatch, fresh_gaps):
    short = pv.index("entropy", "weighted")
    short = short[short["province"] != "青海"]
    monkeypatch.setattr(gaps, "index", lambda *a, **k: short.copy())
    with pytest.raises(DataError, match="31 provinces"):
        gaps.inequality()


def test_absolute_beta_matches_ols_with_hc1_errors_computed_by_hand():
    # OLS b = (X'X)⁻¹X'y; HC1 (MacKinnon and White 1985): n/(n-k) (X'X)⁻¹ X' diag(e²) X (X'X)⁻¹
    s0, s1 = _scores(2011).to_numpy(), _scores(2023).to_numpy()
    y = (np.log(s1) - np.log(s0)) / 12
    x = np.column_stack([np.ones_like(s0), np.log(s0)])
    xtx = np.linalg.inv(x.T @ x)
    b = xtx @ x.T @ y
    e = y - x @ b
    n, k = x.shape
    v = n / (n - k) * xtx @ (x.T * e ** 2) @ x @ xtx
    c = pv.convergence()["absolute"]
    assert c["beta"] == pytest.approx(b[1], rel=1e-10)
    assert c["se"] == pytest.approx(math.sqrt(v[1, 1]), rel=1e-10)
    assert c["ci_low"] == pytest.approx(b[1] - 1.959964 * math.sqrt(v[1, 1]), rel=1e-6)


def test_power_of_a_z_test_by_hand():
    # at |β|/se = 1.96 the power is Φ(0) + Φ(-3.92) = .5 + .0000443; at 0 it is the size .05
    assert reg.power(1.959964, 1.0) == pytest.approx(0.5000443, abs=1e-6)
    assert reg.power(0.0, 0.01) == pytest.approx(0.05)


def test_conditional_beta_is_reported_with_its_interval_and_power():
    c = pv.convergence()
    cd = c["conditional"]
    assert cd["ci_low"] < cd["beta"] < cd["ci_high"]
    if cd["p"] >= 0.05:  # not significant: the interval spans 0, and the power against the absolute β is stated
        assert cd["ci_low"] < 0 < cd["ci_high"]
        assert c["conditional_power"] == pytest.approx(reg.power(c["absolute"]["beta"], cd["se"]))
        assert c["conditional_mde"] == pytest.approx(2.8016 * cd["se"])


def test_slope_interval_uses_the_t_table():
    # y = (1, 3, 2, 4) on t = 1..4: b = .8, se = .424264 (see regional.slope); t(.975, 2) = 4.303 (t table)
    r = reg.slope([1, 2, 3, 4], [1, 3, 2, 4])
    assert r["ci_low"] == pytest.approx(0.8 - 4.303 * 0.424264, abs=1e-3)
    assert r["ci_high"] == pytest.approx(0.8 + 4.303 * 0.424264, abs=1e-3)


def test_hinge_finds_a_planted_break():
    years = np.arange(2011, 2024)
    path = np.where(years <= 2016, 10 - (years - 2011), 5 + 2 * (years - 2016)).astype(float)
    h = reg.hinge(years, path)
    assert h["break"] == 2016 and h["slope_before"] == pytest.approx(-1) and h["slope_after"] == pytest.approx(2)


def test_sub_periods_are_fixed_halves_and_the_gini_path_falls_then_rises():
    assert pv.PERIODS == ((2011, 2023), (2011, 2017), (2017, 2023))
    t = pv.path_trend(measures=("gini",)).set_index(["first", "last"])
    assert t.loc[(2011, 2017), "ci_high"] < 0          # a clear fall in the first half
    assert t.loc[(2017, 2023), "slope"] > 0             # a rise in the second
    assert t.loc[(2011, 2023), "ci_low"] < 0 < t.loc[(2011, 2023), "ci_high"]  # no clear trend over the whole


def test_without_beijing_has_thirty_provinces_and_a_smaller_gini():
    # Beijing is the top outlier, so leaving it out lowers the Gini of every year
    a = pv.inequality().set_index("year")["gini"]
    b = pv.inequality(exclude=("北京",)).set_index("year")["gini"]
    assert (b < a).all()
    assert len(pv.index(year=2023, exclude=("北京",))) == 30
