"""Where real documents put their metadata, beyond the GB/T 9704 head read by ``metadata.py``.

Each reader takes the document's non-empty lines (``(offset, content)``, as
``metadata.lines_of`` gives them) or its text and returns what it found, or None:

- ``info_table``: a government site's information table (索引号, 发文机关,
  文号, 成文日期, 发布日期, 主题分类, 标题), label and value on one line
  (`文号：赣府厅字〔2020〕14号`, several pairs a line) or the value on the next
  line (`文 号:` / `赣府厅字〔2020〕14号`); spaces inside labels are ignored.
- ``order_number``: a 令 number (`广州市人民政府令` / `第179号`, or one line
  `国家市场监督管理总局令第52号`, bracketed under a title or not).
- ``adoption``: a regulation's adoption or promulgation line
  (`2015年11月26日重庆市第四届人民代表大会常务委员会第二十一次会议通过`,
  `经2021年1月8日市政府第15届130次常务会议通过`): the organ and the date.
- ``effective_date`` / ``expiry_date``: `自2023年9月8日起施行`, `自印发之日起实施`
  (the issue date), `有效期至2025年12月31日`.
- ``signature_organs``: the organ lines right above a signature date, a name
  broken over lines joined again (`XX市市` / `场监管局`), one organ a line
  for a 联合发文.
- ``strip_title_chrome``: site words before a title on its line
  (`江西省人民政府 工作动态 江西省人民政府办公厅印发…`), a site name after it.
"""

from __future__ import annotations

import datetime as dt
import re as stdlib_re

import regex as re

from pipeline.core.numerals import cn_to_int
from pipeline.structure.divisions import by_name
from pipeline.structure.doc_genre import TYPE_WORDS, genre_word, presented_by_short_name

_SP = r"[ \t\u3000\xa0]"
_CN = "〇零○Ｏ一二三四五六七八九十"
DATE = (
    rf"(?:(?P<y>(?:19|20)\d{{2}}){_SP}*年{_SP}*(?P<m>\d{{1,2}}){_SP}*月{_SP}*(?P<d>\d{{1,2}}){_SP}*日"
    rf"|(?P<cy>[{_CN}]{{4}}){_SP}*年{_SP}*(?P<cm>[{_CN}]{{1,2}}){_SP}*月{_SP}*(?P<cd>[{_CN}]{{1,3}}){_SP}*日)"
)
_DATE = re.compile(DATE)
_SPACES = re.compile(_SP)
_SPACE_RUNS = re.compile(rf"({_SP}+)")
_ISSUER_SEPARATOR = re.compile(rf"{_SP}+|、")
_DIGIT = re.compile(r"\d")
_ISO_LIKE = re.compile(r"(?P<y>(?:19|20)\d{2})[-/.年](?P<m>\d{1,2})[-/.月](?P<d>\d{1,2})")

