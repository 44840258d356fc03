"""The book's data as a Frictionless Data Package (``data/datapackage.json``), generated from the manifests.

The manifests beside each data file (``<file>.yml``: title, source, licence, sha256, schema) stay the one source
of truth; :func:`package` translates them into a Data Package descriptor with a Table Schema per table, so
``frictionless validate data/datapackage.json`` checks every file's hash, types and constraints with a standard
tool, and data tools that never open the book can read the data. ``make datapackage`` writes the descriptor;
a unit test fails when it is out of date with the manifests.

>>> field({"name": "year", "type": "integer", "min": 1950, "max": 2035})
{'name': 'year', 'type': 'integer', 'constraints': {'required': True, 'minimum': 1950, 'maximum': 2035}}
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import zipfile
from pathlib import Path

import yaml

from nqpf.core import data
from nqpf.core.paths import DATA, ROOT, USERDICT

__all__ = ["DESCRIPTOR", "field", "schema", "resource", "package", "write", "dumps", "zip_package", "README_ZIP"]

DESCRIPTOR = DATA / "datapackage.json"
PROJECT_LICENCE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
                   "path": "https://creativecommons.org/licenses/by/4.0/"}
_CC_BY = re.compile(r"CC[ -]BY[ -]4\.0", re.I)
_MIT = re.compile(r"\bMIT\b")


def field(col: dict) -> dict:
    """One manifest column as a Table Schema field (type, required, minimum/maximum, enum, pattern)."""
    out = {"name": col["name"], "type": col["type"]}
    if col.get("description"):
        out["description"] = col["description"]
    cons = {}
    if not col.get("nullable", False):
        cons["required"] = True
    for key, name in (("min", "minimum"), ("max", "maximum"), ("allowed", "enum"), ("pattern", "pattern")):
        if key in col:
            cons[name] = col[key]
    if "pattern" in cons:  # Table Schema patterns match the whole value: the manifests' anchors are implied
        cons["pattern"] = cons["pattern"].removeprefix("^").removesuffix("$")
    if cons:
        out["constraints"] = cons
    return out


def schema(meta: dict) -> dict:
    spec = meta["schema"]
    out = {"fields": [field(c) for c in spec["columns"]]}
    if spec.get("primary_key"):
        out["primaryKey"] = list(spec["primary_key"])
    out["missingValues"] = [""]
    return out


def _licences(text: str) -> list[dict]:
    found = []
    if _CC_BY.search(text):
        found.append(dict(PROJECT_LICENCE))
    if _MIT.search(text):
        found.append({"name": "MIT", "title": "MIT License", "path": "https://opensource.org/license/mit"})
    if not found:  # official statistics and documents quoted with attribution (the manifest's words)
        found.append({"name": "other-at", "title": " ".join(text.split())})
    return found


def _source(meta: dict) -> list[dict]:
    src = meta["source"]
    if not isinstance(src, dict):
        return [{"title": str(src)}]
    title = "；".join(str(src[k]) for k in ("publisher", "document") if src.get(k))
    out = {"title": " ".join(title.split())}
    if src.get("via"):
        out["description"] = " ".join(str(src["via"]).split())
    return [out]


def _name(path: Path) -> str:
    return re.sub(r"[^a-z0-9._-]+", "-", path.relative_to(DATA).with_suffix("").as_posix().lower()).strip("-")


def resource(path: Path) -> dict:
    """A data file and its manifest as one tabular resource."""
    meta = data.read_manifest(path)
    return {
        "name": _name(path),
        "path": path.relative_to(DATA).as_posix(),
        "type": "table",
        "title": meta["title"],
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "hash": f"sha256:{meta['sha256']}",
        "sources": _source(meta),
        "licenses": _licences(str(meta["licence"])),
        "schema": schema(meta),
    }


def _userdict() -> dict:
    return {"name": "lexicon-userdict", "path": USERDICT.relative_to(DATA).as_posix(), "type": "file",
            "title": "jieba 用户词典（新质生产力术语）", "format": "txt", "mediatype": "text/plain",
            "encoding": "utf-8", "hash": f"sha256:{data.sha256(USERDICT)}",
            "licenses": [dict(PROJECT_LICENCE)]}


def _version() -> str:
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    return str(cff["version"])


def package() -> dict:
    """The descriptor: every file under data/raw, derived, labels, lexicon and the corpus manifest."""
    resources = [resource(p) for p in data.data_files()] + [_userdict()]
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "nqpf-book-data",
        "title": "《新质生产力》研究文集的数据（data of the research compendium on new quality productive forces）",
        "description": "本书各章使用的全部数据文件：来源、许可、sha256 与表结构。All data files the book uses, with "
                       "source, licence, sha256 and a Table Schema each; generated from the manifests (<file>.yml).",
        "version": _version(),
        "licenses": [dict(PROJECT_LICENCE)],
        "resources": resources,
    }


def dumps(descriptor: dict | None = None) -> str:
    return json.dumps(descriptor or package(), ensure_ascii=False, indent=2) + "\n"


def write(path: Path = DESCRIPTOR) -> Path:
    path.write_text(dumps(), encoding="utf-8")
    return path


README_ZIP = """《新质生产力》研究文集：数据包
Data package of the research compendium on new quality productive forces

本压缩包是一个 Frictionless 数据包（Data Package）：根目录的 datapackage.json 说明每个文件的标题、来源、许可、
sha256 和表结构（字段类型、单位、约束）。CSV 文件为 UTF-8 编码并带 BOM，可直接用 Excel 或 R（readr::read_csv）打开；
用 `frictionless validate datapackage.json` 可以校验全部文件。

This zip is a Frictionless Data Package: datapackage.json at its root describes every file (title, source,
licence, sha256, Table Schema). CSV files are UTF-8 with a byte-order mark, so Excel and R open them directly;
`frictionless validate datapackage.json` checks them all.

文件 / Files:
"""


def _with_bom(raw: bytes) -> bytes:
    return raw if raw.startswith(b"\xef\xbb\xbf") else b"\xef\xbb\xbf" + raw


def zip_package(dest: Path) -> Path:
    """``nqpf-data.zip``: datapackage.json at the root, the CSVs with a BOM (hashes and encoding updated to match),
    the user dictionary, and a README in Chinese and English listing every file."""
    desc = package()
    dest.parent.mkdir(parents=True, exist_ok=True)
    lines = []
    with zipfile.ZipFile(dest, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for res in desc["resources"]:
            raw = (DATA / res["path"]).read_bytes()
            if res["format"] == "csv":
                raw = _with_bom(raw)
                res["encoding"] = "utf-8-sig"
                res["hash"] = "sha256:" + hashlib.sha256(raw).hexdigest()
                rows = sum(1 for _ in csv.reader(io.StringIO(raw.decode("utf-8-sig")))) - 1
                lines.append(f"- {res['path']} — {res['title']}（{rows} 行 / rows）")
            else:
                lines.append(f"- {res['path']} — {res['title']}")
            zf.writestr(res["path"], raw)
        zf.writestr("datapackage.json", dumps(desc))
        zf.writestr("README.txt", README_ZIP + "\n".join(lines) + "\n")
    return dest
