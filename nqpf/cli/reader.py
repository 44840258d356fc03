"""Reader paths: the pages as .ipynb notebooks (for `make notebooks`, Binder) and the data catalogue."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from nqpf.cli import add_actions, add_format
from nqpf.render import datacat, datapackage, editions, notebooks, release


def _notebooks(args):
    rows = notebooks.write_all(Path(args.out), toc=args.toc, run=args.execute, repo_url=args.repo_url,
                               pages=args.pages or None)
    return pd.DataFrame(rows)


def _catalogue(args):
    return datacat.catalogue_with_usage()


def _edition(args):
    path = editions.write_edition(args.version, Path(args.build))
    return {"version": args.version, "file": str(path.relative_to(Path.cwd())) if path.is_relative_to(Path.cwd())
            else str(path), "values": len(editions.load_edition(args.version))}


def _changes(args):
    table = editions.changes(Path(args.build), args.since)
    if args.unexplained:
        table = editions.unexplained(table)
    return table


def _datapackage(args):
    out = {"descriptor": str(datapackage.write())} if args.write else {}
    if args.zip:
        out["zip"] = str(datapackage.zip_package(Path(args.zip)))
    if not out:
        return json.loads(datapackage.dumps())
    return out


def _release(args):
    if args.set_version:
        release.changelog_entry(args.version)  # refuse before touching any file
        return release.set_version(args.version, args.date)
    dest = release.assemble(args.version, Path(args.build), Path(args.dest) if args.dest else None)
    return {"version": args.version, "folder": str(dest),
            "files": sorted(p.relative_to(dest).as_posix() for p in dest.rglob("*") if p.is_file())}


def register(sub):
    actions = add_actions(sub.add_parser("book", help="the book for readers: notebooks and the data catalogue"))
    p = actions.add_parser("notebooks", help="write the book's chapters as .ipynb notebooks (optionally executed)")
    p.add_argument("pages", nargs="*", help="docnames such as book/intro (default: every chapter in the toc)")
    p.add_argument("--out", default="_build/notebooks", help="folder for <docname>.ipynb (default: %(default)s)")
    p.add_argument("--toc", default=None, help="table of contents (default: _toc.yml)")
    p.add_argument("--execute", action="store_true", help="run every cell (as `make notebooks` does)")
    p.add_argument("--repo-url", default="", help="add a Colab set-up cell that clones this repository")
    add_format(p)
    p.set_defaults(func=_notebooks)
    p = actions.add_parser("catalogue", help="every data file with source, licence, sha256 and the chapters using it")
    add_format(p)
    p.set_defaults(func=_catalogue)
    p = actions.add_parser("edition", help="record a build's glued values as a released edition (data/editions/)")
    p.add_argument("--version", required=True, help="the edition's version, MAJOR.MINOR.PATCH (as in CITATION.cff)")
    p.add_argument("--build", default=".", help="the build folder holding _build/jupyter_execute (default: .)")
    add_format(p)
    p.set_defaults(func=_edition)
    p = actions.add_parser("changes", help="glued values that differ from the latest recorded edition, with reasons")
    p.add_argument("--build", default=".", help="the build folder holding _build/jupyter_execute (default: .)")
    p.add_argument("--since", default=None, help="the edition to compare with (default: the latest)")
    p.add_argument("--unexplained", action="store_true", help="only changed values with no recorded reason")
    add_format(p, default="csv")
    p.set_defaults(func=_changes)
    p = actions.add_parser("datapackage", help="data/ as a Frictionless Data Package (descriptor from the manifests)")
    p.add_argument("--write", action="store_true", help="write data/datapackage.json")
    p.add_argument("--zip", metavar="FILE", help="write the zip readers download (CSV with a BOM, bilingual README)")
    add_format(p)
    p.set_defaults(func=_datapackage)

    p = actions.add_parser("release", help="set the release version everywhere, or assemble the release folder")
    p.add_argument("--version", required=True, help="MAJOR.MINOR.PATCH; CHANGELOG.md must have its entry")
    p.add_argument("--set-version", action="store_true", help="only write the version and date (CITATION.cff, "
                   "pyproject.toml)")
    p.add_argument("--date", default=None, help="release date YYYY-MM-DD (default: today)")
    p.add_argument("--build", default=".", help="the build folder holding _build/ (default: .)")
    p.add_argument("--dest", default=None, help="release folder (default: _build/release/VERSION)")
    add_format(p)
    p.set_defaults(func=_release)
