"""``python -m nqpf provinces ACTION``: the provincial chapter's cleaning, index, robustness and regional gaps as
JSON or CSV."""

from __future__ import annotations

from nqpf.analysis import provinces as pv
from nqpf.analysis.provinces import method as mth
from nqpf.analysis.provinces import montecarlo as mc
from nqpf.cli import add_actions, add_format, positive_int
from nqpf.core.errors import UsageError


def _year(args):
    return args.year if args.year is not None else pv.YEARS[-1]


def _exclude(args):
    return (pv.BEIJING,) if getattr(args, "without_beijing", False) else ()


def _robustness(args):
    r = pv.robustness(_year(args))
    if args.format == "csv":  # the per-province table; the rest is nested
        return r["ranges"]
    return {"summary": r["summary"], "pairs": r["pairs"].to_dict(orient="records"),
            "ranges": r["ranges"].to_dict(orient="records"),
            "leave_one_out": r["leave_one_out"].to_dict(orient="records")}


def _montecarlo(args):
    drop = ",".join(mc.TECH_MARKET) if args.without_tech_market else None
    return mc.rank_percentiles(_year(args), args.draws, args.seed, args.aggregate, _exclude(args), drop)


def _convergence(args):
    start, end = args.start or pv.YEARS[0], args.end or pv.YEARS[-1]
    return pv.convergence(args.method, args.aggregate, start, end, _exclude(args), args.gdp_basis)


def _subperiods(args):
    if args.start is None and args.end is None:
        periods = pv.PERIODS
    else:
        start, end = args.start or pv.YEARS[0], args.end or pv.YEARS[-1]
        if end - start < 2:
            raise UsageError("a trend needs at least three years (--end at least --start + 2)")
        periods = ((start, end),)
    return pv.path_trend(args.method, args.aggregate, _exclude(args), periods=periods, basis=args.gdp_basis)


def _break_trends(args):
    measures = tuple(args.measure) if args.measure else pv.GAP_MEASURES
    return pv.break_trends(args.method, args.aggregate, _exclude(args), measures)


# action: (help, options it takes, function)
ACTIONS = {
    "panel": ("the cleaned long panel: province, year, indicator, value, unit (31 provinces)", (),
              lambda a: pv.panel()),
    "index": ("province, score, rank in one year (31 rows)", ("method", "aggregate", "year", "beijing", "basis"),
              lambda a: pv.index(a.method, a.aggregate, _year(a), exclude=_exclude(a), basis=a.gdp_basis)[
                  ["province", "score", "rank"]]),
    "weights": ("indicator, weight (|weights| sum to 1; a PCA weight keeps its loading's sign)", ("method",),
                lambda a: pv.weights(a.method)[["indicator", "weight"]]),
    "robustness": ("rank agreement of the eight methods, rank ranges, leave-one-indicator-out", ("year",),
                   _robustness),
    "montecarlo": ("rank percentiles (5th, 50th, 95th) over random Dirichlet weights: province, rank_p05, "
                   "rank_p50, rank_p95", ("aggregate", "year", "beijing", "draws"), _montecarlo),
    "system": ("the indicator system", (), lambda a: pv.system()),
    "checks": ("provinces' sum against the national total, wherever the file has one", (), lambda a: pv.checks()),
    "misreadings": ("each misread province name found in the file", (), lambda a: pv.misreadings()),
    "gdp": ("provincial GDP, DERIVED as R&D expenditure / R&D intensity", (), lambda a: pv.gdp()),
    "imputed": ("cells filled by interpolation or read as zero (ESTIMATE)", (), lambda a: pv.imputed()),
    "normalisation": ("whole-panel against per-year scaling, by year", ("method", "aggregate"),
                      lambda a: pv.normalisation_effect(a.method, a.aggregate)),
    "regional": ("Dagum Gini decomposition, Theil, coefficient of variation, by year", ("method", "aggregate",
                                                                                        "beijing", "basis"),
                 lambda a: pv.inequality(a.method, a.aggregate, _exclude(a), a.gdp_basis)),
    "subperiods": ("OLS slope per year (95% CI) of each gap measure over 2011-2023, 2011-2017 and 2017-2023 "
                   "(or --start/--end), with the best single break", ("method", "aggregate", "beijing", "span",
                                                                      "basis"),
                   _subperiods),
    "convergence": ("sigma and beta convergence of the score, beta with its 95% CI; the conditional test's power",
                    ("method", "aggregate", "beijing", "span", "basis"), _convergence),
    "trend": ("Gini, between-region share and CV (first, last, slope with 95% CI) and absolute beta under each of "
              "the eight methods", ("beijing",), lambda a: pv.trend_by_method(exclude=_exclude(a))),
    "gdp-break": (f"the derived GDP's break at the census ({pv.BREAK_YEAR}): GDP before and at the break, change (%), "
                  "national growth and the splice factor, by province", (), lambda a: pv.gdp_break()),
    "gdp-revisions": (f"provincial level revisions before the census: one-year falls of the derived GDP of more than "
                      f"{pv.REVISION_FALL_PCT}%, with the splice factor of --gdp-basis spliced-all", (),
                      lambda a: pv.level_revisions()),
    "break-trends": ("OLS slope per year (95% CI) of Gini, Theil and CV (or --measure) under six treatments of the "
                     "census break in GDP: as published, level-shift dummy, spliced GDP, spliced GDP with the earlier "
                     "provincial revisions, before and after the break; with the lag-1 autocorrelation of the "
                     "residuals and the interval widened for it (effective sample size)",
                     ("method", "aggregate", "beijing", "measure"), _break_trends),
    "rd2024": ("2024 R&D expenditure and intensity by province (NBS bulletin), the restated 2023 intensity "
               "against the panel's 2023", (), lambda a: _rd2024()),
}


