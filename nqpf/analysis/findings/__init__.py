"""The register of the book's findings: every headline claim with its value under each declared specification
and a verdict that code decides, never a hand.

A finding states a claim about one quantity (a TFP share, a rank, a correlation) and a *rule* the claim needs
(``"> 0"``, ``">= 17"``, ``"== 1"``). It is computed under at least three specifications; the verdict is
``robust`` when the rule holds under every one of them and ``depends`` otherwise, with ``flips_under`` naming the
specifications that overturn it. The sentence printed in the book is chosen by the verdict, so a claim that
depends on a choice can never be printed as if it did not.

Each topic keeps its findings in a module of this package (``findings/tfp.py``, ``findings/provinces.py`` …)
with a function ``findings() -> list[Finding]``; :func:`register` collects every such module, so adding a topic
touches no shared list.

>>> f = Finding.decide("demo", "intro", "> 0", [Spec("a", 1.2), Spec("b", 0.4), Spec("c", -0.1)],
...                    robust="x 为正。", depends="x 在多数设定下为正。")
>>> f.verdict, f.flips_under, f.statement
('depends', ['c'], 'x 在多数设定下为正。')
"""

from __future__ import annotations

import importlib
import math
import operator
import pkgutil
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache

from nqpf.core.errors import DataError, UsageError

__all__ = ["Spec", "Finding", "holds", "register", "computed", "get", "table", "label", "counts_as_robust", "MIN_SPECS"]

MIN_SPECS = 3
_OPS = {">": operator.gt, ">=": operator.ge, "<": operator.lt, "<=": operator.le, "==": operator.eq,
        "!=": operator.ne}
_RULE = re.compile(r"^\s*(>=|<=|==|!=|>|<)\s*(-?\d+(?:\.\d+)?)\s*$")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Spec:
    """One specification and the claim's quantity under it (``value`` in the finding's unit)."""

    name: str
    value: float


def holds(rule: str, value: float) -> bool:
    """Whether ``value`` satisfies ``rule`` (an operator and a number). NaN never holds.

    >>> holds("> 0", 0.3), holds(">= 17", 16.99), holds("== 1", 1.0), holds("< 0", float("nan"))
    (True, False, True, False)
    """
    m = _RULE.match(rule)
    if not m:
        raise UsageError(f"a finding's rule is an operator and a number such as '> 0', not {rule!r}")
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return False
    return bool(_OPS[m.group(1)](float(value), float(m.group(2))))


@dataclass
class Finding:
    """One claim, its evidence, and the verdict the evidence gives. Build it with :meth:`decide`."""

    id: str
    section: str            # the chapter label (MyST target) the finding comes from
    rule: str               # what the claim needs of the quantity, e.g. "> 0"
    quantity: str           # what the value measures, in Chinese, with its unit
    specifications: list[Spec]
    verdict: str            # "robust" | "depends" (computed)
    flips_under: list[str]  # specifications under which the rule fails (computed)
    statement: str          # the Chinese sentence as printed: chosen by the verdict
    note: str = ""          # what the specifications are, where the reader should look
    extra: dict = field(default_factory=dict)
    single_source: str = ""  # the source's confidence (高/中/低) when every specification reads one source

    @classmethod
    def decide(cls, id: str, section: str, rule: str, specifications, *, robust: str, depends: str,
               quantity: str = "", note: str = "", extra: dict | None = None,
               single_source: str = "") -> "Finding":
        """A finding whose verdict is computed from the specifications. ``depends`` may use ``{flips}`` (the
        specifications that overturn the claim, joined with 、) and ``{n}`` / ``{k}`` (how many specifications,
        how many hold). ``single_source``: the confidence (高/中/低) of the one source every specification reads
        (readings of one number are not independent evidence, so such a finding is never labelled 稳健)."""
        if not _ID.match(id):
            raise UsageError(f"a finding id is kebab-case, not {id!r}")
        specs = [s if isinstance(s, Spec) else Spec(*s) for s in specifications]
        if len(specs) < MIN_SPECS:
            raise DataError(f"findings:{id}", f"at least {MIN_SPECS} specifications", detail=f"{len(specs)} given")
        names = [s.name for s in specs]
        if len(set(names)) != len(names):
            raise DataError(f"findings:{id}", "specification names are unique", detail=", ".join(names))
        flips = [s.name for s in specs if not holds(rule, s.value)]
        verdict = "depends" if flips else "robust"
        text = robust if verdict == "robust" else depends
        text = text.format(flips="、".join(flips), n=len(specs), k=len(specs) - len(flips))
        return cls(id=id, section=section, rule=rule, quantity=quantity, specifications=specs,
                   verdict=verdict, flips_under=flips, statement=text, note=note, extra=extra or {},
                   single_source=single_source)

    def record(self) -> dict:
        out = asdict(self)
        out["specifications"] = [{"name": s.name, "value": s.value} for s in self.specifications]
        out["label"] = label(self)
        return out


LABEL_LISTS_AT_MOST = 4  # failing specifications a label names one by one


