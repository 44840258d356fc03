"""Findings of the chapter 政策文本 (book/policy.md), each decided over the specifications the chapter computes:
the correlation of provincial talk with the provincial index (measure, sample, method, bootstrap, leave-one-out),
the keyness of the new vocabulary of the latest work reports (pooled G², dispersion, document bootstrap, other
reference periods and premiers), and the rise of 新质生产力 over the reports that use it.
"""

from __future__ import annotations

from functools import lru_cache

from nqpf.analysis import policy
from nqpf.analysis.findings import Finding, Spec

__all__ = ["findings", "NEW_TERMS", "talk_specs", "keyness_specs"]

# The vocabulary of the book's subject that entered the work reports with the latest premier: the two terms the
# 2024 report made national policy (新质生产力, 未来产业).
NEW_TERMS = ("新质生产力", "未来产业")
_MEASURE = {"text_index": "文本指数", "nqpf_per_10k": "“新质生产力”频率"}
_SAMPLE = {"all": "31 省", "without_abridged": "不含河北、吉林"}
_METHOD = {"spearman": "Spearman", "pearson": "Pearson"}


@lru_cache(maxsize=1)
def talk_specs() -> tuple[Spec, ...]:
    """Lower bound of the bootstrap 95 % interval of the correlation under each specification, and that of the
    leave-one-out sample with the highest Spearman ρ (the province left out that favours a positive link most)."""
    v = policy.talk_variants()
    specs = [Spec(f"{_MEASURE[r.measure]}·{_SAMPLE[r.sample]}·{_METHOD[r.method]}", r.ci_low)
             for r in v.itertuples()]
    df = policy.talk_table()
    out = policy.leave_one_out(df, "text_index").idxmax()  # the province whose absence helps the claim most
    keep = df[df["province"] != out]
    low = policy.bootstrap_ci(keep["text_index"], keep["score"])[0]
    specs.append(Spec(f"文本指数·留一法（去掉{out}）·Spearman", low))
    return tuple(specs)


def _talk() -> Finding:
    specs = talk_specs()
    return Finding.decide(
        "policy-talk-vs-index", "policy-talk", "<= 0", specs,
        robust="报告里说得多的省份，综合指数得分并不明显更高：相关系数为正，"
               "但在全部 {n} 种设定下其 95% 置信区间都包含零。",
        depends="报告里说得多的省份，综合指数得分是否更高取决于设定：{n} 种设定中 {k} 种的 95% 置信区间包含零，"
                "区间整体大于零的设定为：{flips}。",
        quantity="相关系数自助法 95% 置信区间的下限（2,000 次，种子固定）；规则：下限不大于 0，即看不出明确的正相关",
        note="文本指数或“新质生产力”每万字频率 × 31 省或不含摘要版的河北、吉林 × Spearman 或 Pearson，"
             "外加留一法中下限最高的样本；命令 `python -m nqpf policy talk-variants`。")


@lru_cache(maxsize=1)
def keyness_specs() -> tuple[Spec, ...]:
    """The smallest keyness of :data:`NEW_TERMS` (a G² in each specification; ≥ 10.83 is p < 0.001)."""
    a, b = policy.PERIOD_A, policy.PERIOD_B
    main = policy.keyness_periods(terms=NEW_TERMS)
    li = policy.keyness_periods(a, (2014, 2023), terms=NEW_TERMS)
    near = policy.keyness_periods(a, (2021, 2023), terms=NEW_TERMS)
    old = policy.keyness_periods((2024, 2025), b, terms=NEW_TERMS)

    def low(df, col="g2"):
        return float(df[col].min())

    return (Spec(f"合并计数 G²（{a[0]}–{a[1]} 对 {b[0]}–{b[1]}）", low(main)),
            Spec("离散度调整 G²（计数乘以 1 − DP）", low(main, "g2_dp")),
            Spec("按报告自助抽样 G² 的第 5 百分位（2,000 次）", low(main, "g2_p05")),
            Spec("参照期换为李克强任内全部报告（2014–2023）", low(li)),
            Spec("参照期换为紧邻的 2021–2023 年", low(near)),
            Spec("不含 2026 年报告（2024–2025 对 2013–2022）", low(old)))


