"""A fact-check of the seeds' own numbers: each check reads its claims from the cited seed lines, computes, and
gives a verdict.

Verdicts:

- ``agrees``: the computation gives the stated figure at the precision it is written (or the texts match);
- ``rounding``: not exactly, but within what rounding the written figures allows (interval arithmetic: each
  figure written with d decimals stands for ± half a unit of its last digit);
- ``conflicts``: outside any rounding, or figures that cannot all be true together;
- ``cannot check``: the seed names no source or method, or the data to check it are not in ``data/``.

Claim values come from the claims ledger (:mod:`nqpf.analysis.claims`, ``data/derived/claims.csv``), never typed here: a
pattern over the cited seed line (:func:`claim`) only picks which of the line's claims a check uses.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from nqpf.analysis import claims, concept
from nqpf.core import data, growth, seeds
from nqpf.core.errors import DataError, UsageError

VERDICTS = ("agrees", "rounding", "conflicts", "cannot check")
VERDICT_ZH = {"agrees": "一致", "rounding": "舍入误差内", "conflicts": "矛盾", "cannot check": "无法核对"}
KINDS = {
    "arithmetic": "内部算术",
    "count": "所述数目与所列条目",
    "across": "种子之间",
    "outside": "对照外部数据",
    "plausibility": "合理性",
}
WAN_YI = growth.WAN_YI  # 1 万亿 = 10,000 亿
_NUM = r"(\d[\d,]*(?:\.\d+)?)"


# ---------------------------------------------------------------- claims read from the seeds


# Figures a check uses that are not claims in the ledger, by (ref, figure as written), with the reason.
FALLBACKS = {
    ("000:36", "2022"): "a year (截至2022年底); dates are not quantitative claims in the ledger",
    ("003:519-521", "2022"): "a year (截至 2022 年); dates are not quantitative claims in the ledger",
}
# A captured group that is a figure (looked up in the ledger); any other group is text (a list, a definition).
_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?|第?[零一二两三四五六七八九十百千]+")


@dataclass(frozen=True)
class Claim:
    """Figures as written in one seed line: ``raw`` is the matched text, ``numbers`` the captured parts as written
    (figures, or text such as a list of items), ``values`` their values from the claims ledger, in the unit they
    are written in (None for text)."""

    ref: str
    raw: str
    numbers: tuple[str, ...]
    values: tuple[float | None, ...] = ()

    @property
    def value(self) -> float:
        return self.values[0]

    def show(self) -> str:
        return f"{seeds.cite_ref(self.ref)}“{self.raw}”"


@lru_cache(maxsize=8)
def _ledger(sid: str) -> pd.DataFrame:
    return claims.extract(sid, figures=True)


def _ledger_spans(sid: str, first: int, last: int, text: str) -> list[tuple[int, int, object]]:
    """Ledger rows of lines ``first``..``last`` located in ``text`` (those lines joined): (start, end, row).

    Rows are in text order, so each ``raw`` is searched after the previous one; a row not found (a claim that
    runs on past ``last``) is left out.
    """
    led = _ledger(sid)
    out, pos = [], 0
    for row in led[(led["line"] >= first) & (led["line"] <= last)].itertuples():
        m = re.compile(("(?<![\\d.])" if row.raw[0].isdigit() else "") + re.escape(row.raw)).search(text, pos)
        if m:
            out.append((m.start(), m.end(), row))
            pos = m.end()
    return out


def _figure(ref: str, group: str, span: tuple[int, int], located: list) -> float | None:
    """The ledger value of the figure captured at ``span``: from the ledger row whose raw text contains it."""
    if not _FIGURE.fullmatch(group):
        return None
    sid, first, _ = seeds.parse_ref(ref)
    where = f"seeds/{seeds.seed(sid)['file']}"
    row = next((r for a, b, r in located if a <= span[0] and span[1] <= b), None)
    if row is None:
        if (ref, group) in FALLBACKS:
            return float(group.replace(",", ""))
        raise DataError(where, "figure used by the fact-check is in the claims ledger", first, group)
    if math.isnan(row.scale):
        raise DataError(where, "figure used by the fact-check is one written figure in the ledger", first, row.raw)
    value = row.value / row.scale  # back to the unit as written; checked below
    if group[0].isdigit():
        written_ok = abs(value) == float(group.replace(",", ""))
    else:
        written_ok = row.number == group.lstrip("第")  # Chinese numerals: 八大, 第二
    if not written_ok:
        raise DataError(where, "ledger value equals the written figure", first, f"{group} vs {row.raw}")
    return value


def claim(ref: str, pattern: str) -> Claim:
    """The first match of ``pattern`` in the cited line(s); ``{n}`` in the pattern stands for a written number.

    Each captured figure takes its value from the claims-ledger row (same seed and line) whose ``raw`` text
    contains it; captured text that is not a figure is kept as text. The seeds are fixed, so a pattern that no
    longer matches, or a figure missing from the ledger (and not in :data:`FALLBACKS`), is a data error.
    """
    sid, first, last = seeds.parse_ref(ref)
    text = "".join(seeds.line(sid, n) for n in range(first, last + 1))
    m = re.search(pattern.replace("{n}", _NUM), text)
    if not m:
        raise DataError(f"seeds/{seeds.seed(sid)['file']}", "claim pattern found in the cited line", first, pattern)
    located = _ledger_spans(sid, first, last, text) if any(m.groups()) else []
    kept = [i for i, g in enumerate(m.groups(), start=1) if g is not None]
    return Claim(ref, m.group(0), tuple(m.group(i) for i in kept),
                 tuple(_figure(ref, m.group(i), m.span(i), located) for i in kept))


def decimals(written: str) -> int:
    written = written.replace(",", "")
    return len(written.split(".")[1]) if "." in written else 0


def half_unit(written: str) -> float:
    """A figure written as 4.1 stands for [4.05, 4.15]: half a unit of its last digit."""
    return 0.5 * 10 ** -decimals(written)


def round_half_up(x: float, d: int) -> float:
    # Published figures round halves up; Python's round() rounds them to even.
    return math.floor(x * 10**d + 0.5 + 1e-9) / 10**d


def judge(exact: float, lo: float, hi: float, stated: float, written: str, exact_stated: bool = False) -> str:
    """Verdict for a computed value (exact, and its range lo..hi from the inputs' rounding) against a stated one."""
    d = decimals(written)
    if (abs(exact - stated) < 1e-9) if exact_stated else (round_half_up(exact, d) == stated):
        return "agrees"
    h = 0.0 if exact_stated else half_unit(written)
    return "rounding" if lo <= stated + h and hi >= stated - h else "conflicts"


def _sum_range(c: Claim) -> tuple[float, float, float]:
    """Sum of a claim's figures with its range when each is rounded as written."""
    vals = list(c.values)
    halves = [half_unit(n) for n in c.numbers]
    return sum(vals), sum(vals) - sum(halves), sum(vals) + sum(halves)


def _ratio_range(a: Claim, b: Claim, scale: float = 1.0) -> tuple[float, float, float]:
    """a/b × scale (first figures) with its range when both are rounded as written."""
    va, vb = a.value, b.value
    ha, hb = half_unit(a.numbers[0]), half_unit(b.numbers[0])
    return va / vb * scale, (va - ha) / (vb + hb) * scale, (va + ha) / (vb - hb) * scale


def _row(key, kind, claims, computation, verdict, reason) -> dict:
    if verdict not in VERDICTS:
        raise UsageError(f"unknown verdict '{verdict}'")
    return {"key": key, "kind": kind, "claims": "；".join(c.show() for c in claims),
            "seed_refs": "; ".join(dict.fromkeys(c.ref for c in claims)), "computation": computation,
            "verdict": verdict, "reason": reason}


def _fmt(x: float, d: int = 2) -> str:
    return f"{x:,.{d}f}"


# ---------------------------------------------------------------- internal arithmetic


def _components(key: str, ref: str, parts_pattern: str, total_pattern: str, label: str) -> dict:
    parts, total = claim(ref, parts_pattern), claim(ref, total_pattern)
    exact, lo, hi = _sum_range(parts)
    verdict = judge(exact, lo, hi, total.value, total.numbers[0])
    comp = f"{' + '.join(parts.numbers)} = {_fmt(exact, 1)}（各项舍入后可在 {_fmt(lo)}–{_fmt(hi)} 之间），所述总量 {total.numbers[0]}"
    reason = {"agrees": f"{label}之和恰好等于所述增速",
              "rounding": f"{label}之和与所述增速相差 {_fmt(abs(exact - total.value), 1)} 个百分点，在各项一位小数的舍入范围之内",
              "conflicts": f"{label}之和与所述增速相差 {_fmt(abs(exact - total.value), 1)} 个百分点，超出舍入范围"}[verdict]
    return _row(key, "arithmetic", [parts, total], comp, verdict, reason)


def check_growth_1978_2012() -> dict:
    return _components("growth_1978_2012", "000:12",
                       r"1978-2012年，资本积累、劳动力总量、人力资本和全要素生产率分别拉动{n}、{n}、{n}和{n}个百分点",
                       r"平均增速{n}%", "1978–2012 年四项拉动")


def check_growth_2013_2019() -> dict:
    return _components("growth_2013_2019", "000:12",
                       r"2013-2019年，GDP年均增长[\d.]+%，资本积累、劳动力总量、人力资本和全要素生产率分别拉动{n}、{n}、{n}和{n}个百分点",
                       r"GDP年均增长{n}%", "2013–2019 年四项拉动")


def check_pboc_shares() -> dict:
    c = claim("004:37", r"1978-2020 年 TFP 對中國經濟增長的平均貢獻率達 {n}%，低於資本要素的平均貢獻率\({n}%\)，但高於勞動要素平均貢獻率\({n}%\)")
    exact, lo, hi = _sum_range(c)
    verdict = judge(exact, lo, hi, 100.0, "100", exact_stated=True)
    comp = f"{' + '.join(c.numbers)} = {_fmt(exact, 1)}（舍入范围 {_fmt(lo)}–{_fmt(hi)}），三项贡献率应合计 100"
    reason = ("三项贡献率之和恰为 100 %" if verdict == "agrees" else
              f"合计 {_fmt(exact, 1)} %，多出的 {_fmt(exact - 100, 1)} 个百分点在三项各一位小数的舍入范围之内"
              if verdict == "rounding" else f"合计 {_fmt(exact, 1)} %，超出舍入范围")
    return _row("pboc_shares", "arithmetic", [c], comp, verdict, reason)


def check_digital_share() -> dict:
    scale = claim("000:36", r"2023年的{n}万亿元")
    share = claim("000:36", r"占GDP比重升至{n}%")
    gdp = claim("000:17", r"2023年中国GDP规模达{n}万亿元")
    exact, lo, hi = _ratio_range(scale, gdp, 100)
    verdict = judge(exact, lo, hi, share.value, share.numbers[0])
    comp = f"{scale.numbers[0]} ÷ {gdp.numbers[0]} = {_fmt(exact)} %（舍入范围 {_fmt(lo)}–{_fmt(hi)} %），所述 {share.numbers[0]} %"
    reason = {"agrees": "比值四舍五入后等于所述比重",
              "rounding": f"比值 {_fmt(exact, 1)} % 四舍五入应为 {round_half_up(exact, 0):.0f} %，所述 {share.numbers[0]} % 只在输入数字的舍入范围边缘成立，更像是截尾而非四舍五入",
              "conflicts": "比值超出舍入范围"}[verdict]
    return _row("digital_share", "arithmetic", [scale, share, gdp], comp, verdict, reason)


def check_basic_research_share() -> dict:
    basic = claim("004:59", r"基礎研究經費在 2023 年為 {n} 億元")
    share = claim("004:59", r"佔 R&D 經費總支出的比重上升至 {n}%")
    total = claim("004:57", r"研發\(R&D\)經費支出高達 {n} 億元")
    exact, lo, hi = _ratio_range(basic, total, 100)
    verdict = judge(exact, lo, hi, share.value, share.numbers[0])
    comp = f"{basic.numbers[0]} ÷ {total.numbers[0]} = {exact:.3f} %，所述 {share.numbers[0]} %"
    reason = {"agrees": "两个数字之比四舍五入到两位小数正是所述比重",
              "rounding": "在舍入范围之内", "conflicts": "超出舍入范围"}[verdict]
    return _row("basic_research_share", "arithmetic", [basic, total, share], comp, verdict, reason)


def check_rd_implied_gdp() -> dict:
    rd = claim("004:57", r"研發\(R&D\)經費支出高達 {n} 億元")
    intensity = claim("004:57", r"R&D 投入強度\(與國內生產總值之比\)為 {n}%")
    gdp = claim("000:17", r"2023年中国GDP规模达{n}万亿元")
    implied, lo, hi = _ratio_range(rd, intensity, 100 / WAN_YI)
    verdict = judge(implied, lo, hi, gdp.value, gdp.numbers[0])
    comp = (f"{rd.numbers[0]} 亿元 ÷ {intensity.numbers[0]} % = {_fmt(implied)} 万亿元（舍入范围 {_fmt(lo)}–{_fmt(hi)}），"
            f"种子000所述 GDP {gdp.numbers[0]} 万亿元")
    reason = {"agrees": "研发经费与投入强度隐含的 GDP 与另一份种子所述 GDP 一致",
              "rounding": "隐含 GDP 与所述 GDP 在舍入范围内相符", "conflicts": "隐含 GDP 与所述 GDP 不符"}[verdict]
    return _row("rd_implied_gdp", "arithmetic", [rd, intensity, gdp], comp, verdict, reason)


def check_sei_doubling() -> dict:
    c = claim("004:79", r"幾近倍增，從2014年的{n}%快速上升至2023年的{n}%以上")
    s0, s1 = c.values
    comp = f"{c.numbers[1]} ÷ {c.numbers[0]} = {s1 / s0:.2f} 倍；翻一番需要约 {_fmt(2 * s0, 1)} %"
    reason = (f"按下限 {c.numbers[1]} % 只增长了 {(s1 / s0 - 1) * 100:.0f} %；“以上”未给上限，"
              "“几近倍增”既无法证实也无法否定")
    return _row("sei_doubling", "arithmetic", [c], comp, "cannot check", reason)


# ---------------------------------------------------------------- stated counts against listed items

def _count_row(key: str, stated: Claim, stated_n: int, listed: list[str], refs: list[Claim], exact: bool = True):
    n = len(listed)
    ok = n == stated_n if exact else n > stated_n
    comp = f"所述 {stated_n if exact else str(stated_n) + ' 多'} 项，列出 {n} 项：{'、'.join(listed)}"
    reason = "列出的条目数与所述数目一致" if ok else f"所述 {stated_n} 项，实际只列出 {n} 项"
    return _row(key, "count", [stated, *refs], comp, "agrees" if ok else "conflicts", reason)


def check_eight_sectors_000() -> dict:
    stated = claim("000:13", r"市场重点关注(八)大行业")
    items = re.findall(r"\d）([^，,。\d]+?)(?=，|。|\d）|$)", claim("000:13", r"市场重点关注八大行业：.*?。").raw)
    return _count_row("eight_sectors_000", stated, int(stated.value), items, [])


def _roman_items(sid: str, first: int, last: int) -> list[str]:
    items = []
    for n in range(first, last + 1):
        m = re.match(r"\s*-\s*([ivx]+)\.\s*([^：:]+)", seeds.line(sid, n))
        if m:
            items.append(m.group(2).strip())
    return items


def _roman_list(key: str, stated_ref: str, pattern: str, first: int, last: int) -> dict:
    stated = claim(stated_ref, pattern)
    sid = seeds.parse_ref(stated_ref)[0]
    items = _roman_items(sid, first, last)
    listing = Claim(f"{sid}:{first}-{last}", f"i.–{_ROMAN[len(items) - 1]}. 共 {len(items)} 项", ())
    return _count_row(key, stated, int(stated.value), items, [listing])


_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]


