"""Bytes -> text for documents from Chinese government sites, without silent mojibake.

Order of evidence (strongest first): binary signatures; byte order marks
(UTF-8/16/32); strict UTF-8; for HTML a declared ``<meta charset>`` the bytes
agree with; a strict GB18030 decode (superset of GBK/GB2312) that reads as
Chinese; charset-normalizer's verdict (it tells Big5 from GBK, which both
decode each other's bytes without error).  A file that is *almost* UTF-8
(truncated mid-character, a few corrupt bytes) is refused with the byte
position: decoding it as GB18030 would "succeed" and produce garbage.

The recorded encoding name reads the file back exactly:
``open(path, encoding=enc, newline="").read() == raw_text`` (so UTF-16 with a
BOM is ``utf-16`` and UTF-8 with a BOM is ``utf-8-sig``: the BOM is not text).
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from pipeline.errors import IngestError

_BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = (  # signatures of files that get saved with a .txt/.html name by mistake
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or Office .docx/.xlsx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Office .doc/.xls/.wps"),
    (b"{\\rtf", "RTF document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
)
_UNKNOWN_BINARY = "control bytes: an image, archive or other binary format"
# C0 controls that never occur in text (tab, LF, VT, FF, CR, ESC and SUB do, in old DOS/PDF exports).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 26, 27)) + b"\x7f"
_NON_CONTROL_BYTES = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
_ASCII_WHITESPACE = b" \t\r\n\x0b\x0c"
_NUL_WINDOW = 8000  # git's rule: a NUL byte in the first 8000 bytes means binary
_MAX_CONTROL_SHARE = 0.01
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x19\x1c-\x1f\x7f]")
_CONTROL_WINDOW = 65536  # characters whose control share is judged
_NON_CONTROL_ASCII = bytes(b for b in range(0x80) if _CONTROL_CHARS.match(chr(b)) is None)


def control_count(text: str) -> int:
    """``len(_CONTROL_CHARS.findall(text, 0, 65536))``: every control character is ASCII, so the
    ASCII characters of the window (an encoder that skips the rest) less the other ASCII bytes
    are the control characters, counted in two C passes (the regex engine tests a class per
    character, about four times the time)."""
    ascii_only = text[:_CONTROL_WINDOW].encode("ascii", "ignore")
    return len(ascii_only.translate(None, _NON_CONTROL_ASCII))


_DECLARED_CHARSET = re.compile(rb"<meta[^>]{0,300}?charset\s*=\s*[\"']?\s*([a-z0-9_\-.:]{1,40})", re.IGNORECASE)
_DECLARATION_WINDOW = 16384
# Labels that pages use for the GB family; GB18030 decodes all of them.
_GB_FAMILY = {
    "gb2312",
    "gbk",
    "gb18030",
    "cp936",
    "x-gbk",
    "x-euc-cn",
    "euc-cn",
    "csgb2312",
    "gb_2312-80",
    "chinese",
    "hz-gb-2312",
}
_CHARSET_NORMALIZER_CANDIDATES = ["gb18030", "big5", "big5hkscs", "utf_16_le", "utf_16_be", "utf_8"]

# Does a decode read as Chinese?  The ~500 most frequent hanzi (shared by simplified and
# traditional text) cover ~70% of any real Chinese prose, while mojibake (Big5 read as GBK,
# binary read as GB18030) spreads over thousands of rare characters, kana and box drawing.
_COMMON_HANZI = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后"
    "多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还"
    "因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结"
    "解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级"
    "少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领"
    "七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每"
    "目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影"
    "算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准"
    "精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听"
    "该铁价严施推项企励支持创服务环境健全融资城镇综合监督财税奖补贴扶培育领域优化营升级智能造链群龙头集聚示范载平台"
    "會發國這們來個時於對動過說產種麵後學經實體機當點業還進樣與關開間現應無軍黨問題員頭資級圖統較將組見計別長邊"
    "條區強決戰據處隊給門規熱導壓誌極聯認權證轉單風帶場車務萬達積議聲報類離華確張馬節話溫傳許記須際驗連斷難礦辦"
)
_HANZI = re.compile(r"[\u4e00-\u9fff]")
_COMMON_HANZI_RE = re.compile("[" + "".join(sorted(_COMMON_HANZI)) + "]")
# Characters a Chinese document plausibly contains besides hanzi: ASCII, Latin-1 punctuation,
# general/CJK punctuation, circled numbers, full-width forms.
_ODD_CHAR = re.compile(
    r"[^\x00-\x7f\u00a0-\u00ff\u2000-\u206f\u2100-\u215f\u2160-\u218f\u2190-\u21ff\u2200-\u22ff"
    r"\u2460-\u24ff\u2500-\u257f\u25a0-\u25ff\u2600-\u26ff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff"
    r"\ufe30-\ufe4f\uff00-\uffef]"
)
_MIN_COMMON_SHARE = 0.25
_MAX_ODD_SHARE = 0.02
_FEW_HANZI = 20  # below this, the share is noise: rely on the odd-character check only
_ALMOST_UTF8_RATIO = 4  # >= 4 valid multibyte chars per invalid byte: a damaged UTF-8 file


def decode_text(data: bytes, *, html: bool = False) -> tuple[str, str]:
    """``(text, encoding)``; raises IngestError("decode", reason)."""
    if not data.strip(_ASCII_WHITESPACE):
        raise IngestError("decode", "empty file")
    kind = _binary_kind(data)
    if kind:
        raise IngestError("decode", f"binary file ({kind}?) not a text document")
    text, encoding = _decode(data, html)
    if not text.strip():
        raise IngestError("decode", "empty file")
    if control_count(text) > _MAX_CONTROL_SHARE * min(len(text), _CONTROL_WINDOW):
        raise IngestError(
            "decode", f"binary file (control characters after decoding as {encoding}?) not a text document"
        )
    return text, encoding


def _decode(data: bytes, html: bool) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding), encoding
    if b"\x00" in data:  # no BOM; only UTF-16/32 text has NULs (binary was refused before)
        return _bomless_utf16(data)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    _refuse_damaged_utf8(data, utf8_error)
    if html:
        declared = _declared_charset(data)
        if declared:
            text = _try_decode(data, declared)
            if text is not None and _reads_as_text(text):
                return text, declared
    text = _try_decode(data, "gb18030")
    if text is not None and _reads_as_chinese(text):
        return text, "gb18030"
    _refuse_truncated_gb18030(data)
    guess = _charset_normalizer_guess(data)
    if guess:
        return guess
    raise IngestError(
        "decode",
        f"unknown text encoding: not UTF-8 (invalid byte at {utf8_error.start}), GB18030/GBK, Big5 or UTF-16",
    )


def _binary_kind(data: bytes) -> str | None:
    """A name for what the bytes are, if they are not text; None for text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None  # UTF-16/32 text is full of NULs
    head = data[:_NUL_WINDOW]
    control = len(head.translate(None, _NON_CONTROL_BYTES))  # deletes all but the control bytes
    nul = head.count(0)
    if nul and _looks_like_bomless_utf16(head):
        return None
    if nul or control > _MAX_CONTROL_SHARE * len(head):
        return _UNKNOWN_BINARY
    return None


