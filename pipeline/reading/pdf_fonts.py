"""A last-resort font for PDFium, so that a PDF's text does not depend on the machine's fonts.

A PDF may name a font it does not embed (reportlab's and many Java generators'
``STSong-Light``, ``SimSun`` in older Word exports).  PDFium then measures every glyph
with whatever system font it substitutes; on a machine without a CJK font (a fresh
Docker image) it substitutes its built-in Latin fonts, where no Chinese glyph exists,
and every Chinese glyph's box is empty.  PDFium's text page skips a text object whose
box has no width (``CPDF_TextPage::ProcessTextObject``: ``GetRect().Width() <
kSizeEpsilon``); with empty glyph boxes an object's box runs from its first
character's origin to its last one's, so a text object of one Chinese character (a
paragraph's last character wrapped onto its own line; every character of a PDF that
draws them one at a time) is lost from the text altogether.

:func:`install` puts a wrapper around PDFium's default system font lookup: a font it
finds is used as before (on a machine with a CJK font nothing changes); when it finds
none for a CJK character set, PDFium gets :data:`_FALLBACK_TTF`, a tiny TrueType font
made here whose ``cmap`` (format 13, the "last resort" kind) maps every code point to
a box glyph: an em square for CJK and fullwidth forms, half an em for Latin, digits and
general punctuation (a full em on a digit would overlap the next character by half an
em, where the line builder starts a new line), as a CJK font's glyphs are.  Characters'
advances still come from the PDF's own width tables; the font only gives every glyph a
box, so no text object is empty and none is skipped.
"""

from __future__ import annotations

import ctypes
import struct

import pypdfium2.raw as raw

_UNITS, _ASCENT, _DESCENT = 1000, 880, -120
_CJK_CHARSETS = {
    raw.FXFONT_GB2312_CHARSET,
    raw.FXFONT_CHINESEBIG5_CHARSET,
    raw.FXFONT_SHIFTJIS_CHARSET,
    raw.FXFONT_HANGEUL_CHARSET,
}
_FACE_NAME = b"PolexLastResort"


def _box_glyph(width: int) -> bytes:
    """One contour, a box ``width`` wide from the descent to the ascent, four on-curve points."""
    header = struct.pack(">hhhhh", 1, 0, _DESCENT, width, _ASCENT)
    xs = (0, 0, width, 0)  # deltas: (0, descent) (0, ascent) (width, ascent) (width, descent)
    ys = (_DESCENT, _ASCENT - _DESCENT, 0, _DESCENT - _ASCENT)
    body = struct.pack(">HH", 3, 0) + bytes([1, 1, 1, 1]) + struct.pack(">4h", *xs) + struct.pack(">4h", *ys)
    glyph = header + body
    return glyph + b"\0" * (-len(glyph) % 4)


def _pack(fields: list[tuple[str, str, int]]) -> bytes:
    return struct.pack(">" + "".join(kind for _, kind, _ in fields), *(value for _, _, value in fields))


_HEAD = [  # the OpenType 'head' table: (field, struct format, value)
    ("version", "I", 0x00010000),
    ("fontRevision", "I", 0x00010000),
    ("checksumAdjustment", "I", 0),  # FreeType does not check sums
    ("magicNumber", "I", 0x5F0F3CF5),
    ("flags", "H", 0x000B),
    ("unitsPerEm", "H", _UNITS),
    ("created", "q", 0),
    ("modified", "q", 0),
    ("xMin", "h", 0),
    ("yMin", "h", _DESCENT),
    ("xMax", "h", _UNITS),
    ("yMax", "h", _ASCENT),
    ("macStyle", "H", 0),
    ("lowestRecPPEM", "H", 8),
    ("fontDirectionHint", "h", 2),
    ("indexToLocFormat", "h", 0),  # short 'loca' offsets
    ("glyphDataFormat", "h", 0),
]
_HHEA = [
    ("version", "I", 0x00010000),
    ("ascender", "h", _ASCENT),
    ("descender", "h", _DESCENT),
    ("lineGap", "h", 0),
    ("advanceWidthMax", "H", _UNITS),
    ("minLeftSideBearing", "h", 0),
    ("minRightSideBearing", "h", 0),
    ("xMaxExtent", "h", _UNITS),
    ("caretSlopeRise", "h", 1),
    ("caretSlopeRun", "h", 0),
    ("caretOffset", "h", 0),
    ("reserved0", "h", 0),
    ("reserved1", "h", 0),
    ("reserved2", "h", 0),
    ("reserved3", "h", 0),
    ("metricDataFormat", "h", 0),
    ("numberOfHMetrics", "H", 3),
]


