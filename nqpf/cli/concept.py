"""Concept and policy-timeline subcommands (chapter 概念与政策脉络, book/concept.md).

    python -m nqpf timeline [--category nqpf|ai|digital|...] [--format csv|json]
    python -m nqpf concept [--section numbers|factors|xin_zhi] [--format csv|json]
"""

from __future__ import annotations

from nqpf.analysis import concept
from nqpf.cli import add_format


def _timeline(args):
    df = concept.timeline(args.category)
    return df[["date", "precision", "date_as_written", "category", "event", "seed_ref"]]


def _concept(args):
    df = concept.structure(args.section)
    return df[["section", "key", "label", "count", "text", "text_simplified", "items", "seed_ref", "note"]]


def register(sub):
    p = sub.add_parser("timeline", help="dated policy events the seeds mention, each cited to seed and line")
    p.add_argument("--category", choices=sorted(concept.CATEGORIES), help="only one kind of event")
    add_format(p)
    p.set_defaults(func=_timeline)
    p = sub.add_parser("concept", help="the definition's structure (seed 004 附表二, three factors, 新 and 质)")
    p.add_argument("--section", choices=list(concept.SECTIONS), help="only one part of the structure")
    add_format(p)
    p.set_defaults(func=_concept)
