"""Completing a document's metadata from every place real documents put it.

``complete_meta`` takes what ``metadata.extract_meta`` read from the GB/T 9704
head and tail and fills in or corrects it from the other sources
(``meta_sources``): a site's information table, a 令 number, a regulation's
adoption line, a signature broken over lines, a 联合发文's issuers; then adds
what researchers filter by: region and level (``regions``), genre and status
(``doc_genre``), effective and expiry dates.  Pure: text in, values out.
"""

from __future__ import annotations

import regex as re

from pipeline.core.document import DocumentMeta, NormalizedText
from pipeline.structure import doc_genre, meta_sources, metadata, regions
from pipeline.structure.metadata import extract_meta

_BRACKETS = str.maketrans(
    {"[": "〔", "]": "〕", "［": "〔", "］": "〕", "(": "〔", ")": "〕", "（": "〔", "）": "〕", "【": "〔", "】": "〕"}
)
_DOC_NUMBER_YEAR = re.compile(
    r"^(?P<prefix>[\u4e00-\u9fff]{1,12})\s*[〔\[［(（【]\s*(?P<year>(?:19|20)\d{2})\s*[〕\]］)）】]\s*第?\s*(?P<num>\d{1,5})\s*号$"
)
_SPACES = re.compile(r"[ \t\u3000\xa0]")
_ORGANS_SEPARATOR = re.compile(r"[ \t\u3000]+|、")
_SESSION = re.compile(r"第[\d一二三四五六七八九十百]+(?:届|次)|[\d]+届[\d]+次")
_ORDER_ORGAN = re.compile(r"令$")
_RAW_INFO_CHARS = 40_000  # a page's information table sits above or right below its text
_HEAD_CHARS = 600  # where 征求意见稿 / 试行 notes sit under a title
# A head whose line breaks were lost: `国务院办公厅关于…的通知国办发〔2016〕9号各省、自治区…`.
_RUN_ON_HEAD = re.compile(
    r"^(?P<title>[^。，；：:\n]{2,150}(?:"
    + doc_genre.TYPE_WORDS
    + r"))[ \t\u3000]*[（(]?(?P<num>[\u4e00-\u9fff]{1,12}[ \t\u3000]*[〔\[［(（【]"
    r"[ \t\u3000]*(?:19|20)\d{2}[ \t\u3000]*[〕\]］)）】][ \t\u3000]*第?[ \t\u3000]*\d{1,5}[ \t\u3000]*号)"
    # the date a 决定 or 纪要 carries in brackets under its title (GB/T 9704 题注): `（一九九〇年十二月五日）`
    r"(?:[ \t\u3000]*[）)])?(?:[ \t\u3000]*[（(][ \t\u3000]*" + meta_sources.DATE + r"[ \t\u3000]*[）)])?"
)
# A page number the PDF text put before the title: `22 中共上海市委…` (not `2020年…`, `5G…`).
# Front matter is numbered in roman numerals: `II浙江省城市内涝治理“十四五”规划` (not `Ⅱ型…`, `II类…`).
_LEADING_PAGE_NUMBER = re.compile(
    r"^(?:\d{1,3}|[IVX]{1,4}|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ])[ \t\u3000]*(?=[\u4e00-\u9fff])(?![年月日个项条号家型类级期])"
)
_TITLE_LINE_CHARS = 80
_SENTENCE_PUNCTUATION = re.compile(r"[。；：:，,！？]")
# A title may quote what it answers or issues, commas and all: `民政部对“关于应对老龄社会，深化…的建议”的答复`.
_QUOTED = re.compile(r"“[^“”]*”|《[^《》]*》|「[^「」]*」|\"[^\"]*\"")
# A 政府工作报告 speaks for its government: `我代表市人民政府，向大会报告政府工作`.
_WORK_REPORT = re.compile(
    r"代表(?:[\u4e00-\u9fff]{0,10}?(?:省|市|区|县|州|盟|旗))?(?:(?:人民)?政府|行署|行政公署)[^。]{0,12}(?:向大会)?(?:作)?(?:工作)?报告"
)


def lines_of(text: str) -> list[tuple[int, str]]:
    """``metadata.lines_of`` that also trims the no-break space (raw page heads hold it)."""
    return metadata.lines_of(text, metadata.LINE_STRIP + "\xa0")


def _normal_doc_number(value: str | None) -> str | None:
    if not value:
        return None
    value = _SPACES.sub("", value)
    # A table cell may run on into the next, unlabelled one: `泉政文〔2024〕3号有效性：有效`.
    match = _DOC_NUMBER_YEAR.match(value) or _DOC_NUMBER_YEAR.match(value.split("号", 1)[0] + "号")
    if match:
        return f"{match.group('prefix')}〔{match.group('year')}〕{match.group('num')}号"
    return value.translate(_BRACKETS) if "号" in value else None


