"""PDF → ``raw_text``: the pages' text in reading order, pages separated by a form feed.

``read_pdf(data, limits)`` is a pure function of the file's bytes.  It returns a
:class:`PdfText` (``text``, ``page_starts``) or raises ``IngestError("decode", reason)``
with a reason a data team can act on: not a PDF, truncated, corrupt, encrypted, no text
layer (a scan: needs OCR), too large, too many pages, a stream that inflates past the
limit (a compression bomb), taking too long.

What ``raw_text`` holds (``docs/formats.md``):
- page k's text starts at ``page_starts[k]``; pages are joined by ``\\f`` (a page's own
  text never holds one), so ``text.split("\\f")`` gives the pages;
- a page is its lines joined by ``\\n``, top to bottom; a line is the characters on one
  baseline in the order they are drawn; a gap of ``CELL_GAP_EM`` font sizes or more
  between two runs on one baseline (table cells, a tab stop) becomes ``\\t``, a word gap
  between two ASCII letters or digits a space; characters pdfium generated (its own
  spaces and line breaks) are dropped;
- a ruled table (thin vertical and horizontal paths) is read row by row: one line per
  row, its cells (between the vertical rules) joined by ``\t``, a cell's own lines joined
  top to bottom, so a cell wrapped over several lines stays in its row;
- reading order: the order the page draws its text, except that a block of lines drawn
  later but standing above an earlier block in the same column (a title box, a header
  drawn last, a footer drawn first) is moved to where it stands.  Columns drawn one
  after the other stay in that order, so two-column pages read column by column;
- characters come as the PDF's ToUnicode maps give them: Kangxi radicals stay radicals
  (``normalizers/ideographs.py`` maps them, with its offset map), page numbers and
  running headers stay (``normalizers/page_furniture.py``).

Library: pypdfium2 (PDFium, Apache-2.0 / BSD-3-Clause), chosen by measurement
(``benchmarks/measure_readers.py``, ``docs/formats.md``).
"""

from __future__ import annotations

import bisect
import ctypes
import re
import time
import zlib
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from pipeline.errors import IngestError
from pipeline.reading import pdf_fonts

# Bump when what raw_text holds for a PDF changes: cached results key on it.
VERSION = "3"  # 2: a last-resort font for CJK fonts the machine lacks (pdf_fonts); 3: merged cells read once
CELL_GAP_EM = 1.0  # a gap this wide (in font sizes) on one baseline separates cells
_ASCII_CELL_GAP_EM = 2.0  # ... between two ASCII characters (justified Latin text has wide word gaps)
_WORD_GAP_EM = 0.25  # a gap between ASCII letters/digits this wide is a space
_MAX_BLOCKS_REORDERED = 150  # pages with more blocks keep the drawing order (the sort is cubic)
_RECENT_LINES = 4  # a character may continue one of the last few lines
_CLOSE_EM = 1.0  # ... an earlier one only when it stands this close to its end
_CONTINUE_EM = 40.0  # ... when it stands at most this far right of the line's end (a far table cell)
_WIDE_LINE = 0.35  # lines this wide (share of the page's text width) mark out columns


@dataclass(frozen=True)
class PdfLimits:
    max_bytes: int = 100 * 1024 * 1024
    max_pages: int = 3000
    max_stream_bytes: int = 256 * 1024 * 1024  # one inflated (non-image) stream
    max_inflated_bytes: int = 1024 * 1024 * 1024  # all inflated non-image streams together
    max_chars: int = 20_000_000
    timeout_s: float = 120.0
    min_text_pages: float = 0.2  # below this share of pages with text (and images present): a scan


@dataclass(frozen=True)
class PdfText:
    text: str
    page_starts: list[int] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return len(self.page_starts)

    def page_of(self, offset: int) -> int:
        """1-based page holding raw offset ``offset``."""
        return bisect.bisect_right(self.page_starts, offset)


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 // 10 else f"{n} bytes"


def _fail(reason: str) -> IngestError:
    return IngestError("decode", reason)


