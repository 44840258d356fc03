"""How `make test` hands tests to its workers (tests/conftest.py): a group of tests that read a stage of the book's
background build goes first once that stage is built, and waits while other work is left."""

from __future__ import annotations

from tests.conftest import _waits_for, next_group

QUEUE = ["tests/unit/test_a.py::t1", "tests/cli/test_b.py::t2", "tests/build/test_site.py@0",
         "tests/build/test_pdf.py@1", "tests/build/test_repro.py@2"]
WAITS = {"tests/build/test_site.py@0": ["book/html.done"], "tests/build/test_pdf.py@1": ["book/pdf.done"],
         "tests/build/test_repro.py@2": ["book/book.done", "repro/rc"]}


def test_unit_tests_go_first_while_no_stage_is_built(tmp_path):
    (tmp_path / "book").mkdir()
    assert next_group(QUEUE, WAITS, tmp_path) == "tests/unit/test_a.py::t1"


def test_a_built_stage_jumps_the_queue(tmp_path):
    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "html.done").touch()
    assert next_group(QUEUE, WAITS, tmp_path) == "tests/build/test_site.py@0"
    (tmp_path / "book" / "pdf.done").touch()
    assert next_group(QUEUE[3:], WAITS, tmp_path) == "tests/build/test_pdf.py@1"


def test_every_mark_is_needed_and_a_failed_build_counts_as_ended(tmp_path):
    (tmp_path / "book").mkdir()
    (tmp_path / "repro").mkdir()
    (tmp_path / "book" / "book.done").touch()
    assert next_group(QUEUE[4:], WAITS, tmp_path) is None  # the reproducibility run is still going: wait
    (tmp_path / "repro" / "rc").write_text("2\n")  # it failed: its test runs now and reports the log
    assert next_group(QUEUE[4:], WAITS, tmp_path) == "tests/build/test_repro.py@2"
    # The main build failed before the site was made: the site's tests run and fail at once with its log.
    other = tmp_path / "other"
    (other / "book").mkdir(parents=True)
    (other / "book" / "rc").write_text("2\n")
    assert next_group(QUEUE[2:3], WAITS, other) == "tests/build/test_site.py@0"


def test_what_a_test_waits_for_comes_from_its_fixtures():
    class Item:
        def __init__(self, *names):
            self.fixturenames = names

    assert _waits_for(Item("tmp_path")) == []
    assert _waits_for(Item("html_dir", "built_html")) == ["book/html.done"]
    assert _waits_for(Item("built_html", "built_pdf", "pdf_path")) == ["book/pdf.done"]
    assert _waits_for(Item("built_html", "built_pdf", "built_book", "repro_book")) == ["book/book.done", "repro/rc"]
