"""Concept and policy-timeline subcommands (chapter 概念与政策脉络, book/concept.md).

    python -m nqpf concept timeline [--category nqpf|ai|digital|...] [--format csv|json]
    python -m nqpf concept structure [--section numbers|factors|xin_zhi] [--format csv|json]
    python -m nqpf concept rd [--first 2013 --last 2023] [--format csv|json]
"""

from __future__ import annotations

from nqpf.analysis import concept
from nqpf.cli import add_actions, add_format
from nqpf.core.errors import UsageError


def _timeline(args):
    df = concept.timeline(args.category)
    return df[["date", "precision", "date_as_written", "category", "event", "seed_ref"]]


def _concept(args):
    df = concept.structure(args.section)
    return df[["section", "key", "label", "count", "text", "text_simplified", "items", "seed_ref", "note"]]


def _rd(args):
    if args.first is None and args.last is None:
        return concept.rd_table()
    if args.first is None or args.last is None:
        raise UsageError("--first and --last go together (growth years, e.g. --first 2021 --last 2023)")
    return {"first": args.first, "last": args.last, "base": args.first - 1,
            "rd_growth_percent": concept.rd_growth(args.first, args.last)}


def register(sub):
    actions = add_actions(sub.add_parser("concept", help="the concept and its policy timeline (book/concept.md)"))
    p = actions.add_parser("timeline", help="dated policy events the seeds mention, each cited to seed and line")
    p.add_argument("--category", choices=sorted(concept.CATEGORIES), help="only one kind of event")
    add_format(p)
    p.set_defaults(func=_timeline)
    p = actions.add_parser("structure", help="the definition's structure (seed 004 附表二, three factors, 新 and 质)")
    p.add_argument("--section", choices=list(concept.SECTIONS), help="only one part of the structure")
    add_format(p)
    p.set_defaults(func=_concept)
    p = actions.add_parser("rd", help="R&D expenditure and intensity (first releases); --first/--last: growth")
    p.add_argument("--first", type=int, help="first growth year (base = the year before)")
    p.add_argument("--last", type=int, help="last growth year")
    add_format(p, "csv")
    p.set_defaults(func=_rd)
    p = actions.add_parser("facts", help="every value the chapter prints (book/concept.md glues exactly these)")
    add_format(p)
    p.set_defaults(func=lambda args: concept.facts())
