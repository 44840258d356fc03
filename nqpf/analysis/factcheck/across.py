"""Agreement across seeds: the same figure, definition or date wherever it is quoted."""

from __future__ import annotations

import re

import pandas as pd

from nqpf.analysis import concept
from nqpf.analysis.factcheck import engine
from nqpf.analysis.factcheck.engine import Claim, make_row

_YEAR = re.compile(r"((?:19|20)\d\d) ?年")


def stated_year(c: Claim) -> int | None:
    """The year a claim's own text states (2023年的13%以上 → 2023), or None when it states none."""
    m = _YEAR.search(c.raw)
    return int(m.group(1)) if m else None


def _same_value(key: str, a: Claim, b: Claim, what: str, same_statistic: bool = True,
                years: tuple[int | None, int | None] | None = None) -> dict:
    """Rule: two quotations of a figure agree when their values are equal. Only the same statistic can be compared:
    when the two texts state different years, or one states none (``same_statistic=False`` is given when the
    labels differ), the check cannot tell whether they describe the same thing and says so."""
    ya, yb = years or (stated_year(a), stated_year(b))
    comp = (f"{' / '.join(a.numbers)}（{ya or '未写年份'}）与 {' / '.join(b.numbers)}（{yb or '未写年份'}）")
    if not same_statistic or ya != yb:
        why = "两处的年份不同" if ya and yb else "有一处没有写年份"
        return make_row(key, "across", [a, b], comp, "cannot check",
                        f"{why}{'、所指的统计也不同' if not same_statistic else ''}，不能认定为同一统计的{what}，不作比较")
    same = a.values == b.values
    reason = f"两处所述{what}相同" if same else f"两处所述{what}不同"
    return make_row(key, "across", [a, b], comp, "agrees" if same else "conflicts", reason)


def check_sei_share_2023() -> dict:
    # 004:79 is the SEI share of 2023; 003:745 speaks of 战略性产业 and gives no year: not the same statistic.
    return _same_value("sei_share_across", engine.claim("004:79", r"2023年的{n}%以上"),
                       engine.claim("003:745", r"战略性产业增加值占 GDP 比重超过 {n}%"), "战略性新兴产业增加值占比下限",
                       same_statistic=False)


def check_sei_target_2025() -> dict:
    # 000:17 quotes the 14th Five-Year Plan, whose targets are for 2025 (the year is the plan's, not the clause's).
    a = engine.claim("000:17", r"战略性新兴产业增加值占GDP比重超过{n}%")
    b = engine.claim("004:79", r"2025年戰略性新興產業的比重將進一步升至{n}%")
    return _same_value("sei_target_across", a, b, "“十四五”末目标（%）", years=(2025, stated_year(b)))


def check_compute_rank() -> dict:
    a = engine.claim("000:36", r"截至{n}年底，我国数据产量和算力总规模均位居世界(第二)")
    b = engine.claim("003:519-521", r"截至 {n} 年,.*?算力总规模排名全球(第二)")
    same = a.values == b.values
    comp = f"{a.numbers[0]} 年 {a.numbers[1]} 与 {b.numbers[0]} 年 {b.numbers[1]}"
    return make_row("compute_rank_across", "across", [a, b], comp, "agrees" if same else "conflicts",
                "两处都说截至 2022 年我国算力总规模居世界第二" if same else "两处的年份或名次不同")


def check_ai_core_repeat() -> dict:
    return _same_value("ai_core_repeat", engine.claim("001:97", r"2023年,我国AI核心产业规模达{n}亿元"),
                       engine.claim("001:117", r"2023年,我国AI核心产业规模达{n}亿元"), "AI 核心产业规模")


_DEFINITION = [
    ("000:6", r"“(新质生产力是创新起主导作用.*?)”"),
    ("002:15", r"(新质生产力是创新起主导作用.*本质是先进生产力)"),
    ("004:11", r"「(新質生產力是創新起主導作用.*?)」"),
    ("004:107", r"(新質生產力是創新起主導作用.*?本質是先進生產力)"),
]


# Word variants of the same term (mainland 质量 vs Hong Kong / Taiwan 品质); not a change of meaning.
_VARIANTS = {"品质": "质量"}