def _organ_of_adoption(organ: str) -> str:
    """`重庆市第四届人民代表大会常务委员会第二十一次` → `重庆市人民代表大会常务委员会`."""
    return _SESSION.sub("", organ).strip()


def _issuers(title: str | None, issuer: str | None, signature: list[str]) -> list[str]:
    """Every issuer of a 联合发文: the organs before 关于 (or 批转/转发/印发) in the title, else the signature's,
    else [issuer]."""
    organ_part = meta_sources.title_organ_part(title)
    if organ_part:
        named = meta_sources.split_issuers(organ_part)
        if len(named) > 1:
            return named
    if len(signature) > 1:
        return signature
    return [issuer] if issuer else []


def _better_issuer(issuer: str | None, signature: list[str]) -> str | None:
    """Prefer the signature rejoined (`XX市市场监管局`) over a fragment of it (`场监管局`), and a joint signature's
    first organ over a later one (GUIDE: the first of a 联合发文's; the date line's organ reader sees only its last lines)."""
    if len(signature) > 1 and _first_issuer(issuer) in signature[1:]:
        return signature[0]
    if signature and issuer:
        for organ in signature:
            if organ != issuer and organ.endswith(issuer):
                return organ
    return issuer


def _run_on_head(text: str) -> tuple[str | None, str | None, str | None]:
    """(title, 文号, ISO date of a bracketed 题注 date right after the 文号) of a text that starts
    `title文号` on one line."""
    match = _RUN_ON_HEAD.match(text.lstrip())
    if match and doc_genre.genre_of_title(match.group("title")):
        dated = match.group("y") or match.group("cy")
        return (
            match.group("title").strip(),
            _normal_doc_number(match.group("num")),
            meta_sources.iso_date(match) if dated else None,
        )
    return None, None, None


def _first_line_title(lines: list[tuple[int, str]]) -> str | None:
    """A short first line with no sentence punctuation that ends in a type word is the title."""
    if not lines:
        return None
    first = _LEADING_PAGE_NUMBER.sub("", lines[0][1])
    return first if _is_title_line(first) else None


def _is_title_line(content: str) -> bool:
    """A short line with no sentence punctuation (outside quotes) that ends in a type word."""
    unquoted = _QUOTED.sub("", content)
    return (
        len(content) <= _TITLE_LINE_CHARS
        and not _SENTENCE_PUNCTUATION.search(unquoted)
        and bool(doc_genre.genre_word(content))
    )


# A 发文字号 on a line of its own, bracketed as a web page prints it under the title: `（国办发〔2023〕5号）`.
_NUMBER_LINE = re.compile(
    r"^[（(]?[ \t\u3000]*(?P<num>[\u4e00-\u9fff]{1,12}[ \t\u3000]*[〔\[［(（【][ \t\u3000]*(?:19|20)\d{2}[ \t\u3000]*"
    r"[〕\]］)）】][ \t\u3000]*第?[ \t\u3000]*\d{1,5}[ \t\u3000]*号)[ \t\u3000]*[）)]?$"
)


def _restated_head(lines: list[tuple[int, str]]) -> tuple[str | None, str | None]:
    """(title, 文号) of a notice whose file lost its 版头 and restates the notice under it further down: the text
    opens at its 主送 line (`各省、自治区…：`), and the same 主送 line comes again right under a title line and, maybe,
    the bracketed 文号 line (GB/T 9704's order: title, 文号, 主送; an export that printed the body, then the whole
    notice under its head).  A 主送 line under another title (a forwarded notice's own) is not this text's."""
    if len(lines) < 4 or not lines[0][1].endswith(("：", ":")):
        return None, None
    addressee = lines[0][1]
    for i in range(2, len(lines)):
        if lines[i][1] != addressee:
            continue
        number = _NUMBER_LINE.match(lines[i - 1][1])
        title_index = i - 2 if number else i - 1
        title = _undoubled(lines[title_index][1]) if title_index >= 1 else ""
        if _is_title_line(title):
            return title, _normal_doc_number(number.group("num")) if number else None
    return None, None


def _undoubled(content: str) -> str:
    """A title printed twice (a page's headline over the document's own) that the line joiner ran together: once."""
    half = len(content) // 2
    return content[:half] if len(content) % 2 == 0 and content[:half] == content[half:] else content


# A compilation (摘编, 汇编) numbers its parts `第一`…`第N` (`第N部分`, `第N篇`), and a page presenting one part opens
# with its number, a space and the part's title (`第二 我省对打赢深度贫困地区脱贫攻坚战的要求`, realblind8 0199): the
# title is the rest of the line, whatever its last word. A chapter or an article (`第一章 总则`, `第一条`) has its
# measure word and is no part number.
_PART_TITLE_LINE = re.compile(
    r"第[一二三四五六七八九十]{1,3}(?:部分|篇)?[ \u3000]+(?P<title>[^ \u3000。；：:，,！？]{4,40})"
)