# Info-table labels (a label may be written with spaces: `文 号`, `索 引 号`) and the field each fills.
_INFO_LABELS = {
    "索引号": "index_number",
    "发文机关": "issuer",
    "发布机构": "issuer",
    "发文单位": "issuer",
    "文号": "doc_number",
    "发文字号": "doc_number",
    "成文日期": "written_date",
    "发文日期": "written_date",
    "发布日期": "published_date",
    "公开日期": "published_date",
    "主题分类": "topic",
    "标题": "title",
    "名称": "title",
    "施行日期": "effective_date",
    "实施日期": "effective_date",
    "生效日期": "effective_date",
    "废止日期": "expiry_date",
    "失效日期": "expiry_date",
    "有效期至": "expiry_date",
    # Read only to end the cell before it: `文号：X〔2024〕3号 有效性：有效`.
    "有效性": "validity",
    "时效性": "validity",
}
# A traditional page's labels, so that one search of the raw text finds every table (the norm text is simplified).
_TRADITIONAL_LABELS = {
    "索引號": "索引号", "發文機關": "发文机关", "發佈機構": "发布机构", "發布機構": "发布机构", "發文單位": "发文单位",
    "文號": "文号", "發文字號": "发文字号", "發文日期": "发文日期", "發佈日期": "发布日期", "發布日期": "发布日期",
    "公開日期": "公开日期", "主題分類": "主题分类", "標題": "标题", "名稱": "名称", "實施日期": "实施日期",
    "廢止日期": "废止日期",
}  # fmt: skip
_INFO_LABELS.update({traditional: _INFO_LABELS[simple] for traditional, simple in _TRADITIONAL_LABELS.items()})
# Not inside a longer word: `项目名称：` on an application form is no 名称 of the document.
_LABEL = re.compile(
    r"(?<![\u4e00-\u9fff])(?P<label>"
    + "|".join(f"{_SP}*".join(label) for label in sorted(_INFO_LABELS, key=len, reverse=True))
    + r")"
    rf"{_SP}*[】\]]?{_SP}*[:：]{_SP}*"
)
# _LABEL without its lookbehind, for stdlib re: a pattern that opens with the labels' literals is
# searched at C speed from candidate to candidate (regex tries the lookbehind at every position),
# and the lookbehind is checked at each match found (has_info_label).
_LABEL_SCAN = stdlib_re.compile(
    "(?:"
    + "|".join(f"{_SP}*".join(label) for label in sorted(_INFO_LABELS, key=len, reverse=True))
    + rf"){_SP}*[】\]]?{_SP}*[:：]"
)
_INFO_LINES = 400  # the table sits in the page head (or, on some sites, right after the text)

_ORDER_ORGAN = re.compile(rf"^[（(]?{_SP}*(?P<organ>[\u4e00-\u9fff]{{2,40}}?令){_SP}*[）)]?$")
_ORDER_NUMBER = re.compile(rf"^[（(]?{_SP}*第{_SP}*(?P<num>[\d{_CN}百]{{1,6}}){_SP}*号{_SP}*[）)]?$")
_ORDER_INLINE = re.compile(
    rf"(?:{DATE})?{_SP}*(?P<organ>[\u4e00-\u9fff]{{2,40}}?令){_SP}*第{_SP}*(?P<num>\d{{1,6}}){_SP}*号"
)
_ORDER_LINE_CHARS = 60

_ADOPTION = re.compile(
    rf"(?:经|于)?{_SP}*{DATE}{_SP}*(?P<organ>[\u4e00-\u9fff（）()\d]{{2,60}}?)(?:会议|常务会议|全体会议)"
    rf"(?:审议|讨论)?(?P<act>通过|修订|修正|批准)"
)
# Any four-digit year: a garbled date that is a valid calendar date is kept as written (CONVENTIONS).
_ANY_YEAR_DATE = DATE.replace(r"(?:19|20)\d{2}", r"\d{4}")
_EFFECTIVE = re.compile(
    rf"(?:自|从|于){_SP}*(?:{_ANY_YEAR_DATE}|(?P<issue>印发|发布|公布|颁布|下发|发文|发出|签发)之日){_SP}*(?:起)?{_SP}*"
    r"(?:施行|实施|实行|执行|生效|试行)"
)
# Whose date a 施行 clause gives is said by its sentence's subject (GB/T 9704 附则, a 令's promulgation): the
# document's own when the sentence opens with it (`本办法自…起施行`, `第十条 本细则为…的配套文件，自…施行`), is a
# promulgation (`…，现予公布，自…起施行`, `现将…印发给你们，自…起执行`), has the issued document's name for its
# subject (an 印发 notice's `《某某办法》自…起施行`) or is the clause alone (`自印发之日起施行。`); not a date the text sets for something else (`…提出…折旧办法，报经财政部批准后，
# 从一九八五年一月一日起实行`: the rule the ministry is to draw up, in a 请示 a notice forwards).
# A run of blanks is a line break a flat text lost (`7.3预案实施时间  本预案自印发之日起实施`).
_SENTENCE_BOUNDARY = re.compile(rf"[。；！？;!?\n]|{_SP}{{2,}}|第[一二三四五六七八九十百零〇\d]+条")
_SENTENCE_CHARS = 200  # a sentence opening further back than this is no 附则 article
_OWN_SUBJECT = re.compile(
    rf"^{_SP}*(?:[（(][一二三四五六七八九十\d]{{1,3}}[）)]|[一二三四五六七八九十]{{1,3}}、|\d{{1,2}}[.．、])?{_SP}*本"
    r"|现予(?:公布|发布|颁布|印发)|印发给你们"
    rf"|^{_SP}*《[^《》]{{2,80}}》{_SP}*$"
)
# A 政策解读 page or news release opens by naming the document it presents and when that takes effect
# (`市政府印发《…若干政策》（以下简称《若干政策》），自2020年6月17日起施行。`), then speaks of it by the short name
# (``doc_genre.presented_by_short_name``): the page is catalogued as that document (its genre, CONVENTIONS), so
# the date is read as the page's.
_PRESENTING_OPENING_CHARS = 300  # the page's first sentence
_EXPIRY = re.compile(rf"有效期(?:限)?(?:为|自[^。；]{{0,30}})?至{_SP}*{_ANY_YEAR_DATE}")

