"""`python -m nqpf world ACTION`: the international comparison (book/world.md) and the standard GDP series.

    python -m nqpf world compare --indicator GB.XPD.RSDV.GD.ZS --year 2023 --format csv   # countrycode, country, value
    python -m nqpf world catchup --indicator GB.XPD.RSDV.GD.ZS --format csv
    python -m nqpf world china-gdp --format csv      # year, value, unit, vintage (value in 亿元)
    python -m nqpf world catchup-scope --format csv  # which indicators catch-up timing covers, and why not the others
    python -m nqpf world hours                       # labour productivity per person and per hour (PWT 11.0)
    python -m nqpf world oecd                        # which "OECD average" NBS's 2025 statement compares with
"""

from __future__ import annotations

from nqpf.analysis import world
from nqpf.cli import add_format
from nqpf.core.errors import UsageError

ACTIONS = {
    "compare": "one indicator in one year across economies (--indicator, --year; default China's latest year)",
    "catchup": "first year Korea, Japan, Germany reached China's latest value (--indicator; --countries)",
    "china-gdp": "the book's standard nominal GDP series for China (亿元, WDI = NBS latest vintage)",
    "indicators": "every indicator code with its group, Chinese label, unit, direction and definition",
    "latest": "the headline indicators in China's latest year, ten economies (--indicator for others)",
    "coverage": "what WDI reports: China's first and last year per indicator, economies missing",
    "catchup-all": "catch-up timing for every indicator the scope rule includes",
    "catchup-scope": "which indicators catch-up timing covers and why each other one is left out (the rule)",
    "hours": "labour productivity relative to the US per person and per hour worked (PWT 11.0 avh; growth years "
             "--from, --to; defaults 2014, 2023)",
    "oecd": "why NBS's 2.8 % (2025) 'first exceeded the OECD average' while WDI's OECD aggregate is higher",
    "lp-gap": "GDP per person employed relative to the US and how fast the gap closes (--country; growth years "
              "--from, --to; base = the year before --from)",
    "pwt": "PWT 11.0 beside WDI: labour productivity relative to the US, ctfp level, rtfpna change over the growth "
           "years --from..--year (defaults 2014, 2023)",
    "gdp-check": "WDI's yuan GDP beside NBS first releases, the gap and why",
    "rd-revision": "R&D intensity on first-release and on revised GDP, NBS and WDI figures",
    "digital-revision": "digital economy share of GDP on first-release and on revised GDP",
    "scatter": "R&D intensity and GDP per person employed, every year both exist, ten economies",
}


def _run(args):
    a = args.action
    countries = args.countries
    if a in ("compare", "catchup") and not args.indicator:
        raise UsageError(f"{a} needs --indicator CODE (see `python -m nqpf world indicators`)")
    if a == "compare":
        year = args.year
        if year is None:  # China's latest year on that indicator
            year = int(world.latest_table([world.check_code(args.indicator)])["year"].iloc[0])
        return world.compare(args.indicator, year, countries)
    if a == "catchup":
        return world.catchup(args.indicator, countries or world.LEADERS)
    if a == "china-gdp":
        return world.china_gdp().round({"value": 1})
    if a == "indicators":
        return world.indicators()
    if a == "latest":
        codes = [world.check_code(args.indicator)] if args.indicator else world.HEADLINE
        return world.latest_table(codes, countries or world.ECONOMIES)
    if a == "coverage":
        return world.coverage()
    if a == "catchup-all":
        return world.catchup_all(leaders=countries or world.LEADERS)
    if a == "catchup-scope":
        return world.scope()
    if a == "hours":
        return world.hours_gap(args.country, args.start or 2014, args.end or 2023)
    if a == "oecd":
        return world.oecd_reconcile()
    if a == "lp-gap":
        return world.productivity_gap(args.country, args.start, args.end)
    if a == "pwt":
        return world.pwt_levels(args.year or 2023, args.start or 2014)
    if a == "gdp-check":
        return world.gdp_check()
    if a == "rd-revision":
        return world.rd_revision()
    if a == "digital-revision":
        return world.digital_revision()
    if a == "scatter":
        return world.scatter_data(countries or world.ECONOMIES)
    raise UsageError(f"unknown action {a}")  # argparse's choices make this unreachable


def register(sub):
    p = sub.add_parser("world", help="international comparison (WDI) and the standard GDP series",
                       description="; ".join(f"{k}: {v}" for k, v in ACTIONS.items()))
    p.add_argument("action", choices=list(ACTIONS))
    p.add_argument("--indicator", metavar="CODE", help="a WDI code or a derived NQPF.* code")
    p.add_argument("--year", type=int, help="for compare: the year; for pwt: the last year (default 2023)")
    p.add_argument("--countries", nargs="+", metavar="ISO3", help="economies (default: all ten, or KOR JPN DEU)")
    p.add_argument("--country", default="CHN", metavar="ISO3", help="for lp-gap (default CHN)")
    p.add_argument("--from", dest="start", type=int, help="first growth year (its base is the year before)")
    p.add_argument("--to", dest="end", type=int, help="last growth year")
    add_format(p)
    p.set_defaults(func=_run)
