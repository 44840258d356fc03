"""Data files and their manifests.

Every file in ``data/raw`` and ``data/derived`` has a sidecar manifest ``<file>.yml`` with its source, licence,
sha256 and a column schema. ``load`` checks all of it and raises :class:`DataError` naming file, line and rule,
so a bad file stops the build instead of drawing a wrong chart.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import yaml

from nqpf.core import usage
from nqpf.core.errors import DataError, UsageError
from nqpf.core.paths import CORPUS, DERIVED, LABELS, LEXICON, RAW, rel, write_atomic

if TYPE_CHECKING:  # pandera is imported only when a file is checked for the first time (see _verdict_key)
    import pandera.pandas as pa

FLAGS = ("DERIVED", "UNCERTAIN", "LOWER-BOUND", "ESTIMATE", "ROUNDED", "PRELIMINARY", "TARGET", "PROJECTION")
# The flags in Chinese, for tables and labels (nqpf.render.labels reads them too).
FLAG_ZH = {"DERIVED": "推算", "UNCERTAIN": "不确定", "LOWER-BOUND": "下限", "ESTIMATE": "估计", "ROUNDED": "取整",
           "PRELIMINARY": "初步", "TARGET": "目标", "PROJECTION": "预测"}
_TYPES = {"integer": "int64", "number": "float64", "string": "str"}
_FAST_YAML = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def manifest_path(path: Path) -> Path:
    return Path(str(path) + ".yml")


def read_manifest(path: Path) -> dict:
    mpath = manifest_path(path)
    if not mpath.exists():
        raise DataError(rel(path), "manifest exists", detail=f"no {mpath.name} beside the data file")
    text = mpath.read_text(encoding="utf-8")
    try:
        try:  # libyaml when present (6x faster; a page reads dozens of manifests); errors worded by PyYAML's own
            meta = yaml.load(text, Loader=_FAST_YAML)
        except yaml.YAMLError:
            meta = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise DataError(rel(mpath), "manifest is valid YAML", line, str(exc).splitlines()[0]) from None
    for key in ("title", "source", "licence", "sha256", "schema"):
        if key not in (meta or {}):
            raise DataError(rel(mpath), f"manifest has '{key}'")
    return meta


def resolve(name) -> Path:
    """A data file: a bare name (``cn_nominal_gdp`` or ``cn_nominal_gdp.csv``) is looked up in data/raw,
    derived, lexicon and labels; anything with a folder in it (``some/dir/x.csv``, absolute or relative to the
    working directory) is that file and no other, even when data/ holds a file of the same name.

    >>> rel(resolve("cn_nominal_gdp"))
    'data/raw/cn_nominal_gdp.csv'
    >>> resolve("some/dir/cn_nominal_gdp.csv")
    PosixPath('some/dir/cn_nominal_gdp.csv')
    """
    p = Path(name)
    if p.suffix != ".csv":
        p = p.with_name(p.name + ".csv")
    if len(p.parts) > 1:  # a path: validate the file named, never a namesake in data/
        return p
    for folder in (RAW, DERIVED, LEXICON, LABELS):
        if (folder / p.name).exists() or manifest_path(folder / p.name).exists():
            return folder / p.name
    raise UsageError(f"unknown data file '{name}' (see `python -m nqpf data list`)")


def _schema(meta: dict) -> pa.DataFrameSchema:
    import pandera.pandas as pa

    spec = meta["schema"]
    columns = {}
    for col in spec["columns"]:
        checks = []
        if "min" in col:
            checks.append(pa.Check.ge(col["min"]))
        if "max" in col:
            checks.append(pa.Check.le(col["max"]))
        if "pattern" in col:
            checks.append(pa.Check.str_matches(col["pattern"]))
        if "allowed" in col:
            checks.append(pa.Check.isin(col["allowed"]))
        columns[col["name"]] = pa.Column(
            _TYPES[col["type"]], checks=checks, nullable=col.get("nullable", False), coerce=True
        )
    return pa.DataFrameSchema(columns, strict=True, ordered=True, unique=spec.get("primary_key"))


def _show(value) -> str:
    """A failing value as the reader wrote it (no numpy repr such as np.int64(1984))."""
    return repr(value.item() if hasattr(value, "item") else value)


def _first_failure(path: Path, err: pa.errors.SchemaErrors) -> DataError:
    fc = err.failure_cases
    row = fc.iloc[0]
    index = row.get("index")
    line = int(index) + 2 if pd.notna(index) else None  # header is line 1
    col = row.get("column")
    check = str(row.get("check"))
    case = row.get("failure_case")
    # Column rules are about the header, line 1.
    if check == "column_in_dataframe":
        return DataError(rel(path), "required column present", 1, f"column '{case}' is missing")
    if check == "column_in_schema":
        return DataError(rel(path), "no unexpected column", 1, f"column '{case}' is not in the manifest")
    if check == "column_ordered":
        return DataError(rel(path), "columns in manifest order", 1, f"column '{case}' out of order")
    if "unique" in check or check.startswith("multiple_fields_uniqueness"):
        # pandera flags every copy; name the later one (the duplicate) and where the key first stood.
        same = fc[(fc["check"] == row["check"]) & (fc["failure_case"] == case)]["index"].dropna()
        lines = sorted(int(i) + 2 for i in same) or [line]
        first = f" (first at line {lines[0]})" if len(lines) > 1 else ""
        return DataError(rel(path), "primary key unique", lines[-1], f"duplicate {col or 'key'} {_show(case)}{first}")
    if pd.isna(case) or "not_nullable" in check:
        return DataError(rel(path), f"column '{col}' not empty", line, "empty cell")
    return DataError(rel(path), f"column '{col}': {check}", line, f"value {_show(case)}")


def validate(path: Path, meta: dict | None = None) -> pd.DataFrame:
    """Check one file against its manifest and return it typed. Raises DataError on the first broken rule."""
    path = Path(path)
    if not path.exists():
        raise DataError(rel(path), "file exists")
    usage.note(path)  # during a build: the page being built uses this file (for the data catalogue)
    meta = meta or read_manifest(path)
    raw = path.read_bytes()
    if not raw.strip():
        raise DataError(rel(path), "file not empty")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(rel(path), "encoding is UTF-8", line, f"byte 0x{raw[exc.start]:02x} is not UTF-8") from None
    digest = hashlib.sha256(raw).hexdigest()
    if digest != meta["sha256"]:
        raise DataError(rel(path), "sha256 matches manifest",
                        detail=f"file {digest[:12]}…, manifest {meta['sha256'][:12]}…")
    try:
        df = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, na_values=[""])
    except pd.errors.ParserError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise DataError(rel(path), "CSV well formed", int(m.group(1)) if m else None, str(exc).strip()) from None
    spec = meta["schema"]
    key = _verdict_key(digest, spec)
    typed = _typed_if_validated(df, spec, key)
    if typed is not None:
        return typed
    import pandera.pandas as pa

    try:
        df = _schema(meta).validate(df, lazy=True)
    except pa.errors.SchemaErrors as err:
        raise _first_failure(path, err) from None
    if len(df) < spec.get("min_rows", 1):
        raise DataError(rel(path), f"at least {spec.get('min_rows', 1)} rows", detail=f"{len(df)} rows")
    order = spec.get("sorted_by")
    if order:
        groups = spec.get("group_by") or []
        keys = pd.Series("", index=df.index)
        for g in groups:  # column-wise join: a row-wise agg takes seconds on files of 20,000 rows
            keys = keys + "|" + df[g].astype(str)
        prev = {}
        for i, (k, v) in enumerate(zip(keys, df[order[0]])):
            if k in prev and not v > prev[k]:
                raise DataError(rel(path), f"'{order[0]}' strictly increasing", i + 2, f"{v} after {prev[k]}")
            prev[k] = v
    _record_verdict(key, df)
    return df


# Verdict cache: a file whose exact bytes passed every rule of the same schema, under the same rules code and the
# same pandas/pandera/numpy, passes again. Importing pandera and running it costs every fresh kernel about 0.5 s
# before the first check; on a hit the frame is only typed as pandera typed it (column dtypes recorded with the
# verdict). Any change of the bytes, the manifest's schema, this module or the libraries is a new key: checked again.
def _verdict_dir() -> Path:
    from nqpf.core.paths import CACHE  # read here: tests and builds point NQPF_CACHE elsewhere

    return CACHE / "validated"


@lru_cache(maxsize=1)
def _rules_version() -> str:
    from nqpf.core.envinfo import installed

    h = hashlib.sha256(Path(__file__).read_bytes())
    for lib in installed(("pandas", "pandera", "numpy")):
        h.update(lib.encode())
    return h.hexdigest()


def _verdict_key(digest: str, spec: dict) -> str:
    h = hashlib.sha256(f"{digest}\n{_rules_version()}\n".encode())
    h.update(json.dumps(spec, sort_keys=True, ensure_ascii=False, default=str).encode())
    return h.hexdigest()[:32]


def _typed_if_validated(df: pd.DataFrame, spec: dict, key: str) -> pd.DataFrame | None:
    """The frame typed as the recorded validation typed it, or None when this key was never validated."""
    try:
        dtypes = json.loads((_verdict_dir() / f"{key}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    try:
        out = df.astype({c["name"]: _TYPES[c["type"]] for c in spec["columns"]})
    except (KeyError, ValueError, TypeError):
        return None
    if [str(t) for t in out.dtypes] != dtypes or list(out.columns) != [c["name"] for c in spec["columns"]]:
        return None
    return out


def _record_verdict(key: str, df: pd.DataFrame) -> None:
    try:
        write_atomic(_verdict_dir() / f"{key}.json", json.dumps([str(t) for t in df.dtypes]))  # parallel notebooks
    except OSError:  # a read-only cache only costs the next reader a full check
        pass


@lru_cache(maxsize=64)
def _load_cached(path: str, mtime: float, size: int) -> pd.DataFrame:
    return validate(Path(path))


def load(name: str) -> pd.DataFrame:
    """Load a validated data file (a copy, so callers may modify it)."""
    path = resolve(name)
    if not path.exists():
        raise DataError(rel(path), "file exists")
    usage.note(path)  # here too: a cached load does not reach validate()
    st = path.stat()
    mst = manifest_path(path).stat().st_mtime if manifest_path(path).exists() else 0
    return _load_cached(str(path), max(st.st_mtime, mst), st.st_size).copy()


def figure(name: str, key: str) -> float:
    """One figure of a key/value table (the figures quoted in the seeds), by key."""
    df = load(name)
    row = df[df["key"] == key]
    if row.empty:
        raise UsageError(f"unknown figure '{key}' in {name} (known: {', '.join(df['key'])})")
    return float(row["value"].iloc[0])


def flags(source: str) -> list[str]:
    """Flags such as DERIVED or UNCERTAIN written in a row's source text."""
    return [f for f in FLAGS if re.search(rf"\b{re.escape(f)}\b", str(source))]


