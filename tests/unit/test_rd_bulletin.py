"""The 2024 R&D communiqué parsed (nqpf.analysis.rd_bulletin, data/official/nbs_2024_rd_bulletin.txt).

Expected values were read by eye from the file; the comment gives the line (1-based, as `cat -n` shows it).
"""

from __future__ import annotations

import hashlib

import pytest
import yaml

from nqpf.analysis import rd_bulletin
from nqpf.core import data
from nqpf.core.errors import DataError, UsageError


def test_national_figures_as_printed():
    n = rd_bulletin.national().set_index(["indicator", "year"])
    # line 48: "经费36326.8亿元，比上年增加2969.7亿元，增长8.9%；…强度…为2.69%，比上年提高0.11个百分点[3]"
    assert n.loc[("rd_expenditure", 2024), "value"] == 36326.8
    assert n.loc[("rd_expenditure_increase", 2024), "value"] == 2969.7
    assert n.loc[("rd_growth", 2024), "value"] == 8.9
    assert n.loc[("rd_intensity", 2024), "value"] == 2.69
    assert n.loc[("rd_intensity_change", 2024), "value"] == 0.11
    assert n.loc[("rd_expenditure", 2024), "line"] == 48
    # line 1350, footnote [3]: "2023年…投入强度已修订为2.58%" (first published 2.65 %)
    assert n.loc[("rd_intensity", 2023), "value"] == 2.58
    assert n.loc[("rd_intensity", 2023), "line"] == 1350
    assert "restated" in n.loc[("rd_intensity", 2023), "vintage"]
    # line 52: "基础研究经费2500.9亿元，比上年增长10.7%；应用研究经费4305.5亿元…试验发展经费29520.4亿元…6.88%"
    assert n.loc[("basic_research", 2024), "value"] == 2500.9
    assert n.loc[("basic_research_growth", 2024), "value"] == 10.7
    assert n.loc[("applied_research", 2024), "value"] == 4305.5
    assert n.loc[("experimental_development", 2024), "value"] == 29520.4
    assert n.loc[("basic_research_share", 2024), "value"] == 6.88
    assert n.loc[("basic_research", 2024), "line"] == 52
    # line 72: "国家财政科学技术支出12629.2亿元"
    assert n.loc[("government_st_spending", 2024), "value"] == 12629.2
    assert rd_bulletin.value("rd_intensity", 2023) == 2.58


def test_each_quote_holds_its_figure():
    for r in rd_bulletin.national().itertuples():
        assert f"{r.value:g}" in r.quote.replace("48.0", "48"), (r.indicator, r.quote)


def test_2024_less_its_increase_is_the_2023_final():
    # 36,326.8 - 2,969.7 = 33,357.1, the 2023 final in cn_rd_expenditure (2023 communiqué)
    n = rd_bulletin.national().set_index(["indicator", "year"])["value"]
    rd2023 = data.load("cn_rd_expenditure").set_index("year").loc[2023, "value"]
    assert n[("rd_expenditure", 2024)] - n[("rd_expenditure_increase", 2024)] == pytest.approx(rd2023) == 33357.1
    # and 8.9 % growth: 2969.7 / 33357.1 = 8.90 %
    assert 100 * 2969.7 / 33357.1 == pytest.approx(n[("rd_growth", 2024)], abs=0.05)


def test_industries_table():
    ind = rd_bulletin.industries().set_index("industry")
    assert len(ind) == 45  # 合计, 3 sections, 7 + 31 + 3 divisions (lines 175-755)
    assert (ind.loc["合计", "rd_expenditure"], ind.loc["合计", "rd_intensity"]) == (22547.7, 1.64)  # lines 179, 183
    assert ind.loc["计算机、通信和其他电子设备制造业", "rd_expenditure"] == 4775.5  # line 647
    assert ind.loc["计算机、通信和其他电子设备制造业", "parent"] == "制造业"
    assert ind.loc["医药制造业", "rd_intensity"] == 4.53  # line 495
    assert ind.loc["水的生产和供应业", "rd_expenditure"] == 26.5  # line 751, the last row
    assert (ind["level"] == "section").sum() == 4
    # 采矿业 541.9 = 221.3 + 154.1 + 38.0 + 43.2 + 31.3 + 53.7 + 0.3 (lines 192-283)
    assert ind[ind["parent"] == "采矿业"]["rd_expenditure"].sum() == pytest.approx(541.9)
    # line 60: 8 industries above 100 billion yuan (千亿元) among industrial enterprises
    assert ((ind["level"] == "division") & (ind["rd_expenditure"] > 1000)).sum() == 8


