"""Reading corpus files as they come from government sites: find, hash, decode.

``read_document`` turns one file into a :class:`RawDocument` or raises
:class:`IngestError` (stage ``read`` or ``decode``) with a reason a data team
can act on.  ``decode`` picks the reader by content first, name second
(``pipeline.reading.formats``): PDF, .docx, .doc/.wps, else text or HTML
(``decode_bytes``).  Decoding never guesses silently: a broken UTF-8 file is
quarantined, not turned into GB18030 mojibake (see ``pipeline.reading.encoding``).
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pipeline.core.document import RawDocument
from pipeline.errors import IngestError
from pipeline.reading.encoding import decode_text
from pipeline.reading.error_pages import error_page_cue
from pipeline.reading.formats import (
    OFFICE_SIZE_FACTOR,
    OFFICE_SUFFIXES,
    SUFFIX_OF_FORMAT,
    UNNAMED_HEAD_BYTES,
    ZIP,
    Decoded,
    convert_ahead,
    read_office,
    size_limit,
    sniff,
    sniff_unnamed,
)
from pipeline.reading.html_text import visible_text

HTML_SUFFIXES = (".htm", ".html", ".shtml", ".xhtml")  # .shtml: server-side includes, common on government sites
SUPPORTED_SUFFIXES = (".txt", *HTML_SUFFIXES, *OFFICE_SUFFIXES)
# Files no one means as a document: OS and office junk.  Ignored (and counted in
# the run summary) like every name starting with "." and every hidden folder.
# Any other file polex cannot read is a quarantine row, never skipped silently.
IGNORED_NAMES = frozenset({"thumbs.db", "ehthumbs.db", "desktop.ini"})
IGNORED_PREFIXES = (".", "~$")  # dotfiles (.DS_Store, ._x resource forks); Word/Excel owner files
# Larger text/HTML files are quarantined without being read whole; PDF and Word files
# may be formats.OFFICE_SIZE_FACTOR times larger (fonts and images around the text).
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
HASH_CHUNK_BYTES = 1024 * 1024

# A .txt file that is really a saved web page is read as HTML.
_HTML_START = re.compile(
    rb"(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL
)
# Transient I/O errors are left to the caller's retry policy; these are the file's own fault.
_PERMANENT_ERRNOS = {
    errno.EACCES,
    errno.EPERM,
    errno.ENOENT,
    errno.EISDIR,
    errno.ENOTDIR,
    errno.ELOOP,
    errno.ENAMETOOLONG,
}


@dataclass
class CorpusListing:
    files: list[str]  # sorted relative POSIX paths: every file polex accounts for
    ignored: list[str]  # hidden and OS/office junk files (hidden folders are not entered)


def is_ignored(name: str) -> bool:
    return name.startswith(IGNORED_PREFIXES) or name.lower() in IGNORED_NAMES


def is_supported(path: str) -> bool:
    """Whether polex reads this file type (the others are quarantined as unsupported)."""
    return path.lower().endswith(SUPPORTED_SUFFIXES)


def list_corpus(corpus_root: Path) -> CorpusListing:
    """Every file under ``corpus_root``, recursively, bar the ignored ones (see IGNORED_NAMES)."""
    root = Path(corpus_root)
    if not root.is_dir():
        raise NotADirectoryError(f"corpus folder {root} does not exist or is not a folder")
    files: list[str] = []
    ignored: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]  # prune hidden folders
        rel_dir = Path(dirpath).relative_to(root)
        for name in filenames:
            (ignored if is_ignored(name) else files).append((rel_dir / name).as_posix())
    return CorpusListing(sorted(files), sorted(ignored))


def discover(corpus_root: Path) -> list[str]:
    """Sorted relative POSIX paths of the files polex reads under ``corpus_root`` (hidden ones skipped)."""
    return [path for path in list_corpus(corpus_root).files if is_supported(path)]


def hash_file(path: Path) -> str:
    """sha256 hex digest of the file's bytes, read in chunks (constant memory)."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(HASH_CHUNK_BYTES):
            digest.update(chunk)
    return digest.hexdigest()


def decode(
    data: bytes, suffix: str, max_bytes: int = DEFAULT_MAX_BYTES, converted: Mapping[str, bytes] | None = None
) -> Decoded:
    """A file's ``raw_text`` in any supported format; raises IngestError("decode", reason).

    ``max_bytes`` is the text limit (``--max-bytes``); the paged readers get theirs from it.
    ``converted``: .doc/.wps conversions made ahead (``prepare_conversions``).
    """
    kind = sniff(data, suffix)
    if kind is not None:
        return read_office(kind, data, suffix, max_bytes, converted)
    if len(data) > max_bytes:  # a .pdf/.docx name let it be read, but it is text
        raise IngestError("read", _too_big(len(data), max_bytes))
    text, encoding, media_type = decode_bytes(data, suffix)
    return Decoded(text, encoding, media_type)


def decode_bytes(data: bytes, suffix: str) -> tuple[str, str, str]:
    """``(raw_text, encoding, media_type)`` of a text or HTML file's bytes; raises IngestError("decode", reason).

    For HTML, ``raw_text`` is the page's visible text (``pipeline.reading.html_text``).
    Binary files (PDF and Word among them) are refused here: ``decode`` reads those.
    """
    is_html = suffix.lower() in HTML_SUFFIXES or bool(_HTML_START.match(data, 0, 4096))
    text, encoding = decode_text(data, html=is_html)
    if not is_html:
        return text, encoding, "text/plain"
    visible = visible_text(text)
    if not visible.strip():
        raise IngestError("decode", "HTML page has no visible text")
    cue = error_page_cue(visible)
    if cue is not None:
        first_line = visible.strip().split("\n", 1)[0][:40]
        raise IngestError(
            "decode",
            f"HTML page is an error, login or redirect page, not a document ({cue!r} in {first_line!r}):"
            " the crawler saved it instead of the page; fetch it again",
        )
    return visible, encoding, "text/html"


