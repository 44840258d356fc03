"""Fact-check subcommand (appendix 附录：事实核查, book/factcheck.md).

    python -m nqpf factcheck checks|summary [--kind arithmetic|count|across|outside|plausibility] [--format csv|json]
    python -m nqpf factcheck facts [--format csv|json]     # every value the appendix prints
"""

from __future__ import annotations

from nqpf.analysis import factcheck
from nqpf.cli import add_actions, add_format


def _checks(args):
    return factcheck.run(args.kind)


def _summary(args):
    return factcheck.summary(factcheck.run(args.kind))


def _facts(args):
    return factcheck.facts()


def register(sub):
    actions = add_actions(sub.add_parser("factcheck", help="computed checks of the seeds' own numbers"))
    for name, func, help in (("checks", _checks, "every check with its verdict"),
                             ("summary", _summary, "verdicts counted by kind")):
        p = actions.add_parser(name, help=help)
        p.add_argument("--kind", choices=list(factcheck.KINDS), help="only one kind of check (only those are computed)")
        add_format(p)
        p.set_defaults(func=func)
    p = actions.add_parser("facts", help="every value the appendix prints (verdict counts, the figures it cites)")
    add_format(p)
    p.set_defaults(func=_facts)
