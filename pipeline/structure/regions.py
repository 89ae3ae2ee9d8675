"""Where a document comes from: province, city, county, GB/T 2260 code and administrative level.

Read, in this order, from what the document says of itself:
1. the issuer(s) (`包头市人民政府办公室` → 内蒙古自治区 / 包头市, level city);
2. the title, where it starts with a place or names it before 关于
   (`山东省“十四五”教育事业发展规划`; not `国务院关于支持山东…` — that is national);
3. the 发文字号's prefix (`赣府厅字` → 江西省; `穗府办规` → 广州市; `国办发` → national),
   through the small table of conventional 简称 in ``data/region_abbreviations.tsv``;
4. the body's self-references, for texts that name no issuer: `我省`/`全省`/`省委、省政府`
   (province), `我市`/`全市` (city), `我县`/`全县` (county), and the place the text names most;
   `各省、自治区、直辖市` or `国务院各部委` as the addressees, or `我国`/`全国`, mean national.

Place names come from the division dataset (``pipeline.structure.divisions``);
a county's city and province are filled in from it.  ``admin_level`` is
`national` (State Council, ministries and other central organs),
`province` (also 直辖市 and 自治区), `city` (地级市, 自治州, 地区, 盟) or
`county` (区, 县, 县级市, 旗).  Nothing is guessed: a text that names no
issuer, no place and no level cue gets nulls.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Iterable

from pipeline.core.scans import ClassPositions, matches_at
from pipeline.structure.divisions import MUNICIPALITIES, Division, all_divisions, by_name, by_short_name

_ABBREVIATIONS_FILE = Path(__file__).with_name("data") / "region_abbreviations.tsv"
_MAX_NAME = 16  # 积石山保安族东乡族撒拉族自治县 is 15 characters

# Central organs: the State Council and its offices, ministries, commissions, administrations, the Party centre,
# the NPC, the courts.  An issuer of this shape that names no place is national.
_NATIONAL_ORGAN = re.compile(
    r"^(?:中共中央|中央|国务院|全国人民代表大会|全国人大|全国政协|最高人民法院|最高人民检察院|国家|中国|海关总署)"
    r"|(?:部|部办公厅|总局|总署|总局办公厅)$"
)
# 国发, 国办发, 国函; a ministry's own prefix (工信部联规, 人社部发, 发改能源): national.
_NATIONAL_DOC_PREFIX = re.compile(r"^国(?:发|办|函|令)|^国务院|^[\u4e00-\u9fff]{1,4}部|^发改")
_LEADING_PARTY = re.compile(r"^中共")
# A title may start with its year before the place: `2026年广州市天河区积分制入学学位申请指引`.
_LEADING_YEAR = re.compile(r"^(?:19|20)\d{2}(?:年度?|[-—至~]+(?:19|20)?\d{2}年)[ \t\u3000]*")

# How a body text speaks of its own jurisdiction (GB/T 9704 documents say 我省 / 本市 of themselves, name their
# own organs without the place: 省科技厅, 市政府办公厅, 县扶贫局, and close with `本办法由省X厅负责解释`), and
# the weaker cues of scope and addressees (全市, 各市人民政府): a city's text also names 全省 and 全国 when it
# compares, so a self-reference decides first.
_SELF_CUES = {  # `我代表市人民政府…报告`: a 政府工作报告 speaks for its government
    "province": re.compile(r"我省|本省|代表(?:省|自治区)(?:人民)?政府|由省[\u4e00-\u9fff]{2,12}负责解释"),
    "city": re.compile(
        r"我市(?!场)|本市(?!场)|我州|本州|我盟|本盟|代表(?:市|州|盟)(?:人民)?政府|代表[\u4e00-\u9fff]{2,6}(?:市|州|盟)(?:人民)?政府"
        r"|代表(?:行署|行政公署)|盟委|由市[\u4e00-\u9fff]{2,12}负责解释"
    ),
    "county": re.compile(r"我县|本县|我旗|本旗|代表(?:县|区|旗)(?:人民)?政府|由(?:县|区)[\u4e00-\u9fff]{2,12}负责解释"),
}
# A text names its own level's organs without the place (省科技厅, 市工业和信息化局, 县扶贫局), and other
# levels' organs with it; a national text names ministries and 地方 as a whole.
_ORGAN = r"(?:委(?!员)|政府|[\u4e00-\u9fff]{1,6}?(?:厅|局))"


@dataclass(frozen=True)
class _Cues:
    """A level's cues: ``pattern``, every alternative of which starts with a character of ``first``, counted
    where ``first`` finds one (pipeline.core.scans): a pattern that opens with a look-ahead is entered at every
    position of the body (the stdlib findall was a quarter of the metadata stage's instructions)."""

    pattern: re.Pattern
    first: ClassPositions  # (found by a table lookup: ``first``'s finditer cost as much as the matching)

    def count(self, body: str) -> int:
        """``len(self.pattern.findall(body))``."""
        return len(matches_at(self.pattern, body, self.first.positions(body)))


def _first_char_guarded(first_chars: str, source: str) -> _Cues:
    """``source`` behind a test of its first character (every alternative starts with one of
    ``first_chars``): the same matches, found about twice as fast, as most positions fail at once
    instead of trying each alternative and the lookbehinds (the cues are counted in whole bodies)."""
    return _Cues(re.compile(f"(?=[{first_chars}])(?:{source})"), ClassPositions(first_chars))


# `高于全省平均水平`, `位居全省前列`, `增速全省第一`: a text ranks its place within the level above, whose
# name is then no scope of its own (a county's work report names 全省 and 全国 so).
_COMPARED = r"(?!平均|前列|领先|同类|第[一二三四五六七八九十])"
_LEVEL_CUES = {
    "province": _first_char_guarded(
        "全省各",
        "全省"
        + _COMPARED
        + r"|省委、?省政府|省政府各部门|各市人民政府|各设区的市|各市(?:、县)?[\u4e00-\u9fff]{0,6}部门|(?<![各全外跨分])省"
        + _ORGAN,
    ),
    "city": _first_char_guarded(
        "全市各",
        "全市"
        + _COMPARED
        + r"|全州|全盟|市委、?市政府|市政府各部门|各区县|各区、县|各县（市、区）|各县、市、区|各区、市|各区（市）"
        r"|(?<![各城辖都超上下地全省县区州乡镇村])市(?![场县区])" + _ORGAN,
    ),
    "county": _first_char_guarded(
        "全县旗区各",
        "全县"
        + _COMPARED
        + r"|全旗|(?:县|旗)委、?(?:县|旗)政府|区委、?区政府|县政府各部门|各乡镇|各镇人民政府|各街道|各乡（镇）|(?<![各全市区州省乡])县(?![级域城])"
        + _ORGAN,
    ),
    "national": _first_char_guarded(
        "我全各国中地党部",
        r"我国|全国"
        + _COMPARED
        + r"|各省、自治区、直辖市|各省（自治区、直辖市）|各省（区、市）|国务院各部委|各地区、?各部门|中央企业"
        r"|地方各级|各级地方|地方(?:人民)?政府|各地区|党中央|国务院有关部门"
        r"|(?:(?<!委宣传|委组织|委统战)部|国家[\u4e00-\u9fff]{2,6}(?:局|委))(?:负责|牵头|会同|门户|组织|指导)",
    ),
}
# `结合山东实际`, `结合济南实际`: the place a text applies policy to is its own.
_OWN_PLACE = re.compile(r"结合(?P<place>[\u4e00-\u9fff]{2,8}?)(?:省情|市情|县情|实际)")
_HEAD_BODY_CHARS = 6000  # the head and first sections say who speaks; no need to read a whole 政府工作报告
_TAIL_BODY_CHARS = 1500  # the 附则 (`本办法由…负责解释`) and the signature
_SILENT_NATIONAL_CHARS = 1000  # shorter texts (a page's excerpt) may just not say
_LEVEL_SHARE = 0.5  # a sub-national cue must be at least this share of all level cues
# Full names end in a level word; the scan finds those characters and looks the names up behind them.
_NAME_END = re.compile(r"[省市区县州盟旗]")
_OUTSIDE_MAINLAND = ("71", "81", "82")  # their districts' names are too often ordinary words in a mainland text
_SHORT_REPEATS = 3  # a two-character short name (大理, 长治) names a city only this often, or beside its full name


@dataclass(frozen=True)
class Region:
    province: str | None = None
    city: str | None = None
    county: str | None = None
    division_code: str | None = None
    admin_level: str | None = None


NO_REGION = Region()
NATIONAL = Region(admin_level="national")


def region_of(division: Division) -> Region:
    """The Region of a division, its city and province filled in from the dataset."""
    divisions = all_divisions()
    province = divisions.get(division.province_code)
    city = division if division.level == "city" else divisions.get(division.city_code or "")
    return Region(
        province=province.name if province else None,
        city=city.name if city else None,
        county=division.name if division.level == "county" else None,
        division_code=division.code,
        admin_level=division.level,
    )


def _within(candidate: Division, anchor: Division | None) -> bool:
    if anchor is None:
        return True
    if anchor.level == "province":
        return candidate.province_code == anchor.code
    if anchor.level == "city":
        return candidate.city_code == anchor.code
    return False  # nothing lies within a county in this dataset


def _full_name_matches(text: str) -> Iterable[tuple[int, tuple[Division, ...]]]:
    """Left to right, longest first, non-overlapping: (position, divisions of that name)."""
    names = by_name()
    lengths_by_start = _name_lengths_by_start()
    i = 0
    while i < len(text) - 1:
        for length in lengths_by_start.get(text[i], ()):
            found = names.get(text[i : i + length])
            if found:
                yield i, found
                i += length
                break
        else:
            i += 1


@lru_cache(maxsize=1)
def _name_lengths_by_start() -> dict[str, tuple[int, ...]]:
    """First character of a division's name → the lengths of the names starting with it, longest first."""
    lengths: dict[str, set[int]] = {}
    for name in by_name():
        lengths.setdefault(name[0], set()).add(len(name))
    return {start: tuple(sorted(found, reverse=True)) for start, found in lengths.items()}


def _pick(candidates: tuple[Division, ...], anchor: Division | None) -> Division | None:
    inside = [d for d in candidates if _within(d, anchor) and (anchor is None or d.level != anchor.level)]
    if len(inside) == 1:
        return inside[0]
    return None


def division_named(text: str | None) -> Division | None:
    """The most specific division an organ name or title names, each level inside the one before
    (`广州市天河区科技工业和信息化局` → 天河区 of 广州市).  A county needs its city or province named
    before it, unless its full name is unique and has at least three characters (`柳河县`)."""
    if not text:
        return None
    anchor: Division | None = None
    for _, candidates in _full_name_matches(text):
        picked = _pick(candidates, anchor)
        if picked is None:
            continue
        if anchor is None and picked.level == "county" and (len(candidates) > 1 or len(picked.name) < 3):
            continue  # 城区, 郊区, 东区: ordinary words unless a city or province is named first
        if anchor is not None and picked.level == "county" and anchor.level == "county":
            continue
        anchor = picked
        if anchor.level == "county":
            break
    if anchor is None:
        anchor = _leading_short_name(text)
    return anchor


def _leading_short_name(text: str) -> Division | None:
    """A province or city named without its suffix at the very start (`山东工业和信息化厅`, `济南“鲲鹏…”`)."""
    stripped = _LEADING_PARTY.sub("", text)
    shorts = by_short_name()
    for length in range(min(5, len(stripped)), 1, -1):
        found = shorts.get(stripped[:length])
        if found and len(found) == 1:
            return found[0]
        if found:  # 吉林: the province and its city share the short name; the province is meant
            provinces = [d for d in found if d.level == "province"]
            if len(provinces) == 1:
                return provinces[0]
    return None


def is_national_organ(issuer: str | None) -> bool:
    return bool(issuer) and division_named(issuer) is None and bool(_NATIONAL_ORGAN.search(issuer))


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, Division]:
    """The 简称 table (data/region_abbreviations.tsv) resolved against the division dataset."""
    table = {}
    names = by_name()
    for line in _ABBREVIATIONS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        abbreviation, full = line.split("\t")[:2]
        found = names.get(full.strip())
        if found:
            table[abbreviation.strip()] = found[0]
    return table