_ORGAN_END = re.compile(
    r"(?:人民政府|政府|办公厅|办公室|委员会|党委|市委|县委|区委|省委|州委|中共中央|局|厅|委|部|院|署|办|会|中心|总队|支队|公司|集团|"
    r"银行|法院|检察院|统战部|宣传部|组织部|公署)$"
)
_PUNCTUATION = re.compile(r"[，,。；;：:！？!?、“”《》]")
_SIGNATURE_LINE_CHARS = 30
_FRAGMENT_CHARS = 2  # `员会`, `理局`: too short to be an organ of its own (`财政部`, `教育部`, `审计署` are organs)
# The organ words a name broken over lines may leave alone on the next line (`XX省人民政府` / `办公厅`)
_ORGAN_TAILS = ("办公厅", "办公室", "委员会", "常委会", "管委会")
# GB/T 9704 联合行文: every organ signs, one per line, and a ministries' joint document may have a dozen or more
_SIGNATURE_MAX_LINES = 20
_DIVISION_NAME_CHARS = 8  # `新疆维吾尔自治区`

_ORGAN_WORDS = ("人民政府办公厅", "人民政府办公室", "人民政府", "办公厅", "办公室", "委员会", "政府", "局", "厅", "委", "部",
                "院", "署", "公署")  # fmt: skip
_ORGAN_WORD = "(?:" + "|".join(_ORGAN_WORDS) + ")"
# The same, letter-spaced as a signature may be printed (`国 务 院`, `国\xa0 务\xa0 院`: one or two spaces).
_SPACED_ORGAN_WORD = "(?:" + "|".join(f"{_SP}{{0,2}}".join(word) for word in _ORGAN_WORDS) + ")"
# An attachment line the lost line breaks glued before the signature: `附件：…主要成员企业名单` (its name ends
# in a type word or a list's noun).
_ATTACHMENT_LINE = (
    rf"附件{_SP}*[:：]{_SP}*(?:\d{{1,2}}[.．、])?[^。：:]{{2,80}}?(?:名单|目录|清单|表|图|书|{TYPE_WORDS})"
)
# A character of an organ's name: no 的 and no type word, which end the attachment's name before it (`…实施方案国务院`).
_ORGAN_CHAR = rf"(?:(?!的|{TYPE_WORDS})[\u4e00-\u9fff])"
# A signature whose line breaks were lost: `…请认真贯彻执行。国务院办公厅二○○一年十一月三日关于…`,
# `…后印发。附件：…名单国 务 院一九九八年七月二十一日`.
_RUN_ON_SIGNATURE = re.compile(
    rf"[。！；]{_SP}*(?:{_ATTACHMENT_LINE}{_SP}*)?"
    rf"(?P<organ>(?:{_ORGAN_CHAR}{_SP}{{0,2}}){{1,29}}?{_SPACED_ORGAN_WORD}){_SP}*{DATE}"
)
# The 版记's printing line: `山东省人民政府办公厅2019年3月15日印发` (its date is not the 成文日期).
_PRINTED_BY = re.compile(rf"^(?P<organ>[\u4e00-\u9fff]{{2,40}}?{_ORGAN_WORD}){_SP}*{DATE}{_SP}*印发$")
# A 令 number with its date at the head of a regulation: `（2011年12月15日广州市人民政府令第61号公布，…`.
_ORDER_PUBLISHED = re.compile(
    rf"^[（(]{_SP}*{DATE}{_SP}*(?P<organ>[\u4e00-\u9fff]{{2,40}}?令){_SP}*第{_SP}*(?P<num>\d{{1,6}}){_SP}*号"
    rf"{_SP}*(?:公布|发布|颁布)"
)