def test_provinces_table():
    p = rd_bulletin.provinces().set_index("province")
    assert len(p) == 31 and "全国" not in p.index
    # line 807-819: 北京 3278.4, 6.58, revised 2023 6.22; line 1236-1244: 西藏 7.9, 0.29, 0.28
    assert tuple(p.loc["北京", ["rd_expenditure_2024", "rd_intensity_2024", "rd_intensity_2023_revised"]]) == (
        3278.4, 6.58, 6.22)
    assert tuple(p.loc["西藏", ["rd_expenditure_2024", "rd_intensity_2024", "rd_intensity_2023_revised"]]) == (
        7.9, 0.29, 0.28)
    assert p.loc["广东", "rd_expenditure_2024"] == 5099.6  # line 1117; also in the text, line 64
    # line 64: seven provinces above the national 2.69 %
    above = p[p["rd_intensity_2024"] > 2.69].sort_values("rd_intensity_2024", ascending=False).index
    assert list(above) == ["北京", "上海", "广东", "天津", "江苏", "浙江", "安徽"]
    # provinces add up to 全国 36,326.8 (line 794) within rounding
    assert p["rd_expenditure_2024"].sum() == pytest.approx(36326.8, abs=0.5)


@pytest.fixture
def copy(tmp_path, monkeypatch):
    """A writable copy of the communiqué with its manifest; edit(old, new) changes it and re-signs it."""
    src = rd_bulletin.PATH
    dst = tmp_path / src.name
    dst.write_bytes(src.read_bytes())
    meta = yaml.safe_load(data.manifest_path(src).read_text(encoding="utf-8"))

    def edit(old, new, sign=True):
        text = dst.read_text(encoding="utf-8")
        assert old in text
        dst.write_text(text.replace(old, new, 1), encoding="utf-8")
        meta["sha256"] = hashlib.sha256(dst.read_bytes()).hexdigest() if sign else meta["sha256"]
        data.manifest_path(dst).write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")
        for f in (rd_bulletin._lines, rd_bulletin._national, rd_bulletin._industries, rd_bulletin._provinces):
            f.cache_clear()

    monkeypatch.setattr(rd_bulletin, "PATH", dst)
    yield edit
    for f in (rd_bulletin._lines, rd_bulletin._national, rd_bulletin._industries, rd_bulletin._provinces):
        f.cache_clear()


def test_a_changed_file_fails_its_checksum(copy):
    copy("36326.8亿元，比上年增加", "36326.9亿元，比上年增加", sign=False)
    with pytest.raises(DataError, match="nbs_2024_rd_bulletin.txt.*sha256"):
        rd_bulletin.national()


def test_a_broken_cell_names_its_line(copy):
    copy("\n3278.4\n", "\n3278,4\n")  # 北京's 2024 expenditure, line 811
    with pytest.raises(DataError, match=r"nbs_2024_rd_bulletin.txt: line 811: .*附表2"):
        rd_bulletin.provinces()


def test_an_unknown_province_is_rejected(copy):
    copy(" 天 津\n", " 天 律\n")  # line 824
    with pytest.raises(DataError, match=r"line 824: .*31 provincial units.*天律"):
        rd_bulletin.provinces()


def test_parts_that_do_not_add_up_are_caught(copy):
    copy("\n221.3\n", "\n231.3\n")  # 煤炭开采 +10: 采矿业 (line 188) no longer its parts' sum
    with pytest.raises(DataError, match=r"line 188: .*sum of its parts"):
        rd_bulletin.industries()


def test_a_missing_statement_is_named(copy):
    copy("已修订为2.58%", "已修订")
    with pytest.raises(DataError, match="rd_intensity 2023"):
        rd_bulletin.national()


def test_unknown_indicator_is_a_usage_error():
    with pytest.raises(UsageError, match="no 'rd_total'"):
        rd_bulletin.value("rd_total")
