"""Word .docx → ``raw_text``: body paragraphs a line each, tables row by row, cells by tabs.

``read_docx(data, limits)`` is a pure function of the file's bytes.  It returns the text
or raises ``IngestError("decode", reason)``: not a .docx (a renamed .doc, an encrypted
Office file), truncated or corrupt ZIP, no main document, malformed XML, a DTD (entity
expansion), a member that inflates past the limit (a zip bomb), no text.

What ``raw_text`` holds (``docs/formats.md``):
- each body paragraph (``w:p``) is one line, in document order; its text is its runs'
  ``w:t`` text, ``w:tab`` → ``\\t``, ``w:br``/``w:cr`` → ``\\n``, ``w:noBreakHyphen`` → ``-``;
  an automatic list number (``numbering.xml``: ``一、``, ``（一）``, ``1.``, ``①`` …) is
  written before the text as Word shows it, then one space unless the level's suffix
  is nothing;
- a table (``w:tbl``) is one line per row, its cells joined by ``\\t``; a cell's
  paragraphs are joined by a space and any tab or break inside a cell becomes a space,
  so a row stays one line; a cell spanning k grid columns is followed by k−1 empty
  cells (columns stay aligned with the header row); a nested table's rows go into the
  enclosing cell, joined by spaces;
- a text box's paragraphs (``w:txbxContent``) follow the paragraph they are anchored
  in, a line each; the VML fallback copy of the same box (``mc:Fallback``) is skipped;
- tracked deletions (``w:del``), field codes (``w:instrText``), headers, footers,
  footnotes and comments are not body text and are left out; inserted text is kept.
Read with the standard library only (``zipfile`` and a streaming ``XMLPullParser``),
chosen by measurement over python-docx (``docs/formats.md``).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass
from xml.etree.ElementTree import Element, ParseError, XMLPullParser, fromstring

from pipeline.errors import IngestError

VERSION = "1"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_READ_CHUNK = 1 << 16


@dataclass(frozen=True)
class DocxLimits:
    max_bytes: int = 100 * 1024 * 1024
    max_member_bytes: int = 256 * 1024 * 1024  # document.xml inflated
    max_ratio: int = 200  # inflated/compressed of document.xml past which it must be a bomb
    max_members: int = 10_000
    max_chars: int = 20_000_000


def _fail(reason: str) -> IngestError:
    return IngestError("decode", reason)


# ----------------------------------------------------------------------------- zip
def _open_zip(data: bytes, limits: DocxLimits) -> zipfile.ZipFile:
    if len(data) > limits.max_bytes:
        raise _fail(f".docx is {len(data) / 2**20:.1f} MB, over the {limits.max_bytes // 2**20} MB limit")
    if data.startswith(_OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise _fail(".docx is encrypted with a password: ask the publisher for an open copy")
        raise _fail("not a .docx: an old Word 97-2003 (.doc) file named .docx; rename it to .doc")
    if not data.startswith(b"PK"):
        raise _fail("not a .docx: not a ZIP file")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise _fail(".docx is truncated or corrupt: its ZIP directory is missing or damaged") from None
    if len(archive.infolist()) > limits.max_members:
        raise _fail(f".docx has {len(archive.infolist())} ZIP members, over the {limits.max_members} limit")
    return archive


def _member_chunks(archive: zipfile.ZipFile, name: str, limits: DocxLimits):
    """The member's bytes in pieces, stopping at the inflation limits whatever its header claims."""
    info = archive.getinfo(name)
    budget = min(limits.max_member_bytes, max(info.compress_size, 1) * limits.max_ratio + 1024 * 1024)
    if info.file_size > budget:
        raise _bomb(name, info.file_size, budget)
    seen = 0
    try:
        with archive.open(info) as member:
            while piece := member.read(_READ_CHUNK):
                seen += len(piece)
                if seen > budget:
                    raise _bomb(name, seen, budget)
                yield piece
    except (zipfile.BadZipFile, EOFError, OSError, zlib.error, NotImplementedError) as exc:
        raise _fail(f".docx is corrupt: {name} cannot be inflated ({exc})") from None


def _bomb(name: str, size: int, budget: int) -> IngestError:
    return _fail(
        f".docx member {name} inflates past {budget / 2**20:.0f} MB ({size / 2**20:.0f} MB seen): "
        f"a zip bomb or a damaged file; not read"
    )


def _main_part(archive: zipfile.ZipFile, limits: DocxLimits) -> str:
    names = set(archive.namelist())
    if "_rels/.rels" in names:
        rels = b"".join(_member_chunks(archive, "_rels/.rels", limits))
        for m in re.finditer(rb"<Relationship\b[^>]*>", rels):
            tag = m.group(0).decode("utf-8", "replace")
            if _OFFICE_DOCUMENT in tag:
                target = re.search(r'Target="([^"]+)"', tag)
                if target:
                    part = target.group(1).lstrip("/")
                    if part in names:
                        return part
    if "word/document.xml" in names:
        return "word/document.xml"
    raise _fail(".docx has no main document (word/document.xml): not a Word file or corrupt")


