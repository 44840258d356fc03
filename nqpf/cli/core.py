"""Foundation subcommands: data files and the seed corpus."""

from __future__ import annotations

from nqpf.cli import add_actions, add_format
from nqpf.core import data, seeds


def _data(args):
    if args.action == "list":
        return data.catalogue()
    if args.action == "validate":
        if args.name:
            df = data.validate(data.resolve(args.name))
            return {"file": args.name, "rows": len(df), "ok": True}
        return data.validate_all()
    if args.action == "show":
        if not args.name:
            raise data.UsageError("data show needs a file name")
        return data.load(args.name)


def _seeds(args):
    return seeds.summary()


def register(sub):
    p = sub.add_parser("data", help="list, validate or show the data files")
    p.add_argument("action", choices=["list", "validate", "show"])
    p.add_argument("name", nargs="?", help="file name, e.g. cn_nominal_gdp")
    add_format(p)
    p.set_defaults(func=_data)
    p = add_actions(sub.add_parser("seeds", help="the seed corpus")).add_parser(
        "list", help="the seed files: dates, scripts, sizes")
    add_format(p)
    p.set_defaults(func=_seeds)
