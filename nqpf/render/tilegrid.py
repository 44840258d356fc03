"""A tile-grid map of China's 31 provincial units: one square each, in its approximate place (no geometry).

Columns run west to east, rows north to south. Neighbours stay neighbours where a grid allows it (北京 above 河北,
天津 to its east, 上海 east of 江苏, 海南 below 广东).
"""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib import colors as mcolors

from nqpf.core.geo import TILES  # province: (column, row); the one layout


def label_sizes(ax, name_chars: int, sub_chars: int, span: float = 7.2) -> tuple[float, float]:
    """Font sizes (pt) at which a tile's name (Chinese, one em a character) and its value (Latin digits, about
    0.6 em each) fit inside the tile, so neighbouring labels never run into each other; at most 9 and 7 pt.

    A 6.4-inch figure with the axes 0.7 of its width has tiles of 6.4 * 0.7 * 72 / 7.2 * 0.92 = 41 pt: a
    three-character name fits at 41 * 0.85 / 3 = 11.6 pt, so it keeps 9 pt.
    """
    box = ax.get_position()
    tile_pt = box.width * ax.figure.get_figwidth() * 72 / span * 0.92
    usable = tile_pt * 0.85
    return float(min(9.0, usable / max(name_chars, 1))), float(min(7.0, usable / (0.6 * max(sub_chars, 1))))


def tile_map(values: dict, ax=None, cmap: str = "YlGnBu", vmin=None, vmax=None, fmt: str = "{:.2f}",
             labels: dict | None = None, colorbar_label: str = ""):
    """Draw one square per province coloured by ``values[province]``; returns the axes."""
    if ax is None:
        _, ax = plt.subplots(figsize=(6.4, 5.6))
    vals = [values[p] for p in TILES]
    norm = mcolors.Normalize(vmin=min(vals) if vmin is None else vmin, vmax=max(vals) if vmax is None else vmax)
    cm = plt.get_cmap(cmap)
    subs = {p: labels[p] if labels else fmt.format(values[p]) for p in TILES}
    name_pt, sub_pt = label_sizes(ax, max(len(p) for p in TILES), max(len(str(s)) for s in subs.values()))
    for p, (x, y) in TILES.items():
        colour = cm(norm(values[p]))
        ax.add_patch(plt.Rectangle((x - 0.46, y - 0.46), 0.92, 0.92, color=colour))
        dark = sum(colour[:3]) / 3 < 0.5
        ax.text(x, y - 0.12, p, ha="center", va="center", fontsize=name_pt, color="white" if dark else "black")
        ax.text(x, y + 0.2, subs[p], ha="center", va="center", fontsize=sub_pt, color="white" if dark else "black")
    ax.set_xlim(0.4, 7.6)
    ax.set_ylim(7.6, -0.6)
    ax.set_aspect("equal")
    ax.axis("off")
    sm = plt.cm.ScalarMappable(norm=norm, cmap=cm)
    bar = ax.figure.colorbar(sm, ax=ax, shrink=0.6, pad=0.02)
    bar.set_label(colorbar_label)
    return ax
