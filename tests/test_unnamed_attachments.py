"""A crawl's attachments saved under names that say nothing (``download.jsp``, ``getfile?id=3``, no
suffix): a PDF or a .docx among them is read by its content (``formats.sniff_unnamed``); anything else
under such a name stays a quarantine row ``unsupported file type …``.  Real reportlab PDFs and .docx
files, read directly and through ``polex run`` and its Parquet."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from polex_cli import run_polex

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "formats"))

import make_formats as mf  # noqa: E402

from pipeline.errors import IngestError  # noqa: E402
from pipeline.reading import formats  # noqa: E402
from pipeline.reading.reader import read_document  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
SEED = "002_d4a341c0482e1261.txt"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_NAMES = ("download.jsp", "attach/getfile?id=3")
DOCX_NAMES = ("fujian", "attach/DownFile.aspx")


@pytest.fixture(scope="module")
def lines() -> list[str]:
    return mf.lines_of((CORPUS / SEED).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def pdf_bytes(lines) -> bytes:
    return mf.reportlab_pdf(lines, header="山东省人民政府公报")[0]


@pytest.fixture(scope="module")
def docx_bytes(lines, tmp_path_factory) -> bytes:
    return mf.docx_file(lines, tmp_path_factory.mktemp("docx") / "d.docx").read_bytes()


def _xlsx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


def _corpus(root: Path, pdf: bytes, docx: bytes) -> dict[str, str]:
    """The attachments a crawler saved, by name; returns the unsupported ones with their reason."""
    files = {**dict.fromkeys(PDF_NAMES, pdf), **dict.fromkeys(DOCX_NAMES, docx)}
    unsupported = {"export.jsp": _xlsx_bytes(), "page.php": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 an .xls", "id=7": b""}
    for name, data in {**files, **unsupported}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return {"export.jsp": ".jsp", "page.php": ".php", "id=7": "(no extension)"}


def test_sniffing_an_unnamed_file_knows_only_pdf_and_word(pdf_bytes, docx_bytes):
    assert formats.sniff_unnamed(pdf_bytes[: formats.UNNAMED_HEAD_BYTES]) == formats.PDF
    assert formats.sniff_unnamed(docx_bytes[:4]) == formats.ZIP  # a ZIP's head: read it all to tell
    assert formats.sniff_unnamed(docx_bytes) == formats.DOCX
    assert formats.sniff_unnamed(_xlsx_bytes()) == formats.ZIP
    assert formats.sniff_unnamed(b"<html><body>x</body></html>") is None


def test_pdf_and_docx_under_non_document_names_are_read(tmp_path, pdf_bytes, docx_bytes, lines):
    unsupported = _corpus(tmp_path, pdf_bytes, docx_bytes)
    for name in PDF_NAMES:
        doc = read_document(tmp_path, name)
        assert (doc.media_type, doc.encoding, doc.source_path) == ("application/pdf", "pdf", name)
        assert doc.pages == doc.raw_text.count("\f") + 1 and "先进制造业集群的实施意见" in doc.raw_text
    for name in DOCX_NAMES:
        doc = read_document(tmp_path, name)
        assert (doc.media_type, doc.encoding, doc.pages) == (DOCX_TYPE, "docx", None)
        assert doc.raw_text.split("\n") == lines
    for name, suffix in unsupported.items():
        with pytest.raises(IngestError) as info:
            read_document(tmp_path, name)
        assert (info.value.stage, info.value.message) == ("read", f"unsupported file type {suffix}")


def test_an_unnamed_pdf_keeps_the_pdf_size_limit(tmp_path, pdf_bytes):
    (tmp_path / "download.jsp").write_bytes(pdf_bytes)
    limit = len(pdf_bytes) // formats.OFFICE_SIZE_FACTOR  # --max-bytes: the PDF limit is 5x that
    assert read_document(tmp_path, "download.jsp", max_bytes=limit + 1).media_type == "application/pdf"
    with pytest.raises(IngestError) as info:
        read_document(tmp_path, "download.jsp", max_bytes=limit - 1)
    assert info.value.stage == "read" and "limit for .pdf files" in info.value.message


@pytest.mark.slow
@pytest.mark.usefixtures("prefect_api_url")
def test_polex_run_publishes_unnamed_attachments_and_quarantines_the_rest(tmp_path, pdf_bytes, docx_bytes):
    root = tmp_path / "crawl"
    unsupported = _corpus(root, pdf_bytes, docx_bytes)
    out = tmp_path / "out"
    result = run_polex("run", str(root), "--out", str(out), "--no-progress")
    assert result.returncode == 1, result.stderr  # the unsupported ones quarantined, the rest published

    docs = pd.read_parquet(out / "documents.parquet").set_index("source_path")
    assert set(docs.index) == {*PDF_NAMES, *DOCX_NAMES}
    assert set(docs.loc[list(PDF_NAMES), "media_type"]) == {"application/pdf"}
    assert set(docs.loc[list(DOCX_NAMES), "media_type"]) == {DOCX_TYPE}
    quarantine = pd.read_parquet(out / "quarantine.parquet")
    assert {r.source_path: r.error for r in quarantine.itertuples()} == {
        name: f"unsupported file type {suffix}" for name, suffix in unsupported.items()
    }
    # the same document, whatever the name: its targets found in each file, offsets into its raw_text
    targets = pd.read_parquet(out / "targets.parquet")
    counts = targets.groupby("doc_id").size()
    assert len(counts) == 4 and counts.min() > 0
    for row in targets.itertuples():
        raw = docs.raw_text[docs.doc_id == row.doc_id].item()
        assert raw[row.raw_start : row.raw_end] == row.text
