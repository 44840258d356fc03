"""The taxonomy: which seed names which industry in which category, and where they disagree."""

from __future__ import annotations

import pandas as pd

from nqpf.analysis.industries.sources import _ZH_NUMERALS, CATEGORIES, FYP14_LIST, SEEDS, mentions
from nqpf.core.errors import UsageError


def _cell(categories: set[str]) -> str:
    """One seed's category for one industry: a specific category wins over 'other' (an unsorted list)."""
    specific = sorted(c for c in categories if c != "other")
    if not specific:
        return "other"
    return " + ".join(specific)


def membership(df: pd.DataFrame | None = None) -> pd.DataFrame:
    """Industry x seed matrix: the category each seed gives (empty if the seed does not name it), the number of
    seeds naming it, and whether the seeds give different specific categories."""
    df = mentions() if df is None else df
    cells = df.groupby(["industry", "seed"])["category"].agg(lambda s: _cell(set(s))).unstack("seed")
    cells = cells.reindex(columns=[s for s in SEEDS if s in cells.columns])
    out = cells.fillna("")
    out["n_seeds"] = (out[list(cells.columns)] != "").sum(axis=1)
    specific = df[df["category"] != "other"].groupby("industry")["category"].nunique()
    out["n_categories"] = specific.reindex(out.index).fillna(0).astype(int)
    out["n_mentions"] = df.groupby("industry").size().reindex(out.index)
    out = out.reset_index().rename_axis(columns=None)
    return out.sort_values(["n_seeds", "n_mentions", "industry"], ascending=[False, False, True], ignore_index=True)


def disagreements(df: pd.DataFrame | None = None) -> pd.DataFrame:
    """Industries the seeds put into different specific categories, with every mention's category and place."""
    df = mentions() if df is None else df
    spec = df[df["category"] != "other"]
    multi = spec.groupby("industry")["category"].nunique()
    rows = []
    for industry in multi[multi > 1].index:
        sub = spec[spec["industry"] == industry]
        for cat, g in sub.groupby("category"):
            refs = [f"{s}:{ln}" for s, ln in zip(g["seed"], g["line"])]
            labels = sorted(set(g["label_as_written"]))
            docs = sorted(set(g["document"]))
            rows.append({"industry": industry, "category": cat, "mentions": len(g), "refs": ", ".join(refs),
                         "labels": "；".join(labels), "documents": "；".join(docs)})
    return pd.DataFrame(rows, columns=["industry", "category", "mentions", "refs", "labels", "documents"])


def list_counts(df: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each list that announces a number ('八大', '九大') against the number of items it really gives."""
    df = mentions() if df is None else df
    rows = []
    for lst, g in df.groupby("list"):
        label = g["label_as_written"].iloc[0]
        for ch, n in _ZH_NUMERALS.items():
            if f"{ch}大" in label:
                rows.append({"list": lst, "seed": g["seed"].iloc[0], "lines": f"{g['line'].min()}-{g['line'].max()}",
                             "label": label, "announced": n, "listed": g["industry"].nunique()})
    out = pd.DataFrame(rows, columns=["list", "seed", "lines", "label", "announced", "listed"])
    out["missing"] = out["announced"] - out["listed"]
    return out


def fyp14_wording(df: pd.DataFrame | None = None, min_fields: int = 1) -> pd.DataFrame:
    """The 14th FYP's nine SEI fields (seed 000 line 40) and how each SEI list in the seeds writes them
    (lists naming at least ``min_fields`` of the nine)."""
    df = mentions() if df is None else df
    nine = list(df.loc[df["list"] == FYP14_LIST, "industry"])
    sei = df[(df["category"] == "strategic emerging") & df["industry"].isin(nine)]
    words = sei.groupby(["industry", "list"])["industry_as_written"].agg(lambda s: "/".join(dict.fromkeys(s)))
    table = words.unstack("list").reindex(nine).fillna("—")
    sizes = df[df["category"] == "strategic emerging"].groupby("list")["industry"].nunique()
    covered = (table != "—").sum()
    table = table[sorted(covered[covered >= min_fields].index, key=lambda c: (-covered[c], c))]
    table.loc["（该清单列出的战略性新兴产业总数）"] = [str(sizes[c]) for c in table.columns]
    return table.reset_index().rename(columns={"industry": "十四五九大领域"}).rename_axis(columns=None)


def missing_from(list_id: str, reference: str = FYP14_LIST, df: pd.DataFrame | None = None) -> list[str]:
    """Industries of the reference list that ``list_id`` leaves out (normalised names)."""
    df = mentions() if df is None else df
    if list_id not in set(df["list"]):
        raise UsageError(f"unknown list '{list_id}' (known: {', '.join(sorted(set(df['list'])))})")
    ref = list(dict.fromkeys(df.loc[df["list"] == reference, "industry"]))
    have = set(df.loc[df["list"] == list_id, "industry"])
    return [i for i in ref if i not in have]


def category_summary(df: pd.DataFrame | None = None) -> pd.DataFrame:
    """Mentions and distinct industries per category, and which seeds use each category."""
    df = mentions() if df is None else df
    g = df.groupby("category")
    out = pd.DataFrame({"mentions": g.size(), "industries": g["industry"].nunique(),
                        "seeds": g["seed"].agg(lambda s: ", ".join(sorted(set(s))))})
    return out.reindex(CATEGORIES).reset_index()
