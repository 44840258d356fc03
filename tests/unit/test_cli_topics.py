"""The command line imports only the topic it runs: the TOPICS map says which module registers each topic."""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys

from nqpf.cli import COMMANDS, TOPICS
from tests.helpers import ROOT


def test_every_module_registers_exactly_the_topics_the_map_gives_it():
    for module in COMMANDS:
        sub = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(module).register(sub)
        assert set(sub.choices) == {t for t, m in TOPICS.items() if m == module}, module


def test_word_frequencies_of_a_folder_start_without_pandas_or_distributed(tmp_path):
    # `python -m nqpf corpus frequencies` on a folder of one's own: pandas (~0.6 s) and distributed (~1 s) are
    # never imported, so a researcher running it over many folders does not pay for them each time.
    (tmp_path / "a.txt").write_text("数据要素和算力。\n", encoding="utf-8")
    code = ("import sys; from nqpf.cli import main; "
            f"rc = main(['corpus', 'frequencies', '--input', {str(tmp_path)!r}, '--scheduler', 'sync', "
            "'--format', 'csv']); "
            "print(sorted(m for m in ('pandas', 'distributed', 'pandera', 'scipy') if m in sys.modules)); "
            "sys.exit(rc)")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert lines[0] == "term,count,documents" and "数据要素,1,1" in lines
    assert lines[-1] == "[]", lines[-1]


def test_an_unknown_topic_still_lists_every_topic():
    proc = subprocess.run([sys.executable, "-m", "nqpf", "nosuch"], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 2 and "invalid choice" in proc.stderr and "findings" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_a_missing_optional_package_is_one_line_naming_the_extra(tmp_path):
    # `pip install .` without the text extra has no rjieba: the command says which extra to install, no traceback.
    (tmp_path / "a.txt").write_text("数据要素。\n", encoding="utf-8")
    code = ("import sys; sys.modules['rjieba'] = None; from nqpf.cli import main; "
            f"sys.exit(main(['corpus', 'frequencies', '--input', {str(tmp_path)!r}, '--scheduler', 'sync']))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.strip() == ("nqpf: error: this command needs rjieba, which is not installed: "
                                   "pip install 'nqpf[text]'")
