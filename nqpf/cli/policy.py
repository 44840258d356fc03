"""Subcommands of the chapter 政策文本 (book/policy.md): ``policy ACTION`` over the corpus in data/corpus."""

from __future__ import annotations

from nqpf.analysis import policy
from nqpf.cli import add_format, positive_int
from nqpf.core.errors import UsageError

ACTIONS = ["documents", "trajectories", "first-years", "timeline", "keyness-periods", "keyness-congress",
           "provinces", "tiles", "index", "talk-vs-index"]


def _run(args):
    dictionary = policy.terms(args.terms) if args.terms else None
    a = args.action
    if a == "documents":
        return policy.documents().drop(columns="path")
    if a == "trajectories":
        return policy.trajectories(dictionary).round(3).reset_index()
    if a == "first-years":
        return policy.first_years(dictionary)
    if a == "timeline":
        return policy.timeline_check(dictionary)
    if a in ("keyness-periods", "keyness-congress"):
        df = policy.keyness_periods() if a == "keyness-periods" else policy.keyness_congress()
        return df.head(args.top).round(3)
    if a == "provinces":
        return policy.province_counts(dictionary).round(3).reset_index()
    if a == "tiles":
        return policy.tile_grid(args.term).round(3)
    if a == "index":
        docs = policy.documents(args.collection)
        words = dictionary or policy.INDEX_WORDS
        df = policy.text_index(zip(docs["document"], docs["path"]), words, transform=args.transform)
        return df.round(4)
    if a == "talk-vs-index":
        df, stats = policy.talk_vs_index(args.year)
        return df.round(4) if args.format == "csv" else {"stats": stats, "rows": df.round(4).to_dict("records")}
    raise UsageError(f"unknown action {a!r}")


def register(sub):
    p = sub.add_parser("policy", help="the policy-text corpus: term trajectories, keyness, provincial reports, index")
    p.add_argument("action", choices=ACTIONS)
    p.add_argument("--terms", metavar="FILE", help="dictionary file, one term a line (default: the user dictionary;"
                   " for index: the NQPF word list)")
    p.add_argument("--term", default="新质生产力", help="tiles: the term mapped (default 新质生产力)")
    p.add_argument("--top", type=positive_int, default=30, help="keyness: rows shown (default 30)")
    p.add_argument("--collection", choices=["gov_work_reports", "cpc_congress_reports", "provincial_2025"],
                   default="provincial_2025", help="index: documents scored (default provincial_2025)")
    p.add_argument("--transform", choices=["per10k", "log1p"], default="per10k", help="index: scaling")
    p.add_argument("--year", type=int, help="talk-vs-index: year of the provincial index (default: the latest)")
    add_format(p)
    p.set_defaults(func=_run)
