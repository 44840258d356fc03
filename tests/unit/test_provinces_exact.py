"""The provincial statistics written out in numpy (so that the chapter and `findings list` need neither
scipy.stats nor statsmodels, each a second to import) against the libraries they replace, to the last digit on the
chapter's own data: the OLS slope (scipy.stats.linregress), β with HC1 errors (statsmodels OLS), the rank
correlations (scipy.stats.spearmanr, kendalltau) and the Monte-Carlo ranks (scipy.stats.rankdata)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from nqpf.analysis import provinces as pv
from nqpf.analysis.provinces import montecarlo as mc
from nqpf.analysis.provinces import ranking as rk
from nqpf.analysis.provinces import regional as reg


@pytest.mark.parametrize("measure", ["gini", "theil", "cv", "between_share"])
def test_slope_is_linregress_to_the_last_digit(measure):
    from scipy import stats

    path = pv.inequality().set_index("year")[measure]
    for first, last in ((2011, 2023), (2011, 2017), (2019, 2023)):
        p = path.loc[first:last]
        fit = stats.linregress(p.index.to_numpy(dtype=float), p.to_numpy())
        t = stats.t.ppf(0.975, len(p) - 2)
        r = reg.slope(p.index, p.to_numpy())
        assert (r["slope"], r["se"], r["p"]) == (fit.slope, fit.stderr, fit.pvalue)
        assert (r["ci_low"], r["ci_high"]) == (fit.slope - t * fit.stderr, fit.slope + t * fit.stderr)


@pytest.mark.parametrize("basis", ["published", "spliced-all"])
def test_beta_is_statsmodels_hc1_to_the_last_digit(basis):
    import statsmodels.api as sm

    s = pv.index(basis=basis).pivot(index="province", columns="year", values="score").reindex(list(pv.PROVINCES))
    growth = ((np.log(s[2023]) - np.log(s[2011])) / 12).to_numpy()
    dummies = pd.get_dummies(pd.Series([pv.REGION[p] for p in s.index]), dtype=float)[["中部", "西部", "东北"]]
    for controls in (None, dummies):
        x = pd.DataFrame({"ln_start": np.log(s[2011]).to_numpy()})
        if controls is not None:
            x = pd.concat([x, controls], axis=1)
        fit = sm.OLS(growth, sm.add_constant(x)).fit(cov_type="HC1")
        lo, hi = fit.conf_int(0.05).loc["ln_start"]
        r = reg.beta(s[2011], s[2023], 12, controls)
        assert (r["beta"], r["se"], r["ci_low"], r["ci_high"]) == (fit.params["ln_start"], fit.bse["ln_start"], lo, hi)
        assert r["p"] == pytest.approx(fit.pvalues["ln_start"], rel=1e-12)
        assert r["r2"] == pytest.approx(fit.rsquared, rel=1e-9)


def test_rank_correlations_are_scipys_on_the_eight_methods():
    from scipy import stats

    ranks = rk.rank_matrix(2023)
    for a in ranks.columns:
        for b in ranks.columns:
            assert rk.spearman(ranks[a], ranks[b]) == stats.spearmanr(ranks[a], ranks[b]).statistic
            assert rk.kendall(ranks[a], ranks[b]) == stats.kendalltau(ranks[a], ranks[b]).statistic


def test_monte_carlo_ranks_are_rankdata_min():
    from scipy.stats import rankdata

    z = rk.normalised().xs(2023, level="year").to_numpy()
    w = np.random.default_rng(mc.SEED).dirichlet(np.ones(z.shape[1]), size=mc.DRAWS)
    expected = rankdata(-(z @ w.T), axis=0, method="min")
    assert (mc.draw_ranks().to_numpy() == expected).all()
