"""Where things live. Everything is relative to the project root, so a clone works anywhere."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BOOK = ROOT / "book"
SEEDS = ROOT / "seeds"
DATA = ROOT / "data"
RAW = DATA / "raw"
DERIVED = DATA / "derived"
LEXICON = DATA / "lexicon"
CORPUS = DATA / "corpus"  # policy texts (.txt) and their manifest.csv
LABELS = DATA / "labels"  # hand-labelled samples that measure an extractor
USERDICT = LEXICON / "userdict.txt"
BUILD = ROOT / "_build"
# Caches stay inside _build (hermetic builds; `make clean` removes them).
CACHE = Path(os.environ.get("NQPF_CACHE", BUILD / ".cache"))


def rel(path) -> str:
    """Path relative to the project root, for messages and citations."""
    p = Path(path).resolve()
    try:
        return str(p.relative_to(ROOT))
    except ValueError:
        return str(p)


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write ``path`` whole or not at all (its folder made if need be): a file of this process's own, then renamed.
    Caches are read and written by notebooks, workers and builds running at the same time: none reads half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    if isinstance(data, str):
        part.write_text(data, encoding="utf-8")
    else:
        part.write_bytes(data)
    part.replace(path)