def _looks_like_bomless_utf16(head: bytes) -> bool:
    # UTF-16 of ASCII-rich text has its NULs all on one side of each code unit.
    # (Confirmed after decoding: binary read as UTF-16 is full of unassigned and odd characters.)
    even, odd = head[0::2].count(0), head[1::2].count(0)
    return len(head) % 2 == 0 and max(even, odd) >= 4 * min(even, odd) + 4


def _bomless_utf16(data: bytes) -> tuple[str, str]:
    encoding = "utf-16-le" if data[1::2].count(0) > data[0::2].count(0) else "utf-16-be"
    text = _try_decode(data, encoding)
    if text is None or not _reads_as_text(text):
        raise IngestError("decode", f"binary file ({_UNKNOWN_BINARY}?) not a text document")
    return text, encoding


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        label = encoding.upper().replace("-SIG", "")
        raise IngestError("decode", f"invalid {label} at byte {exc.start} (file truncated or corrupted?)") from None


def _refuse_damaged_utf8(data: bytes, exc: UnicodeDecodeError) -> None:
    """Raise if the bytes are UTF-8 with a few broken sequences rather than another encoding."""
    if exc.reason == "unexpected end of data" and exc.end == len(data):
        raise IngestError(
            "decode", f"invalid UTF-8 at byte {exc.start}: file ends in the middle of a character (truncated?)"
        )
    lenient = data.decode("utf-8", "replace")
    invalid = lenient.count("\ufffd") - data.count(b"\xef\xbf\xbd")  # minus U+FFFD the file really holds
    valid_multibyte = len(lenient) - len(lenient.encode("ascii", "ignore")) - invalid
    if valid_multibyte >= _ALMOST_UTF8_RATIO * invalid:
        raise IngestError(
            "decode",
            f"invalid UTF-8 at byte {exc.start} (file truncated or corrupted?): "
            f"{invalid} bad byte sequence(s) among {valid_multibyte} valid characters",
        )


def _refuse_truncated_gb18030(data: bytes) -> None:
    try:
        data.decode("gb18030")
    except UnicodeDecodeError as exc:
        if exc.end == len(data) and exc.start >= len(data) - 3:
            prefix = _try_decode(data[: exc.start], "gb18030")
            if prefix is not None and len(_HANZI.findall(prefix)) >= _FEW_HANZI and _reads_as_chinese(prefix):
                raise IngestError(
                    "decode",
                    f"invalid GB18030 at byte {exc.start}: file ends in the middle of a character (truncated?)",
                ) from None


def _declared_charset(data: bytes) -> str | None:
    match = _DECLARED_CHARSET.search(data, 0, _DECLARATION_WINDOW)
    if not match:
        return None
    label = match.group(1).decode("ascii").lower()
    if label in _GB_FAMILY:
        return "gb18030" if label != "hz-gb-2312" else "hz"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _try_decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _reads_as_text(text: str) -> bool:
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return len(_ODD_CHAR.findall(text)) <= _MAX_ODD_SHARE * max(non_ascii, 1)


def _reads_as_chinese(text: str) -> bool:
    if not _reads_as_text(text):
        return False
    hanzi = len(_HANZI.findall(text))
    if hanzi < _FEW_HANZI:
        return True
    return len(_COMMON_HANZI_RE.findall(text)) >= _MIN_COMMON_SHARE * hanzi


def _charset_normalizer_guess(data: bytes) -> tuple[str, str] | None:
    best = from_bytes(data, cp_isolation=_CHARSET_NORMALIZER_CANDIDATES).best()
    if best is None:
        return None
    encoding = codecs.lookup(best.encoding).name
    text = _try_decode(data, encoding)
    if text is None or not _reads_as_text(text):
        return None
    return text, encoding
