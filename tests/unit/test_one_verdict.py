"""One verdict per fact: a chapter that judges a seed figure glues the fact-check module's verdict."""

from __future__ import annotations

import re

from nqpf.core.paths import ROOT

BOOK = ROOT / "book"
# Phrases with which a chapter would word its own verdict on a seed figure.
OWN_VERDICTS = ("相符（取整）", "取整后相符", "四舍五入后相符", "与种子相符", "仍然偏宽")


def test_no_chapter_words_its_own_verdict():
    for md in BOOK.glob("*.md"):
        if md.name == "factcheck.md":
            continue
        text = md.read_text(encoding="utf-8")
        for phrase in OWN_VERDICTS:
            assert phrase not in text, (md.name, phrase)


def test_chapters_that_judge_seed_figures_glue_the_fact_check_verdict():
    # The chapter asks for the verdict itself, or through its topic's facts() module (chapters do no arithmetic:
    # nqpf/analysis/<topic>_facts.py or <topic>/chapter_facts.py); either way the words come from factcheck.verdict.
    pattern = re.compile(r"factcheck\.verdict\(\"[a-z0-9_]+\"\)")
    for name in ("tfp", "digital", "industries", "concept"):
        text = (BOOK / f"{name}.md").read_text(encoding="utf-8")
        analysis = ROOT / "nqpf" / "analysis"
        for facts in (analysis / f"{name}_facts.py", analysis / name / "chapter_facts.py",
                      analysis / name / "facts.py"):
            if facts.exists():
                text += facts.read_text(encoding="utf-8")
        assert pattern.search(text), name


def test_drone_base_is_a_fact_check_not_a_chapter_verdict():
    from nqpf.analysis import factcheck

    row = factcheck.verdict("drones_2022_base")
    # by hand: 126.7 / 1.322 = 95.84; CAAC's 2022 stock, 95.8, lies in the range the seed's rounding allows
    assert row["verdict"] == "agrees" and "95.8" in row["computation"]
    text = (BOOK / "industries.md").read_text(encoding="utf-8")
    facts = (ROOT / "nqpf" / "analysis" / "industries_facts.py").read_text(encoding="utf-8")  # the chapter's facts()
    assert 'factcheck.verdict("drones_2022_base")' in text + facts and "两者一致" not in text


def test_factcheck_appendix_does_no_arithmetic_of_its_own():
    # Issue 20: the appendix glued figures it re-derived with its own regular expressions over seed lines; now every
    # value it prints comes from factcheck.facts() (or the check rows).
    text = (BOOK / "factcheck.md").read_text(encoding="utf-8")
    assert "factcheck.claim(" not in text and "round_half_up" not in text and "WAN_YI" not in text
    assert "factcheck.facts()" in text
    from nqpf.analysis import factcheck

    facts = factcheck.facts()
    # 56.1 / 126 = 44.52 % rounds to 45 (the seed says 44); 14.4 万亿 / 5,784 亿 = 24.9, printed as 25
    assert facts["share_rounded"] == "45" and facts["genai_times"] == "25" and facts["gap_2013"] == "0.1"
    assert facts["n"] == sum(facts[k] for k in factcheck.VERDICT_KEYS.values())
