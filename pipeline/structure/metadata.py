"""Document metadata: title, 发文字号, issuer, issue date, 主送 and 抄送.

Reads ``norm.text`` line by line in three regions: the *head* (lines before the
first heading or body paragraph: 版头, 发文字号, title, 主送), the *body*, and
the *tail* (signature, date, 版记 with 抄送).  Fields the document lacks stay
``None``; nothing is guessed.

Decisions, documented:
- title: the first head line ending in a document type (意见/通知/方案/措施…,
  optionally followed by a bracketed note such as （征求意见稿）), joined with
  the title lines right above it (issuer line, wrapped title) without a
  separator; spaces inside a line are kept as written (joint issuers).
- issuer: the organ(s) leading the title (text before 关于, or before 批转/转发/印发:
  `国务院办公厅转发发展改革委关于…` is issued by 国务院办公厅), else the
  signature block, else the 版头 (`XX文件`); never a web page's 信息来源/来源
  line, which names where the site got the page (CONVENTIONS: the signature's
  or 版头's organ).
- issue_date: the document's own date line (under the title, or the signature
  date; Arabic or Chinese numerals), else a legal database's 成文日期; never
  the web page's 发布日期/发表时间 (CONVENTIONS: not the web 发布时间).
- addressee: the 主送 line (ends with `：`), stored without the colon; GB/T 9704's 主送机关 names
  organs, units or people (`各市人民政府，省政府各部门`, `各位代表`), so a line ending with a colon that
  names none is no addressee: a preamble (`…，现就有关事项通告如下：`), a page's chrome (`搜索热词：`).
- cc: the 抄送 list (continuation lines joined), without the final `。`.
"""

from __future__ import annotations

import datetime as dt

import regex as re

from pipeline.core.document import DocumentMeta, NormalizedText
from pipeline.core.numerals import cn_to_int
from pipeline.structure.meta_sources import title_organ

_SP = r"[ \t\u3000]"
_CN_DIGIT = "〇零○Ｏ一二三四五六七八九"

_DOC_NUMBER = re.compile(
    rf"(?P<prefix>[\u4e00-\u9fff]{{1,12}}?){_SP}*[〔\[［(（【]{_SP}*(?P<year>(?:19|20)\d{{2}}){_SP}*[〕\]］)）】]"
    rf"{_SP}*第?{_SP}*(?P<num>\d{{1,5}}){_SP}*号"
)
# A title line that carries its own number: `国务院关于…的通知（国发〔2023〕5号）`.
_TRAILING_DOC_NUMBER = re.compile(rf"{_SP}*[（(]?{_SP}*{_DOC_NUMBER.pattern}{_SP}*[）)]?{_SP}*$")
_DOC_NUMBER_LABEL = re.compile(rf"(?:发文字号|文号){_SP}*[】\]]?{_SP}*[:：]?{_SP}*")

_DATE_AR = rf"(?P<y>(?:19|20)\d{{2}}){_SP}*年{_SP}*(?P<m>\d{{1,2}}){_SP}*月{_SP}*(?P<d>\d{{1,2}}){_SP}*日"
_DATE_CN = rf"(?P<cy>[{_CN_DIGIT}]{{4}}){_SP}*年{_SP}*(?P<cm>[一二三四五六七八九十]{{1,2}}){_SP}*月{_SP}*(?P<cd>[一二三四五六七八九十]{{1,3}}){_SP}*日"
# A line that is only a date, maybe in brackets, maybe after the signing organ.
_DATE_LINE = re.compile(
    rf"^{_SP}*(?P<org>[^\n。，；：:,0-9（(]{{0,40}}?){_SP}*[（(]?{_SP}*(?:{_DATE_AR}|{_DATE_CN}){_SP}*[）)]?{_SP}*$"
)
_WRITTEN_DATE = re.compile(
    rf"成文日期{_SP}*[】\]]?{_SP}*[:：]?{_SP}*(?P<y>\d{{4}})[-/.年](?P<m>\d{{1,2}})[-/.月](?P<d>\d{{1,2}})"
)
_DOC_TYPES = (
    "意见|通知|通报|办法|方案|计划|规划|决定|规定|细则|措施|条例|纲要|指引|指南|公告|通告|批复|报告|函|要点|"
    "清单|标准|制度|规则|政策|决议|目录|名单|规程|章程|意见稿|举措|行动"
)
_TITLE_END = re.compile(rf"(?:{_DOC_TYPES})(?:{_SP}*[（(][^（()）]{{1,20}}[）)])*{_SP}*$")
_ORGAN_END = re.compile(
    r"(?:人民政府|政府|办公厅|办公室|委员会|党委|市委|县委|区委|省委|州委|中共中央|局|厅|委|部|院|署|办|会|中心|总队|支队|公司|集团|"
    r"银行|法院|检察院)$"
)
_MASTHEAD = re.compile(rf"^(?P<org>.+?){_SP}*文件$")
_HEADING_START = re.compile(
    rf"^{_SP}*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d{{1,2}}[.．、]|第[一二三四五六七八九十\d]+[章条])"
)
_NOISE_LINE = re.compile(r"^(?:[（(]此件.*[）)]|特急|加急|急件|平急|特提|机密.*|秘密.*|绝密.*|签发人.*|[-—─━]+)$")
_CC = re.compile(rf"(?m)^{_SP}*抄送{_SP}*[:：]{_SP}*(?P<cc>.*(?:\n(?![^\n]*印发{_SP}*$|{_SP}*(?:主送|抄送|$))[^\n]*)*)")
_SENTENCE_END = "。；！？;!?，,"
# The last name of a 主送 list ends in an organ, a unit or people (`…各直属机构`, `有关汽车生产企业`, `各位代表`),
# maybe with a bracketed note (`教育厅（教委）`); or the list opens with 各 (`各幼儿园`, `各位主任、委员`).
_ADDRESSEE_END = re.compile(
    r"(?:政府|部门|机构|单位|局|厅|委|办|院|校|学|所|会|队|企业|公司|集团|总部|代表|员|同志|们|朋友|组织|兵团|中心"
    r"|街道|处|室|站|园|区|市|县|镇|乡)(?:[（(][^（）()]*[）)])*$"
)
_ADDRESSEE_SEPARATOR = re.compile(r"[，、,]")
_HEAD_LINES = 25  # a head is at most this many non-empty lines
_HEAD_CHARS = 2000  # where a legal database's 成文日期 lives


