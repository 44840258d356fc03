"""Concept and policy-timeline subcommands (chapter 概念与政策脉络, book/concept.md).

    python -m nqpf concept timeline [--category nqpf|ai|digital|...] [--format csv|json]
    python -m nqpf concept structure [--section numbers|factors|xin_zhi] [--format csv|json]
"""

from __future__ import annotations

from nqpf.analysis import concept
from nqpf.cli import add_actions, add_format


def _timeline(args):
    df = concept.timeline(args.category)
    return df[["date", "precision", "date_as_written", "category", "event", "seed_ref"]]


def _concept(args):
    df = concept.structure(args.section)
    return df[["section", "key", "label", "count", "text", "text_simplified", "items", "seed_ref", "note"]]


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
