"""Subcommand ``claims``: the ledger of quantitative claims in the seeds (book/corpus.md)."""

from __future__ import annotations

from nqpf.analysis import claims
from nqpf.cli import add_actions, add_format
from nqpf.core.paths import rel


def _claims(args):
    claims.check_kind(args.kind)
    df = claims.extract(args.seed)
    return df[df["kind"] == args.kind] if args.kind else df


def _claims_counts(args):
    return claims.counts().reset_index()


def _claims_evaluate(args):
    result = claims.evaluate_corpus() if args.labels == "policy" else claims.evaluate()
    result["missed"] = [list(k) for k in result["missed"]]
    result["spurious"] = [list(k) for k in result["spurious"]]
    return result


def _claims_write(args):
    path = claims.write()
    return {"file": rel(path), "rows": len(claims.extract())}


def register(sub):
    actions = add_actions(sub.add_parser("claims", help="every quantitative claim in the seeds (the ledger)"))
    p = actions.add_parser("list", help="the claims, one row each")
    p.add_argument("--seed", help="only this seed, e.g. 000")
    p.add_argument("--kind", help=f"only this kind ({', '.join(claims.KINDS)})")
    add_format(p)
    p.set_defaults(func=_claims)
    p = actions.add_parser("counts", help="claims by seed and kind")
    add_format(p)
    p.set_defaults(func=_claims_counts)
    p = actions.add_parser("evaluate", help="precision and recall on the hand-labelled lines (data/labels/)")
    p.add_argument("--labels", choices=["seeds", "policy"], default="seeds",
                   help="seeds: the seed samples (claims_gold + claims_heldout); policy: the policy-corpus sample")
    add_format(p)
    p.set_defaults(func=_claims_evaluate)
    p = actions.add_parser("write", help="write the full ledger to data/derived/claims.csv (what `make data` runs)")
    add_format(p)
    p.set_defaults(func=_claims_write)
