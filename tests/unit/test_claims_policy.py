"""The claims extractor's added classes (issue 15) on hand-made lines, and the held-out set from the policy corpus."""

from __future__ import annotations

import pandas as pd
import pytest

from nqpf.analysis import claims


def found(line: str) -> list[tuple]:
    doc = claims.TextDoc("x", [line])
    rows = claims._claims_in(doc)
    return [(r["unit"], round(r["value"], 6), r["qualifier"]) for r in sorted(rows, key=lambda r: r["_pos"])]


def test_magnitudes_without_digits_are_not_claims():
    # The corpus chapter's rule (issue 22): orders of magnitude (万亿级) are not quantitative claims.
    assert found("打造4个万亿级产业基地") == [("items", 4, "")]
    assert found("参数量由数亿级迅速增至万亿级") == []
    assert found("培育1个400亿级产业名镇") == []


def test_approximate_quantities():
    assert found("形成数百万亿元的存量资产") == [("yuan", 1e14, "about")]
    assert found("带动上千家企业转型") == [("firms", 1000, "over")]
    assert found("建设数十个示范区") == [("items", 10, "about")]


def test_durations_are_not_claims():
    # The corpus chapter's rule (issue 22): durations (近两年, 近五年, 几十年, 40 多年) are not quantitative claims.
    assert found("经过40多年的积累") == []
    assert found("五年来，经济持续发展") == []
    assert found("粮食连续7年增产，近两年平均增速") == []
    assert found("长达几十年的工业化") == []
    # Nor a plan's name, a date, the past year, a decade.
    assert found("第一个五年计划") == []
    assert found("1998年3月就职") == []
    assert found("一年来，我们主要做了以下工作") == []
    assert found("上世纪80年代以来") == []


def test_multiples_in_words():
    assert found("比重在过去十年几近倍增") == [("times", 2, "nearly")]  # 过去十年: a duration, not a claim
    assert found("体现为依附倍增性和集约替代性") == []  # seed 003 line 475: a property, not a multiple
    assert found("工农业年总产值翻两番") == [("times", 4, "")]
    assert found("人均收入翻一番") == [("times", 2, "")]
    assert found("倍感温暖，倍增干劲") == []  # redoubled energy: not a multiple


def test_rankings():
    assert found("有200多种产品产量世界第一，") == [("items", 200, "over"), ("rank", 1, "")]
    assert found("货物吞吐量突破20亿吨、居全国首位") == [("tonnes", 2e9, "over"), ("rank", 1, "")]
    assert found("从居世界第三十九位跃升到第二位") == [("rank", 39, "")]  # 第二位 alone: an ordinal
    assert found("第一，坚持稳中求进") == []


def test_full_width_digits_and_chinese_decimals():
    assert found("支出１，４９７，６１６，０００元，为预算数的１１４．１３％") == [("yuan", 1497616000, ""),
                                                                          ("percent", 114.13, "")]
    assert found("增长百分之二十五点四") == [("percent", 25.4, "")]
    assert found("计划达到六百四十三亿七千万元") == [("yuan", 64370000000, "")]


def test_names_with_numerals_are_not_claims():
    assert found("坚持四项基本原则") == []
    assert found("在和平共处五项原则的基础上") == []
    assert found("推动三次产业协调发展") == []


def test_policy_heldout_set_meets_precision_and_recall():
    r = claims.evaluate_corpus()
    gold = claims.read_labels(claims.POLICY_HELDOUT)
    assert r["lines"] >= 60 and r["lines"] == len(set(zip(gold["document"], gold["line"])))
    assert r["precision"] >= 0.9, r["spurious"]
    assert r["recall"] >= 0.9, r["missed"]


@pytest.mark.parametrize("path", [claims.GOLD, claims.HELDOUT])
def test_old_sets_each_meet_precision_and_recall(path):
    r = claims.evaluate(path)
    assert r["precision"] >= 0.9 and r["recall"] >= 0.9, (r["spurious"], r["missed"])


def test_extract_text_cites_file_lines(tmp_path):
    f = tmp_path / "r.txt"
    f.write_text("各位代表：\n\n五年来，城镇新增就业1113万人。\n", encoding="utf-8")
    df = claims.extract_text(f)
    assert list(zip(df["line"], df["unit"], df["value"])) == [(3, "persons", 11130000.0)]  # 五年来: a duration
    assert isinstance(df, pd.DataFrame)
