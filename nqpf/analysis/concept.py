"""The definition of 新质生产力 as the seeds structure it, and the policy timeline the seeds mention.

Both come from curated files in data/raw whose every row cites a seed line: ``concept_structure`` (seed 004's
附表二, the three factors of production, "新" and "质") and ``policy_timeline`` (dated events). Seed 004 is in
traditional script; its text stays as written and :func:`simplified` gives readers a simplified form (OpenCC).
"""

from __future__ import annotations

import re

import pandas as pd

from nqpf.core import data, seeds
from nqpf.core.errors import UsageError
from nqpf.core.text import simplified

SECTIONS = ("numbers", "factors", "xin_zhi")
CATEGORIES = {
    "nqpf": "新质生产力表述",
    "ai": "人工智能",
    "digital": "数字经济与算力",
    "energy": "氢能与新能源",
    "low_altitude": "低空经济",
    "quantum": "量子科技",
    "industry": "制造业",
    "commentary": "语料来源",
}
PRECISION_ZH = {"day": "日", "month": "月", "year": "年"}


def quote_found(ref: str, text: str) -> bool:
    """True if ``text`` stands as written in the cited seed line(s) (white space of the extraction aside)."""
    sid, first, last = seeds.parse_ref(ref)
    return seeds.find_quote(sid, first, last, text)


def structure(section: str | None = None) -> pd.DataFrame:
    """Rows of ``concept_structure`` with a simplified-script copy of each passage and a readable citation."""
    df = data.load("concept_structure")
    if section is not None:
        if section not in SECTIONS:
            raise UsageError(f"unknown section '{section}' (known: {', '.join(SECTIONS)})")
        df = df[df["section"] == section]
    df = df.copy()
    df["count"] = df["count"].astype("Int64")
    df["text_simplified"] = df["text"].map(simplified)
    df["cite"] = df["seed_ref"].map(lambda r: seeds.cite_ref(r))
    return df.reset_index(drop=True)


def item_counts() -> pd.DataFrame:
    """附表二: the number each row states beside the number of items it lists."""
    df = structure("numbers")
    listed = df["items"].map(lambda s: len([i for i in str(s).split(";") if i]))
    return pd.DataFrame({"label": df["label"], "label_simplified": df["label"].map(simplified),
                         "stated": df["count"].astype(int), "listed": listed, "seed_ref": df["seed_ref"]})


# 2023年9月7日 · 2024 年 1 月 · 2021年 · 2023.12.12
_DATE = re.compile(r"(\d{4})\s*(?:年\s*(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?)?|\.(\d{1,2})\.(\d{1,2}))")


def parse_written_date(text: str) -> tuple[str, str]:
    """The first date written in ``text`` as (ISO date at its precision, precision): ('2023-09', 'month')."""
    m = _DATE.search(str(text))
    if not m:
        raise UsageError(f"no date of the form 2023年9月7日 or 2023.9.7 in '{text}'")
    year, month, day = m.group(1), m.group(2) or m.group(4), m.group(3) or m.group(5)
    if day:
        return f"{year}-{int(month):02d}-{int(day):02d}", "day"
    if month:
        return f"{year}-{int(month):02d}", "month"
    return year, "year"


def _interval(date: str, precision: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The span of time a date at its precision stands for (a day, a month or a year)."""
    start = pd.Timestamp(date if precision == "day" else date + ("-01" if precision == "month" else "-01-01"))
    step = {"day": pd.DateOffset(days=1), "month": pd.DateOffset(months=1), "year": pd.DateOffset(years=1)}
    return start, start + step[precision]


def timeline(category: str | None = None) -> pd.DataFrame:
    """Dated events the seeds mention, oldest first, each with its citation and the span its precision covers."""
    df = data.load("policy_timeline")
    if category is not None:
        if category not in CATEGORIES:
            raise UsageError(f"unknown category '{category}' (known: {', '.join(CATEGORIES)})")
        df = df[df["category"] == category]
    spans = [_interval(d, p) for d, p in zip(df["date"], df["precision"])]
    df = df.assign(start=[s for s, _ in spans], end=[e for _, e in spans])
    df["category_zh"] = df["category"].map(CATEGORIES)
    df["cite"] = df["seed_ref"].map(lambda r: seeds.cite_ref(r))
    return df.sort_values(["start", "end", "key"], kind="stable").reset_index(drop=True)


def timeline_checks() -> pd.DataFrame:
    """For each event: is the date as written in the cited line, and does it give the recorded date?"""
    rows = []
    for r in data.load("policy_timeline").itertuples(index=False):
        sid, first, _ = seeds.parse_ref(r.seed_ref)
        parsed, precision = parse_written_date(r.date_as_written)
        rows.append({"key": r.key, "seed_ref": r.seed_ref, "in_line": r.date_as_written in seeds.line(sid, first),
                     "parsed": parsed, "precision": precision,
                     "matches": parsed == r.date and precision == r.precision})
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- "新": research and development (seed 004:57-59)


def rd_table() -> pd.DataFrame:
    """R&D expenditure (亿元, NBS/MOST/MOF communiqués) and intensity (% of GDP) by year, as first published in
    each year's communiqué, with the flags of each row's source (PRELIMINARY, ROUNDED, UNCERTAIN …).

    Intensities are first releases: later GDP revisions (economic censuses) lowered several of them, so the
    column is labelled 首次公布 wherever it is shown, and no growth rate is taken from it.
    """
    exp = data.with_flags(data.load("cn_rd_expenditure"))[["year", "value", "flags"]]
    inten = data.with_flags(data.load("cn_rd_intensity"))[["year", "value", "flags"]]
    out = exp.merge(inten, on="year", how="outer", suffixes=("_expenditure", "_intensity")).sort_values("year")
    out = out.rename(columns={"value_expenditure": "expenditure", "value_intensity": "intensity_first_release"})
    for c in ("flags_expenditure", "flags_intensity"):
        out[c] = out[c].fillna("")
    return out.reset_index(drop=True)


def rd_growth(first: int, last: int) -> float:
    """Compound annual growth (%) of R&D expenditure over the growth years first…last (base first − 1).

    >>> round(rd_growth(2023, 2023), 2)  # 33357.1 / 30782.9 − 1
    8.36
    """
    from nqpf.core import growth

    s = data.load("cn_rd_expenditure").set_index("year")["value"]
    return float(growth.period_growth(s, int(first), int(last), name="R&D expenditure"))


def facts() -> dict:
    """Every number the chapter prints, by glue name (:func:`nqpf.analysis.concept_facts.facts`; raises on NaN)."""
    from nqpf.analysis.concept_facts import facts as chapter_facts  # imported here: concept_facts imports this module

    return chapter_facts()