# A 令's promulgation sentence: `《X》已经2021年1月8日市政府第15届130次常务会议通过，现予公布`.
_PROMULGATION = re.compile(
    rf"^{_SP}*《(?P<title>[^《》]{{4,80}})》{_SP}*(?:已经|已由|经)[^。]{{0,80}}?(?:通过|批准|审议通过)[，,]{_SP}*现予(?:公布|发布|颁布)"
)

_TITLE_SITE_SUFFIX = re.compile(rf"{_SP}*[-_|｜—]{_SP}*[^-_|｜—]{{2,30}}(?:网|网站|门户|政府|平台)$")


def iso_date(match) -> str | None:
    """``YYYY-MM-DD`` of a DATE match (Arabic or Chinese numerals); None for an impossible date."""
    try:
        if match.group("y"):
            return dt.date(int(match.group("y")), int(match.group("m")), int(match.group("d"))).isoformat()
        parts = [cn_to_int(match.group(g)) for g in ("cy", "cm", "cd")]
        if None in parts:
            return None
        return dt.date(*parts).isoformat()
    except (ValueError, IndexError, TypeError):
        return None


def _value_date(value: str) -> str | None:
    found = _ISO_LIKE.search(value) or _DATE.search(value)
    return iso_date(found) if found else None


def has_info_label(text: str) -> bool:
    """Whether ``text`` holds an information-table label at all (one search; most texts have none).
    Searched in the raw text, it tells for the norm text too: normalising adds no label."""
    found = _LABEL_SCAN.search(text)
    while found is not None and found.start() > 0 and "\u4e00" <= text[found.start() - 1] <= "\u9fff":
        found = _LABEL_SCAN.search(text, found.start() + 1)  # inside a longer word: look on
    return found is not None


def info_table(lines: list[tuple[int, str]]) -> dict[str, str]:
    """Fields of a site's information table; dates as ISO.  Empty when the page has none."""
    found: dict[str, str] = {}
    head = lines[:_INFO_LINES]
    if not _LABEL.search("\n".join(content for _, content in head)):
        return found  # one search over the head instead of one per line: most texts have no table
    for i, (_, content) in enumerate(head):
        labels = list(_LABEL.finditer(content)) if has_info_label(content) else None  # (the fast test first)
        if not labels or labels[0].start() > 4:
            continue
        for k, label in enumerate(labels):
            end = labels[k + 1].start() if k + 1 < len(labels) else len(content)
            value = content[label.end() : end].strip(" \t\u3000\xa0")
            if not value and k + 1 == len(labels) and i + 1 < len(head) and not _LABEL.match(head[i + 1][1]):
                value = head[i + 1][1].strip()  # `文 号:` then the value on the next line
            field = _INFO_LABELS[_SPACES.sub("", label.group("label"))]
            if value and field not in found:
                found[field] = value
    for field in ("written_date", "published_date", "effective_date", "expiry_date"):
        if field in found:
            iso = _value_date(found[field])
            if iso:
                found[field] = iso
            else:
                del found[field]
    return found


