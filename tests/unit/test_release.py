"""A release: one version written everywhere it is stated, a changelog entry required, checksums sha256sum accepts."""

from __future__ import annotations

import subprocess

import pytest
import yaml

from nqpf.core.errors import UsageError
from nqpf.render import release
from tests.helpers import ROOT


def test_set_version_writes_cff_and_pyproject(tmp_path):
    cff, py = tmp_path / "CITATION.cff", tmp_path / "pyproject.toml"
    cff.write_text((ROOT / "CITATION.cff").read_text(encoding="utf-8"), encoding="utf-8")
    py.write_text((ROOT / "pyproject.toml").read_text(encoding="utf-8"), encoding="utf-8")
    release.set_version("0.2.0", "2027-01-15", cff=cff, pyproject=py)
    meta = yaml.safe_load(cff.read_text(encoding="utf-8"))
    assert (meta["version"], meta["date-released"]) == ("0.2.0", "2027-01-15")
    assert (meta["preferred-citation"]["version"], meta["preferred-citation"]["year"]) == ("0.2.0", 2027)
    assert 'version = "0.2.0"' in py.read_text(encoding="utf-8")
    with pytest.raises(UsageError):
        release.set_version("v2", cff=cff, pyproject=py)


def test_a_release_needs_its_changelog_entry(tmp_path):
    log = tmp_path / "CHANGELOG.md"
    log.write_text("# 更新日志\n\n## [0.2.0]\n\n- 新增 EPUB。\n\n## [0.1.0] — 2026-12-02\n\n第一版。\n",
                   encoding="utf-8")
    assert release.changelog_entry("0.2.0", log) == "- 新增 EPUB。"
    with pytest.raises(UsageError, match="no entry"):
        release.changelog_entry("0.3.0", log)


def test_sha256sums_are_accepted_by_sha256sum(tmp_path):
    (tmp_path / "a.txt").write_text("新质生产力\n", encoding="utf-8")
    (tmp_path / "chapters").mkdir()
    (tmp_path / "chapters" / "tfp.pdf").write_bytes(b"%PDF-1.5 fake")
    (tmp_path / "SHA256SUMS").write_text(release.sha256sums(tmp_path), encoding="utf-8")
    ok = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=tmp_path, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    (tmp_path / "a.txt").write_text("改过\n", encoding="utf-8")
    assert subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=tmp_path, capture_output=True).returncode != 0


def test_the_changelog_has_an_entry_for_the_cited_version():
    meta = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert release.changelog_entry(str(meta["version"]))
