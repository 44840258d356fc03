"""The findings register as the reader meets it: a MyST list for the introduction's 主要发现 and the front page.

Each item is the finding's sentence as the register words it (the wording chosen by its computed verdict), its
robustness label and a reference to the section it comes from, grouped by chapter in reading order.
"""

from __future__ import annotations

from nqpf.analysis.findings import Finding, label

__all__ = ["CHAPTERS", "chapter_of", "ordered", "markdown"]

# Chapter labels in reading order, and the Chinese heading of each group.
CHAPTERS = (("concept", "概念"), ("tfp", "全要素生产率"), ("world", "国际比较"), ("digital", "数字经济"),
            ("industries", "产业"), ("provinces", "省际比较"), ("corpus", "语料"), ("policy", "政策文本"),
            ("factcheck", "事实核查"), ("outcomes", "2025 年目标的结果"))


def chapter_of(f: Finding) -> str:
    """The chapter a finding belongs to, from its section label ('tfp-robust' -> 'tfp').

    >>> chapter_of(Finding("x", "provinces-regions", "> 0", "", [], "robust", [], "s"))
    'provinces'
    """
    head = f.section.split("-")[0]
    known = {c for c, _ in CHAPTERS}
    return head if head in known else "other"


def ordered(findings) -> list[Finding]:
    rank = {c: i for i, (c, _) in enumerate(CHAPTERS)}
    return sorted(findings, key=lambda f: rank.get(chapter_of(f), len(rank)))


def markdown(findings, numbered: bool = True) -> str:
    """A MyST list: the sentence, then （label；{ref}`section`）, one item per finding, chapter by chapter."""
    lines = []
    for i, f in enumerate(ordered(findings), start=1):
        bullet = f"{i}." if numbered else "-"
        lines.append(f"{bullet} {f.statement}（{label(f)}；见{{ref}}`{f.section}`）")
    return "\n".join(lines) + "\n"
