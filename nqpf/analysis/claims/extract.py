"""Finding quantitative claims in text: the rules (units, qualifiers, kinds, what is not a claim), the seeds'
ledger (:func:`extract`, written to ``data/derived/claims.csv`` by :func:`write`, read back by :func:`ledger`) and
any plain-text document (:func:`extract_text`). The package docstring (:mod:`nqpf.analysis.claims`) states the rules.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pandas as pd

from nqpf.analysis import corpus
from nqpf.core import data
from nqpf.core.errors import DataError, UsageError

COLUMNS = ["seed", "line", "raw", "value", "unit", "kind", "context", "qualifier", "high"]
KINDS = ["level", "growth", "share", "count", "target", "contribution"]

# Suffix -> (base unit, multiplier). Longest first so 万亿元 wins over 元 and 个百分点 over 个.
_UNITS = {
    "万亿元": ("yuan", 10**12), "亿元": ("yuan", 10**8), "万元": ("yuan", 10**4), "元": ("yuan", 1),
    "万亿美元": ("USD", 10**12), "亿美元": ("USD", 10**8), "万美元": ("USD", 10**4), "美元": ("USD", 1),
    "亿人": ("persons", 10**8), "万人": ("persons", 10**4), "人": ("persons", 1),
    "个百分点": ("pp", 1), "百分点": ("pp", 1), "%": ("percent", 1), "％": ("percent", 1),
    "倍": ("times", 1),
    "万家": ("firms", 10**4), "家": ("firms", 1),
    "万架": ("aircraft", 10**4), "架": ("aircraft", 1),
    "万台": ("units", 10**4), "台": ("units", 1),
    "万标准机架": ("racks", 10**4), "标准机架": ("racks", 1),
    "万小时": ("hours", 10**4), "小时": ("hours", 1),
    "兆瓦": ("W", 10**6),
    "万辆": ("vehicles", 10**4), "辆": ("vehicles", 1),
    "万担": ("dan", 10**4), "担": ("dan", 1),
    "亿吨": ("tonnes", 10**8), "万吨": ("tonnes", 10**4), "吨": ("tonnes", 1),
    "亿度": ("kWh", 10**8), "万度": ("kWh", 10**4),
    "万亿斤": ("jin", 10**12), "亿斤": ("jin", 10**8), "万斤": ("jin", 10**4),
    "亿人口": ("persons", 10**8),
    "万场": ("items", 10**4), "场": ("items", 1),
    "个": ("items", 1), "方面": ("items", 1), "项": ("items", 1), "种": ("items", 1), "类": ("items", 1),
    "层": ("items", 1), "部门": ("departments", 1),
    "大": ("items", 1), "次": ("items", 1),  # Chinese numerals only: 八大行业, 三次工业革命
}
_CN_ONLY = {"大", "次"}
_AR_ONLY = {"人", "元"}  # 一人 / 三元 are not how the seeds write quantities
COUNT_UNITS = {"persons", "firms", "aircraft", "units", "racks", "items", "departments", "vehicles"}

_AR = r"\d+(?:,\d{3})*(?:\.\d+)?"
_CN = r"[零〇一二两三四五六七八九十百千]+(?:[亿万][零〇一二两三四五六七八九十百千]+)*"  # 六百四十三亿七千
_UNIT = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
# Not after a digit, a numeral, a letter, 第 (ordinal) or an opening quote mark (a slogan's name).
_BEFORE = r"(?<![\d.零〇一二两三四五六七八九十百千亿万第A-Za-z“「『\"'])(?<!\d,)"  # "," alone is a comma (seed 003)
_NUMBERS = re.compile(
    _BEFORE + rf"(?P<nums>{_AR}(?:(?:、|和|及|与){_AR})*|{_CN}(?:(?:、|和|及|与){_CN})*)"
    rf"(?:(?P<range>至|到|-|—|–|~|～)(?P<hi>{_AR}|{_CN}))?"
    r"(?P<more>多|余)?"
    rf"(?P<unit>{_UNIT})"
    r"(?![素民才口级])"  # 元素, 万人民币, 人才, 万亿级
    r"(?<!项(?=基本原则|原则))(?<!次(?=产业))"  # names: 四项基本原则, 五项原则, 三次产业 (the three sectors)
    r"(?P<post>以上|左右|多)?"
)
_RANK = re.compile(rf"(?:位居|排名列?|居于?)(?:全球|世界|全国)?第(?P<n>{_AR}|{_CN})(?:位|名)?"
                   rf"|成为(?:全球|世界)?第(?P<n2>{_AR}|{_CN})(?=[位名，,。；;])")
# Ranks stated without a verb (世界第二、全国首位), and 首位 for first place.
_RANK2 = re.compile(rf"(?:全球|世界|全国|全省)(?:城市)?第(?P<n>{_AR}|{_CN})(?=位|名|大|[，,。；;、）)]|$)"
                    r"|(?:位居|稳居|跃居|居于?|升至|保持)(?:全球|世界|全国|全省)(?:城市)?(?P<first>首位)")
# Multiples in words; 倍增 followed by 性 (依附倍增性: a property), 干劲, 效应 … is not a multiple.
_MULTIPLE = re.compile(r"翻(?P<n>一|两|二|三)番|(?P<fan>翻番)|(?P<bei>倍增)(?!干劲|效应|器|作用|效果|信心|性)")
_APPROX = {"数": "about", "几": "about", "上": "over"}  # 数百万亿元, 几十个, 上千家: approximate quantities
_FRACTION = re.compile(rf"(?P<den>{_CN})分之(?P<num>{_CN}(?:点[零〇一二三四五六七八九]+)?)")
_TENTHS = re.compile(r"(?<![\d第零一二两三四五六七八九十])(?P<n>[一二两三四五六七八九])成(?P<half>半)?"
                     r"(?=左右|以上|[，,。；;、]|$)")

_QUALIFIERS = [
    ("over", re.compile(r"(超过|超|逾|突破|高于|多于)")),
    ("about", re.compile(r"(约|大约|大概|左右)")),
    ("nearly", re.compile(r"(近|接近|将近|几近|几乎)")),
    ("under", re.compile(r"(不足|不到|低于|少于)")),
]
_DECLINE = re.compile(r"(下降|下滑|减少|缩短|降低|回落)了?(约|近|接近|超过)?$")
_TARGET = re.compile(r"[到至在]?20(?:2[5-9]|[3-9]\d)年|预计|目标|力争|规划|将进一步")
_CONTRIB = re.compile(r"贡献|拉动")
_SHARE = re.compile(r"占|比重|份额|比例|采用率|强度")
_GROWTH = re.compile(r"增长|增速|增幅|同比|提升|提高|上升|年均|增至|扩大|翻番")
_TITLE = re.compile(r"《[^》]*》")
_CLAUSE_END = re.compile(r"[，,；;：:。！？!?\n]")
_SENT_END = re.compile(r"[。！？!?；;\n]")


@lru_cache(maxsize=None)
def _cn_value(s: str) -> Decimal:  # cached: cn2an's "smart" mode takes 2 ms a numeral (a Decimal is immutable)
    import cn2an

    try:
        return Decimal(str(cn2an.cn2an(s, "smart")))
    except ValueError:
        if s[0] in "百千万亿":  # 数百万亿, 上千: the numeral without its leading 一
            return Decimal(str(cn2an.cn2an("一" + s, "smart")))
        raise


def _value(s: str) -> Decimal:
    return Decimal(s.replace(",", "")) if s[0].isdigit() else _cn_value(s)


def _start_of(pattern: re.Pattern, text: str, pos: int) -> int:
    """Start of the clause or sentence that contains ``pos``: the end of the last delimiter before it (the
    delimiters are single characters, so one ends at or before ``pos`` exactly when it starts before it)."""
    ends = _ends(pattern, text)
    i = bisect_right(ends, pos)
    return ends[i - 1] if i else 0


@lru_cache(maxsize=32)
def _ends(pattern: re.Pattern, text: str) -> list[int]:  # once per document, not once per number in it
    return [m.end() for m in pattern.finditer(text)]


def _qualifier(before: str, more: str | None, post: str | None) -> str:
    if before[-1:] in _APPROX:
        return _APPROX[before[-1]]
    if post in ("以上", "多") or more:
        return "over"
    if post == "左右":
        return "about"
    window = before[-4:]
    for name, rx in _QUALIFIERS:
        if rx.search(window):
            return name
    return ""


def _kind(unit: str, sentence_before: str, clause_before: str, negative: bool) -> str:
    if unit in COUNT_UNITS:
        return "count"
    if unit == "rank":
        return "level"
    sentence_before = _TITLE.sub("", sentence_before)  # 《…规划》 in a title is not a target
    if _TARGET.search(sentence_before):
        return "target"
    if unit in ("percent", "pp") and _CONTRIB.search(clause_before):
        return "contribution"
    if negative:
        return "growth"
    if unit == "percent" and _SHARE.search(sentence_before):
        return "share"
    if unit in ("percent", "pp") and _GROWTH.search(clause_before):
        return "growth"
    if unit == "times" and re.search(r"年前|增长", clause_before):
        return "growth"
    if unit == "pp":
        return "growth"
    return "level"


def _context(doc, start: int, end: int, width: int = 60) -> str:
    s0 = _start_of(_SENT_END, doc.text, start)
    m = _SENT_END.search(doc.text, end)
    s1 = m.end() if m else len(doc.text)
    s0, s1 = max(s0, start - width), min(s1, end + width)
    return doc.text[s0:s1].strip()


def _row(doc, start, end, num_start, value, unit, kind, qualifier, high=None, number="", scale=math.nan):
    return {
        "seed": doc.id, "line": doc.line_at(num_start), "raw": doc.original(start, end),
        "value": float(value), "unit": unit, "kind": kind, "context": _context(doc, start, end),
        "qualifier": qualifier, "high": float(high) if high is not None else math.nan, "_pos": num_start,
        "number": number, "scale": float(scale),
    }


def _claims_in(doc) -> list[dict]:
    text, rows = doc.text, []
    for m in _NUMBERS.finditer(text):
        unit_text = m["unit"]
        nums = re.split(r"、|和|及|与", m["nums"])
        chinese = not nums[0][0].isdigit()
        if (unit_text in _CN_ONLY and not chinese) or (unit_text in _AR_ONLY and chinese):
            continue
        if unit_text == "次" and m["nums"] == "二":
            continue  # 二次能源: secondary, not twice
        base, mult = _UNITS[unit_text]
        if unit_text == "大":
            if not all(_value(n) <= 12 for n in nums):
                continue  # 十八大, 二十大: party congresses
            base = "items"
        sent0 = _start_of(_SENT_END, text, m.start())
        clause0 = _start_of(_CLAUSE_END, text, m.start())
        before = text[clause0:m.start()]
        negative = bool(_DECLINE.search(before))
        qual = _qualifier(before, m["more"], m["post"])
        kind = _kind(base, text[sent0:m.start()], before, negative)
        pos = m.start()
        for n in nums:
            if not n[0].isdigit() and "亿" in n and unit_text.startswith("万"):
                scale = _cn_value(n + "万") * mult / 10**4  # 六百四十三亿七千|万元: 643亿 + 7000万
            else:
                scale = _value(n) * mult
            value = scale * (-1 if negative else 1)
            num_start = text.index(n, pos)
            pos = num_start + len(n)
            if base in COUNT_UNITS and mult == 1 and _value(n) < 2:
                continue  # 一个, 1 个: not a count claim
            high = _value(m["hi"]) * mult if m["range"] and n == nums[-1] else None
            s = m.start() if len(nums) == 1 else num_start
            e = m.end() if len(nums) == 1 or n == nums[-1] else num_start + len(n)
            rows.append(_row(doc, s, e, num_start, value, base, kind, qual, high, n, mult))
    for m in _RANK.finditer(text):
        n = m["n"] or m["n2"]
        num_start = m.start("n") if m["n"] else m.start("n2")
        rows.append(_row(doc, m.start(), m.end(), num_start, _value(n), "rank", "level", "", None, n, 1))
    seen = {r["_pos"] for r in rows if r["unit"] == "rank"}
    for m in _RANK2.finditer(text):
        start = m.start("first") if m["first"] else m.start("n")
        if start in seen or any(abs(start - p) <= 4 for p in seen):
            continue
        value = 1 if m["first"] else _value(m["n"])
        rows.append(_row(doc, m.start(), m.end(), start, value, "rank", "level", "", None, m["n"] or "首位", 1))
    for m in _MULTIPLE.finditer(text):
        value = 2 if (m["fan"] or m["bei"]) else 2 ** int(_value(m["n"]))
        sent0 = _start_of(_SENT_END, text, m.start())
        kind = "target" if _TARGET.search(_TITLE.sub("", text[sent0:m.start()])) else "growth"
        before = text[_start_of(_CLAUSE_END, text, m.start()):m.start()]
        rows.append(_row(doc, m.start(), m.end(), m.start(), value, "times", kind, _qualifier(before, None, None),
                         None, m.group(0), math.nan))
    for m in _FRACTION.finditer(text):
        value = _value(m["num"]) / _value(m["den"]) * 100
        before = text[_start_of(_CLAUSE_END, text, m.start()):m.start()]
        rows.append(_row(doc, m.start(), m.end(), m.start(), value, "percent", "share",
                         _qualifier(before, None, None)))
    for m in _TENTHS.finditer(text):
        value = _value(m["n"]) * 10 + (5 if m["half"] else 0)
        after = text[m.end():m.end() + 2]
        before = text[_start_of(_CLAUSE_END, text, m.start()):m.start()]
        post = "左右" if after.startswith("左右") else "以上" if after.startswith("以上") else None
        rows.append(_row(doc, m.start(), m.end(), m.start(), value, "percent", "share",
                         _qualifier(before, None, post)))
    return rows


# --- Claims in any text document (the policy corpus or a reader's .txt files) ----------------------------------

_FULLWIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")
_FW_THOUSANDS = re.compile(r"(?<=\d)，(?=\d{3}(?!\d))")


class TextDoc:
    """A plain-text document shaped like :class:`nqpf.analysis.corpus.Document` for the extractor: one analysis
    line per file line (so ``line`` is the file's line), full-width digits made ASCII (１．５９ → 1.59, and
    １，４９７ → 1,497), traditional characters simplified when the cleaning rule says the document is traditional."""

    def __init__(self, name: str, lines: list[str], simplify: bool = False):
        from nqpf.core.text import t2s

        self.id = name
        out = []
        for ln in lines:
            ln = ln.translate(_FULLWIDTH)
            ln = _FW_THOUSANDS.sub(",", ln)
            out.append(t2s().convert(ln) if simplify else ln)
        self.lines = out
        self.text = "\n".join(out)
        self._starts = []
        pos = 0
        for ln in out:
            self._starts.append(pos)
            pos += len(ln) + 1

    def line_at(self, offset: int) -> int:
        import bisect

        return bisect.bisect_right(self._starts, max(offset, 0))

    def original(self, start: int, end: int) -> str:
        return self.text[start:end]


def extract_text(path, name: str | None = None) -> pd.DataFrame:
    """The claims of one ``.txt`` file, by file line (``seed`` holds the document name)."""
    from nqpf.analysis import cleaning, policy

    raw = policy.read_text(path)
    simplify = len(cleaning.traditional_found(raw)) >= cleaning.T2S_MIN_DISTINCT
    doc = TextDoc(name or Path(path).name, raw.split("\n"), simplify)
    df = pd.DataFrame(_claims_in(doc), columns=COLUMNS + ["_pos"] + FIGURE_COLUMNS)
    return df.sort_values("_pos", kind="stable").drop(columns=["_pos"] + FIGURE_COLUMNS).reset_index(drop=True)


FIGURE_COLUMNS = ["number", "scale"]


def extract(seed_id=None, figures: bool = False) -> pd.DataFrame:
    """The claims ledger for one seed or (``None``) all seeds, ordered by seed, line and position.

    ``figures=True`` adds two columns that are not in the ledger file: ``number``, the figure as written in the
    analysis text ("33,278", "八"), and ``scale``, the multiplier of the unit it is written in (万亿元: 1e12), so
    that ``value == ±number × scale`` (``scale`` is NaN for fractions and 成, which are not one written figure).
    """
    docs = [corpus.document(seed_id)] if seed_id is not None else list(corpus.documents())
    rows = []
    for doc in docs:
        rows.extend(_claims_in(doc))
    df = pd.DataFrame(rows, columns=COLUMNS + ["_pos"] + FIGURE_COLUMNS)
    df = df.sort_values(["seed", "_pos"], kind="stable").drop(columns="_pos").reset_index(drop=True)
    return df if figures else df.drop(columns=FIGURE_COLUMNS)


SCHEMA = {
    "min_rows": 50,
    "columns": [
        {"name": "seed", "type": "string", "pattern": r"^\d{3}$"},
        {"name": "line", "type": "integer", "min": 1},
        {"name": "raw", "type": "string"},
        {"name": "value", "type": "number"},
        {"name": "unit", "type": "string",
         "allowed": sorted({u for u, _ in _UNITS.values()} | {"rank"})},
        {"name": "kind", "type": "string", "allowed": KINDS},
        {"name": "context", "type": "string"},
        {"name": "qualifier", "type": "string", "allowed": ["over", "about", "nearly", "under"], "nullable": True},
        {"name": "high", "type": "number", "nullable": True},
    ],
}


def write(df: pd.DataFrame | None = None) -> Path:
    """Write the full ledger to ``data/derived/claims.csv`` with its manifest."""
    df = extract() if df is None else df
    out = df.copy()
    out["value"] = out["value"].map(lambda v: f"{v:.10g}")
    out["high"] = out["high"].map(lambda v: "" if pd.isna(v) else f"{v:.10g}")
    return data.write_derived(
        out, "claims", "种子文档中的量化陈述（claims ledger）",
        "nqpf.analysis.claims.write (make data: python -m nqpf claims write)", SCHEMA,
        [f"seeds/{d.file}" for d in corpus.documents()])


def ledger() -> pd.DataFrame:
    """The published ledger, ``data/derived/claims.csv``, read through the data loader (checked against its manifest
    and, during a build, recorded as used by the page that shows it), and checked against :func:`extract`: a file
    that no longer matches the seeds and the rules is a data error (run ``make data``)."""
    df = data.load("claims")
    df["qualifier"] = df["qualifier"].fillna("")
    now = extract()
    same = len(df) == len(now) and all(
        (a.seed, a.line, a.raw, a.unit, a.kind) == (b.seed, b.line, b.raw, b.unit, b.kind)
        and math.isclose(a.value, b.value, rel_tol=1e-9, abs_tol=1e-12)
        for a, b in zip(df.itertuples(), now.itertuples()))
    if not same:
        raise DataError("data/derived/claims.csv", "matches the claims the extractor finds in the seeds",
                        detail=f"{len(df)} rows in the file, {len(now)} found; run `make data`")
    return df


def counts() -> pd.DataFrame:
    """Claims by seed (rows) and kind (columns), with totals."""
    df = extract()
    table = pd.crosstab(df["seed"], df["kind"]).reindex(columns=KINDS, fill_value=0)
    table["total"] = table.sum(axis=1)
    return table


def check_kind(kind: str | None) -> None:
    if kind is not None and kind not in KINDS:
        raise UsageError(f"unknown kind '{kind}' (one of: {', '.join(KINDS)})")
