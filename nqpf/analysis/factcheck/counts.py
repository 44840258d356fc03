"""Stated counts (八大, 九大, 十多个 …) against the items a seed actually lists."""

from __future__ import annotations

import re

from nqpf.analysis import concept
from nqpf.analysis.factcheck import engine
from nqpf.analysis.factcheck.engine import Claim, make_row
from nqpf.core import seeds


def _count_row(key: str, stated: Claim, stated_n: int, listed: list[str], refs: list[Claim], exact: bool = True):
    n = len(listed)
    ok = n == stated_n if exact else n > stated_n
    comp = f"所述 {stated_n if exact else str(stated_n) + ' 多'} 项，列出 {n} 项：{'、'.join(listed)}"
    reason = "列出的条目数与所述数目一致" if ok else f"所述 {stated_n} 项，实际只列出 {n} 项"
    return make_row(key, "count", [stated, *refs], comp, "agrees" if ok else "conflicts", reason)


def check_eight_sectors_000() -> dict:
    stated = engine.claim("000:13", r"市场重点关注(八)大行业")
    items = re.findall(r"\d）([^，,。\d]+?)(?=，|。|\d）|$)", engine.claim("000:13", r"市场重点关注八大行业：.*?。").raw)
    return _count_row("eight_sectors_000", stated, int(stated.value), items, [])


def _roman_items(sid: str, first: int, last: int) -> list[str]:
    items = []
    for n in range(first, last + 1):
        m = re.match(r"\s*-\s*([ivx]+)\.\s*([^：:]+)", seeds.line(sid, n))
        if m:
            items.append(m.group(2).strip())
    return items


def _roman_list(key: str, stated_ref: str, pattern: str, first: int, last: int) -> dict:
    stated = engine.claim(stated_ref, pattern)
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
    c = engine.claim("002:9", r"重点提及(.*?)等(十)多个产业领域")
    items = c.numbers[0].split("、")
    stated = Claim(c.ref, c.raw, (c.numbers[1],), (c.values[1],))
    return _count_row("ten_plus_002", stated, int(stated.value), items, [], exact=False)


def check_hub_nodes() -> dict:
    c = engine.claim("000:36", r"将建设包括(.*?)在内的{n}个国家算力枢纽节点")
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
    return make_row("appendix_two_counts", "count", [c], comp, verdict, reason)


# The checks of this kind, in the order the appendix shows them.
CHECKS = [
    check_eight_sectors_000, check_eight_sei_002, check_nine_future_002, check_ten_plus_002, check_hub_nodes,
    check_appendix_two,
]
