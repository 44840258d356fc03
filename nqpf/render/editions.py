"""Editions: the glued values of each released edition, and what changed since the latest one.

Every number the book prints through ``glue`` is kept per released edition in ``data/editions/<version>.csv``
(``name, value, page``: the glue name, its text as printed, the page's docname), written by ``make edition`` from
a build's ``<page>.glue.json`` files. The page 修订记录 (``book/changes.md``) lists every value that differs from
the latest edition, with the reason recorded in ``data/editions/reasons.csv`` (``name, reason``; name is
``page:glue_name``). A changed value without a reason fails the build, so no number changes silently.

>>> old = pd.DataFrame({"name": ["a", "b", "c"], "value": ["1", "2", "3"], "page": ["book/x"] * 3})
>>> new = pd.DataFrame({"name": ["a", "b", "d"], "value": ["1", "2.5", "4"], "page": ["book/x"] * 3})
>>> diff(old, new, {"book/x:b": "修正"})[["key", "status", "old", "new", "reason"]].values.tolist()
[['book/x:b', 'changed', '2', '2.5', '修正'], ['book/x:c', 'removed', '3', '', ''], ['book/x:d', 'new', '', '4', '']]
"""

from __future__ import annotations

import ast
import datetime as dt
import json
import re
from pathlib import Path

import pandas as pd
import yaml

from nqpf.core import data
from nqpf.core.errors import DataError, UsageError
from nqpf.core.paths import DATA, rel

__all__ = ["EDITIONS", "REASONS", "glued_values", "editions", "latest", "load_edition", "reasons", "diff",
           "changes", "unexplained", "write_edition", "version_key"]

EDITIONS = DATA / "editions"
REASONS = EDITIONS / "reasons.csv"
_VERSION = re.compile(r"^\d+\.\d+\.\d+$")
# Values that describe the build itself (its commit, its timings) rather than the book's findings.
VOLATILE_PAGES = ("book/reproducibility",)


def version_key(version: str) -> tuple[int, ...]:
    """'0.10.0' sorts after '0.9.1'.

    >>> sorted(["0.10.0", "0.9.1", "0.2.0"], key=version_key)
    ['0.2.0', '0.9.1', '0.10.0']
    """
    if not _VERSION.match(version):
        raise UsageError(f"a version is MAJOR.MINOR.PATCH such as 0.2.0, not {version!r}")
    return tuple(int(p) for p in version.split("."))


def _text(out: dict) -> str | None:
    """The printed text of one glued output: text/plain, with a Python string's quotes removed."""
    text = out.get("data", {}).get("text/plain")
    if text is None:
        return None
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text
    return value if isinstance(value, str) else text


def glued_values(build: Path) -> pd.DataFrame:
    """``name, value, page`` for every text value glued in a build (``<build>/_build/jupyter_execute``, or a folder
    of ``<page>.glue.json`` files directly). Figures (no text/plain) are left out: charts have their own tests."""
    build = Path(build)
    folder = build / "_build" / "jupyter_execute"
    if not folder.is_dir():
        folder = build
    rows = []
    for path in sorted(folder.rglob("*.glue.json")):
        page = path.relative_to(folder).as_posix().removesuffix(".glue.json")
        for name, out in json.loads(path.read_text(encoding="utf-8")).items():
            text = _text(out)
            if text is not None and set(out.get("data", {})) == {"text/plain"}:  # not a chart, its data, Markdown
                rows.append({"name": name, "value": text, "page": page})
    if not rows:
        raise UsageError(f"no glued values under {folder} (build the book first)")
    return pd.DataFrame(rows).sort_values(["page", "name"]).reset_index(drop=True)


def editions() -> list[str]:
    """Recorded edition versions, oldest first."""
    found = [p.name.removesuffix(".csv") for p in EDITIONS.glob("*.csv") if _VERSION.match(p.stem)]
    return sorted(found, key=version_key)


def latest() -> str | None:
    eds = editions()
    return eds[-1] if eds else None


