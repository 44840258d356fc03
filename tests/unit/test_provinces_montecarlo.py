"""Monte-Carlo weights, the signed PCA, the cache key and the province-count checks."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from nqpf.analysis import provinces as pv
from nqpf.analysis.provinces import inputs
from nqpf.analysis.provinces import method as mth
from nqpf.analysis.provinces import montecarlo as mc
from nqpf.core.errors import DataError, UsageError


def test_flat_dirichlet_rank_shares_by_hand(monkeypatch):
    # two indicators, w ~ Dirichlet(1, 1), i.e. w₁ uniform on (0, 1). A = (1, 0), B = (0, 1), C = (.6, .6):
    # C is first when .6 > max(w₁, 1 - w₁), i.e. w₁ in (.4, .6): probability .2; A and B .4 each
    idx = pd.MultiIndex.from_product([["A", "B", "C"], [2023]], names=["province", "year"])
    z = pd.DataFrame({"x": [1.0, 0.0, 0.6], "y": [0.0, 1.0, 0.6]}, index=idx)
    monkeypatch.setattr(mc, "normalised", lambda *a, **k: z)
    mc._ranks.cache_clear()
    try:
        r = mc.draw_ranks(2023, draws=20000, seed=1)
        first = (r == 1).mean(axis=1)
        assert first["C"] == pytest.approx(0.2, abs=0.015)  # binomial se √(.2·.8/20000) = .0028
        assert first["A"] == pytest.approx(0.4, abs=0.015)
    finally:
        mc._ranks.cache_clear()


def test_percentiles_shape_and_reproducibility():
    a = pv.rank_percentiles(2023, draws=300, seed=7)
    assert list(a.columns) == ["province", "rank_p05", "rank_p50", "rank_p95"] and len(a) == 31
    assert (a["rank_p05"] <= a["rank_p50"]).all() and (a["rank_p50"] <= a["rank_p95"]).all()
    assert a.equals(pv.rank_percentiles(2023, draws=300, seed=7))
    assert not mc.draw_ranks(2023, 300, 7).equals(mc.draw_ranks(2023, 300, 8))
    assert mc.DRAWS >= 1000
    assert len(pv.rank_percentiles(2023, draws=300, exclude=("北京",))) == 30
    assert len(mc.draw_ranks(2023, 50, drop=",".join(mc.TECH_MARKET))) == 31


def test_topsis_draw_agrees_with_pymcdm():
    # the vectorised TOPSIS of one draw against pymcdm's TOPSIS on the whole panel with the same weights
    draws, seed = 5, 11
    w = np.random.default_rng(seed).dirichlet(np.ones(len(pv.CODES)), size=draws)[3]
    z = pv.normalised()
    s = mth.aggregate(z, pd.Series(w, index=z.columns), "topsis").xs(2023, level="year")
    expected = s.rank(ascending=False, method="min").astype(int)
    got = mc.draw_ranks(2023, draws, seed, "topsis")[3]
    assert got.reindex(expected.index).tolist() == expected.tolist()


def test_beijing_is_first_under_most_random_weights():
    v = pv.variants(draws=1000)
    bj = v[(v["province"] == "北京") & (v["variant"] == "all")].iloc[0]
    assert bj["rank_p50"] == 1 and bj["share_first"] > 0.9


def test_bad_montecarlo_arguments():
    with pytest.raises(UsageError):
        mc.draw_ranks(2030)
    with pytest.raises(UsageError):
        mc.draw_ranks(2023, draws=0)
    with pytest.raises(UsageError):
        mc.draw_ranks(2023, aggregate="vikor")
    with pytest.raises(UsageError):
        mc.draw_ranks(2023, exclude=("北平",))


def test_cache_key_changes_with_the_file_and_names_the_versions(tmp_path):
    from tests.helpers import copy_data_file, rewrite_data_file

    path = copy_data_file("techme_provincial_long", tmp_path)
    before = inputs.cache_key(path)
    assert "pymcdm 1.4.0" in before["versions"] and "statsmodels" in before["versions"]
    rewrite_data_file(path, path.read_bytes().replace(b",2023,", b",2024,", 1))
    after = inputs.cache_key(path)
    assert after["file"] != before["file"] and after["code"] == before["code"]


def test_expect_provinces_names_what_is_missing():
    df = pd.DataFrame({"province": [p for p in pv.PROVINCES if p != "海南"], "year": 2023})
    with pytest.raises(DataError, match="海南"):
        inputs.expect_provinces(df, "test", per="year")
    inputs.expect_provinces(pd.DataFrame({"province": list(pv.PROVINCES), "year": 2023}), "test", per="year")


def test_weight_sources_on_a_hand_example(monkeypatch):
    # one indicator over two years of two provinces: z = (0, .2 | .8, 1); the year means .1 and .9 lie .4 from the
    # grand mean .5, so the between-year sum of squares is 4 × .16 = .64 of the total .25 + .09 + .09 + .25 = .68
    from nqpf.analysis.provinces import ranking

    idx = pd.MultiIndex.from_product([[2011, 2023], ["A", "B"]], names=["year", "province"])
    z = pd.DataFrame({"rd_intensity": [0.0, 0.2, 0.8, 1.0]}, index=idx).swaplevel().sort_index()
    monkeypatch.setattr(ranking, "normalised", lambda *a, **k: z)
    out = ranking.weight_sources("equal")
    assert out.at[0, "between_year_share"] == pytest.approx(100 * 0.64 / 0.68)


def test_normalisation_effect_stops_when_the_merge_loses_a_province(monkeypatch):
    from nqpf.analysis.provinces import ranking

    real = ranking.index

    def lossy(method="entropy", aggregate="weighted", year=None, *, scope="panel", **kw):
        out = real(method, aggregate, year, scope=scope, **kw)
        return out[out["province"] != "宁夏"] if scope == "year" else out

    monkeypatch.setattr(ranking, "index", lossy)
    with pytest.raises(DataError, match="宁夏"):
        ranking.normalisation_effect()