def _part_title(lines: list[tuple[int, str]]) -> str | None:
    """The title of a compilation's part on the first line, after its part number (_PART_TITLE_LINE)."""
    part = _PART_TITLE_LINE.fullmatch(lines[0][1].strip()) if lines else None
    return part.group("title") if part else None


_NOTICE_TITLE_END = re.compile(r"(?:印发|转发|批转|发布)[^。；]{2,120}的(?:通知|决定)$")
_ISSUED_IN_SENTENCE = re.compile(r"^(?:现将)?《(?P<title>[^《》]{4,120})》[^《》。]{0,60}(?:印发|发布|转发)给你们")
_HEAD_LINES = 40


def _is_organs_line(content: str) -> bool:
    """A 版头 line of issuing organs only: `A B C` or `A、B`."""
    parts = [p for p in _ORGANS_SEPARATOR.split(content) if p]
    return bool(parts) and all(meta_sources.is_organ_name(p) for p in parts)


def _notice_title(lines, title: str) -> str | None:
    """The 印发 notice that wraps ``title`` further down the head (a web page shows the attached plan's
    name first, then the 版头 with `…关于印发<title>的通知`), joined with its wrapped and organ lines."""
    for i, (_, content) in enumerate(lines[:_HEAD_LINES]):
        if title not in content:
            continue
        content = meta_sources.strip_title_chrome(content)
        if title in content and _NOTICE_TITLE_END.search(content) and content != title:
            first = i
            while first > 0 and _is_organs_line(lines[first - 1][1]):
                first -= 1
            return "".join(c for _, c in lines[first:i]) + content
    return None


def _title(info: dict, title: str | None, lines, run_on_title: str | None, raw_head: str) -> str | None:
    if info.get("title"):
        return meta_sources.strip_title_chrome(info["title"])
    if title:
        title = _LEADING_PAGE_NUMBER.sub("", meta_sources.strip_title_chrome(title))
        return _notice_title(lines, title) or title
    # A site article's title above its date line: in the text (linebreaks keeps them apart), else in the raw
    # page, for a page whose date line the normalisers dropped with the chrome.
    found = (
        run_on_title
        or _first_line_title(lines)
        or meta_sources.page_title(lines)
        or meta_sources.page_title(lines_of(raw_head))
        or _part_title(lines)
    )
    if found:
        return found
    for _, content in lines[:3]:  # `《X（V1.0）》已经…审议通过，现印发给你们`: the notice names what it issues
        issued = _ISSUED_IN_SENTENCE.match(content)
        if issued and doc_genre.genre_of_title(issued.group("title")):
            return issued.group("title")
    promulgated = meta_sources.promulgated_title(lines)  # a 令 names the rules it publishes
    return promulgated if promulgated and doc_genre.genre_of_title(promulgated) else None


def _first_issuer(issuer: str | None) -> str | None:
    """`A B` or `A、B` (a 联合发文's organs) → A, as GUIDE's issuer is the first one."""
    if not issuer:
        return None
    parts = meta_sources.split_issuers(issuer)
    return parts[0] if parts else issuer


def document_meta(norm: NormalizedText) -> DocumentMeta:
    """Every metadata column of a document: ``extract_meta``'s GB/T 9704 head and tail, completed."""
    lines = lines_of(norm.text)
    # metadata.lines_of strips the same characters but the no-break space, which a normalised
    # text holds only when a caller skipped ``width``: then they are split apart
    head = extract_meta(norm, lines if "\xa0" not in norm.text else None)
    done = complete_meta(norm.text, norm.raw_text, head.title, head.doc_number, head.issuer, head.issue_date, lines)
    done.addressee, done.cc = head.addressee, head.cc
    return done


