"""Findings of the provincial chapter (book/provinces.md), each decided over the eight methods (four weightings ×
two aggregations), random Dirichlet weights (:mod:`nqpf.analysis.provinces.montecarlo`), the index without Beijing,
and the two fixed sub-periods 2011–2017 and 2017–2023 of the yearly path (:mod:`nqpf.analysis.provinces.gaps`).
Whether the gap narrows is read from three measures of inequality (Gini, Theil, CV) and the reasonable treatments
of the census break in the derived provincial GDP (:func:`treatments`, out of
:data:`nqpf.analysis.provinces.gaps.TREATMENTS`).

A gap "narrows" only if the upper end of the 95 % interval of its OLS slope per year is below 0: the claim is read
from the whole yearly path, never from two endpoints.
"""

from __future__ import annotations

from functools import lru_cache
from statistics import median

from nqpf.analysis import provinces as pv
from nqpf.analysis.findings import Finding, Spec, holds
from nqpf.analysis.provinces import montecarlo as mc

__all__ = ["findings", "treatments", "YEAR", "METHOD_SHARE_MAX", "TOP", "TOP_KEPT"]

YEAR = pv.YEARS[-1]
METHOD_SHARE_MAX = 50  # the chapter's claim: most of the rank variance is data, not method (%)
TOP, TOP_KEPT = 10, 8  # the chapter's claim: the top ten hardly depend on method (at least 8 of 10 kept)
_TOP_ZH = {10: "十"}[TOP]
_NO_BJ = (pv.BEIJING,)
_FIRST, _LAST = pv.YEARS[0], pv.YEARS[-1]


def _period(first, last) -> str:
    return f"{first}–{last}"


def _holding(rule: str, specs) -> str:
    """The specifications under which the rule holds, joined with 、 (or 没有一种设定)."""
    names = [s.name for s in specs if holds(rule, s.value)]
    return "、".join(names) if names else "没有一种设定"


@lru_cache(maxsize=1)
def _beijing_first() -> Finding:
    specs = []
    for m, a in pv.combos():
        r = pv.index(m, a, YEAR).set_index("province")["rank"]
        specs.append(Spec(pv.label(m, a), float(r[pv.BEIJING])))
    for agg in ("weighted", "topsis"):
        for excl, drops, _ in mc.VARIANTS.values():
            if pv.BEIJING in excl:
                continue
            pct = mc.rank_percentiles(YEAR, aggregate=agg, exclude=excl, drop=drops or None).set_index("province")
            name = f"随机权重·{'加权和' if agg == 'weighted' else 'TOPSIS'}" + ("·不含技术市场" if drops else "")
            specs.append(Spec(name, float(pct.at[pv.BEIJING, "rank_p95"])))
    eight = all(holds("== 1", s.value) for s in specs[:8])
    return Finding.decide(
        "provinces-beijing-first", "provinces-robust", "== 1", specs,
        robust=f"北京在所有设定下都排第一：八种方法，以及 {mc.DRAWS:,} 组随机权重中至少 95% 的抽样。",
        depends=("北京在八种方法下都排第一，但在随机权重下并非总是第一" if eight else "北京是否排第一取决于方法")
        + "：{n} 种设定中 {k} 种成立。",
        quantity=f"{YEAR} 年北京的名次（随机权重：95% 的抽样不差于此的名次，即第 95 百分位）",
        note=f"八种方法：四种权重 × 两种合成；随机权重：{mc.DRAWS:,} 次 Dirichlet(1,…,1) 抽样，种子 {mc.SEED}；"
             "`python -m nqpf provinces montecarlo [--without-tech-market] [--aggregate topsis]`。")


def _gap_specs(measure: str) -> list[Spec]:
    """The upper end of the 95 % interval of the measure's slope per year under each specification."""
    specs = []
    for m, a in pv.combos():
        t = pv.path_trend(m, a, measures=(measure,), periods=((_FIRST, _LAST),)).iloc[0]
        specs.append(Spec(f"{pv.label(m, a)} {_period(_FIRST, _LAST)}", float(t["ci_high"])))
    t = pv.path_trend(*pv.BASE, exclude=_NO_BJ, measures=(measure,), periods=((_FIRST, _LAST),)).iloc[0]
    specs.append(Spec(f"{pv.label(*pv.BASE)}·不含北京 {_period(_FIRST, _LAST)}", float(t["ci_high"])))
    for first, last in pv.PERIODS[1:]:
        for excl in ((), _NO_BJ):
            t = pv.path_trend(*pv.BASE, exclude=excl, measures=(measure,), periods=((first, last),)).iloc[0]
            specs.append(Spec(f"{pv.label(*pv.BASE)}{'·不含北京' if excl else ''} {_period(first, last)}",
                              float(t["ci_high"])))
    return specs


