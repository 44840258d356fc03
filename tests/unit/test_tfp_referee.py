"""Referee item: Japan's and Korea's negative TFP growth in 2013-2023 holds only when labour is measured with
PWT's human-capital index hc (and in heads); the sentence names that, read from the specifications' names."""

from __future__ import annotations

import math

import pytest

from nqpf.analysis import findings
from nqpf.analysis.findings import tfp as ftfp

FID = "tfp-jpn-kor-negative-2013-2023"


def _finding():
    return next(f for f in findings.register("tfp") if f.id == FID)


def test_japan_korea_with_and_without_human_capital_by_hand():
    f = _finding()
    v = {s.name: s.value for s in f.specifications}
    assert len(v) == 32                      # 16 PWT 11.0 specifications x labour with / without hc
    # pwt110_selected.csv, 2012 and 2023 rows (rgdpna, rnna, emp, hc):
    # JPN 5129414 / 5522683.5, 28024686 / 29998940, 62.73429871 / 67.93271637, 3.518575907 / 3.656504393
    # KOR 2177522.25 / 2912586, 10048379 / 14877307, 24.95499802 / 28.44015312, 3.516756535 / 3.87371254
    ln = math.log
    jpn = (ln(5522683.5 / 5129414) - 0.4 * ln(29998940 / 28024686)
           - 0.6 * (ln(67.93271637 / 62.73429871) + ln(3.656504393 / 3.518575907))) / 11 * 100   # -0.220
    kor = (ln(2912586 / 2177522.25) - 0.4 * ln(14877307 / 10048379)
           - 0.6 * (ln(28.44015312 / 24.95499802) + ln(3.87371254 / 3.516756535))) / 11 * 100  # -0.023
    assert v["PWT 11.0·rnna·人数·α=0.4·含 hc"] == pytest.approx(max(jpn, kor), abs=1e-9) and max(jpn, kor) < 0
    # without hc the schooling term stays in the residual: Korea's hc rose 10 %, so its TFP turns positive
    kor_raw = (ln(2912586 / 2177522.25) - 0.4 * ln(14877307 / 10048379)
               - 0.6 * ln(28.44015312 / 24.95499802)) / 11 * 100                                  # +0.504
    assert v["PWT 11.0·rnna·人数·α=0.4·不含 hc"] == pytest.approx(kor_raw, abs=1e-9) and kor_raw > 0
    held = [n for n in v if n not in f.flips_under]
    assert len(held) == 6 and all(n.endswith("·含 hc") and "·人数·" in n for n in held)
    assert not any(v[n] < 0 for n in v if n.endswith("·不含 hc"))         # 0 of 16 without hc


def test_the_sentence_names_what_the_holding_specifications_share():
    f = _finding()
    names = [s.name for s in f.specifications]
    held = [n for n in names if n not in f.flips_under]
    assert ftfp.shared_parts(held, names) == [("人数", ["工时"]), ("含 hc", ["不含 hc"])]
    assert "这 6 种都按就业人数计劳动并且把 PWT 的人力资本指数 hc 计入劳动" in f.statement
    assert "不把人力资本 hc 计入劳动的 16 种设定" in f.statement and "没有一种两国都为负" in f.statement
    assert f.verdict == "depends" and "稳健" not in findings.label(f)


def test_shared_parts_by_hand():
    every = ["A·x·含", "A·y·含", "B·x·含", "B·y·含", "A·x·不含", "B·y·不含"]
    assert ftfp.shared_parts(["A·x·含", "B·x·含"], every) == [("x", ["y"]), ("含", ["不含"])]
    assert ftfp.shared_parts(["A·x·含", "B·y·不含"], every) == []        # nothing in common
