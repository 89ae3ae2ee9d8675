"""PDF text must not depend on the machine's fonts.

reportlab's PDFs (like many Java and older Word PDFs) name the CJK font ``STSong-Light``
without embedding it.  Without a CJK system font PDFium measured every Chinese glyph
with an empty box and skipped a text object of one Chinese character (a paragraph's
last character wrapped onto its own line; every character of a line drawn one
character at a time): 6 of the 15 reportlab cases lost a character.
``pipeline/reading/pdf_fonts.py`` gives PDFium a last-resort font then.  The conditions
are real PDFium, in a subprocess (``fixtures/formats/pdfium_without_fonts.py``), with
its font folder pointed at an empty folder (a bare Docker image) or at a folder of
Latin fonts only (DejaVu, where installed); no font is uninstalled.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "formats"))

import pdfium_without_fonts as nofonts  # noqa: E402

from pipeline.reading.pdf_text import read_pdf  # noqa: E402

SCRIPT = Path(nofonts.__file__)
LONE_LINES = ["坚持产业高端化、绿", "色", "逐字绘制"]


def _read_without_fonts(folder: Path, *flags: str) -> dict:
    out = subprocess.run(
        [sys.executable, str(SCRIPT), str(folder), *flags], capture_output=True, text=True, timeout=600, check=True
    )
    return json.loads(out.stdout)


LATIN_ONLY = Path("/usr/share/fonts/truetype/dejavu")


@pytest.fixture(scope="module", params=["no fonts", "Latin fonts only"])
def without_fonts(request, tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("no-fonts") if request.param == "no fonts" else LATIN_ONLY
    if not folder.is_dir():
        pytest.skip(f"no {folder} here")
    before = _read_without_fonts(folder, "--no-fallback", "--lone-only")
    if "色" in before["lone"]:
        pytest.skip("PDFium still finds a CJK font with an empty font folder: the no-font condition is not set up")
    return _read_without_fonts(folder)


def test_one_character_text_objects_are_read_on_this_machine():
    assert read_pdf(nofonts.lone_character_pdf()).text.split("\n") == LONE_LINES


def test_one_character_text_objects_are_read_without_system_fonts(without_fonts):
    assert without_fonts["lone"].split("\n") == LONE_LINES


def test_reportlab_pages_are_exact_without_system_fonts(without_fonts):
    assert without_fonts["failed"] == []


def test_reportlab_raw_text_is_the_same_with_and_without_system_fonts(without_fonts):
    here = {case: read_pdf(data).text for case, data, _ in nofonts.reportlab_cases()}
    assert without_fonts["texts"] == here
