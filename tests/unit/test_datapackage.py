"""data/ as a Frictionless Data Package: generated from the manifests, validated by the standard tool, and a
corrupted file fails it."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from nqpf.render import datapackage
from tests.helpers import ROOT

FRICTIONLESS = Path(sys.executable).parent / "frictionless"  # the frictionless of the interpreter running the tests


def validate(folder):
    exe = str(FRICTIONLESS) if FRICTIONLESS.exists() else shutil.which("frictionless")
    return subprocess.run([exe, "validate", "datapackage.json"], cwd=folder, capture_output=True, text=True,
                          timeout=600)


def test_descriptor_is_generated_from_the_manifests():
    # One source of truth: the committed descriptor is exactly what the manifests give (`make datapackage`).
    assert json.loads(datapackage.DESCRIPTOR.read_text(encoding="utf-8")) == json.loads(datapackage.dumps())


def test_manifest_rules_become_table_schema_constraints():
    res = {r["name"]: r for r in datapackage.package()["resources"]}
    rd = res["raw-cn_rd_intensity"]
    # data/raw/cn_rd_intensity.csv.yml: value is a number from 0 to 100, the key is year, unit one allowed value.
    fields = {f["name"]: f for f in rd["schema"]["fields"]}
    assert fields["value"]["constraints"] == {"required": True, "minimum": 0, "maximum": 100}
    assert fields["unit"]["constraints"]["enum"] == ["percent of GDP"]
    assert rd["schema"]["primaryKey"] == ["year"]
    assert rd["hash"] == "sha256:" + hashlib.sha256((ROOT / "data/raw/cn_rd_intensity.csv").read_bytes()).hexdigest()


def test_frictionless_validates_the_data():
    proc = validate(ROOT / "data")
    assert proc.returncode == 0, proc.stdout[-3000:]


def test_a_corrupted_file_fails_validation(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder, ignore=shutil.ignore_patterns("corpus", "editions"))
    desc = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    desc["resources"] = [r for r in desc["resources"] if r["name"] == "raw-cn_rd_intensity"]
    path = folder / "raw" / "cn_rd_intensity.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    year, value, rest = lines[1].split(",", 2)
    lines[1] = f"{year},150,{rest}"  # an intensity of 150 % of GDP breaks the manifest's maximum of 100
    path.write_text("".join(lines), encoding="utf-8")
    # Even with the hash brought up to date, the Table Schema constraint catches the value.
    desc["resources"][0]["hash"] = "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
    (folder / "datapackage.json").write_text(json.dumps(desc, ensure_ascii=False), encoding="utf-8")
    proc = validate(folder)
    assert proc.returncode != 0
    assert "constraint" in proc.stdout.lower() and "150" in proc.stdout


def test_zip_has_the_descriptor_at_its_root_csv_with_bom_and_a_bilingual_readme(tmp_path):
    dest = datapackage.zip_package(tmp_path / "nqpf-data.zip")
    with zipfile.ZipFile(dest) as zf:
        names = set(zf.namelist())
        assert {"datapackage.json", "README.txt", "raw/pwt110_selected.csv"} <= names
        assert zf.read("raw/pwt110_selected.csv").startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 with a BOM
        readme = zf.read("README.txt").decode("utf-8")
        assert "数据包" in readme and "Data Package" in readme and "raw/pwt110_selected.csv" in readme
        zf.extractall(tmp_path / "x")
    assert validate(tmp_path / "x").returncode == 0
