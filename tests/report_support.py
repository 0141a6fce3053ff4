"""Helpers for the report tests: scored results, and what poppler and pypdf see in a PDF."""

from __future__ import annotations

import functools
import io
import re
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from scoring import Questionnaire, load_questionnaire, score
from scoring.samples import sample_answers
from tests.conftest import FIXTURES, ROOT

BUNDLED = ROOT / "questionnaires" / "ip_readiness.yaml"
LANGS = ("en", "zh-Hant", "zh-Hans")
INJECTION = "<script>alert(1)</script>"


@functools.cache
def bundled() -> Questionnaire:
    return load_questionnaire(BUNDLED)


@functools.cache
def long_strings() -> Questionnaire:
    return load_questionnaire(FIXTURES / "long_strings.yaml")


def sample_result(lang: str, seed: int = 3, company: str = "Sample Company Limited") -> dict[str, Any]:
    """A realistic result: the bundled questionnaire, seeded random answers (every section shown at seed 3)."""
    questionnaire = bundled()
    answers = sample_answers(questionnaire, "random", seed)
    meta = {"company": company, "language": lang, "date": "2026-03-02"}
    return score(questionnaire, answers, language=lang, meta=meta).to_dict()


def squeeze(text: str) -> str:
    """Without any whitespace: a PDF breaks long texts into lines wherever they fit."""
    return re.sub(r"\s+", "", text)


def pdf_text(pdf: bytes) -> str:
    return "".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def _with_file(pdf: bytes, command: list[str], after: tuple[str, ...] = ()) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.pdf"
        path.write_bytes(pdf)
        run = [*command, str(path), *after]
        return subprocess.run(run, capture_output=True, text=True, check=True, timeout=60).stdout


def pdf_fonts(pdf: bytes) -> list[tuple[str, bool]]:
    """(font name, embedded) for every font `pdffonts` lists."""
    lines = _with_file(pdf, ["pdffonts"]).splitlines()[2:]
    fonts = []
    for line in lines:
        # name type encoding emb sub uni object ID: the type has spaces, so count from the end
        fields = line.split()
        fonts.append((fields[0], fields[-5] == "yes"))
    return fonts


def page_images(pdf: bytes, dpi: int = 30) -> list[bytes]:
    """Every page as a greyscale PGM image, rendered by `pdftoppm`."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.pdf"
        path.write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-gray", "-r", str(dpi), str(path), str(Path(folder) / "page")], check=True, timeout=120
        )
        return [page.read_bytes() for page in sorted(Path(folder).glob("page*.pgm"))]


def word_boxes(pdf: bytes) -> tuple[list[tuple[float, float]], list[tuple[str, float, float, float, float, int]]]:
    """Page sizes in points, and (word, xMin, yMin, xMax, yMax, page index) from `pdftotext -bbox`."""
    html = _with_file(pdf, ["pdftotext", "-bbox", "-enc", "UTF-8"], after=("-",))
    pages: list[tuple[float, float]] = []
    words = []
    for match in re.finditer(
        r'<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" '
        r'xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
        html,
    ):
        if match.group(1):
            pages.append((float(match.group(1)), float(match.group(2))))
        else:
            x0, y0, x1, y1 = (float(match.group(i)) for i in range(3, 7))
            words.append((match.group(7), x0, y0, x1, y1, len(pages) - 1))
    return pages, words
