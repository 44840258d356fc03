"""Regional structure of a score: Dagum's Gini decomposition, Theil's within/between split, σ- and β-convergence."""

from __future__ import annotations

import numpy as np
import pandas as pd


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
    """
    y = np.asarray(values, dtype=float)
    if (y <= 0).any():
        raise ValueError("Theil index needs positive values")
    g = np.asarray(groups)

    def t(v):
        r = v / v.mean()
        return float(np.mean(r * np.log(r)))

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
    import statsmodels.api as sm  # slow to import; only this function needs it

    y0, y1 = np.asarray(start, dtype=float), np.asarray(end, dtype=float)
    growth = (np.log(y1) - np.log(y0)) / years
    x = pd.DataFrame({"ln_start": np.log(y0)})
    if controls is not None:
        x = pd.concat([x, controls.reset_index(drop=True).astype(float)], axis=1)
    fit = sm.OLS(growth, sm.add_constant(x)).fit(cov_type="HC1")
    b = float(fit.params["ln_start"])
    speed = -np.log(1 + b * years) / years if 1 + b * years > 0 else float("nan")
    return {"beta": b, "se": float(fit.bse["ln_start"]), "p": float(fit.pvalues["ln_start"]),
            "r2": float(fit.rsquared), "n": int(fit.nobs), "speed": float(speed),
            "half_life": float(np.log(2) / speed) if speed > 0 else float("nan")}
