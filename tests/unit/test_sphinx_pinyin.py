"""The bibliography's pinyin order (GB/T 7714) comes from pypinyin once, then from the build's cache."""

from __future__ import annotations

import subprocess
import sys

from nqpf.sphinx.apparatus import pinyin


def test_pinyin_of_names_and_no_pypinyin_import_once_cached(tmp_path):
    # By hand: 国 guó, 家 jiā, 统 tǒng, 计 jì, 局 jú; 习 xí, 近 jìn, 平 píng (tones dropped, as the sort does).
    assert pinyin("国家统计局", tmp_path) == "guo jia tong ji ju"
    assert pinyin("习近平", tmp_path) == "xi jin ping"
    code = ("import sys; from pathlib import Path; from nqpf.sphinx.apparatus import pinyin; "
            f"print(pinyin('国家统计局', Path({str(tmp_path)!r})), 'pypinyin' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["guo", "jia", "tong", "ji", "ju", "False"]


def test_a_broken_cache_file_is_rebuilt(tmp_path):
    from importlib.metadata import version

    (tmp_path / f"pinyin-{version('pypinyin')}.json").write_text("{not json", encoding="utf-8")
    assert pinyin("张", tmp_path) == "zhang"
