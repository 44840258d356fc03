"""Regional structure of a score: Dagum's Gini decomposition, Theil's within/between split, σ- and β-convergence,
the power of a β test, and the slope of a yearly path with its confidence interval."""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["dagum", "theil", "cv", "beta", "power", "slope", "step_slope", "ar1_interval", "hinge"]


def _mean_abs_diff(x: np.ndarray, y: np.ndarray) -> float:
    return float(np.abs(x[:, None] - y[None, :]).sum())


def dagum(values, groups) -> dict:
    """Dagum (1997) decomposition of the Gini coefficient: G = G_w + G_nb + G_t.

    G = ΣΣ|y_i - y_r| / (2 n² μ). Within group j: G_jj = ΣΣ|y_ji - y_jr| / (2 n_j² μ_j); between j and h:
    G_jh = ΣΣ|y_ji - y_hr| / (n_j n_h (μ_j + μ_h)). With p_j = n_j / n and s_j = n_j μ_j / (n μ):
    G_w = Σ_j G_jj p_j s_j; for each pair with μ_j ≥ μ_h, D_jh = (d_jh - p_jh) / (d_jh + p_jh), where d_jh is the
    mean of max(y_ji - y_hr, 0) over all pairs and p_jh the mean of max(y_hr - y_ji, 0);
    G_nb = Σ G_jh (p_j s_h + p_h s_j) D_jh and G_t = Σ G_jh (p_j s_h + p_h s_j)(1 - D_jh).
    """
    y = np.asarray(values, dtype=float)
    g = np.asarray(groups)
    n, mu = len(y), y.mean()
    total = _mean_abs_diff(y, y) / (2 * n * n * mu)
    names = sorted(set(g), key=lambda k: y[g == k].mean())  # ascending mean
    part = {k: y[g == k] for k in names}
    p = {k: len(v) / n for k, v in part.items()}
    s = {k: len(v) * v.mean() / (n * mu) for k, v in part.items()}
    within_g = {k: _mean_abs_diff(v, v) / (2 * len(v) ** 2 * v.mean()) for k, v in part.items()}
    gw = sum(within_g[k] * p[k] * s[k] for k in names)
    gnb = gt = 0.0
    between_g = {}
    for a, lo in enumerate(names):
        for hi in names[a + 1:]:
            x, z = part[hi], part[lo]  # x has the higher mean
            gjh = _mean_abs_diff(x, z) / (len(x) * len(z) * (x.mean() + z.mean()))
            diff = x[:, None] - z[None, :]
            d, q = np.clip(diff, 0, None).mean(), np.clip(-diff, 0, None).mean()
            djh = (d - q) / (d + q) if d + q > 0 else 0.0
            wgt = p[hi] * s[lo] + p[lo] * s[hi]
            gnb += gjh * wgt * djh
            gt += gjh * wgt * (1 - djh)
            between_g[(hi, lo)] = gjh
    return {"gini": total, "within": gw, "between": gnb, "transvariation": gt,
            "within_gini": within_g, "between_gini": between_g}


def theil(values, groups) -> dict:
    """Theil T = (1/n) Σ (y/μ) ln(y/μ) = T_within + T_between.

    T_between = Σ_g s_g ln(μ_g/μ) and T_within = Σ_g s_g T_g, with s_g = n_g μ_g / (n μ) the group's share of the total.
    A zero value is allowed: its term is 0 (the limit of x ln x as x → 0; Theil's T, unlike the mean log deviation,
    is defined there). A negative value, or a group whose mean is 0, raises ``ValueError``.

    >>> round(theil([0, 2], ["a", "a"])["theil"], 6)  # ½(0 + 2 ln 2) = ln 2
    0.693147
    """
    y = np.asarray(values, dtype=float)
    if (y < 0).any() or not np.isfinite(y).all():
        raise ValueError("Theil index needs values that are finite and not negative")
    g = np.asarray(groups)
    for k in set(g):
        if y[g == k].mean() <= 0:
            raise ValueError(f"Theil index: group {k!r} has mean 0, its share and log are undefined")

    def t(v):
        r = v / v.mean()
        return float(np.mean(np.where(r > 0, r * np.log(np.where(r > 0, r, 1.0)), 0.0)))

    mu, n = y.mean(), len(y)
    tb = tw = 0.0
    for k in sorted(set(g)):
        v = y[g == k]
        share = len(v) * v.mean() / (n * mu)
        tb += share * np.log(v.mean() / mu)
        tw += share * t(v)
    return {"theil": t(y), "within": tw, "between": float(tb)}


