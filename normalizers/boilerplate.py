"""Deletion of text that is not part of the document: editor artefacts and web/database chrome.

What goes:
- Word bookmarks ``[bookmark: _Toc24069]``, markdown bold ``**`` and line-leading ``#`` heading marks;
- web chrome lines: lines opening with a page field (来源/信息来源/发布日期/日期/作者/点击/
  浏览次数/字体 ...) that hold at least one field only a web page has, breadcrumbs
  (``首页 > …``, ``当前位置：``), button rows (``【打印】【关闭】``, ``分享到``, ``扫一扫…``),
  ``上一篇/下一篇`` links;
- pure chrome fields of legal databases (``【时效性】现行有效``, ``【效力级别】…``, ``【法规类别】…``);
- PDF page furniture (:mod:`normalizers.page_furniture`): page-number lines (``— 3 —``,
  ``- 3 -``, ``第3页 共10页``, ``3/10``, bare numbers running on a page apart) and the running header/footer lines that repeat
  next to them (``XX省人民政府公报　2023年第7期``);
- a government site's page information table (索引号/主题分类/发文机关/成文日期/文号/发布日期, three labels or
  more in the text's head) and its footer (主办单位, 网站标识码, ICP备, 公网安备: :mod:`normalizers.site_chrome`);
- a related-links tail (热点推荐/相关阅读/相关链接 … line in the second half of the text,
  everything after it).

What stays: fields that carry metadata.  A chrome line that holds a date
(``发布日期:2023-06-30 …``, ``日期:2024-06-06``) keeps its source and date fields, only
the counters/font switches/buttons in it go, because the metadata parser
falls back on a web page's date when the document has no date of its own.
Database fields such as ``【发文字号】`` / ``【发布部门】`` / ``【发布日期】`` stay too.

Only line content is deleted; the emptied lines' breaks are collapsed by the
``linebreaks`` step, so a heading never gets glued to the previous line.
"""

from __future__ import annotations

import re

from normalizers.edits import deleted, replaced_one_for_one
from normalizers.page_furniture import bare_page_number_spans, page_number_spans, running_header_spans
from normalizers.site_chrome import site_chrome_spans
from pipeline.core.offsets import OffsetMap

_SEP = r"\s*[:：]"
_COUNTER = r"(?:点击|浏览|阅读|访问)(?:次数|数|量|率)?"
_FONT = r"字[体号]"
# Fields a web page shows around an article and a policy document never contains.
_WEB_ONLY_FIELD = rf"(?:(?:信息|文章|新闻|稿件)?来源|发布(?:日期|时间)|{_COUNTER}|{_FONT}|责任编辑)"
_ANY_FIELD = rf"(?:{_WEB_ONLY_FIELD}|日期|时间|更新时间|作者|编辑|发布机构|发布单位|索引号)"


def _line_scan(body: str) -> re.Pattern:
    """``(?m)^`` + ``body``, for a scan of "\\n" + text (as ``page_furniture`` scans): a literal
    first character lets the engine skip from line to line, where ``^`` is tried at every position.
    A match then starts at the "\\n" before its line, i.e. at the line's own index in the text.
    (Exact only for a ``body`` that never ends on a line break it consumed: none here does.)"""
    return re.compile(rf"\n(?:{body})", re.M)


_CHROME_LINE = _line_scan(rf"[ \t]*【?(?:{_ANY_FIELD}){_SEP}[^\n。]*$")
_HAS_WEB_ONLY_FIELD = re.compile(rf"{_WEB_ONLY_FIELD}{_SEP}")
_HAS_DATE = re.compile(r"\d{4}\s*[-/.年－／．]\s*\d{1,2}")  # \d matches full-width digits too
# Inside a kept chrome line: the fields without any metadata value.
_NOISE_FIELD = re.compile(
    rf"[ \t]*(?:{_COUNTER}{_SEP}[ \t]*\d*[ \t]*次?"
    rf"|{_FONT}{_SEP}[ \t]*(?:【[^】\n]*】?|[大中小默认超标准 \t]+)"
    r"|【(?:打印|关闭|打印本页|关闭窗口|收藏|返回顶部|大|中|小)】"
    r"|分享到[:：]?.*$)",
    re.M,
)
_BUTTON_LINE = _line_scan(
    r"[ \t]*(?:(?:【[^】\n]{0,8}】[ \t]*)*(?:【(?:打印|关闭|打印本页|关闭窗口|收藏|返回顶部)】)(?:[ \t]*【[^】\n]{0,8}】)*"
    r"|分享到[:：]?.*|扫一扫在手机(?:上)?打开当前页.*|(?:上|下)一篇[:：].*"
    r"|(?:首页|当前位置[:：]).*[>＞»›].*|当前位置[:：].*"
    r")[ \t]*$"
)
_DATABASE_NOISE = re.compile(
    r"【(?:时效性|效力级别|效力等级|法规类别|时效|类别|专题分类|法宝联想|唯一标志|原文链接|失效依据)】[^【\n]*"
)
_EDITOR_MARKS = re.compile(r"\[bookmark:[^\]\n]*\]|\*\*")
_HEADING_HASHES = _line_scan(r"[ \t]*#{1,6}[ \t]+")  # a markdown heading's marks
_TAIL_HEADER = _line_scan(
    r"[ \t]*(?:热点推荐|相关阅读|相关链接|相关文章|相关新闻|相关稿件|推荐阅读|延伸阅读|相关信息|猜你喜欢)[ \t]*[:：]?[ \t]*$"
)


def _line_spans(pattern: re.Pattern, padded: str) -> list[tuple[int, int]]:
    """Spans in the text of a ``_line_scan`` pattern's matches in ``padded`` ("\\n" + text)."""
    return [(m.start(), m.end() - 1) for m in pattern.finditer(padded)]


def _chrome_spans(padded: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in _CHROME_LINE.finditer(padded):
        line, start = m.group()[1:], m.start()  # without the "\\n"; the line's index in the text
        if len(line) > 150 or not _HAS_WEB_ONLY_FIELD.search(line):
            continue
        if _HAS_DATE.search(line):
            spans.extend((start + n.start(), start + n.end()) for n in _NOISE_FIELD.finditer(line))
        else:
            spans.append((start, start + len(line)))
    return spans


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    padded = "\n" + text
    # Each artefact holds a `[`, `*` or `#`: three C-level `in` tests skip the scans.
    spans = [m.span() for m in _EDITOR_MARKS.finditer(text)] if "[" in text or "*" in text else []
    spans += _line_spans(_HEADING_HASHES, padded) if "#" in text else []
    spans += _chrome_spans(padded)
    spans += _line_spans(_BUTTON_LINE, padded)
    page_spans = page_number_spans(text)
    spans += page_spans
    spans += running_header_spans(text, page_spans)
    spans += bare_page_number_spans(text)
    spans += [m.span() for m in _DATABASE_NOISE.finditer(text)]
    spans += site_chrome_spans(text)
    for m in _TAIL_HEADER.finditer(padded):
        # a related-links block closes a web page; earlier, the same word may be a real heading
        # (m.start(): the line's index in the text)
        if m.start() >= len(text) // 2:
            spans.append((m.start(), len(text)))
            break
    return spans


def remove_boilerplate(text: str) -> tuple[str, OffsetMap]:
    spans = boilerplate_spans(text)
    if not spans:
        return replaced_one_for_one(text, text)
    return deleted(text, spans)
