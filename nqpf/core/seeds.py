"""The seed corpus: five source documents in ``seeds/``, read through ``manifest.csv``, never modified."""

from __future__ import annotations

import csv
import re
from functools import lru_cache

from nqpf.core.errors import UsageError
from nqpf.core.paths import SEEDS


@lru_cache(maxsize=1)
def _manifest() -> tuple[dict, ...]:
    with open(SEEDS / "manifest.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        row["id"] = row["file"][:3]
    return tuple(rows)


def manifest() -> list[dict]:
    """The seeds' manifest rows (copies: a caller's change never reaches the cache)."""
    return [dict(row) for row in _manifest()]


def seed(seed_id: str) -> dict:
    for row in _manifest():
        if row["id"] == str(seed_id).zfill(3):
            return dict(row)
    raise UsageError(f"unknown seed '{seed_id}' (known: {', '.join(r['id'] for r in _manifest())})")


@lru_cache(maxsize=8)
def lines(seed_id: str) -> tuple[str, ...]:
    """The seed's lines as in the file; ``lines(id)[n - 1]`` is line n."""
    return tuple((SEEDS / seed(seed_id)["file"]).read_text(encoding="utf-8").splitlines())


def line(seed_id: str, number: int) -> str:
    text = lines(seed_id)
    if not 1 <= number <= len(text):
        raise UsageError(f"seed {seed_id} has lines 1-{len(text)}, not {number}")
    return text[number - 1]


_SPACE = re.compile(r"\s+")


def normalise_quote(text: str) -> str:
    """For matching quotations: drop white space (the PDF extraction breaks and spaces lines)."""
    return _SPACE.sub("", text)


def find_quote(seed_id: str, first: int, last: int, quote: str) -> bool:
    """True if ``quote`` appears in lines first..last of the seed (white space ignored)."""
    span = "".join(line(seed_id, n) for n in range(first, last + 1))
    return normalise_quote(quote) in normalise_quote(span)


def parse_ref(ref: str) -> tuple[str, int, int]:
    """``"003:120-122"`` -> ``("003", 120, 122)``; ``"000:6"`` -> ``("000", 6, 6)``."""
    sid, _, span = str(ref).strip().partition(":")
    first, _, last = span.partition("-")
    try:
        return sid.zfill(3), int(first), int(last or first)
    except ValueError:
        raise UsageError(f"a seed reference is written SEED:LINE or SEED:FIRST-LAST, not '{ref}'") from None


def cite(seed_id: str, first: int, last: int | None = None) -> str:
    """Citation text used throughout the book: 〔种子000，第6行〕."""
    sid = seed(seed_id)["id"]
    where = f"第{first}行" if not last or last == first else f"第{first}–{last}行"
    return f"〔种子{sid}，{where}〕"


def cite_ref(ref: str) -> str:
    """Citation text for a reference written SEED:LINE or SEED:FIRST-LAST: ``"000:6"`` -> 〔种子000，第6行〕."""
    return cite(*parse_ref(ref))


def summary():
    """One row per seed: id, file, title, date, script, lines and characters (what ``python -m nqpf seeds`` prints)."""
    import pandas as pd

    rows = []
    for row in manifest():
        text = lines(row["id"])
        rows.append({"id": row["id"], "file": row["file"], "title": row["title"], "date": row["date"],
                     "script": row["script"], "lines": len(text), "characters": sum(len(t) for t in text)})
    return pd.DataFrame(rows)
