"""Charts with Chinese labels: one font set-up for every chapter.

The CJK font comes from a pip package (Noto Sans SC, SIL OFL), so a fresh machine draws no tofu. DejaVu Sans is
the fallback for symbols the CJK font lacks. A glyph still missing makes matplotlib warn on stderr, which fails
the strict book build (``stderr_output: warn`` with ``-W``).
"""

from __future__ import annotations

import warnings
from functools import lru_cache
from pathlib import Path

import matplotlib
from matplotlib import font_manager

from nqpf.render import palette

FAMILY = ["Noto Sans SC", "DejaVu Sans"]


def cjk_font_file() -> Path:
    import pylopdf_fonts_zh_cn

    return Path(pylopdf_fonts_zh_cn.__file__).parent / "NotoSansSC-Regular.otf"


@lru_cache(maxsize=1)
def _register() -> str:
    path = cjk_font_file()
    font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()


def setup(inline: bool = True) -> None:
    """Register the CJK font and set the book's chart style. Call once at the top of a chapter."""
    name = _register()
    matplotlib.rcParams.update(
        {
            "font.family": [name] + FAMILY[1:],
            "axes.unicode_minus": False,  # the CJK font has no U+2212
            "pdf.fonttype": 3,  # Type 3 with ToUnicode: labels stay text; Type 42 mis-embeds this CFF font
            "svg.fonttype": "none",
            "figure.figsize": (7.0, 3.8),
            "figure.dpi": 110,
            "savefig.dpi": 150,
            "savefig.bbox": "tight",
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": True,
            "grid.alpha": 0.3,
            "axes.prop_cycle": matplotlib.cycler(color=palette.CYCLE),
            "image.cmap": palette.SEQUENTIAL,
        }
    )
    # Warn on every missing glyph, not once per call site: each must reach stderr and fail the build.
    warnings.filterwarnings("always", message="Glyph .* missing from font")
    if inline:
        try:
            from IPython import get_ipython
            from matplotlib_inline.backend_inline import set_matplotlib_formats
        except ImportError:  # plain Python: nothing to configure
            return
        if get_ipython() is not None:
            set_matplotlib_formats("png", "pdf")  # HTML takes the PNG, LaTeX the vector PDF
            from nqpf.render import chartdata

            chartdata.guard()  # a chart shown without its data writes to stderr: the strict build fails


def missing_glyphs(text: str) -> list[str]:
    """Characters of ``text`` that neither the CJK font nor the fallback can draw."""
    from matplotlib.ft2font import FT2Font

    _register()
    fonts = [FT2Font(str(cjk_font_file()))]
    fonts.append(FT2Font(font_manager.findfont("DejaVu Sans", fallback_to_default=False)))
    return sorted({ch for ch in text if not ch.isspace() and not any(f.get_char_index(ord(ch)) for f in fonts)})