def order_number(lines: list[tuple[int, str]], within: int = 40) -> str | None:
    """`广州市人民政府令第179号` from a 令 line and its number line (or one line), in the first lines."""
    head = lines[:within]
    for i, (_, content) in enumerate(head):
        organ = _ORDER_ORGAN.match(content)
        if organ and i + 1 < len(head):
            number = _ORDER_NUMBER.match(head[i + 1][1])
            if number:
                num = number.group("num")
                value = num if num.isdigit() else str(cn_to_int(num) or "")
                if value:
                    return f"{organ.group('organ')}第{value}号"
        inline = _ORDER_INLINE.search(content)
        # The number line itself, maybe bracketed with its date and 公布 under a title:
        # `（2019年11月30日国家市场监督管理总局令第20号公布）`; not a citation inside a sentence.
        if inline and len(content) <= _ORDER_LINE_CHARS and not _PUNCTUATION.search(content):
            return f"{inline.group('organ')}第{inline.group('num')}号"
    return None


def run_on_signature(text: str) -> tuple[str | None, str | None]:
    """(organ, ISO date) of the first `。ORGAN DATE` in a text whose line breaks were lost."""
    match = _RUN_ON_SIGNATURE.search(text)
    return (_SPACES.sub("", match.group("organ")), iso_date(match)) if match else (None, None)


def printed_line(lines: list[tuple[int, str]]) -> tuple[str | None, str | None]:
    """(organ, ISO date) of the 版记's `…印发` line (the issuer's office, the day it was printed), searched
    from the end."""
    for _, content in reversed(lines[-15:]):
        match = _PRINTED_BY.match(_SPACES.sub("", content)) if content.endswith("印发") else None
        if match:
            return match.group("organ"), iso_date(match)
    return None, None


def promulgated_title(lines: list[tuple[int, str]], within: int = 60) -> str | None:
    """The regulation a 令 publishes: GB/T 9704's 命令（令）格式 has no title line of its own, its text
    names the rules it puts in force (`《广州市老年人优待办法》已经…常务会议通过，现予公布，自…起施行。`)."""
    for _, content in lines[:within]:
        match = _PROMULGATION.match(content)
        if match:
            return match.group("title")
    return None


def published_order(lines: list[tuple[int, str]], within: int = 12) -> tuple[str | None, str | None]:
    """(`广州市人民政府令第61号`, ISO date) of a regulation's bracketed 公布 line under its title."""
    for _, content in lines[:within]:
        match = _ORDER_PUBLISHED.match(content)
        if match:
            return f"{match.group('organ')}第{match.group('num')}号", iso_date(match)
    return None, None


# The body's first numbered heading (`一、`, `第一章`, `1.`): a regulation's adoption line sits above it; below
# it a `（…会议通过）` belongs to a law the text cites (`1.全国人大常委会关于《刑法》…的解释（2014年…通过）`).
_BODY_HEADING = re.compile(
    rf"(?m)^{_SP}*(?:[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十\d]+[章条]|\d{{1,2}}[.．、](?!\d))"
)


def adoption(text: str) -> tuple[str | None, str | None]:
    """(organ, ISO date) of a regulation's 通过/批准 line, e.g. (`重庆市第四届人民代表大会常务委员会第二十一次`, 2015-11-26),
    in the text above its first numbered heading."""
    head = text[:3000]
    if "会议" not in head:  # every adoption line names its 会议
        return None, None
    body = _BODY_HEADING.search(head)
    match = _ADOPTION.search(head, 0, body.start() if body else len(head))
    if not match:
        return None, None
    return match.group("organ"), iso_date(match)


