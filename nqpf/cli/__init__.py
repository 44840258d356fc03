"""``python -m nqpf TOPIC ACTION [options]``: every calculation the book shows, as JSON or CSV.

Chapters add a module to ``COMMANDS``; each has ``register(subparsers)`` that adds its TOPIC, one ACTION per
calculation (:func:`add_actions`, or an ``action`` argument with choices) and sets ``func`` (``args -> object``).
Objects are printed as JSON, DataFrames as CSV or JSON (``--format``; a dict prints as one CSV row).
Old spellings (``tfp-grid``, ``timeline``, a topic without its action) still work for one release: :func:`modernise`
rewrites them and says so in one line on stderr.
Bad arguments and bad data end with one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import csv
import importlib
import json
import math
import sys

from nqpf.core.errors import DataError, NqpfError, UsageError

__all__ = ["COMMANDS", "EXTRAS", "TOPICS", "Rows", "add_actions", "add_format", "add_percentages", "build_parser",
           "emit", "main", "modernise", "positive_int"]

# The module that registers each TOPIC; chapters add theirs here. Only the named topic's module is imported
# (`python -m nqpf corpus frequencies` starts without pandas); an unknown topic or --help imports them all.
TOPICS = {
    "data": "nqpf.cli.core", "seeds": "nqpf.cli.core", "tfp": "nqpf.cli.tfp", "book": "nqpf.cli.reader",
    "digital": "nqpf.cli.digital", "industries": "nqpf.cli.industries", "concept": "nqpf.cli.concept",
    "factcheck": "nqpf.cli.factcheck", "corpus": "nqpf.cli.corpus", "claims": "nqpf.cli.claims",
    "world": "nqpf.cli.world", "outcomes": "nqpf.cli.outcomes", "provinces": "nqpf.cli.provinces",
    "policy": "nqpf.cli.policy", "findings": "nqpf.cli.findings",
}
COMMANDS = list(dict.fromkeys(TOPICS.values()))


# Modules of pyproject.toml's optional extras, and the extra that installs each.
EXTRAS = {"rjieba": "text", "dask": "text", "distributed": "text", "jupytext": "book", "jupyter_cache": "book",
          "myst_nb": "book", "nbformat": "book", "nbclient": "book", "sphinx": "book", "frictionless": "dev"}


class Rows(list):
    """Rows (dicts) with their column names: a table printed as CSV or JSON without loading pandas."""

    def __init__(self, rows, columns):
        super().__init__(rows)
        self.columns = list(columns)


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, not argparse's usage block
        raise NqpfError(f"{self.prog}: {message}")


def positive_int(value: str) -> int:
    """An argparse type: a whole number of at least 1 (``--k 10``, ``--top 30``)."""
    try:
        n = int(value)
    except ValueError:
        raise UsageError(f"expected a whole number, not {value!r}") from None
    if n < 1:
        raise UsageError(f"expected a number of at least 1, not {n}")
    return n


def add_format(parser, default: str = "json") -> None:
    """The output format option every subcommand shares."""
    parser.add_argument("--format", choices=["json", "csv"], default=default)


def add_actions(topic: argparse.ArgumentParser):
    """The ACTION level of ``python -m nqpf TOPIC ACTION``: returns the subparsers to add each action to."""
    actions = topic.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    actions.required = True
    return actions


class _Percentages(argparse.Action):
    """Percentages written ``4 6 8``, ``4,6,8`` or ``4% 6%``: one list of floats whichever way."""

    def __call__(self, parser, namespace, values, option_string=None):
        out = []
        for value in values:
            for part in str(value).split(","):
                part = part.strip().rstrip("%")
                if not part:
                    continue
                try:
                    out.append(float(part))
                except ValueError:
                    raise UsageError(f"{option_string} takes percentages such as 4 6 8 or 4,6,8, "
                                     f"not '{value}'") from None
        if not out:
            raise UsageError(f"{option_string} needs at least one percentage")
        setattr(namespace, self.dest, out)


def add_percentages(parser, option: str, help: str) -> None:
    """An option taking one or more percentages (``--gdp-growth 4 6 8`` or ``--gdp-growth 4,6,8``)."""
    parser.add_argument(option, nargs="+", action=_Percentages, metavar="PCT", help=help)


# Spellings before the one TOPIC ACTION grammar; they work for one more release, with a note on stderr.
RENAMED = {
    "tfp-annual": ["tfp", "annual"], "tfp-grid": ["tfp", "grid"], "tfp-compare": ["tfp", "compare"],
    "tfp-published": ["tfp", "published"], "tfp-levels": ["tfp", "levels"], "tfp-check": ["tfp", "check"],
    "timeline": ["concept", "timeline"], "notebooks": ["book", "notebooks"], "catalogue": ["book", "catalogue"],
}
# Topics whose action used to be implied, or chosen by a flag.
IMPLIED_ACTION = {"tfp": "decompose", "concept": "structure", "factcheck": "checks", "claims": "list", "seeds": "list"}
FLAG_ACTION = {("factcheck", "--summary"): "summary", ("claims", "--counts"): "counts",
               ("claims", "--evaluate"): "evaluate"}
DROPPED = {("tfp", "--json")}  # JSON is the default; --format json says it


def modernise(argv: list[str]) -> tuple[list[str], str | None]:
    """An old spelling rewritten to ``TOPIC ACTION [options]``, with the deprecation note (None if current)."""
    if not argv:
        return argv, None
    new = list(argv)
    if new[0] in RENAMED:
        new = RENAMED[new[0]] + new[1:]
    elif new[0] in IMPLIED_ACTION and (len(new) == 1 or new[1].startswith("-")) and \
            not {"-h", "--help"} & set(new[1:2]):
        topic, rest = new[0], new[1:]
        action = IMPLIED_ACTION[topic]
        for (t, flag), act in FLAG_ACTION.items():
            if t == topic and flag in rest:
                rest.remove(flag)
                action = act
        new = [topic, action, *rest]
    new = [a for a in new if (new[0], a) not in DROPPED]
    if new == list(argv):
        return new, None
    return new, (f"nqpf: deprecated: 'python -m nqpf {' '.join(argv)}' is now 'python -m nqpf {' '.join(new)}'; "
                 "the old spelling will be removed in the next release")


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
    if isinstance(result, Rows) and fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=result.columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(_clean(list(result)))
        return
    if isinstance(result, dict) and fmt == "csv":  # one row; nested keys as a.b columns
        import pandas as pd

        result = pd.json_normalize(_clean(result), sep=".")
    pd = sys.modules.get("pandas")  # a DataFrame exists only if pandas was imported
    if pd is not None and isinstance(result, pd.DataFrame):
        if fmt == "csv":
            result.to_csv(out, index=False, lineterminator="\n")
            return
        result = result.to_dict(orient="records")
    json.dump(_clean(result), out, ensure_ascii=False, indent=2)
    out.write("\n")


def build_parser(topic: str | None = None) -> argparse.ArgumentParser:
    """The parser of every topic, or of ``topic`` alone when it is one (the others are not imported)."""
    parser = _Parser(prog="python -m nqpf", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", metavar="TOPIC", parser_class=_Parser)
    sub.required = True
    for name in [TOPICS[topic]] if topic in TOPICS else COMMANDS:
        importlib.import_module(name).register(sub)
    return parser


def main(argv=None) -> int:
    try:
        argv, note = modernise(sys.argv[1:] if argv is None else list(argv))
        if note:
            print(note, file=sys.stderr)
        args = build_parser(argv[0] if argv else None).parse_args(argv)
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
    except ModuleNotFoundError as exc:  # an optional dependency (pyproject.toml's extras) is not installed
        top = (exc.name or "").split(".")[0]
        extra = EXTRAS.get(top)
        if extra is None:
            raise
        print(f"nqpf: error: this command needs {top}, which is not installed: pip install 'nqpf[{extra}]'",
              file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
