"""The 2024 national R&D communiqué (《2024年全国科技经费投入统计公报》, NBS/MOST/MOF, 29 September 2025), parsed.

The page text is kept as published in ``data/official/nbs_2024_rd_bulletin.txt`` (sha256 in its manifest); this
module reads the figures out of it, so every number can be traced to a line of the communiqué:

- :func:`national` — national R&D 2024 (final), its composition, and the 2023 intensity restated after the fifth
  economic census (2.58 %; first published as 2.65 %);
- :func:`industries` — 附表1, R&D of industrial enterprises above designated size by industry;
- :func:`provinces` — 附表2, R&D by province: 2024 expenditure and intensity, restated 2023 intensity.

Anything the parser does not find where the communiqué puts it raises :class:`DataError` naming file and line.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from nqpf.core import data
from nqpf.core.errors import DataError
from nqpf.core.paths import DATA, rel

PATH = DATA / "official" / "nbs_2024_rd_bulletin.txt"
DOCUMENT = "国家统计局、科学技术部、财政部《2024年全国科技经费投入统计公报》（2025年9月29日）"
FINAL_2024 = "2024 final (communiqué of 2025-09-29)"
REVISED_2023 = "2023 restated on the fifth-census GDP (communiqué of 2025-09-29)"
_NUM = r"(\d+(?:\.\d+)?)"

# What the national part states: (indicator, year, unit, vintage, pattern with one group per figure).
# Each pattern is searched line by line; the first group of each is the value of that indicator.
_NATIONAL = (
    ("rd_expenditure", 2024, "亿元", FINAL_2024, rf"全国共投入研究与试验发展（R&D）经费{_NUM}亿元"),
    ("rd_expenditure_increase", 2024, "亿元", FINAL_2024, rf"经费[\d.]+亿元，比上年增加{_NUM}亿元"),
    ("rd_growth", 2024, "%", FINAL_2024, rf"比上年增加[\d.]+亿元，增长{_NUM}%"),
    ("rd_intensity", 2024, "% of GDP", FINAL_2024, rf"投入强度（与国内生产总值\[2\]之比）为{_NUM}%"),
    ("rd_intensity_change", 2024, "percentage points", FINAL_2024, rf"之比）为[\d.]+%，比上年提高{_NUM}个百分点"),
    ("rd_intensity", 2023, "% of GDP", REVISED_2023, rf"投入强度已修订为{_NUM}%"),
    ("rd_per_fte", 2024, "万元", FINAL_2024, rf"人均经费为{_NUM}万元"),
    ("basic_research", 2024, "亿元", FINAL_2024, rf"全国基础研究经费{_NUM}亿元"),
    ("basic_research_growth", 2024, "%", FINAL_2024, rf"基础研究经费[\d.]+亿元，比上年增长{_NUM}%"),
    ("applied_research", 2024, "亿元", FINAL_2024, rf"应用研究经费{_NUM}亿元"),
    ("experimental_development", 2024, "亿元", FINAL_2024, rf"试验发展经费{_NUM}亿元"),
    ("basic_research_share", 2024, "% of R&D", FINAL_2024, rf"基础研究经费所占比重为{_NUM}%"),
    ("basic_research_share_change", 2024, "percentage points", FINAL_2024,
     rf"基础研究经费所占比重为[\d.]+%，比上年提升{_NUM}个百分点"),
    ("enterprise_rd", 2024, "亿元", FINAL_2024, rf"各类企业研究与试验发展（R&D）经费{_NUM}亿元"),
    ("government_institute_rd", 2024, "亿元", FINAL_2024, rf"政府属研究机构经费{_NUM}亿元"),
    ("university_rd", 2024, "亿元", FINAL_2024, rf"高等学校经费{_NUM}亿元"),
    ("hightech_mfg_rd", 2024, "亿元", FINAL_2024, rf"规模以上高技术制造业研究与试验发展（R&D）经费{_NUM}亿元"),
    ("government_st_spending", 2024, "亿元", FINAL_2024, rf"国家财政科学技术支出{_NUM}亿元"),
)
_SECTIONS = ("合计", "采矿业", "制造业", "电力、热力、燃气及水生产和供应业")


@lru_cache(maxsize=1)
def _lines() -> tuple[str, ...]:
    """The communiqué's lines, after checking the file against its manifest's sha256."""
    if not PATH.exists():
        raise DataError(rel(PATH), "file exists")
    meta = data.read_manifest(PATH)
    if data.sha256(PATH) != meta["sha256"]:
        raise DataError(rel(PATH), "sha256 matches manifest",
                        detail=f"file {data.sha256(PATH)[:12]}…, manifest {meta['sha256'][:12]}…")
    return tuple(PATH.read_text(encoding="utf-8").split("\n"))


def _find(pattern: str, rule: str, start: int = 0) -> tuple[re.Match, int]:
    """First match of ``pattern`` at or after line index ``start``: (match, 1-based line number)."""
    for i, line in enumerate(_lines()[start:], start=start):
        m = re.search(pattern, line)
        if m:
            return m, i + 1
    raise DataError(rel(PATH), rule, detail=f"no line matches {pattern!r}")


def _sentence(line: str, pos: int) -> str:
    """The clause around a figure (between the sentence marks before and after it)."""
    text = line.strip()
    offset = len(line) - len(line.lstrip())
    pos -= offset
    start = max(text.rfind(c, 0, pos) for c in "。；") + 1
    ends = [e for e in (text.find(c, pos) for c in "。；") if e >= 0]
    return text[start:(min(ends) + 1 if ends else len(text))]


@lru_cache(maxsize=1)
def _national() -> pd.DataFrame:
    rows = []
    for indicator, year, unit, vintage, pattern in _NATIONAL:
        m, line = _find(pattern, f"communiqué states {indicator} {year}")
        rows.append({"indicator": indicator, "year": year, "value": float(m.group(1)), "unit": unit,
                     "vintage": vintage, "line": line, "quote": _sentence(_lines()[line - 1], m.start())})
    df = pd.DataFrame(rows)
    _check_national(df)
    return df


def national() -> pd.DataFrame:
    """National figures: indicator, year, value, unit, vintage, line (1-based in the file), quote."""
    return _national().copy()


def value(indicator: str, year: int = 2024) -> float:
    """One national figure, e.g. ``value("rd_expenditure")`` → 36326.8, ``value("rd_intensity", 2023)`` → 2.58."""
    df = _national()
    rows = df[(df["indicator"] == indicator) & (df["year"] == int(year))]
    if rows.empty:
        from nqpf.core.errors import UsageError
        known = ", ".join(f"{i} {y}" for i, y in zip(df["indicator"], df["year"]))
        raise UsageError(f"the 2024 R&D communiqué has no '{indicator}' for {year} (known: {known})")
    return float(rows["value"].iloc[0])


def _check_national(df: pd.DataFrame) -> None:
    """The communiqué's own arithmetic, within its rounding (it warns that totals and parts may differ)."""
    v = {(r.indicator, r.year): (r.value, r.line) for r in df.itertuples()}
    total, line = v[("rd_expenditure", 2024)]
    parts = sum(v[(k, 2024)][0] for k in ("basic_research", "applied_research", "experimental_development"))
    if abs(parts - total) > 0.15:
        raise DataError(rel(PATH), "activities add up to the total", line, f"{parts:.1f} against {total:.1f}")
    share = 100 * v[("basic_research", 2024)][0] / total
    if abs(share - v[("basic_research_share", 2024)][0]) > 0.005:
        raise DataError(rel(PATH), "basic-research share agrees with its levels", v[("basic_research_share", 2024)][1],
                        f"{share:.3f} % computed")