def effective_date(text: str, issue_date: str | None) -> str | None:
    """The date the text says it takes effect; `自印发之日起` is ``issue_date`` (None when unknown: the caller
    passes the 版记's 印发 date when the text has no 成文日期, that being the day `印发之日` names)."""
    for match in _EFFECTIVE.finditer(text):
        if not _about_the_document(text, match.start()):
            continue
        if match.group("issue"):
            if issue_date:
                return issue_date
            continue
        iso = iso_date(match)
        if iso:
            return iso
    return None


def _about_the_document(text: str, start: int) -> bool:
    """Whether the 施行 clause at ``start`` is the document's own (``_OWN_SUBJECT``)."""
    window_start = max(0, start - _SENTENCE_CHARS)
    opening = window_start if window_start == 0 else None
    for boundary in _SENTENCE_BOUNDARY.finditer(text, window_start, start):
        opening = boundary.end()
    if opening is None:
        return False  # no sentence opens within reach: a clause deep inside running prose
    sentence = text[opening:start]
    if not sentence.strip(" \t\u3000") or _OWN_SUBJECT.search(sentence):
        return True
    return opening < _PRESENTING_OPENING_CHARS and _presents_the_document(text, sentence)


def _presents_the_document(text: str, sentence: str) -> bool:
    """Whether ``sentence`` (the text's opening, up to a 施行 clause) ends naming the document the page presents
    and speaks of by its short name further on."""
    named = presented_by_short_name(sentence, text)
    return named is not None and not sentence[named.end() :].strip("，, \t\u3000")  # the 施行 clause follows


def expiry_date(text: str) -> str | None:
    """`有效期至2025年12月31日` → 2025-12-31; a duration (`有效期3年`) alone is not a date."""
    match = _EXPIRY.search(text)
    return iso_date(match) if match else None


def _is_organ_line(content: str) -> bool:
    return len(content) <= _SIGNATURE_LINE_CHARS and not _PUNCTUATION.search(content) and not _DIGIT.search(content)


_DATE_ONLY_LINE = re.compile(rf"^[（(]?{_SP}*{DATE}{_SP}*[）)]?$")
# A signature dated before the day was filled in (`2024年月日`, `2024年 月 日`, `2024年3月 日`): the organs sign
# above it, the text has no 成文日期.
_BLANK_DATE_LINE = re.compile(
    rf"^(?:(?:19|20)\d{{2}}|[{_CN}]{{4}}){_SP}*年{_SP}*(?:\d{{1,2}}|[{_CN}]{{1,2}})?{_SP}*月{_SP}*日$"
)


def signature_date_index(lines: list[tuple[int, str]]) -> int | None:
    """Index of the first line that is only a date and has an organ line right above it."""
    for i in range(1, len(lines)):
        if (
            lines[i][1][-1:] in "日)）"
            and (_DATE_ONLY_LINE.match(lines[i][1]) or _BLANK_DATE_LINE.match(lines[i][1]))
            and _is_organ_line(lines[i - 1][1])
            and signature_organs(lines, i)
        ):
            return i
    return None


def signature_organs(lines: list[tuple[int, str]], date_index: int | None) -> list[str]:
    """The organ(s) signing above the date line at ``date_index``, one per organ, fragments rejoined."""
    if date_index is None:
        return []
    block: list[str] = []
    j = date_index - 1
    while j >= 0 and len(block) < _SIGNATURE_MAX_LINES and _is_organ_line(lines[j][1]):
        block.insert(0, _SPACES.sub("", lines[j][1]))
        j -= 1
    organs: list[str] = []
    for part in (organ for line in block for organ in split_run_on_organs(line)):
        if organs and (not _ORGAN_END.search(organs[-1]) or len(part) <= _FRAGMENT_CHARS or part in _ORGAN_TAILS):
            organs[-1] += part  # a name broken over two lines: `XX市市` / `场监管局`
        else:
            organs.append(part)
    # Whatever precedes the first complete organ is not a signature (a heading, a stray word).
    while organs and not _ORGAN_END.search(organs[0]):
        organs.pop(0)
    return [organ for organ in organs if _ORGAN_END.search(organ)]


