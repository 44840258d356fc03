"""The digital economy: growth, shares of GDP, the 2025 core-industry target, compute, and 数据/算力/算法 in the corpus.

Units: the digital-economy scale is in 万亿元 (trillion yuan), nominal GDP and core value added in 亿元; growth
rates and shares are in percent. Every function takes or returns plain numbers or DataFrames so the chapter, the
command line and the tests use the same code.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from nqpf.analysis import outcomes
from nqpf.core import data, growth, numbers, seeds
from nqpf.core import gdp as core_gdp
from nqpf.core.errors import UsageError

SCALE = "cn_digital_economy_scale"  # CAICT / CAC, 万亿元
SHARE = "cn_digital_economy_share_gdp"  # CAICT / CAC, % of GDP
GDP = "gdp"  # the book's standard nominal GDP (nqpf.core.gdp.china_gdp), 亿元, one vintage: fifth census
# NBS GDP as published at the time, before later census revisions. Not one vintage and not all first releases: the
# yearbook 2010 (years to 2009), final verifications (2016, 2019-2022) and preliminary estimates (2017, 2018, 2023)
# stand side by side (each row's source says which). Only for what a publisher divided by in its own year.
GDP_AS_PUBLISHED = "cn_nominal_gdp"
GDP_AS_PUBLISHED_ZH = "国家统计局当时公布的 GDP（初步核算与最终核实数混合，均未经此后的经济普查修订）"
CORE_SHARE = "cn_digital_core_share_gdp"
CORE_TARGET = "cn_digital_core_share_gdp_targets"
CORE_VA = "cn_digital_core_value_added"
SEED_FIGURES = "cn_digital_seed_figures"
HUBS = "cn_compute_hub_nodes"

WAN_YI = growth.WAN_YI  # 1 万亿元 = 10,000 亿元
GDP_SCENARIOS = (4.0, 6.0, 8.0)  # nominal GDP growth, % a year
COMPUTE_RATES = (30.0, 35.0, 40.0)  # the seed says "above 30 %"; two faster paths for scale
TERMS = ("数据", "算力", "算法")


# ---------------------------------------------------------------- growth arithmetic


def yoy(series: pd.Series) -> pd.Series:
    """Year-on-year growth (%) of a series indexed by year; NaN where the previous year is missing."""
    s = series.sort_index()
    prev = s.reindex(s.index - 1).to_numpy()
    return pd.Series((s.to_numpy() / prev - 1) * 100, index=s.index)


def _series(df: pd.DataFrame) -> pd.DataFrame:
    return data.with_flags(df).set_index("year")


def gdp_as_published() -> pd.Series:
    """NBS nominal GDP as published at the time (亿元; gaps): preliminary and final figures of several vintages,
    none revised by a later census (see :data:`GDP_AS_PUBLISHED`). For a ratio a publisher computed in its year,
    never for a growth rate."""
    return data.load(GDP_AS_PUBLISHED).set_index("year")["value"]


def series(name: str) -> pd.Series:
    """A year-indexed series for :func:`nqpf.core.growth.period_growth`: a data file by name, or ``"gdp"`` for the
    book's standard nominal GDP (:func:`nqpf.core.gdp.china_gdp`)."""
    if name == GDP:
        return core_gdp.china_gdp().set_index("year")["value"]
    return _series(data.load(name))["value"]


# ---------------------------------------------------------------- the digital economy against GDP


