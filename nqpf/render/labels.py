"""Reader-facing words for the codes kept in the data files (units, kinds, qualifiers, flags, scripts).

The CSV files keep the raw codes (``items``, ``pp``, ``UNCERTAIN`` …) so that code and tests can match them; the
book's tables show Chinese (``nqpf.render.book.Table`` passes every cell through :func:`zh`).
"""

from __future__ import annotations

import re

from nqpf.core.data import FLAG_ZH, FLAGS

UNITS = {"yuan": "元", "USD": "美元", "persons": "人", "pp": "百分点", "percent": "%", "times": "倍", "firms": "家",
         "aircraft": "架", "units": "台", "racks": "标准机架", "hours": "小时", "W": "瓦", "items": "项",
         "departments": "部门", "rank": "位次"}
KINDS = {"level": "水平", "growth": "增长", "share": "占比", "count": "计数", "target": "目标",
         "contribution": "贡献", "total": "合计"}
QUALIFIERS = {"over": "超过", "about": "约", "nearly": "近", "under": "不足"}
SCRIPTS = {"zh-Hans": "简体", "zh-Hant": "繁体"}
WHOLE = {**UNITS, **KINDS, **QUALIFIERS, **SCRIPTS}
_FLAG = re.compile(r"(?<![\w-])(" + "|".join(re.escape(f) for f in sorted(FLAGS, key=len, reverse=True))
                   + r")(?![\w-])")
# A flag code right after its own Chinese word ("取整 ROUNDED") is already glossed: the code goes, not doubled.
_GLOSSED = [(re.compile(rf"{re.escape(word)}\s*{re.escape(code)}(?![\w-])"), word) for code, word in FLAG_ZH.items()]


def zh(text: str) -> str:
    """A cell's code as a reader sees it: a whole-cell code is translated, flag words anywhere.

    >>> zh("items"), zh("pp"), zh("DERIVED, UNCERTAIN"), zh("GDP 年均增长（%） ROUNDED"), zh("取整 ROUNDED")
    ('项', '百分点', '推算、不确定', 'GDP 年均增长（%） 取整', '取整')
    """
    text = str(text)
    if text in WHOLE:
        return WHOLE[text]
    if _FLAG.search(text):
        for glossed, word in _GLOSSED:
            text = glossed.sub(word, text)
        if re.fullmatch(r"\s*(" + _FLAG.pattern + r")(\s*,\s*(" + _FLAG.pattern + r"))*\s*", text):
            return "、".join(FLAG_ZH[f.strip()] for f in text.split(","))
        return _FLAG.sub(lambda m: FLAG_ZH[m.group(1)], text)
    return text
