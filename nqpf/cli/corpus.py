"""Subcommands of the text-analysis chapter: ``corpus`` (sizes, keywords, themes, co-occurrence, frequencies)
and ``claims`` (the ledger of quantitative claims)."""

from __future__ import annotations

import pandas as pd

from nqpf.analysis import claims, corpus, policy
from nqpf.core.errors import UsageError
from nqpf.cli import add_format


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise UsageError(f"expected a whole number, not {value!r}") from None
    if n < 1:
        raise UsageError(f"expected a number of at least 1, not {n}")
    return n


def _corpus(args):
    if args.action == "terms":
        if not args.input:
            raise UsageError("corpus terms needs --input DIR (a folder of .txt files)")
        # Every file is read, checked and counted before anything is printed: a bad file leaves no output.
        return policy.folder_term_counts(args.input, args.terms, scheduler=args.scheduler)
    if args.input:
        raise UsageError("--input is only for corpus terms")
    if args.action == "summary":
        return corpus.summary()
    if args.action == "keywords":
        df = corpus.keywords(args.k)
        return df[df["seed"] == corpus.document(args.seed).id] if args.seed else df
    if args.action == "themes":
        return corpus.theme_coverage().round(2).reset_index()
    if args.action == "cooccurrence":
        terms = [t for t in (args.terms or "数据,算力,算法").split(",") if t]
        m = corpus.cooccurrence(terms, window=args.window, seeds=[args.seed] if args.seed else None)
        return m.rename_axis("term").reset_index()
    if args.action == "frequencies":
        return corpus.frequencies(args.seed, top=args.k)
    if args.action == "tokens":
        if not args.seed:
            raise UsageError("corpus tokens needs --seed ID")
        return pd.DataFrame([t.__dict__ for t in corpus.tokens(args.seed)])
    raise UsageError(f"unknown action {args.action!r}")


def _claims(args):
    if args.evaluate:
        result = claims.evaluate()
        result["missed"] = [list(k) for k in result["missed"]]
        result["spurious"] = [list(k) for k in result["spurious"]]
        return result
    claims.check_kind(args.kind)
    if args.counts:
        return claims.counts().reset_index()
    df = claims.extract(args.seed)
    if args.seed is None:
        claims.write(df)  # the full ledger is also data/derived/claims.csv
    return df[df["kind"] == args.kind] if args.kind else df


def register(sub):
    p = sub.add_parser("corpus", help="the seed corpus analysed: sizes, keywords, themes, co-occurrence, tokens;"
                       " terms: dictionary term counts in any folder of .txt files")
    p.add_argument("action", choices=["summary", "keywords", "themes", "cooccurrence", "frequencies", "tokens",
                                      "terms"])
    p.add_argument("--input", metavar="DIR", help="corpus terms: count dictionary terms in every .txt under DIR")
    p.add_argument("--scheduler", help="corpus terms: dask scheduler (sync, threads, processes or tcp://host:port;"
                   " default $NQPF_DASK_SCHEDULER or sync)")
    p.add_argument("--seed", help="one seed, e.g. 003")
    p.add_argument("--k", type=_positive, default=10, help="keywords per document / top terms (default 10)")
    p.add_argument("--terms", help="cooccurrence: comma-separated terms (default 数据,算力,算法); terms: a dictionary"
                   " file, one term a line (default data/lexicon/userdict.txt)")
    p.add_argument("--window", choices=["sentence", "paragraph"], default="sentence")
    add_format(p)
    p.set_defaults(func=_corpus)
    p = sub.add_parser("claims", help="every quantitative claim in the seeds (writes data/derived/claims.csv)")
    p.add_argument("--seed", help="only this seed, e.g. 000 (the file is written only for the full ledger)")
    p.add_argument("--kind", help=f"only this kind ({', '.join(claims.KINDS)})")
    p.add_argument("--counts", action="store_true", help="claims by seed and kind")
    p.add_argument("--evaluate", action="store_true", help="precision and recall on the hand-labelled lines")
    add_format(p)
    p.set_defaults(func=_claims)