# A 联合发文 signature printed with its organs run together on one line (`工业和信息化部市场监管总局`) is split
# where it falls between two organs of the same kind that each stand on their own: two central organs, each
# opening with a central head (国家, 国务院, 中共中央, 中央, 全国, 最高人民, 中国, 中华人民共和国) or named by its 简称
# (…总局, …总署, …部, …委: `市场监管总局`, `财政部`), or two local ones, each opening with a division's name
# (`中共济宁市委济宁市人民政府`). Never before an organ's own office or department (`国务院办公厅`,
# `中共济南市委宣传部`), a ministry's bureau (`公安部交通管理局`: a 局, no 总局), a central organ's local branch
# (`国家税务总局山东省税务局`) or inside a name (`…人力资源和社会保障部`: `…社会` ends in 会 but is no organ).
_CENTRAL_HEAD = re.compile(r"^(?:中共中央|中央|国务院|全国|最高人民|国家|中国|中华人民共和国)")
_CENTRAL_SHORT_NAME = re.compile(r"(?:总局|总署|部|委)$")
_OWN_DEPARTMENTS = (*_ORGAN_TAILS, "宣传部", "组织部", "统战部")
# An organ ending in 会 is an association or commission of these; a bare …会 (`…社会`) is none.
_ASSOCIATION_END = ("委员会", "常委会", "管委会", "协会", "联合会", "学会", "商会", "理事会")
_RUN_ON_ORGAN_CHARS = 3  # the shortest organ (`财政部`, `国务院`)


def split_run_on_organs(line: str) -> list[str]:
    """The organs a signature line writes without a space between them; ``[line]`` when it is one organ."""
    for cut in range(_RUN_ON_ORGAN_CHARS, len(line) - _RUN_ON_ORGAN_CHARS + 1):
        first, rest = line[:cut], line[cut:]
        if _organ_kind(first) is not None and _organ_kind(first) == _organ_kind(rest):
            return [first, *split_run_on_organs(rest)]
    return [line]


def _organ_kind(organ: str) -> str | None:
    """`central` or `local` for a name that stands on its own as an organ (``split_run_on_organs``), else None."""
    if organ in _OWN_DEPARTMENTS or not _ORGAN_END.search(organ):
        return None
    if organ.endswith("会") and not organ.endswith(_ASSOCIATION_END):
        return None
    if _opens_with_a_division(organ.removeprefix("中共")):
        return "local"
    if _CENTRAL_HEAD.match(organ) or _CENTRAL_SHORT_NAME.search(organ):
        return "central"
    return None


def _opens_with_a_division(organ: str) -> bool:
    names = by_name()
    return any(organ[:length] in names for length in range(3, min(len(organ), _DIVISION_NAME_CHARS) + 1))


def is_organ_name(content: str) -> bool:
    return _is_organ_line(content) and bool(_ORGAN_END.search(content))


def split_issuers(organ_part: str) -> list[str]:
    """The issuers a 联合发文's title or 版头 names: `A B关于…` / `A、B关于…` / `AB` written one by one."""
    parts = [p for p in _ISSUER_SEPARATOR.split(organ_part.strip()) if p]
    if parts and all(_ORGAN_END.search(p) for p in parts):
        return parts
    return [organ_part.strip()] if organ_part.strip() else []


def strip_title_chrome(title: str) -> str:
    """Drop site words a scraped title line carries: leading words that are no organ (and the organs
    before them: the site's name), a trailing `- 某某政府网`."""
    title = _TITLE_SITE_SUFFIX.sub("", title)
    parts = _SPACE_RUNS.split(title)
    words = parts[0::2]
    if len(words) < 2:
        return title
    keep = len(words) - 1
    while keep > 0 and _ORGAN_END.search(words[keep - 1]):
        keep -= 1
    if keep == 0:
        return title  # only organs before the title: a 联合发文's issuers, kept as written
    return "".join(parts[2 * keep :])