def panel() -> pd.DataFrame:
    """One row a year with a CAICT/CAC scale: published share (scale ÷ the GDP of its day: one vintage); the share
    on the standard (fifth-census) GDP, ``share_recomputed`` — a mixed ratio, since CAICT estimated the scale on the
    GDP of its day; the share on GDP as NBS published it at the time (what the publisher divided by); nominal growth
    of the scale against that of the standard GDP (again two vintages)."""
    scale = _series(data.load("cn_digital_economy_scale"))
    share = _series(data.load("cn_digital_economy_share_gdp"))
    std = series(GDP)
    first = gdp_as_published()
    df = pd.DataFrame({"scale": scale["value"], "scale_flags": scale["flags"]})
    df["share_published"] = share["value"].reindex(df.index)
    df["share_flags"] = share["flags"].reindex(df.index)
    df["gdp"] = std.reindex(df.index)
    df["share_recomputed"] = df["scale"] * WAN_YI / df["gdp"] * 100
    df["share_gap"] = df["share_recomputed"] - df["share_published"]
    df["share_on_gdp_as_published"] = df["scale"] * WAN_YI / first.reindex(df.index) * 100
    df["scale_growth"] = yoy(scale["value"]).reindex(df.index)
    df["gdp_growth"] = yoy(std).reindex(df.index)
    df["growth_gap"] = df["scale_growth"] - df["gdp_growth"]
    return df.reset_index()


def components() -> pd.DataFrame:
    """CAICT's two parts of the scale (数字产业化, 产业数字化) where a report gives them."""
    return data.with_flags(data.load("cn_digital_economy_components"))


def seed_figures() -> pd.DataFrame:
    """The seeds' digital-economy and compute figures, each with its seed:line and flags."""
    return data.with_flags(data.load("cn_digital_seed_figures"))


def seed_value(key: str) -> float:
    return data.figure(SEED_FIGURES, key)


def seeds_growth() -> dict:
    """The seeds' 16.2 -> 56.1 万亿元 (2014 -> 2023): CAGR, the implied share of GDP, growth relative to GDP."""
    v0, v1 = seed_value("de_scale_2014"), seed_value("de_scale_2023")
    gdp = series(GDP)
    years = 2023 - 2014
    de = growth.cagr(v0, v1, years)
    g = growth.cagr(gdp[2014], gdp[2023], years)
    return {
        "scale_2014": v0, "scale_2023": v1, "cagr": de, "gdp_cagr": g,
        # "x times as fast" on log growth rates, so it does not depend on how the rates are rounded
        "speed_ratio": math.log1p(de / 100) / math.log1p(g / 100),
        "gap_pp": de - g,
        "share_2014_recomputed": v0 * WAN_YI / gdp[2014] * 100,
        "share_2023_recomputed": v1 * WAN_YI / gdp[2023] * 100,
        "share_2023_stated": seed_value("de_share_2023"),
        "gdp_2014": float(gdp[2014]), "gdp_2023": float(gdp[2023]),
    }


def compare_2023() -> pd.DataFrame:
    """Seed 000's 56.1 万亿元 beside CAICT's 53.9 万亿元 for 2023: levels, shares, implied growth over 2022."""
    p = panel().set_index("year")
    gdp23 = p.loc[2023, "gdp"]  # standard (latest-vintage) GDP
    caict22 = p.loc[2022, "scale"]
    rows = []
    for label, scale, share, flags in (
        ("种子000", seed_value("de_scale_2023"), seed_value("de_share_2023"),
         seed_figures().set_index("key").loc["de_scale_2023", "flags"]),
        ("中国信通院（CAICT）", p.loc[2023, "scale"], p.loc[2023, "share_published"], p.loc[2023, "scale_flags"]),
    ):
        rows.append({
            "source": label, "scale": scale, "share_stated": share,
            "share_recomputed": scale * WAN_YI / gdp23 * 100,
            "implied_gdp": scale * WAN_YI / (share / 100),
            "growth_over_2022": (scale / caict22 - 1) * 100,
            "flags": flags,
        })
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- the 2025 target for the core industries


def required_core_growth(share0: float, share1: float, years: int, gdp_growth: float) -> float:
    """Annual growth (%) of core value added that moves its share of GDP from share0 to share1 in `years`,
    when nominal GDP grows `gdp_growth` % a year: (1 + g_core) = (1 + g_gdp) * (share1 / share0) ** (1 / years)."""
    return growth.required_growth(share0, share1, years, gdp_growth)


