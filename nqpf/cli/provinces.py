"""``python -m nqpf provinces ACTION``: the provincial chapter's cleaning, index and robustness as JSON or CSV."""

from __future__ import annotations

from nqpf.analysis import provinces as pv
from nqpf.analysis.provinces import method as mth
from nqpf.cli import add_actions, add_format


def _year(args):
    return args.year if args.year is not None else pv.YEARS[-1]


def _robustness(args):
    r = pv.robustness(_year(args))
    if args.format == "csv":  # the per-province table; the rest is nested
        return r["ranges"]
    return {"summary": r["summary"], "pairs": r["pairs"].to_dict(orient="records"),
            "ranges": r["ranges"].to_dict(orient="records"),
            "leave_one_out": r["leave_one_out"].to_dict(orient="records")}


# action: (help, options it takes, function)
ACTIONS = {
    "panel": ("the cleaned long panel: province, year, indicator, value, unit (31 provinces)", (),
              lambda a: pv.panel()),
    "index": ("province, score, rank in one year (31 rows)", ("method", "aggregate", "year"),
              lambda a: pv.index(a.method, a.aggregate, _year(a))[["province", "score", "rank"]]),
    "weights": ("indicator, weight (summing to 1)", ("method",),
                lambda a: pv.weights(a.method)[["indicator", "weight"]]),
    "robustness": ("rank agreement of the eight methods, rank ranges, leave-one-indicator-out", ("year",),
                   _robustness),
    "system": ("the indicator system", (), lambda a: pv.system()),
    "checks": ("provinces' sum against the national total, wherever the file has one", (), lambda a: pv.checks()),
    "misreadings": ("each misread province name found in the file", (), lambda a: pv.misreadings()),
    "gdp": ("provincial GDP, DERIVED as R&D expenditure / R&D intensity", (), lambda a: pv.gdp()),
    "imputed": ("cells filled by interpolation or read as zero (ESTIMATE)", (), lambda a: pv.imputed()),
    "normalisation": ("whole-panel against per-year scaling, by year", ("method", "aggregate"),
                      lambda a: pv.normalisation_effect(a.method, a.aggregate)),
    "regional": ("Dagum Gini decomposition, Theil, coefficient of variation, by year", ("method", "aggregate"),
                 lambda a: pv.inequality(a.method, a.aggregate)),
    "convergence": ("sigma and beta convergence of the score", ("method", "aggregate"),
                    lambda a: pv.convergence(a.method, a.aggregate)),
    "trend": ("first and last year's Gini, between-region share, CV and absolute beta under each of the eight "
              "methods", (), lambda a: pv.trend_by_method()),
}


def register(sub):
    p = sub.add_parser("provinces", help="provincial S&T index: cleaned panel, index, weights, robustness",
                       description="A provincial index of the S&T core of new quality productive forces "
                                   "(31 provinces, 2011-2023) under four weightings and two aggregations.")
    actions = add_actions(p)
    for name, (text, options, func) in ACTIONS.items():
        a = actions.add_parser(name, help=text, description=text)
        if "method" in options:
            a.add_argument("--method", choices=mth.WEIGHTINGS, default="entropy", help="weighting (default entropy)")
        if "aggregate" in options:
            a.add_argument("--aggregate", choices=mth.AGGREGATIONS, default="weighted",
                           help="aggregation (default weighted sum)")
        if "year" in options:
            a.add_argument("--year", type=int, default=None,
                           help=f"{pv.YEARS[0]}-{pv.YEARS[-1]} (default {pv.YEARS[-1]})")
        add_format(a)
        a.set_defaults(func=func)
