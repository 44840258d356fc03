"""The seed corpus as analysis data: normalised text, tokens, frequencies, keywords, themes, co-occurrence.

The seed files are never changed. Normalisation is for analysis only and keeps, for every character of the
analysis text, the original file line it came from, so every result can be cited as ``seed:line``:

- seed 004 (traditional script) is converted to simplified characters with OpenCC (``t2s``), line by line; both
  versions are kept (:attr:`Document.lines` and :attr:`Document.simplified`);
- in seeds 002 and 003 (PDF extractions) a printed line that stops mid-sentence is joined to the next non-empty
  line; short lines (headings, author lines) and lines ending a sentence start a new paragraph;
- a decimal split by a space (``2. 4 亿人`` in seed 003) is rejoined;
- markup (HTML tags, footnote marks ``<sup>n</sup>``, URLs, Markdown emphasis and heading marks) is dropped, as
  are spaces next to Chinese characters (the PDF extraction spaces out "2023 年");
- extraction debris is excluded, not deleted: seed 000 lines 20-29 are OCR text of a chart image.

Public functions (stable; other chapters call them):

- ``documents()`` -> list of :class:`Document`; ``document(seed_id)`` -> one;
- ``tokens(seed_id, content=True)`` -> list of :class:`Token` (text, offset, original line);
- ``frequencies(seed_id=None, top=None)`` -> DataFrame term, count;
- ``keywords(k=10)`` -> DataFrame seed, rank, term, tfidf, count (TF-IDF over the five documents);
- ``theme_coverage(per=1000)`` -> DataFrame seeds x themes: theme-term tokens per ``per`` content tokens;
- ``cooccurrence(terms, window="sentence", seeds=None)`` -> square DataFrame of units containing both terms;
- ``units_containing(terms, window="sentence", seeds=None)`` -> number of units containing all the terms;
- ``terms_by_unit(seed_id, terms, window="sentence")`` -> list of :class:`Unit` (first and last original line,
  text, the terms it contains as tokens), one per sentence or paragraph;
- ``summary()`` -> one row per document: sizes before and after cleaning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

import pandas as pd

from nqpf.core import data, seeds, text
from nqpf.core.errors import UsageError

# Seed id -> (first, last) original lines that are extraction debris, kept in the file but not analysed.
EXCLUDED = {"000": (20, 29)}
# Seeds whose printed lines were broken mid-sentence by the PDF extraction.
JOIN_BROKEN = {"002", "003"}
# Seeds in traditional script, converted with OpenCC for analysis.
TRADITIONAL = {"004"}
# A broken line is a long one (a full printed line) or one ending in a comma-like mark.
_FULL_LINE = 30
_END = tuple("。！？!?；;：:”」』）)")
_CONTINUE = tuple("，,、")

_CJK = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’—…·"
_MARKUP = re.compile(
    r"<sup>\d+</sup>"  # footnote marks
    r"|<https?://[^>\s]+>|https?://\S+"  # URLs
    r"|\[([^\]]*)\]\(mailto:[^)]*\)"  # Markdown mail links: keep nothing (contact line)
    r"|<[^>\n]+>"  # HTML tags
    r"|\*\*"  # Markdown emphasis
    r"|^\s*#+\s"  # Markdown heading marks
    r"|^\s*-\s(?=\S)"  # list bullets
)
_SPACE_NEAR_CJK = re.compile(rf"[ \u00a0\u3000]+(?=[{_CJK}])|(?<=[{_CJK}])[ \u00a0\u3000]+"
                             r"|(?<=\d\.) +(?=\d)")  # the PDF extraction writes 2.4 as "2. 4"
_SENTENCE_END = re.compile(r"[。！？!?；;\n]")


@dataclass(frozen=True)
class Token:
    text: str
    offset: int  # position in Document.text
    line: int  # original file line


@dataclass(frozen=True)
class Document:
    id: str
    title: str
    date: str
    script: str
    publisher: str
    file: str
    lines: tuple[str, ...]  # the file's lines, unchanged
    simplified: tuple[str, ...]  # lines in simplified script (equal to ``lines`` except for seed 004)
    text: str  # the analysis text
    line_of: tuple[int, ...] = field(repr=False)  # original line of every character of ``text``
    col_of: tuple[int, ...] = field(repr=False, default=())  # its column in that line (-1: a paragraph break)
    excluded: tuple[int, ...] = ()  # original lines left out of the analysis
    joined: int = 0  # number of line breaks removed because a sentence ran on

    def line_at(self, offset: int) -> int:
        """Original file line of the character at ``offset`` in :attr:`text`."""
        return self.line_of[min(max(offset, 0), len(self.line_of) - 1)]

    def original(self, start: int, end: int) -> str:
        """``text[start:end]`` as it stands in the file: the span of each original line it covers, spaces and
        script (traditional for seed 004) as in the file."""
        spans: dict[int, list[int]] = {}
        for i in range(max(start, 0), min(end, len(self.text))):
            if self.col_of[i] >= 0:
                spans.setdefault(self.line_of[i], []).append(self.col_of[i])
        out = []
        for n, cols in spans.items():
            orig, simp = self.lines[n - 1], self.simplified[n - 1]
            src = orig if len(orig) == len(simp) else simp  # OpenCC t2s keeps lengths in practice
            out.append(src[min(cols):max(cols) + 1])
        return "".join(out)

    def units(self, window: str = "sentence") -> list[tuple[int, int]]:
        """Spans (start, end) of the analysis text: sentences (split at 。！？； and paragraph ends) or paragraphs."""
        if window not in ("sentence", "paragraph"):
            raise UsageError(f"window must be 'sentence' or 'paragraph', not {window!r}")
        pattern = _SENTENCE_END if window == "sentence" else re.compile(r"\n")
        spans, start = [], 0
        for m in pattern.finditer(self.text):
            if m.end() > start:
                spans.append((start, m.end()))
            start = m.end()
        if start < len(self.text):
            spans.append((start, len(self.text)))
        return spans


def _clean_line(line: str) -> list[tuple[str, int]]:
    """The characters of one line kept for analysis, each with its column (markup and stray spaces dropped)."""
    drop = set()
    for m in _MARKUP.finditer(line):
        drop.update(range(m.start(), m.end()))
    kept = "".join(ch for i, ch in enumerate(line) if i not in drop)
    cols = [i for i in range(len(line)) if i not in drop]
    # Spaces next to Chinese characters go; spaces between Latin words stay.
    drop2 = set()
    for m in _SPACE_NEAR_CJK.finditer(kept):
        drop2.update(range(m.start(), m.end()))
    chars = [(ch, cols[i]) for i, ch in enumerate(kept) if i not in drop2]
    while chars and chars[0][0].isspace():
        chars.pop(0)
    while chars and chars[-1][0].isspace():
        chars.pop()
    return chars


def _build(row: dict) -> Document:
    sid = row["id"]
    original = seeds.lines(sid)
    simplified = tuple(text.simplified(ln) for ln in original) if sid in TRADITIONAL else original
    first, last = EXCLUDED.get(sid, (0, -1))
    excluded = tuple(n for n in range(first, last + 1) if n <= len(original))
    out: list[str] = []
    line_of: list[int] = []
    col_of: list[int] = []
    joined = 0
    prev = ""  # the previous kept line, to decide whether the next one continues it
    for n, line in enumerate(simplified, start=1):
        if n in excluded:
            continue
        chars = _clean_line(line)
        if not chars:
            continue
        piece = "".join(ch for ch, _ in chars)
        if out:
            runs_on = sid in JOIN_BROKEN and not prev.endswith(_END) and (
                len(prev) >= _FULL_LINE or prev.endswith(_CONTINUE))
            if runs_on:
                joined += 1
            else:
                out.append("\n")
                line_of.append(line_of[-1])
                col_of.append(-1)
        out.append(piece)
        line_of.extend([n] * len(piece))
        col_of.extend(c for _, c in chars)
        prev = piece
    return Document(
        id=sid, title=row["title"], date=row["date"], script=row["script"],
        publisher=row["publisher_or_venue"], file=row["file"], lines=original, simplified=simplified,
        text="".join(out), line_of=tuple(line_of), col_of=tuple(col_of), excluded=excluded, joined=joined,
    )


@lru_cache(maxsize=1)
def documents() -> tuple[Document, ...]:
    """All seed documents in manifest order, normalised for analysis."""
    return tuple(_build(row) for row in seeds.manifest())


def document(seed_id) -> Document:
    sid = seeds.seed(seed_id)["id"]  # raises UsageError for an unknown seed
    return next(d for d in documents() if d.id == sid)


@lru_cache(maxsize=16)
def _all_tokens(sid: str) -> tuple[Token, ...]:
    doc = document(sid)
    toks, pos = [], 0
    for t in text.segment(doc.text):
        if not t.isspace():
            toks.append(Token(t, pos, doc.line_at(pos)))
        pos += len(t)
    return tuple(toks)


def tokens(seed_id, content: bool = True) -> list[Token]:
    """Tokens of one document (jieba with the project dictionary, cached). ``content`` drops stop words,
    punctuation, numbers and single characters (see :func:`nqpf.core.text.is_content`)."""
    toks = _all_tokens(document(seed_id).id)
    return [t for t in toks if text.is_content(t.text)] if content else list(toks)


def frequencies(seed_id=None, top: int | None = None) -> pd.DataFrame:
    """Content-token counts for one document or (``seed_id=None``) the whole corpus, most frequent first."""
    ids = [document(seed_id).id] if seed_id is not None else [d.id for d in documents()]
    counts = pd.Series([t.text for sid in ids for t in tokens(sid)], dtype="str").value_counts()
    df = counts.rename_axis("term").reset_index(name="count")
    df = df.sort_values(["count", "term"], ascending=[False, True], kind="stable").reset_index(drop=True)
    return df.head(top) if top else df


def keywords(k: int = 10, max_df: float = 0.8) -> pd.DataFrame:
    """The ``k`` highest TF-IDF terms of each document (scikit-learn: smoothed idf, l2 norm, over the corpus).

    Terms in more than ``max_df`` of the documents are left out: with five documents, the default drops only
    terms that every document uses (新质生产力, 技术 …), which say nothing about any one of them.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    if k < 1:
        raise UsageError("k must be at least 1")
    docs = documents()
    bags = [[t.text for t in tokens(d.id)] for d in docs]
    vec = TfidfVectorizer(analyzer=lambda bag: bag, lowercase=False, max_df=max_df)
    matrix = vec.fit_transform(bags).toarray()
    vocab = vec.get_feature_names_out()
    rows = []
    for d, bag, scores in zip(docs, bags, matrix):
        counts = pd.Series(bag).value_counts()
        order = sorted(range(len(vocab)), key=lambda j: (-scores[j], vocab[j]))[:k]
        for rank, j in enumerate(order, start=1):
            rows.append({"seed": d.id, "rank": rank, "term": vocab[j], "tfidf": round(float(scores[j]), 4),
                         "count": int(counts.get(vocab[j], 0))})
    return pd.DataFrame(rows)


