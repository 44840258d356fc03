"""Every number the chapter book/world.md prints, computed here so the chapter only glues (no arithmetic there).

:func:`facts` returns ``{glue name: value}``; a value that is NaN, infinite or None raises, naming it, so a missing
number never reaches the page.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

from nqpf.analysis.world.derived import line, panel, value
from nqpf.analysis.world.productivity import hours_gap, productivity_gap, pwt_levels
from nqpf.analysis.world.revision import digital_revision, gdp_check, oecd_reconcile, rd_revision
from nqpf.analysis.world.tables import coverage, latest_table, no_china_series, scatter_data
from nqpf.analysis.world.timing import LEADERS_RISING_MIN, RHO_MIN, catchup_all, scope
from nqpf.analysis.world.wdi import HEADLINE, wdi
from nqpf.core import data
from nqpf.core.gdp import china_gdp
from nqpf.core.numbers import check_printable, prose
from nqpf.core.series import frozen_since

__all__ = ["facts", "LP_PERIOD", "PWT_PERIOD", "CORE_CATCHUP"]

LP_PERIOD = (2015, 2024)   # growth years of the WDI productivity gap (base 2014)
PWT_PERIOD = (2014, 2023)  # growth years of the PWT comparison (base 2013)
CORE_CATCHUP = ("GB.XPD.RSDV.GD.ZS", "SL.GDP.PCAP.EM.KD")  # the summary's "years behind" range
LATEST_KEYS = {"GB.XPD.RSDV.GD.ZS": "rd", "SP.POP.SCIE.RD.P6": "res", "NQPF.PAT.RESD.P6": "pat", "NQPF.JRN.P6": "jrn",
               "NQPF.ROYL.RATIO": "royl", "NV.MNF.TECH.ZS.UN": "mht", "IT.NET.BBND.P2": "bb",
               "IT.NET.SECR.P6": "srv", "EG.GDP.PUSE.KO.PP.KD": "energy", "EG.ELC.RNEW.ZS": "renel",
               "NQPF.CO2.GDP": "co2gdp", "NQPF.LP.USA": "lp"}


def facts() -> dict:
    """The chapter's glued values by name (a copy)."""
    return dict(_facts())




@lru_cache(maxsize=1)
def _facts() -> tuple:
    f: dict = {}
    p = panel()
    _data(f)
    _gdp(f)
    _latest(f, p)
    _labour(f)
    _catchup(f)
    _scatter(f)
    _oecd(f)
    return tuple(check_printable(f, "book/world").items())


def _data(f):
    w = wdi()
    cv = coverage().set_index("indicator")
    f["world_n_indicators"] = int(w["indicator"].nunique())
    f["world_n_rows"] = len(w)
    f["world_first_year"] = int(w["year"].min())
    f["world_last_year"] = int(w["year"].max())
    for key, code in (("co2", "EN.ATM.CO2E.PC"), ("pat", "IP.PAT.RESD"), ("ren", "EG.ELC.RNEW.ZS"),
                      ("mht", "NV.MNF.TECH.ZS.UN")):
        f[f"world_{key}_last"] = int(cv.loc[code, "china_last"])
    f["world_ind_rd_last"] = int(line("GB.XPD.RSDV.GD.ZS", "IND").index.max())
    f["world_usa_res_last"] = int(line("SP.POP.SCIE.RD.P6", "USA").index.max())
    f["world_mht_frozen"] = frozen_since(line("NV.MNF.TECH.ZS.UN", "CHN"))
    f["world_no_china_n"] = len(no_china_series())


