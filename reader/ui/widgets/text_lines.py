"""The height a line of text really takes. A font's own height (QFontMetrics.height) is too short
for a line that mixes scripts: Chinese in a Latin font is drawn with a fallback font whose ascent
and descent are larger, so a row sized by the font's height cuts the descenders of the line's
Latin letters ("Loop" drawn as "Looo"). Item delegates that draw their own lines size them here.
"""

from __future__ import annotations

import math

from PySide6.QtGui import QFont, QFontMetrics, QTextLayout

_CACHE_MAX = 4096
_heights: dict[tuple[str, str], int] = {}  # (QFont.key(), text) -> the laid-out line's height


def _laid_out_height(font: QFont, text: str) -> int:
    key = (font.key(), text)
    height = _heights.get(key)
    if height is None:
        layout = QTextLayout(text, font)
        layout.beginLayout()
        line = layout.createLine()
        layout.endLayout()
        height = math.ceil(line.height()) if line.isValid() else 0
        if len(_heights) >= _CACHE_MAX:  # a panel's few hundred texts fit many times over
            _heights.clear()
        _heights[key] = height
    return height


def line_height(font: QFont, *texts: str) -> int:
    """The height of one line of `font` tall enough for each of `texts` (with the fallback fonts
    they are drawn in), and never less than the font's own height."""
    height = QFontMetrics(font).height()
    for text in texts:
        if text:
            height = max(height, _laid_out_height(font, text))
    return height
