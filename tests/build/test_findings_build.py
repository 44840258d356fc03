"""Findings as printed: every finding of the register appears in the book with the label its computed verdict
gives, and a finding that depends on a specification is never printed as robust (稳健) or without its qualifier.

Runs on the book `make book` builds (conftest.built_book).
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from nqpf.analysis import findings

pytestmark = pytest.mark.build

ROBUST_WORD = re.compile(r"(?<!不)稳健(?!性)")  # 稳健性 (robustness, the noun) claims nothing
ROBUST_LABEL = re.compile(r"稳健（全部\d+种设定下成立）")  # findings.label of a robust finding, squeezed
# Pages that list glued values rather than state claims (修订记录 prints old and new values).
LISTS_VALUES = {"book/changes"}


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def blocks(html_dir, toc_pages):
    """(page, text) of every paragraph, list item and table cell of the built book."""
    out = []
    for d in toc_pages:
        soup = BeautifulSoup((html_dir / f"{d}.html").read_text(encoding="utf-8"), "html.parser")
        for el in soup.select("article p, article li, article td"):
            out.append((d, squeeze(el.get_text(" ", strip=True))))
    return out


@pytest.fixture(scope="module")
def register():
    return findings.register()


def test_the_register_holds_the_findings_the_issue_names(register):
    ids = {f.id for f in register}
    needed = {"tfp-share-after-2013", "tfp-level-vs-us", "digital-growth-vs-gdp", "sei-target-2025",
              "world-rd-catchup", "provinces-beijing-first", "provinces-gap-narrowing", "provinces-method-share",
              "policy-talk-vs-index", "policy-keyness-new-terms"}
    assert needed <= ids, f"missing findings: {sorted(needed - ids)}"


def sentences(text: str, statement: str):
    """(the clause before a printed statement, the text right after it) for each place it is printed."""
    start = 0
    while (i := text.find(statement, start)) >= 0:
        before = re.split(r"[。；！？]", text[:i])[-1]
        yield before, text[i + len(statement): i + len(statement) + 400]
        start = i + len(statement)


def test_every_finding_is_printed_with_the_label_of_its_verdict(register, blocks):
    missing, overstated = [], []
    for f in register:
        statement = squeeze(f.statement)
        where = [(d, t) for d, t in blocks if statement in t and d not in LISTS_VALUES]
        if not where:
            missing.append(f.id)
            continue
        if f.verdict != "depends":
            continue
        label = squeeze(findings.label(f))
        for d, text in where:
            for before, after in sentences(text, statement):
                # The qualifier travels with the sentence (in its wording or its label right after it); 稳健
                # (robust) never does. Another finding's robust label just before it is not this sentence's.
                before = ROBUST_LABEL.sub("", before)
                qualified = "取决于" in statement or after.lstrip("（(").startswith(label)
                if ROBUST_WORD.search(before + statement) or not qualified:
                    overstated.append(f"{f.id} on {d}: …{before[-40:]}【{f.statement[:40]}…】{after[:60]}")
    assert not missing, f"findings never printed in the book: {missing}"
    assert not overstated, "findings printed stronger than their verdict:\n" + "\n".join(overstated)