def _cells(start: int, stop: str | None) -> list[tuple[str, int, str]]:
    """Table cells from line index ``start`` to the first line matching ``stop``: (stripped text, line, raw)."""
    out = []
    for i, raw in enumerate(_lines()[start:], start=start):
        if stop and re.match(stop, raw.strip()):
            break
        if raw.strip():
            out.append((raw.strip(), i + 1, raw))
    return out


def _rows(title: str, header: int, ncols: int, stop: str | None) -> list[tuple[str, list[float], int, str]]:
    """A table after its title line: skip ``header`` header cells, then rows of a name and ``ncols`` numbers."""
    _, line = _find(rf"^{title}", f"communiqué has {title}")
    cells = _cells(line, stop)[header:]
    rows = []
    for k in range(0, len(cells), ncols + 1):
        chunk = cells[k:k + ncols + 1]
        name, nline, raw = chunk[0]
        if len(chunk) < ncols + 1:
            raise DataError(rel(PATH), f"{title}: a name and {ncols} figures a row", nline, f"row '{name}' incomplete")
        values = []
        for text, vline, _ in chunk[1:]:
            if not re.fullmatch(r"\d+(?:\.\d+)?", text):
                raise DataError(rel(PATH), f"{title}: figures are numbers", vline, f"'{text}' in row '{name}'")
            values.append(float(text))
        rows.append((name, values, nline, raw))
    return rows


