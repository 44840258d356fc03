"""Findings of the growth-accounting chapter (book/tfp.md), each decided over every specification of
:func:`nqpf.analysis.tfp.robustness` (capital rnna/rkna × labour in heads/hours × α = 1 − labsh, 0.3, 0.4, 0.5 ×
PWT 11.0/10.01) or over the ways PWT offers to compare TFP levels.
``tfp-jpn-kor-negative-2013-2023`` adds one dimension to that grid, labour with or without PWT's human-capital index
hc, and its sentence names what the specifications under which it holds have in common, read from their names
(:func:`shared_parts`).

The 1979–2012 period starts from the 1978 level (the year reform began) and tiles with 2013–2019. PWT 10.01 ends
in 2019, so the comparison with 2013–2023 has the sixteen PWT 11.0 specifications only; so has
``tfp-jpn-kor-negative-2013-2023`` (Japan's and Korea's TFP growth in 2013–2023, over the same grid).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from nqpf.analysis import tfp
from nqpf.analysis.findings import Finding, Spec
from nqpf.analysis.tfp.accounting import period_rows
from nqpf.core.numbers import prose
from nqpf.core.periods import Period

__all__ = ["findings", "shared_parts", "hours_decline", "LEVEL_YEAR", "LEVEL_THRESHOLD"]

BEFORE = tfp.ROBUSTNESS_PERIODS[0]
LEVEL_YEAR = 2023          # PWT 11.0's last year
LEVEL_THRESHOLD = 0.5      # the chapter's claim: China's TFP level is below half the US level
_DIM_ZH = {"vintage": "版本", "capital": "资本", "labour": "劳动", "alpha": "资本份额"}
_VALUE_ZH = {"emp": "人数", "emp*avh": "工时", "1-labsh": "1−labsh"}


def _values(dim: str, values) -> str:
    shown = [("PWT " + v if dim == "vintage" else _VALUE_ZH.get(v, v)) for v in sorted(values)]
    return " 或 ".join(shown) if len(shown) <= 2 else "、".join(shown[:-1]) + " 或 " + shown[-1]


def where(flipped: pd.DataFrame, every: pd.DataFrame) -> str:
    """What the specifications that overturn a claim have in common, in Chinese: each dimension whose values
    among ``flipped`` are a proper subset of those among ``every``.

    >>> every = pd.DataFrame({"vintage": ["11.0", "11.0", "10.01"], "capital": ["rnna", "rkna", "rnna"],
    ...                       "labour": ["emp"] * 3, "alpha": ["0.3", "0.4", "0.3"]})
    >>> where(every.iloc[[0, 1]], every)
    '版本为 PWT 11.0'
    """
    parts = []
    for dim, zh in _DIM_ZH.items():
        seen = set(flipped[dim])
        if seen and seen < set(every[dim]):
            parts.append(f"{zh}为 {_values(dim, seen)}")
    return "，".join(parts) if parts else "各维度都有"


def _change_finding(fid: str, after: tuple[int, int], value: str) -> Finding:
    ch = tfp.share_change(after, BEFORE, value=value)
    b, a = Period(*BEFORE).label, Period(*after).label
    specs = [Spec(r.name, float(r.change)) for r in ch.itertuples()]
    flipped = ch[ch["change"] >= 0]
    pwt_row = ch[ch["pwt_method"] & (ch["vintage"] == "11.0")]
    pwt_flips = bool(len(pwt_row)) and float(pwt_row["change"].iloc[0]) >= 0
    vintages = "、".join(f"PWT {v}" for v in sorted(set(ch["vintage"]), reverse=True))
    if value == "tfp_share":
        what, unit = "TFP 在 GDP 增长中的贡献率", "贡献率之差，百分点"
    else:
        what, unit = "TFP 对增长的年均贡献", "年均贡献之差，百分点"
    robust = f"{a} 年 {what}低于 {b} 年：{{n}} 种设定（{vintages}）下都是如此。"
    depends = (f"{a} 年 {what}是否低于 {b} 年取决于设定：{{n}} 种设定中 {{k}} 种更低；"
               f"不降反升的 {len(flipped)} 种设定的共同点：{where(flipped, ch)}"
               + ("，PWT 自己的设定（rkna、工时、1−labsh）也在其中。" if pwt_flips else "。"))
    note = ("资本 rnna/rkna × 劳动人数/工时 × 资本份额 1−labsh、0.3、0.4、0.5 × " + vintages
            + f"；命令 `python -m nqpf tfp robustness`。{b} 以 1978 年为基年。")
    if after[1] > 2019:
        note += "PWT 10.01 止于 2019 年，故只有 PWT 11.0 的设定。"
    return Finding.decide(fid, "tfp-robust", "< 0", specs, robust=robust, depends=depends,
                          quantity=f"{a} 减 {b}（{unit}）", note=note)


def _level_finding() -> Finding:
    p11, p10 = tfp.pwt("11.0"), tfp.pwt("10.01")
    y10 = int(p10["year"].max())
    specs = [
        Spec(f"PWT 11.0 ctfp {LEVEL_YEAR}", float(tfp.level_in(p11, ["CHN"], LEVEL_YEAR)["CHN"])),
        Spec(f"PWT 11.0 cwtfp {LEVEL_YEAR}", float(tfp.levels(p11, ["CHN"], "cwtfp").loc[LEVEL_YEAR, "CHN"])),
        Spec(f"PWT 10.01 ctfp {y10}", float(tfp.level_in(p10, ["CHN"], y10)["CHN"])),
        Spec(f"本书计算（工时）{LEVEL_YEAR}", tfp.level_vs_us(p11, "CHN", LEVEL_YEAR, hours=True)),
        Spec(f"本书计算（人数）{LEVEL_YEAR}", tfp.level_vs_us(p11, "CHN", LEVEL_YEAR, hours=False)),
    ]
    return Finding.decide(
        "tfp-level-vs-us", "tfp-countries", f"< {LEVEL_THRESHOLD}", specs,
        robust="按 PWT 的各种水平比较，中国的 TFP 水平都不到美国的一半。",
        depends="中国的 TFP 水平是否不到美国的一半取决于度量：{n} 种度量中 {k} 种低于一半，"
                "按“{flips}”则高于一半。",
        quantity="中国 TFP 水平（美国 = 1，当期购买力平价）",
        note="ctfp：PWT 的 TFP 水平；cwtfp：按福利口径（国内吸收）；本书计算：cgdpo、ck 与 emp·hc（或 emp·avh·hc）"
             "的柯布－道格拉斯水平，资本份额取两国 1−labsh 的平均（tfp.level_vs_us）。")


CATCHUP = ("JPN", "KOR")               # economies that approached the frontier earlier
CATCHUP_PERIOD = tfp.ROBUSTNESS_PERIODS[2]  # 2013-2023
HC_PART = {True: "含 hc", False: "不含 hc"}  # labour with PWT's human-capital index, or raw heads / hours
# How a part of a specification's name reads in a sentence: "they all …" and "the … specifications".
_PART_ZH = {"人数": "按就业人数计劳动", "工时": "按工时计劳动", "含 hc": "把 PWT 的人力资本指数 hc 计入劳动",
            "不含 hc": "不把人力资本 hc 计入劳动", "rnna": "资本取 rnna", "rkna": "资本取 rkna"}


def catchup_table() -> pd.DataFrame:
    """Japan's and Korea's TFP contribution (log points ×100 a year) in :data:`CATCHUP_PERIOD` under every
    specification a vintage covers, side by side, with labour measured with PWT's human-capital index hc (as in
    :func:`nqpf.analysis.tfp.robustness`) and without it (the hc term left in the residual); ``higher`` is the
    larger of the two (both negative iff < 0). ``name`` ends in :data:`HC_PART`."""
    key = ["vintage", "capital", "labour", "alpha"]
    cols, hc_term = {}, {}
    for c in CATCHUP:
        rob = tfp.robustness(*CATCHUP_PERIOD, country=c).dropna(subset=["tfp"]).set_index(key)
        cols[c] = rob["tfp"]
        flags = rob[["default", "pwt_method"]]
        hc_term[c] = pd.Series({k: _hc_contribution(c, *k) for k in rob.index})
    with_hc = pd.DataFrame(cols).join(flags).reset_index().assign(hc=True)
    without = (pd.DataFrame({c: cols[c] + hc_term[c] for c in CATCHUP}).join(flags).reset_index()
               .assign(hc=False, default=False, pwt_method=False))
    out = pd.concat([with_hc, without], ignore_index=True)
    out["higher"] = out[list(CATCHUP)].max(axis=1)
    out["name"] = [f"{tfp.spec_label(r)}·{HC_PART[r['hc']]}" for r in out.to_dict("records")]
    return out


def _hc_contribution(country: str, vintage: str, capital: str, labour: str, alpha: str) -> float:
    """(1 − ᾱ)·Δln hc, mean over the period's growth years: what leaving hc out of labour adds to the residual."""
    a = None if alpha == "1-labsh" else float(alpha)
    ann = tfp.annual(tfp.pwt(vintage), country, a, capital, tfp.LABOUR[labour])
    return float(period_rows(ann, country, *CATCHUP_PERIOD)["human_capital"].mean())