def region_of_doc_number(doc_number: str | None) -> Region:
    """The region a 发文字号 or 令 number names: its organ (`广州市人民政府令第61号`), else its 简称 prefix."""
    if not doc_number:
        return NO_REGION
    prefix = re.split(r"[〔\[［(（【]|令第|第", doc_number, maxsplit=1)[0]
    named = division_named(prefix)
    if named is not None:
        return region_of(named)
    if _NATIONAL_DOC_PREFIX.search(prefix) or is_national_organ(prefix):
        return NATIONAL
    table = abbreviations()
    for length in (2, 1):
        found = table.get(prefix[:length])
        if found is not None:
            return region_of(found)
    return NO_REGION


def region_of_title(title: str | None) -> Region:
    """The place a title starts with, or names in its organ part before 关于."""
    if not title:
        return NO_REGION
    title = _LEADING_YEAR.sub("", title)
    organ_part = title.split("关于", 1)[0] if "关于" in title else None
    if organ_part and is_national_organ(organ_part.split("、")[0].split(" ")[0]):
        return NATIONAL
    head = organ_part if organ_part else title[: _MAX_NAME + 4]
    named = division_named(head)
    if named is not None:
        stripped = _LEADING_PARTY.sub("", head)
        first = next(iter(_full_name_matches(stripped)), None)
        if organ_part or (first is not None and first[0] == 0) or _leading_short_name(head) is named:
            return region_of(named)
        if _leading_short_name(head) is not None:
            return region_of(_leading_short_name(head))
    return NO_REGION


