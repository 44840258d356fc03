"""The index's inputs: the cleaned long table (cached with ``joblib.Memory``), the derived provincial GDP and the
ten indicators of the index in their own units, with the cells filled by estimate.

Data: ``techme_provincial_long`` (中国科技统计年鉴 and the NBS R&D bulletins as tidied by the R package techme),
cleaned in :mod:`.clean`.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from nqpf.analysis.provinces import clean as cl
from nqpf.analysis.provinces.clean import PROVINCES
from nqpf.core import data, usage
from nqpf.core.errors import DataError, UsageError
from nqpf.core.paths import CACHE

__all__ = ["SOURCE", "YEARS", "SYSTEM", "CODES", "NAME", "DIMENSION", "cleaned", "misreadings", "checks", "gdp",
           "panel", "system", "indicators", "imputed", "tech_market_growth", "cache_key", "expect_provinces",
           "BREAK_YEAR", "BASES", "GDP_CODES", "check_basis", "gdp_break", "national_growth", "REVISION_FALL_PCT",
           "level_revisions", "gdp_falls"]

SOURCE = "techme_provincial_long"
YEARS = tuple(range(2011, 2024))  # R&D intensity (hence GDP) starts in 2011; papers end in 2022, so they are left out
# Each year's intensity divides by that year's first-release provincial GDP. From 2019 that GDP is on the fourth
# economic census basis (the 2018 census revised provincial GDP, mostly down in the north-east and Tianjin), so
# the derived GDP breaks between 2018 and 2019. Two bases: as published, or 2011-2018 spliced onto the 2019 level.
BREAK_YEAR = 2019
BASES = {"published": "首次公布值（2019 年起为第四次经济普查口径）",
         "spliced": "衔接：2011–2018 年按 2019 年的普查口径衔接",
         "spliced-all": "衔接：普查断点和此前各省的水平修订都按全国名义增速衔接"}
# A level revision before the census (a province restating its GDP, e.g. 辽宁 2016 after its data-quality review)
# shows as a one-year fall of the derived nominal GDP larger than any fall a real shock gave in these years
# (湖北 2020, the pandemic: about −5 %); the rule is checked against the data in the chapter and the tests.
REVISION_FALL_PCT = 10

# dimension, code, indicator, formula, unit, direction, tables
SYSTEM = (
    ("创新投入", "rd_intensity", "R&D经费投入强度", "R&D经费 ÷ GDP", "%", 1, "RDIntense"),
    ("创新投入", "basic_share", "基础研究经费占比", "基础研究经费 ÷ R&D经费内部支出", "%", 1, "RDActivity"),
    ("创新投入", "enterprise_share", "企业资金占R&D经费比重", "企业资金 ÷ R&D经费内部支出", "%", 1, "RDSource"),
    ("创新投入", "budget_st_share", "财政科技支出占比", "地方一般公共预算科学技术支出 ÷ 支出合计", "%", 1,
     "PublicBudget"),
    ("创新产出", "invention_stock_gdp", "每亿元GDP有效发明专利", "有效发明专利 ÷ GDP", "件/亿元", 1,
     "RDPatentValid, RDIntense"),
    ("创新产出", "invention_grant_share", "发明专利占授权专利比重", "发明专利授权 ÷ 专利授权合计", "%", 1,
     "RDPatentAuthority"),
    ("创新产出", "invention_apps_fte", "每百人年R&D人员发明专利申请", "发明专利申请 ÷ R&D人员全时当量 × 100",
     "件/百人年", 1, "RDPatentAccept, RDLaborHour"),
    ("成果转化", "tech_out_gdp", "技术输出成交额占GDP比重", "输出技术合同成交额 ÷ GDP", "%", 1,
     "MarketPush, RDIntense"),
    ("成果转化", "tech_in_gdp", "技术吸纳成交额占GDP比重", "吸纳技术合同成交额 ÷ GDP", "%", 1, "MarketPull, RDIntense"),
    ("成果转化", "hitech_rev_gdp", "高技术产业营业收入占GDP比重", "高技术产业主营业务收入 ÷ GDP", "%", 1,
     "IndustryOperation, RDIntense"),
)
CODES = tuple(r[1] for r in SYSTEM)
GDP_CODES = tuple(r[1] for r in SYSTEM if "GDP" in r[3])  # the indicators with GDP as their denominator
NAME = {r[1]: r[2] for r in SYSTEM}
DIMENSION = {r[1]: r[0] for r in SYSTEM}


def expect_provinces(df: pd.DataFrame, what: str, column: str = "province", per: str | None = None) -> pd.DataFrame:
    """Stop unless ``df`` holds each of the 31 provinces (once per ``per`` group when given): a merge or a pivot
    that lost a province must not pass silently."""
    groups = [(None, df)] if per is None else list(df.groupby(per))
    for key, g in groups:
        found = set(g[column])
        if found != set(PROVINCES) or (per is not None and len(g) != len(PROVINCES)):
            missing = sorted(set(PROVINCES) - found)
            where = f" in {per} {key}" if per is not None else ""
            raise DataError(f"provinces:{what}", "each of the 31 provinces exactly once" if per else
                            "all 31 provinces", detail=f"{len(g)} rows, {len(found)} provinces{where}"
                            + (f"; missing {'、'.join(missing)}" if missing else ""))
    return df


# --- cleaning, cached -------------------------------------------------------------------------------------

def _versions() -> str:
    from importlib.metadata import version  # the installed distributions, without importing the slow ones

    return "; ".join(f"{d} {version(d)}" for d in ("pandas", "numpy", "pymcdm", "statsmodels"))


def cache_key(path: Path) -> dict:
    """What the cleaned table depends on: the data file, its manifest, the cleaning code and the library versions.
    ``joblib.Memory`` hashes these arguments (and the cached function's own code)."""
    def digest(p):
        return hashlib.sha256(Path(p).read_bytes()).hexdigest()

    return {"file": digest(path), "manifest": digest(data.manifest_path(path)), "code": digest(cl.__file__),
            "versions": _versions()}


def _clean_uncached(name: str, file: str, manifest: str, code: str, versions: str) -> pd.DataFrame:
    # The hashes and versions are arguments only so that joblib keys the cache on them.
    return cl.clean(data.load(name))


@lru_cache(maxsize=1)
def _memory():
    from joblib import Memory

    return Memory(CACHE / "joblib", verbose=0)


@lru_cache(maxsize=1)
def _cleaned() -> pd.DataFrame:
    # Validating and cleaning 24,000 rows costs about a second: cache it in the build cache (never in data/).
    path = data.resolve(SOURCE)
    usage.note(path)  # the page uses the file (for the data catalogue), even when the loader is skipped
    return _memory().cache(_clean_uncached)(SOURCE, **cache_key(path))


def cleaned() -> pd.DataFrame:
    """Every row with its standard name, kind (province / nation / region) and CSV line."""
    return _cleaned().copy()


def misreadings() -> pd.DataFrame:
    return cl.misreadings_found(_cleaned())


def checks(tolerance: float = 0.5) -> pd.DataFrame:
    """Provinces' sum against the national total, wherever the file has one (see ``clean.national_check``)."""
    return cl.national_check(_cleaned(), tolerance)


@lru_cache(maxsize=1)
def _gdp() -> pd.DataFrame:
    d = _cleaned()
    d = d[(d["dataset"] == "RDIntense") & (d["kind"] == "province")]
    w = d.pivot_table(index=["province", "year"], columns="item", values="value").reset_index()
    w = w.rename(columns={"RD经费": "rd", "RD强度": "intensity"})
    w["gdp"] = w["rd"] / w["intensity"] * 100
    # R&D is published to 0.1 亿元 and intensity to 0.01 %, so the derived GDP is uncertain by up to about
    # ±(0.05 / R&D + 0.005 / intensity) in relative terms
    w["rounding_bound"] = 0.05 / w["rd"] + 0.005 / w["intensity"]
    w["source"] = "DERIVED: R&D经费(亿元) ÷ R&D经费投入强度(%) × 100, 全国科技经费投入统计公报 via techme"
    w = w[w["gdp"].notna()]
    expect_provinces(w[w["year"].isin(YEARS)], "gdp", per="year")
    return w[["province", "year", "gdp", "rd", "intensity", "rounding_bound", "source"]]


def gdp() -> pd.DataFrame:
    """Provincial nominal GDP (亿元), 2011-2023, DERIVED as R&D expenditure ÷ R&D intensity."""
    return _gdp().copy()


def check_basis(basis: str) -> str:
    if basis not in BASES:
        raise UsageError(f"unknown GDP basis '{basis}' (one of {', '.join(BASES)})")
    return basis


@lru_cache(maxsize=4)
def national_growth(year: int = BREAK_YEAR) -> float:
    """Nominal GDP growth of ``year`` (ratio to the year before) from the book's one-vintage national series."""
    from nqpf.core.gdp import china_gdp

    s = china_gdp().set_index("year")["value"]
    return float(s[year] / s[year - 1])


@lru_cache(maxsize=1)
def _gdp_break() -> pd.DataFrame:
    w = _gdp().pivot(index="province", columns="year", values="gdp").reindex(list(PROVINCES))
    before, after = w[BREAK_YEAR - 1], w[BREAK_YEAR]
    g = national_growth(BREAK_YEAR)
    out = pd.DataFrame({"province": w.index, "gdp_before": before.to_numpy(), "gdp_break": after.to_numpy()})
    out["change_pct"] = 100 * (out["gdp_break"] / out["gdp_before"] - 1)
    # the splice assumes each province grew at the national nominal rate in the break year: a province's own
    # growth differs from it by a few points, its census revision by up to a quarter
    out["national_growth_pct"] = 100 * (g - 1)
    out["splice_factor"] = out["gdp_break"] / (out["gdp_before"] * g)
    return expect_provinces(out, "gdp break")


def gdp_break() -> pd.DataFrame:
    """The census break in the derived GDP: each province's GDP in the last year before and the first year on
    the fourth-census basis, the change (%), the national nominal growth of that year (one vintage) and the splice
    factor that the ``spliced`` basis applies to 2011-2018 (published level × factor)."""
    return _gdp_break().copy()


def gdp_falls() -> pd.DataFrame:
    """Every one-year fall of a province's derived GDP: province, year, change_pct, national_growth_pct (the
    book's one-vintage national series, :func:`national_growth`), revision (a fall of more than
    :data:`REVISION_FALL_PCT` %), sorted from the largest fall."""
    w = _gdp().pivot(index="province", columns="year", values="gdp")
    ch = (100 * (w / w.shift(axis=1) - 1)).stack().rename("change_pct").reset_index()
    out = ch[ch["change_pct"] < 0].sort_values("change_pct", ignore_index=True)
    out["national_growth_pct"] = [100 * (national_growth(int(y)) - 1) for y in out["year"]]
    out["revision"] = out["change_pct"] < -REVISION_FALL_PCT
    return out


def level_revisions() -> pd.DataFrame:
    """Level revisions of a province's derived GDP before the census break, found by the rule of
    :data:`REVISION_FALL_PCT`: province, year, gdp_before, gdp_after, change_pct, national_growth_pct and the
    splice factor that the ``spliced-all`` basis applies to the province's earlier years (as at the break: the
    province is assumed to have grown at the national nominal rate that year)."""
    f = gdp_falls()
    f = f[f["revision"] & (f["year"] < BREAK_YEAR)].sort_values(["year", "province"], ignore_index=True)
    g = _gdp().set_index(["province", "year"])["gdp"]
    rows = []
    for p, y, ch, nat in zip(f["province"], f["year"], f["change_pct"], f["national_growth_pct"]):
        before, after = float(g[(p, y - 1)]), float(g[(p, y)])
        rows.append({"province": p, "year": int(y), "gdp_before": before, "gdp_after": after, "change_pct": ch,
                     "national_growth_pct": nat, "splice_factor": after / (before * national_growth(int(y)))})
    return pd.DataFrame(rows, columns=["province", "year", "gdp_before", "gdp_after", "change_pct",
                                       "national_growth_pct", "splice_factor"])


def _gdp_on(basis: str) -> pd.Series:
    g = _gdp().set_index(["province", "year"])["gdp"]
    if check_basis(basis) in ("spliced", "spliced-all"):
        f = _gdp_break().set_index("province")["splice_factor"]
        years = g.index.get_level_values("year")
        provinces = g.index.get_level_values("province")
        factor = f.reindex(provinces).to_numpy()
        g = g * np.where(years < BREAK_YEAR, factor, 1.0)
        if basis == "spliced-all":  # each earlier revision spliced the same way: the years before it rescaled
            for r in level_revisions().itertuples():
                g = g * np.where((provinces == r.province) & (years < r.year), r.splice_factor, 1.0)
    return g


def panel() -> pd.DataFrame:
    """The cleaned long panel: province, year, indicator (table/item), value, unit; 31 provinces, no blanks.

    Includes the derived GDP as indicator ``DERIVED/GDP``.
    """
    d = _cleaned()
    d = d[(d["kind"] == "province") & d["value"].notna()]
    out = pd.DataFrame({"province": d["province"], "year": d["year"], "indicator": d["dataset"] + "/" + d["item"],
                        "value": d["value"], "unit": d["unit"]})
    g = _gdp()
    out = pd.concat([out, pd.DataFrame({"province": g["province"], "year": g["year"], "indicator": "DERIVED/GDP",
                                        "value": g["gdp"], "unit": "亿元"})], ignore_index=True)
    out["province"] = pd.Categorical(out["province"], PROVINCES, ordered=True)
    out = out.sort_values(["indicator", "province", "year"], ignore_index=True)
    out["province"] = out["province"].astype(str)
    return out


# --- indicators -------------------------------------------------------------------------------------------

def _table_gaps(tables: str) -> list[int]:
    """Years of the index in which a named table has no provincial rows (filled in `imputed()`)."""
    d = _cleaned()
    d = d[(d["kind"] == "province") & d["value"].notna()]
    sets = [set(d.loc[d["dataset"] == t.strip(), "year"]) for t in tables.split(",")]
    return sorted(set(YEARS) - set.intersection(*sets))


def system() -> pd.DataFrame:
    """The indicator system as a table. Tables: the source tables (GDP is the derived series, from RDIntense);
    years: the index's years, with the years a source table lacks (interpolated)."""
    rows = []
    for dim, code, name, formula, unit, sign, tables in SYSTEM:
        gaps = _table_gaps(tables)
        years = f"{YEARS[0]}–{YEARS[-1]}" + (f"（{'、'.join(map(str, gaps))}插值）" if gaps else "")
        rows.append({"维度": dim, "指标": name, "计算": formula, "单位": unit, "方向": "+" if sign > 0 else "−",
                     "来源表": tables.replace(", RDIntense", "；GDP").replace(", ", "；"), "年份": years, "code": code})
    return pd.DataFrame(rows)


@lru_cache(maxsize=3)
def _raw_indicators(basis: str = "published") -> pd.DataFrame:
    d = _cleaned()
    d = d[d["kind"] == "province"]
    v = d.pivot_table(index=["province", "year"], columns=["dataset", "item"], values="value")
    g = _gdp_on(basis)
    full = pd.MultiIndex.from_product([PROVINCES, range(2010, 2024)], names=["province", "year"])
    v = v.reindex(full)
    g = g.reindex(full)

    def col(ds, item):
        return v[(ds, item)]

    out = pd.DataFrame(index=full)
    # on the published basis this is the intensity as published; spliced, R&D over the spliced GDP
    out["rd_intensity"] = col("RDIntense", "RD强度") if basis == "published" else 100 * col("RDIntense", "RD经费") / g
    out["basic_share"] = 100 * col("RDActivity", "基础研究") / col("RDActivity", "合计")
    # Beijing 2012 has no 企业资金 row; sources add up to the total, so it is the total less the other three
    ent = col("RDSource", "企业资金")
    others = col("RDSource", "政府资金") + col("RDSource", "国外资金").fillna(0) + col("RDSource", "其他资金")
    out["enterprise_filled"] = ent.isna() & others.notna()
    out["enterprise_share"] = 100 * ent.fillna(col("RDSource", "合计") - others) / col("RDSource", "合计")
    out["budget_st_share"] = 100 * col("PublicBudget", "科学技术") / col("PublicBudget", "合计")
    out["invention_stock_gdp"] = col("RDPatentValid", "发明") / g
    out["invention_grant_share"] = 100 * col("RDPatentAuthority", "发明") / col("RDPatentAuthority", "合计")
    out["invention_apps_fte"] = 100 * col("RDPatentAccept", "发明") / col("RDLaborHour", "合计")
    # levels (亿元) of the three series with gaps; the GDP ratios are computed in _indicators after filling
    out["tech_out_level"] = col("MarketPush", "金额") / 1e4  # 万元 → 亿元
    out["tech_in_level"] = col("MarketPull", "金额") / 1e4
    out["hitech_rev_level"] = col("IndustryOperation", "主营业务收入")
    out["gdp"] = g
    return out


@lru_cache(maxsize=3)
def _indicators(basis: str = "published") -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    raw = _raw_indicators(check_basis(basis)).copy()
    notes = [{"province": p, "year": int(y), "indicator": "enterprise_share",
              "how": "DERIVED: 企业资金 row missing; 合计 − 政府资金 − 国外资金 − 其他资金"}
             for p, y in raw.index[raw["enterprise_filled"]] if y in YEARS]
    # Tibet has no outflow turnover in the yearbook for 2010 and 2012-2016 (blank cells): read as none (0).
    tibet = raw.loc["西藏", "tech_out_level"]
    for y in tibet[tibet.isna()].index:
        if 2010 <= y <= 2023:
            raw.loc[("西藏", y), "tech_out_level"] = 0.0
            notes.append({"province": "西藏", "year": int(y), "indicator": "tech_out_gdp",
                          "how": "ESTIMATE: blank in the yearbook, read as no outflow (0)"})
    # Two table-years are missing for every province: the technology market in 2011 and high-tech industry in
    # 2017. Fill the level by the geometric mean of the years either side (an ESTIMATE, listed in `imputed()`).
    for c, year in (("tech_out", 2011), ("tech_in", 2011), ("hitech_rev", 2017)):
        lvl = raw[c + "_level"].unstack("year")
        est = np.sqrt(lvl[year - 1] * lvl[year + 1])
        for p in PROVINCES:
            if pd.isna(raw.at[(p, year), c + "_level"]):
                raw.at[(p, year), c + "_level"] = est[p]
                notes.append({"province": p, "year": year, "indicator": c + "_gdp",
                              "how": f"ESTIMATE: geometric mean of the {year - 1} and {year + 1} levels"})
    for c in ("tech_out", "tech_in", "hitech_rev"):
        raw[c + "_gdp"] = 100 * raw[c + "_level"] / raw["gdp"]
    out = raw.loc[(slice(None), list(YEARS)), list(CODES)]
    missing = out.isna().stack()
    if missing.any():
        (p, y, c) = missing[missing].index[0]
        raise UsageError(f"indicator {c} is missing for {p} {y}")
    levels = raw[["tech_out_level", "tech_in_level", "hitech_rev_level"]]
    return out, pd.DataFrame(notes), levels


def indicators(basis: str = "published") -> pd.DataFrame:
    """The ten indicators, index (province, year), 31 × 13 rows, in their own units; ``basis``: the provincial
    GDP the five GDP ratios divide by (:data:`BASES`)."""
    return _indicators(basis)[0].copy()


def tech_market_growth(first: int = YEARS[0], last: int = YEARS[-1]) -> dict:
    """How much the technology-market turnover (gross contract value, 亿元, the sum of the 31 provinces after the
    cells of :func:`imputed` are filled) and nominal GDP grew from ``first`` to ``last`` (ratios ``last/first``)."""
    lv = _indicators()[2]
    out = {}
    for c in ("tech_out", "tech_in"):
        s = lv[c + "_level"].groupby(level="year").sum(min_count=len(PROVINCES))
        out[c] = float(s[last] / s[first])
    g = _gdp().groupby("year")["gdp"].sum()
    out["gdp"] = float(g[last] / g[first])
    return out


def imputed() -> pd.DataFrame:
    """Cells filled by interpolation (ESTIMATE): technology market 2011, high-tech industry 2017."""
    return _indicators()[1].copy()
