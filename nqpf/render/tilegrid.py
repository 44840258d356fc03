"""A tile-grid map of China's 31 provincial units: one square each, in its approximate place (no geometry).

Columns run west to east, rows north to south. Neighbours stay neighbours where a grid allows it (北京 above 河北,
天津 to its east, 上海 east of 江苏, 海南 below 广东).
"""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib import colors as mcolors

from nqpf.core.geo import TILES  # province: (column, row); the one layout


def tile_map(values: dict, ax=None, cmap: str = "YlGnBu", vmin=None, vmax=None, fmt: str = "{:.2f}",
             labels: dict | None = None, colorbar_label: str = ""):
    """Draw one square per province coloured by ``values[province]``; returns the axes."""
    if ax is None:
        _, ax = plt.subplots(figsize=(6.4, 5.6))
    vals = [values[p] for p in TILES]
    norm = mcolors.Normalize(vmin=min(vals) if vmin is None else vmin, vmax=max(vals) if vmax is None else vmax)
    cm = plt.get_cmap(cmap)
    for p, (x, y) in TILES.items():
        colour = cm(norm(values[p]))
        ax.add_patch(plt.Rectangle((x - 0.46, y - 0.46), 0.92, 0.92, color=colour))
        dark = sum(colour[:3]) / 3 < 0.5
        sub = labels[p] if labels else fmt.format(values[p])
        ax.text(x, y - 0.12, p, ha="center", va="center", fontsize=9, color="white" if dark else "black")
        ax.text(x, y + 0.2, sub, ha="center", va="center", fontsize=7, color="white" if dark else "black")
    ax.set_xlim(0.4, 7.6)
    ax.set_ylim(7.6, -0.6)
    ax.set_aspect("equal")
    ax.axis("off")
    sm = plt.cm.ScalarMappable(norm=norm, cmap=cm)
    bar = ax.figure.colorbar(sm, ax=ax, shrink=0.6, pad=0.02)
    bar.set_label(colorbar_label)
    return ax
