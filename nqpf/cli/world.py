"""`python -m nqpf world ACTION`: the international comparison (book/world.md) and the standard GDP series.

    python -m nqpf world china-gdp --format csv      # year, value, unit, vintage (value in 亿元)
"""

from __future__ import annotations

from nqpf.analysis import world
from nqpf.cli import add_format
from nqpf.core.errors import UsageError

ACTIONS = {
    "china-gdp": "the book's standard nominal GDP series for China (亿元, WDI = NBS latest vintage)",
}


def _run(args):
    a = args.action
    if a == "china-gdp":
        return world.china_gdp().round({"value": 1})
    raise UsageError(f"unknown action {a}")  # argparse's choices make this unreachable


def register(sub):
    p = sub.add_parser("world", help="international comparison (WDI) and the standard GDP series",
                       description="; ".join(f"{k}: {v}" for k, v in ACTIONS.items()))
    p.add_argument("action", choices=list(ACTIONS))
    add_format(p)
    p.set_defaults(func=_run)