def check_eight_sei_002() -> dict:
    return _roman_list("eight_sei_002", "002:37", r"国家提出的(八)大战略性新兴产业", 38, 52)


def check_nine_future_002() -> dict:
    return _roman_list("nine_future_002", "002:53", r"国家提出的(九)大未来产业", 54, 65)


def check_ten_plus_002() -> dict:
    c = claim("002:9", r"重点提及(.*?)等(十)多个产业领域")
    items = c.numbers[0].split("、")
    stated = Claim(c.ref, c.raw, (c.numbers[1],), (c.values[1],))
    return _count_row("ten_plus_002", stated, int(stated.value), items, [], exact=False)


def check_hub_nodes() -> dict:
    c = claim("000:36", r"将建设包括(.*?)在内的{n}个国家算力枢纽节点")
    items = c.numbers[0].split("、")
    stated = Claim(c.ref, c.raw, (c.numbers[1],), (c.values[1],))
    return _count_row("hub_nodes", stated, int(stated.value), items, [])


def check_appendix_two() -> dict:
    counts = concept.item_counts()
    ok = counts["stated"] == counts["listed"]
    refs = counts["seed_ref"]
    first, last = seeds.parse_ref(refs.iloc[0])[1], seeds.parse_ref(refs.iloc[-1])[1]
    c = Claim(f"004:{first}-{last}", f"附表二 {len(counts)} 行，所述数字合计 {int(counts['stated'].sum())}", ())
    comp = "；".join(f"{concept.simplified(r.label)}：列出 {r.listed} 项" for r in counts.itertuples())
    verdict = "agrees" if ok.all() else "conflicts"
    reason = ("每一行的数字都与所列条目数一致（“4 个基本内涵”须把“优化组合方式”算作第四项）" if ok.all()
              else f"{int((~ok).sum())} 行不一致")
    return _row("appendix_two_counts", "count", [c], comp, verdict, reason)


