"""2025 targets scored against published outcomes (appendix 2025 年目标的结果, book/outcomes.md).

    python -m nqpf outcomes score [--format json|csv]
    python -m nqpf outcomes list [--indicator NAME] [--kind outcome|target|projection] [--format json|csv]
    python -m nqpf outcomes rd-bulletin national|industries|provinces [--format json|csv]
    python -m nqpf outcomes targets --plan 14|15 [--gdp-growth 4 5 6] [--format json|csv]
    python -m nqpf outcomes gdp-growth [--from 2024] [--to 2025]      # realised nominal GDP growth (JSON)
    python -m nqpf outcomes rd-final                                  # 2024 R&D as its communiqué gives it (JSON)
    python -m nqpf outcomes facts                                     # every number the appendix prints (JSON)
"""

from __future__ import annotations

from nqpf.analysis import outcomes, rd_bulletin
from nqpf.analysis.outcomes import facts as outcome_facts
from nqpf.cli import add_actions, add_format, add_percentages
from nqpf.core.errors import UsageError


def _list(args):
    df = outcomes.table()
    if args.indicator:
        if args.indicator not in set(df["indicator"]):
            raise UsageError(f"unknown indicator '{args.indicator}' (known: {', '.join(sorted(set(df['indicator'])))})")
        df = df[df["indicator"] == args.indicator]
    if args.kind:
        df = df[df["kind"] == args.kind]
    return df.reset_index(drop=True)


def _targets(args):
    if args.plan == 14:
        if args.gdp_growth:
            raise UsageError("--gdp-growth is for --plan 15 (the 14th plan's targets are scored, not projected)")
        return outcomes.score()
    return outcomes.fyp15_requirements(args.gdp_growth or outcomes.FYP15_GDP_SCENARIOS)


def _gdp_growth(args):
    if args.end < args.start:
        raise UsageError(f"--to must not come before --from ({args.start}->{args.end})")
    return outcomes.realised_gdp_growth(args.start, args.end)


def register(sub):
    actions = add_actions(sub.add_parser("outcomes", help="2025 targets against the outcomes published in 2024-2026"))
    a = actions.add_parser("score", help="each target: outcome, gap, status (met/missed/not published), confidence")
    add_format(a, "csv")
    a.set_defaults(func=lambda args: outcomes.score())
    a = actions.add_parser("list", help="the tidy rows of cn_outcomes_2023_2025 with their quotes")
    a.add_argument("--indicator")
    a.add_argument("--kind", choices=["outcome", "target", "projection"])
    add_format(a, "csv")
    a.set_defaults(func=_list)
    a = actions.add_parser("rd-bulletin", help="the 2024 R&D communiqué (NBS/MOST/MOF, 2025-09-29), parsed")
    a.add_argument("table", choices=["national", "industries", "provinces"])
    add_format(a, "csv")
    a.set_defaults(func=lambda args: getattr(rd_bulletin, args.table)())
    a = actions.add_parser("targets", help="--plan 14: the 2025 targets scored; --plan 15: what each 2030 target "
                                           "requires (targets, not outcomes)")
    a.add_argument("--plan", type=int, choices=[14, 15], default=15)
    add_percentages(a, "--gdp-growth", "for --plan 15: nominal GDP growth scenarios, %% a year (4 5 6 or 4,5,6)")
    add_format(a, "csv")
    a.set_defaults(func=_targets)
    a = actions.add_parser("gdp-growth", help="realised nominal GDP growth over growth years --from..--to "
                                              "(standard series, one vintage)")
    a.add_argument("--from", dest="start", type=int, default=2024)
    a.add_argument("--to", dest="end", type=int, default=2025)
    add_format(a)
    a.set_defaults(func=_gdp_growth)
    a = actions.add_parser("facts", help="every number the appendix prints, by glue name (JSON)")
    add_format(a)
    a.set_defaults(func=lambda args: outcome_facts.facts())
    a = actions.add_parser("rd-final", help="2024 R&D as the communiqué of 2025-09-29 gives it")
    add_format(a)
    a.set_defaults(func=lambda args: outcomes.rd_final())