# GB/T 9704's title is 发文机关 + 关于 + 事由 + 文种; a notice that forwards or approves names its issuer before
# the verb (`国务院办公厅转发发展改革委关于…`, `国务院批转地质部关于…`); a reply to a deputy's 建议 or 提案 names it
# before 对 (`民政部对“关于…的建议”的答复`, `…对十三届全国人大三次会议第1234号建议的答复`).
_TITLE_ORGAN_PART = re.compile(r"^(?P<organs>.+?)(?:批转|转发|印发|关于|对(?=.+的(?:答复|复函)$))")


def title_organ_part(title: str | None) -> str | None:
    """What a title writes before its first 关于/批转/转发/印发: the issuing organ(s) of a GB/T 9704 title
    (`国务院批转国家经委、国家计委、财政部关于…` → `国务院`: the authors of the 请示 a notice forwards are
    not its issuers; `A、B关于…` → `A、B`)."""
    match = _TITLE_ORGAN_PART.match(title) if title else None
    return match.group("organs").strip(" \t\u3000") if match else None


def title_organ(title: str | None) -> str | None:
    """The organ(s) a title opens with, when every word before 关于 (or 批转/转发/印发) is an organ."""
    written = title_organ_part(title)
    if not written:
        return None
    organs = split_issuers(written)
    return written if organs and all(_ORGAN_END.search(o) for o in organs) else None


# The line under a site article's title: its date, source or hits (`2022-11-16 来源: 广州市民政局`,
# `发布时间：2024-05-06`, `发表时间： 2026-02-12 17:12 信息来源：…`).
_ARTICLE_META_LINE = re.compile(
    rf"^(?:(?:19|20)\d{{2}}[-/.年]\d{{1,2}}[-/.月]\d{{1,2}}|(?:发布|发表|更新)?(?:时间|日期){_SP}*[:：]|(?:信息)?来源{_SP}*[:：])"
)
# Every match of _ARTICLE_META_LINE starts with one of these (19|20…, 发布/发表/更新/时间/日期, 信息/来源): a line
# that starts otherwise is tested without a regex call (page_title and page_headline test every line's next one).
_ARTICLE_META_FIRST = frozenset("12发更时日信来")
_PAGE_TITLE_CHARS = 80
_SENTENCE_MARK = re.compile(r"[。；：:，,！？]")


def page_title(raw_lines: list[tuple[int, str]]) -> str | None:
    """A site article's title: a short line ending in a type word, right above its date or source line."""
    for i, (_, content) in enumerate(raw_lines[:_INFO_LINES]):
        below = raw_lines[i + 1][1] if i + 1 < len(raw_lines) else ""
        if below[:1] in _ARTICLE_META_FIRST and _ARTICLE_META_LINE.match(below):
            if len(content) <= _PAGE_TITLE_CHARS and not _SENTENCE_MARK.search(content) and genre_word(content):
                return content
    return None


_CHROME_MARK = re.compile(r"[>›|/]")  # a breadcrumb (`首页 > 政务公开`), a menu bar, a URL


def page_headline(lines: list[tuple[int, str]]) -> str | None:
    """A site article's headline, document title or not (`广州市高校毕业生创业补贴，请查收`): the short line
    right above its date or source line.  Not the document's title (no type word), but it names what the
    page presents, and the place a headline opens with is that of the policy it presents."""
    for i, (_, content) in enumerate(lines[:_INFO_LINES]):
        below = lines[i + 1][1] if i + 1 < len(lines) else ""
        if below[:1] in _ARTICLE_META_FIRST and _ARTICLE_META_LINE.match(below):
            if len(content) <= _PAGE_TITLE_CHARS and not _CHROME_MARK.search(content) and "。" not in content:
                return content
            return None
    return None