# ---------------------------------------------------------------- agreement across seeds


def _same_value(key: str, a: Claim, b: Claim, what: str) -> dict:
    same = a.values == b.values
    comp = f"{' / '.join(a.numbers)} 与 {' / '.join(b.numbers)}"
    reason = f"两处所述{what}相同" if same else f"两处所述{what}不同"
    return _row(key, "across", [a, b], comp, "agrees" if same else "conflicts", reason)


def check_sei_share_2023() -> dict:
    return _same_value("sei_share_across", claim("004:79", r"2023年的{n}%以上"),
                       claim("003:745", r"战略性产业增加值占 GDP 比重超过 {n}%"), "战略性新兴产业增加值占比下限")


def check_sei_target_2025() -> dict:
    return _same_value("sei_target_across", claim("000:17", r"战略性新兴产业增加值占GDP比重超过{n}%"),
                       claim("004:79", r"2025年戰略性新興產業的比重將進一步升至{n}%"), "“十四五”末目标（%）")


def check_compute_rank() -> dict:
    a = claim("000:36", r"截至{n}年底，我国数据产量和算力总规模均位居世界(第二)")
    b = claim("003:519-521", r"截至 {n} 年,.*?算力总规模排名全球(第二)")
    same = a.values == b.values
    comp = f"{a.numbers[0]} 年 {a.numbers[1]} 与 {b.numbers[0]} 年 {b.numbers[1]}"
    return _row("compute_rank_across", "across", [a, b], comp, "agrees" if same else "conflicts",
                "两处都说截至 2022 年我国算力总规模居世界第二" if same else "两处的年份或名次不同")


