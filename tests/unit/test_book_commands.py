"""Every command the book quotes (`python -m nqpf …` in a chapter) is current and parses."""

from __future__ import annotations

import re
import shlex

import pytest

from nqpf.cli import build_parser, modernise
from tests.helpers import ROOT

PLACEHOLDER = re.compile(r"[…|\u4e00-\u9fff]")
COMMAND = re.compile(r"`(?:\.venv/bin/)?python -m nqpf ([^`]*)`")


def quoted_commands() -> list[tuple[str, str]]:
    out = []
    for page in sorted((ROOT / "book").glob("*.md")):
        for m in COMMAND.finditer(page.read_text(encoding="utf-8")):
            out.append((page.name, m.group(1).strip()))
    return out


def test_the_book_quotes_commands():
    assert len(quoted_commands()) > 30


@pytest.mark.parametrize("page,command", quoted_commands())
def test_quoted_command_is_current_and_parses(page, command):
    # `[--without-beijing]`: an optional argument in usage notation; parsed with the option, so it must exist
    argv = [a[1:-1] if a.startswith("[") and a.endswith("]") else a for a in shlex.split(command)]
    schematic = [i for i, a in enumerate(argv) if PLACEHOLDER.search(a)]
    if schematic:  # `world compare --indicator 代码`: check the spelling up to the placeholder only
        argv = argv[:schematic[0]]
    new, note = modernise(argv)
    assert note is None, f"{page}: `python -m nqpf {command}` is an old spelling of `{' '.join(new)}`"
    if schematic or {"-h", "--help"} & set(argv):
        return
    build_parser().parse_args(argv)


NAME = re.compile(r"`(nqpf(?:\.[a-z_]+)+)(?:\(\))?`")


@pytest.mark.parametrize("page,dotted", [(p.name, m.group(1)) for p in sorted((ROOT / "book").glob("*.md"))
                                         for m in NAME.finditer(p.read_text(encoding="utf-8"))])
def test_named_package_objects_exist(page, dotted):
    import importlib

    parts = dotted.split(".")
    for i in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:i]))
            break
        except ImportError:
            continue
    for attr in parts[i:]:
        assert hasattr(obj, attr), f"{page}: `{dotted}` names nothing in the package"
        obj = getattr(obj, attr)