def _iso(year: int, month: int, day: int) -> str | None:
    try:  # process.py parses it: an impossible date (2月30日) must not get through
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _date_of(match) -> str | None:
    if match.group("y"):
        return _iso(int(match.group("y")), int(match.group("m")), int(match.group("d")))
    year, month, day = (cn_to_int(match.group(g)) for g in ("cy", "cm", "cd"))
    if None in (year, month, day):
        return None
    return _iso(year, month, day)


LINE_STRIP = " \t\u3000\r*"  # blanks, the ideographic-space indent, a scraped page's bullet stars


def lines_of(text: str, strip: str = LINE_STRIP) -> list[tuple[int, str]]:
    """(start offset, content with ``strip``'s characters trimmed) of every non-empty line."""
    out = []
    pos = 0
    for line in text.split("\n"):
        content = line.strip(strip)
        if content:
            out.append((pos, content))
        pos += len(line) + 1
    return out


def _is_body_line(content: str) -> bool:
    return bool(_HEADING_START.match(content)) or (len(content) > 60 and content[-1:] in "。；")


def _head(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Lines before the body; the 主送 line (ending with a colon) is the head's last line."""
    head = []
    for item in lines[:_HEAD_LINES]:
        content = item[1]
        if _is_body_line(content):
            break
        head.append(item)
        if content.endswith(("：", ":")) and len(content) > 4:
            break
    return head


def _doc_number(head) -> str | None:
    for _, content in head:
        match = _DOC_NUMBER.search(content)
        if not match:
            continue
        # Accept a line that is the number (maybe with 签发人 or a label), not a citation in a sentence.
        before = content[: match.start()].rstrip(" \t\u3000（(")
        is_title = bool(_TITLE_END.search(before))
        if before and not _DOC_NUMBER_LABEL.search(before) and len(before) > 4 and not is_title:
            continue
        return f"{match.group('prefix')}〔{match.group('year')}〕{match.group('num')}号"
    return None


def _is_title_part(content: str) -> bool:
    return not (
        _DOC_NUMBER.search(content)
        or _MASTHEAD.match(content)
        or _DATE_LINE.match(content)
        or _NOISE_LINE.match(content)
        or content[-1] in _SENTENCE_END + "：:"
        or any(ch in content for ch in ":：>›|/")  # labels, breadcrumbs, URLs
        or len(content) > 80
    )


# The plan period or edition a title carries on the line under it: `（2021-2025 年）`, `（2021—2023）`, `（2021版）`.
_PERIOD_LINE = re.compile(
    rf"^[（(]{_SP}*(?:(?:19|20)\d{{2}}{_SP}*年?{_SP}*[-—–－~至]{_SP}*(?:19|20)\d{{2}}{_SP}*年?"
    rf"|(?:19|20)\d{{2}}{_SP}*年?{_SP}*版){_SP}*[）)]$"
)
_WRAPPED_FIRST_LINE_CHARS = 10  # a title wraps when its first line runs to the width: never a short word


def _title(head) -> tuple[str | None, int | None]:
    """The title and the index of its first line in ``head``."""
    head = [(pos, _TRAILING_DOC_NUMBER.sub("", content) or content) for pos, content in head]
    for i, (_, content) in enumerate(head):
        if not _is_title_part(content) or not _TITLE_END.search(content):
            continue
        first = i
        # Take in the lines right above that belong to the title: an issuer
        # line (`山东省人民政府办公厅` / `关于…`) or a title wrapped after `关于`.
        for k in range(i - 1, max(i - 4, -1), -1):
            above = head[k][1]
            if not _is_title_part(above) or _TITLE_END.search(above):
                break
            if _ORGAN_END.search(above.split()[-1]) or "关于" in above or _wraps_into(head, k, i):
                first = k
        title = "".join(c for _, c in head[first : i + 1])
        if i + 1 < len(head) and _PERIOD_LINE.match(head[i + 1][1]):
            title += _SPACES_IN_PERIOD.sub("", head[i + 1][1])
        return title, first
    return None, None


_SPACES_IN_PERIOD = re.compile(_SP)


def _wraps_into(head, k: int, i: int) -> bool:
    """Whether head line ``k`` is the first line of a title wrapped onto line ``i`` without `关于` or an
    organ (`智能网联汽车生产企业及产品准入` / `管理指南（试行）`): the text opens with it, it runs long, and
    it is the line right above."""
    return k == 0 and i == 1 and len(head[0][1]) >= _WRAPPED_FIRST_LINE_CHARS


def _signature(lines, date_index: int | None) -> str | None:
    """The organ line(s) right above the signature date."""
    if date_index is None:
        return None
    organs: list[str] = []
    j = date_index - 1
    while j >= 0 and len(organs) < 4:
        content = lines[j][1]
        if len(content) > 40 or any(ch in content for ch in "：:。，,；") or not _ORGAN_END.search(content.split()[-1]):
            break
        organs.insert(0, content)
        j -= 1
    return " ".join(organs) or None


def _own_date(lines) -> tuple[str | None, int | None, str | None]:
    """(ISO date, line index, organ written on the same line) of the document's own date line."""
    for idx, (_, content) in enumerate(lines):
        match = _DATE_LINE.match(content) if "日" in content else None  # every date ends in 日
        if not match:
            continue
        organ = match.group("org").strip(" \t\u3000")
        if organ and not _ORGAN_END.search(organ):
            continue
        iso = _date_of(match)
        if iso:
            return iso, idx, organ or None
    return None, None, None


def written_date(text: str) -> str | None:
    """The date of a 成文日期 field in the text's head (a legal database's, a page information table's)."""
    match = _WRITTEN_DATE.search(text[:_HEAD_CHARS])
    return _date_of(match) if match else None


def extract_meta(norm: NormalizedText, lines: list[tuple[int, str]] | None = None) -> DocumentMeta:
    """``lines``: ``lines_of(norm.text)`` when the caller has them already."""
    text = norm.text
    lines = lines_of(text) if lines is None else lines
    head = _head(lines)
    meta = DocumentMeta()
    meta.doc_number = _doc_number(head)
    meta.title, title_index = _title(head)

    if head and head[-1][1].endswith(("：", ":")) and (title_index is None or len(head) - 1 > title_index):
        meta.addressee = _addressee(head[-1][1].rstrip("：:").strip())

    meta.issue_date, date_index, organ_on_date_line = _own_date(lines)
    if meta.issue_date is None:
        # A legal database's 成文日期; never a page's 发布日期/发表时间, which says when the site posted it.  A site's
        # page information table, which the normalisers drop, is read from the raw text by ``written_date``, after
        # a run-on signature's date (``doc_meta.complete_meta``).
        meta.issue_date = written_date(text)

    # Not a page's 信息来源/来源 line: it says where the site got the item, not who issued it.
    meta.issuer = title_organ(meta.title) or organ_on_date_line or _signature(lines, date_index) or _masthead(head)

    cc = _CC.search(text)
    if cc:
        joined = "".join(part.strip(" \t\u3000\r") for part in cc.group("cc").split("\n"))
        meta.cc = joined.rstrip("。.") or None
    return meta


def _addressee(content: str) -> str | None:
    """``content`` when it names addressees (``_ADDRESSEE_END``), else None."""
    if not content or any(ch in content for ch in "。！？"):
        return None
    last = _ADDRESSEE_SEPARATOR.split(content)[-1]
    return content if content.startswith("各") or _ADDRESSEE_END.search(last) else None


def _masthead(head) -> str | None:
    for _, content in head:
        match = _MASTHEAD.match(content)
        if match:
            return match.group("org").strip()
    return None