def check_ai_core_repeat() -> dict:
    return _same_value("ai_core_repeat", claim("001:97", r"2023年,我国AI核心产业规模达{n}亿元"),
                       claim("001:117", r"2023年,我国AI核心产业规模达{n}亿元"), "AI 核心产业规模")


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

    copies = [claim(ref, pat) for ref, pat in _DEFINITION]
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
    copies = [claim(ref, pat) for ref, pat in _DEFINITION]
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
    return _row("definition_across", "across", shown, comp, "agrees" if ok else "conflicts", reason)


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
    claims = [claim(ref, pat) for ref, pat in mentions]
    parsed = [concept.parse_written_date(c.raw)[0] for c in claims]
    finest = max(parsed, key=len)
    ok = all(finest.startswith(p) for p in parsed)
    comp = "；".join(f"{c.ref} → {p}" for c, p in zip(claims, parsed))
    reason = (f"{label}：各处日期精度不同，但彼此相容（最精确为 {finest}）" if ok
              else f"{label}：各处日期互相矛盾")
    return _row(f"dates_{event}", "across", claims, comp, "agrees" if ok else "conflicts", reason)


# ---------------------------------------------------------------- against outside data


def _value(name: str, year: int) -> tuple[float, str]:
    df = data.load(name)
    row = df[df["year"] == year]
    if row.empty:
        raise DataError(f"data/raw/{name}.csv", f"has a row for {year}")
    return float(row["value"].iloc[0]), str(row["source"].iloc[0])