def load_edition(version: str) -> pd.DataFrame:
    """One recorded edition, checked against its manifest (schema, sha256)."""
    version_key(version)
    path = EDITIONS / f"{version}.csv"
    if not path.exists():
        raise UsageError(f"no recorded edition {version} (recorded: {', '.join(editions()) or 'none'})")
    return data.validate(path).astype({"value": str})


def reasons() -> dict[str, str]:
    """``page:glue_name`` → the reason its value changed (the latest line wins when a name repeats)."""
    if not REASONS.exists():
        return {}
    df = pd.read_csv(REASONS, dtype=str, keep_default_na=False)
    if list(df.columns) != ["name", "reason"]:
        raise DataError(rel(REASONS), "columns are name,reason", 1, f"found {','.join(df.columns)}")
    for i, r in df.iterrows():
        if ":" not in r["name"] or not r["reason"].strip():
            raise DataError(rel(REASONS), "each row names page:glue_name and gives a reason", int(i) + 2,
                            f"{r['name']!r}")
    return dict(zip(df["name"], df["reason"]))


# Glue records that carry a chart's or a table's data (nqpf.render.chartdata), not a number printed in the text.
DATA_RECORD = "nqpf-data:"


def diff(old: pd.DataFrame, new: pd.DataFrame, why: dict[str, str]) -> pd.DataFrame:
    """Values changed, new and removed between two editions' tables, with their reasons (printed values only:
    the records of chart and table data are compared by the chart tests, not listed here)."""
    def keyed(df):
        return {f"{p}:{n}": str(v) for n, v, p in df[["name", "value", "page"]].itertuples(index=False)
                if not str(n).startswith(DATA_RECORD)}

    a, b = keyed(old), keyed(new)
    rows = []
    for key in sorted(set(a) | set(b)):
        if key in a and key in b and a[key] == b[key]:
            continue
        status = "changed" if key in a and key in b else ("removed" if key in a else "new")
        page, name = key.split(":", 1)
        rows.append({"key": key, "page": page, "name": name, "status": status, "old": a.get(key, ""),
                     "new": b.get(key, ""), "reason": why.get(key, "")})
    return pd.DataFrame(rows, columns=["key", "page", "name", "status", "old", "new", "reason"])


def changes(build: Path, version: str | None = None) -> pd.DataFrame:
    """What a build prints differently from the recorded edition ``version`` (default: the latest)."""
    version = version or latest()
    if version is None:
        raise UsageError("no edition is recorded yet (make edition VERSION=x.y.z)")
    return diff(load_edition(version), glued_values(build), reasons())


def unexplained(table: pd.DataFrame) -> pd.DataFrame:
    """Changed values with no recorded reason (new and removed values are listed, not required to explain)."""
    t = table[(table["status"] == "changed") & (table["reason"].str.strip() == "")]
    return t[~t["page"].isin(VOLATILE_PAGES)]


def write_edition(version: str, build: Path, date: str | None = None) -> Path:
    """Record a build's glued values as edition ``version`` (with a manifest); refuses to overwrite one."""
    version_key(version)
    path = EDITIONS / f"{version}.csv"
    if path.exists():
        raise UsageError(f"edition {version} is already recorded ({rel(path)}); editions are never rewritten")
    values = glued_values(build)
    EDITIONS.mkdir(parents=True, exist_ok=True)
    values.to_csv(path, index=False, lineterminator="\n")
    meta = {
        "title": f"《新质生产力》研究文集 第 {version} 版的全部粘贴数值（glued values of edition {version}）",
        "class": "derived",
        "source": {"publisher": "新质生产力研究文集编写组", "document": f"edition {version}",
                   "where": "every text value the book glues, read from the build's <page>.glue.json files",
                   "generated_by": "make edition (nqpf.render.editions.write_edition)"},
        "licence": "CC BY 4.0 (this project)",
        "retrieved": date or dt.date.today().isoformat(),
        "sha256": data.sha256(path),
        "schema": {"primary_key": ["page", "name"], "min_rows": 1,
                   "columns": [{"name": "name", "type": "string"}, {"name": "value", "type": "string",
                                                                    "nullable": True},
                               {"name": "page", "type": "string", "pattern": r"^book/\w+$"}]},
    }
    data.manifest_path(path).write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
