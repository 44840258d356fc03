"""Subcommands of the chapter 政策文本 (book/policy.md): ``policy ACTION`` over the corpus in data/corpus."""

from __future__ import annotations

from nqpf.analysis import policy
from nqpf.cli import add_format, positive_int
from nqpf.core.errors import UsageError

ACTIONS = ["documents", "trajectories", "counts", "first-years", "timeline", "keyness-periods", "keyness-windows",
           "keyness-congress", "provinces", "tiles", "index", "talk-vs-index", "talk-variants"]


def _period(value: str) -> tuple[int, int]:
    """'2024-2026' or '2024–2026' -> (2024, 2026)."""
    parts = value.replace("–", "-").split("-")
    if len(parts) != 2 or not all(p.strip().isdigit() for p in parts) or int(parts[0]) > int(parts[1]):
        raise UsageError(f"a period is FIRST-LAST, e.g. 2024-2026, not {value!r}")
    return int(parts[0]), int(parts[1])


def _run(args):
    dictionary = policy.terms(args.terms) if args.terms else None
    a = args.action
    if a == "documents":
        return policy.documents().drop(columns="path")
    if a == "trajectories":
        return policy.trajectories(dictionary).round(3).reset_index()
    if a == "counts":
        return policy.trajectories(dictionary, counts=True).reset_index()
    if a == "first-years":
        return policy.first_years(dictionary)
    if a == "timeline":
        return policy.timeline_check(dictionary)
    if a == "keyness-periods":
        df = policy.keyness_periods(_period(args.period_a), _period(args.period_b), draws=args.draws)
        return df.head(args.top).round(3)
    if a == "keyness-windows":
        return policy.window_contrasts()
    if a == "keyness-congress":
        return policy.keyness_congress().head(args.top).round(3)
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
    if a == "talk-variants":
        return policy.talk_variants(args.year).round(4)
    raise UsageError(f"unknown action {a!r}")


def register(sub):
    p = sub.add_parser("policy", help="the policy-text corpus: term trajectories, keyness, provincial reports, index")
    p.add_argument("action", choices=ACTIONS)
    p.add_argument("--terms", metavar="FILE", help="dictionary file, one term a line (default: the user dictionary;"
                   " for index: the NQPF word list)")
    p.add_argument("--term", default="新质生产力", help="tiles: the term mapped (default 新质生产力)")
    p.add_argument("--top", type=positive_int, default=30, help="keyness: rows shown (default 30)")
    p.add_argument("--period-a", default="2024-2026", help="keyness-periods: the years of group A (default 2024-2026)")
    p.add_argument("--period-b", default="2013-2022", help="keyness-periods: the years of group B (default 2013-2022)")
    p.add_argument("--draws", type=positive_int, default=2000, help="keyness-periods: bootstrap draws (default 2000)")
    p.add_argument("--collection", choices=["gov_work_reports", "cpc_congress_reports", "provincial_2025"],
                   default="provincial_2025", help="index: documents scored (default provincial_2025)")
    p.add_argument("--transform", choices=["per10k", "log1p"], default="per10k", help="index: scaling")
    p.add_argument("--year", type=int, help="talk-vs-index, talk-variants: year of the provincial index "
                   "(default: the latest)")
    add_format(p)
    p.set_defaults(func=_run)
