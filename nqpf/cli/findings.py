"""`python -m nqpf findings ACTION`: the register of the book's findings, each with a computed verdict.

    python -m nqpf findings list --format json     # every finding with its specifications and verdict
    python -m nqpf findings list --format csv      # one row per finding
    python -m nqpf findings show tfp-share-after-2013
"""

from __future__ import annotations

from nqpf.analysis import findings
from nqpf.cli import add_format
from nqpf.core.errors import UsageError


def _run(args):
    if args.action == "list":
        fs = findings.register(args.topic)
        return findings.table(fs) if args.format == "csv" else [f.record() for f in fs]
    if not args.id:
        raise UsageError("findings show needs an ID (see `python -m nqpf findings list --format csv`)")
    f = findings.get(args.id)
    if args.format == "csv":
        return findings.table([f])
    return f.record()


def register(sub):
    p = sub.add_parser("findings", help="the book's findings, each with its specifications and computed verdict",
                       description="list: every finding; show ID: one finding with every specification")
    p.add_argument("action", choices=["list", "show"])
    p.add_argument("id", nargs="?", help="for show: the finding's id")
    p.add_argument("--topic", help="for list: one topic module (tfp, provinces, policy, world, digital, …)")
    add_format(p)
    p.set_defaults(func=_run)