def check_caict_scale() -> dict:
    c = claim("000:36", r"2023年的{n}万亿元")
    caict, _ = _value("cn_digital_economy_scale", 2023)
    gap = c.value - caict
    comp = f"{c.numbers[0]} − {caict:g}（中国信通院，2024 年报告）= {gap:.1f} 万亿元（{gap / caict * 100:.1f} %）"
    return _row("caict_scale", "outside", [c], comp, "conflicts",
                f"比中国信通院的 {caict:g} 万亿元高出 {gap / caict * 100:.1f} %，远超舍入；种子未说明数字来源")


def check_caict_share() -> dict:
    c = claim("000:36", r"占GDP比重升至{n}%")
    caict, _ = _value("cn_digital_economy_share_gdp", 2023)
    verdict = judge(caict, caict, caict, c.value, c.numbers[0])
    comp = f"中国信通院 2023 年 {caict:g} %，种子 {c.numbers[0]} %"
    return _row("caict_share", "outside", [c], comp, verdict,
                f"中国信通院的 {caict:g} % 四舍五入为 {round_half_up(caict, 0):.0f} %，与所述不同" if verdict != "agrees"
                else "与中国信通院一致")


def check_nbs_gdp() -> dict:
    c = claim("000:17", r"2023年中国GDP规模达{n}万亿元，实际增速{n}%")
    nominal, _ = _value("cn_nominal_gdp", 2023)
    real, _ = _value("cn_real_gdp_growth", 2023)
    v_gdp = nominal / WAN_YI
    v1 = judge(v_gdp, v_gdp, v_gdp, c.values[0], c.numbers[0])
    v2 = judge(real, real, real, c.values[1], c.numbers[1])
    verdict = "agrees" if v1 == v2 == "agrees" else "conflicts"
    comp = f"国家统计局初步核算：{nominal:,.0f} 亿元 = {v_gdp:.2f} 万亿元，实际增长 {real:g} %"
    return _row("nbs_gdp_2023", "outside", [c], comp, verdict,
                "与国家统计局 2024 年 1 月公布的初步核算数一致" if verdict == "agrees" else "与国家统计局数字不符")