# ----------------------------------------------------------------------------- guards
_STREAM = re.compile(rb"stream\r?\n")
_IMAGE = re.compile(rb"/Subtype\s*/Image")
_CHUNK = 1 << 16


def check_inflation(data: bytes, limits: PdfLimits) -> int:
    """Inflate every Flate-compressed non-image stream in bounded pieces, keeping nothing:
    raises when one stream or all together exceed the limits.  Returns the total."""
    total = 0
    for m in _STREAM.finditer(data):
        start = m.end()
        if data[start : start + 1] != b"\x78":  # not a zlib stream (or an encrypted one)
            continue
        head = data[max(0, start - 2048) : m.start()]
        obj = head.rfind(b" obj")
        if _IMAGE.search(head[obj:] if obj >= 0 else head):
            continue  # image data is never decoded to read text
        inflater = zlib.decompressobj()
        stream_total, pos, pending = 0, start, b""
        try:
            while not inflater.eof:
                if not pending:
                    if pos >= len(data):
                        break
                    pending, pos = data[pos : pos + _CHUNK], pos + _CHUNK
                piece = inflater.decompress(pending, _CHUNK)  # at most _CHUNK bytes out
                pending = inflater.unconsumed_tail
                stream_total += len(piece)
                if stream_total > limits.max_stream_bytes:
                    raise _fail(
                        f"PDF stream inflates past {limits.max_stream_bytes // 2**20} MB "
                        f"(a compression bomb or a damaged file); not read"
                    )
        except zlib.error:
            pass  # a damaged stream: PDFium decides what to make of it
        total += stream_total
        if total > limits.max_inflated_bytes:
            raise _fail(
                f"PDF streams inflate past {limits.max_inflated_bytes // 2**20} MB in all "
                f"(a compression bomb?); not read"
            )
    return total


def _check_envelope(data: bytes, limits: PdfLimits) -> None:
    if len(data) > limits.max_bytes:
        raise _fail(f"PDF is {_size(len(data))}, over the {_size(limits.max_bytes)} limit")
    if b"%PDF-" not in data[:1024]:
        raise _fail("not a PDF: no %PDF- header in the first 1 KB")
    if b"%%EOF" not in data[-2048:]:
        raise _fail("PDF is truncated: no %%EOF at its end (an incomplete download?)")


# ----------------------------------------------------------------------------- layout
@dataclass
class _Line:
    chars: list[tuple[str, float, float, float]]  # (char, left, right, font size)
    top: float
    bottom: float
    fixed: str | None = None  # a table row rebuilt from its cells

    @property
    def left(self) -> float:
        return self.chars[0][1]

    @property
    def right(self) -> float:
        return max(c[2] for c in self.chars)

    def text(self, rules: list[tuple[float, float, float]] | None = None) -> str:
        """The line's text; ``rules`` are the page's vertical rules (x, bottom, top): a rule
        standing between two characters (a table's cell border) is a cell gap too."""
        if self.fixed is not None:
            return self.fixed
        out = []
        prev = None
        mid = (self.top + self.bottom) / 2
        for ch, left, right, size in self.chars:
            if prev is not None:
                gap = left - prev[2]
                em = max(size, prev[3], 1.0)
                ascii_pair = prev[0].isascii() and ch.isascii()
                ruled = rules and any(
                    prev[2] - 1.0 <= x <= left + 1.0 and bottom <= mid <= top for x, bottom, top in rules
                )
                if ruled or gap >= (_ASCII_CELL_GAP_EM if ascii_pair else CELL_GAP_EM) * em:
                    out.append("\t")
                elif (
                    gap >= _WORD_GAP_EM * em
                    and prev[0].isascii()
                    and prev[0].isalnum()
                    and ch.isascii()
                    and ch.isalnum()
                ):
                    out.append(" ")
            out.append(ch)
            prev = (ch, left, right, size)
        return "".join(out)


