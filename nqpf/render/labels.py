"""Reader-facing words for the codes kept in the data files (units, kinds, qualifiers, flags, scripts).

The CSV files keep the raw codes (``items``, ``pp``, ``UNCERTAIN`` …) so that code and tests can match them; the
book's tables show Chinese (``nqpf.render.book.Table`` passes every cell through :func:`zh`).
"""

from __future__ import annotations

import re

from nqpf.core.data import FLAG_ZH, FLAGS

UNITS = {"yuan": "元", "USD": "美元", "persons": "人", "pp": "百分点", "percent": "%", "times": "倍", "firms": "家",
         "aircraft": "架", "units": "台", "racks": "标准机架", "hours": "小时", "W": "瓦", "items": "项",
         "departments": "部门", "rank": "位次", "years": "年", "% of GDP": "占 GDP 的 %",
         "% of R&D": "占 R&D 经费的 %", "% nominal": "%（名义）", "% of industrial value added": "占工业增加值的 %",
         "% of compute": "占算力的 %", "per 10,000 people": "每万人", "% reduction": "降低 %",
         "percentage points over real GDP growth": "高于实际 GDP 增速的百分点", "% a year": "年均 %",
         "% reduction over the period": "期内累计降低 %", "% reduction in the year": "当年降低 %",
         "magnitude": "量级", "亿元": "亿元"}
# Points in time and periods of the outcome and target tables (a range keeps its one en dash).
POINTS = {"year": "全年", "end": "年末", "end-June": "6 月末", "end-Sept": "9 月末", "average": "年均",
          "each year": "每年", "cumulative": "累计"}
FORMS = {"level": "水平", "annual growth": "年均增长", "cumulative reduction": "累计降低",
         "annual reduction": "年度降低", "outcome": "结果", "projection": "预测", "preliminary": "初步数",
         "final": "最终核实数", "high": "高", "medium": "中", "low": "低"}
KINDS = {"level": "水平", "growth": "增长", "share": "占比", "count": "计数", "target": "目标",
         "contribution": "贡献", "total": "合计"}
QUALIFIERS = {"over": "超过", "about": "约", "nearly": "近", "under": "不足"}
SCRIPTS = {"zh-Hans": "简体", "zh-Hant": "繁体"}
WHOLE = {**FORMS, **POINTS, **UNITS, **KINDS, **QUALIFIERS, **SCRIPTS}
_PERIOD = re.compile(r"^((?:19|20)\d\d)[-–—](?:(?:19|20)?(\d\d))?((?:19|20)\d\d)?\s+(average|each year|cumulative)$")
_RANGE = re.compile(r"(?<![\d.-])((?:19|20)\d\d)\s*(?:-|—|－|~|～)\s*((?:19|20)\d\d)(?![\d.-])")
_FLAG = re.compile(r"(?<![\w-])(" + "|".join(re.escape(f) for f in sorted(FLAGS, key=len, reverse=True))
                   + r")(?![\w-])")
# A flag code right after its own Chinese word ("取整 ROUNDED") is already glossed: the code goes, not doubled.
_GLOSSED = [(re.compile(rf"{re.escape(word)}\s*{re.escape(code)}(?![\w-])"), word) for code, word in FLAG_ZH.items()]


def zh(text: str) -> str:
    """A cell's code as a reader sees it: a whole-cell code is translated, flag words anywhere.

    >>> zh("items"), zh("pp"), zh("DERIVED, UNCERTAIN"), zh("GDP 年均增长（%） ROUNDED"), zh("取整 ROUNDED")
    ('项', '百分点', '推算、不确定', 'GDP 年均增长（%） 取整', '取整')
    >>> zh("% of GDP"), zh("end-June"), zh("2021-2025 average"), zh("per 10,000 people"), zh("year")
    ('占 GDP 的 %', '6 月末', '2021–2025 年年均', '每万人', '全年')
    """
    text = str(text)
    if text in WHOLE:
        return WHOLE[text]
    period = _PERIOD.match(text)
    if period:
        first, last = period[1], period[3] or (period[1][:2] + period[2])
        return f"{first}–{last} 年{POINTS[period[4]]}"
    if _FLAG.search(text):
        for glossed, word in _GLOSSED:
            text = glossed.sub(word, text)
        if re.fullmatch(r"\s*(" + _FLAG.pattern + r")(\s*,\s*(" + _FLAG.pattern + r"))*\s*", text):
            return "、".join(FLAG_ZH[f.strip()] for f in text.split(","))
        text = _FLAG.sub(lambda m: FLAG_ZH[m.group(1)], text)
    return dash_ranges(text)


def dash_ranges(text: str) -> str:
    """Year ranges with the book's one dash, the en dash (2013–2019; not 2013-2019, 2013—2019 or 2013~2019).

    >>> dash_ranges("2013-2019 年"), dash_ranges("1978—2023年"), dash_ranges("ISBN 978-2019")
    ('2013–2019 年', '1978–2023年', 'ISBN 978-2019')
    """
    return _RANGE.sub(r"\1–\2", str(text))
