"""PDF page furniture: page-number lines and the running headers/footers printed on every page.

A PDF export breaks the text at every page end with the page's footer and the
next page's header in between (``…省级智能制`` / ``— 2 —`` / ``XX省人民政府公报　2023年第7期`` /
``造示范工厂…``).  Deleting their line content leaves only blank lines between the
two halves, which the ``linebreaks`` step then joins back into one paragraph.

- Page numbers (GB/T 9704 ``— 3 —``; ``- 3 -``, ``第3页 共10页``, ``共10页 第3页``, ``3/10``) on a
  line of their own, or a dash-framed number sharing its line with a short running text
  (``XX公报　　— 3 —``).
- Bare page numbers (``5`` alone on its line): only a run of three or more numbered one by one, each at
  least a page (``MIN_PAGE_CHARS``) after the one before (``bare_page_number_spans``); a lone number line or
  a table's row numbers stay, and so does a number line beside a table's number cell, and every bare number line of
  a document that prints its page numbers as GB/T 9704 does (``— 3 —``).
- Running headers/footers: a short line (at most ``MAX_HEADER_CHARS`` characters besides
  blanks) with no sentence punctuation, no heading marker and no label such as
  ``责任单位`` (repeated ``责任单位：…`` lines and ``（一）`` markers are content).  Such a
  line goes when it repeats and
  * sits next to a page-number line (blank lines between allowed, up to two header
    lines on each side) at least twice, and every other occurrence does too — a line
    that also stands elsewhere in the text is content that happens to end a page; or
  * occurs at least ``MIN_REPEATS`` times, consecutive occurrences at least a page
    (``MIN_PAGE_CHARS``) apart, outside the header block — a PDF without page numbers.
    Repeats closer together are table cells or list labels, not page furniture.
  The header block (title, 发文字号, addressee: everything before the first line
  ending with ``。``/``：``) is never touched, and neither is a first occurrence away
  from page numbers that does not cut a sentence: a title that the pages repeat stays
  where it is the title.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from normalizers.linebreaks import HEADING_MARKER
from pipeline.core.scans import matches_at

MAX_HEADER_CHARS = 40
MIN_REPEATS = 3
MIN_PAGE_CHARS = 300
_MAX_HEADER_LINES = 2  # header lines on each side of a page-number line

# what ``width`` turns into spaces, and tabs; literal characters (str.strip takes them too)
_BLANK = " \t\u3000\u00a0\u202f" + "".join(map(chr, range(0x2002, 0x200B)))
_DASHED_NUMBER = rf"[-—–－]+[{_BLANK}]*\d{{1,4}}[{_BLANK}]*[-—–－]+"
PAGE_NUMBER = (  # a page number as printed (ruby looks through page ends with it too)
    rf"{_DASHED_NUMBER}"
    r"|第[ \t]*\d{1,4}[ \t]*页(?:[ \t]*[,，/]?[ \t]*共[ \t]*\d{1,4}[ \t]*页)?"
    r"|共[ \t]*\d{1,4}[ \t]*页[ \t]*[,，/]?[ \t]*第[ \t]*\d{1,4}[ \t]*页"
    r"|\d{1,3}[ \t]*/[ \t]*\d{1,3}"
)
# Punctuation a running header never carries (a title may carry 、, a page-adjacent header may too).
_STOPS = "。；！？：:;!?，,"
_SHORT_TEXT = rf"[^\n{_STOPS}]{{1,60}}?"
# Both line patterns scan "\n" + text + "\n": a literal first character lets the engine skip
# from line to line instead of trying every position as (?m)^ does (about twice as fast).
_PAGE_LINE = re.compile(
    rf"\n[{_BLANK}]*(?:{PAGE_NUMBER}"
    rf"|{_SHORT_TEXT}[{_BLANK}]+{_DASHED_NUMBER}|{_DASHED_NUMBER}[{_BLANK}]+{_SHORT_TEXT})[{_BLANK}]*(?=\n)"
)
# A short line without sentence punctuation; the length bound keeps the scan linear.
_SHORT_LINE = re.compile(rf"\n[{_BLANK}]*([^{_BLANK}\n{_STOPS}][^\n{_STOPS}]{{0,99}})(?=\n)")
_HAN = re.compile(r"[\u4e00-\u9fff]")
# Lines that are content even when they repeat: responsibility notes, closing blocks, boxes.
_CONTENT_LABEL = re.compile(
    r"责任单位|牵头单位|配合单位|参与单位|协办单位|责任部门|牵头部门|完成时限|时间节点|"
    r"^(?:附件|附表|抄送|抄报|印发|专栏|序号)"
)
_SENTENCE_FINAL = frozenset("。！？；：…）〕】」』!?;:)")
_BODY_START = re.compile(r"[。：:][" + _BLANK + r"]*$", re.M)


# Every page-number line holds one of these: a dash (a dashed number, alone or beside a header), 页 (第…页, 共…页) or a
# slash (3/12); a match of _PAGE_LINE lies inside one line, from the break before it to the break after it.
_PAGE_LINE_MARK = re.compile(r"[-—–－页/]")


def page_number_spans(text: str) -> list[tuple[int, int]]:
    """Content spans of the page-number lines (their line breaks stay)."""
    # in the padded text a match starts at the "\n" before its line: at the line's own index
    padded = f"\n{text}\n"
    return [(m.start(), m.end() - 1) for m in matches_at(_PAGE_LINE, padded, page_line_starts(padded))]


def page_line_starts(padded: str) -> list[int]:
    """The breaks that open a line holding a dash, 页 or a slash, ascending: the only lines ``_PAGE_LINE`` can match.
    Its own scan tried the alternation after every break (a header's lazy short text beside a dashed number ran on up
    to 60 characters at each line); the step's input, 193 documents: 8.3 -> 5.4 ms."""
    rfind = padded.rfind
    return sorted({rfind("\n", 0, m.start()) for m in _PAGE_LINE_MARK.finditer(padded)})


