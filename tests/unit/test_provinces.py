"""Provincial index: cleaning, weights, aggregation and regional measures, each on a small hand-worked example."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from nqpf.analysis import provinces as pv
from nqpf.analysis.provinces import clean as cl
from nqpf.analysis.provinces import method as mth
from nqpf.analysis.provinces import regional as reg
from nqpf.core.errors import DataError, UsageError


def _rows(*rows):
    return pd.DataFrame(rows, columns=["dataset", "province_raw", "year", "item", "value", "unit", "variable"])


# --- cleaning -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("raw,name", sorted(cl.MISREADINGS.items()))
def test_each_misreading_maps_to_its_unit(raw, name):
    assert cl.standard_name(raw) == name
    assert cl.standard_name(" ".join(raw)) == name  # also when padded like the yearbook layout


@pytest.mark.parametrize("raw,name", [("上   海", "上海"), ("内蒙 古", "内蒙古"), ("黑龙 江", "黑龙江"),
                                      ("全   国", "全国"), ("西\u3000藏", "西藏")])
def test_padded_names(raw, name):
    assert cl.standard_name(raw) == name


def test_each_misreading_fills_the_hole_of_its_province():
    # every misread name stands where its province is otherwise absent: the table-year then has all 31 units
    df = pv.cleaned()
    found = pv.misreadings()
    assert set(found["as_written"]) == set(cl.MISREADINGS)
    for r in found.itertuples():
        cell = df[(df["dataset"] == r.dataset) & (df["year"] == r.year)]
        assert (cell["province"] == r.read_as).sum() == r.rows  # only the misread rows carry the name
        if r.read_as in cl.PROVINCES:
            assert cell.loc[cell["kind"] == "province", "province"].nunique() == 31


def test_unknown_name_stops_with_file_line_and_value():
    df = _rows(("RDIntense", "北京", 2020, "RD经费", 1.0, "亿元", "v"),
               ("RDIntense", "江北", 2020, "RD经费", 2.0, "亿元", "v"))
    with pytest.raises(DataError) as exc:
        cl.clean(df, file="data/raw/x.csv")
    msg = str(exc.value)
    assert "data/raw/x.csv: line 3" in msg and "'江北'" in msg


def test_duplicate_province_year_item_stops():
    df = _rows(("RDIntense", "上海", 2020, "RD经费", 1.0, "亿元", "v"),
               ("RDIntense", "北京", 2020, "RD经费", 1.0, "亿元", "v"),
               ("RDIntense", "上   海", 2020, "RD经费", 1.5, "亿元", "v"))
    with pytest.raises(DataError) as exc:
        cl.clean(df, file="data/raw/x.csv")
    msg = str(exc.value)
    assert "line 4" in msg and "already at line 2" in msg and "上海 2020 RDIntense/RD经费" in msg


def test_national_check_on_a_hand_example():
    provinces = [("RDActivity", p, 2020, "合计", 1.0, "万元", "v") for p in cl.PROVINCES]
    df = cl.clean(_rows(*provinces, ("RDActivity", "全国", 2020, "合计", 30.0, "万元", "v")))
    out = cl.national_check(df)
    assert len(out) == 1
    r = out.iloc[0]
    assert r["provinces_sum"] == 31 and r["diff"] == 1 and r["rel_diff"] == pytest.approx(100 / 30)
    assert not r["ok"]


def test_rd_expenditure_sums_to_national_every_year():
    c = pv.checks()
    rd = c[(c["dataset"] == "RDIntense") & (c["item"] == "RD经费")]
    assert list(rd["year"]) == list(range(2011, 2024)) and rd["ok"].all()


def test_panel_has_31_standard_names_and_no_duplicates():
    p = pv.panel()
    assert list(p.columns) == ["province", "year", "indicator", "value", "unit"]
    assert set(p["province"]) == set(cl.PROVINCES) and len(cl.PROVINCES) == 31
    assert not p.duplicated(["province", "year", "indicator"]).any()
    assert p["value"].notna().all()


def test_gdp_is_rd_over_intensity_and_labelled_derived():
    g = pv.gdp().set_index(["province", "year"])
    p = pv.panel().query("indicator in ['RDIntense/RD经费', 'RDIntense/RD强度']")
    bj = p[(p["province"] == "北京") & (p["year"] == 2023)].set_index("indicator")["value"]
    assert g.loc[("北京", 2023), "gdp"] == pytest.approx(bj["RDIntense/RD经费"] / bj["RDIntense/RD强度"] * 100)
    assert g["source"].str.startswith("DERIVED").all()
    assert len(g) == 31 * 13


# --- normalisation and weights -------------------------------------------------------------------------------

def test_minmax_whole_panel_and_per_year():
    x = pd.DataFrame({"a": [1.0, 3.0, 5.0, 9.0]})
    by = pd.Series([2020, 2020, 2021, 2021])
    assert mth.minmax(x)["a"].tolist() == [0.0, 0.25, 0.5, 1.0]
    assert mth.minmax(x, by=by)["a"].tolist() == [0.0, 1.0, 0.0, 1.0]
    assert mth.minmax(x, pd.Series({"a": -1}))["a"].tolist() == [1.0, 0.75, 0.5, 0.0]


def _entropy_by_hand(x):
    p = x / x.sum(axis=0)
    e = -(p * np.log(p)).sum(axis=0) / np.log(len(x))
    return (1 - e) / (1 - e).sum()


def test_entropy_weights_hand_example():
    # a = (1, 1, 2): p = (.25, .25, .5), e = 1.039721 / ln 3 = .946395
    # b = (1, 2, 3): p = (1/6, 1/3, 1/2), e = 1.011404 / ln 3 = .920620;  w = (.0536, .0794) / .1330
    z = pd.DataFrame({"a": [1.0, 1.0, 2.0], "b": [1.0, 2.0, 3.0]})
    w = mth.weights(z, "entropy")
    assert w.tolist() == pytest.approx([0.40309, 0.59691], abs=2e-4)  # the 1e-4 shift moves the 5th decimal
    assert w.to_numpy() == pytest.approx(_entropy_by_hand(z.to_numpy() + mth.ENTROPY_SHIFT), abs=1e-12)


def test_critic_weights_hand_example():
    # sd (ddof 1): .5, .5, .57735; r(a,b) = -.5, r(a,c) = .866025, r(b,c) = -.866025
    # C = .5(1.5 + .133975), .5(1.5 + 1.866025), .57735(.133975 + 1.866025) = .816987, 1.683013, 1.154701
    z = pd.DataFrame({"a": [0.0, 0.5, 1.0], "b": [1.0, 0.0, 0.5], "c": [0.0, 1.0, 1.0]})
    assert mth.weights(z, "critic").tolist() == pytest.approx([0.223544, 0.460506, 0.315950], abs=1e-6)


def test_equal_weights():
    z = pd.DataFrame(np.ones((3, 4)), columns=list("abcd"))
    assert mth.weights(z, "equal").tolist() == [0.25] * 4


def test_pca_weights_hand_example_and_eigenvector():
    # two correlated indicators: the first eigenvector of [[1, r], [r, 1]] is (1, 1)/√2, so equal weights
    z = pd.DataFrame({"a": [0.0, 0.2, 0.9, 1.0], "b": [0.1, 0.0, 1.0, 0.7]})
    assert mth.weights(z, "pca").tolist() == pytest.approx([0.5, 0.5])
    # three indicators, one loading negatively: r(a,b) = .6, r(a,c) = -1, r(b,c) = -.6. The eigenvector is
    # (x, y, -x) with 2x + .6y = λx and 1.2x + y = λy, so λ² - 3λ + 1.28 = 0, λ = (3 + 1.969772)/2 = 2.484886 and
    # y = 1.2x/(λ - 1) = .808143x; oriented to a positive sum and scaled to Σ|w| = 1: (1, .808143, -1)/2.808143
    z = pd.DataFrame({"a": [1.0, 2, 3, 4], "b": [2.0, 1, 4, 3], "c": [4.0, 3, 2, 1]})
    assert mth.weights(z, "pca").tolist() == pytest.approx([0.356107, 0.287786, -0.356107], abs=1e-6)
    assert mth.pca_explained(z) == pytest.approx(2.484886 / 3, abs=1e-6)
    # three indicators: the first principal component of the standardised data, as scikit-learn computes it
    from sklearn.decomposition import PCA

    rng = np.random.default_rng(0)
    a = rng.random((20, 3))
    a[:, 1] += a[:, 0]
    z = pd.DataFrame(a, columns=list("xyz"))
    pca = PCA(n_components=1).fit((a - a.mean(axis=0)) / a.std(axis=0))
    v = pca.components_[0] * np.sign(pca.components_[0].sum())
    assert mth.weights(z, "pca").to_numpy() == pytest.approx(v / np.abs(v).sum())
    assert mth.pca_explained(z) == pytest.approx(pca.explained_variance_ratio_[0])


def test_a_negative_weight_penalises_its_indicator():
    # w = (.75, -.25) enters as .25 on the reversed column 1 - b: rows (a, 1 - b) = (1, 0), (.5, .5), (0, 1) score
    # .75, .375 + .125 = .5 and .25; the signed sum .75a - .25b (.5, .25, 0) orders them the same way
    z = pd.DataFrame({"a": [1.0, 0.5, 0.0], "b": [1.0, 0.5, 0.0]})
    w = pd.Series({"a": 0.75, "b": -0.25})
    assert mth.aggregate(z, w, "weighted").tolist() == pytest.approx([0.75, 0.5, 0.25])
    # TOPSIS treats b as a cost: weighted rows (.75, 0), (.375, .125), (0, .25); ideal (.75, .25), anti-ideal (0, 0);
    # D⁺ = .25, .395285, .75 and D⁻ = .75, .395285, .25, so closeness .75, .5, .25
    assert mth.aggregate(z, w, "topsis").tolist() == pytest.approx([0.75, 0.5, 0.25])


def test_pca_weights_on_the_panel_keep_the_negative_loading_of_enterprise_funding():
    # enterprise funds' share of R&D falls where R&D intensity, patents and technology trade are high (Beijing's
    # R&D is mostly government-funded): it loads against the first component and is penalised, not rewarded
    w = pv.weights("pca").set_index("indicator")["weight"]
    assert w["enterprise_share"] < 0 and (w.drop("enterprise_share") > 0).all()
    assert w.abs().sum() == pytest.approx(1)


def test_topsis_and_weighted_sum_hand_example():
    # weighted rows (.75, 0), (0, .25), (.375, .125); ideal (.75, .25), anti-ideal (0, 0)
    # closeness .75/(.75+.25), .25/(.25+.75), .395285/(2 × .395285)
    z = pd.DataFrame({"a": [1.0, 0.0, 0.5], "b": [0.0, 1.0, 0.5]})
    w = pd.Series({"a": 0.75, "b": 0.25})
    assert mth.aggregate(z, w, "topsis").tolist() == pytest.approx([0.75, 0.25, 0.5])
    assert mth.aggregate(z, w, "weighted").tolist() == pytest.approx([0.75, 0.25, 0.5])
    z2 = pd.DataFrame({"a": [1.0, 0.0, 0.2], "b": [0.0, 1.0, 0.2]})
    assert mth.aggregate(z2, w, "topsis").iloc[2] == pytest.approx(
        math.hypot(0.15, 0.05) / (math.hypot(0.15, 0.05) + math.hypot(0.6, 0.2)))


def test_unknown_method_is_a_usage_error():
    with pytest.raises(UsageError):
        pv.index("ahp")
    with pytest.raises(UsageError):
        pv.index("entropy", "vikor")
    with pytest.raises(UsageError):
        pv.index(year=2010)


# --- the index -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("method", mth.WEIGHTINGS)
@pytest.mark.parametrize("aggregate", mth.AGGREGATIONS)
def test_index_api(method, aggregate):
    full = pv.index(method, aggregate)
    assert list(full.columns) == ["province", "year", "score", "rank"]
    assert len(full) == 31 * 13
    one = pv.index(method, aggregate, year=2023)
    assert len(one) == 31 and sorted(one["rank"]) == list(range(1, 32))
    assert one["score"].is_monotonic_decreasing
    assert pv.weights(method)["weight"].abs().sum() == pytest.approx(1)


def test_whole_panel_scaling_spans_zero_to_one_over_all_years():
    z = pv.normalised()
    assert (z.min() == 0).all() and (z.max() == 1).all()
    assert (z.groupby(level="year").max() < 1).any().any()  # so a single year does not reach 1 everywhere


def test_robustness_shapes():
    r = pv.robustness(2023)
    assert len(r["pairs"]) == 28  # 8 methods, C(8, 2)
    g = r["ranges"]
    assert ((g["worst"] >= g["baseline"]) & (g["best"] <= g["baseline"])).all()
    assert (g["range"] == g["worst"] - g["best"]).all() and len(g) == 31
    assert 0 <= r["summary"]["method_share"] <= 1
    assert len(r["leave_one_out"]) == len(pv.CODES)


# --- regional measures ------------------------------------------------------------------------------------------

def test_dagum_hand_example():
    # y = (1, 3 | 2, 6): G = 32 / (2·16·3) = 1/3; G_AA = G_BB = .25, p = .5, s = (1/3, 2/3) → G_w = .125
    # G_BA = 10 / (2·2·6) = 5/12; d = 9/4, p = 1/4 → D = .8; weight p_B s_A + p_A s_B = .5
    d = reg.dagum([1, 3, 2, 6], ["A", "A", "B", "B"])
    assert d["gini"] == pytest.approx(1 / 3)
    assert d["within"] == pytest.approx(0.125)
    assert d["between"] == pytest.approx(5 / 12 * 0.5 * 0.8)
    assert d["transvariation"] == pytest.approx(5 / 12 * 0.5 * 0.2)
    assert d["within"] + d["between"] + d["transvariation"] == pytest.approx(d["gini"])


def test_theil_hand_example():
    # T = ¼[⅓ln⅓ + 0 + ⅔ln⅔ + 2ln2] = .187445; between ⅓ln⅔ + ⅔ln(4/3) = .056633; within .130812
    t = reg.theil([1, 3, 2, 6], ["A", "A", "B", "B"])
    assert t["theil"] == pytest.approx(0.187445, abs=1e-6)
    assert t["between"] == pytest.approx(0.056633, abs=1e-6)
    assert t["within"] == pytest.approx(0.130812, abs=1e-6)


def test_beta_recovers_an_exact_relation():
    y0 = np.array([1.0, 2.0, 4.0, 8.0, 3.0])
    y1 = y0 * np.exp(10 * (0.1 - 0.05 * np.log(y0)))
    b = reg.beta(y0, y1, 10)
    assert b["beta"] == pytest.approx(-0.05) and b["r2"] == pytest.approx(1)
    assert b["speed"] == pytest.approx(-math.log(1 - 0.5) / 10)


def test_cv():
    assert reg.cv([1, 3]) == pytest.approx(0.5)


def test_tile_grid_has_31_distinct_squares():
    from nqpf.core.geo import TILES

    assert set(TILES) == set(cl.PROVINCES)
    assert len(set(TILES.values())) == 31
    assert TILES["北京"][1] < TILES["河北"][1] and TILES["海南"][1] > TILES["广东"][1]


def test_unknown_name_in_a_copy_of_the_real_file(tmp_path):
    # the whole path a reader's copy takes: manifest check, then cleaning; the error names the copy and its line
    from nqpf.core import data
    from tests.helpers import copy_data_file, rewrite_data_file

    path = copy_data_file("techme_provincial_long", tmp_path)
    lines = path.read_bytes().decode("utf-8").split("\n")
    assert lines[2].split(",")[1] == "北京"
    lines[2] = lines[2].replace(",北京,", ",北就,", 1)
    rewrite_data_file(path, "\n".join(lines).encode("utf-8"))
    with pytest.raises(DataError) as exc:
        cl.clean(data.validate(path), file=str(path))
    assert f"{path}: line 3" in str(exc.value) and "'北就'" in str(exc.value)


def test_per_year_scaling_spans_zero_to_one_within_each_year():
    z = pv.normalised(scope="year")
    by_year = z.groupby(level="year")
    assert (by_year.min() == 0).all().all() and (by_year.max() == 1).all().all()


def test_interpolated_cells_are_the_geometric_mean_of_their_neighbours_and_flagged():
    imp = pv.imputed()
    assert imp["how"].str.match(r"^(ESTIMATE|DERIVED)").all()
    assert set(imp.loc[imp["how"].str.contains("geometric"), "year"]) == {2011, 2017}
    p = pv.panel()
    lvl = p[(p["province"] == "江苏") & (p["indicator"] == "IndustryOperation/主营业务收入")].set_index("year")["value"]
    gdp = pv.gdp().set_index(["province", "year"]).loc[("江苏", 2017), "gdp"]
    expected = 100 * math.sqrt(lvl[2016] * lvl[2018]) / gdp
    assert pv.indicators().loc[("江苏", 2017), "hitech_rev_gdp"] == pytest.approx(expected)