def _rd2024():
    from nqpf.analysis.provinces import rd2024

    return rd2024.comparison()


def register(sub):
    p = sub.add_parser("provinces", help="provincial S&T index: cleaned panel, index, weights, robustness, gaps",
                       description="A provincial index of the S&T core of new quality productive forces "
                                   "(31 provinces, 2011-2023) under four weightings and two aggregations.")
    actions = add_actions(p)
    for name, (text, options, func) in ACTIONS.items():
        a = actions.add_parser(name, help=text.replace("%", "%%"), description=text)  # argparse %-formats help
        if "method" in options:
            a.add_argument("--method", choices=mth.WEIGHTINGS, default="entropy", help="weighting (default entropy)")
        if "aggregate" in options:
            a.add_argument("--aggregate", choices=mth.AGGREGATIONS, default="weighted",
                           help="aggregation (default weighted sum)")
        if "year" in options:
            a.add_argument("--year", type=int, default=None,
                           help=f"{pv.YEARS[0]}-{pv.YEARS[-1]} (default {pv.YEARS[-1]})")
        if "beijing" in options:
            a.add_argument("--without-beijing", action="store_true",
                           help="leave Beijing out before scaling and weighting (30 provinces)")
        if "span" in options:
            a.add_argument("--start", type=int, default=None, help=f"first year (default {pv.YEARS[0]})")
            a.add_argument("--end", type=int, default=None, help=f"last year (default {pv.YEARS[-1]})")
        if "basis" in options:
            a.add_argument("--gdp-basis", choices=list(pv.BASES), default="published",
                           help=f"provincial GDP of the GDP ratios: as published (default) or spliced at the "
                                f"{pv.BREAK_YEAR} census break")
        if "measure" in options:
            a.add_argument("--measure", choices=list(pv.MEASURES), action="append", default=None,
                           help="a gap measure (repeatable; default gini, theil and cv)")
        if "draws" in options:
            a.add_argument("--draws", type=positive_int, default=mc.DRAWS,
                           help=f"number of Dirichlet weight draws (default {mc.DRAWS})")
            a.add_argument("--seed", type=int, default=mc.SEED, help=f"random seed (default {mc.SEED})")
            a.add_argument("--without-tech-market", action="store_true",
                           help="leave out the two technology-market indicators (gross contract turnover)")
        add_format(a)
        a.set_defaults(func=func)