def check_rd_final() -> dict:
    c = claim("004:57", r"研發\(R&D\)經費支出高達 {n} 億元")
    final, _ = _value("cn_rd_expenditure", 2023)
    gap = final - c.value
    comp = f"2023 年统计公报终值 {final:,.1f} 亿元 − 种子 {c.numbers[0]} 亿元 = {gap:,.1f} 亿元（{gap / c.value * 100:.2f} %）"
    return _row("rd_final", "outside", [c], comp, "cannot check",
                f"数据目录只有 2024 年 10 月公布的终值，比种子的数字高 {gap / c.value * 100:.2f} %；"
                "种子引用的是 2024 年 2 月的初步数，同一口径的初步数不在 data/ 中")


def check_rd_growth() -> dict:
    rd = claim("004:57", r"研發\(R&D\)經費支出高達 {n} 億元人民幣，比 2022 年增長 {n}%")
    prev, _ = _value("cn_rd_expenditure", 2022)
    growth = (rd.values[0] / prev - 1) * 100
    verdict = judge(growth, growth, growth, rd.values[1], rd.numbers[1])
    comp = f"{rd.numbers[0]} ÷ {prev:,.1f}（2022 年统计公报）− 1 = {growth:.2f} %，所述 {rd.numbers[1]} %"
    return _row("rd_growth", "outside", [rd], comp, verdict,
                "按 2022 年公报数计算的增速与所述一致" if verdict == "agrees" else "增速与公报数不符")


