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
