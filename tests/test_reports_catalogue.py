"""The reports' own words are complete in three languages, and every key the reports use exists."""

from __future__ import annotations

import re
import string

import pytest

from reports.catalogue import MESSAGES, quoted, text
from tests.conftest import ROOT

# Words that are the same in every language.
ALLOWED_LATIN = {"IP", "XLSX", "PDF"}
# Characters that exist in one script only: a Traditional one in Simplified text is a slip, and back.
TRADITIONAL_ONLY = set("這們個實與為麼說題問評級產權護請將從對應場導時間資關")
SIMPLIFIED_ONLY = set("这们个实与为么说题问评级产权护请将从对应场导时间资关")


def placeholders(message: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(message) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_text_is_given_in_every_language_with_the_same_placeholders(key: str) -> None:
    english, traditional, simplified = MESSAGES[key]
    if key != "cond.either":  # "either ... or" has no Chinese counterpart word
        assert english.strip() and traditional.strip() and simplified.strip()
    assert placeholders(english) == placeholders(traditional) == placeholders(simplified)
    assert not set(traditional) & SIMPLIFIED_ONLY, key
    assert not set(simplified) & TRADITIONAL_ONLY, key
    for chinese in (traditional, simplified):
        words = set(re.findall(r"[A-Za-z]{2,}", re.sub(r"\{[a-z_]+\}", "", chinese)))
        assert words <= ALLOWED_LATIN, f"{key}: {words - ALLOWED_LATIN}"


def test_every_key_the_reports_use_exists() -> None:
    sources = [*ROOT.glob("reports/*.py"), *ROOT.glob("reports/templates/*.j2")]
    used: set[str] = set()
    for path in sources:
        source = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"""\b(?:text|t)\(\s*["']([a-z_]+\.[a-z_.]+)["']""", source))
        used |= set(re.findall(r"""['"]((?:method|cond|status|level|dim|answer)\.[a-z_]+)['"]""", source))
    assert len(used) > 60, "the scan found too few keys: the pattern is out of date"
    assert used <= set(MESSAGES), used - set(MESSAGES)


def test_unknown_language_falls_back_to_english_and_quotes_follow_the_script() -> None:
    assert text("plan.title", "fr") == "Action plan"
    assert quoted("A", "en") == "“A”" and quoted("A", "zh-Hant") == "「A」" and quoted("A", "zh-Hans") == "“A”"