def _gdp(f):
    g = china_gdp().set_index("year")["value"]
    nbs_first = data.load("cn_nominal_gdp").set_index("year")["value"]
    f["world_gdp_first"] = int(g.index.min())
    f["world_gdp_last"] = int(g.index.max())
    f["world_gdp_2023"] = float(g[2023])
    f["world_gdp_2023_first"] = float(nbs_first[2023])
    f["world_gdp_2023_gap"] = float((g[2023] / nbs_first[2023] - 1) * 100)
    f["world_gdp_2024"] = float(g[2024])
    f["world_gdp_2025"] = float(g[2025])
    f["world_gdp_growth_2024"] = float((g[2024] / g[2023] - 1) * 100)
    ck = gdp_check().set_index("year")
    dual, std = ck[~ck["in_standard_series"]], ck[ck["in_standard_series"]]
    f["world_dual_min"] = float(dual["gap_percent"].min())
    f["world_dual_first"] = int(dual.index.min())
    f["world_dual_last"] = int(dual.index.max())
    f["world_rev_min"] = float(std["gap_percent"].min())
    f["world_rev_max"] = float(std["gap_percent"].max())
    f["world_rev_max_year"] = int(std["gap_percent"].idxmax())
    r = rd_revision().set_index("year")
    d = digital_revision().set_index("year")
    f["world_rd_2023"] = float(r.loc[2023, "rd"])
    f["world_rd_first_2023"] = float(r.loc[2023, "on_first_release"])
    f["world_rd_std_2023"] = float(r.loc[2023, "on_standard"])
    f["world_rd_wdi_2023"] = float(r.loc[2023, "wdi"])
    f["world_rd_pub_2023"] = float(r.loc[2023, "nbs_published"])
    o = data.load("cn_outcomes_2023_2025")
    restated = o[(o["indicator"] == "rd_intensity") & (o["year"] == 2023) & (o["basis"] == "census revision")]
    f["world_rd_2023_restated"] = float(restated["value"].item())  # the 2024 communiqué's 2.69 % less its +0.11 pt
    final = o[(o["indicator"] == "rd_intensity") & (o["year"] == 2024) & (o["basis"] == "final")]
    f["world_rd_2024_final"] = float(final["value"].item())
    f["world_rd_2024_rise"] = f["world_rd_2024_final"] - f["world_rd_2023_restated"]
    f["world_dig_first_2023"] = float(d.loc[2023, "on_first_release"])
    f["world_dig_std_2023"] = float(d.loc[2023, "on_standard"])
    f["world_dig_pub_2023"] = float(d.loc[2023, "published"])
    f["world_dig_scale_2023"] = float(d.loc[2023, "scale"])
    core = data.load("cn_digital_core_value_added").set_index("year")["value"]
    f["world_core_2023"] = float(core[2023])
    f["world_core_std_2023"] = float(core[2023] / g[2023] * 100)
    f["world_core_first_2023"] = float(core[2023] / nbs_first[2023] * 100)
    f["world_rd_wdi_match"] = float((r.loc[2009:, "on_standard"] - r.loc[2009:, "wdi"]).abs().max())
    # two significant digits in fixed point (never 9.1e-06 in prose)
    f["world_rd_wdi_match_prose"] = prose(f["world_rd_wdi_match"], 1 - math.floor(math.log10(f["world_rd_wdi_match"])))


def _latest(f, p):
    lt = latest_table(HEADLINE).set_index("indicator")
    for code, key in LATEST_KEYS.items():
        f[f"world_{key}_year"] = int(lt.loc[code, "year"])
        for c in ("CHN", "USA", "JPN", "KOR", "DEU", "IND"):
            v = float(lt.loc[code, c])
            if math.isfinite(v):  # an economy WDI lacks that year is not glued (and not printed)
                f[f"world_{key}_{c.lower()}"] = v
    rd_y, pat_y = f["world_rd_year"], f["world_pat_year"]
    royl_y = f["world_royl_year"]
    f["world_rd_wld"] = value("GB.XPD.RSDV.GD.ZS", "WLD", rd_y)
    f["world_rd_oed"] = value("GB.XPD.RSDV.GD.ZS", "OED", rd_y)
    f["world_rd_hic"] = value("GB.XPD.RSDV.GD.ZS", "HIC", rd_y)
    rd_chn = line("GB.XPD.RSDV.GD.ZS", "CHN")
    f["world_rd_chn_first"] = int(rd_chn.index.min())
    f["world_rd_chn_1996"] = float(rd_chn.iloc[0])
    f["world_rd_chn_mult"] = float(rd_chn.iloc[-1] / rd_chn.iloc[0])
    res = lt.loc["SP.POP.SCIE.RD.P6"]
    f["world_res_vs_kor"] = float(res["CHN"] / res["KOR"] * 100)
    f["world_res_vs_deu"] = float(res["CHN"] / res["DEU"] * 100)
    jrn = lt.loc["NQPF.JRN.P6"]
    f["world_jrn_vs_usa"] = float(jrn["CHN"] / jrn["USA"] * 100)
    co2 = lt.loc["NQPF.CO2.GDP"]
    f["world_co2_vs_usa"] = float(co2["CHN"] / co2["USA"])
    for c in ("chn", "usa", "deu"):
        f[f"world_patrd_{c}"] = value("NQPF.PAT.RESD.RD", c.upper(), pat_y)
    f["world_pat_share"] = value("IP.PAT.RESD", "CHN", pat_y) / value("IP.PAT.RESD", "WLD", pat_y) * 100
    f["world_royl_chn_rec"] = value("BX.GSR.ROYL.CD", "CHN", royl_y) / 1e8
    f["world_royl_chn_pay"] = value("BM.GSR.ROYL.CD", "CHN", royl_y) / 1e8
    co2y = int(line("EN.ATM.CO2E.PC", "CHN").index.max())
    for c in ("CHN", "USA", "JPN", "DEU", "WLD"):
        f[f"world_co2pc_{c.lower()}"] = value("EN.ATM.CO2E.PC", c, co2y)
    hte_y = int(line("TX.VAL.TECH.MF.ZS", "CHN").index.max())
    f["world_hte_year"] = hte_y
    f["world_hte_chn"] = value("TX.VAL.TECH.MF.ZS", "CHN", hte_y)
    f["world_hte_usa"] = value("TX.VAL.TECH.MF.ZS", "USA", hte_y)
    f["world_hte_chn_usd"] = value("TX.VAL.TECH.CD", "CHN", hte_y) / 1e8


