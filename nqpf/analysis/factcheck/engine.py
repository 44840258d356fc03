"""The fact-check engine: claims read from the cited seed lines (values from the claims ledger), the rounding
rules, the verdict, and the row every check returns."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from nqpf.analysis import claims
from nqpf.core import growth, seeds
from nqpf.core.errors import DataError, UsageError
from nqpf.core.numbers import decimals, half_unit  # noqa: F401  (moved to core)

VERDICTS = ("agrees", "agrees (preliminary)", "rounding", "conflicts", "cannot check")

VERDICT_ZH = {"agrees": "一致", "agrees (preliminary)": "一致（初步数）", "rounding": "舍入误差内", "conflicts": "矛盾",
              "cannot check": "无法核对"}

# Glue-safe names of the verdicts (agrees_preliminary, cannot_check): pages name their counts with these.
VERDICT_KEYS = {v: re.sub(r"\W+", "_", v).strip("_") for v in VERDICTS}

# Severity order for a check that combines several comparisons: the worst verdict wins.
_SEVERITY = ("agrees", "agrees (preliminary)", "rounding", "cannot check", "conflicts")

KINDS = {
    "arithmetic": "内部算术",
    "count": "所述数目与所列条目",
    "across": "种子之间",
    "outside": "对照外部数据",
    "plausibility": "合理性",
}

WAN_YI = growth.WAN_YI  # 1 万亿 = 10,000 亿

_NUM = r"(\d[\d,]*(?:\.\d+)?)"

# Figures a check uses that are not claims in the ledger, by (ref, figure as written), with the reason.
FALLBACKS = {
    ("000:36", "2022"): "a year (截至2022年底); dates are not quantitative claims in the ledger",
    ("003:519-521", "2022"): "a year (截至 2022 年); dates are not quantitative claims in the ledger",
}

# A captured group that is a figure (looked up in the ledger); any other group is text (a list, a definition).
_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?|第?[零一二两三四五六七八九十百千]+")

@dataclass(frozen=True)
class Claim:
    """Figures as written in one seed line: ``raw`` is the matched text, ``numbers`` the captured parts as written
    (figures, or text such as a list of items), ``values`` their values from the claims ledger, in the unit they
    are written in (None for text)."""

    ref: str
    raw: str
    numbers: tuple[str, ...]
    values: tuple[float | None, ...] = ()

    @property
    def value(self) -> float:
        return self.values[0]

    def show(self) -> str:
        return f"{seeds.cite_ref(self.ref)}“{self.raw}”"

@lru_cache(maxsize=8)
def _ledger(sid: str) -> pd.DataFrame:
    return claims.extract(sid, figures=True)

_ROWS: dict[str, tuple] = {}


def _ledger_rows(sid: str) -> tuple:
    """The ledger's rows as named tuples, made once per ledger frame (not once per claim: 130 claims a run)."""
    led = _ledger(sid)
    hit = _ROWS.get(sid)
    if hit is None or hit[0] is not led:
        hit = _ROWS[sid] = (led, tuple(led.itertuples()))
    return hit[1]

def _ledger_spans(sid: str, first: int, last: int, text: str) -> list[tuple[int, int, object]]:
    """Ledger rows of lines ``first``..``last`` located in ``text`` (those lines joined): (start, end, row).

    Rows are in text order, so each ``raw`` is searched after the previous one; a row not found (a claim that
    runs on past ``last``) is left out.
    """
    out, pos = [], 0
    for row in (r for r in _ledger_rows(sid) if first <= r.line <= last):
        m = re.compile(("(?<![\\d.])" if row.raw[0].isdigit() else "") + re.escape(row.raw)).search(text, pos)
        if m:
            out.append((m.start(), m.end(), row))
            pos = m.end()
    return out

def _figure(ref: str, group: str, span: tuple[int, int], located: list) -> float | None:
    """The ledger value of the figure captured at ``span``: from the ledger row whose raw text contains it."""
    if not _FIGURE.fullmatch(group):
        return None
    sid, first, _ = seeds.parse_ref(ref)
    where = f"seeds/{seeds.seed(sid)['file']}"
    row = next((r for a, b, r in located if a <= span[0] and span[1] <= b), None)
    if row is None:
        if (ref, group) in FALLBACKS:
            return float(group.replace(",", ""))
        raise DataError(where, "figure used by the fact-check is in the claims ledger", first, group)
    if math.isnan(row.scale):
        raise DataError(where, "figure used by the fact-check is one written figure in the ledger", first, row.raw)
    value = row.value / row.scale  # back to the unit as written; checked below
    if group[0].isdigit():
        written_ok = abs(value) == float(group.replace(",", ""))
    else:
        written_ok = row.number == group.lstrip("第")  # Chinese numerals: 八大, 第二
    if not written_ok:
        raise DataError(where, "ledger value equals the written figure", first, f"{group} vs {row.raw}")
    return value