def flag_label(flags, english: bool = False) -> str:
    """The one label of a row's flags: 'DERIVED, UNCERTAIN' -> '推算、不确定', or with ``english=True``
    '推算（DERIVED）、不确定（UNCERTAIN）'; repeated flags once, '' (or None) stays ''.

    >>> flag_label("DERIVED, UNCERTAIN, DERIVED")
    '推算、不确定'
    >>> flag_label("DERIVED, UNCERTAIN", english=True)
    '推算（DERIVED）、不确定（UNCERTAIN）'
    >>> flag_label(None)
    ''
    """
    parts = list(dict.fromkeys(f.strip() for f in str(flags or "").split(",") if f.strip()))
    return "、".join(f"{FLAG_ZH.get(f, f)}（{f}）" if english else FLAG_ZH.get(f, f) for f in parts)


def with_flags(df: pd.DataFrame, column: str = "source") -> pd.DataFrame:
    out = df.copy()
    out["flags"] = out[column].map(lambda s: ", ".join(flags(s)))
    return out


def data_files() -> list[Path]:
    """Every data file that has or should have a manifest."""
    # lexicon CSVs, the labelled samples and the policy corpus's manifest.csv carry manifests too
    folders = (RAW, DERIVED, LEXICON, LABELS, CORPUS)
    files = [f for d in folders for f in sorted(d.glob("*.csv"))]
    orphans = [Path(str(m)[:-4]) for d in folders for m in d.glob("*.csv.yml")]
    return sorted(set(files) | set(orphans))