_MEASURE_ZH = {"gini": "基尼系数", "theil": "泰尔指数", "cv": "变异系数"}


@lru_cache(maxsize=1)
def treatments() -> tuple[str, ...]:
    """The treatments of the census break that the findings count as reasonable specifications. The level-shift
    dummy attributes the whole change across the break to the GDP basis; it counts only if correcting the basis
    (the spliced GDP) removes at least half of the Gini's change across the break. When the change survives the
    splice, it comes from the indicators' numerators, and a dummy would remove a real movement."""
    b = pv.break_summary(*pv.BASE)
    dummy = abs(b["gini_jump_spliced"]) < 0.5 * abs(b["gini_jump"])
    return tuple(k for k in pv.TREATMENTS if k != "step" or dummy)


def _treatments_zh(keys=None) -> str:
    return "、".join(pv.TREATMENTS[k][0].removeprefix("全程·") for k in (treatments() if keys is None else keys))


def _whole() -> tuple[str, ...]:
    """The counted treatments of the break that keep the whole period (the sub-periods, like the dummy, leave the
    step across the break out, so they are reported apart and not counted)."""
    return tuple(k for k in treatments() if pv.TREATMENTS[k][2:4] == (_FIRST, _LAST))


def _parts() -> tuple[str, ...]:
    return tuple(k for k in treatments() if k not in _whole())


def _measure_specs(measure: str, end: str = "ci_high") -> list[Spec]:
    """One gap measure's whole-period specifications: the reasonable treatments of the census break in the GDP
    denominator that keep 2011–2023 (:func:`_whole`, baseline method), the other seven methods and the baseline
    without Beijing (whole path as published). The value is the upper end of the 95 % interval of the slope per
    year (``end="ci_low"``: the lower end; ``"ci_high_ar1"``: the upper end widened for serial correlation)."""
    zh = _MEASURE_ZH[measure]
    bt = pv.break_trends(*pv.BASE, measures=(measure,), treatments=_whole()).set_index("treatment")
    specs = [Spec(f"{zh}·{row['name']}", float(row[end])) for _, row in bt.iterrows()]
    for m, a in pv.combos():
        if (m, a) == pv.BASE:
            continue
        t = pv.path_trend(m, a, measures=(measure,), periods=((_FIRST, _LAST),)).iloc[0]
        specs.append(Spec(f"{zh}·{pv.label(m, a)}", float(t[end])))
    t = pv.path_trend(*pv.BASE, exclude=_NO_BJ, measures=(measure,), periods=((_FIRST, _LAST),)).iloc[0]
    specs.append(Spec(f"{zh}·不含北京", float(t[end])))
    return specs


def _dummy_note() -> str:
    """Why the level-shift dummy is (or is not) counted, with the Gini's change across the break on both bases."""
    b = pv.break_summary(*pv.BASE)
    jumps = f"基尼系数在断点处首次公布值上升 {b['gini_jump']:+.3f}，衔接 GDP 之后上升 {b['gini_jump_spliced']:+.3f}"
    if "step" in treatments():
        return f"{jumps}：衔接消去了大部分跳变，{pv.BREAK_YEAR} 年水平移动虚拟变量作为一种处理计入。"
    return (f"{pv.BREAK_YEAR} 年水平移动虚拟变量不计入：{jumps}，纠正分母之后跳变仍在，主要不是分母口径造成的"
            "（衔接假设各省这一年都按全国增速增长），而来自指标的分子，虚拟变量会把真实的变化一并剔除。")


def _revisions_note() -> str:
    """The provincial level revisions before the census (the rule of ``inputs.REVISION_FALL_PCT``), as a clause."""
    r = pv.level_revisions()
    if r.empty:
        return f"{pv.BREAK_YEAR} 年以前没有省份的推算 GDP 一年下降超过 {pv.REVISION_FALL_PCT}%。"
    named = "、".join(f"{p} {y} 年" for p, y in zip(r["province"], r["year"]))
    return (f"{pv.BREAK_YEAR} 年以前推算 GDP 一年下降超过 {pv.REVISION_FALL_PCT}% 的省级水平修订（{named}）"
            "在“衔接GDP（含此前的省级水平修订）”中同样按全国名义增速衔接。")