# ----------------------------------------------------------------------------- numbering
_CN_DIGITS = "零一二三四五六七八九"


def _chinese(n: int) -> str:
    if n <= 0 or n >= 10000:
        return str(n)
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, value)
        if d:
            if zero:
                out += "零"
            out += _CN_DIGITS[d] + unit
            zero = False
        elif out:
            zero = True
    return out[1:] if out.startswith("一十") else out


def _roman(n: int) -> str:
    out = ""
    for value, sym in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while n >= value:
            out += sym
            n -= value
    return out


def _letter(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _format(n: int, fmt: str) -> str:
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "chineseLegalSimplified",
        "ideographDigital",
        "taiwaneseCounting",
    ):
        return _chinese(n)
    if fmt == "ideographTraditional" and 1 <= n <= 10:
        return "甲乙丙丁戊己庚辛壬癸"[n - 1]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt == "lowerLetter":
        return _letter(n)
    if fmt == "upperLetter":
        return _letter(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "none":
        return ""
    return str(n)  # decimal, decimalZero and anything unknown


class _Numbering:
    """numbering.xml: ``numId`` → levels (format, text, start, suffix) and running counters."""

    def __init__(self, xml: bytes | None):
        self.abstract: dict[str, dict[int, dict]] = {}
        self.nums: dict[str, str] = {}
        self.starts: dict[tuple[str, int], int] = {}
        self.counters: dict[str, list[int]] = {}
        if not xml:
            return
        root = fromstring(xml)
        for absnum in root.iter(f"{W}abstractNum"):
            levels = {}
            for lvl in absnum.iter(f"{W}lvl"):

                def val(tag, default=None, lvl=lvl):
                    el = lvl.find(f"{W}{tag}")
                    return el.get(f"{W}val", default) if el is not None else default

                levels[int(lvl.get(f"{W}ilvl", "0"))] = {
                    "fmt": val("numFmt", "decimal"),
                    "text": val("lvlText", ""),
                    "start": int(val("start", "1") or 1),
                    "suff": val("suff", "tab"),
                }
            self.abstract[absnum.get(f"{W}abstractNumId")] = levels
        for num in root.iter(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            if ref is not None:
                num_id = num.get(f"{W}numId")
                self.nums[num_id] = ref.get(f"{W}val")
                for override in num.iter(f"{W}lvlOverride"):
                    start = override.find(f"{W}startOverride")
                    if start is not None:
                        self.starts[(num_id, int(override.get(f"{W}ilvl", "0")))] = int(start.get(f"{W}val", "1"))

    def label(self, num_id: str | None, ilvl: int) -> str:
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        levels = self.abstract.get(self.nums[num_id], {})
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, [0] * 10)
        level = levels[ilvl]
        if counters[ilvl] == 0:
            counters[ilvl] = self.starts.get((num_id, ilvl), level["start"])
        else:
            counters[ilvl] += 1
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = 0
        if level["fmt"] == "bullet":
            return ""  # a bullet glyph is decoration, not text

        def sub(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            if k not in levels:
                return ""
            n = counters[k] or levels[k]["start"]
            return _format(n, levels[k]["fmt"])

        text = re.sub(r"%(\d)", sub, level["text"] or "")
        if not text:
            return ""
        return text + ("" if level["suff"] == "nothing" else " ")


# ----------------------------------------------------------------------------- body
class _Cell:
    __slots__ = ("paragraphs", "span")

    def __init__(self):
        self.paragraphs: list[str] = []
        self.span = 1


def _flat(text: str) -> str:
    return re.sub(r"[\t\n]+", " ", text).strip(" ")


_SKIPPED = frozenset({MC_FALLBACK, f"{W}del", f"{W}instrText", f"{W}delText", f"{W}moveFrom"})
_RUN_MARKS = {f"{W}tab": "\t", f"{W}br": "\n", f"{W}cr": "\n", f"{W}noBreakHyphen": "-"}


def _int_val(el, default: int) -> int | None:
    try:
        return int(el.get(f"{W}val", str(default)))
    except ValueError:
        return None


class _BodyReader:
    """The streaming state of one document.xml: open paragraphs, cells, rows, text boxes.

    ``start``/``end`` take the parser's events; finished lines collect in ``lines``.
    """

    def __init__(self, numbering: _Numbering, limits: DocxLimits):
        self.numbering = numbering
        self.limits = limits
        self.lines: list[str] = []
        self.paragraphs: list[list[str]] = []  # open paragraphs (a text box's sit inside a run of another)
        self.after: list[list[str]] = []  # per open paragraph: text-box lines to emit after it
        self.cells: list[_Cell] = []  # open cells, innermost last
        self.rows: list[list[_Cell]] = []  # open rows
        self.num_pr: list[list] = []  # per open paragraph: [numId, ilvl]
        self.boxes = 0  # open w:txbxContent
        self.skip = 0  # depth inside a subtree that is not body text
        self.parents: list[str] = []
        self.chars = 0
        self._ends = {
            f"{W}t": self._end_text,
            f"{W}numId": self._end_num_id,
            f"{W}ilvl": self._end_ilvl,
            f"{W}gridSpan": self._end_grid_span,
            f"{W}p": self._end_paragraph,
            f"{W}tc": self._end_cell,
            f"{W}tr": self._end_row,
            f"{W}txbxContent": self._end_box,
            f"{W}body": lambda el: el.clear(),
            **{tag: self._end_mark for tag in _RUN_MARKS},
        }

    def emit(self, line: str) -> None:
        self.chars += len(line) + 1
        if self.chars > self.limits.max_chars:
            raise _fail(f".docx text is over {self.limits.max_chars:,} characters; not read")
        if self.cells:
            self.cells[-1].paragraphs.append(_flat(line))
        elif self.paragraphs and self.boxes:  # a text box's paragraph: after the one it is anchored in
            self.after[-1].append(line)
        else:
            self.lines.append(line)

    def handle_all(self, events) -> None:
        for event, el in events:
            if event == "start":
                self.start(el)
            else:
                self.end(el)

    def start(self, el) -> None:
        tag = el.tag
        el.set("_parent", self.parents[-1] if self.parents else "")
        self.parents.append(tag)
        if self.skip or tag in _SKIPPED:
            self.skip += 1
        elif tag == f"{W}p":
            self.paragraphs.append([])
            self.after.append([])
            self.num_pr.append([None, 0])
        elif tag == f"{W}tc":
            self.cells.append(_Cell())
        elif tag == f"{W}tr":
            self.rows.append([])
        elif tag == f"{W}txbxContent":
            self.boxes += 1

    def end(self, el) -> None:
        self.parents.pop()
        if self.skip:
            self.skip -= 1
            el.clear()
            return
        finish = self._ends.get(el.tag)
        if finish is not None:
            finish(el)

    def _end_text(self, el) -> None:
        if self.paragraphs:
            self.paragraphs[-1].append(el.text or "")

    def _end_mark(self, el) -> None:
        if self.paragraphs and el.get("_parent") == f"{W}r":
            self.paragraphs[-1].append(_RUN_MARKS[el.tag])

    def _end_num_id(self, el) -> None:
        if self.num_pr:
            self.num_pr[-1][0] = el.get(f"{W}val")

    def _end_ilvl(self, el) -> None:
        level = _int_val(el, 0)
        if self.num_pr and level is not None:
            self.num_pr[-1][1] = level

    def _end_grid_span(self, el) -> None:
        span = _int_val(el, 1)
        if self.cells and span is not None:
            self.cells[-1].span = max(1, min(span, 64))

    def _end_paragraph(self, el) -> None:
        text = "".join(self.paragraphs.pop())
        num_id, ilvl = self.num_pr.pop()
        label = self.numbering.label(num_id, ilvl) if num_id else ""
        box_lines = self.after.pop()
        self.emit(label + text)
        for line in box_lines:
            self.emit(line)
        el.clear()

    def _end_cell(self, el) -> None:
        cell = self.cells.pop()
        if self.rows:
            self.rows[-1].append(cell)
        el.clear()

    def _end_row(self, el) -> None:
        texts: list[str] = []
        for cell in self.rows.pop() if self.rows else []:
            texts.append(" ".join(p for p in cell.paragraphs if p))
            texts += [""] * (cell.span - 1)
        line = "\t".join(texts)
        if line.strip():
            self.emit(line)
        el.clear()

    def _end_box(self, el) -> None:
        self.boxes -= 1


def _numbering(archive: zipfile.ZipFile, limits: DocxLimits) -> _Numbering:
    if "word/numbering.xml" not in archive.namelist():
        return _Numbering(None)
    try:
        return _Numbering(b"".join(_member_chunks(archive, "word/numbering.xml", limits)))
    except ParseError:
        return _Numbering(None)  # numbers are lost, the text is not


def _parse_body(archive: zipfile.ZipFile, part: str, body: _BodyReader, limits: DocxLimits) -> None:
    parser: XMLPullParser[Element] = XMLPullParser(events=("start", "end"))
    started = False
    try:
        for piece in _member_chunks(archive, part, limits):
            if not started:
                if b"<!DOCTYPE" in piece[:4096] or b"<!ENTITY" in piece[:4096]:
                    raise _fail(f".docx {part} declares a DTD (entities): not written by Word; refused")
                started = True
            elif b"<!ENTITY" in piece:
                raise _fail(f".docx {part} declares entities: not written by Word; refused")
            parser.feed(piece)
            body.handle_all(parser.read_events())
        parser.close()
        body.handle_all(parser.read_events())
    except ParseError as exc:
        raise _fail(f".docx is corrupt: {part} is not well-formed XML ({exc})") from None


def read_docx(data: bytes, limits: DocxLimits | None = None) -> str:
    """The .docx's ``raw_text``; raises ``IngestError("decode", reason)``."""
    limits = limits or DocxLimits()
    archive = _open_zip(data, limits)
    part = _main_part(archive, limits)
    body = _BodyReader(_numbering(archive, limits), limits)
    _parse_body(archive, part, body, limits)
    text = "\n".join(body.lines)
    if not text.strip():
        raise _fail(".docx has no text in its body")
    return text