def validate_all() -> list[dict]:
    rows = []
    for path in data_files():
        with usage.paused():  # taking stock of every file is not using it
            df = validate(path)
        rows.append({"file": rel(path), "rows": len(df), "columns": len(df.columns), "sha256": sha256(path)})
    return rows


def catalogue() -> pd.DataFrame:
    """One row per data file: title, publisher, licence, rows, columns, sha256 (for the data appendix)."""
    rows = []
    for path in data_files():
        meta = read_manifest(path)
        with usage.paused():  # taking stock of every file is not using it
            df = load(str(path))
        src = meta["source"]
        rows.append(
            {
                "file": rel(path),
                "title": meta["title"],
                "class": meta.get("class", ""),
                "publisher": src.get("publisher", "") if isinstance(src, dict) else str(src),
                "licence": meta["licence"],
                "rows": len(df),
                "columns": ", ".join(df.columns),
                "sha256": meta["sha256"],
            }
        )
    return pd.DataFrame(rows)


def write_derived(df: pd.DataFrame, name: str, title: str, generated_by: str, schema: dict,
                  sources: list[str], licence: str = "CC BY 4.0 (this project)") -> Path:
    """Write a regenerable file into data/derived with its manifest; deterministic output, no timestamps."""
    DERIVED.mkdir(parents=True, exist_ok=True)
    path = DERIVED / f"{name}.csv"
    payload = df.to_csv(index=False, lineterminator="\n").encode("utf-8")
    path.write_bytes(payload)
    meta = {
        "title": title,
        "class": "derived",
        "source": {"generated_by": generated_by, "inputs": sources},
        "licence": licence,
        "sha256": hashlib.sha256(payload).hexdigest(),
        "schema": schema,
    }
    manifest_path(path).write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False), encoding="utf-8")
    validate(path, meta)
    return path
