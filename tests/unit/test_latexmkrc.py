"""nqpf/sphinx/latexmkrc, as latexmk (Perl) reads it: the PDF made once from .xdv, and the one .aux line that
may change without a new pass is the kernel's page count. The .aux lines below are the book's (its first pass, without
the contents, counts 319 pages, the second 322), the last two of the kind hyperref and the kernel also write."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.helpers import ROOT

RC = ROOT / "nqpf" / "sphinx" / "latexmkrc"

pytestmark = pytest.mark.skipif(shutil.which("perl") is None, reason="latexmk's Perl is not installed")


def perl(code: str, lines: list[str] = ()) -> str:
    """Run Perl `code` on each input line after reading the rc file as latexmk does (`do FILE`)."""
    load = f'BEGIN {{ do "{RC}"; die $@ if $@ }} '
    return subprocess.run(["perl", "-ne" if lines else "-e", load + code], input="".join(f"{x}\n" for x in lines),
                          capture_output=True, text=True, check=True).stdout


def test_pdf_mode_is_xelatex_to_xdv_then_xdvipdfmx():
    assert perl("print $pdf_mode") == "5"  # latexmk's documented mode 5: xelatex -no-pdf, then xdvipdfmx once


def test_only_the_kernel_page_count_is_ignored_in_the_aux():
    lines = [
        r"\gdef \@abspage@last{319}",  # as the kernel writes it (\string\gdef then a space)
        r"\gdef\@abspage@last{322}",
        r"\newlabel{book/tfp:tfp}{{三}{28}{全要素生产率与增长核算}{chapter.3}{}}",
        r"\@writefile{toc}{\contentsline {chapter}{\numberline {第三章\hspace  {.3em}}全要素生产率与增长核算}{28}"
        r"{chapter.3}\protected@file@percent }",
        r"\gdef \@abspage@lastpage{1}",  # another macro with the same start is not the page count
        r"\HyPL@Entry{5<</S/D>>}",
    ]
    ignored = perl('print(/$hash_calc_ignore_pattern{"aux"}/ ? "yes " : "no ")', lines)
    assert ignored.split() == ["yes", "yes", "no", "no", "no", "no"]
