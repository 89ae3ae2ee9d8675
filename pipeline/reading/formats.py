"""Which reader a file's bytes need (content first, name second), and the paged formats' readers.

``sniff(data, suffix)`` names the format: ``pdf``, ``docx``, ``doc`` (Word 97-2003 /
WPS, converted by LibreOffice) or None (text or HTML, ``pipeline.reading.encoding``).
Content decides over the name, because crawlers name files after the link: a PDF
saved as ``.html``, a ``.doc`` that is really a .docx, a Word "web page" saved as
``.doc`` are all common.  ``read_office`` runs the reader and returns a :class:`Decoded`.

Size limits: PDF and Word files carry fonts, images and XML around their text, so they
may be ``OFFICE_SIZE_FACTOR`` times the text limit (``--max-bytes``, 20 MB by default:
100 MB for a PDF, the size of a long government report with scanned appendices).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass

from pipeline.errors import IngestError
from pipeline.reading.docx_text import DocxLimits, read_docx
from pipeline.reading.office_convert import ConvertLimits, convert_many, convert_to_docx
from pipeline.reading.pdf_text import PdfLimits, read_pdf

PDF, DOCX, DOC = "pdf", "docx", "doc"
ZIP = "zip"  # sniff_unnamed on a file's head: a ZIP archive, Word or not (read it all to tell)
UNNAMED_HEAD_BYTES = 1024
SUFFIX_OF_FORMAT = {PDF: ".pdf", DOCX: ".docx"}
_FORMAT_OF_SUFFIX = {".pdf": PDF, ".docx": DOCX, ".doc": DOC, ".wps": DOC}  # WPS files are read as .doc
OFFICE_SUFFIXES = tuple(_FORMAT_OF_SUFFIX)
OFFICE_SIZE_FACTOR = 5
MEDIA_TYPES = {
    PDF: "application/pdf",
    DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    DOC: "application/msword",
}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_SNIFF_BYTES = 1024  # %PDF- may follow a few junk bytes (the PDF spec allows 1 KB)
_HTML_HEAD = re.compile(rb"\s*(?:\xef\xbb\xbf)?\s*<(?:!doctype\s+html|html[\s>]|head[\s>])", re.IGNORECASE)


@dataclass(frozen=True)
class Decoded:
    """A file's ``raw_text`` and what it was read as."""

    text: str
    encoding: str  # the text encoding; for paged formats the format ("pdf", "docx", "doc")
    media_type: str
    page_starts: list[int] | None = None  # raw offset of each page's start (PDF only)


def size_limit(suffix: str, max_bytes: int) -> int:
    """The largest file of this type that is read, for the text limit ``max_bytes``."""
    return max_bytes * OFFICE_SIZE_FACTOR if suffix.lower() in OFFICE_SUFFIXES else max_bytes


def _signature(data: bytes) -> str | None:
    """What the bytes say they are: ``pdf`` (``%PDF-`` in the first KB), ``docx`` (a ZIP whose
    headers name ``word/`` parts, stored uncompressed), ``zip`` (any other ZIP, or one whose head
    alone was given), ``doc`` (an OLE container: Word 97-2003, WPS, or .xls/.ppt), else None."""
    if b"%PDF-" in data[:_SNIFF_BYTES]:
        return PDF
    if data.startswith(_ZIP_MAGIC):
        return DOCX if b"word/" in data else ZIP
    return DOC if data.startswith(_OLE_MAGIC) else None


def sniff(data: bytes, suffix: str) -> str | None:
    """The paged format of these bytes, or None for text/HTML.  Content first: a PDF
    signature or a Word ZIP/OLE container wins over the name; the name decides only for
    bytes with no signature (the readers then say what is wrong with them)."""
    suffix = suffix.lower()
    found = _signature(data)
    if found == PDF:
        return PDF
    if found in (DOCX, ZIP):
        return DOCX if found == DOCX or suffix == ".docx" else None
    if found == DOC:
        return DOCX if suffix == ".docx" else DOC  # read_docx explains a renamed .doc or an encrypted .docx
    if suffix in (".doc", ".wps") and _HTML_HEAD.match(data, 0, 4096):
        return None  # Word's "save as web page" named .doc: an HTML page
    return _FORMAT_OF_SUFFIX.get(suffix)


def sniff_unnamed(data: bytes) -> str | None:
    """The paged format of a file whose name says nothing a reader can use (a crawler's
    ``download.jsp``, ``getfile?id=3``, no suffix at all), by signature alone: ``pdf`` for
    ``%PDF-`` in the first KB, ``docx`` for a ZIP holding ``word/`` parts, else None (the
    file stays unsupported: an .xlsx is a ZIP too, an OLE container may be .xls or .ppt).
    ``data`` may be the first ``UNNAMED_HEAD_BYTES`` only: a ZIP then answers ``ZIP``,
    meaning "read it all and ask again"."""
    found = _signature(data)
    return found if found in (PDF, DOCX, ZIP) else None


def read_office(
    kind: str, data: bytes, suffix: str, max_bytes: int, converted: Mapping[str, bytes] | None = None
) -> Decoded:
    """Read bytes ``sniff`` called ``kind``; raises ``IngestError("decode", reason)``.

    ``converted``: .docx conversions made ahead (``convert_ahead``), by the sha256 of the
    .doc's bytes; a .doc not in it is converted here."""
    limit = max_bytes * OFFICE_SIZE_FACTOR
    if kind == PDF:
        if _HTML_HEAD.match(data, 0, 4096):
            raise IngestError(
                "decode", "not a PDF: an HTML page named .pdf (an error or login page the crawler saved?)"
            )
        pdf = read_pdf(data, PdfLimits(max_bytes=limit))
        return Decoded(pdf.text, PDF, MEDIA_TYPES[PDF], pdf.page_starts)
    if kind == DOCX:
        return Decoded(read_docx(data, DocxLimits(max_bytes=limit)), DOCX, MEDIA_TYPES[DOCX])
    docx = converted.get(hashlib.sha256(data).hexdigest()) if converted else None
    if docx is None:
        docx = convert_to_docx(data, _doc_suffix(suffix), ConvertLimits(max_bytes=limit))
    return Decoded(read_docx(docx, DocxLimits(max_bytes=max(limit, len(docx)))), DOC, MEDIA_TYPES[DOC])


def _doc_suffix(suffix: str) -> str:
    return suffix.lower() if suffix.lower() in (".doc", ".wps") else ".doc"


def convert_ahead(files: list[tuple[bytes, str]], max_bytes: int) -> dict[str, bytes]:
    """The .docx of every .doc/.wps among ``(bytes, suffix)`` pairs, made by one LibreOffice
    run (it starts in seconds for every run; a batch pays that once), by the sha256 of the
    file's bytes.  Files it could not convert are left out: ``read_office`` converts those
    alone and says why.  Fewer than two: nothing to gain, nothing done."""
    docs = [(data, _doc_suffix(suffix)) for data, suffix in files if sniff(data, suffix) == DOC]
    if len(docs) < 2:
        return {}
    made = convert_many(docs, ConvertLimits(max_bytes=max_bytes * OFFICE_SIZE_FACTOR))
    return {hashlib.sha256(data).hexdigest(): docx for (data, _), docx in zip(docs, made) if docx is not None}
