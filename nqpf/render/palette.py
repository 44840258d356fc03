"""One palette for every chart: Okabe–Ito (safe for the common colour-vision deficiencies), China always drawn
the same way.

Okabe, M. and K. Ito (2008), *Color Universal Design*: eight colours distinguishable under protanopia,
deuteranopia and tritanopia. Never pair :data:`ORANGE` / :data:`VERMILLION` with :data:`GREEN` as the only
difference between two series: use :data:`BLUE` against :data:`ORANGE`, or add a marker or line style.
"""

from __future__ import annotations

__all__ = ["BLACK", "ORANGE", "SKY", "GREEN", "YELLOW", "BLUE", "VERMILLION", "PURPLE", "GREY", "CYCLE",
           "CHINA", "COUNTRY", "MARKERS", "SEQUENTIAL", "DIVERGING", "country_style", "series_colours"]

BLACK = "#000000"
ORANGE = "#E69F00"
SKY = "#56B4E9"
GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
GREY = "#999999"

# Series order: the most distinct pairs first (yellow last: weak on white).
CYCLE = [BLUE, ORANGE, SKY, VERMILLION, GREEN, PURPLE, BLACK, YELLOW]
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]

# China is drawn the same way in every chart: vermillion, thicker, on top.
CHINA = {"color": VERMILLION, "linewidth": 2.6, "zorder": 5}
# Other economies keep one colour each across the book (never vermillion, never a second grey).
COUNTRY = {"USA": BLUE, "JPN": SKY, "KOR": ORANGE, "DEU": BLACK, "IND": PURPLE, "GBR": GREEN, "FRA": YELLOW,
           "BRA": GREY, "RUS": "#8C6D31"}
SEQUENTIAL = "cividis"   # colour-blind-safe, monotone in lightness
DIVERGING = "PuOr"       # no red/green


def country_style(code: str) -> dict:
    """Line keywords for one economy: China's fixed style, or that economy's fixed colour at normal width.

    >>> country_style("CHN")["color"], country_style("USA")
    ('#D55E00', {'color': '#0072B2', 'linewidth': 1.4, 'zorder': 3})
    """
    if code == "CHN":
        return dict(CHINA)
    return {"color": COUNTRY.get(code, GREY), "linewidth": 1.4, "zorder": 3}


def series_colours(n: int) -> list[str]:
    """``n`` distinct palette colours in the book's order (raises past eight: use markers or panels instead).

    >>> series_colours(3)
    ['#0072B2', '#E69F00', '#56B4E9']
    """
    if n > len(CYCLE):
        raise ValueError(f"the palette has {len(CYCLE)} distinct colours, not {n}: use markers or small multiples")
    return CYCLE[:n]
