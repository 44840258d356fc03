"""Subcommands of the text-analysis chapter: ``corpus`` (sizes, keywords, themes, co-occurrence, frequencies).

The analysis modules load inside the command: ``corpus frequencies`` on a folder of one's own needs neither pandas
nor the seed corpus, and a start-up of a few hundred milliseconds matters when it is run over many folders.
"""

from __future__ import annotations

from nqpf.cli import Rows, add_format, positive_int
from nqpf.core.errors import UsageError


def _corpus(args):
    if args.action == "frequencies" and args.input:
        from nqpf.analysis import textfreq

        counts, docs, _ = textfreq.frequencies(args.input, scheduler=args.scheduler or "processes")
        return Rows(textfreq.rows(counts, docs, args.top), columns=["term", "count", "documents"])
    import pandas as pd

    from nqpf.analysis import corpus, policy

    if args.action == "terms":
        if not args.input:
            raise UsageError("corpus terms needs --input DIR (a folder of .txt files)")
        # Every file is read, checked and counted before anything is printed: a bad file leaves no output.
        return policy.folder_term_counts(args.input, args.terms, scheduler=args.scheduler)
    if args.input:
        raise UsageError("--input is only for corpus terms and corpus frequencies")
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


def register(sub):
    p = sub.add_parser("corpus", help="the seed corpus analysed: sizes, keywords, themes, co-occurrence, tokens;"
                       " terms: dictionary term counts in any folder of .txt files")
    p.add_argument("action", choices=["summary", "keywords", "themes", "cooccurrence", "frequencies", "tokens",
                                      "terms"])
    p.add_argument("--input", metavar="DIR", help="corpus terms: count dictionary terms in every .txt under DIR;"
                   " corpus frequencies: word frequencies (term, count, documents) of every .txt under DIR")
    p.add_argument("--scheduler", help="sync, threads, processes or tcp://host:port of a Dask cluster (corpus terms:"
                   " default $NQPF_DASK_SCHEDULER or sync; corpus frequencies: default processes, one a core, no"
                   " Dask on one machine)")
    p.add_argument("--top", type=positive_int, help="corpus frequencies --input: only the N most frequent terms")
    p.add_argument("--seed", help="one seed, e.g. 003")
    p.add_argument("--k", type=positive_int, default=10, help="keywords per document / top terms (default 10)")
    p.add_argument("--terms", help="cooccurrence: comma-separated terms (default 数据,算力,算法); terms: a dictionary"
                   " file, one term a line (default data/lexicon/userdict.txt)")
    p.add_argument("--window", choices=["sentence", "paragraph"], default="sentence")
    add_format(p)
    p.set_defaults(func=_corpus)