def _labour(f):
    gap_all = productivity_gap("CHN")
    gap10 = productivity_gap("CHN", *LP_PERIOD)
    for k in ("first", "last", "base", "rel_base", "rel_last", "growth", "growth_usa", "relative_growth",
              "closing_pp_per_year"):
        f[f"world_lpall_{k}"] = gap_all[k]
        f[f"world_lp10_{k}"] = gap10[k]
    f["world_lp10_half"] = gap10["years_to_half"]
    f["world_lp10_half_year"] = int(np.ceil(gap10["last"] + gap10["years_to_half"]))
    first, last = PWT_PERIOD
    f["world_pwt_first"], f["world_pwt_last"], f["world_pwt_base"] = first, last, first - 1
    pwt = pwt_levels(last, first).set_index("countrycode")
    for c in ("CHN", "USA", "JPN", "KOR", "DEU", "IND"):
        for k in ("lp_wdi_rel_usa", "lp_pwt_rel_usa", "ctfp", "rtfpna_growth"):
            f[f"world_pwt_{c.lower()}_{k}"] = float(pwt.loc[c, k])
    h = hours_gap("CHN", first, last)
    for k in ("avh_own", "avh_usa", "rel_person", "rel_hour", "growth_person_own", "growth_hour_own",
              "growth_person_usa", "growth_hour_usa", "relative_growth_person", "relative_growth_hour"):
        f[f"world_hours_{k}"] = float(h[k])


def _catchup(f):
    sc = scope()
    f["world_cu_candidates"] = len(sc)
    f["world_cu_excluded_rule"] = int((~sc["included"] & sc["reason"].str.startswith(("不随", "领先者"))).sum())
    f["world_cu_excluded_frozen"] = int(sc["china_frozen_since"].notna().sum())
    f["world_cu_excluded_nochina"] = int((sc["reason"] == "WDI 无中国数据").sum())
    f["world_cu_rho_min"] = RHO_MIN
    f["world_cu_leaders_min"] = LEADERS_RISING_MIN
    cu = catchup_all()
    ci = cu.set_index(["indicator", "countrycode"])
    f["world_cu_rd_kor"] = int(ci.loc[("GB.XPD.RSDV.GD.ZS", "KOR"), "reach_year"])
    f["world_cu_rd_kor_behind"] = int(ci.loc[("GB.XPD.RSDV.GD.ZS", "KOR"), "years_behind"])
    f["world_cu_rd_deu"] = int(ci.loc[("GB.XPD.RSDV.GD.ZS", "DEU"), "reach_year"])
    f["world_cu_rd_deu_behind"] = int(ci.loc[("GB.XPD.RSDV.GD.ZS", "DEU"), "years_behind"])
    f["world_cu_rd_jpn_first"] = int(ci.loc[("GB.XPD.RSDV.GD.ZS", "JPN"), "first_year"])
    f["world_cu_lp_kor"] = int(ci.loc[("SL.GDP.PCAP.EM.KD", "KOR"), "reach_year"])
    f["world_cu_lp_kor_behind"] = int(ci.loc[("SL.GDP.PCAP.EM.KD", "KOR"), "years_behind"])
    f["world_cu_lp_chn_year"] = int(ci.loc[("SL.GDP.PCAP.EM.KD", "KOR"), "china_year"])
    core = cu[cu["indicator"].isin(CORE_CATCHUP) & cu["countrycode"].isin(["KOR", "DEU"])
              & (cu["status"] == "reached")]
    f["world_cu_core_min"] = int(core["years_behind"].min())
    f["world_cu_core_max"] = int(core["years_behind"].max())
    f["world_cu_n"] = int(cu["indicator"].nunique())
    f["world_cu_notyet"] = int((cu["status"] == "not yet").sum())
    f["world_cu_censored"] = int((cu["status"] == "censored").sum())
    f["world_cu_reached"] = int((cu["status"] == "reached").sum())


def _scatter(f):
    sc = scatter_data()
    f["world_sc_n"] = len(sc)
    f["world_sc_corr"] = float(np.corrcoef(np.log(sc["gdp_per_employed"]), sc["rd_percent_gdp"])[0, 1])
    last_chn = sc[sc["countrycode"] == "CHN"].sort_values("year").iloc[-1]
    near = sc[(sc["countrycode"] != "CHN") & ((sc["gdp_per_employed"] / last_chn["gdp_per_employed"] - 1).abs() < 0.2)]
    f["world_sc_chn_year"] = int(last_chn["year"])
    f["world_sc_chn_rd"] = float(last_chn["rd_percent_gdp"])
    f["world_sc_near_n"] = len(near)
    f["world_sc_near_rd"] = float(near["rd_percent_gdp"].mean())


def _oecd(f):
    o = oecd_reconcile()
    for k in ("implied_low", "implied_high", "wdi_latest_year", "wdi_oed_latest", "wdi_oed_min_since_2020",
              "us_share_usd", "us_share_ppp", "oed_us_at_ppp", "msti_year", "msti_low", "msti_high",
              "wdi_oed_msti_year", "oed_msti_basis_low", "oed_msti_basis_high"):
        f[f"world_oecd_{k}"] = o[k]
    f["world_oecd_msti_gap"] = -o["msti_gap_low"]  # how much lower OECD's own aggregate is (at most), pp
