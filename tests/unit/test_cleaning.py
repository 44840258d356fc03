"""Cleaning rules for policy documents: one test per rule, each on a hand-made document and on the corpus."""

from __future__ import annotations

from nqpf.analysis import cleaning, policy
from nqpf.core import text

BODY = "各位代表：\n现在，我代表国务院，向大会报告政府工作。\n我们要大力发展新质生产力。"
FOOTER = ("\n\n\n本作品是中华人民共和国的\n法律\n、\n法规\n"
          "，国家机关的决议、决定、命令和其他具有立法、行政、司法性质的文件，"
          "及其官方正式译文。根据《\n中华人民共和国著作权法\n》第五条第一项，本作品不适用于该法，在\n中国大陆\n，"
          "也可能在其他管辖区，属于\n公有领域\n。\n\n注：中文维基文库社群认为，中华人民共和国公务演讲，\n不总是\n"
          "具有立法、行政、司法性质的文件。\n\nPublic domain\nPublic domain\nfalse\nfalse\n")


def test_wikisource_footer_is_removed_from_the_end():
    out = cleaning.clean(BODY + FOOTER)
    assert out.text == BODY
    assert out.rules == ["wikisource_footer"]
    # BODY is lines 1-3, two blank lines follow: the footer starts on line 6 of the file.
    assert out.removed["wikisource_footer"][0] == 6


def test_footer_words_inside_a_report_stay():
    # 本作品 opening a body line, Public domain mid-text: not a footer unless the whole block is the template.
    doc = ("本作品是中华人民共和国的\n一部分讨论。我们要建设公有领域的数据资源，推动经济社会发展，"
           "这是一个长句子，超过了模板链接行的长度。\nPublic domain\nfalse")
    assert cleaning.clean(doc).text == doc


def test_reprint_line_at_the_start_is_removed():
    doc = "2025年北京市政府工作报告\n来源：北京日报\n" + BODY
    out = cleaning.clean(doc)
    assert "来源" not in out.text and out.text.startswith("2025年北京市政府工作报告\n")
    assert out.removed == {"reprint": [2]}
    assert cleaning.clean("来源 : 南方日报\n" + BODY).text == BODY  # spaced colon (广东)


def test_reprint_phrase_inside_a_report_stays():
    doc = BODY + "\n第四段。\n第五段。\n来源：统计公报。\n收入来源：多渠道增加居民收入。"
    assert cleaning.clean(doc).text == doc  # past the head, and 收入来源 is not a reprint line
    late = "标题\n副标题\n各位代表：\n第一段。\n第二段。\n第三段。\n来源：这一行在第七行，是正文。"
    assert cleaning.clean(late).text == late


def test_page_furniture_at_start_and_end_is_removed():
    doc = "【打印】【关闭】\n字号：大 中 小\n" + BODY + "\n\n下载\n[打印本页] [关闭窗口]\n"
    out = cleaning.clean(doc)
    assert out.text == BODY
    assert out.removed == {"furniture": [1, 2, 7, 8]}  # BODY is lines 3-5, line 6 blank


def test_furniture_words_inside_a_report_stay():
    doc = "打印机产业加快发展。\n" + BODY + "\n推动3D打印、下载速度提升。"
    assert cleaning.clean(doc).text == doc


def test_appended_notes_and_tables_are_removed():
    doc = (BODY + "\n让我们更加紧密地团结起来！\n附件\n《政府工作报告》有关内容名词注释"
           "\n1.“两重”：国家重大战略实施。\n2.未来产业。")
    out = cleaning.clean(doc)
    assert out.text == BODY + "\n让我们更加紧密地团结起来！"
    assert out.removed == {"appendix": [5, 6, 7, 8]}
    table = BODY + "\n名词解释\n1.六大优势产业：……\n十、实施交通惠民工程\n主办单位：省交通运输厅"
    assert cleaning.clean(table).text == BODY


def test_appendix_words_inside_a_line_stay():
    doc = BODY + "\n按照附件要求，做好名词解释工作。\n附件1所列项目按期完成。"
    assert cleaning.clean(doc).text == doc


def test_traditional_documents_are_converted_and_simplified_ones_left_alone():
    trad = "我們第一届全國人民代表大會第一次會議，通過了我們國家的根本法。"
    out = cleaning.clean(trad)
    assert out.converted and out.text == "我们第一届全国人民代表大会第一次会议，通过了我们国家的根本法。"
    assert not cleaning.clean(BODY).converted
    assert not cleaning.clean(BODY + "发展菜薹产业。").converted  # one odd form: a variant, not a traditional text
    assert cleaning.clean(BODY).text == BODY


def test_rules_on_the_corpus():
    docs = policy.documents()
    got = {row.document: cleaning.clean(policy.read_text(row.path)) for row in docs.itertuples()}
    m = policy.manifest()
    source = dict(zip(m["file"], m["source_repository"]))
    wiki = [d for d in got if source[d] == "aldohemsn/chinese-political-corpora"]  # the Wikisource texts
    assert len(wiki) == 52 + 9  # 57 work reports to 2025 less the five from chengjun/mybook, and nine congresses
    # Every Wikisource text loses its footer and nothing of the template is left.
    assert all(got[d].removed.get("wikisource_footer") for d in wiki)
    assert not any("Public domain" in c.text or "维基文库" in c.text for c in got.values())
    # The 2026 report (mondayice/WordCloud_web) has neither footer nor title line: nothing is removed from it.
    assert not got["gov_work_reports/2026.txt"].removed
    # Every provincial report that starts with a reprint line loses it; no 来源： line is left in any head.
    for d, c in got.items():
        assert not any(ln.startswith("来源") for ln in c.text.split("\n")[:5]), d
    # The 1950s reports are converted; from 1978 on none is.
    converted = {d for d, c in got.items() if c.converted}
    assert {f"gov_work_reports/{y}.txt" for y in (1954, 1955, 1957)} <= converted
    assert converted == {f"gov_work_reports/{y}.txt" for y in (1954, 1955, 1957)} | {"cpc_congress_reports/16_2002.txt"}
    # A lone variant is left alone: 菜薹 in 湖北 stays (t2s would write 菜苔).
    assert "薹" in got["provincial_2025/17_湖北.txt"].text
    # Appended notes go (江西, 广东, 四川, 云南); every cleaned provincial report ends with its closing words.
    for name in ("14_江西", "19_广东", "23_四川", "25_云南"):
        assert got[f"provincial_2025/{name}.txt"].removed.get("appendix"), name
    for d, c in got.items():
        if d.startswith("provincial_2025"):
            assert not c.text.rstrip().endswith("工程") and "名词解释" not in c.text, d


def test_character_counts_by_hand_and_against_a_per_character_scan():
    assert cleaning.traditional_found("我們發展國家，国家") == {"們", "發", "國"}
    assert cleaning.traditional_share("國家發展") == 0.5
    assert cleaning.traditional_share("2024") == 0.0
    # The C-speed scans agree with a character-by-character count on every corpus document.
    for path in policy.documents()["path"]:
        raw = policy.read_text(path)
        assert text.hanzi_count(raw) == sum(1 for ch in raw if text.is_hanzi(ch)), path
        assert cleaning.traditional_found(raw) == {ch for ch in raw if ch in text.traditional_chars()}, path