def check_pwt_growth(period: tuple[int, int]) -> dict:
    from nqpf.analysis import tfp

    start, end = period
    if period == (1978, 2012):
        c = claim("000:12", r"平均增速{n}%")
    else:
        c = claim("000:12", r"2013-2019年，GDP年均增长{n}%")
    res = tfp.decompose(tfp.pwt("11.0"), "CHN", start, end, compound=True)
    verdict = judge(res["gdp"], res["gdp"], res["gdp"], c.value, c.numbers[0])
    comp = f"PWT 11.0 rgdpna，{start}–{end} 年复合年均增长 {res['gdp']:.2f} %，种子 {c.numbers[0]} %"
    reason = {"agrees": "与佩恩表（Penn World Table）计算的增速一致",
              "rounding": f"与佩恩表相差 {abs(res['gdp'] - c.value):.2f} 个百分点，在舍入范围之内",
              "conflicts": f"比佩恩表高 {c.value - res['gdp']:.2f} 个百分点，超出舍入；佩恩表的实际 GDP 不是官方序列，"
                           "差异可能来自数据来源而非种子的错误"}[verdict]
    return _row(f"pwt_growth_{start}_{end}", "outside", [c], comp, verdict, reason)


def check_pwt_tfp() -> dict:
    from nqpf.analysis import tfp

    c = claim("000:12", r"1978-2012年，资本积累、劳动力总量、人力资本和全要素生产率分别拉动{n}、{n}、{n}和{n}个百分点")
    res = tfp.decompose(tfp.pwt("11.0"), "CHN", 1978, 2012, compound=True)
    comp = (f"PWT 11.0（资本份额 = 1 − 劳动份额）：资本 {res['capital']:.2f}、劳动 {res['labour']:.2f}、"
            f"人力资本 {res['human_capital']:.2f}、TFP {res['tfp']:.2f}")
    return _row("pwt_tfp_1978_2012", "outside", [c], comp, "cannot check",
                "种子既未说明测算者也未说明资本份额等设定，分解结果随设定变化，见全要素生产率一章")