def themes() -> pd.DataFrame:
    """The theme lexicon (``data/lexicon/themes.csv``)."""
    return data.load("themes")


def theme_coverage(per: int = 1000) -> pd.DataFrame:
    """Rows: seeds; columns: themes (lexicon order); cells: theme-term tokens per ``per`` content tokens."""
    lex = themes()
    term_theme = dict(zip(lex["term"], lex["theme"]))
    order = list(dict.fromkeys(lex["theme"]))
    rows = {}
    for d in documents():
        toks = tokens(d.id)
        hits = pd.Series([term_theme[t.text] for t in toks if t.text in term_theme], dtype="str").value_counts()
        rows[d.id] = {th: per * hits.get(th, 0) / max(len(toks), 1) for th in order}
    df = pd.DataFrame.from_dict(rows, orient="index")[order]
    df.index.name = "seed"
    return df


def theme_counts() -> pd.DataFrame:
    """Long table: seed, theme, term, count (raw counts behind :func:`theme_coverage`)."""
    lex = themes()
    rows = []
    for d in documents():
        counts = pd.Series([t.text for t in tokens(d.id)], dtype="str").value_counts()
        for theme, term in zip(lex["theme"], lex["term"]):
            rows.append({"seed": d.id, "theme": theme, "term": term, "count": int(counts.get(term, 0))})
    return pd.DataFrame(rows)