# A PDF's bare page numbers (`5` alone on its line, no dashes): a number line alone proves nothing (a table laid out
# one cell per line has them too), but the pages' numbers run on one by one through the text a page apart
# (`…建成 120 个以` / `5` / `上具有…`: the page cut `以上`), so a run of at least ``MIN_BARE_RUN`` lines numbered
# n, n+1, n+2…, each at least a page (``MIN_PAGE_CHARS``) after the one before, is page furniture (BL14).
_BARE_NUMBER_LINE = re.compile(rf"\n[{_BLANK}]*(\d{{1,3}})[{_BLANK}]*(?=\n)")
MIN_BARE_RUN = 3


# (TB1) Two conventions keep a table's number cells from being read as such a run (a table exported one cell a line
# holds many small numbers, and n, n+1, n+2 a page apart among them is chance: 0160 lost 104 cells so):
# - a document that prints its page numbers as GB/T 9704 does (`— 3 —`, `-3-`, `第3页`) prints all of them so: it has
#   no bare page numbers;
# - a page number stands between the text of two pages, never beside a table's number cell: a number line whose
#   previous or next non-blank line is a number cell (`240`, `2021-2025`, `≥95`, `——`, `/`) is a cell, unless that
#   line is its page's neighbour in the run (`2` / `3`: an empty page).
_FRAMED_PAGE_NUMBER = re.compile(
    rf"\n[{_BLANK}]*(?:{_DASHED_NUMBER}|第[ \t]*\d{{1,4}}[ \t]*页|共[ \t]*\d{{1,4}}[ \t]*页)[{_BLANK}]*(?=\n)"
)
_NUMBER_CELL = re.compile(
    rf"[{_BLANK}]*(?:[≥≤<>＞＜]?\d+(?:\.\d+)?%?(?:[{_BLANK}]*[-—–~～至][{_BLANK}]*\d+(?:\.\d+)?)?年?|[—–\-－/／]+)[{_BLANK}]*"
)


def _neighbour_line(text: str, start: int, end: int, step: int) -> str:
    """The next non-blank line before (step -1) or after (+1) the line ``text[start:end]`` (padded text)."""
    while True:
        if step < 0:
            end = text.rfind("\n", 0, start)
            if end <= 0:
                return ""
            start = text.rfind("\n", 0, end) + 1
        else:
            start = text.find("\n", end)
            if start < 0 or start + 1 >= len(text):
                return ""
            start += 1
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
        line = text[start:end]
        if line.strip(_BLANK):
            return line


def _in_cell_run(padded: str, m: re.Match) -> bool:
    n = int(m.group(1))
    for step, neighbour_number in ((-1, n - 1), (1, n + 1)):
        line = _neighbour_line(padded, m.start() + 1, m.end(), step)
        if _NUMBER_CELL.fullmatch(line) and line.strip(_BLANK) != str(neighbour_number):
            return True
    return False