def shared_parts(held: list[str], every: list[str]) -> list[tuple[str, list[str]]]:
    """What the specifications under which a claim holds have in common, read from their names (parts joined by
    ·): for each position whose values among ``held`` are one value and a proper subset of those among ``every``,
    that value and the other values of the position.

    >>> every = ["a·x·1", "a·y·1", "b·x·1", "b·y·1"]
    >>> shared_parts(["a·x·1", "b·x·1"], every)
    [('x', ['y'])]
    """
    split_h, split_e = [n.split("·") for n in held], [n.split("·") for n in every]
    out = []
    for i in range(len(split_e[0])):
        seen, known = {p[i] for p in split_h}, {p[i] for p in split_e}
        if len(seen) == 1 and seen < known:
            out.append((next(iter(seen)), sorted(known - seen)))
    return out


def hours_decline(country: str, start: int, end: int, vintage: str = "11.0") -> float:
    """How fast PWT's average annual hours per worker (avh) fell over the growth years start…end (base start − 1),
    % a year as the accounting measures growth (mean Δln avh × 100, sign flipped: positive when hours fall). When
    hours fall, labour counted in heads grows faster than hours worked, and the residual (TFP) is lower."""
    p = tfp.pwt(vintage)
    avh = p[p["countrycode"] == country].set_index("year")["avh"]
    return float(-(np.log(avh[end]) - np.log(avh[start - 1])) / (end - start + 1) * 100)


