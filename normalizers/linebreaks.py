"""Line structure: blank-line runs collapse to one ``\\n``, broken lines are joined.

PDF and Word exports break paragraphs at page ends (``双\\n\\n循环``,
``市\\n\\n税务局``).  A break between line A and line B is deleted only when all hold:
- A is in the body: some earlier line (or A) ended with ``。`` or ``：`` (the title,
  发文字号 and addressee block above is never joined);
- A does not end with sentence-final punctuation or a closing bracket
  (``。！？；：…）〕】``);
- A is not a heading alone (a heading marker and no ``。；！？`` after it: the section
  parser relies on a heading ending at its line end); a heading followed by its
  paragraph on the same line (``（一）指导思想。以……国内国际双``) may be joined;
- A is not short (fewer than ``MIN_JOIN_CHARS`` characters and no ``，、；。`` in it:
  titles, signatures, dates, table cells);
- B does not start with a heading marker, an opening bracket, a dash item
  (``——``), or a closing-block word (附件/抄送/印发 …), and is not a date line;
- neither A nor B is a site article's date or source line (``2022-11-16 来源: 广州市民政局``,
  ``发布日期：…``): a page's title stands above it and the text below, never on one line
  with it;
- B is not a signature's organ line (GB/T 9704 发文机关署名: a short line without
  punctuation right above a date line): the line before it (``附件：…名单``) ends there;
- the break would not glue two ASCII words together (full-width letters and digits count as ASCII);
- neither A nor B is a table row: a line holding a tab or an inner run of two or more
  blanks (``序号\t指标\t单位``, ``1　　规模以上企业　　800``) is laid out in columns, and
  joining it would merge rows (and their cells) into one run-on paragraph;
- B is not a table cell of a table exported one cell per line: B and the line after it are
  both short (``各城区`` / ``2021-2025`` after a 建设内容 cell ``…改造565公里``): a paragraph
  broken at a page end goes on with a long line or ends in a stop (``体系。``), a table's
  row goes on with the next short cell (unless A ends in ``，``/``、``, which always go on).
A joined paragraph is judged as one line for the next break.  Leading and
trailing blank lines of the document are deleted.
"""

from __future__ import annotations

import re

from normalizers.edits import deleted
from pipeline.core.offsets import OffsetMap

MIN_JOIN_CHARS = 20

_CN_NUM = "一二三四五六七八九十百零〇两"
HEADING_MARKER = re.compile(
    rf"""
    [{_CN_NUM}]+[、.．]                     # 一、
    | [（(][{_CN_NUM}]+[）)]                # （一）
    | \d(?:[ ]?\d){{0,2}}(?:[、．﹒]|\.(?!\d))  # 1. 1、 1． 1 0．(PDF spacing; not 1.5); \d: full-width too
    | [（(]\d{{1,3}}[）)]                   # （1）
    | [\u2460-\u2473\u2776-\u277F]           # ① … ⑳, ❶ …
    | 第[{_CN_NUM}\d]+[章节条部篇]          # 第一章 第3条
    """,
    re.X,
)
_B_BLOCKS_JOIN = re.compile(
    r"[（(【〔\[]|——|--|－－|专栏|附件|附表|附录|抄送|抄报|主送|印发|联系人|联系电话|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$"
)
# A site article's line under its title: its date, time or source (`2022-11-16 来源: 广州市民政局`, `发布日期：…`).
_ARTICLE_META = re.compile(
    r"(?:(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?![\d\u4e00-\u9fff])|(?:发布|发表|更新)(?:时间|日期)\s*[:：]|(?:信息|文章)?来源\s*[:：])"
)
_DATE_ONLY = re.compile(r"[（(]?\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[）)]?")
_SIGNATURE_LINE_CHARS = 30
_A_FINAL = frozenset("。！？；：…）〕】」』!?;:)")  # ASCII forms too: width runs after this step
_BODY_START_FINAL = frozenset("。：:")
# Punctuation no line may start with (the line-start prohibition of Chinese typesetting,
# 避头点: GB/T 15834's pause and closing marks): a line opening with one continues the
# line before it, whatever that line looks like (short, without punctuation of its own).
_NO_LINE_START = frozenset("，。、；：？！）」』】〕》”’,;:?!)")
# a line ending in a pause mark goes on, whatever follows (a list broken after its `、`: `…搬迁、` / `教育…`)
_A_CONTINUES = frozenset("，、,")
_SENTENCE_STOP = re.compile(r"[。；！？;!?]")
_INNER_PUNCT = re.compile(r"[，、；。,;]")
# a line's content with leading and trailing blanks (incl. the ideographic-space indent) trimmed;
# blank lines never match
_BLANK = " \t\u3000\u00a0\u2002-\u200b\u202f\ufeff"
_LINE_CONTENT = re.compile(rf"[^{_BLANK}\n](?:[^\n]*[^{_BLANK}\n])?")
# Inside a trimmed line: a cell separator, or a column gap.  A gap is two or more blanks
# (those ``width`` turns into spaces) between two characters that are not punctuation:
# exactly the runs ``spacing`` keeps, so a second pass sees the same table (idempotence).
# (spelled with a class first, not `[…]{2,}`: a pattern that opens with a repeat is entered at every position
# of the line, one that opens with a class skips ahead to a blank; tests/test_sp7_rewrites.py)
_BLANK_RUN = re.compile("[ \u3000\u00a0\u2002-\u200a\u202f][ \u3000\u00a0\u2002-\u200a\u202f]+")
_GAP_PUNCT = frozenset("，。、；：！？（）“”‘’《》〔〕【】…·,:;!?()")