def _widening(measures) -> str:
    """The specifications whose whole interval lies above zero (the gap significantly widens), as a clause."""
    up = [s.name for m in measures for s in _measure_specs(m, "ci_low") if s.value > 0]
    return f"；另有 {len(up)} 种显著扩大（{'、'.join(up)}）" if up else "；没有一种设定显著扩大"


def _names(measures) -> str:
    zh = [_MEASURE_ZH[m] for m in measures]
    return "三种指标都" if len(zh) == len(_MEASURE_ZH) else f"仅{'、'.join(zh)}"


def _part_clause(direction: str) -> str:
    """How each sub-period on one side of the break reads (from ``direction`` or ``direction_ar1``):
    '2011–2018 年三种指标都显著下降，2019–2023 年仅变异系数显著下降'."""
    bt = pv.break_trends(*pv.BASE, measures=pv.GAP_MEASURES, treatments=_parts())
    parts = []
    for k in _parts():
        rows = bt[bt["treatment"] == k]
        down = list(rows.loc[rows[direction] == "下降", "measure"])
        up = list(rows.loc[rows[direction] == "上升", "measure"])
        text = f"{_names(down)}显著下降" if down else "三种指标都没有显著下降"
        text += f"、{_names(up)}显著上升" if up else ""
        parts.append(f"{_period(*pv.TREATMENTS[k][2:4])} 年{text}")
    return "，".join(parts)


def _path_clause() -> str:
    """The baseline path as published, read from its turning points: falls to the first trough, rises to the next
    peak, and the OLS direction from that peak to the last year."""
    ineq = pv.inequality(*pv.BASE).set_index("year")
    turns = {}
    for m in pv.GAP_MEASURES:
        d = ineq[m].diff().dropna()
        trough = int(d.index[d > 0][0]) - 1
        falls = d.loc[trough + 1:]
        peak = int(falls.index[falls < 0][0]) - 1 if (falls < 0).any() else _LAST
        after = "" if peak >= _LAST - 1 else pv.path_trend(*pv.BASE, measures=(m,), periods=((peak, _LAST),)
                                                           ).iloc[0]["direction"]
        turns[m] = (trough, peak, after)
    if len({t[:2] for t in turns.values()}) == 1:
        trough, peak, _ = turns[pv.GAP_MEASURES[0]]
        text = f"基准方法下三种指标都缩小到 {trough} 年、{trough + 1}–{peak} 年回升"
        groups = {}
        for m, t in turns.items():
            groups.setdefault(t[2], []).append(_MEASURE_ZH[m])
        if peak < _LAST - 1:
            text += f"，此后（{_period(peak, _LAST)} 年）" + "，".join(
                f"{'、'.join(v)}{k}" for k, v in groups.items())
        return text
    return "；".join(f"基准方法下{_MEASURE_ZH[m]}缩小到 {t[0]} 年、{t[0] + 1}–{t[1]} 年回升"
                    + (f"，此后{t[2]}" if t[2] else "") for m, t in turns.items())


def _serial_clause() -> str:
    """The serial-correlation caveat, quantified: the residuals' lag-1 autocorrelation over the whole-period
    specifications and how many stay significant with the interval widened by the effective sample size."""
    rho = [s.value for m in pv.GAP_MEASURES for s in _measure_specs(m, "rho1")]
    ar1 = [s for m in pv.GAP_MEASURES for s in _measure_specs(m, "ci_high_ar1")]
    k = sum(holds("< 0", s.value) for s in ar1)
    return (f"逐年残差前后相关（一阶自相关系数中位数 {median(rho):.2f}，最高 {max(rho):.2f}）："
            f"按有效样本量 n(1−ρ)/(1+ρ) 放宽置信区间后，全程 {len(ar1)} 种设定中"
            + (f"只有 {k} 种仍显著下降" if k else "没有一种仍显著下降")
            + ("，断点两侧的分段结论不变" if _part_clause("direction_ar1") == _part_clause("direction")
               else f"，分段则为：{_part_clause('direction_ar1')}"))


def _holding_by_measure(specs) -> str:
    """How many of each measure's specifications give a slope significantly below 0: '基尼系数 13 种中 2 种、…'."""
    parts = []
    for zh in _MEASURE_ZH.values():
        own = [s for s in specs if s.name.startswith(zh + "·")]
        parts.append(f"{zh} {len(own)} 种中 {sum(holds('< 0', s.value) for s in own)} 种")
    return "、".join(parts)