def _keyness() -> Finding:
    terms = "".join(f"“{t}”" for t in NEW_TERMS)
    return Finding.decide(
        "policy-keyness-new-terms", "policy-keyness", f">= {policy.CRITICAL}", keyness_specs(),
        robust=f"{terms}是李强任内政府工作报告的关键词：在全部 {{n}} 种设定下 G² 都不小于 "
               f"{policy.CRITICAL}（p < 0.001），"
               "不论是否考虑词在各篇报告间的分布、按报告重抽样，还是换用其他参照期。",
        depends=f"{terms}是否称得上李强任内报告的关键词取决于设定：{{n}} 种设定中 {{k}} 种的 G² 不小于 "
                f"{policy.CRITICAL}，不成立的是：{{flips}}。",
        quantity=f"{terms}中较小的 G²（或其自助法第 5 百分位）",
        note="两期的总理与起草班子不同（2013 年温家宝，2014–2023 年李克强，2024 年起李强），"
             "关键性无法把政策变化与起草风格分开；参照期换为李克强任内或紧邻三年是为了看结论是否随参照变化。"
             "命令 `python -m nqpf policy keyness-periods`。")


def _rise() -> Finding:
    rates = policy.trajectories(["新质生产力"])["新质生产力"]
    counts = policy.trajectories(["新质生产力"], counts=True)["新质生产力"]
    years = [y for y in rates.index if y >= 2024]
    specs = []
    for y0, y1 in zip(years, years[1:]):
        specs.append(Spec(f"每万字，{y0}→{y1}", float(rates[y1] - rates[y0])))
        specs.append(Spec(f"次数，{y0}→{y1}", float(counts[y1] - counts[y0])))
    last = years[-1]
    return Finding.decide(
        "policy-nqpf-rising", "policy-trajectories", "> 0", specs,
        robust=f"“新质生产力”在政府工作报告中的使用逐年增多：2024–{last} 年每一年都比上一年多，"
               "按次数和按每万字都是如此。",
        depends=f"“新质生产力”的使用并非逐年增多：2024–{last} 年中 {{flips}} 没有增加。",
        quantity="相邻两年报告中“新质生产力”的差（每万字或次数）",
        note="只有 2024 年以来的报告使用这个词，趋势只有这几个点；命令 `python -m nqpf policy trajectories`。")


def _premier() -> Finding:
    win = policy.window_contrasts()
    same = win[~win["premier_change"]]
    specs = []
    for r in win[win["premier_change"]].itertuples():
        who = f"{r.premier_early}→{r.premier_late}"
        specs.append(Spec(f"{who}，合并计数", float(r.key_words - same["key_words"].max())))
        specs.append(Spec(f"{who}，自助法 95% 仍显著", float(r.key_words_boot95 - same["key_words_boot95"].max())))
    return Finding.decide(
        "policy-premier-change-vocabulary", "policy-keyness", "> 0", specs,
        robust="总理更替前后相邻三年之间的关键词，多于同一总理任内任何相邻三年之间：{n} 种比较下都是如此；"
               "最近三年的关键词因此可能有一部分来自起草班子的更替，而不全是政策本身的变化。",
        depends="总理更替前后的关键词是否多于同一任内相邻三年之间，取决于比较方式（{n} 种中 {k} 种成立，"
                "不成立：{flips}）；最近三年的关键词中有多少来自起草班子的更替，无法确定。",
        quantity="换届前后相邻三年窗口的关键词数减去同一任内相邻窗口的最大关键词数（个）",
        note="相邻三年窗口：2011–2013→2014–2016、2015–2017→2018–2020、2018–2020→2021–2023、2021–2023→2024–2026；"
             "命令 `python -m nqpf policy keyness-windows`。")


def findings() -> list[Finding]:
    return [_talk(), _keyness(), _premier(), _rise()]