def _column_layout(line: str) -> bool:
    """Is the trimmed line a table row (a tab, or a column gap between two cells)?"""
    if "\t" in line:
        return True
    if _BLANK_RUN.search(line) is None:
        return False  # most lines: one search, no iterator
    for m in _BLANK_RUN.finditer(line):  # rare: the neighbours are checked here, not in the scan
        if line[m.start() - 1] not in _GAP_PUNCT and line[m.end()] not in _GAP_PUNCT:
            return True
    return False


def _heading_only(line: str) -> bool:
    return bool(HEADING_MARKER.match(line)) and not _SENTENCE_STOP.search(line)


# The only lines whose HEADING_MARKER match a following line can change: every character a
# numeral, a digit, `（` or `第` (the marker's runs read on to the line's end).
_MARKER_RUN = re.compile(rf"[{_CN_NUM}\d（(第]*")


# a table cell may list units or places with the enumeration comma (市财政局、市发展改革委), no other punctuation
_CELL_PUNCT = re.compile(r"[，,；;。！？!?]")


def _is_short_cell(line: str) -> bool:
    """Short, no sentence punctuation (an enumeration comma may list units: 市财政局、市发展改革委)."""
    return len(line) < MIN_JOIN_CHARS and not _CELL_PUNCT.search(line) and line[-1] not in _A_CONTINUES


def _is_cell(b: str, c: str | None) -> bool:
    """Is line ``b`` one cell of a table exported one cell per line: short, and ``c`` (the line after it)
    short too, and no heading or closing block (附件：…, which ends the text a short tail belongs to)?"""
    return (
        c is not None
        and _is_short_cell(b)
        and _is_short_cell(c)
        and not HEADING_MARKER.match(c)
        and not _B_BLOCKS_JOIN.match(c)
    )


def _cells_apart(a: str, a_alone: bool, b: str, c: str | None, spaced: bool) -> bool:
    """Are lines ``a`` and ``b`` two cells of a table exported one cell per line: ``b`` a cell (short, before another
    short line), or both short lines standing alone (the row's last cell after a unit list: ``市财政局、市发展改革委`` /
    ``2024年底前``)? Only where blank lines set the three lines apart (``spaced``: a scraped page's or a Word export's
    cells): a PDF's narrow column or float gives short lines one after another (``决策、创新组``) that are pieces of
    one sentence. Never when ``a`` ends in ``，``/``、`` (a line so ended goes on)."""
    if not spaced or a[-1] in _A_CONTINUES or b[0] in _NO_LINE_START:
        return False
    return _is_cell(b, c) or (a_alone and _is_short_cell(a) and _is_short_cell(b))


def _is_signature(b: str, c: str | None) -> bool:
    """Is line ``b`` a signature's organ line: short, no punctuation, and ``c``, the line after it, a date?"""
    return (
        c is not None
        and len(b) <= _SIGNATURE_LINE_CHARS
        and _DATE_ONLY.fullmatch(c) is not None
        and not _INNER_PUNCT.search(b)
        and not _SENTENCE_STOP.search(b)
    )


