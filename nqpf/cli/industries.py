"""``python -m nqpf industries ACTION``: the three-industries chapter's calculations as JSON or CSV."""

from __future__ import annotations

import pandas as pd

from nqpf.analysis import industries
from nqpf.analysis import industries_facts as industry_facts
from nqpf.cli import add_format, add_percentages

ACTIONS = ("scenarios", "targets", "matrix", "disagreements", "lists", "wording", "pace", "doubling", "low-altitude",
           "mentions", "share", "traditional", "facts")  # argparse choices; each is handled in _run


def _share(args):
    return pd.concat([industries.sei_share().assign(kind="data"),
                      industries.sei_targets().assign(kind="target")], ignore_index=True)


def _pace(args):
    return {"past": industries.historical_pace(),
            "extrapolation": industries.extrapolate(args.base_share, args.target_share, args.base_year,
                                                    args.target_year)}


_SIMPLE = {"matrix": industries.membership, "disagreements": industries.disagreements,
           "lists": industries.list_counts, "wording": industries.fyp14_wording,
           "doubling": industries.doubling_check, "low-altitude": industries.low_altitude,
           "mentions": industries.mentions, "traditional": industries.traditional_evidence,
           "targets": industries.target_specifications, "facts": industry_facts.facts}


def _run(args):
    if args.action == "scenarios":
        return industries.scenarios(args.gdp_growth, args.base_share, args.target_share,
                                    args.base_year, args.target_year)
    if args.action == "pace":
        return _pace(args)
    if args.action == "share":
        return _share(args)
    return _SIMPLE[args.action]()


def register(sub):
    p = sub.add_parser("industries", help="three industry categories: SEI share scenarios, membership matrix",
                       description="SEI share of GDP and the 2025 target under nominal GDP growth scenarios; "
                                   "the industry x seed membership matrix and the seeds' disagreements.")
    p.add_argument("action", choices=ACTIONS,
                   help="what to print (scenarios: required SEI value-added growth; targets: the 2025 target "
                        "under every specification of the finding sei-target-2025)")
    add_percentages(p, "--gdp-growth", "nominal GDP growth scenarios in %% a year, 3 5 7.9 or 3,5,7.9 (default: "
                                       "3, 5, the 2023 nominal outturn, the 2015-2023 average, the realised "
                                       "2024-2025 growth and 9; standard GDP series)")
    p.add_argument("--base-share", type=float, default=None, help="SEI share in the base year, %% of GDP (default 13)")
    p.add_argument("--target-share", type=float, default=None, help="target share, %% of GDP (default 17)")
    p.add_argument("--base-year", type=int, default=2023)
    p.add_argument("--target-year", type=int, default=2025)
    add_format(p)
    p.set_defaults(func=_run)