def region_of_issuers(issuers: list[str]) -> Region:
    """The region of the first issuer that names one; national when the first issuer is a central organ."""
    for issuer in issuers:
        named = division_named(issuer)
        if named is not None:
            return region_of(named)
    if issuers and is_national_organ(issuers[0]):
        return NATIONAL
    return NO_REGION


def _level_from_body(body: str) -> str | None:
    selves = {level: len(pattern.findall(body)) for level, pattern in _SELF_CUES.items()}
    if any(selves.values()):
        return max(selves.items(), key=lambda item: item[1])[0]
    counts = {level: cues.count(body) for level, cues in _LEVEL_CUES.items()}
    local = {level: n for level, n in counts.items() if level != "national" and n}
    if local:
        level, n = max(local.items(), key=lambda item: item[1])
        if n >= _LEVEL_SHARE * sum(counts.values()):
            return level
    if counts["national"]:
        return "national"
    return None


def _names_a_place(division: Division) -> bool:
    """Whether a full name in running text names the division: not a two-character county (和县 in
    `州和县领导`), not a district of Taiwan, Hong Kong or Macao (大社区 in `扩大社区`)."""
    if division.level == "province":
        return True
    return division.code[:2] not in _OUTSIDE_MAINLAND and (division.level == "city" or len(division.name) >= 3)


