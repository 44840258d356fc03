"""Cleaning the provincial S&T long table: 31 provincial units, an explicit map of misread names, uniqueness,
and provinces-sum-to-national checks.

The file as received (``techme_provincial_long``) writes names as the yearbooks laid them out ("上   海"), has a
few OCR misreadings ("江两" for 江西) and mixes the nation (全国) and a regional aggregate in with provinces.
Every name is first stripped of white space, then looked up in :data:`MISREADINGS`, then must be one of the 31
units or an aggregate; anything else stops with file, line and value.
"""

from __future__ import annotations

import re

import pandas as pd

from nqpf.core.errors import DataError

__all__ = ["FILE", "PROVINCES", "REGIONS", "REGION", "NATION", "AGGREGATES", "MISREADINGS", "standard_name", "clean",
           "misreadings_found", "national_check"]

FILE = "data/raw/techme_provincial_long.csv"

# The 31 provincial units in NBS order, with standard short names, and the NBS four regions (2011 division).
PROVINCES = ("北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江", "安徽",
             "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州", "云南",
             "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆")
REGIONS = ("东部", "中部", "西部", "东北")
REGION = {
    **dict.fromkeys(("北京", "天津", "河北", "上海", "江苏", "浙江", "福建", "山东", "广东", "海南"), "东部"),
    **dict.fromkeys(("山西", "安徽", "江西", "河南", "湖北", "湖南"), "中部"),
    **dict.fromkeys(("内蒙古", "广西", "重庆", "四川", "贵州", "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆"),
                    "西部"),
    **dict.fromkeys(("辽宁", "吉林", "黑龙江"), "东北"),
}
NATION = "全国"
AGGREGATES = ("全国", "东部地区", "中部地区", "西部地区", "东北地区")

# Each misreading seen in the file (after removing spaces) and what it stands for. Each fills exactly the hole
# its province leaves in that table and year (a test checks this), so the reading is not a guess.
MISREADINGS = {
    "内蒙占": "内蒙古",  # RDLaborHour 2013: 古 read as 占
    "山两": "山西",  # RDPatentAuthority 2012: 西 read as 两
    "江两": "江西",  # RDPatentAccept 2014
    "江四": "江西",  # RDPatentValid 2015: 西 read as 四
    "两藏": "西藏",  # RDPatentAuthority 2012
    "四藏": "西藏",  # RDPatentValid 2014
    "浙汀": "浙江",  # RDPatentValid 2014: 江 read as 汀
    "尔部地区": "东部地区",  # RDPatentValid 2014: 东 read as 尔 (a regional aggregate, dropped from the panel)
}

_SPACE = re.compile(r"\s+")  # includes the ideographic space U+3000


def standard_name(raw: str) -> str | None:
    """The standard short name for a name as written, or None if it is unknown.

    >>> standard_name("内蒙 古"), standard_name("江两"), standard_name("全   国"), standard_name("江北")
    ('内蒙古', '江西', '全国', None)
    """
    name = _SPACE.sub("", str(raw))
    name = MISREADINGS.get(name, name)
    return name if name in PROVINCES or name in AGGREGATES else None


def clean(raw: pd.DataFrame, file: str = FILE) -> pd.DataFrame:
    """Standard names, a ``kind`` (province / nation / region) and the CSV line of each row.

    Raises DataError naming file, line and value for an unknown name or a duplicate (province, year, item).
    """
    df = raw.reset_index(drop=True).copy()
    df["line"] = df.index + 2  # header is line 1
    names = df["province_raw"].map(standard_name)
    bad = names.isna()
    if bad.any():
        i = bad.idxmax()
        raise DataError(file, "province is one of the 31 units, 全国 or a regional aggregate", int(df.at[i, "line"]),
                        f"value {df.at[i, 'province_raw']!r} (add it to MISREADINGS only if it is a misreading)")
    df["province"] = names
    df["kind"] = names.map(lambda n: "province" if n in PROVINCES else ("nation" if n == NATION else "region"))
    key = ["dataset", "province", "year", "item"]
    dup = df.duplicated(key, keep="first")
    if dup.any():
        i = dup.idxmax()
        row = df.loc[i]
        first = df[(df[key] == row[key]).all(axis=1)]["line"].min()
        raise DataError(file, "(province, year, item) unique", int(row["line"]),
                        f"{row['province']} {row['year']} {row['dataset']}/{row['item']} already at line {first} "
                        f"(written {df.at[first - 2, 'province_raw']!r} there, {row['province_raw']!r} here)")
    return df


def misreadings_found(df: pd.DataFrame) -> pd.DataFrame:
    """Each misread name in the cleaned table: as written, read as, table, year, rows and lines."""
    df = df.assign(squeezed=df["province_raw"].map(lambda s: _SPACE.sub("", s)))
    hit = df[df["squeezed"].isin(list(MISREADINGS))]
    out = (hit.groupby(["squeezed", "province", "dataset", "year"], sort=False)
              .agg(rows=("line", "size"), first_line=("line", "min")).reset_index()
              .rename(columns={"squeezed": "as_written", "province": "read_as"}))
    return out


def national_check(df: pd.DataFrame, tolerance: float = 0.5) -> pd.DataFrame:
    """Where the file has a national total, compare it with the sum of the 31 provinces.

    Only (table, item, year) cells where all 31 provinces have a value; ranks (位次) and ratios (%) are skipped.
    ``rel_diff`` is (sum - national) / national in percent; ``ok`` means within ``tolerance`` percent.
    """
    d = df[df["value"].notna() & ~df["unit"].isin(["位", "%"])]
    prov = d[d["kind"] == "province"].groupby(["dataset", "item", "year", "unit"]).agg(
        provinces_sum=("value", "sum"), n=("value", "size")).reset_index()
    nat = d[d["kind"] == "nation"][["dataset", "item", "year", "unit", "value"]].rename(columns={"value": "national"})
    out = nat.merge(prov[prov["n"] == len(PROVINCES)].drop(columns="n"), on=["dataset", "item", "year", "unit"])
    out["diff"] = out["provinces_sum"] - out["national"]
    out["rel_diff"] = 100 * out["diff"] / out["national"]
    out["ok"] = out["rel_diff"].abs() <= tolerance
    return out.sort_values(["dataset", "item", "year"], ignore_index=True)