def _page_chars(textpage, raw):
    """``(char, left, right, top, bottom, size)`` of the page's characters in drawing order,
    without PDFium's generated ones, surrogate pairs joined, control characters dropped."""
    rect = raw.FS_RECTF()
    pending_high = 0
    for i in range(raw.FPDFText_CountChars(textpage)):
        if raw.FPDFText_IsGenerated(textpage, i) == 1:
            continue
        code = raw.FPDFText_GetUnicode(textpage, i)
        if 0xD800 <= code < 0xDC00:  # high surrogate: the pair's low half follows
            pending_high = code
            continue
        if 0xDC00 <= code < 0xE000 and pending_high:
            code = 0x10000 + ((pending_high - 0xD800) << 10) + (code - 0xDC00)
        pending_high = 0
        ch = chr(code)
        if ch in "\r\n\f\x00" or code < 0x20 and ch != "\t":
            continue
        raw.FPDFText_GetLooseCharBox(textpage, i, rect)
        size = raw.FPDFText_GetFontSize(textpage, i)
        if not 1.0 <= size <= 200.0:  # a font scaled by its matrix: the box is the better measure
            size = max(rect.top - rect.bottom, 1.0)
        yield ch, rect.left, rect.right, rect.top, rect.bottom, size


def _line_continued(lines: list[_Line], left: float, top: float, bottom: float, size: float) -> _Line | None:
    """The recent line a character at this place continues, or None.

    The last line goes on at any distance to the right (a far table cell); an earlier
    one only right after its end (PDFium may hand a line's last characters over late).
    A line further back at a column gap is another column's line on the same baseline."""
    mid = (top + bottom) / 2
    for back, line in enumerate(reversed(lines[-_RECENT_LINES:])):
        line_mid = (line.top + line.bottom) / 2
        if abs(mid - line_mid) > 0.45 * max(size, line.top - line.bottom):
            continue
        last_right = line.chars[-1][2]
        reach = _CONTINUE_EM if back == 0 else _CLOSE_EM
        if last_right - 0.5 * size <= left <= last_right + reach * size:
            return line
    return None


def _page_lines(textpage, raw) -> list[_Line]:
    """The page's characters in drawing order, cut into lines (one baseline, left to right)."""
    lines: list[_Line] = []
    for ch, left, right, top, bottom, size in _page_chars(textpage, raw):
        if ch.isspace():
            if lines and lines[-1].chars[-1][0] != " ":
                lines[-1].chars.append((" ", left, right, size))
            continue
        target = _line_continued(lines, left, top, bottom, size)
        if target is None:
            lines.append(_Line([(ch, left, right, size)], top, bottom))
            continue
        target.chars.append((ch, left, right, size))
        target.top, target.bottom = max(target.top, top), min(target.bottom, bottom)
    return _trimmed_once(lines)


def _trimmed_once(lines: list[_Line]) -> list[_Line]:
    """Lines without trailing spaces (a line never ends or starts with one), and text
    drawn twice at (almost) the same place (fake bold) once."""
    kept, seen = [], set()
    for line in lines:
        while line.chars and line.chars[-1][0] == " ":
            line.chars.pop()
        if not line.chars:
            continue
        key = ("".join(c[0] for c in line.chars), round(line.top), round(line.left))
        if key in seen:
            continue
        seen.add(key)
        kept.append(line)
    return kept


def _blocks(lines: list[_Line]) -> list[list[_Line]]:
    """Runs of lines drawn one below the other in one column."""
    blocks: list[list[_Line]] = []
    for line in lines:
        if blocks:
            prev = blocks[-1][-1]
            height = prev.top - prev.bottom
            # the next line down: below this one, less than a line height of gap between them
            below = prev.bottom - height <= line.top <= prev.bottom + 0.5 * height
            overlaps = line.left < prev.right and prev.left < line.right
            if below and overlaps:
                blocks[-1].append(line)
                continue
        blocks.append([line])
    return blocks