def cv(values) -> float:
    """Coefficient of variation (population standard deviation over mean): the σ-convergence measure."""
    y = np.asarray(values, dtype=float)
    return float(y.std() / y.mean())


def beta(start, end, years: int, controls: pd.DataFrame | None = None) -> dict:
    """Absolute β-convergence: (ln y_T - ln y_0)/T = α + β ln y_0 (+ controls) + ε, OLS with HC1 errors.

    β < 0 means lower starting scores grew faster; speed λ = -ln(1 + βT)/T and half-life ln 2 / λ.
    """
    # statsmodels' OLS from its module, not statsmodels.api (which imports every model: 1 s of each kernel)
    from statsmodels.regression.linear_model import OLS
    from statsmodels.tools.tools import add_constant

    y0, y1 = np.asarray(start, dtype=float), np.asarray(end, dtype=float)
    growth = (np.log(y1) - np.log(y0)) / years
    x = pd.DataFrame({"ln_start": np.log(y0)})
    if controls is not None:
        x = pd.concat([x, controls.reset_index(drop=True).astype(float)], axis=1)
    fit = OLS(growth, add_constant(x)).fit(cov_type="HC1")
    b = float(fit.params["ln_start"])
    lo, hi = (float(v) for v in fit.conf_int(0.05).loc["ln_start"])
    speed = -np.log(1 + b * years) / years if 1 + b * years > 0 else float("nan")
    return {"beta": b, "se": float(fit.bse["ln_start"]), "p": float(fit.pvalues["ln_start"]),
            "ci_low": lo, "ci_high": hi,
            "r2": float(fit.rsquared), "n": int(fit.nobs), "speed": float(speed),
            "half_life": float(np.log(2) / speed) if speed > 0 else float("nan")}


def power(effect: float, se: float, alpha: float = 0.05) -> float:
    """Power of the two-sided z test (level ``alpha``) to reject β = 0 when the true β is ``effect`` and the
    estimate's standard error is ``se``: Φ(|effect|/se − z) + Φ(−|effect|/se − z), z = Φ⁻¹(1 − alpha/2).

    >>> round(power(0.0, 1.0), 3), round(power(2.8016, 1.0), 3)  # size; 2.80 se is the 80 % detectable effect
    (0.05, 0.8)
    """
    from scipy.stats import norm

    z = norm.ppf(1 - alpha / 2)
    d = abs(effect) / se
    return float(norm.cdf(d - z) + norm.cdf(-d - z))


def slope(years, values, level: float = 0.95) -> dict:
    """OLS slope of a yearly path on the year, with its t-based confidence interval (n − 2 degrees of freedom).

    The errors of a yearly path are serially correlated, so the interval is too narrow if anything: a slope whose
    interval spans 0 is no evidence of a trend, and one that excludes 0 is read with that caution.

    >>> r = slope([1, 2, 3, 4], [1.0, 3.0, 2.0, 4.0])  # b = Σ(x−x̄)(y−ȳ)/Σ(x−x̄)² = 4/5
    >>> round(r["slope"], 3), round(r["se"], 4)  # SSR = 1.8, s² = .9, se = √(.9/5)
    (0.8, 0.4243)
    """
    from scipy import stats

    x, y = np.asarray(years, dtype=float), np.asarray(values, dtype=float)
    if len(x) < 3:
        raise ValueError("a slope with a confidence interval needs at least three years")
    fit = stats.linregress(x, y)
    t = stats.t.ppf(0.5 + level / 2, len(x) - 2)
    out = {"slope": float(fit.slope), "se": float(fit.stderr), "ci_low": float(fit.slope - t * fit.stderr),
           "ci_high": float(fit.slope + t * fit.stderr), "p": float(fit.pvalue), "n": len(x)}
    return {**out, **ar1_interval(out["slope"], out["se"], y - fit.intercept - fit.slope * x, 2, level)}


