"""The book's one period convention.

A period is named by its first and last *growth years*; its base is the year before the first. "2013–2019" is the
growth of 2013, 2014, …, 2019: seven years, measured from the level of 2012 to the level of 2019. Adjacent
periods written this way tile: 1978–2012 and 2013–2019 share no year and miss none.

Published sources do not all write periods this way (Bosworth and Collins write 1978–93 and 1993–2004, sharing
1993 as an end point), so every source's label is read into this convention explicitly (``nqpf.analysis.tfp``
keeps the table of readings).

>>> p = Period(2013, 2019)
>>> p.base, p.years, p.label
(2012, 7, '2013–2019')
>>> tiles([Period(1978, 2012), Period(2013, 2019)])
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nqpf.core.errors import UsageError

DASH = "–"  # en dash in labels


@dataclass(frozen=True, order=True)
class Period:
    """Growth years ``first``…``last`` (inclusive); the base level is that of ``first − 1``."""

    first: int
    last: int

    def __post_init__(self):
        if not (isinstance(self.first, int) and isinstance(self.last, int)) or self.first > self.last:
            raise UsageError(f"a period needs a first growth year not after its last, not {self.first}-{self.last}")

    @property
    def base(self) -> int:
        return self.first - 1

    @property
    def years(self) -> int:
        """Number of growth years (the exponent's denominator in a compound rate)."""
        return self.last - self.first + 1

    @property
    def growth_years(self) -> range:
        return range(self.first, self.last + 1)

    @property
    def label(self) -> str:
        return f"{self.first}{DASH}{self.last}"

    def __str__(self) -> str:
        return self.label


def parse(text: str) -> Period:
    """'2013-2019', '2013–2019' or '2013:2019' → Period(2013, 2019) (first and last growth years)."""
    m = re.fullmatch(r"\s*(\d{4})\s*[-–:]\s*(\d{4})\s*", str(text))
    if not m:
        raise UsageError(f"a period is written FIRST-LAST (growth years), e.g. 1978-2012, not '{text}'")
    return Period(int(m.group(1)), int(m.group(2)))


def tiles(periods) -> bool:
    """True when consecutive periods (in the order given) share no growth year and leave none out."""
    ps = list(periods)
    return all(b.first == a.last + 1 for a, b in zip(ps, ps[1:]))
