"""Reading policy documents and the corpus manifest: one path from file to countable text.

Every document goes through :func:`read_text` (UTF-8, or a :class:`DataError` naming the file) →
:func:`nqpf.analysis.cleaning.clean` → :func:`analysis_text` (line breaks inside the document dropped, because
Wikisource puts link text on lines of its own and a term may straddle one). The corpus in ``data/corpus`` is first
checked against its manifest (``manifest.csv`` against ``manifest.csv.yml``, then every file's bytes and sha256
against its row, and no file without a row).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from nqpf.analysis import cleaning
from nqpf.core import text
from nqpf.core.errors import DataError, UsageError
from nqpf.core.paths import CORPUS, USERDICT, rel

if TYPE_CHECKING:  # pandas and the schema checks load only where the manifest is read: `corpus frequencies`
    import pandas as pd  # on a folder of its own starts without them

__all__ = ["CORPUS", "MANIFEST", "PER", "PREMIERS", "premier", "read_text", "analysis_text", "flat_text", "load",
           "txt_files",
           "manifest", "documents", "terms"]

MANIFEST = CORPUS / "manifest.csv"
PER = 10_000  # rates are per 10,000 Chinese characters

# Who delivered the national work report of each year (the premier, and with him the drafting team), for the
# years the keyness comparisons use. Wen Jiabao delivered March 2004 – March 2013, Li Keqiang March 2014 –
# March 2023 (his last report was given after his successor was named), Li Qiang from March 2024.
PREMIERS = {"温家宝": range(2004, 2014), "李克强": range(2014, 2024), "李强": range(2024, 2100)}


def premier(year: int) -> str:
    """The premier who delivered the work report of ``year`` (from 2004 on; "" before)."""
    return next((name for name, years in PREMIERS.items() if int(year) in years), "")


def read_text(path) -> str:
    """The file as text; a DataError naming the file (and line) if it cannot be read or is not UTF-8."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError(rel(path), "file readable", detail=exc.strerror or str(exc)) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(rel(path), "encoding is UTF-8", line, f"byte 0x{raw[exc.start]:02x} is not UTF-8") from None


def analysis_text(cleaned: str) -> str:
    """Cleaned text with line breaks and spaces inside Chinese text removed, for counting terms."""
    return "".join(ln.strip().replace("\u3000", "") for ln in cleaned.split("\n"))


def flat_text(path) -> str:
    """Read, clean and flatten one document: the text terms are counted in."""
    return analysis_text(cleaning.clean(read_text(path)).text)


def load(path) -> tuple[str, int]:
    """Read, clean and flatten one document: (analysis text, number of Chinese characters)."""
    flat = flat_text(path)
    return flat, text.hanzi_count(flat)


def txt_files(folder) -> list[Path]:
    """Every ``.txt`` file under ``folder`` (recursively), sorted; UsageError if there is none."""
    folder = Path(folder)
    if not folder.is_dir():
        raise UsageError(f"{folder}: not a folder")
    files = sorted(p for p in folder.rglob("*.txt") if p.is_file())
    if not files:
        raise UsageError(f"{folder}: no .txt files")
    return files


@lru_cache(maxsize=1)
def _manifest(corpus: Path) -> pd.DataFrame:
    from nqpf.core import data

    listing = corpus / "manifest.csv"
    df = data.validate(listing).copy()
    for line, row in enumerate(df.itertuples(index=False), start=2):
        path = corpus / row.file
        if not path.exists():
            raise DataError(rel(listing), "listed file exists", line, row.file)
        raw = path.read_bytes()
        if len(raw) != row.bytes:
            raise DataError(rel(path), "bytes match manifest.csv", detail=f"file {len(raw)}, manifest {row.bytes} "
                            f"(manifest.csv line {line})")
        if data.sha256(path) != row.sha256:
            raise DataError(rel(path), "sha256 matches manifest.csv", detail=f"manifest.csv line {line}")
    listed = set(df["file"])
    for p in txt_files(corpus):
        if p.relative_to(corpus).as_posix() not in listed:
            raise DataError(rel(p), "file listed in data/corpus/manifest.csv")
    df["path"] = [str(corpus / f) for f in df["file"]]
    return df


def manifest(corpus=None) -> pd.DataFrame:
    """``data/corpus/manifest.csv`` (or another corpus folder's), validated against its ``.yml``; every file
    checked against its row (bytes, sha256) and no ``.txt`` file without a row. A copy: callers may change it."""
    return _manifest(Path(corpus) if corpus else CORPUS).copy()


manifest.cache_clear = _manifest.cache_clear  # the tests re-read a changed copy


def _province(file: str, collection: str) -> str:
    return Path(file).stem.split("_", 1)[1] if collection == "provincial_2025" else ""


def documents(collection: str | None = None, corpus=None) -> pd.DataFrame:
    """The corpus documents: document (file path under data/corpus), collection, year, title, province, path."""
    df = manifest(corpus)
    if collection is not None:
        if collection not in set(df["collection"]):
            raise UsageError(f"unknown collection {collection!r} (one of: {', '.join(sorted(set(df['collection'])))})")
        df = df[df["collection"] == collection]
    out = df.rename(columns={"file": "document"})[["document", "collection", "year", "title", "path"]].copy()
    out["province"] = [_province(d, c) for d, c in zip(out["document"], out["collection"])]
    return out.reset_index(drop=True)


def terms(path=None) -> list[str]:
    """Terms of a dictionary file, one a line (jieba user-dictionary format: the first field is the term).
    Default: the book's user dictionary. Duplicates are dropped, order kept."""
    p = Path(path) if path else USERDICT
    body = read_text(p)
    out = [ln.split()[0] for ln in body.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    if not out:
        raise UsageError(f"{p}: no terms")
    return list(dict.fromkeys(out))