def claim(ref: str, pattern: str) -> Claim:
    """The first match of ``pattern`` in the cited line(s); ``{n}`` in the pattern stands for a written number.

    Each captured figure takes its value from the claims-ledger row (same seed and line) whose ``raw`` text
    contains it; captured text that is not a figure is kept as text. The seeds are fixed, so a pattern that no
    longer matches, or a figure missing from the ledger (and not in :data:`FALLBACKS`), is a data error.
    """
    sid, first, last = seeds.parse_ref(ref)
    text = "".join(seeds.line(sid, n) for n in range(first, last + 1))
    m = re.search(pattern.replace("{n}", _NUM), text)
    if not m:
        raise DataError(f"seeds/{seeds.seed(sid)['file']}", "claim pattern found in the cited line", first, pattern)
    located = _ledger_spans(sid, first, last, text) if any(m.groups()) else []
    kept = [i for i, g in enumerate(m.groups(), start=1) if g is not None]
    return Claim(ref, m.group(0), tuple(m.group(i) for i in kept),
                 tuple(_figure(ref, m.group(i), m.span(i), located) for i in kept))

def round_half_up(x: float, d: int) -> float:
    # Published figures round halves up; Python's round() rounds them to even.
    return math.floor(x * 10**d + 0.5 + 1e-9) / 10**d

def judge(exact: float, lo: float, hi: float, stated: float, written: str, exact_stated: bool = False) -> str:
    """Verdict for a computed value (exact, and its range lo..hi from the inputs' rounding) against a stated one."""
    d = decimals(written)
    if (abs(exact - stated) < 1e-9) if exact_stated else (round_half_up(exact, d) == stated):
        return "agrees"
    h = 0.0 if exact_stated else half_unit(written)
    return "rounding" if lo <= stated + h and hi >= stated - h else "conflicts"

def sum_range(c: Claim) -> tuple[float, float, float]:
    """Sum of a claim's figures with its range when each is rounded as written."""
    vals = list(c.values)
    halves = [half_unit(n) for n in c.numbers]
    return sum(vals), sum(vals) - sum(halves), sum(vals) + sum(halves)

def ratio_range(a: Claim, b: Claim, scale: float = 1.0) -> tuple[float, float, float]:
    """a/b × scale (first figures) with its range when both are rounded as written."""
    va, vb = a.value, b.value
    ha, hb = half_unit(a.numbers[0]), half_unit(b.numbers[0])
    return va / vb * scale, (va - ha) / (vb + hb) * scale, (va + ha) / (vb - hb) * scale

def combine(*verdicts: str) -> str:
    """The verdict of a check made of several comparisons: the worst one (a conflict outweighs everything).

    >>> combine("agrees", "rounding"), combine("agrees", "cannot check", "conflicts")
    ('rounding', 'conflicts')
    """
    for v in verdicts:
        if v not in VERDICTS:
            raise UsageError(f"unknown verdict '{v}'")
    return max(verdicts, key=_SEVERITY.index)


def nearest_multiple(lo: float, exact: float, hi: float, multiple: int, lower_bound: bool = False) -> str:
    """Verdict for a claim that a quantity grew about ``multiple``-fold (倍增, 翻番): the ratio agrees when it
    rounds to that multiple (nearer to it than to the next whole multiple, e.g. [1.5, 2.5) for a doubling), is
    within rounding when only its rounding interval ``lo``..``hi`` reaches that band, cannot be checked when the
    later figure is only a lower bound (以上) and the ratio falls short, and conflicts otherwise.

    >>> nearest_multiple(1.63, 1.71, 1.79, 2), nearest_multiple(1.30, 1.32, 1.34, 2)
    ('agrees', 'conflicts')
    >>> nearest_multiple(1.30, 1.32, 1.34, 2, lower_bound=True)
    'cannot check'
    """
    band_lo, band_hi = multiple - 0.5, multiple + 0.5
    if band_lo <= exact < band_hi:
        return "agrees"
    if lo < band_hi and hi >= band_lo:
        return "rounding"
    if lower_bound and exact < band_lo:
        return "cannot check"
    return "conflicts"


def part_of_whole(ratio: float, limit: float = 1.0) -> str:
    """Plausibility of a part against the whole it belongs to: it conflicts when ``ratio`` (part ÷ whole) exceeds
    ``limit`` (1: a part cannot be larger than its whole), and agrees (is plausible) otherwise.

    >>> part_of_whole(24.9), part_of_whole(0.66)
    ('conflicts', 'agrees')
    """
    if math.isnan(ratio):
        raise UsageError("a plausibility ratio needs both figures (got NaN)")
    return "conflicts" if ratio > limit else "agrees"


@lru_cache(maxsize=1)
def _editorial() -> pd.DataFrame:
    from nqpf.core import data

    return data.load("factcheck_editorial").set_index("key")


def editorial(key: str) -> dict | None:
    """The editorial judgement recorded for a check (``data/labels/factcheck_editorial.csv``: judgement and reason),
    or None. A judgement never sets a verdict by itself; a check's rule says what it changes."""
    ed = _editorial()
    return ed.loc[key].to_dict() if key in ed.index else None


class MissingReference(DataError):
    """An outside data file has no row for the year a check needs: the check says 'cannot check', never NaN."""

    def __init__(self, path: str, year: int):
        self.year = year
        super().__init__(path, f"has a row for {year}")


def make_row(key, kind, claims, computation, verdict, reason) -> dict:
    if verdict not in VERDICTS:
        raise UsageError(f"unknown verdict '{verdict}'")
    return {"key": key, "kind": kind, "claims": "；".join(c.show() for c in claims),
            "seed_refs": "; ".join(dict.fromkeys(c.ref for c in claims)), "computation": computation,
            "verdict": verdict, "reason": reason}

def fmt(x: float, d: int = 2) -> str:
    return f"{x:,.{d}f}"