def step_slope(years, values, step: int, level: float = 0.95) -> dict:
    """OLS of a yearly path on the year and a level-shift dummy 1[t ≥ step]: the common slope with its t-based
    interval (n − 3 degrees of freedom) and the shift. The change across the step is left to the dummy, so the
    slope is read from the years within each side only.

    >>> r = step_slope([1, 2, 3, 4, 5, 6], [3, 2, 1, 5, 4, 3], step=4)  # two parallel lines, slope −1, shift +5
    >>> round(r["slope"], 6), round(r["shift"], 6)
    (-1.0, 5.0)
    """
    from scipy import stats

    x, y = np.asarray(years, dtype=float), np.asarray(values, dtype=float)
    d = (x >= step).astype(float)
    if len(x) < 4 or d.sum() < 1 or d.sum() == len(x):
        raise ValueError("a slope with a level shift needs at least four years with the step inside them")
    a = np.column_stack([np.ones_like(x), x - x.mean(), d])
    coef, *_ = np.linalg.lstsq(a, y, rcond=None)
    resid = y - a @ coef
    dof = len(x) - 3
    cov = float((resid ** 2).sum()) / dof * np.linalg.inv(a.T @ a)
    se = float(np.sqrt(cov[1, 1]))
    t = stats.t.ppf(0.5 + level / 2, dof)
    b = float(coef[1])
    p = float(2 * stats.t.sf(abs(b) / se, dof)) if se > 0 else 0.0
    return {"slope": b, "se": se, "ci_low": b - t * se, "ci_high": b + t * se, "p": p, "n": len(x),
            "shift": float(coef[2]), **ar1_interval(b, se, resid, 3, level)}


def ar1_interval(b: float, se: float, resid, params: int, level: float = 0.95) -> dict:
    """The interval of a slope ``b`` (OLS standard error ``se``) widened for first-order serial correlation of
    the residuals by the effective sample size n_eff = n (1 − ρ) / (1 + ρ) (Santer et al. 2000, JGR 105:7337):
    the standard error is scaled by √((n − k) / (n_eff − k)) and the t quantile taken at n_eff − k degrees of
    freedom, k = ``params`` fitted coefficients. ρ is the residuals' lag-1 autocorrelation (statsmodels' acf); a
    negative ρ counts as 0, so the interval is never narrowed. With n_eff ≤ k the interval is unbounded.
    Keys: rho1, n_eff, ci_low_ar1, ci_high_ar1.

    >>> r = ar1_interval(1.0, 0.1, [1, 1, -2, -2, 1, 1], 2)  # ρ = (1 − 2 + 4 − 2 + 1) / 12 = 1/6
    >>> round(r["rho1"], 4), round(r["n_eff"], 4)  # n_eff = 6 · (5/6) / (7/6) = 30/7
    (0.1667, 4.2857)
    """
    from scipy import stats
    from statsmodels.tsa.stattools import acf

    e = np.asarray(resid, dtype=float)
    n = len(e)
    rho = float(acf(e, nlags=1, fft=False)[1]) if np.any(e != 0) else 0.0
    n_eff = n * (1 - max(rho, 0.0)) / (1 + max(rho, 0.0))
    if n_eff <= params:
        return {"rho1": rho, "n_eff": n_eff, "ci_low_ar1": -np.inf, "ci_high_ar1": np.inf}
    half = stats.t.ppf(0.5 + level / 2, n_eff - params) * se * np.sqrt((n - params) / (n_eff - params))
    return {"rho1": rho, "n_eff": n_eff, "ci_low_ar1": float(b - half), "ci_high_ar1": float(b + half)}


def hinge(years, values, min_side: int = 3) -> dict:
    """A continuous broken line y = a + b (t − k) + c·max(t − k, 0) fitted by least squares, the break year k
    chosen among the years that leave at least ``min_side`` years on each side: the slope before (b) and after
    (b + c) the break, and the break year.

    >>> hinge(range(2011, 2020), [5, 4, 3, 2, 1, 2, 3, 4, 5])["break"]
    2015
    """
    x, y = np.asarray(years, dtype=float), np.asarray(values, dtype=float)
    best = None
    for k in x[min_side - 1: len(x) - min_side + 1]:
        a = np.column_stack([np.ones_like(x), x - k, np.clip(x - k, 0, None)])
        coef, *_ = np.linalg.lstsq(a, y, rcond=None)
        ssr = float(((y - a @ coef) ** 2).sum())
        if best is None or ssr < best[0] - 1e-15:
            best = (ssr, int(k), coef)
    if best is None:
        raise ValueError(f"a break needs at least {2 * min_side - 1} years")
    ssr, k, (a0, b, c) = best
    return {"break": k, "slope_before": float(b), "slope_after": float(b + c), "ssr": ssr}