def check_hub_data() -> dict:
    from nqpf.analysis import digital

    c = claim("000:36", r"在内的{n}个国家算力枢纽节点")
    nodes = digital.hub_counts()["nodes"]
    ok = nodes == int(c.value)
    return _row("hub_nodes_data", "outside", [c], f"国家发展改革委等批复的枢纽节点：{nodes} 个", "agrees" if ok else "conflicts",
                "与 2022 年 2 月批复文件的节点数一致" if ok else "与批复文件的节点数不同")


# ---------------------------------------------------------------- plausibility


def check_genai_market() -> dict:
    genai = claim("000:34", r"市场规模约为{n}万亿元")
    core = claim("001:97", r"我国AI核心产业规模达{n}亿元")
    gdp = claim("000:17", r"2023年中国GDP规模达{n}万亿元")
    times_core = genai.value * WAN_YI / core.value
    share_gdp = genai.value / gdp.value * 100
    comp = f"{genai.numbers[0]} 万亿元 = AI 核心产业 {core.numbers[0]} 亿元的 {times_core:.0f} 倍，= GDP {gdp.numbers[0]} 万亿元的 {share_gdp:.1f} %"
    return _row("genai_market", "plausibility", [genai, core, gdp], comp, "conflicts",
                f"一个细分市场不可能是整个 AI 核心产业的 {times_core:.0f} 倍、占 GDP 的 {share_gdp:.0f} % 以上；单位很可能有误")


def check_shanghai_ai() -> dict:
    sh = claim("001:97", r"产值达到{n}多亿元")
    core = claim("001:97", r"我国AI核心产业规模达{n}亿元")
    ratio = sh.value / core.value * 100
    comp = f"上海规模以上 AI 企业产值 {sh.numbers[0]} 多亿元 ÷ 全国 AI 核心产业 {core.numbers[0]} 亿元，至少 {ratio:.0f} %"
    return _row("shanghai_ai", "plausibility", [sh, core], comp, "cannot check",
                f"上海一地至少相当于全国的 {ratio:.0f} %，但两个数字口径不同（企业产值与核心产业规模），不能直接相比")


# ---------------------------------------------------------------- all checks


CHECKS = [
    check_growth_1978_2012, check_growth_2013_2019, check_pboc_shares, check_digital_share,
    check_basic_research_share, check_rd_implied_gdp, check_sei_doubling,
    check_eight_sectors_000, check_eight_sei_002, check_nine_future_002, check_ten_plus_002, check_hub_nodes,
    check_appendix_two,
    check_sei_share_2023, check_sei_target_2025, check_compute_rank, check_ai_core_repeat, check_definition,
    lambda: check_dates("first_mention"), lambda: check_dates("cewc"), lambda: check_dates("politburo_11"),
    check_caict_scale, check_caict_share, check_nbs_gdp, check_rd_final, check_rd_growth,
    lambda: check_pwt_growth((1978, 2012)), lambda: check_pwt_growth((2013, 2019)), check_pwt_tfp, check_hub_data,
    check_genai_market, check_shanghai_ai,
]


def run(kind: str | None = None) -> pd.DataFrame:
    """Every check as a row: key, kind, claims (with seed:line), computation, verdict, reason."""
    if kind is not None and kind not in KINDS:
        raise UsageError(f"unknown kind '{kind}' (known: {', '.join(KINDS)})")
    df = pd.DataFrame([check() for check in CHECKS])
    return df if kind is None else df[df["kind"] == kind].reset_index(drop=True)


def summary(rows: pd.DataFrame | None = None) -> pd.DataFrame:
    """Number of checks by kind and verdict (all four verdicts as columns, zeros included)."""
    rows = run() if rows is None else rows
    out = pd.crosstab(rows["kind"], rows["verdict"]).reindex(index=list(KINDS), columns=list(VERDICTS), fill_value=0)
    out = out.loc[out.sum(axis=1) > 0]
    out.loc["total"] = out.sum()
    return out.reset_index().rename(columns={"index": "kind"})