@lru_cache(maxsize=1)
def _name_lengths() -> dict[str, tuple[int, ...]]:
    """The last two characters of every division's name (南市, 东省, 河区) → the lengths of the names that
    end so, longest first, up to ``_MAX_NAME``: the only lengths a look-up behind them can find."""
    lengths: dict[str, set[int]] = {}
    for name in by_name():
        if 2 <= len(name) <= _MAX_NAME:
            lengths.setdefault(name[-2:], set()).add(len(name))
    return {pair: tuple(sorted(found, reverse=True)) for pair, found in lengths.items()}


def _full_names_in(body: str) -> Counter:
    """Divisions named in full (山东省, 济南市, 长顺县) and unambiguous, by count: one pass over the
    level words (省/市/区/县/州/盟/旗) with a dictionary look-up of the characters before each, at the
    lengths of the names that end with its last two characters."""
    names = by_name()
    name_lengths = _name_lengths()
    found: Counter = Counter()
    last_end = 0
    for match in _NAME_END.finditer(body):
        end = match.end()
        lengths = name_lengths.get(body[end - 2 : end])
        if lengths is None:
            continue  # 市场, 地区, 社区: no division's name ends so
        longest = min(_MAX_NAME, end - last_end)
        for length in lengths:
            if length > longest:
                continue
            candidates = names.get(body[end - length : end])
            if candidates and len(candidates) == 1 and _names_a_place(candidates[0]):
                found[candidates[0]] += 1
                last_end = end
                break
    return found


@lru_cache(maxsize=1)
def _province_short_names() -> tuple[re.Pattern, dict[str, Division]]:
    provinces = {d.short_name: d for d in all_divisions().values() if d.level == "province"}
    return re.compile("|".join(sorted(provinces, key=len, reverse=True))), provinces


@lru_cache(maxsize=1)
def _cities_by_province() -> dict[str, tuple[Division, ...]]:
    """Province code → its cities with a short name of their own (吉林市 is left out: 吉林 is the province)."""
    index: dict[str, list[Division]] = {}
    for short, candidates in by_short_name().items():
        if len(candidates) == 1 and candidates[0].level == "city":
            index.setdefault(candidates[0].province_code, []).append(candidates[0])
    return {code: tuple(cities) for code, cities in index.items()}


@lru_cache(maxsize=1)
def _long_short_names() -> re.Pattern:
    """Cities' short names of three characters or more (呼和浩特, 锡林郭勒): no ordinary word holds them."""
    names = [s for s, ds in by_short_name().items() if len(s) > 2 and len(ds) == 1 and ds[0].level == "city"]
    return re.compile("|".join(sorted(names, key=len, reverse=True)))