def _reading_order(lines: list[_Line]) -> list[_Line]:
    """Drawing order, except a block standing above another block of its column goes first."""
    blocks = _blocks(lines)
    if len(blocks) <= 1 or len(blocks) > _MAX_BLOCKS_REORDERED:
        return lines
    boxes = []
    for block in blocks:
        boxes.append(
            (
                min(l.left for l in block),
                max(l.right for l in block),
                max(l.top for l in block),
                min(l.bottom for l in block),
            )
        )

    columns = _columns(lines)
    block_columns = [_columns_of(box[0], box[1], columns) for box in boxes]

    def above(a: int, b: int) -> bool:  # block a stands above block b, in a column they share
        return boxes[a][3] >= boxes[b][2] - 1.0 and bool(block_columns[a] & block_columns[b])

    # Page furniture: blocks standing above (below) every other block open (close) the
    # page, whatever column they sit in (a page number in a corner, a running header).
    remaining = list(range(len(blocks)))
    head: list[int] = []
    tail: list[int] = []
    for _ in range(2):
        for k in list(remaining):
            others = [o for o in remaining if o != k]
            if others and all(boxes[k][3] >= boxes[o][2] - 1.0 for o in others):
                head.append(k)
                remaining.remove(k)
            elif others and all(boxes[k][2] <= boxes[o][3] + 1.0 for o in others):
                tail.insert(0, k)
                remaining.remove(k)
    ordered: list[int] = head
    while remaining:
        for k, b in enumerate(remaining):
            if not any(above(a, b) for a in remaining if a != b):
                ordered.append(remaining.pop(k))
                break
        else:  # a cycle (overlapping boxes): keep the drawing order
            ordered.extend(remaining)
            break
    ordered += tail
    return [line for b in ordered for line in blocks[b]]


def _columns(lines: list[_Line]) -> list[tuple[float, float]]:
    """The page's text columns: x-intervals covered by wide lines, merged where they overlap."""
    left = min(line.left for line in lines)
    width = max(line.right for line in lines) - left
    spans = sorted((line.left, line.right) for line in lines if line.right - line.left >= _WIDE_LINE * width)
    if not spans:
        return [(left, left + width)]
    merged = [list(spans[0])]
    for a, b in spans[1:]:
        if a < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(a, b) for a, b in merged]


def _columns_of(left: float, right: float, columns: list[tuple[float, float]]) -> set[int]:
    hit = {k for k, (a, b) in enumerate(columns) if left < b and a < right}
    if hit:
        return hit
    centre = (left + right) / 2  # in a gutter or a margin: the nearest column
    return {min(range(len(columns)), key=lambda k: min(abs(centre - columns[k][0]), abs(centre - columns[k][1])))}


# ----------------------------------------------------------------------------- reading
def _open(data: bytes):
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = raw.FPDF_GetLastError()
        if code == raw.FPDF_ERR_PASSWORD:
            raise _fail("PDF is encrypted with a password: ask the publisher for an open copy") from None
        if code == raw.FPDF_ERR_SECURITY:
            raise _fail("PDF uses an unsupported security handler (DRM): cannot be read") from None
        raise _fail(f"PDF is corrupt: PDFium cannot parse it ({exc})") from None


def _page_text(page) -> tuple[str, bool]:
    """One page's text in reading order, and whether it is an image with no text (a scan)."""
    textpage = page.get_textpage()
    try:
        lines = _page_lines(textpage.raw, raw)
    finally:
        textpage.close()
    scanned = not lines and _has_image(page, raw)
    vertical, horizontal = _rules(page, raw) if lines else ([], [])
    lines = _reading_order(_table_rows(lines, vertical, horizontal))
    return "\n".join(line.text(vertical) for line in lines), scanned


def _read_pages(doc, limits: PdfLimits, started: float) -> list[str]:
    n_pages = len(doc)
    if n_pages == 0:
        raise _fail("PDF has no pages")
    if n_pages > limits.max_pages:
        raise _fail(f"PDF has {n_pages} pages, over the {limits.max_pages} page limit")
    pages: list[str] = []
    text_pages = image_pages = chars = 0
    for k in range(n_pages):
        if time.monotonic() - started > limits.timeout_s:
            raise _fail(f"PDF took over {limits.timeout_s:.0f} s to read (at page {k + 1} of {n_pages}); not read")
        page = doc[k]
        try:
            text, scanned = _page_text(page)
        finally:
            page.close()
        image_pages += scanned
        text_pages += bool(text.strip())
        chars += len(text)
        if chars > limits.max_chars:
            raise _fail(f"PDF text is over {limits.max_chars:,} characters; not read")
        pages.append(text)
    if text_pages == 0:
        if image_pages:
            raise _fail(f"PDF has no text layer (all {n_pages} pages are images: a scan?): it needs OCR")
        raise _fail("PDF has no text")
    if image_pages and text_pages < limits.min_text_pages * n_pages:
        raise _fail(f"PDF is mostly scanned images ({image_pages} of {n_pages} pages have no text layer): it needs OCR")
    return pages


