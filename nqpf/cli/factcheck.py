"""Fact-check subcommand (appendix 附录：事实核查, book/factcheck.md).

    python -m nqpf factcheck [--kind arithmetic|count|across|outside|plausibility] [--summary] [--format csv|json]
"""

from __future__ import annotations

from nqpf.analysis import factcheck
from nqpf.cli import add_format


def _factcheck(args):
    rows = factcheck.run(args.kind)
    return factcheck.summary(rows) if args.summary else rows


def register(sub):
    p = sub.add_parser("factcheck", help="computed checks of the seeds' own numbers, each with a verdict")
    p.add_argument("--kind", choices=list(factcheck.KINDS), help="only one kind of check")
    p.add_argument("--summary", action="store_true", help="count verdicts by kind instead of listing the checks")
    add_format(p)
    p.set_defaults(func=_factcheck)
