"""A tile-grid map of China's 31 provincial units: one square each, in its approximate place (no geometry).

Columns run west to east, rows north to south. Neighbours stay neighbours where a grid allows it (北京 above 河北,
天津 to its east, 上海 east of 江苏, 海南 below 广东).
"""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib import colors as mcolors

# province: (column, row)
TILES = {
    "黑龙江": (7, 0),
    "新疆": (1, 1), "内蒙古": (4, 1), "北京": (5, 1), "吉林": (7, 1),
    "甘肃": (2, 2), "宁夏": (3, 2), "山西": (4, 2), "河北": (5, 2), "天津": (6, 2), "辽宁": (7, 2),
    "西藏": (1, 3), "青海": (2, 3), "陕西": (3, 3), "河南": (4, 3), "山东": (5, 3),
    "四川": (2, 4), "重庆": (3, 4), "湖北": (4, 4), "安徽": (5, 4), "江苏": (6, 4), "上海": (7, 4),
    "云南": (2, 5), "贵州": (3, 5), "湖南": (4, 5), "江西": (5, 5), "浙江": (6, 5),
    "广西": (3, 6), "广东": (4, 6), "福建": (5, 6),
    "海南": (4, 7),
}


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