def _city_mentions(body: str, full: Counter, provinces: Counter) -> Counter:
    """How often the body names each city, by its short name (包头 in 包头市 and 大美包头).  A two-character
    short name is also part of ordinary words (重大理论, 长治久安): it counts for a city the body names in
    full or whose province it names; a longer one always.  (Candidates first, then ``str.count``: a scan
    of every city's name would be the slowest step of the core path.)"""
    candidates = {d for d in full if d.level == "city"}
    for province in provinces:
        candidates.update(_cities_by_province().get(province.code, ()))
    shorts = by_short_name()
    candidates.update(shorts[name][0] for name in set(_long_short_names().findall(body)))
    tally: Counter = Counter()
    for city in candidates:
        # 吉林 is also 吉林省: 吉林市 counts by its full name only.
        n = body.count(city.short_name) if len(shorts.get(city.short_name, ())) == 1 else full[city]
        if n:
            tally[city] = n
    return tally or _repeated_city_names(body)


def _repeated_city_names(body: str) -> Counter:
    """Cities a body names by a two-character short name only (厦门, never 厦门市 nor 福建), at least
    ``_SHORT_REPEATS`` times; the slow scan, for the few texts that come this far."""
    tally: Counter = Counter()
    present = set(body)
    for short, candidates in by_short_name().items():
        if short[0] not in present or short[1] not in present:
            continue
        if len(candidates) == 1 and candidates[0].level == "city" and short in body:
            n = body.count(short)
            if n >= _SHORT_REPEATS:
                tally[candidates[0]] = n
    return tally


def _province_mentions(body: str) -> Counter:
    pattern, provinces = _province_short_names()
    return Counter(provinces[found] for found in pattern.findall(body))


class _Mentions:
    """A body's province and city mentions, each counted once: region_of_body asks for the
    province and then for the city a city's text names most, the same two scans."""

    def __init__(self, body: str, full: Counter):
        self.body, self.full = body, full

    @cached_property
    def provinces(self) -> Counter:
        return _province_mentions(self.body)

    @cached_property
    def cities(self) -> Counter:
        return _city_mentions(self.body, self.full, self.provinces)


def _most_named(mentions: _Mentions, level: str) -> Division | None:
    """The province, city or county the body names most (a province also by its short name, 山东 in
    数字山东, and by its cities' mentions); None on a tie."""
    if level == "county":
        tally = Counter({d: n for d, n in mentions.full.items() if d.level == "county"})
    elif level == "city":
        tally = mentions.cities
    else:
        tally = Counter(mentions.provinces)  # a copy: the cities' mentions are added to it
        for city, n in mentions.cities.items():
            tally[all_divisions()[city.province_code]] += n
    ranked = tally.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _own_place(body: str) -> Division | None:
    """The place of `结合山东实际`, when it is a province or city."""
    for match in _OWN_PLACE.finditer(body):
        named = division_named(match.group("place")) or _leading_short_name(match.group("place"))
        if named is not None and named.level != "county":
            return named
    return None


def region_of_body(text: str) -> Region:
    """Level and place from the body's self-references, for a document that names no issuer."""
    body = (
        text
        if len(text) <= _HEAD_BODY_CHARS + _TAIL_BODY_CHARS
        else text[:_HEAD_BODY_CHARS] + "\n" + text[-_TAIL_BODY_CHARS:]
    )
    own = _own_place(body)
    if own is not None:
        return region_of(own)
    level = _level_from_body(body)
    if level is None:
        # A local government's text names its jurisdiction (全省, 市X局, a place); a long one that names
        # none, not even a place, speaks for a central organ.
        national = len(body) >= _SILENT_NATIONAL_CHARS and not _full_names_in(body)
        return NATIONAL if national else NO_REGION
    mentions = _Mentions(body, _full_names_in(body))
    if level == "national":
        return NATIONAL
    if level in ("city", "county"):
        # 上海 / 北京 / 天津 / 重庆 speak of 本市 too, but a 直辖市 is province level.
        province = _most_named(mentions, "province")
        if province is not None and province.code[:2] in MUNICIPALITIES:
            return region_of(province)
    place = _most_named(mentions, level)
    if place is None:
        return Region(admin_level=level)
    return region_of(place)


def resolve_region(issuers: list[str], title: str | None, doc_number: str | None, text: str) -> Region:
    """Issuer, else title, else 发文字号, else the body (see the module docstring)."""
    for region in (region_of_issuers(issuers), region_of_title(title), region_of_doc_number(doc_number)):
        if region.admin_level is not None:
            return region
    return region_of_body(text)
