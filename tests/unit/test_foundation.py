"""Foundation: seeds unchanged, data manifests honoured, the font set-up, the command line."""

from __future__ import annotations

import hashlib
import warnings

import pytest

from nqpf.core import data, seeds, text
from nqpf.core.errors import DataError
from nqpf.render import plotting
from tests.helpers import ROOT, copy_data_file, rewrite_data_file

SHARED_SEEDS = ROOT.parent / "shared" / "seeds"


def test_seeds_are_byte_for_byte_the_corpus():
    expected = dict(reversed(line.split()) for line in (ROOT / "tests/fixtures/seeds.sha256").read_text().splitlines())
    assert len(expected) == 6  # five documents and the manifest
    for name, digest in expected.items():
        assert hashlib.sha256((ROOT / "seeds" / name).read_bytes()).hexdigest() == digest, name
    if SHARED_SEEDS.exists():  # beside a CI checkout: the handed-over copy is the reference
        for src in SHARED_SEEDS.iterdir():
            assert (ROOT / "seeds" / src.name).read_bytes() == src.read_bytes(), src.name


def test_seed_manifest_and_citations():
    ids = [row["id"] for row in seeds.manifest()]
    assert ids == ["000", "001", "002", "003", "004"]
    assert seeds.seed("4")["script"] == "zh-Hant"
    assert "全要素生产率大幅提升为核心标志" in seeds.line("000", 6)
    assert seeds.find_quote("000", 6, 6, "以全要素生产率大幅提升为核心标志，特点是创新")
    assert not seeds.find_quote("000", 6, 6, "以全要素生产率小幅提升为核心标志")
    assert seeds.cite("000", 12) == "〔种子000，第12行〕"


def test_every_data_file_matches_its_manifest():
    rows = data.validate_all()
    files = {r["file"] for r in rows}
    assert "data/raw/pwt110_selected.csv" in files and "data/raw/cn_nominal_gdp.csv" in files
    for path in data.data_files():
        meta = data.read_manifest(path)
        assert meta["licence"] and meta["source"], path
        assert hashlib.sha256(path.read_bytes()).hexdigest() == meta["sha256"], path


_copy = copy_data_file


def test_sha256_mismatch_stops_loading(tmp_path):
    path = _copy("cn_nominal_gdp", tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace("3645.2", "3645.3"), encoding="utf-8")
    with pytest.raises(DataError, match=r"cn_nominal_gdp\.csv: rule 'sha256 matches manifest'"):
        data.validate(path)


def test_schema_violation_names_file_line_and_rule(tmp_path):
    path = _copy("cn_rd_intensity", tmp_path)
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace("1.7,", "170,", 1)  # 2009 intensity: 170 % of GDP
    rewrite_data_file(path, ("\n".join(lines) + "\n").encode("utf-8"))
    with pytest.raises(DataError) as err:
        data.validate(path)
    assert "cn_rd_intensity.csv: line 4" in str(err.value)
    assert "less_than_or_equal_to(100)" in str(err.value)


def test_flags_are_read_from_source_text():
    sei = data.with_flags(data.load("cn_sei_share_gdp"))
    assert dict(zip(sei["year"], sei["flags"]))[2014] == "DERIVED"
    assert "LOWER-BOUND" in dict(zip(sei["year"], sei["flags"]))[2022]


def test_cjk_font_draws_chinese_and_flags_missing_glyphs():
    plotting.setup(inline=False)
    assert plotting.missing_glyphs("全要素生产率（%）國產 α≥30") == []
    assert plotting.missing_glyphs("ஆ") == ["ஆ"]
    import matplotlib

    matplotlib.use("agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.set_title("新质生产力 ஆ")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("default")
        plotting.setup(inline=False)  # re-applies the 'always' filter for glyph warnings
        fig.canvas.draw()
    plt.close(fig)
    assert any("missing from font" in str(w.message) for w in caught)


def test_jieba_uses_the_project_dictionary():
    words = text.cut("发展新质生产力要以全要素生产率大幅提升为核心标志，推进东数西算")
    assert "新质生产力" in words and "全要素生产率" in words and "东数西算" in words
    assert "东数西算" in text.domain_terms()
