"""2025 targets scored against published outcomes (appendix 2025 年目标的结果, book/outcomes.md).

    python -m nqpf outcomes score [--format json|csv]
    python -m nqpf outcomes list [--indicator NAME] [--kind outcome|target|projection] [--format json|csv]
    python -m nqpf outcomes rd-bulletin national|industries|provinces [--format json|csv]
"""

from __future__ import annotations

from nqpf.analysis import outcomes, rd_bulletin
from nqpf.cli import add_actions, add_format
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
