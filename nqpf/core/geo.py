"""China's 31 provincial units on a tile grid: one square each, in its approximate place (no geometry).

``TILES[province] = (column, row)``: columns run west to east, rows north to south. Neighbours stay neighbours
where a grid allows it: 新疆 in the westmost column; 黑龙江, 吉林 and 辽宁 stacked from north to south in the
eastmost column; 北京 above 河北, 天津 to its east, 上海 east of 江苏, 海南 below 广东. The chart
(:mod:`nqpf.render.tilegrid`) and the policy map both read this one layout.
"""

from __future__ import annotations

TILES: dict[str, tuple[int, int]] = {
    "黑龙江": (7, 0),
    "新疆": (1, 1), "内蒙古": (4, 1), "北京": (5, 1), "吉林": (7, 1),
    "甘肃": (2, 2), "宁夏": (3, 2), "山西": (4, 2), "河北": (5, 2), "天津": (6, 2), "辽宁": (7, 2),
    "西藏": (1, 3), "青海": (2, 3), "陕西": (3, 3), "河南": (4, 3), "山东": (5, 3),
    "四川": (2, 4), "重庆": (3, 4), "湖北": (4, 4), "安徽": (5, 4), "江苏": (6, 4), "上海": (7, 4),
    "云南": (2, 5), "贵州": (3, 5), "湖南": (4, 5), "江西": (5, 5), "浙江": (6, 5),
    "广西": (3, 6), "广东": (4, 6), "福建": (5, 6),
    "海南": (4, 7),
}