@lru_cache(maxsize=1)
def _gap_narrowing() -> Finding:
    specs = [s for m in pv.GAP_MEASURES for s in _measure_specs(m)]
    return Finding.decide(
        "provinces-gap-narrowing", "provinces-regions", "< 0", specs,
        robust=f"省际差距在所有设定下都在缩小：基尼系数、泰尔指数和变异系数在各种方法、不含北京以及对 "
               f"{pv.BREAK_YEAR} 年 GDP 口径断点的 {len(treatments())} 种处理下，逐年斜率的 95% 置信区间都在零以下。",
        depends="不能笼统地说省际差距在缩小：它取决于差距指标、方法和对 " + str(pv.BREAK_YEAR)
                + f" 年 GDP 口径断点的处理，{_period(_FIRST, _LAST)} 年全程的 {{n}} 种设定中只有 {{k}} 种的逐年"
                "斜率显著为负（" + _holding_by_measure(specs) + "）" + _widening(pv.GAP_MEASURES)
                + "。另在断点两侧分段看（与虚拟变量一样不含跨断点的一步，不计入上述设定），"
                + _part_clause("direction") + "。"
                + _path_clause() + "。" + _serial_clause() + "。",
        quantity="差距指标逐年 OLS 斜率的 95% 置信区间上限（每年）",
        note=f"三种差距指标（基尼系数、泰尔指数、变异系数）× {_period(_FIRST, _LAST)} 年全程的设定：基准方法下对 "
             f"{pv.BREAK_YEAR} 年省级 GDP 口径断点的 {len(_whole())} 种全程处理（{_treatments_zh(_whole())}），"
             "其余七种方法与不含北京（全程首次公布值）；断点两侧的分段（"
             + _treatments_zh(_parts()) + "）单独报告，不计入设定。"
             "序列相关：以各设定 OLS 残差的一阶自相关 ρ（statsmodels acf）计算有效样本量 n(1−ρ)/(1+ρ)，"
             "标准误乘以 √((n−2)/(n_eff−2))、t 分布自由度取 n_eff−2（Santer 等，2000；ρ<0 时不放宽）。"
             + _dummy_note()
             + _revisions_note() +
             "衔接所用的全国名义增速取自世界银行 WDI（国家统计局第五次全国经济普查后的修订口径）。"
             "`python -m nqpf provinces break-trends [--method M --aggregate A] [--without-beijing]` 与 "
             "`python -m nqpf provinces trend`。")


@lru_cache(maxsize=1)
def _regions_blurring() -> Finding:
    specs = _gap_specs("between_share")
    bt = pv.break_trends(*pv.BASE, measures=("between_share",), treatments=treatments()).set_index("treatment")
    specs += [Spec(f"{pv.label(*pv.BASE)}·{bt.at[k, 'name']}", float(bt.at[k, "ci_high"]))
              for k in treatments() if k != "published"]
    return Finding.decide(
        "provinces-regions-blurring", "provinces-regions", "< 0", specs,
        robust="四大地区之间的界限在所有设定和时段下都在变模糊：地区间净差距占比的斜率显著为负。",
        depends="四大地区之间的界限只在部分设定和时段下变模糊：地区间净差距占比只在" + _holding("< 0", specs)
                + "下显著下降。",
        quantity="Dagum 地区间净差距占基尼系数比重的逐年 OLS 斜率的 95% 置信区间上限（百分点/年）",
        note="八种方法（2011–2023 全程）、基准方法不含北京，基准方法（含与不含北京）在 2011–2017 和 2017–2023 "
             f"两个事先固定的子时段，以及基准方法下对 {pv.BREAK_YEAR} 年 GDP 口径断点的其余 {len(treatments()) - 1} 种"
             "处理；"
             "`python -m nqpf provinces subperiods`、`python -m nqpf provinces break-trends --measure between_share`。")