def read_pdf(data: bytes, limits: PdfLimits | None = None) -> PdfText:
    """The PDF's ``raw_text`` and page starts; raises ``IngestError("decode", reason)``."""
    limits = limits or PdfLimits()
    started = time.monotonic()
    pdf_fonts.install()  # glyph boxes that do not depend on the machine's CJK fonts
    _check_envelope(data, limits)
    check_inflation(data, limits)
    doc = _open(data)
    try:
        pages = _read_pages(doc, limits, started)
    finally:
        doc.close()
    starts, pos = [], 0
    for text in pages:
        starts.append(pos)
        pos += len(text) + 1
    return PdfText("\f".join(pages), starts)


_MAX_ROW_HEIGHT = 300.0  # points: a taller ruled band is a frame, not a table row
_MAX_ROW_LINES = 40
_MAX_RULES = 2000  # pages drawn with more paths (charts, maps) are not tables worth it


def _rules(page, raw) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
    """Thin paths on the page (table borders): vertical (x, bottom, top), horizontal (y, left, right)."""
    vertical: list[tuple[float, float, float]] = []
    horizontal: list[tuple[float, float, float]] = []
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    stack = [(None, k) for k in range(raw.FPDFPage_CountObjects(page.raw))]
    seen = 0
    while stack and seen < _MAX_RULES:
        form, k = stack.pop()
        obj = raw.FPDFPage_GetObject(page.raw, k) if form is None else raw.FPDFFormObj_GetObject(form, k)
        kind = raw.FPDFPageObj_GetType(obj)
        seen += 1
        if kind == raw.FPDF_PAGEOBJ_FORM:
            stack += [(obj, j) for j in range(raw.FPDFFormObj_CountObjects(obj))]
        elif kind == raw.FPDF_PAGEOBJ_PATH and raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            width, height = right.value - left.value, top.value - bottom.value
            if width <= 2.0 and height >= 4.0:
                vertical.append(((left.value + right.value) / 2, bottom.value, top.value))
            elif height <= 2.0 and width >= 4.0:
                horizontal.append(((bottom.value + top.value) / 2, left.value, right.value))
    return vertical, horizontal