@lru_cache(maxsize=1)
def _industries() -> pd.DataFrame:
    rows, parent = [], None
    for name, (rd, intensity), line, raw in _rows("附表1", 5, 2, r"^附表2"):
        name_clean = re.sub(r"\s+", "", name)
        # Sections stand at the margin, divisions are indented by one space, as published.
        level = "division" if raw[:1].isspace() else "section"
        if level == "section":
            if name_clean not in _SECTIONS:
                raise DataError(rel(PATH), "附表1: sections are 合计, 采矿业, 制造业, 电力…", line, f"'{name_clean}'")
            parent = None if name_clean == "合计" else "合计"
            this_parent, current = parent, name_clean
        else:
            if parent is None:
                raise DataError(rel(PATH), "附表1: a division follows its section", line, f"'{name_clean}'")
            this_parent = current
        rows.append({"industry": name_clean, "level": level, "parent": this_parent, "rd_expenditure": rd,
                     "rd_intensity": intensity, "line": line})
    df = pd.DataFrame(rows)
    for section in _SECTIONS:  # each total equals its parts within the communiqué's rounding (0.1 a part)
        kids = df[df["parent"] == section]
        own = df[df["industry"] == section]
        if kids.empty or own.empty:
            raise DataError(rel(PATH), "附表1: every section present with its divisions", detail=section)
        gap = abs(kids["rd_expenditure"].sum() - own["rd_expenditure"].iloc[0])
        if gap > 0.05 * len(kids) + 1e-9:
            raise DataError(rel(PATH), "附表1: a section equals the sum of its parts", int(own["line"].iloc[0]),
                            f"{section}: parts differ by {gap:.1f} 亿元")
    return df


def industries() -> pd.DataFrame:
    """附表1: industry, level (section|division), parent, rd_expenditure (亿元), rd_intensity (% of revenue), line."""
    return _industries().copy()


@lru_cache(maxsize=1)
def _provinces() -> pd.DataFrame:
    from nqpf.analysis.provinces.clean import PROVINCES  # the one list of 31 provincial units

    rows = []
    for name, (rd, i24, i23), line, _ in _rows("附表2", 9, 3, r"^注："):
        name = re.sub(r"\s+", "", name)
        rows.append({"province": name, "rd_expenditure_2024": rd, "rd_intensity_2024": i24,
                     "rd_intensity_2023_revised": i23, "line": line})
    df = pd.DataFrame(rows)
    if df.empty or df["province"].iloc[0] != "全国":
        raise DataError(rel(PATH), "附表2 opens with 全国", int(df["line"].iloc[0]) if len(df) else None)
    nation, df = df.iloc[0], df.iloc[1:].reset_index(drop=True)
    unknown = df[~df["province"].isin(PROVINCES)]
    if not unknown.empty:
        raise DataError(rel(PATH), "附表2: the 31 provincial units", int(unknown["line"].iloc[0]),
                        f"unknown '{unknown['province'].iloc[0]}'")
    if sorted(df["province"]) != sorted(PROVINCES):
        raise DataError(rel(PATH), "附表2: each of the 31 provincial units once",
                        detail=f"{len(df)} rows, missing {sorted(set(PROVINCES) - set(df['province']))}")
    gap = abs(df["rd_expenditure_2024"].sum() - nation["rd_expenditure_2024"])
    if gap > 0.05 * len(df):
        raise DataError(rel(PATH), "附表2: provinces add up to 全国", int(nation["line"]), f"differ by {gap:.1f} 亿元")
    if (nation["rd_expenditure_2024"], nation["rd_intensity_2024"], nation["rd_intensity_2023_revised"]) != (
            value("rd_expenditure"), value("rd_intensity"), value("rd_intensity", 2023)):
        raise DataError(rel(PATH), "附表2 全国 row agrees with the text", int(nation["line"]))
    return df


def provinces() -> pd.DataFrame:
    """附表2 (31 provinces, 全国 excluded): province, rd_expenditure_2024 (亿元), rd_intensity_2024 (%),
    rd_intensity_2023_revised (% of the final 2023 regional GDP), line."""
    return _provinces().copy()