def _catchup_finding() -> Finding:
    t = catchup_table()
    a = Period(*CATCHUP_PERIOD).label
    zh = "和".join(tfp.COUNTRY_ZH[c] for c in CATCHUP)
    n_neg = "、".join(f"{tfp.COUNTRY_ZH[c]} {int((t[c] < 0).sum())} 种" for c in CATCHUP)
    names = list(t["name"])
    held = [n for n, v in zip(names, t["higher"]) if v < 0]
    common = shared_parts(held, names) if held else []
    default_holds = bool((t.loc[t["default"], "higher"] < 0).all()) and bool(t["default"].any())
    pwt_flips = bool((t.loc[t["pwt_method"], "higher"] >= 0).any())
    vintages = "、".join(f"PWT {v}" for v in sorted(set(t["vintage"]), reverse=True))
    if common:
        parts = [_PART_ZH.get(v, v) for v, _ in common]
        others = "、".join(f"{_PART_ZH.get(o, o)}的 {sum(o in n.split('·') for n in names)} 种设定"
                          for _, rest in common for o in rest)
        where = f"，这 {len(held)} 种都{'并且'.join(parts)}：{others}中，没有一种两国都为负"
    else:
        where = ""
    falls = {c: hours_decline(c, *CATCHUP_PERIOD) for c in CATCHUP}
    bias = ""
    if any(v == "人数" for v, _ in common) and all(x > 0 for x in falls.values()):
        rates = "、".join(f"{tfp.COUNTRY_ZH[c]}约 {prose(x, 2)}%" for c, x in falls.items())
        bias = (f"。两国都为负的这 {len(held)} 种设定有共同的向下偏差：{a} 年平均工时每年减少（PWT avh，{rates}），"
                "按人数计就高估了劳动投入的增长，把 TFP 的增长压低了")
    depends = (f"{a} 年{zh}的 TFP 增长是否都为负取决于设定：{vintages} 的 {{n}} 种设定中只有 {{k}} 种两国都为负"
               f"（为负的：{n_neg}）{where}"
               + ("；本书的默认设定是其中之一" if default_holds else "")
               + ("，PWT 自己的设定（rkna、工时、1−labsh、含 hc）不在其中" if pwt_flips else "") + bias + "。")
    return Finding.decide(
        "tfp-jpn-kor-negative-2013-2023", "tfp-countries", "< 0",
        [Spec(r.name, float(r.higher)) for r in t.itertuples()],
        robust=f"{a} 年{zh}的 TFP 增长都为负：{vintages} 的 {{n}} 种设定下都是如此。", depends=depends,
        quantity=f"{a} 年{zh} TFP 年均贡献中较大的一个（对数百分点；两国都为负当且仅当它小于 0）",
        note="资本 rnna/rkna × 劳动人数/工时 × 资本份额 1−labsh、0.3、0.4、0.5 × 劳动是否乘以 PWT 的人力资本指数 hc"
             "（不含 hc 时，人力资本的贡献留在残差里）；命令 "
             f"`python -m nqpf tfp robustness --country JPN --start {CATCHUP_PERIOD[0]} --end {CATCHUP_PERIOD[1]}`"
             "（KOR 同；该命令的劳动都含 hc）。PWT 10.01 止于 2019 年，故只有 PWT 11.0 的设定。",
        extra={**{c: {r.name: float(getattr(r, c)) for r in t.itertuples()} for c in CATCHUP},
               "hours_decline": falls})


def findings() -> list[Finding]:
    return [
        _change_finding("tfp-share-after-2013", tfp.ROBUSTNESS_PERIODS[1], "tfp_share"),
        _change_finding("tfp-share-after-2013-2023", tfp.ROBUSTNESS_PERIODS[2], "tfp_share"),
        _change_finding("tfp-contribution-after-2013", tfp.ROBUSTNESS_PERIODS[1], "tfp"),
        _level_finding(),
        _catchup_finding(),
    ]
