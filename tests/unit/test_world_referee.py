"""Referee item: the OECD's own (PPP-weighted) R&D intensity for 2023 is an extrapolation, and the sentence that
prints it says so and says of what."""

from __future__ import annotations

from nqpf.analysis import findings


def test_the_oecd_ppp_average_is_called_an_extrapolation_in_the_sentence():
    f = next(x for x in findings.register("world") if x.id == "world-rd-below-oecd")
    # wdi_selected.csv GB.XPD.RSDV.GD.ZS,OED: 2023 2.93439075279869, 2018 2.64055443669157; MSTI "OECD area" 2018:
    # 2.38 (MSTI 2020/1) and 2.40 (MSTI 2019/2). 2023 + the 2018 gap: 2.6738 and 2.6938
    lo, hi = 2.93439075279869 + 2.38 - 2.64055443669157, 2.93439075279869 + 2.40 - 2.64055443669157
    assert f"{lo:.2f}%–{hi:.2f}%" == "2.67%–2.69%" and "2.67%–2.69%" in f.statement
    sentence = f.statement.split("2.67%–2.69%")[1].split("。")[0]
    assert "外推值，不是 OECD 公布的数字" in sentence
    assert "2018 年它与 WDI 平均之差原样加到 2023 年的 WDI 平均上" in sentence and "5 年间" in sentence