def _plain(text: str) -> str:
    """Simplified characters, punctuation and white space dropped: what is left is the wording."""
    return re.sub(r"[^\w]", "", concept.simplified(text))


def definition_differences() -> pd.DataFrame:
    """Each seed's copy of the definition against seed 000's: differing passages after t2s, punctuation aside."""
    import difflib

    copies = [engine.claim(ref, pat) for ref, pat in _DEFINITION]
    base = _plain(copies[0].numbers[0])
    rows = []
    for c in copies[1:]:
        other = _plain(c.numbers[0])
        ops = [o for o in difflib.SequenceMatcher(None, base, other, autojunk=False).get_opcodes() if o[0] != "equal"]
        # Merge edits less than three characters apart, so 高质量 / 高品质 reads as one difference.
        groups = []
        for _, i1, i2, j1, j2 in ops:
            if groups and i1 - groups[-1][1] < 3:
                groups[-1][1], groups[-1][3] = i2, j2
            else:
                groups.append([i1, i2, j1, j2])
        diffs = [f"{base[max(i1 - 1, 0):i2 + 1]}→{other[max(j1 - 1, 0):j2 + 1]}" for i1, i2, j1, j2 in groups]
        variant_only = other != base and _apply_variants(other) == base
        rows.append({"seed_ref": c.ref, "characters": len(other), "identical": other == base,
                     "variant_only": variant_only, "differences": "；".join(diffs)})
    return pd.DataFrame(rows)


def _apply_variants(text: str) -> str:
    for a, b in _VARIANTS.items():
        text = text.replace(a, b)
    return text


def check_definition() -> dict:
    copies = [engine.claim(ref, pat) for ref, pat in _DEFINITION]
    diffs = definition_differences()
    ok = (diffs["identical"] | diffs["variant_only"]).all()
    base_len = len(_plain(copies[0].numbers[0]))
    comp = f"以种子000的 {base_len} 字为准，逐字比较（繁转简、去标点）：" + "；".join(
        f"{r.seed_ref} {'逐字相同' if r.identical else r.differences}" for r in diffs.itertuples())
    varied = diffs[diffs["variant_only"]]
    reason = (f"{len(copies)} 处引文除标点外逐字相同" + (
        f"，只有 {'、'.join(varied['seed_ref'])} 的用字不同（{varied['differences'].iloc[0]}，同一词的港台用法）"
        if len(varied) else "") if ok else "引文之间有实质性的文字差异")
    shown = [Claim(c.ref, c.numbers[0][:13] + "…", ()) for c in copies]
    return make_row("definition_across", "across", shown, comp, "agrees" if ok else "conflicts", reason)


_DATES = {
    "first_mention": ("首次提出（黑龙江）", [
        ("000:2", r"2023年9月7日"), ("002:7", r"2023 年 9 月"), ("003:5", r"2023 年 9 月"), ("004:105", r"2023\.9\.7")]),
    "cewc": ("中央经济工作会议", [
        ("000:43", r"2023年12月"), ("003:5", r"2023 年 12 月"), ("004:106", r"2023\.12\.12")]),
    "politburo_11": ("政治局第十一次集体学习", [
        ("000:2", r"2024年1月"), ("003:11", r"2024 年 1 月 31 日"), ("004:11", r"2024年1月31日"),
        ("004:107", r"2024\.1\.31")]),
}


def check_dates(event: str) -> dict:
    label, mentions = _DATES[event]
    claims = [engine.claim(ref, pat) for ref, pat in mentions]
    parsed = [concept.parse_written_date(c.raw)[0] for c in claims]
    finest = max(parsed, key=len)
    ok = all(finest.startswith(p) for p in parsed)
    comp = "；".join(f"{c.ref} → {p}" for c, p in zip(claims, parsed))
    reason = (f"{label}：各处日期精度不同，但彼此相容（最精确为 {finest}）" if ok
              else f"{label}：各处日期互相矛盾")
    return make_row(f"dates_{event}", "across", claims, comp, "agrees" if ok else "conflicts", reason)


# The checks of this kind, in the order the appendix shows them.
CHECKS = [
    check_sei_share_2023, check_sei_target_2025, check_compute_rank, check_ai_core_repeat, check_definition,
    lambda: check_dates("first_mention"), lambda: check_dates("cewc"), lambda: check_dates("politburo_11"),
]