def core_target() -> dict:
    """The plan's numbers: baseline 2020 share, 2025 target, and what NBS reports for 2023, each with its GDP
    vintage (7.8 % was computed on the GDP of its day, before the fifth economic census; 9.9 % on the census GDP)."""
    core, target = _series(data.load(CORE_SHARE)), _series(data.load(CORE_TARGET))
    return {
        "year0": 2020, "share0": float(core.loc[2020, "value"]), "share0_vintage": VINTAGE_PRE_CENSUS,
        "year1": int(target.index[0]), "share1": float(target["value"].iloc[0]),
        "reached_year": 2023, "reached": float(core.loc[2023, "value"]), "reached_vintage": VINTAGE_CENSUS,
        "reached_flags": core.loc[2023, "flags"],
    }


VINTAGE_PRE_CENSUS = "第五次经济普查前的 GDP"
VINTAGE_CENSUS = "第五次经济普查后的 GDP"
ACTUAL_SCENARIO = "2021–2025 实际名义"  # realised nominal GDP growth, growth years 2021-2025 (base 2020)
REALISED_SCENARIO = "2024–2025 实际名义"  # realised nominal GDP growth, growth years 2024-2025 (base 2023)


def core_outcomes() -> pd.DataFrame:
    """The core industries' share of GDP as published for 2020 and 2023-2025: year, share, vintage, flags,
    confidence, source. 2024: 国家数据局's "10% 左右" (ROUNDED; a low-confidence 10.4 % is left out); 2025: the 2026
    government work report's "10.5% 以上" (LOWER-BOUND)."""
    t = core_target()
    rows = [{"year": 2020, "share": t["share0"], "vintage": VINTAGE_PRE_CENSUS, "flags": "",
             "confidence": "medium", "source": "《“十四五”数字经济发展规划》基期值"},
            {"year": 2023, "share": t["reached"], "vintage": VINTAGE_CENSUS, "flags": "",
             "confidence": "medium", "source": "国家统计局（第五次经济普查口径）"}]
    for year, basis in ((2024, "国家数据局 briefing"), (2025, None)):
        r = outcomes.figure("digital_core_share", year, basis=basis)
        rows.append({"year": year, "share": float(r["value"]), "vintage": VINTAGE_CENSUS, "flags": r["flags"],
                     "confidence": r["confidence"], "source": f"{r['publisher']}，{r['document']}"})
    return pd.DataFrame(rows)


def target_scenarios(gdp_growth=GDP_SCENARIOS) -> pd.DataFrame:
    """Required core growth over 2021-2025 (from the 2020 level) for each nominal GDP growth scenario, plus the
    realised nominal GDP growth of 2021-2025 and of 2024-2025 (standard series, :func:`outcomes.realised_gdp_growth`).
    The 2021-2025 column starts from 7.8 % (pre-census GDP) and so mixes vintages; the 2024-2025 column starts
    from the census-based 9.9 % (2023) and is one vintage."""
    t = core_target()
    years = t["year1"] - t["year0"]
    rows = [{"scenario": f"{g:g}%", "gdp_growth": float(g)} for g in gdp_growth]
    rows.append({"scenario": ACTUAL_SCENARIO,
                 "gdp_growth": outcomes.realised_gdp_growth(t["year0"] + 1, t["year1"])["cagr"]})
    rows.append({"scenario": REALISED_SCENARIO,
                 "gdp_growth": outcomes.realised_gdp_growth(t["reached_year"] + 1, t["year1"])["cagr"]})
    df = pd.DataFrame(rows)
    df["core_growth_required"] = [required_core_growth(t["share0"], t["share1"], years, g) for g in df["gdp_growth"]]
    df["gap_pp"] = df["core_growth_required"] - df["gdp_growth"]
    # what is left after 2023: from the reached 9.9 % to 10 % in two years (one vintage: census GDP)
    df["core_growth_required_2023_2025"] = [
        required_core_growth(t["reached"], t["share1"], t["year1"] - t["reached_year"], g) for g in df["gdp_growth"]
    ]
    return df


