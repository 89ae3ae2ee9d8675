"""Reader dispatch (``pipeline.reading.formats``): content first, name second, per-format
size limits, and what a RawDocument of each format carries (media type, page starts).

Files are real: reportlab PDFs, python-docx .docx, LibreOffice .doc when installed.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "formats"))

import make_formats as mf  # noqa: E402
from test_pdf_reader import needs_libreoffice  # noqa: E402

from pipeline.errors import IngestError  # noqa: E402
from pipeline.reading import formats  # noqa: E402
from pipeline.reading.reader import decode, discover, prepare_conversions, read_document  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
SEED = "002_d4a341c0482e1261.txt"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture(scope="module")
def lines() -> list[str]:
    return mf.lines_of((CORPUS / SEED).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def pdf_bytes(lines) -> bytes:
    return mf.reportlab_pdf(lines, header="山东省人民政府公报")[0]


@pytest.fixture(scope="module")
def docx_bytes(lines, tmp_path_factory) -> bytes:
    return mf.docx_file(lines, tmp_path_factory.mktemp("docx") / "d.docx").read_bytes()


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _quarantine_reason(folder: Path, name: str, **kwargs) -> tuple[str, str]:
    with pytest.raises(IngestError) as info:
        read_document(folder, name, **kwargs)
    return info.value.stage, info.value.message


def test_discover_finds_pdf_and_word_files(tmp_path):
    for name in ["a.pdf", "b/C.PDF", "d.docx", "e.doc", "f.wps", "g.txt", "notes.md"]:
        _write(tmp_path, name, b"x")
    assert discover(tmp_path) == ["a.pdf", "b/C.PDF", "d.docx", "e.doc", "f.wps", "g.txt"]


def test_a_pdf_is_read_with_its_pages(tmp_path, pdf_bytes):
    _write(tmp_path, "p.pdf", pdf_bytes)
    doc = read_document(tmp_path, "p.pdf")
    assert (doc.media_type, doc.encoding) == ("application/pdf", "pdf")
    assert doc.page_starts is not None and doc.page_starts[0] == 0 and doc.pages == doc.raw_text.count("\f") + 1
    assert all(doc.raw_text[start - 1] == "\f" for start in doc.page_starts[1:])


def test_a_docx_is_read_without_pages(tmp_path, docx_bytes, lines):
    _write(tmp_path, "w.docx", docx_bytes)
    doc = read_document(tmp_path, "w.docx")
    assert (doc.media_type, doc.encoding, doc.page_starts, doc.pages) == (DOCX_TYPE, "docx", None, None)
    assert doc.raw_text.split("\n") == lines


def test_content_decides_over_the_name(tmp_path, pdf_bytes, docx_bytes):
    # crawlers name files after the link: a PDF behind "download.html", a .docx behind ".doc"
    _write(tmp_path, "download.html", pdf_bytes)
    _write(tmp_path, "attachment.txt", docx_bytes)
    _write(tmp_path, "old.doc", docx_bytes)
    assert read_document(tmp_path, "download.html").media_type == "application/pdf"
    assert read_document(tmp_path, "attachment.txt").media_type == DOCX_TYPE
    assert read_document(tmp_path, "old.doc").media_type == DOCX_TYPE  # no LibreOffice needed


def test_a_word_web_page_named_doc_is_read_as_html(tmp_path):
    page = "<html><head><meta charset='utf-8'></head><body><p>关于印发实施方案的通知</p><p>到2025年，企业达到800家。</p></body></html>"
    _write(tmp_path, "page.doc", page.encode("utf-8"))
    doc = read_document(tmp_path, "page.doc")
    assert doc.media_type == "text/html" and doc.raw_text == "关于印发实施方案的通知\n到2025年，企业达到800家。"


def test_misnamed_and_broken_files_say_what_they_are(tmp_path, pdf_bytes):
    _write(tmp_path, "error.pdf", b"<!DOCTYPE html><html><body>404 Not Found</body></html>")
    assert _quarantine_reason(tmp_path, "error.pdf") == (
        "decode",
        "not a PDF: an HTML page named .pdf (an error or login page the crawler saved?)",
    )
    _write(tmp_path, "half.pdf", pdf_bytes[: len(pdf_bytes) // 2])
    assert (
        _quarantine_reason(tmp_path, "half.pdf")[1] == "PDF is truncated: no %%EOF at its end (an incomplete download?)"
    )
    _write(tmp_path, "ole.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2048))
    assert "rename it to .doc" in _quarantine_reason(tmp_path, "ole.docx")[1]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    _write(tmp_path, "sheet.txt", buf.getvalue())  # a ZIP that is no Word file: not read as one
    assert _quarantine_reason(tmp_path, "sheet.txt")[1].startswith("binary file (ZIP archive")
    _write(tmp_path, "sheet.docx", buf.getvalue())
    assert "has no main document" in _quarantine_reason(tmp_path, "sheet.docx")[1]


def test_doc_without_libreoffice_is_a_quarantine_row_that_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("POLEX_SOFFICE", str(tmp_path / "no-soffice"))
    _write(tmp_path, "old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2048))
    assert _quarantine_reason(tmp_path, "old.doc") == (
        "decode",
        "unsupported file type .doc: reading it needs LibreOffice, which is not installed "
        "(apt-get install libreoffice-writer-nogui)",
    )


@needs_libreoffice
def test_doc_and_wps_are_converted_by_libreoffice(tmp_path, docx_bytes, lines):
    source = _write(tmp_path, "src/d.docx", docx_bytes)
    doc_bytes = mf.libreoffice_convert(source, "doc", tmp_path / "src").read_bytes()
    for name in ("old.doc", "kingsoft.wps"):
        _write(tmp_path, name, doc_bytes)
        doc = read_document(tmp_path, name)
        assert (doc.media_type, doc.encoding, doc.pages) == ("application/msword", "doc", None)
        assert doc.raw_text.rstrip("\n").split("\n") == lines


def test_size_limits_are_per_format(tmp_path, pdf_bytes):
    # --max-bytes is the text limit; PDF and Word files may be OFFICE_SIZE_FACTOR times larger
    limit = len(pdf_bytes) // 2
    _write(tmp_path, "p.pdf", pdf_bytes)
    _write(tmp_path, "t.txt", b"x" * (limit + 1))
    assert read_document(tmp_path, "p.pdf", max_bytes=limit).pages
    stage, reason = _quarantine_reason(tmp_path, "t.txt", max_bytes=limit)
    assert stage == "read" and reason.endswith("limit (raise --max-bytes)")
    small = len(pdf_bytes) // (formats.OFFICE_SIZE_FACTOR + 1)
    stage, reason = _quarantine_reason(tmp_path, "p.pdf", max_bytes=small)
    assert stage == "read" and f"limit for .pdf files ({formats.OFFICE_SIZE_FACTOR} x --max-bytes" in reason
    # a web page behind a .doc name gets the text limit once its content is known
    page = "<html><body>" + "<p>到2025年，企业达到800家。</p>" * (limit // 30 + 1) + "</body></html>"
    _write(tmp_path, "page.doc", page.encode())
    size = (tmp_path / "page.doc").stat().st_size
    assert limit < size < limit * formats.OFFICE_SIZE_FACTOR
    stage, reason = _quarantine_reason(tmp_path, "page.doc", max_bytes=limit)
    assert (stage, reason.split(",")[0]) == ("read", f"file is {size} bytes")


def test_decode_is_the_one_entry_for_every_format(pdf_bytes, docx_bytes):
    pdf = decode(pdf_bytes, ".pdf")
    assert pdf.media_type == "application/pdf" and pdf.page_starts
    assert decode(docx_bytes, ".docx").page_starts is None
    text = decode("到2025年，企业达到800家。\n".encode("gb18030"), ".txt")
    assert (text.text, text.encoding, text.media_type, text.page_starts) == (
        "到2025年，企业达到800家。\n",
        "gb18030",
        "text/plain",
        None,
    )


@needs_libreoffice
def test_a_batch_converts_its_doc_files_in_one_libreoffice_run(tmp_path, monkeypatch):
    import datetime as dt
    import time

    from pipeline.reading import office_convert
    from pipeline.storage.batch import BatchSpec, run_batch

    for k, name in enumerate(["002_d4a341c0482e1261", "004_5c61c9380c1bade9", "000_ce97e2b7f31f05a1"]):
        docx = mf.docx_file(mf.lines_of((CORPUS / f"{name}.txt").read_text(encoding="utf-8")), tmp_path / f"{k}.docx")
        _write(
            tmp_path,
            f"crawl/{k}.{'wps' if k == 2 else 'doc'}",
            mf.libreoffice_convert(docx, "doc", tmp_path).read_bytes(),
        )
    _write(tmp_path, "crawl/broken.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    runs = []
    real_soffice = office_convert._soffice
    monkeypatch.setattr(office_convert, "_soffice", lambda *a: runs.append(len(a[1])) or real_soffice(*a))
    names = ["0.doc", "1.doc", "2.wps", "broken.doc"]
    started = time.perf_counter()
    result = run_batch(
        BatchSpec(
            str(tmp_path / "crawl"),
            [(n, "-") for n in names],
            str(tmp_path / "staging"),
            0,
            dt.datetime.now(dt.timezone.utc),
            "v",
        )
    )
    print(f"4 .doc/.wps files in one batch: {time.perf_counter() - started:.1f} s, LibreOffice runs of {runs} files")
    assert result.ingested == ["0.doc", "1.doc", "2.wps"]
    assert [(q["source_path"], q["stage"]) for q in result.quarantined] == [("broken.doc", "decode")]
    assert result.quarantined[0]["error"].startswith("LibreOffice could not convert the .doc file")
    assert runs[0] == 4  # one run for the batch; the broken file is then tried alone for its reason
    assert runs[1:] == [1]
    # the same text as converting each alone
    alone = read_document(tmp_path / "crawl", "1.doc")
    ahead = read_document(tmp_path / "crawl", "1.doc", converted=prepare_conversions(tmp_path / "crawl", names))
    assert ahead.raw_text == alone.raw_text and ahead.media_type == "application/msword"
