"""Numbers as written: the rounding interval of a published figure and the one formatter for numbers in prose.

A figure printed as 4.1 stands for anything in [4.05, 4.15] (:func:`half_unit`); a number the book prints in a
Chinese sentence goes through :func:`prose` (fixed point, never scientific notation, separators from 10,000 up).
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from numbers import Real

from nqpf.core.errors import DataError, UsageError

SEPARATOR_FROM = 10_000  # Chinese prose writes 9999 and 12,345: separators only from five digits up


def decimals(written: str) -> int:
    """Digits after the decimal point of a written figure ('1,234.50' -> 2).

    >>> decimals("1,234.50"), decimals("17")
    (2, 0)
    """
    written = str(written).replace(",", "")
    return len(written.split(".")[1]) if "." in written else 0


def half_unit(written: str) -> float:
    """A figure written as 4.1 stands for [4.05, 4.15]: half a unit of its last digit.

    >>> half_unit("4.1"), half_unit("1,260,582"), half_unit("0.25")
    (0.05, 0.5, 0.005)
    """
    return 0.5 * 10 ** -decimals(written)


def prose(value, digits: int = 1) -> str:
    """``value`` with ``digits`` decimals for a Chinese sentence: fixed point (never ``9.1e-06``), a thousands
    separator from 10,000 up (9999.5 but 12,345.6), an ASCII minus, no ``-0.0``. NaN, infinity and None raise
    :class:`UsageError`, so a missing number never reaches the page.

    >>> prose(9.1e-06, 7), prose(9.1e-06), prose(9999.46), prose(12345.67), prose(-1234567.0, 0)
    ('0.0000091', '0.0', '9999.5', '12,345.7', '-1,234,567')
    >>> prose(-0.04)
    '0.0'
    >>> prose(float("nan"))
    Traceback (most recent call last):
    ...
    nqpf.core.errors.UsageError: cannot write nan in prose: a missing or undefined number
    """
    if value is None or isinstance(value, bool):
        raise UsageError(f"cannot write {value!r} in prose: a missing or undefined number")
    try:
        x = float(value)
    except (TypeError, ValueError):
        raise UsageError(f"cannot write {value!r} in prose: not a number") from None
    if not math.isfinite(x):
        raise UsageError(f"cannot write {x} in prose: a missing or undefined number")
    if not (isinstance(digits, int) and digits >= 0):
        raise UsageError(f"digits must be a whole number of decimals (0 or more), not {digits!r}")
    # 四舍五入 on the shortest repr: 2.675 gives 2.68 as a reader rounds it (format() gives 2.67, its binary value)
    d = Decimal(repr(x)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    if d == 0:
        d = abs(d)  # no "-0.0"
    text = f"{d:,.{digits}f}" if abs(d) >= SEPARATOR_FROM else f"{d:.{digits}f}"
    return text


def printable(page: str, name: str, value):
    """``value`` if a page can print it (a finite number, NumPy's included, or a text); else a
    :class:`DataError` naming the page and the glue name, so NaN never reaches the prose.

    >>> printable("book/x", "x_share", 4.1)
    4.1
    >>> printable("book/x", "x_share", float("nan"))
    Traceback (most recent call last):
    ...
    nqpf.core.errors.DataError: book/x: rule 'every glued value is a finite number or a text' violated: x_share = nan
    """
    if isinstance(value, str) or (isinstance(value, Real) and math.isfinite(value)):
        return value
    raise DataError(page, "every glued value is a finite number or a text", detail=f"{name} = {value!r}")


def check_printable(values: dict, page: str) -> dict:
    """``values`` unchanged if every one is :func:`printable` (a chapter's ``facts()`` before it is handed out)."""
    for name, value in values.items():
        printable(page, name, value)
    return values


def put(values: dict, name: str, value, fmt: str | None = None, *, page: str) -> None:
    """Store one glued value, formatted with ``fmt`` as the prose prints it; checked before formatting (a NaN
    formatted would be the text "nan"). A chapter's facts module binds its page: ``partial(put, page=PAGE)``."""
    values[name] = printable(page, name, value) if fmt is None else format(printable(page, name, value), fmt)