def target_progress() -> dict:
    """Where 2023 stands against a steady path from 7.8 % (2020) to 10 % (2025), what 2024-2025 brought, and the
    vintage arithmetic of the 9.9 %."""
    t = core_target()
    years = t["year1"] - t["year0"]
    elapsed = t["reached_year"] - t["year0"]
    path = t["share0"] * (t["share1"] / t["share0"]) ** (elapsed / years)
    va = data.load("cn_digital_core_value_added").set_index("year")["value"]
    std, published = series(GDP), gdp_as_published()
    va23 = float(va[2023])
    band = numbers.half_unit(f"{t['reached']:g}")  # 9.9 as written stands for [9.85, 9.95]
    oc = core_outcomes().set_index("year")
    realised = outcomes.realised_gdp_growth(t["reached_year"] + 1, t["year1"])
    s25 = float(oc.loc[t["year1"], "share"])
    return {
        "share_ratio_growth_needed": growth.cagr(t["share0"], t["share1"], years),
        "share_ratio_growth_reached": growth.cagr(t["share0"], t["reached"], elapsed),
        "path_2023": path,
        "reached_2023": t["reached"],
        "core_va_2023": va23,
        # 127,555 over the 2023 GDP as first published (pre-census) gives a larger share than NBS's 9.9 %
        "share_2023_on_preliminary_gdp": va23 / published[2023] * 100,
        "share_2023_on_standard_gdp": va23 / std[2023] * 100,
        "standard_gdp_2023": float(std[2023]),
        # the GDP that 9.9 % implies, and the range its rounding allows
        "implied_gdp_2023": va23 / (t["reached"] / 100),
        "implied_gdp_2023_low": va23 / ((t["reached"] + band) / 100),
        "implied_gdp_2023_high": va23 / ((t["reached"] - band) / 100),
        "preliminary_gdp_2023": float(published[2023]),
        # DERIVED: 2020 value added = 7.8 % of the standard 2020 GDP; the 7.8 % itself was computed by NBS on the
        # GDP of its day, so the level is approximate
        "core_va_2020_derived": t["share0"] / 100 * std[2020],
        "core_va_cagr_2020_2023_derived": growth.cagr(t["share0"] / 100 * std[2020], va23, elapsed),
        # 2024-2025, one vintage: from 9.9 % (at most 9.95) to "10.5 % or more" with the realised GDP growth
        "share_2024": float(oc.loc[2024, "share"]), "share_2025": s25,
        "gdp_growth_2024_2025": realised["cagr"],
        "core_growth_2024_2025_at_least": required_core_growth(t["reached"] + band, s25, t["year1"] - t["reached_year"],
                                                               realised["cagr"]),
    }


# ---------------------------------------------------------------- compute


def compute_paths(rates=COMPUTE_RATES, start: int = 2017, end: int = 2025) -> pd.DataFrame:
    """Index paths (start year = 1) of the compute industry at constant growth rates (%)."""
    if end <= start:
        raise UsageError(f"the path must run forward in time, not {start}->{end}")
    if any(r <= -100 for r in rates):
        raise UsageError("growth rates must exceed -100 %")
    years = np.arange(start, end + 1)
    out = pd.DataFrame({"year": years})
    for r in rates:
        out[f"{r:g}%"] = (1 + r / 100) ** (years - start)
    return out


def compute_facts() -> dict:
    """Arithmetic on the seeds' compute figures: five years at >30 %, doubling time, servers per rack."""
    rate = seed_value("compute_growth_5y")
    racks, servers = seed_value("racks_2022"), seed_value("servers_2022")
    return {
        "rate_floor": rate,
        "multiple_5y_floor": (1 + rate / 100) ** 5,
        "doubling_years_at_floor": math.log(2) / math.log1p(rate / 100),
        "multiple_2022_2025_at_floor": (1 + rate / 100) ** 3,
        "racks_wan": racks, "servers_wan": servers,
        # racks are "more than" 590万, servers "about" 2000万: the ratio is an upper bound (DERIVED)
        "servers_per_rack_max": servers / racks,
    }


def hubs() -> pd.DataFrame:
    return data.load("cn_compute_hub_nodes")