def label(f: Finding) -> str:
    """The robustness label printed after a finding: 稳健 only when the code says so.

    >>> label(Finding("x", "s", "> 0", "", [], "robust", [], "…"))
    '稳健（全部 0 种设定下成立）'
    >>> specs = [Spec(c, -1.0) for c in "ABCDEF"]
    >>> label(Finding("x", "s", "> 0", "", specs, "depends", list("ABCDE"), "…"))
    '取决于设定（6 种设定中 1 种成立；不成立：A、B、C等 5 种，全部见 python -m nqpf findings show x）'
    >>> label(Finding("x", "s", ">= 0", "", [Spec(c, 1.0) for c in "ABC"], "robust", [], "…", single_source="中"))
    '成立（单一来源，可信度中）'
    """
    n, flips = len(f.specifications), f.flips_under
    one = f"单一来源，可信度{f.single_source}" if f.single_source else ""
    if f.verdict == "robust":
        return f"成立（{one}）" if one else f"稳健（全部 {n} 种设定下成立）"
    if len(flips) > LABEL_LISTS_AT_MOST:  # a label is read in a sentence: the full list is one command away
        named = f"{'、'.join(flips[:3])}等 {len(flips)} 种，全部见 python -m nqpf findings show {f.id}"
    else:
        named = "、".join(flips)
    return f"取决于设定（{n} 种设定中 {n - len(flips)} 种成立；不成立：{named}{'；' + one if one else ''}）"


def counts_as_robust(f: Finding) -> bool:
    """Whether a finding counts as robust (稳健): it holds under every specification and they read more than one
    source.

    >>> specs = [Spec(c, 1.0) for c in "ABC"]
    >>> counts_as_robust(Finding("x", "s", "> 0", "", specs, "robust", [], "…")), counts_as_robust(
    ...     Finding("x", "s", "> 0", "", specs, "robust", [], "…", single_source="中"))
    (True, False)
    """
    return f.verdict == "robust" and not f.single_source


def _topic_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))


def _compute(name: str) -> tuple[Finding, ...]:
    module = importlib.import_module(f"{__name__}.{name}")
    return tuple(module.findings())


def _cached(name: str, key: str) -> tuple[tuple[Finding, ...], tuple[str, ...]]:  # key: only for the cache
    """A topic's findings and the data files their computation read (relative to the project)."""
    from nqpf.core import usage

    with usage.collected() as files:
        found = _compute(name)
    return found, tuple(files)


@lru_cache(maxsize=1)
def inputs_key() -> str:
    """Everything a finding may depend on: the package's code, the data files and the library versions. The
    introduction and each chapter read the same register; a finding is computed once per set of inputs."""
    import hashlib

    from nqpf.core.envinfo import installed
    from nqpf.core.paths import DATA, ROOT

    h = hashlib.sha256()
    files = sorted((ROOT / "nqpf").rglob("*.py")) + sorted(p for p in DATA.rglob("*") if p.is_file()
                                                           and "editions" not in p.parts)
    for p in files:
        h.update(p.relative_to(ROOT).as_posix().encode())
        h.update(p.read_bytes())
    for lib in installed(("pandas", "numpy", "scipy", "statsmodels", "pymcdm", "scikit-learn", "rjieba", "jieba",
                          "OpenCC")):
        h.update(lib.encode())
    return h.hexdigest()[:20]


@lru_cache(maxsize=None)
def _topic(name: str, credit: bool = False) -> tuple[Finding, ...]:
    from joblib import Memory

    from nqpf.core import usage
    from nqpf.core.paths import CACHE, ROOT

    cached = Memory(CACHE / "findings", verbose=0).cache(_cached)
    # Gathering findings is not using their data: the chapter presenting them (credit, see computed) is credited
    # with the files their computation read, whether it ran now or its result comes from the cache, so the data
    # catalogue does not depend on which page of a build computed them first.
    with usage.paused():
        found, files = cached(name, inputs_key())
    if credit:
        for file in files:
            usage.note(ROOT / file)
    return found


def register(topic: str | None = None) -> list[Finding]:
    """Every finding of the book (or of one topic module), in topic order, each id once."""
    names = _topic_modules() if topic is None else [topic]
    unknown = set(names) - set(_topic_modules())
    if unknown:
        raise UsageError(f"no findings module {sorted(unknown)}; modules: {', '.join(_topic_modules())}")
    out, seen = [], set()
    for name in names:
        for f in _topic(name):
            if f.id in seen:
                raise DataError(f"findings:{name}", "each finding id once", detail=f.id)
            seen.add(f.id)
            out.append(f)
    return out


def computed(topic: str) -> list[Finding]:
    """One topic's findings for the chapter that presents them: :func:`register` ``(topic)``, except that the
    data files read when they are computed are credited to the running page (the data catalogue lists them). They
    are stored in the register's cache, so the front page and the introduction, which gather every topic after
    the chapters ran (nqpf.sphinx.preexecute), read them instead of computing them again."""
    if topic not in _topic_modules():
        raise UsageError(f"no findings module {topic!r}; modules: {', '.join(_topic_modules())}")
    return list(_topic(topic, credit=True))


def get(fid: str) -> Finding:
    """One finding by id (from whichever topic module holds it). The module the id is named after is tried
    first, so one finding does not wait for, or fail with, every other topic."""
    names = _topic_modules()
    first = [n for n in names if fid.startswith(f"{n}-")]
    for name in first + [n for n in names if n not in first]:
        for f in _topic(name):
            if f.id == fid:
                return f
    raise UsageError(f"no finding {fid!r}; `python -m nqpf findings list` gives the ids")


def table(findings=None):
    """One row per finding: id, section, verdict, flips_under, statement, label, and the specification values."""
    import pandas as pd

    rows = []
    for f in findings or register():
        rows.append({"id": f.id, "section": f.section, "rule": f.rule, "verdict": f.verdict,
                     "flips_under": "; ".join(f.flips_under), "n_specifications": len(f.specifications),
                     "statement": f.statement, "label": label(f)})
    return pd.DataFrame(rows)
