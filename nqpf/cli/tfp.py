"""Growth-accounting subcommands (chapter 全要素生产率与增长核算, book/tfp.md).

    python -m nqpf tfp decompose --country CHN --start 1978 --end 2012 [--alpha 0.4] [--capital rnna|rkna]
                                 [--hours] [--vintage 11.0|10.01] [--compound] [--format json|csv]
    python -m nqpf tfp robustness [--start 2013 --end 2019] [--format json|csv]
    python -m nqpf tfp annual | grid | compare | published | periods | levels | index | check

Periods are named by their first and last growth years (--start 2013 --end 2019: the growth of 2013…2019 from
the base 2012), as everywhere in the book (nqpf.core.periods).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from nqpf.analysis import tfp
from nqpf.cli import add_actions, add_format
from nqpf.core import periods
from nqpf.core.errors import UsageError


def _alpha(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise UsageError(f"--alpha must be a number between 0 and 1, not '{text}'") from None
    if not 0 < value < 1:
        raise UsageError(f"--alpha must lie strictly between 0 and 1, not {text}")
    return value


def _period(text: str) -> tuple[int, int]:
    p = periods.parse(text)
    return p.first, p.last


def _spec(args) -> dict:
    return {"alpha": args.alpha, "capital": args.capital, "hours": args.hours}


def _decompose(args):
    panel = tfp.pwt(args.vintage)
    return tfp.decompose(panel, args.country.upper(), args.start, args.end, compound=args.compound,
                         vintage=args.vintage, **_spec(args))


def _annual(args):
    out = tfp.annual(tfp.pwt(args.vintage), args.country.upper(), **_spec(args)).reset_index()
    if args.start is not None or args.end is not None:
        lo, hi = args.start or out["year"].min(), args.end or out["year"].max()
        out = out[(out["year"] >= lo) & (out["year"] <= hi)]
    return out


def _grid(args):
    if not 0 < args.alpha_min <= args.alpha_max < 1 or args.step <= 0:
        raise UsageError("the α range needs 0 < --alpha-min <= --alpha-max < 1 and --step > 0")
    alphas = np.round(np.arange(args.alpha_min, args.alpha_max + args.step / 2, args.step), 4)
    periods = [_period(p) for p in args.periods]
    return tfp.alpha_grid(tfp.pwt(args.vintage), periods, alphas, args.country.upper(), capital=args.capital,
                          hours=args.hours)


def _compare(args):
    countries = [c.strip().upper() for c in args.countries.split(",") if c.strip()]
    return tfp.compare(tfp.pwt(args.vintage), countries, args.start, args.end, compound=args.compound,
                       **_spec(args))


def _published(args):
    panel = tfp.pwt(args.vintage)
    if args.which == "seeds":
        return tfp.seed_comparison(panel, tfp.seed_table(), compound=not args.log)
    return tfp.bc_comparison(panel, tfp.bc_table())


def _countries(args, panel) -> list[str]:
    """The --countries codes, upper-cased; a UsageError naming any the panel lacks."""
    countries = [c.strip().upper() for c in args.countries.split(",") if c.strip()]
    unknown = sorted(set(countries) - set(panel["countrycode"]))
    if unknown:
        known = ", ".join(sorted(panel["countrycode"].unique()))
        raise UsageError(f"unknown country {', '.join(unknown)} (known: {known})")
    return countries


def _levels(args):
    panel = tfp.pwt(args.vintage)
    if args.column not in panel.columns:
        raise UsageError(f"unknown PWT column '{args.column}'")
    return tfp.levels(panel, _countries(args, panel), args.column).reset_index()


def _index(args):
    panel = tfp.pwt(args.vintage)
    return tfp.tfp_index(panel, _countries(args, panel), args.base).reset_index()


def _robustness(args):
    if args.start is not None and args.end is not None and args.start > args.end:
        raise UsageError(f"--start {args.start} is after --end {args.end}")
    out = tfp.robustness(args.start, args.end, args.country.upper())
    if out["tfp"].isna().all():
        raise UsageError(f"no PWT vintage covers {args.start}-{args.end} (PWT 11.0 ends in "
                         f"{int(tfp.pwt('11.0')['year'].max())})")
    return out


def _check(args):
    rows = []
    for vintage in tfp.VINTAGES:
        panel = tfp.pwt(vintage)
        for c in sorted(panel["countrycode"].unique()):
            d = tfp.pwt_tfp_check(panel, c)
            rows.append({"vintage": vintage, "country": c, "years": len(d),
                         "max_abs_difference": float(d["difference"].abs().max())})
    return pd.DataFrame(rows)


def _common(p, period=True, spec=True):
    p.add_argument("--country", default="CHN", help="ISO code: CHN, USA, JPN, KOR, DEU, IND")
    p.add_argument("--vintage", choices=list(tfp.VINTAGES), default="11.0", help="Penn World Table version")
    if period:
        p.add_argument("--start", type=int, default=1978,
                       help="first growth year (the base is the year before): 2013 with --end 2019 is 2013-2019")
        p.add_argument("--end", type=int, default=2012, help="last growth year")
    if spec:
        p.add_argument("--alpha", type=_alpha, default=None, help="fixed capital share (default 1 - labsh)")
        p.add_argument("--capital", choices=list(tfp.CAPITAL), default="rnna",
                       help="rnna: capital stock; rkna: capital services")
        p.add_argument("--hours", action="store_true", help="labour in hours (emp * avh)")


def register(sub):
    actions = add_actions(sub.add_parser("tfp", help="growth accounting with the Penn World Table (book/tfp.md)"))
    p = actions.add_parser("decompose", help="contributions of capital, labour, human capital and TFP to growth")
    _common(p)
    p.add_argument("--compound", action="store_true", help="compound annual rates (contributions rescaled)")
    add_format(p)
    p.set_defaults(func=_decompose)

    p = actions.add_parser("robustness", help="TFP contribution and share under every specification: capital "
                           "rnna/rkna x labour heads/hours x alpha 1-labsh, 0.3, 0.4, 0.5 x PWT 11.0/10.01")
    p.add_argument("--country", default="CHN", help="ISO code: CHN, USA, JPN, KOR, DEU, IND")
    p.add_argument("--start", type=int, default=None,
                   help="first growth year (base the year before); without --start/--end: 1979-2012, "
                        "2013-2019 and 2013-2023")
    p.add_argument("--end", type=int, default=None, help="last growth year")
    add_format(p)
    p.set_defaults(func=_robustness)

    p = actions.add_parser("annual", help="yearly contributions (percentage points)")
    _common(p)
    p.set_defaults(start=None, end=None, func=_annual)
    add_format(p, "csv")

    p = actions.add_parser("grid", help="TFP contribution for a grid of fixed α and several periods")
    _common(p, period=False, spec=False)
    p.add_argument("--capital", choices=list(tfp.CAPITAL), default="rnna")
    p.add_argument("--hours", action="store_true")
    p.add_argument("--alpha-min", type=_alpha, default=0.3)
    p.add_argument("--alpha-max", type=_alpha, default=0.6)
    p.add_argument("--step", type=float, default=0.05)
    p.add_argument("--periods", nargs="+", default=["1978-2012", "2013-2019", "1978-2020", "2013-2023"],
                   help="FIRST-LAST growth years, e.g. 2013-2019 (base 2012)")
    add_format(p, "csv")
    p.set_defaults(func=_grid)

    p = actions.add_parser("compare", help="the same decomposition for several countries")
    _common(p)
    p.add_argument("--countries", default="CHN,USA,JPN,KOR,DEU,IND")
    p.add_argument("--compound", action="store_true")
    add_format(p, "csv")
    p.set_defaults(func=_compare)

    p = actions.add_parser("published", help="published decompositions beside the recomputation")
    p.add_argument("which", choices=["seeds", "bosworth-collins"])
    p.add_argument("--vintage", choices=list(tfp.VINTAGES), default="11.0")
    p.add_argument("--log", action="store_true", help="seeds: log rates instead of compound rates")
    add_format(p, "csv")
    p.set_defaults(func=_published)

    p = actions.add_parser("periods", help="how each published period is read: first and last growth year, base")
    add_format(p, "csv")
    p.set_defaults(func=lambda args: tfp.period_readings())

    p = actions.add_parser("index", help="change over time: rtfpna rebased to 1 in --base, by year and country")
    p.add_argument("--countries", default="CHN,USA,JPN,KOR,DEU,IND")
    p.add_argument("--base", type=int, default=1978)
    p.add_argument("--vintage", choices=list(tfp.VINTAGES), default="11.0")
    add_format(p, "csv")
    p.set_defaults(func=_index)

    p = actions.add_parser("levels", help="levels: a PWT column (default ctfp, USA = 1 in each year) by year")
    p.add_argument("--countries", default="CHN,USA,JPN,KOR,DEU,IND")
    p.add_argument("--column", default="ctfp")
    p.add_argument("--vintage", choices=list(tfp.VINTAGES), default="11.0")
    add_format(p, "csv")
    p.set_defaults(func=_levels)

    p = actions.add_parser("check", help="PWT's method rebuilt: our residual against the growth of rtfpna")
    add_format(p, "csv")
    p.set_defaults(func=_check)

    p = actions.add_parser("facts", help="every value the chapter prints (book/tfp.md glues exactly these)")
    add_format(p)
    p.set_defaults(func=lambda args: tfp.facts())
