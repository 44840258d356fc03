"""``python -m nqpf provinces``: output shapes as the issue specifies, and one-line errors."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from nqpf.analysis.provinces.clean import PROVINCES
from tests.helpers import nqpf_cli


def _csv(*args):
    proc = nqpf_cli("provinces", *args, "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    return pd.read_csv(io.StringIO(proc.stdout))


def test_panel_csv():
    df = _csv("panel")
    assert list(df.columns) == ["province", "year", "indicator", "value", "unit"]
    assert set(df["province"]) == set(PROVINCES)
    assert {"广东", "内蒙古"} <= set(df["province"])


@pytest.mark.parametrize("method", ["entropy", "critic", "equal", "pca"])
def test_index_and_weights_csv(method):
    df = _csv("index", "--method", method, "--aggregate", "topsis", "--year", "2020")
    assert list(df.columns) == ["province", "score", "rank"] and len(df) == 31
    assert sorted(df["rank"]) == list(range(1, 32))
    w = _csv("weights", "--method", method)
    assert list(w.columns) == ["indicator", "weight"] and w["weight"].abs().sum() == pytest.approx(1)


def test_robustness_json():
    proc = nqpf_cli("provinces", "robustness", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert {"summary", "pairs", "ranges", "leave_one_out"} <= set(out)
    assert len(out["pairs"]) == 28 and len(out["ranges"]) == 31


def test_trend_has_one_row_per_method():
    df = _csv("trend")
    assert len(df) == 8 and set(df["method"]) == {"entropy", "critic", "equal", "pca"}
    assert set(df["aggregate"]) == {"weighted", "topsis"}
    assert {"gini_start", "gini_end", "between_share_start", "between_share_end", "beta"} <= set(df.columns)


@pytest.mark.parametrize("args", [["index", "--method", "ahp"], ["index", "--year", "2009"], ["rank"],
                                  ["index", "--aggregate", "vikor"], ["index", "--year", "x"],
                                  ["panel", "--method", "pca"], []])
def test_bad_arguments_one_line(args):
    proc = nqpf_cli("provinces", *args)
    assert proc.returncode != 0
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr


def test_montecarlo_csv_columns_and_seed():
    a = _csv("montecarlo", "--draws", "200", "--seed", "3")
    assert list(a.columns) == ["province", "rank_p05", "rank_p50", "rank_p95"] and len(a) == 31
    assert a.equals(_csv("montecarlo", "--draws", "200", "--seed", "3"))
    b = _csv("montecarlo", "--draws", "200", "--without-beijing", "--without-tech-market", "--year", "2015")
    assert len(b) == 30 and "北京" not in set(b["province"])


def test_regional_and_subperiods_without_beijing():
    r = _csv("regional", "--without-beijing")
    assert len(r) == 13 and r["theil"].notna().all()
    s = _csv("subperiods", "--without-beijing")
    assert set(zip(s["first"], s["last"])) == {(2011, 2023), (2011, 2017), (2017, 2023)}
    assert {"slope", "ci_low", "ci_high", "direction", "break"} <= set(s.columns)


@pytest.mark.parametrize("args", [["montecarlo", "--draws", "0"], ["montecarlo", "--draws", "x"],
                                  ["subperiods", "--start", "2020", "--end", "2021"],
                                  ["convergence", "--start", "2030"], ["regional", "--without-beijng"]])
def test_bad_new_arguments_one_line(args):
    proc = nqpf_cli("provinces", *args)
    assert proc.returncode != 0
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr


def test_rd2024_csv():
    df = _csv("rd2024")
    assert len(df) == 31 and {"intensity_2024", "intensity_2023_restated", "intensity_2023_panel"} <= set(df.columns)


def test_gdp_break_csv():
    # 天津: 492.4 / 2.62 → 463.0 / 3.28 亿元 × 100 (techme rows 348, 380, 260, 292): 18,793.9 → 14,115.9, −24.9 %
    df = _csv("gdp-break").set_index("province")
    assert len(df) == 31 and set(df.index) == set(PROVINCES)
    assert df.at["天津", "gdp_before"] == pytest.approx(492.4 / 2.62 * 100)
    assert round(df.at["天津", "change_pct"], 1) == -24.9


def test_gdp_revisions_csv():
    # 辽宁 2015 → 2016: 363.4 / 1.27 → 372.7 / 1.69 亿元 × 100 (techme rows 530, 562, 466, 498): 28,614.2 →
    # 22,053.3, −22.9 %; 内蒙古 2016 → 2017: 147.5 / 0.79 → 132.3 / 0.82 (rows 467, 499, 403, 435), −13.6 %
    df = _csv("gdp-revisions").set_index("province")
    assert list(df.index) == ["辽宁", "内蒙古"] and list(df["year"]) == [2016, 2017]
    assert df.at["辽宁", "gdp_before"] == pytest.approx(363.4 / 1.27 * 100)
    assert round(df.at["辽宁", "change_pct"], 1) == -22.9 and round(df.at["内蒙古", "change_pct"], 1) == -13.6


def test_break_trends_csv_and_a_bad_measure():
    df = _csv("break-trends")
    assert len(df) == 18 and set(df["measure"]) == {"gini", "theil", "cv"}
    assert set(df["treatment"]) == {"published", "step", "spliced", "spliced_all", "before", "after"}
    one = _csv("break-trends", "--measure", "between_share", "--without-beijing")
    assert len(one) == 6 and set(one["measure"]) == {"between_share"}
    proc = nqpf_cli("provinces", "break-trends", "--measure", "atkinson")
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_regional_on_the_spliced_gdp_basis():
    # splicing rescales only 2011-2018 (the years before the census break): from 2019 on, the indicators and hence
    # the Gini differ only through the weights and the panel's min-max, which the whole panel sets; 2011 differs
    pub = _csv("regional").set_index("year")
    spl = _csv("regional", "--gdp-basis", "spliced").set_index("year")
    assert len(spl) == 13 and list(spl.index) == list(range(2011, 2024))
    assert spl.at[2011, "gini"] != pytest.approx(pub.at[2011, "gini"], rel=1e-6)
    assert spl.at[2019, "gini"] - spl.at[2018, "gini"] > 0.01  # the 2019 rise survives the splice (+0.020)
    proc = nqpf_cli("provinces", "regional", "--gdp-basis", "revised")
    assert proc.returncode != 0 and len(proc.stderr.strip().splitlines()) == 1


def test_convergence_on_the_spliced_basis_json():
    proc = nqpf_cli("provinces", "convergence", "--gdp-basis", "spliced", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["n"] == 31 and out["absolute"]["ci_high"] < 0  # β −0.0189, 95 % interval −0.0314 to −0.0065


def test_help_lists_every_action():
    # argparse %-formats help strings: "95% CI" once made `provinces --help` raise instead of printing
    proc = nqpf_cli("provinces", "--help")
    assert proc.returncode == 0, proc.stderr
    for action in ("subperiods", "gdp-break", "break-trends", "95% CI"):
        assert action in proc.stdout