def _may_join(first: str, joined: list[str] | None, b: str) -> bool:
    """May the break between paragraph A (its ``first`` line and the lines ``joined`` to it)
    and line ``b`` be deleted?

    A joined paragraph is judged by its last character and ``b`` only: it was no heading alone
    and not short when its first break was deleted, and growing cannot make it either (its
    sentence stops and inner punctuation stay, its length grows), except for a first line of
    numerals only, whose marker match the next line may complete.  Judging the joined string
    at every break was quadratic in the paragraph's line count."""
    a_last = (joined[-1] if joined else first)[-1]
    if a_last in _A_FINAL:
        return False
    if b[0] in _NO_LINE_START:
        return True
    if not joined or _MARKER_RUN.fullmatch(first):
        a = first + "".join(joined) if joined else first
        if _heading_only(a) or (len(a) < MIN_JOIN_CHARS and not _INNER_PUNCT.search(a)):
            return False
    if HEADING_MARKER.match(b) or _B_BLOCKS_JOIN.match(b) or _ARTICLE_META.match(b):
        return False
    if not joined and _ARTICLE_META.match(first):
        return False
    if _ascii_word_char(a_last) and _ascii_word_char(b[0]):
        return False
    return True


def _ascii_word_char(char: str) -> bool:
    """An ASCII letter or digit, also in its full-width form (``２０２１``: ``width`` runs after this step),
    so a table's numeric cells one per line (``２０２１-２０２２`` / ``１５００``) stay cells in either width."""
    if "\uff01" <= char <= "\uff5e":
        char = chr(ord(char) - 0xFEE0)
    return char.isascii() and char.isalnum()


def break_spans(text: str) -> list[tuple[int, int]]:
    """Spans to delete: blank runs beyond one ``\\n``, joined breaks, document-edge blank lines."""
    # (content start, content end) of every non-blank line, whitespace trimmed
    lines = [m.span() for m in _LINE_CONTENT.finditer(text)]
    if not lines:
        return [(0, len(text))]
    spans = [(0, lines[0][0]), (lines[-1][1], len(text))]
    in_body = False
    # the (possibly joined) paragraph A belongs to: its first line, the lines joined to it
    first = text[lines[0][0] : lines[0][1]]
    joined: list[str] | None = None
    for k, ((a_start, a_end), (b_start, b_end)) in enumerate(zip(lines, lines[1:])):
        a_line = text[a_start:a_end]
        in_body = in_body or a_line[-1] in _BODY_START_FINAL
        b_line = text[b_start:b_end]
        if (
            in_body
            and _may_join(first, joined, b_line)
            and not _column_layout(a_line)
            and not _column_layout(b_line)
            and not _block_of_its_own(text, lines, k, a_line, joined is None, b_line)
        ):
            spans.append((a_end, b_start))
            if joined is None:
                joined = [b_line]
            else:
                joined.append(b_line)
            continue
        newline = text.index("\n", a_end)
        spans.append((a_end, newline))
        spans.append((newline + 1, b_start))
        first, joined = b_line, None
    return spans


def _block_of_its_own(text: str, lines: list[tuple[int, int]], k: int, a_line: str, a_alone: bool, b_line: str) -> bool:
    """Is ``b_line`` (line ``k + 1``) a block the line before may not run into: a signature's organ line or a table's
    cell? Both read the line after it, sliced only here (the last test of a break that may be joined)."""
    c_line = text[slice(*lines[k + 2])] if k + 2 < len(lines) else None
    return _is_signature(b_line, c_line) or _cells_apart(a_line, a_alone, b_line, c_line, _spaced(text, lines, k))


def _spaced(text: str, lines: list[tuple[int, int]], k: int) -> bool:
    """Do blank lines set line ``k + 1`` apart from the lines before and after it (cells of a scraped table)?"""
    (_, a_end), (b_start, b_end) = lines[k], lines[k + 1]
    if text.count("\n", a_end, b_start) < 2:
        return False
    return k + 2 >= len(lines) or text.count("\n", b_end, lines[k + 2][0]) >= 2


def fix_linebreaks(text: str) -> tuple[str, OffsetMap]:
    return deleted(text, break_spans(text))
