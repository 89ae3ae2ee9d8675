"""The PDF reader on real PDFs made here: reportlab (every page's text known), headless
Chromium (GB/T 9704 layout, embedded CJK font) and LibreOffice (from a .docx).

The property: the PDF's raw_text carries the .txt's content (NFKC, whitespace removed,
at least 90% of characters in order; exactly, page by page, for reportlab), pages are
separated by form feeds at the offsets ``page_starts`` says, and reading order survives
two columns, a title box drawn last and lines drawn in shuffled order.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "formats"))

import make_formats as mf  # noqa: E402

from pipeline.reading.pdf_text import PdfLimits, read_pdf  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
DOCS = sorted(CORPUS.glob("*.txt"))
HEADER = "山东省人民政府公报"


def _has_cjk_font() -> bool:
    if shutil.which("fc-list") is None:
        return False
    out = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout
    return mf.CJK_FONT in out


needs_chromium = pytest.mark.skipif(
    mf.CHROMIUM is None or not _has_cjk_font(),
    reason="needs chromium and fonts-noto-cjk (.ci/run installs them)",
)
needs_libreoffice = pytest.mark.skipif(mf.SOFFICE is None, reason="needs LibreOffice (libreoffice-writer-nogui)")


def _lines(doc: Path) -> list[str]:
    return mf.lines_of(doc.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "layout", [{}, {"shuffled": True}, {"two_columns": True}], ids=["plain", "shuffled", "two-columns"]
)
@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name[:3])
def test_reportlab_pages_are_exact_and_in_reading_order(doc, layout):
    data, truth = mf.reportlab_pdf(_lines(doc), header=HEADER, **layout)
    result = read_pdf(data)
    pages = result.text.split("\f")
    assert result.pages == len(truth) == len(pages)
    for k, (page, body) in enumerate(zip(pages, truth)):
        # header on top, the body in reading order, the page number at the bottom
        assert mf.flat(page) == mf.flat(HEADER + body + f"— {k + 1} —"), k
        assert result.text[result.page_starts[k] :].startswith(page)
    assert mf.in_order_share(doc.read_text(encoding="utf-8"), result.text, (HEADER,)) >= 0.99


def test_page_starts_and_page_of():
    data, truth = mf.reportlab_pdf(_lines(DOCS[2]), header=HEADER)
    result = read_pdf(data)
    assert result.page_starts[0] == 0
    for k, start in enumerate(result.page_starts[1:], 1):
        assert result.text[start - 1] == "\f"
        assert result.page_of(start) == k + 1 and result.page_of(start - 1) == k
    assert result.text.count("\f") == result.pages - 1
    assert "\r" not in result.text


def test_text_drawn_twice_for_fake_bold_is_read_once():
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("STSong-Light", 16)
    for dx in (0, 0.3):  # a heading "in bold": the same text drawn a third of a point apart
        c.drawString(100 + dx, 700, "一、总体要求")
    c.drawString(100, 672, "以习近平新时代中国特色社会主义思想为指导。")
    c.showPage()
    c.save()
    assert read_pdf(buf.getvalue()).text == "一、总体要求\n以习近平新时代中国特色社会主义思想为指导。"


def test_table_rows_are_tab_separated_lines():
    data, _ = mf.reportlab_pdf(mf.RESPONSIBILITY_TABLE, header=None, page_number="")
    assert read_pdf(data).text.split("\n") == mf.RESPONSIBILITY_TABLE


@needs_chromium
@pytest.mark.parametrize("layout", [{}, {"columns": 2}, {"title_box": True}], ids=["plain", "two-columns", "title-box"])
@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name[:3])
def test_chromium_pdf_has_the_text_content(doc, layout, tmp_path):
    path = mf.chromium_pdf(_lines(doc), tmp_path / "doc.pdf", header=HEADER, **layout)
    result = read_pdf(path.read_bytes())
    assert mf.in_order_share(doc.read_text(encoding="utf-8"), result.text, (HEADER,)) >= 0.97
    pages = result.text.split("\f")
    assert all(mf.flat(page).startswith(HEADER) for page in pages)  # the running header first
    assert all(mf.PAGE_NUMBER.fullmatch(mf.flat(page.rsplit("\n", 1)[-1])) for page in pages)  # the number last
    if layout.get("title_box"):
        assert mf.flat(pages[0]).startswith(mf.flat(HEADER + _lines(doc)[0]))  # the box drawn last is read first


@needs_chromium
def test_chromium_table_cells_split_at_their_borders(tmp_path):
    # cell padding is narrower than a cell gap: the vertical borders separate the cells
    path = mf.chromium_pdf(_lines(DOCS[2])[-3:] + mf.RESPONSIBILITY_TABLE, tmp_path / "t.pdf", header=HEADER)
    lines = read_pdf(path.read_bytes()).text.split("\n")
    for row in mf.RESPONSIBILITY_TABLE:
        assert row in lines


@needs_chromium
def test_kangxi_radicals_come_through_as_the_pdf_says(tmp_path):
    text = DOCS[2].read_text(encoding="utf-8")
    path = mf.chromium_pdf(mf.lines_of(mf.with_kangxi(text)), tmp_path / "k.pdf", header=HEADER)
    raw = read_pdf(path.read_bytes()).text
    assert "⼈民政府" in raw or "⼈⺠政府" in raw  # raw_text keeps what the text layer says
    from normalizers.ideographs import unify_ideographs

    assert mf.in_order_share(text, unify_ideographs(raw)[0], (HEADER,)) >= 0.97


@needs_libreoffice
def test_ruled_table_with_wrapped_cells_is_read_row_by_row(tmp_path):
    import docx

    path = mf.docx_file(_lines(DOCS[2])[-3:] + mf.RESPONSIBILITY_TABLE, tmp_path / "t.docx")
    document = docx.Document(path)
    document.tables[0].style = document.styles["Table Grid"]  # ruled, four equal columns: cells wrap
    document.save(path)
    lines = read_pdf(mf.libreoffice_convert(path, "pdf", tmp_path).read_bytes()).text.split("\n")
    for row in mf.RESPONSIBILITY_TABLE:
        assert row in lines


@needs_libreoffice
def test_libreoffice_pdf_of_a_docx(tmp_path):
    lines = _lines(DOCS[4]) + mf.RESPONSIBILITY_TABLE
    docx = mf.docx_file(lines, tmp_path / "d.docx", header=HEADER)
    pdf = mf.libreoffice_convert(docx, "pdf", tmp_path)
    result = read_pdf(pdf.read_bytes())
    assert mf.in_order_share("\n".join(lines[:-3]), result.text, (HEADER,)) >= 0.97
    assert result.pages >= 2


# ----------------------------------------------------------------------------- bad PDFs
def _reason(data: bytes, limits: PdfLimits | None = None) -> str:
    from pipeline.errors import IngestError

    with pytest.raises(IngestError) as info:
        read_pdf(data, limits)
    assert info.value.stage == "decode"
    return info.value.message


@pytest.fixture(scope="module")
def good_pdf() -> bytes:
    return mf.reportlab_pdf(_lines(DOCS[2]), header=HEADER)[0]


def test_encrypted_pdf(good_pdf):
    assert _reason(mf.encrypted_pdf(good_pdf)) == "PDF is encrypted with a password: ask the publisher for an open copy"


def test_owner_password_only_pdf_is_read(good_pdf):
    # "copy protection" (an empty user password) is common on government sites: the text is readable
    import io

    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(good_pdf)))
    writer.encrypt(user_password="", owner_password="owner", permissions_flag=0, algorithm="AES-128")
    buf = io.BytesIO()
    writer.write(buf)
    assert read_pdf(buf.getvalue()).text.split("\f")[0] == read_pdf(good_pdf).text.split("\f")[0]


def test_image_only_pdf():
    assert _reason(mf.image_only_pdf(3)) == "PDF has no text layer (all 3 pages are images: a scan?): it needs OCR"


@pytest.mark.parametrize("keep", [0.5, 0.9, 0.999])
def test_truncated_pdf(good_pdf, keep):
    assert (
        _reason(good_pdf[: int(len(good_pdf) * keep)])
        == "PDF is truncated: no %%EOF at its end (an incomplete download?)"
    )


def test_corrupt_and_not_a_pdf(good_pdf):
    assert _reason(b"<html><body>404</body></html>") == "not a PDF: no %PDF- header in the first 1 KB"
    garbled = good_pdf[:200] + bytes(len(good_pdf) - 400) + good_pdf[-200:]
    assert _reason(garbled).startswith("PDF is corrupt: PDFium cannot parse it")


def test_limits(good_pdf):
    assert _reason(good_pdf, PdfLimits(max_bytes=1000)) == f"PDF is {len(good_pdf)} bytes, over the 1000 bytes limit"
    assert _reason(good_pdf, PdfLimits(max_pages=3)) == "PDF has 10 pages, over the 3 page limit"
    assert "characters; not read" in _reason(good_pdf, PdfLimits(max_chars=100))
    assert "to read (at page" in _reason(good_pdf, PdfLimits(timeout_s=0.0))


def test_flate_bomb_is_refused_in_bounded_time_and_memory():
    """1 GiB of blanks in one content stream, 1 MB on disk (at 4 GiB PDFium alone takes 22 s
    and 5.2 GB, docs/formats.md); the pre-scan stops at the per-stream limit, holding 64 KB
    at a time."""
    import resource
    import time

    bomb = mf.flate_bomb_pdf(1024**3)
    assert len(bomb) < 2 * 1024**2
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    reason = _reason(bomb)
    elapsed = time.perf_counter() - started
    assert reason == "PDF stream inflates past 256 MB (a compression bomb or a damaged file); not read"
    assert elapsed < 10
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before < 64 * 1024  # KB: under 64 MB more
    # a small stream with the same shape is read: the guard is about size, not shape
    assert "bomb" in read_pdf(mf.flate_bomb_pdf(1024 * 1024)).text