def _tables() -> dict[bytes, bytes]:
    full, half = _box_glyph(_UNITS), _box_glyph(_UNITS // 2)
    # glyph 1: an em square (CJK from U+2E80 on, fullwidth forms); glyph 2: half an em
    # (Latin, digits, general punctuation), as a CJK font's glyphs are
    groups = [(0x20, 0x2E7F, 2), (0x2E80, 0xFF60, 1), (0xFF61, 0xFFDF, 2), (0xFFE0, 0xFFFF, 1), (0x10000, 0x10FFFF, 1)]
    cmap13 = struct.pack(">HHIII", 13, 0, 16 + 12 * len(groups), 0, len(groups))
    cmap13 += b"".join(struct.pack(">III", *g) for g in groups)
    cmap = struct.pack(">HH", 0, 2) + struct.pack(">HHI", 3, 1, 20) + struct.pack(">HHI", 3, 10, 20) + cmap13
    return {
        b"cmap": cmap,
        b"glyf": full + half,
        b"head": _pack(_HEAD),
        b"hhea": _pack(_HHEA),
        b"hmtx": struct.pack(">HhHhHh", _UNITS, 0, _UNITS, 0, _UNITS // 2, 0),
        b"loca": struct.pack(">HHHH", 0, 0, len(full) // 2, (len(full) + len(half)) // 2),
        # version 1.0, 3 glyphs, at most 4 points and 1 contour a glyph, 2 zones, the rest 0
        b"maxp": struct.pack(">IH13H", 0x00010000, 3, 4, 1, 0, 0, 2, *[0] * 8),
        b"name": struct.pack(">HHH", 0, 0, 6),
        b"post": struct.pack(">IIhhIIIII", 0x00030000, 0, -100, 50, 0, 0, 0, 0, 0),
    }


def _font_file() -> bytes:
    tables = _tables()
    header = struct.pack(">IHHHH", 0x00010000, len(tables), 128, 3, len(tables) * 16 - 128)
    directory, body = b"", b""
    offset = 12 + 16 * len(tables)
    for tag in sorted(tables):
        data = tables[tag] + b"\0" * (-len(tables[tag]) % 4)
        directory += struct.pack(">4sIII", tag, 0, offset + len(body), len(tables[tag]))
        body += data
    return header + directory + body


_FALLBACK_TTF = _font_file()
_FALLBACK_HANDLE = id(_FALLBACK_TTF)  # an address no handle of PDFium's own can have
_installed: list[object] = []  # PDFium keeps pointers to the wrapper and its callbacks: kept alive here


def _copy_out(data: bytes, buffer, size: int) -> int:
    """PDFium's convention: the length needed, the data copied when the buffer holds it."""
    if buffer and size >= len(data):
        ctypes.memmove(buffer, data, len(data))
    return len(data)


class _WithFallback:
    """The callbacks of an ``FPDF_SYSFONTINFO``: PDFium's default lookup, the fallback
    font where it finds no font for a CJK character set."""

    def __init__(self, default) -> None:
        self.default, self.base = default, default.contents

    def enum_fonts(self, _this, mapper):
        self.base.EnumFonts(self.default, mapper)

    def map_font(self, _this, weight, italic, charset, pitch, face, exact):
        found = self.base.MapFont(self.default, weight, italic, charset, pitch, face, exact)
        if not found and charset in _CJK_CHARSETS:
            return _FALLBACK_HANDLE
        return found

    def get_font(self, _this, face):
        return self.base.GetFont(self.default, face)

    def get_font_data(self, _this, handle, table, buffer, size):
        if handle != _FALLBACK_HANDLE:
            return self.base.GetFontData(self.default, handle, table, buffer, size)
        # the whole file (table 0); no single table is asked for but 'ttcf' (not a collection)
        return _copy_out(_FALLBACK_TTF, buffer, size) if table == 0 else 0

    def get_face_name(self, _this, handle, buffer, size):
        if handle != _FALLBACK_HANDLE:
            return self.base.GetFaceName(self.default, handle, buffer, size)
        return _copy_out(_FACE_NAME + b"\0", buffer, size)

    def get_font_charset(self, _this, handle):
        if handle != _FALLBACK_HANDLE:
            return self.base.GetFontCharset(self.default, handle)
        return raw.FXFONT_GB2312_CHARSET

    def delete_font(self, _this, handle):
        if handle != _FALLBACK_HANDLE:
            self.base.DeleteFont(self.default, handle)


def install() -> None:
    """Wrap PDFium's system font lookup with the fallback (once per process).  ``Release``
    stays unset: PDFium's default lookup lives as long as the process."""
    if _installed:
        return
    default = raw.FPDF_GetDefaultSystemFontInfo()
    if not default:
        return
    callbacks = _WithFallback(default)
    info = raw.FPDF_SYSFONTINFO()
    info.version = 1
    kinds = dict(raw.FPDF_SYSFONTINFO._fields_)
    functions = [kinds[name](getattr(callbacks, method)) for name, method in _CALLBACKS]
    for (name, _), function in zip(_CALLBACKS, functions):
        setattr(info, name, function)
    _installed.extend([callbacks, info, functions])
    raw.FPDF_SetSystemFontInfo(ctypes.byref(info))


_CALLBACKS = [
    ("EnumFonts", "enum_fonts"),
    ("MapFont", "map_font"),
    ("GetFont", "get_font"),
    ("GetFontData", "get_font_data"),
    ("GetFaceName", "get_face_name"),
    ("GetFontCharset", "get_font_charset"),
    ("DeleteFont", "delete_font"),
]
