"""The 2024 R&D bulletin's provincial table (附表2 of 《2024年全国科技经费投入统计公报》) beside the index.

The bulletin gives each province's 2024 R&D expenditure and intensity and its 2023 intensity *restated* on the
regional GDP after the fifth economic census. The panel's 2023 intensity is the one first published (before the
census), so the two differ; the index itself ends in 2023 and stays on the panel's figures (one vintage per
series). Parsing is :mod:`nqpf.analysis.rd_bulletin`'s (the one reader of the bulletin).
"""

from __future__ import annotations

import pandas as pd

from nqpf.analysis.provinces.clean import PROVINCES, REGION
from nqpf.analysis.provinces.inputs import YEARS, expect_provinces, indicators
from nqpf.analysis.provinces.ranking import BASE, index

__all__ = ["comparison", "summary"]


def comparison() -> pd.DataFrame:
    """One row per province (NBS order): region, the index's 2023 rank (baseline method), R&D intensity 2023 as
    in the panel (first published), 2023 restated and 2024 from the bulletin (%), their differences (percentage
    points), 2024 R&D expenditure (亿元) and the bulletin line the row was read from."""
    from nqpf.analysis import rd_bulletin  # the bulletin's parser (outcomes chapter)

    last = YEARS[-1]
    b = expect_provinces(rd_bulletin.provinces(), "rd2024")
    panel = indicators().xs(last, level="year")["rd_intensity"].rename("intensity_2023_panel")
    rank = index(*BASE, last).set_index("province")["rank"].rename("index_rank_2023")
    out = b.set_index("province").join([panel, rank], how="left").reindex(list(PROVINCES))
    out = out.rename(columns={"rd_intensity_2024": "intensity_2024",
                              "rd_intensity_2023_revised": "intensity_2023_restated",
                              "rd_expenditure_2024": "rd_2024"})
    # both published to 0.01 percentage point: round the differences there (no float noise in a table)
    out["restated_minus_panel"] = (out["intensity_2023_restated"] - out["intensity_2023_panel"]).round(2)
    out["change_2024"] = (out["intensity_2024"] - out["intensity_2023_restated"]).round(2)
    out["region"] = [REGION[p] for p in out.index]
    out = out.reset_index().rename(columns={"index": "province"})
    cols = ["province", "region", "index_rank_2023", "intensity_2023_panel", "intensity_2023_restated",
            "restated_minus_panel", "intensity_2024", "change_2024", "rd_2024", "line"]
    return expect_provinces(out[cols], "rd2024 beside the panel")


def summary() -> dict:
    """What the chapter states about the table: how many provinces' 2023 intensity was restated down or up, the
    largest restatement, how many raised their intensity in 2024, and the rank agreement (Spearman) of the 2024
    intensity with the index's 2023 ranking."""
    from scipy.stats import spearmanr

    c = comparison()
    big = c.loc[c["restated_minus_panel"].abs().idxmax()]
    return {"restated_down": int((c["restated_minus_panel"] < 0).sum()),
            "restated_up": int((c["restated_minus_panel"] > 0).sum()),
            "restated_same": int((c["restated_minus_panel"] == 0).sum()),
            "largest_who": big["province"], "largest_pp": float(big["restated_minus_panel"]),
            "largest_panel": float(big["intensity_2023_panel"]),
            "largest_restated": float(big["intensity_2023_restated"]),
            "rose_2024": int((c["change_2024"] > 0).sum()), "fell_2024": int((c["change_2024"] < 0).sum()),
            "top_2024": c.loc[c["intensity_2024"].idxmax(), "province"],
            "top_2024_value": float(c["intensity_2024"].max()),
            "spearman_2024_vs_index": float(spearmanr(-c["intensity_2024"], c["index_rank_2023"]).statistic)}