@lru_cache(maxsize=1)
def _beta_negative() -> Finding:
    specs = []
    for excl in ((), _NO_BJ):
        for m, a in pv.combos():
            if (pv.index(m, a, exclude=excl).query("year in [@_FIRST, @_LAST]")["score"] <= 0).any():
                continue
            c = pv.convergence(m, a, exclude=excl)
            specs.append(Spec(f"{pv.label(m, a)}{'·不含北京' if excl else ''}", float(c["absolute"]["ci_high"])))
    for basis, tag in (("spliced", "衔接GDP"), ("spliced-all", "衔接GDP（含此前的省级水平修订）")):
        for excl in ((), _NO_BJ):  # the start (2011) and the end (2023) lie on two GDP bases unless spliced
            c = pv.convergence(*pv.BASE, exclude=excl, basis=basis)
            name = f"{pv.label(*pv.BASE)}{'·不含北京' if excl else ''}·{tag}"
            specs.append(Spec(name, float(c["absolute"]["ci_high"])))
    return Finding.decide(
        "provinces-beta-convergence", "provinces-regions", "< 0", specs,
        robust="起点低的省份分数增长更快（绝对 β 收敛）：所有设定下 β 的 95% 置信区间都在零以下。",
        depends="起点低的省份分数是否增长更快取决于设定：{n} 种设定中 {k} 种的绝对 β 显著为负"
                "（不显著不等于不收敛，见正文的置信区间与检验功效）。",
        quantity=f"绝对 β（{_FIRST}–{_LAST}）95% 置信区间上限",
        note=f"八种方法，含与不含北京，以及基准方法在 {pv.BREAK_YEAR} 年断点衔接后的 GDP 上、在断点和此前的省级水平修订"
             "都衔接后的 GDP 上（各含与不含北京）；OLS，HC1 稳健标准误；"
             "`python -m nqpf provinces convergence [--without-beijing] [--gdp-basis spliced|spliced-all]`。")


@lru_cache(maxsize=1)
def _method_share() -> Finding:
    from nqpf.analysis.provinces.ranking import rank_matrix  # without the leave-one-out work

    specs = [Spec(f"八种方法 {y}", 100 * pv.method_share(rank_matrix(y).to_numpy()))
             for y in (_FIRST, pv.MIDDLE, _LAST)]
    specs.append(Spec(f"八种方法·不含北京 {_LAST}", 100 * pv.method_share(rank_matrix(_LAST, _NO_BJ).to_numpy())))
    for agg, zh in (("weighted", "加权和"), ("topsis", "TOPSIS")):
        r = mc.draw_ranks(_LAST, aggregate=agg)
        specs.append(Spec(f"随机权重·{zh} {_LAST}", 100 * pv.method_share(r.to_numpy())))
    return Finding.decide(
        "provinces-method-share", "provinces-robust", f"< {METHOD_SHARE_MAX}", specs,
        robust="排名的大部分差异来自数据而不是方法：在每种设定下，方法（或随机权重）造成的名次方差都不到一半。",
        depends="排名有多少取决于方法因设定而异：{n} 种设定中 {k} 种的方法份额不到一半；{flips}下超过一半。",
        quantity="名次方差中方法（省份内部）所占份额（%）",
        note="名次方差在“省份 × 方法”上分解（provinces.method_share）；随机权重为 1,000 次 Dirichlet 抽样；"
             "`python -m nqpf provinces robustness --year Y`。")


@lru_cache(maxsize=1)
def _top_ten() -> Finding:
    base = set(pv.index(*pv.BASE, YEAR).query(f"rank <= {TOP}")["province"])
    specs = []
    for m, a in pv.combos():
        if (m, a) == pv.BASE:
            continue
        top = set(pv.index(m, a, YEAR).query(f"rank <= {TOP}")["province"])
        specs.append(Spec(pv.label(m, a), float(len(top & base))))
    for agg, zh in (("weighted", "加权和"), ("topsis", "TOPSIS")):
        for excl, drops, _ in mc.VARIANTS.values():
            if excl:
                continue
            pct = mc.rank_percentiles(YEAR, aggregate=agg, drop=drops or None)
            top = set(pct.loc[pct["rank_p50"] <= TOP, "province"])
            specs.append(Spec(f"随机权重·{zh}" + ("·不含技术市场" if drops else "") + "（名次中位数）",
                              float(len(top & base))))
    return Finding.decide(
        "provinces-top-ten", "provinces-robust", f">= {TOP_KEPT}", specs,
        robust=f"前{_TOP_ZH}名的构成大体不随方法变化：每种设定下，基准方法的前{_TOP_ZH}名中"
               f"至少有 {TOP_KEPT} 个仍在前{_TOP_ZH}。",
        depends=f"前{_TOP_ZH}名的构成大体稳定，但并非在所有设定下：{{n}} 种设定中 {{k}} 种"
                f"保留了基准方法前{_TOP_ZH}名中的至少 {TOP_KEPT} 个。",
        quantity=f"{YEAR} 年基准方法（熵值法·加权和）前{_TOP_ZH}名中仍在该设定前{_TOP_ZH}名的省份数",
        note="其余七种方法的名次；随机权重下按名次中位数（第 50 百分位）不差于第 10 名计。")


def findings() -> list[Finding]:
    return [_beijing_first(), _top_ten(), _method_share(), _gap_narrowing(), _regions_blurring(), _beta_negative()]