class Unit(NamedTuple):
    """One sentence or paragraph of a document and which of the asked-for terms it contains."""

    first: int  # original file line of its first character
    last: int  # original file line of its last character
    text: str  # the unit in the analysis text (simplified script), stripped
    terms: set[str]  # the asked-for terms present in it as whole tokens


def terms_by_unit(seed_id, terms, window: str = "sentence") -> list[Unit]:
    """Every unit (sentence or paragraph, see :meth:`Document.units`) of one document, in text order, with the
    ``terms`` that occur in it as whole jieba tokens (``大数据`` is not ``数据``) and its original line span."""
    doc = document(seed_id)
    wanted = set(terms)
    spans = doc.units(window)
    present = [set() for _ in spans]
    j = 0
    for t in tokens(doc.id, content=False):  # tokens and spans are both in text order
        while j < len(spans) - 1 and t.offset >= spans[j][1]:
            j += 1
        if t.text in wanted:
            present[j].add(t.text)
    return [Unit(doc.line_at(a), doc.line_at(b - 1), doc.text[a:b].strip(), f) for (a, b), f in zip(spans, present)]


def _ids(seeds) -> list[str]:
    return [document(s).id for s in seeds] if seeds else [d.id for d in documents()]


def cooccurrence(terms=("数据", "算力", "算法"), window: str = "sentence", seeds=None) -> pd.DataFrame:
    """How many units (sentences or paragraphs) contain both terms; the diagonal counts units with the term.

    Terms are matched as whole tokens (``大数据`` is not ``数据``). ``seeds``: list of ids, default all.
    """
    terms = list(dict.fromkeys(terms))
    if not terms:
        raise UsageError("give at least one term")
    m = pd.DataFrame(0, index=terms, columns=terms, dtype="int64")
    for sid in _ids(seeds):
        for found in (u.terms for u in terms_by_unit(sid, terms, window)):
            for a in found:
                for b in found:
                    m.loc[a, b] += 1
    return m


def units_containing(terms, window: str = "sentence", seeds=None) -> int:
    """Number of units (sentences or paragraphs) that contain every one of ``terms`` as tokens."""
    wanted = set(terms)
    if not wanted:
        raise UsageError("give at least one term")
    return sum(u.terms == wanted for sid in _ids(seeds) for u in terms_by_unit(sid, wanted, window))


def summary() -> pd.DataFrame:
    """One row per document: script, lines, characters before and after cleaning, tokens."""
    rows = []
    for d in documents():
        rows.append({
            "seed": d.id, "title": d.title, "date": d.date, "script": d.script,
            "lines": len(d.lines), "characters": sum(len(ln) for ln in d.lines),
            "analysed_characters": sum(1 for ch in d.text if not ch.isspace()),
            "excluded_lines": len(d.excluded), "joined_breaks": d.joined,
            "tokens": len(tokens(d.id, content=False)), "content_tokens": len(tokens(d.id)),
        })
    return pd.DataFrame(rows)