def _cluster(values: list[float], tolerance: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tolerance:
            out.append(v)
    return out


def _table_rows(lines: list[_Line], vertical, horizontal) -> list[_Line]:
    """Lines inside a ruled table become one line per row, cells (between the vertical
    rules crossing the row) joined by tabs, each cell's lines joined top to bottom: a
    cell wrapped over three lines stays in its row.  A merged cell (no rule under it
    between two rows: a rowspan) is read once, on the first row it covers, as Word's
    and HTML's merged cells are: its lines printed beside the rows below go up to it."""
    if len(vertical) < 2 or len(horizontal) < 2:
        return lines
    ys = _cluster([y for y, _, _ in horizontal])[::-1]  # top to bottom
    bands: list[tuple[float, float, list[float], list[int]]] = []
    taken: set[int] = set()
    for upper, lower in zip(ys, ys[1:]):
        if upper - lower > _MAX_ROW_HEIGHT:
            continue  # a frame around the page, not a table row
        mid = (upper + lower) / 2
        cols = _cluster([x for x, bottom, top in vertical if bottom - 1 <= mid <= top + 1])
        if len(cols) < 2:
            continue
        members = [
            k
            for k, line in enumerate(lines)
            if k not in taken
            and lower <= (line.top + line.bottom) / 2 <= upper
            and line.left >= cols[0] - 2
            and line.right <= cols[-1] + 2
        ]
        if not members or len(members) > _MAX_ROW_LINES:
            continue
        bands.append((upper, lower, cols, members))
        taken.update(members)
    owner = [[(b, j) for j in range(len(cols) - 1)] for b, (_, _, cols, _) in enumerate(bands)]
    for b in range(1, len(bands)):
        _merge_up(bands, owner, b, horizontal)
    cells, chars_of = _cell_chars(lines, bands, owner)
    replace: dict[int, _Line] = {}
    absorbed: set[int] = set()
    grids = _grids(bands)
    for b, (upper, lower, cols, members) in enumerate(bands):
        texts = []
        for j, cell in enumerate(cells[b]):
            texts.append(" ".join("".join(cell).split()))
            # a cell spanning k grid columns (a colspan) is followed by k-1 empty cells, as Word's are
            texts += [""] * sum(1 for x in grids[b] if cols[j] + 2 < x < cols[j + 1] - 2)
        text = "\t".join(texts)
        if not text.strip() and not any(owner[b][j] != (b, j) for j in range(len(owner[b]))):
            continue
        chars = sorted(chars_of[b], key=lambda c: c[1]) or list(lines[members[0]].chars)
        replace[members[0]] = _Line(chars, upper, lower, fixed=text)
        absorbed.update(members)
    if not replace:
        return lines
    return [replace[k] if k in replace else line for k, line in enumerate(lines) if k in replace or k not in absorbed]


def _cell_chars(lines: list[_Line], bands, owner) -> tuple[list[list[list[str]]], list[list]]:
    """Per band, each cell's characters (top to bottom, left to right) and the characters of the band's row."""
    cells: list[list[list[str]]] = [[[] for _ in cols[1:]] for _, _, cols, _ in bands]
    chars_of: list[list] = [[] for _ in bands]
    for b, (_, _, cols, members) in enumerate(bands):
        for k in sorted(members, key=lambda k: (-lines[k].top, lines[k].left)):
            for ch in lines[k].chars:
                centre = (ch[1] + ch[2]) / 2
                col = min(max(bisect.bisect_right(cols, centre) - 1, 0), len(cols) - 2)
                ob, oj = owner[b][col]
                cells[ob][oj].append(ch[0])
                chars_of[ob].append(ch)
    return cells, chars_of


def _grids(bands) -> list[list[float]]:
    """Per band, the column rules of its whole table (the bands joined edge to edge): the finest grid."""
    grids: list[list[float]] = []
    start = 0
    for b in range(len(bands) + 1):
        if b == len(bands) or (b > start and abs(bands[b - 1][1] - bands[b][0]) > 2.0):
            grid = _cluster([x for _, _, cols, _ in bands[start:b] for x in cols])
            grids += [grid] * (b - start)
            start = b
    return grids


def _merge_up(bands, owner, b: int, horizontal) -> None:
    """Point band ``b``'s columns that no rule separates from the band right above at that band's cell."""
    upper, _, cols, _ = bands[b]
    above_upper, above_lower, above_cols, _ = bands[b - 1]
    if abs(above_lower - upper) > 2.0:
        return  # not the next row of the same table
    rules = [(left, right) for y, left, right in horizontal if abs(y - upper) <= 2.0]
    for j in range(len(cols) - 1):
        centre = (cols[j] + cols[j + 1]) / 2
        if any(left - 1 <= centre <= right + 1 for left, right in rules):
            continue
        if not above_cols[0] <= centre <= above_cols[-1]:
            continue
        k = min(max(bisect.bisect_right(above_cols, centre) - 1, 0), len(above_cols) - 2)
        owner[b][j] = owner[b - 1][k]


def _has_image(page, raw) -> bool:
    count = raw.FPDFPage_CountObjects(page.raw)
    for i in range(count):
        obj = raw.FPDFPage_GetObject(page.raw, i)
        if raw.FPDFPageObj_GetType(obj) in (raw.FPDF_PAGEOBJ_IMAGE, raw.FPDF_PAGEOBJ_FORM):
            return True
    return False