def prepare_conversions(
    corpus_root: Path, rel_paths: list[str], max_bytes: int = DEFAULT_MAX_BYTES
) -> dict[str, bytes]:
    """.doc/.wps files among ``rel_paths`` converted in one LibreOffice run, for
    ``read_document(converted=...)`` (a batch pays LibreOffice's start once, not per file).
    Files it cannot read or convert are left out: ``read_document`` reports them."""
    files = []
    for rel in rel_paths:
        suffix = PurePosixPath(rel).suffix.lower()
        if suffix not in (".doc", ".wps"):
            continue
        try:
            files.append((_read_bounded(Path(corpus_root) / rel, size_limit(suffix, max_bytes), suffix), suffix))
        except (IngestError, OSError):
            continue
    return convert_ahead(files, max_bytes)


def read_document(
    corpus_root: Path,
    rel_path: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    sha256: str | None = None,
    converted: Mapping[str, bytes] | None = None,
) -> RawDocument:
    """Read and decode one corpus file.  Raises IngestError (stage ``read`` or ``decode``).

    ``converted``: ``prepare_conversions``' result for the batch this file is in."""
    rel = PurePosixPath(rel_path)
    if rel.is_absolute() or ".." in rel.parts:
        raise IngestError("read", f"path {rel_path!r} is not inside the corpus folder")
    path = Path(corpus_root) / rel
    suffix, data = (rel.suffix, None) if is_supported(rel.name) else _suffix_by_content(path, rel.suffix, max_bytes)
    if data is None:
        data = _read_bounded(path, size_limit(suffix, max_bytes), suffix)
    decoded = decode(data, suffix, max_bytes, converted)
    return RawDocument(
        doc_id=rel.as_posix(),
        source_path=rel.as_posix(),
        sha256=sha256 or hashlib.sha256(data).hexdigest(),
        raw_text=decoded.text,
        encoding=decoded.encoding,
        media_type=decoded.media_type,
        page_starts=decoded.page_starts,
    )


def _suffix_by_content(path: Path, suffix: str, max_bytes: int) -> tuple[str, bytes | None]:
    """(the suffix a file under a non-document name — ``download.jsp``, ``getfile?id=3`` — is
    read as, its bytes when they were read whole to decide): ``.pdf`` or ``.docx`` when its
    bytes say so (``formats.sniff_unnamed``), else the IngestError that calls its type
    unsupported.  Only a ZIP's head needs the whole file, which is then not read again."""
    unsupported = IngestError("read", f"unsupported file type {suffix.lower() or '(no extension)'}")
    data = None
    kind = sniff_unnamed(_read_head(path, UNNAMED_HEAD_BYTES))
    if kind == ZIP:
        data = _read_bounded(path, size_limit(".docx", max_bytes), ".docx")
        kind = sniff_unnamed(data)
    if kind not in SUFFIX_OF_FORMAT:
        raise unsupported
    return SUFFIX_OF_FORMAT[kind], data


@contextmanager
def _read_errors(path: Path) -> Iterator[None]:
    """A file that cannot be read for good (a folder, no permission, …) as IngestError("read");
    transient errors (EIO, ESTALE, …) raised as they are, for the caller to retry."""
    try:
        yield
    except IsADirectoryError:
        raise IngestError("read", "is a folder, not a file") from None
    except OSError as exc:
        if exc.errno not in _PERMANENT_ERRNOS:
            raise
        reason = "permission denied" if exc.errno in (errno.EACCES, errno.EPERM) else (exc.strerror or str(exc))
        if exc.errno == errno.ENOENT and path.is_symlink():  # a crawl's link to a file moved away
            reason = f"broken symbolic link to {os.readlink(path)} (no such file)"
        raise IngestError("read", f"cannot read file: {reason}") from None


def _read_head(path: Path, n: int) -> bytes:
    with _read_errors(path), open(path, "rb") as f:
        return f.read(n)


def _read_bounded(path: Path, max_bytes: int, suffix: str = "") -> bytes:
    with _read_errors(path), open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        if size > max_bytes:
            raise IngestError("read", _too_big(size, max_bytes, suffix))
        data = f.read(max_bytes + 1)  # bounded even if the file grows while we read it
    if len(data) > max_bytes:
        raise IngestError("read", _too_big(len(data), max_bytes, suffix))
    return data


def _too_big(size: int, limit: int, suffix: str = "") -> str:
    if suffix.lower() in OFFICE_SUFFIXES:
        return (
            f"file is {_megabytes(size)}, over the {_megabytes(limit, limit=True)} limit for {suffix.lower()} files "
            f"({OFFICE_SIZE_FACTOR} x --max-bytes; raise --max-bytes)"
        )
    return f"file is {_megabytes(size)}, over the {_megabytes(limit, limit=True)} limit (raise --max-bytes)"


def _megabytes(n: int, limit: bool = False) -> str:
    mb = n / (1024 * 1024)
    if limit and mb == int(mb):
        return f"{int(mb)} MB"
    return f"{mb:.1f} MB" if mb >= 0.1 else f"{n} bytes"
