"""``python -m nqpf SUBCOMMAND``: every calculation the book shows, as JSON or CSV.

Chapters add a module to ``COMMANDS``; each has ``register(subparsers)`` that adds its subcommand and sets
``func`` (``args -> object``). Objects are printed as JSON, DataFrames as CSV or JSON (``--format``).
Bad arguments and bad data end with one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import json
import math
import sys

import pandas as pd

from nqpf.core.errors import DataError, NqpfError

# Modules that register subcommands; chapters append theirs here.
COMMANDS = ["nqpf.cli.core", "nqpf.cli.tfp", "nqpf.cli.reader", "nqpf.cli.digital", "nqpf.cli.industries", "nqpf.cli.concept", "nqpf.cli.factcheck",
            "nqpf.cli.corpus", "nqpf.cli.policy"]


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, not argparse's usage block
        raise NqpfError(f"{self.prog}: {message}")


def add_format(parser, default: str = "json") -> None:
    """The output format option every subcommand shares."""
    parser.add_argument("--format", choices=["json", "csv"], default=default)


def _clean(obj):
    """JSON-safe: NaN becomes null, numpy scalars become Python numbers."""
    if isinstance(obj, dict):
        return {str(k): _clean(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_clean(v) for v in obj]
    if hasattr(obj, "item") and not isinstance(obj, (str, bytes)):
        obj = obj.item()
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    return obj


def emit(result, fmt: str = "json", out=None) -> None:
    out = out or sys.stdout
    if isinstance(result, pd.DataFrame):
        if fmt == "csv":
            result.to_csv(out, index=False, lineterminator="\n")
            return
        result = result.to_dict(orient="records")
    json.dump(_clean(result), out, ensure_ascii=False, indent=2)
    out.write("\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m nqpf", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", metavar="SUBCOMMAND", parser_class=_Parser)
    sub.required = True
    for name in COMMANDS:
        importlib.import_module(name).register(sub)
    return parser


def main(argv=None) -> int:
    try:
        args = build_parser().parse_args(argv)
        result = args.func(args)
        if result is not None:
            emit(result, getattr(args, "format", "json"))
        return 0
    except DataError as exc:
        print(f"nqpf: data error: {exc}", file=sys.stderr)
        return 3
    except NqpfError as exc:
        print(f"nqpf: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
