"""The serial-correlation caveat of the gap finding, quantified: a slope's interval widened by the effective sample
size n_eff = n(1 − ρ)/(1 + ρ) (Santer et al. 2000), checked by hand and against an independent computation."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from nqpf.analysis import provinces as pv
from nqpf.analysis.findings import provinces as fp
from nqpf.analysis.provinces import regional as reg


def test_ar1_interval_by_hand():
    # y = 2 + 0.3 t + e on t = 1..6 with e = (1, 1, −2, −2, 1, 1): e sums to 0 and is orthogonal to t − 3.5
    # (−2.5 − 1.5 + 1 − 1 + 1.5 + 2.5 = 0), so OLS gives slope 0.3 and residuals e.
    # ρ = Σ e_t e_{t+1} / Σ e² = (1 − 2 + 4 − 2 + 1) / 12 = 1/6; n_eff = 6 (5/6) / (7/6) = 30/7.
    # s² = 12 / 4 = 3, Σ(t − t̄)² = 17.5, se = √(3/17.5); widened: se · √(4 / (30/7 − 2)) = se · √(7/4) = √0.3.
    t = np.arange(1, 7)
    e = np.array([1, 1, -2, -2, 1, 1], dtype=float)
    r = reg.slope(t, 2 + 0.3 * t + e)
    assert r["slope"] == pytest.approx(0.3) and r["se"] == pytest.approx((3 / 17.5) ** 0.5)
    assert r["rho1"] == pytest.approx(1 / 6) and r["n_eff"] == pytest.approx(30 / 7)
    half = stats.t.ppf(0.975, 30 / 7 - 2) * 0.3 ** 0.5
    assert r["ci_high_ar1"] == pytest.approx(0.3 + half) and r["ci_low_ar1"] == pytest.approx(0.3 - half)


def test_ar1_interval_never_narrows_and_is_unbounded_without_degrees_of_freedom():
    # e = (1, −1, 0, −1, 1): ρ = (−1 + 0 + 0 − 1) / 4 = −0.5 < 0, counted as 0: n_eff = n, the OLS interval
    r = reg.ar1_interval(1.0, 0.1, [1, -1, 0, -1, 1], 2)
    assert r["rho1"] == pytest.approx(-0.5) and r["n_eff"] == 5
    assert r["ci_high_ar1"] == pytest.approx(1.0 + stats.t.ppf(0.975, 3) * 0.1)
    # e = (1, 1, 1, −1, −1, −1): ρ = (1 + 1 − 1 + 1 + 1) / 6 = 0.5, n_eff = 6 (0.5/1.5) = 2 ≤ 2 parameters
    r = reg.ar1_interval(1.0, 0.1, [1, 1, 1, -1, -1, -1], 2)
    assert r["n_eff"] == pytest.approx(2) and r["ci_low_ar1"] == -np.inf and r["ci_high_ar1"] == np.inf


def test_the_baseline_gini_path_widened_independently_with_numpy():
    # the same method written out with numpy's polyfit and the lag-1 autocorrelation Σe_t e_{t+1} / Σe²
    g = pv.inequality().set_index("year")["gini"]
    x, y = g.index.to_numpy(float), g.to_numpy()
    b, a = np.polyfit(x, y, 1)
    e = y - a - b * x
    rho = (e[1:] * e[:-1]).sum() / (e * e).sum()
    n = len(e)
    n_eff = n * (1 - rho) / (1 + rho)
    se = ((e * e).sum() / (n - 2) / ((x - x.mean()) ** 2).sum()) ** 0.5
    high = b + stats.t.ppf(0.975, n_eff - 2) * se * ((n - 2) / (n_eff - 2)) ** 0.5
    row = pv.break_trends(treatments=("published",)).set_index("measure").loc["gini"]
    assert row["rho1"] == pytest.approx(rho) and row["n_eff"] == pytest.approx(n_eff)
    assert row["ci_high_ar1"] == pytest.approx(high)
    assert 0.5 < rho < 0.7  # the referee's "about 0.65" for the whole-period residuals


def test_no_whole_period_specification_stays_significant_once_widened():
    # the referee's recomputation: none of the 33 whole-period specifications; the three 2011-2018 ones and the
    # 2019-2023 CV do (their residuals are negatively autocorrelated, so nothing is widened)
    f = fp._gap_narrowing()
    widened = [s for m in pv.GAP_MEASURES for s in fp._measure_specs(m, "ci_high_ar1")]
    assert [s.name for s in widened] == [s.name for s in f.specifications] and len(widened) == 33
    assert not [s.name for s in widened if s.value < 0]
    parts = pv.break_trends(treatments=("before", "after")).set_index(["treatment", "measure"])
    assert set(parts.index[parts["direction_ar1"] == "下降"]) == {
        ("before", "gini"), ("before", "theil"), ("before", "cv"), ("after", "cv")}
    assert "全程 33 种设定中没有一种仍显著下降，断点两侧的分段结论不变" in f.statement
    # the path: narrowing to 2017 and a rise in 2018-2020 (the baseline's Gini, Theil and CV by year)
    ineq = pv.inequality().set_index("year")[list(pv.GAP_MEASURES)]
    assert (ineq.diff().loc[2012:2017] < 0).all().all() and (ineq.diff().loc[2018:2020] > 0).all().all()
    assert (ineq.diff().loc[2021] < 0).all()
    assert "三种指标都缩小到 2017 年、2018–2020 年回升" in f.statement
