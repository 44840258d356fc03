"""`python -m nqpf digital ACTION`: the digital-economy chapter's figures (book/digital.md)."""

from __future__ import annotations

from nqpf.analysis import digital, digital_facts
from nqpf.cli import add_format, add_percentages
from nqpf.core.errors import UsageError
from nqpf.core.growth import cagr, period_growth

ACTIONS = {
    "summary": "the chapter's key figures (default)",
    "facts": "every number the chapter prints, by glue name, as printed (JSON)",
    "panel": "CAICT scale and share by year, share recomputed on the standard GDP series, nominal growth against GDP",
    "compare": "2023: seed 000's 56.1 beside CAICT's 53.9 trillion yuan",
    "cagr": "CAGR over growth years --from..--to (base: the year before --from; --series) "
            "or of two levels (--levels V0 V1 --years N)",
    "target": "core industries 7.8 %% -> 10 %% of GDP: required growth under nominal GDP scenarios (--gdp-growth)",
    "core": "the core industries' share of GDP as published for 2020 and 2023-2025, with its GDP vintage",
    "compute": "compute-industry index paths at constant growth rates (--rates, --from, --to)",
    "hubs": "the 8 national compute hub nodes of 东数西算",
    "seeds": "the seeds' figures with seed:line and flags",
    "cooccurrence": "sentences of each seed naming 数据, 算力, 算法 and their pairs (--places: where all three meet)",
}
SERIES = {"caict": digital.SCALE, "gdp": digital.GDP, "caict-share": digital.SHARE}


def _run(args):
    a = args.action
    if a == "summary":
        return digital.summary()
    if a == "facts":
        return digital_facts.facts()
    if a == "panel":
        return digital.panel().round(4)
    if a == "compare":
        return digital.compare_2023().round(4)
    if a == "cagr":
        if args.levels is not None:
            if args.years is None:
                raise UsageError("--levels needs --years")
            v0, v1 = args.levels
            return {"from": v0, "to": v1, "years": args.years, "cagr_percent": cagr(v0, v1, args.years)}
        if args.start is None or args.end is None:
            raise UsageError("cagr needs --from and --to (years), or --levels V0 V1 --years N")
        name = SERIES[args.series]
        return {"series": name, "from": args.start, "to": args.end,
                "cagr_percent": period_growth(digital.series(name), args.start, args.end, name=name)}
    if a == "target":
        return digital.target_scenarios(args.gdp_growth or digital.GDP_SCENARIOS).round(4)
    if a == "core":
        return digital.core_outcomes()
    if a == "compute":
        return digital.compute_paths(args.rates or digital.COMPUTE_RATES, args.start or 2017, args.end or 2025).round(4)
    if a == "hubs":
        return digital.hubs()
    if a == "seeds":
        return digital.seed_figures()
    if a == "cooccurrence":
        return digital.cooccurrence_places() if args.places else digital.cooccurrence()
    raise UsageError(f"unknown action {a}")  # argparse's choices make this unreachable


def register(sub):
    p = sub.add_parser("digital", help="digital economy: growth, shares, the 2025 target, compute, 数据/算力/算法",
                       description="; ".join(f"{k}: {v}" for k, v in ACTIONS.items()))
    p.add_argument("action", nargs="?", default="summary", choices=list(ACTIONS))
    p.add_argument("--series", choices=list(SERIES), default="caict", help="for cagr: which series (default caict)")
    p.add_argument("--from", dest="start", type=int, help="first growth year (cagr: the base is the year before)")
    p.add_argument("--to", dest="end", type=int, help="last growth year")
    p.add_argument("--levels", type=float, nargs=2, metavar=("V0", "V1"), help="for cagr: two levels")
    p.add_argument("--years", type=float, help="for cagr --levels: years between them")
    add_percentages(p, "--gdp-growth", "for target: nominal GDP growth, %% a year (4 6 8 or 4,6,8)")
    add_percentages(p, "--rates", "for compute: growth rates, %% a year (30 40 or 30,40)")
    p.add_argument("--places", action="store_true", help="for cooccurrence: list the sentences naming all three")
    add_format(p)
    p.set_defaults(func=_run)