def bare_page_number_spans(text: str) -> list[tuple[int, int]]:
    """Content spans of the bare page-number lines (their line breaks stay), see _BARE_NUMBER_LINE."""
    if "\n" not in text:
        return []
    padded = f"\n{text}\n"
    if _FRAMED_PAGE_NUMBER.search(padded):
        return []
    runs: dict[int, list[tuple[int, int]]] = {}  # the number a run waits for next -> its lines so far
    done: list[list[tuple[int, int]]] = []
    for m in _BARE_NUMBER_LINE.finditer(padded):
        if _in_cell_run(padded, m):
            continue
        n, span = int(m.group(1)), (m.start(1) - 1, m.end(1) - 1)  # (the "\n" put in front)
        run = runs.get(n)
        if run is not None and span[0] - run[-1][1] >= MIN_PAGE_CHARS:
            del runs[n]
            run.append(span)
        else:
            run = [span]  # a run waiting for n closer than a page keeps waiting (this is a table's cell)
        waiting = runs.get(n + 1)
        if waiting is not None and len(waiting) > len(run):
            done.append(run)  # a longer run waits for the same page: it goes on, this one ends
            continue
        if waiting is not None:
            done.append(waiting)
        runs[n + 1] = run
    return [span for run in [*done, *runs.values()] if len(run) >= MIN_BARE_RUN for span in run]


def _may_be_header(key: str) -> bool:
    return (
        len(key) <= MAX_HEADER_CHARS
        and bool(_HAN.search(key))
        and not HEADING_MARKER.match(key)
        and not _CONTENT_LABEL.search(key)
    )


def _repeated_header_lines(text: str) -> dict[str, list[tuple[int, int]]]:
    """Content spans of the short lines that could be running headers and occur at least
    twice, by their blank-free text (a header's column gap may vary from page to page)."""
    matches = list(_SHORT_LINE.finditer(f"\n{text}\n"))
    lines = [m.group(1).rstrip() for m in matches]  # (str's whitespace: every _BLANK and a few more)
    keys = ["".join(line.split()) for line in lines]
    repeats = {key for key, n in Counter(keys).items() if n >= 2}  # most lines are unique: no span of theirs
    by_key: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for key, m, line in zip(keys, matches, lines):
        if key in repeats:
            start = m.start(1) - 1  # (the "\n" put in front)
            by_key[key].append((start, start + len(line)))
    return {key: spans for key, spans in by_key.items() if _may_be_header(key)}


def _neighbour_lines(text: str, pos: int, step: int) -> list[tuple[int, int]]:
    """Content spans of up to ``_MAX_HEADER_LINES`` non-blank lines before (step -1) or after (+1) ``pos``."""
    spans: list[tuple[int, int]] = []
    while len(spans) < _MAX_HEADER_LINES:
        if step < 0:
            end = text.rfind("\n", 0, pos)
            if end < 0:
                break
            start = text.rfind("\n", 0, end) + 1
            pos = start
        else:
            start = text.find("\n", pos)
            if start < 0:
                break
            start += 1
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            pos = end
        line = text[start:end]
        stripped = line.strip(_BLANK)
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip(_BLANK))
        spans.append((start + lead, start + lead + len(stripped)))
    return spans


def _interrupts(text: str, span: tuple[int, int]) -> bool:
    """Does the line cut a sentence, i.e. does the previous non-blank line end mid-sentence?"""
    previous = _neighbour_lines(text, span[0], -1)[:1]
    return bool(previous) and text[previous[0][1] - 1] not in _SENTENCE_FINAL


def running_header_spans(text: str, page_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Content spans of running headers/footers (see the module docstring)."""
    if not page_spans and len(text) < (MIN_REPEATS - 1) * MIN_PAGE_CHARS:
        return []  # too short to hold running headers a page apart
    by_key = _repeated_header_lines(text)
    if not by_key:
        return []
    repeated = {span for spans in by_key.values() for span in spans}
    touching: set[tuple[int, int]] = set()  # repeated lines in a run touching a page-number line
    for page_start, page_end in page_spans:
        for pos, step in ((page_start, -1), (page_end, 1)):
            for span in _neighbour_lines(text, pos, step):
                if span not in repeated:
                    break
                touching.add(span)

    body = _BODY_START.search(text)
    body_start = body.end() if body else 0
    found: list[tuple[int, int]] = []
    for key, spans in by_key.items():
        in_body = [span for span in spans if span[0] >= body_start]
        if len(in_body) < 2:
            continue
        # The first occurrence may be the title the running header repeats (it stands
        # where the title stands: away from page numbers, not inside a sentence).
        first, later = in_body[0], in_body[1:]
        next_to_pages = [span for span in in_body if span in touching]
        if len(next_to_pages) >= 2 and all(span in touching for span in later):
            found += next_to_pages
            continue
        starts = [span[0] for span in in_body]
        if (
            len(in_body) >= MIN_REPEATS
            and "、" not in key
            and all(b - a >= MIN_PAGE_CHARS for a, b in zip(starts, starts[1:]))
        ):
            found += in_body if first in touching or _interrupts(text, first) else later
    return sorted(found)