def complete_meta(
    text: str,
    raw_text: str,
    title: str | None,
    doc_number: str | None,
    issuer: str | None,
    issue_date: str | None,
    lines: list[tuple[int, str]] | None = None,
) -> DocumentMeta:
    """``text`` is norm_text; ``raw_text`` holds the web chrome the normalisers drop (information tables
    live there).  The other arguments are what ``metadata.extract_meta`` found; ``lines`` is
    ``lines_of(text)`` when the caller has it already."""
    lines = lines_of(text) if lines is None else lines
    raw_head = raw_text[:_RAW_INFO_CHARS]
    info = {}
    if meta_sources.has_info_label(raw_head):  # most texts have no table: one search instead of two
        info = meta_sources.info_table(lines) or meta_sources.info_table(lines_of(raw_head))
    out = DocumentMeta()
    _complete_guide_fields(out, info, lines, text, raw_head, (title, doc_number, issuer, issue_date))
    # Without a title, a site article's headline says whose policy the page presents.
    headline = out.title or meta_sources.page_headline(lines)
    region = regions.resolve_region(out.issuers, headline, out.doc_number, text)
    out.province, out.city, out.county = region.province, region.city, region.county
    out.division_code, out.admin_level = region.division_code, region.admin_level

    report = _WORK_REPORT.search(text[:_HEAD_CHARS])
    if report and out.issuer is None and (out.city or out.province):
        out.issuer = f"{out.county or out.city or out.province}人民政府"
        out.issuers = [out.issuer]
    out.genre_word = (
        doc_genre.genre_of_title(out.title) or ("政府工作报告" if report else None) or doc_genre.genre_of_preamble(text)
    )
    out.genre = doc_genre.genre_label(out.genre_word, out.title)
    out.genre_family = doc_genre.genre_family(out.genre)  # the class of genre: the two columns nest
    out.status = doc_genre.status_of(out.title, text[:_HEAD_CHARS], text)
    printed_on = None if out.issue_date else meta_sources.printed_line(lines)[1]
    out.effective_date = info.get("effective_date") or meta_sources.effective_date(text, out.issue_date or printed_on)
    out.expiry_date = info.get("expiry_date") or meta_sources.expiry_date(text)
    return out


def _complete_guide_fields(out: DocumentMeta, info: dict, lines, text: str, raw_head: str, found: tuple) -> None:
    """title, doc_number, issuer, issue_date and issuers: ``found`` (extract_meta's four) completed;
    ``raw_head``: the raw text's head (a page's title line and information table, chrome the normalisers drop)."""
    title, doc_number, issuer, issue_date = found
    run_on = _run_on_head(text)
    out.title = _title(info, title, lines, run_on[0], raw_head)
    if out.title is None and doc_number is None:  # the 版头 lost at the top, restated further down
        out.title, doc_number = _restated_head(lines)
    order, published_on = meta_sources.published_order(lines)
    # The document's own 发文字号 before the site's table's copy (its year is the document's year to deadlines)
    out.doc_number = (
        doc_number
        or run_on[1]
        or meta_sources.order_number(lines)
        or order
        or _normal_doc_number(info.get("doc_number"))
    )
    adopted_by, adopted_on = meta_sources.adoption(text)
    signed_by, signed_on = (None, None) if len(lines) > 3 else meta_sources.run_on_signature(text)
    # Every date the document states of itself (its date line, a run-on signature or head, a regulation's 公布 or
    # adoption line) before the site's information table: the page's 成文日期 is the catalogue's copy of it, and a
    # page template's date must not become the date past deadlines are judged by (LY3 page_chrome).
    out.issue_date = (
        issue_date
        or signed_on
        or run_on[2]
        or published_on
        or adopted_on
        or info.get("written_date")
        or metadata.written_date(raw_head)
    )
    # a flat text's signature may run its joint organs together too (`…。国家发展改革委国家能源局2020年3月1日`)
    run_on_organs = meta_sources.split_run_on_organs(signed_by) if signed_by else []
    signature = meta_sources.signature_organs(lines, meta_sources.signature_date_index(lines)) or run_on_organs
    if issuer and title and out.title and title != out.title and title.endswith(out.title):
        issuer = issuer.removeprefix(title[: len(title) - len(out.title)])  # the page number went with the title
    out.issuer = (
        _first_issuer(_better_issuer(issuer, signature))
        or info.get("issuer")
        or (run_on_organs[0] if run_on_organs else None)
        or _first_issuer(meta_sources.title_organ(out.title))
    )
    is_order = bool(out.doc_number and "令第" in out.doc_number)
    titled_as_order = out.title is not None and "关于" not in out.title  # the regulation's name, not a notice's
    if is_order and (out.issuer is None or titled_as_order):
        # GB/T 9704 命令（令）格式: the 版头 is the issuing organ's name + 令 and the 令 is signed by a person,
        # so the organ of `X令第N号` is the issuer, over a web page's 来源 or the 印发 line's office.
        out.issuer = out.doc_number.split("令第", 1)[0]
    if out.issuer is None and adopted_by:
        out.issuer = _organ_of_adoption(adopted_by)
    # Never the 版记's `XX办公厅 2023年N月N日印发` line: it names the printing office (GB/T 9704), not the
    # issuer; measured on every gold set and corpus-real, it was the issuer on none of the 4 texts it filled.
    out.issuers = _issuers(out.title, out.issuer, signature)
    out.issuer = out.issuer or (out.issuers[0] if out.issuers else None)  # GUIDE: the first of a 联合发文's
    if info.get("issuer") and not out.issuers:
        out.issuers = meta_sources.split_issuers(info["issuer"])
