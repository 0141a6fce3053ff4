"""Fonts for each report language, found at run time through fontconfig (no paths in the code).

Noto Sans CJK ships one collection with a face per region. The face decides the glyph forms: the
same code point is drawn differently in Hong Kong, Taiwan and the Mainland, so zh-Hant gets the Hong
Kong face and zh-Hans the Simplified one. English uses the Hong Kong face too: its Latin letters are
plain, and a Chinese company name in an English report then looks as it does on a Hong Kong letterhead.
"""

from __future__ import annotations

import functools
import subprocess

from reports.errors import ReportError

PRINT_FAMILY = {"en": "Noto Sans CJK HK", "zh-Hant": "Noto Sans CJK HK", "zh-Hans": "Noto Sans CJK SC"}
# A browser opening the HTML report elsewhere may lack Noto CJK: the system faces of the same region.
_SCREEN_FALLBACK = {
    "en": '"Noto Sans", "Segoe UI", Arial, "Noto Sans HK", "Microsoft JhengHei", sans-serif',
    "zh-Hant": '"Noto Sans HK", "Noto Sans TC", "PingFang HK", "Microsoft JhengHei", sans-serif',
    "zh-Hans": '"Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif',
}
INSTALL_HINT = "install Debian's fonts-noto-cjk (apt-get install fonts-noto-cjk)"


def font_stack(lang: str) -> str:
    """The CSS font-family list for a report in `lang`."""
    lang = lang if lang in PRINT_FAMILY else "en"
    return f'"{PRINT_FAMILY[lang]}", {_SCREEN_FALLBACK[lang]}'


@functools.cache
def installed_families() -> frozenset[str]:
    """Every font family fontconfig knows (empty when fontconfig itself is missing)."""
    try:
        listed = subprocess.run(
            ["fc-list", ":", "family"], capture_output=True, text=True, timeout=30, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(name.strip() for line in listed.splitlines() for name in line.split(","))


def require_print_font(lang: str) -> str:
    """The family a PDF in `lang` is set in; ReportError when it is not installed, since a PDF set in a
    fallback face would show the wrong glyph forms or empty boxes."""
    family = PRINT_FAMILY.get(lang, PRINT_FAMILY["en"])
    if family not in installed_families():
        raise ReportError([f"the font {family!r} is not installed: {INSTALL_HINT}"])
    return family
