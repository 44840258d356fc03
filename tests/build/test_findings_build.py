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

ROBUST_WORD = re.compile(r"(?<!不)稳健")


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


def test_every_finding_is_printed_with_the_label_of_its_verdict(register, blocks, toc_pages):
    missing, overstated = [], []
    for f in register:
        statement = squeeze(f.statement)
        where = [(d, t) for d, t in blocks if statement in t]
        if not where:
            missing.append(f.id)
            continue
        for d, text in where:
            if f.verdict == "depends":
                # The qualifier travels with the sentence; 稳健 (robust) never does.
                if ROBUST_WORD.search(text) or "取决于" not in text:
                    overstated.append(f"{f.id} on {d}: {text[:120]}")
            elif squeeze(findings.label(f)) not in text and "稳健" not in text:
                overstated.append(f"{f.id} on {d}: printed without its robustness label")
    assert not missing, f"findings never printed in the book: {missing}"
    assert not overstated, "findings printed stronger than their verdict:\n" + "\n".join(overstated)
