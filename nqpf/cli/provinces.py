"""``python -m nqpf provinces ACTION``: the provincial chapter's cleaning, index and robustness as JSON or CSV."""

from __future__ import annotations

from nqpf.analysis import provinces as pv
from nqpf.analysis.provinces import method as mth
from nqpf.cli import add_format
from nqpf.core.errors import UsageError

ACTIONS = ("panel", "index", "weights", "robustness", "system", "checks", "misreadings", "gdp", "imputed",
           "normalisation", "regional", "convergence")


def _records(df):
    return df.to_dict(orient="records")


def _run(args):
    a = args.action
    if a == "panel":
        return pv.panel()
    if a == "index":
        out = pv.index(args.method, args.aggregate, args.year if args.year is not None else pv.YEARS[-1])
        return out[["province", "score", "rank"]]
    if a == "weights":
        return pv.weights(args.method)[["indicator", "weight"]]
    if a == "robustness":
        r = pv.robustness(args.year if args.year is not None else pv.YEARS[-1])
        if args.format == "csv":
            return r["ranges"]
        return {"summary": r["summary"], "pairs": _records(r["pairs"]), "ranges": _records(r["ranges"]),
                "leave_one_out": _records(r["leave_one_out"])}
    if a == "system":
        return pv.system()
    if a == "checks":
        return pv.checks()
    if a == "misreadings":
        return pv.misreadings()
    if a == "gdp":
        return pv.gdp()
    if a == "imputed":
        return pv.imputed()
    if a == "normalisation":
        return pv.normalisation_effect(args.method, args.aggregate)
    if a == "regional":
        return pv.inequality(args.method, args.aggregate)
    if a == "convergence":
        if args.format == "csv":
            raise UsageError("convergence prints JSON only (use --format json)")
        return pv.convergence(args.method, args.aggregate)
    raise UsageError(f"unknown action '{a}'")  # unreachable: argparse checks choices


def register(sub):
    p = sub.add_parser("provinces", help="provincial S&T index: cleaned panel, index, weights, robustness",
                       description="A provincial index of the S&T core of new quality productive forces "
                                   "(31 provinces, 2011-2023) under four weightings and two aggregations.")
    p.add_argument("action", choices=ACTIONS,
                   help="panel: cleaned long panel; index: province, score, rank in one year; weights: indicator "
                        "weights; robustness: agreement between the eight methods; the rest: the chapter's tables")
    p.add_argument("--method", choices=mth.WEIGHTINGS, default="entropy", help="weighting (default entropy)")
    p.add_argument("--aggregate", choices=mth.AGGREGATIONS, default="weighted",
                   help="aggregation (default weighted sum)")
    p.add_argument("--year", type=int, default=None,
                   help=f"year for index and robustness ({pv.YEARS[0]}-{pv.YEARS[-1]}; default {pv.YEARS[-1]})")
    add_format(p)
    p.set_defaults(func=_run)
