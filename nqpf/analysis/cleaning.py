"""Cleaning rules for policy documents: whole lines removed at a document's start or end, and script conversion.

Every ``.txt`` document (the policy corpus in ``data/corpus/`` or any folder a reader adds) goes through
:func:`clean`. The files are never changed; cleaning is for analysis only.

A removal rule only ever drops *whole lines*, and only while they sit at the start or at the end of the
document (blank lines in between are skipped over). It never cuts the text at a phrase that could also occur
inside a report: a line is removed because the whole line matches, not because it contains a word.

Rules, in the order they are tried:

``wikisource_footer`` (end)
    Wikisource's licence template, appended to every national report and congress report: the block from a line
    starting ``本作品`` (``本作品是中华人民共和国的`` / ``本作品来自…中国共产党文件``) to the end, removed only if
    every line of the block is template text (short link-text lines, ``↑``, ``[``, ``CPC 1``, ``Public domain``,
    ``false``) or a sentence of the template, and the block ends with ``Public domain``/``false``.
``reprint`` (start)
    A reprint line among the first five non-blank lines: ``来源：北京日报`` (the whole line starts with 来源 and a
    colon). Its line goes, with whatever the capture glued to it (the 江西 line carries the dateline).
``furniture`` (start and end)
    Page furniture of a web capture: a line made only of 打印 / 下载 / 关闭 / 字号：大 中 小 / 分享到 / 收藏 / 返回顶部
    and brackets, e.g. ``【打印】【关闭】`` or ``字号：大 中 小``.
``appendix`` (end)
    Notes and tables appended after a report's end: the block from a line that is *exactly* an appendix heading
    (``附件``, ``附件1``, ``附表``, ``名词解释``, ``注释``, ``《政府工作报告》有关内容名词注释``) to the end.
``t2s`` (whole document, not a removal)
    Documents written wholly or partly in traditional characters (1954 is a third traditional, 1957 under 1 %,
    1955 has six such characters) are converted with OpenCC ``t2s`` (phrase-aware) when they hold at least
    ``T2S_MIN_DISTINCT`` distinct traditional characters; other documents are left untouched by OpenCC.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from nqpf.core import text as core_text

# A document is converted when it holds at least this many distinct traditional characters: 1954 (a third of its
# characters), 1957 (under 1 %), 1955 (six characters) and a 2002 report with two typos are; a single odd form
# is usually a variant or a name that t2s would spoil (拚搏, 乾县, 菜薹 → 菜苔), and is left alone.
T2S_MIN_DISTINCT = 2
_HEAD_LINES = 5  # a reprint line stands among the first few non-blank lines

_FOOTER_START = re.compile(r"^\s*本作品(是中华人民共和国的|来自)")
_FOOTER_END = {"Public domain", "false"}
_FOOTER_LINE = re.compile(
    r"^\s*(?:Public domain|false|↑|\[|\]|CPC \d+|[，。、）》（《”“]+|"  # template scaffolding and split links
    r".{0,25}|"  # link text Wikisource puts on its own line (法律, 公有领域, 2024年社群共识 …)
    r"(?:本作品|注：|据|中国共产党的领导人|《刑事审判参考》|，|）|》|制定的公文).*)\s*$"  # the template's sentences
)
_REPRINT = re.compile(r"^\s*来源\s*[：:]")
_FURNITURE_TOKEN = (r"(?:打印(?:本页|此页)?|下载(?:全文|附件|本页)?|关闭(?:窗口|本页)?|字号\s*[：:]?(?:\s*[大中小])*"
                    r"|分享到?\s*[：:]?|收藏|返回顶部|【|】|\[|\]|\||｜|/|·)")
_FURNITURE = re.compile(rf"^\s*(?:{_FURNITURE_TOKEN}\s*)+$")
_FURNITURE_WORD = re.compile(r"打印|下载|关闭|字号|分享|收藏|返回顶部")
_APPENDIX = re.compile(r"^\s*(?:附件\s*\d*|附表\s*\d*|名词解释|名词注释|注释"
                       r"|(?:《[^》]+》)?有关内容名词(?:注释|解释))\s*$")

RULES = ("wikisource_footer", "reprint", "furniture", "appendix", "t2s")


@dataclass
class Cleaned:
    """A cleaned document: the text kept, and the removed lines (1-based numbers) by rule."""

    text: str
    removed: dict[str, list[int]] = field(default_factory=dict)
    converted: bool = False  # OpenCC t2s applied

    @property
    def rules(self) -> list[str]:
        return [r for r in RULES if self.removed.get(r)] + (["t2s"] if self.converted else [])


@lru_cache(maxsize=1)
def _traditional_re() -> re.Pattern:
    # one character class: the regex engine scans a document ten times faster than a set intersection
    return re.compile("[" + "".join(sorted(core_text.traditional_chars())) + "]")


def traditional_found(text: str) -> set[str]:
    """The distinct traditional characters in ``text``."""
    return set(_traditional_re().findall(text))


def traditional_share(text: str) -> float:
    """Share of the Chinese characters of ``text`` that are traditional forms
    (:func:`nqpf.core.text.traditional_chars`)."""
    n = core_text.hanzi_count(text)
    return len(_traditional_re().findall(text)) / n if n else 0.0


def _footer_block(lines: list[str], end: int) -> int | None:
    """Index of the first line of a Wikisource footer ending at ``end`` (exclusive), or None."""
    body = [i for i in range(end) if lines[i].strip()]
    if not body or lines[body[-1]].strip() not in _FOOTER_END:
        return None
    for i in reversed(body):
        if _FOOTER_START.match(lines[i]):
            block = [j for j in body if j >= i]
            return i if all(_FOOTER_LINE.match(lines[j]) for j in block) else None
    return None


def clean(text: str) -> Cleaned:
    """Apply the rules to one document (see the module docstring); returns the kept text and what went."""
    lines = text.split("\n")
    removed: dict[str, list[int]] = {r: [] for r in RULES if r != "t2s"}
    start, end = 0, len(lines)

    # End: footer, appendix and furniture blocks, in any order, until nothing more matches.
    while True:
        while end > start and not lines[end - 1].strip():
            end -= 1
        i = _footer_block(lines[:end], end)
        if i is not None and i >= start:
            removed["wikisource_footer"] += [n + 1 for n in range(i, end) if lines[n].strip()]
            end = i
            continue
        heads = [j for j in range(start, end) if _APPENDIX.match(lines[j])]
        if heads and heads[0] > start:
            j = heads[0]
            removed["appendix"] += [n + 1 for n in range(j, end) if lines[n].strip()]
            end = j
            continue
        if end > start and _FURNITURE.match(lines[end - 1]) and _FURNITURE_WORD.search(lines[end - 1]):
            removed["furniture"].append(end)
            end -= 1
            continue
        break

    # Start: furniture and reprint lines among the first non-blank lines.
    seen = 0
    i = start
    while i < end and seen < _HEAD_LINES:
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if _FURNITURE.match(line) and _FURNITURE_WORD.search(line):
            removed["furniture"].append(i + 1)
        elif _REPRINT.match(line):
            removed["reprint"].append(i + 1)
        else:
            seen += 1  # a kept line: later reprint lines may still follow a title or dateline
            i += 1
            continue
        lines[i] = ""  # removed whole; blank keeps line numbers stable
        i += 1

    kept = "\n".join(lines[start:end]).strip("\n")
    converted = len(traditional_found(kept)) >= T2S_MIN_DISTINCT
    if converted:
        kept = core_text.simplified(kept)
    return Cleaned(kept, {k: sorted(v) for k, v in removed.items() if v}, converted)