def hub_counts() -> dict:
    h = hubs()
    clusters = h["clusters"].str.split(";").map(len)
    return {
        "nodes": len(h), "clusters": int(clusters.sum()),
        "east": int((h["geography"] == "east").sum()), "west": int((h["geography"] == "west").sum()),
        "demand": int((h["role"] == "demand").sum()), "supply": int((h["role"] == "supply").sum()),
        "west_demand": int(((h["geography"] == "west") & (h["role"] == "demand")).sum()),
    }


# ---------------------------------------------------------------- 数据 / 算力 / 算法 in the corpus
# Sentences, tokens and line numbers come from nqpf.analysis.corpus (the corpus chapter's normalised text), so the book
# counts co-occurrence one way: whole jieba tokens (大数据 is not 数据) within a sentence.


def cooccurrence(terms=TERMS) -> pd.DataFrame:
    """Per seed: sentences, sentences naming each term, each pair, and all terms together."""
    from nqpf.analysis import corpus

    terms = tuple(dict.fromkeys(terms))
    if len(terms) < 2:
        raise UsageError("co-occurrence needs at least two different terms")
    rows = []
    for d in corpus.documents():
        m = corpus.cooccurrence(terms, seeds=[d.id])
        rec = {"seed": d.id, "sentences": len(d.units("sentence"))}
        rec.update({t: int(m.loc[t, t]) for t in terms})
        for i, a in enumerate(terms):
            for b in terms[i + 1 :]:
                rec[f"{a}+{b}"] = int(m.loc[a, b])
        rec["all"] = corpus.units_containing(terms, seeds=[d.id])
        rows.append(rec)
    return pd.DataFrame(rows)


def cooccurrence_places(terms=TERMS) -> pd.DataFrame:
    """Where all terms stand in one sentence: seed, line span, citation, the sentence."""
    from nqpf.analysis import corpus

    rows = []
    for d in corpus.documents():
        for first, last, sent, found in corpus.terms_by_unit(d.id, terms):
            if set(terms) <= found:
                rows.append({"seed": d.id, "first": first, "last": last,
                             "cite": seeds.cite(d.id, first, last), "sentence": sent})
    return pd.DataFrame(rows, columns=["seed", "first", "last", "cite", "sentence"])


# ---------------------------------------------------------------- the chapter's key figures


def summary() -> dict:
    p = panel().set_index("year")
    sg = seeds_growth()
    comp = compare_2023().set_index("source")
    t = core_target()
    prog = target_progress()
    sc = target_scenarios().set_index("scenario")
    return {
        "seeds_cagr_2014_2023": sg["cagr"],
        "gdp_cagr_2014_2023": sg["gdp_cagr"],
        "seeds_speed_ratio": sg["speed_ratio"],
        "seeds_share_2023_recomputed": sg["share_2023_recomputed"],
        "seeds_share_2023_stated": sg["share_2023_stated"],
        "caict_cagr_2017_2023": growth.period_growth(series(SCALE), 2017, 2023, name=SCALE),
        "gdp_cagr_2017_2023": growth.period_growth(series(GDP), 2017, 2023, name="nominal GDP"),
        "caict_share_2023_published": float(p.loc[2023, "share_published"]),
        "caict_share_2023_recomputed": float(p.loc[2023, "share_recomputed"]),
        "growth_over_2022": {k: float(v) for k, v in comp["growth_over_2022"].items()},
        "core_share_2020": t["share0"], "core_share_2025_target": t["share1"],
        "core_share_2023_reached": t["reached"],
        "core_path_2023": prog["path_2023"],
        "core_share_2024": prog["share_2024"], "core_share_2025_at_least": prog["share_2025"],
        "gdp_growth_2024_2025": prog["gdp_growth_2024_2025"],
        "core_growth_2024_2025_at_least": prog["core_growth_2024_2025_at_least"],
        "core_growth_required": {k: float(v) for k, v in sc["core_growth_required"].items()},
        "compute": compute_facts(),
        "hubs": hub_counts(),
    }
