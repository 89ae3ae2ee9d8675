"""An indicator as the linker compares it: its core words plus what qualifies them.

A target's ``indicator`` (``集群内高新技术企业``, ``全省规上工业增加值``,
``规上企业平均研发投入强度高于全省平均水平``) mixes what is measured with
where and against what.  ``indicator_key`` separates them:

- **scope** (where): ``全省``, ``全市``, ``我省``, ``全社会``, ``集群内``, ``园区内``, province
  names and the document's own region names.  Dropped: a province's
  ``集群内高新技术企业`` and a city's ``高新技术企业数量`` measure the same thing
  at different levels of the chain, which is what linking is for.
- **level** (of a designation): ``国家级``, ``省级以上``, ``市级及以上``, ``国家``
  in ``国家高新技术企业``.  Kept apart: ``国家级单项冠军企业`` and
  ``省级单项冠军企业`` are different indicators; a side without a level may
  meet a side with one (``国家高新技术企业`` / ``高新技术企业``).
- **relative** (a baseline): ``比2020年``, ``较上年``, ``高于全省平均水平``.
  A figure against a baseline never links with an absolute one.
- **increment**: ``新增``, ``净增``, ``新培育``, ``累计新增`` count additions,
  not the stock; they link only with increments (the words leave the core).
- the **core**: what is left, with spelling variants folded (``规上`` ->
  ``规模以上``, ``研究与试验发展`` -> ``研发``, ``研发经费支出`` -> ``研发投入``,
  ``专精特新中小企业`` -> ``专精特新企业``, ``产业集群`` -> ``集群``, ``地区生产总值`` -> ``GDP``,
  ``占比``/``比例`` -> ``比重``, ``和``/``及``/``与`` -> ``、``, no ``的``, no
  parenthesised remarks, no trailing ``数量``/``总数``/``预计``).

A core that is only a generic head (``营业收入``, ``投资``, ``企业``, ``项目``)
says too little to link: in a document it means "of the thing this section is
about", which another document does not share; so does a share whose subject
was left out (``占GDP比重``).  ``linkable`` is False then.

Examples beside this module: ``examples/indicators.jsonl`` (indicator -> key).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

# Provinces (and equivalent) by their short names; with or without the suffix.
PROVINCES = (
    "北京 天津 河北 山西 内蒙古 辽宁 吉林 黑龙江 上海 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 "
    "广东 广西 海南 重庆 四川 贵州 云南 西藏 陕西 甘肃 青海 宁夏 新疆 台湾 香港 澳门"
).split()
_REGION_SUFFIX = r"(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)?"

# Scope words at the start of an indicator (repeatable: 全省集群内…).
_SCOPE = (
    r"(?:全(?:国|省|市|县|区|州|盟|旗|域|社会|年)|我(?:国|省|市|县|区|州|盟|旗)|本(?:省|市|县|区|州)"
    r"|(?:省|市|县|区|州|域|辖区|集群|园区|开发区|片区|行业|产业集群)内|各(?:市|县|区|县市区|县（市、区）))"
    r"(?:范围内|范围)?的?"
)
_LEVEL_WORD = r"(?:世界级|国际级|国家级|国家|省部级|省级|市级|县级|区级)"
_LEVEL_LIST = regex.compile(rf"(?:(?:{_LEVEL_WORD}|国家|省|市|县)[、和及与])*{_LEVEL_WORD}(?:及以上|以上)?")
_LEVEL_NAMES = regex.compile(r"世界|国际|国家|省部|省|市|县|区")
_LEVEL_BASE = {
    "世界": "world",
    "国际": "world",
    "国家": "national",
    "省部": "provincial",
    "省": "provincial",
    "市": "city",
    "县": "county",
    "区": "county",
}

_BASELINE = regex.compile(
    r"(?:比|较|相比|相较|与)(?:20\d\d|19\d\d|上|去|前一)年(?:末|底|同期|水平)?(?:相比)?"
    r"|(?:高于|低于|超过|超出|快于|优于)(?:全国|全省|全市|全县|全区|同期|本省|本市)?(?:平均(?:水平|值)?|水平|增速)"
)
_INCREMENT = regex.compile(r"新增|净增|新培育|新认定|新引进|新建|新开工|新获批|累计新增|新创建|新入库")
_SPACES = regex.compile(r"\s+")
_PARENS = regex.compile(r"[（(][^（）()]*[）)]")
_GROWTH = regex.compile(r"(?:年均|平均)?(?:增长率|增长|增速|增幅)$")
# Words that add nothing to what is measured, at the end of the core.
_TRAILING_FILLER = regex.compile(r"(?:的?(?:数量|个数|总数|总量|数目)|预计|首次|各|分别|累计|等)+$")
_SPELLINGS = [
    (regex.compile(r"规上"), "规模以上"),
    (regex.compile(r"专精特新中小企业"), "专精特新企业"),
    (regex.compile(r"产业集群"), "集群"),
    (regex.compile(r"研究与试验发展|研究与实验发展|R&D|r&d|RD(?=经费)"), "研发"),
    (regex.compile(r"研发经费(?:投入|支出)?|研发投入经费"), "研发投入"),
    (regex.compile(r"(?:地区|国内)?生产总值|gdp"), "GDP"),
    (regex.compile(r"所占比重|占比|比例|比率"), "比重"),
    (regex.compile(r"以及|和|及|与|或|/"), "、"),
    (regex.compile(r"的"), ""),
]
# A core equal to one of these is a bare head: meaningful only in its section.
GENERIC_CORES = frozenset(
    """
    投资 项目 重点项目 产值 总产值 增加值 营业收入 营收 收入 主营业务收入 规模 总额 总值 产量 销售收入 利润 税收
    企业 重点企业 龙头企业 骨干企业 工厂 平台 园区 基地 载体 集群 产业集群 产业 行业 领域 中心 机构 人才 人员
    活动 比重 增速 增长 新增 标准 品牌 示范 试点 单位 家 个 次 人 户 数 率 量 覆盖率 达标率 完成率
    """.split()
)
MIN_CORE_CHARS = 2


@dataclass(frozen=True)
class IndicatorKey:
    core: str  # what is measured, scope and level removed, spellings folded
    levels: frozenset[str]  # designation levels named (national, provincial, city, county, world)
    relative: bool  # against a baseline (比2020年, 高于全省平均水平)
    increment: bool  # counts additions (新增, 净增), not the stock
    linkable: bool  # False for a bare generic head or an empty core


@lru_cache(maxsize=1024)
def _scope_pattern(region_names: tuple[str, ...]) -> regex.Pattern:
    names = "|".join(regex.escape(n) for n in sorted(set(PROVINCES) | set(region_names), key=len, reverse=True))
    return regex.compile(rf"^(?:{_SCOPE}|(?:{names}){_REGION_SUFFIX}的?)")


def _strip_scope(text: str, region_names: tuple[str, ...]) -> str:
    """Remove scope words and region names from the front, repeatedly."""
    pattern = _scope_pattern(region_names)
    while True:
        stripped = pattern.sub("", text, count=1)
        if stripped == text or not stripped:
            return text
        text = stripped


def _levels(text: str) -> tuple[frozenset[str], str]:
    """Designation levels at the front (省级以上, 国家和省级, 省、市级) and the rest."""
    match = _LEVEL_LIST.match(text)
    if not match or match.end() == len(text):
        return frozenset(), text
    found = set()
    for word in _LEVEL_NAMES.findall(match.group(0)):
        found.add(_LEVEL_BASE[word])
    return frozenset(found), text[match.end() :]


def fold(text: str) -> str:
    """NFKC, no spaces or parenthesised remarks, spelling variants folded."""
    text = unicodedata.normalize("NFKC", text or "")
    text = _SPACES.sub("", text)
    text = _PARENS.sub("", text)
    for pattern, replacement in _SPELLINGS:
        text = pattern.sub(replacement, text)
    return text.strip("、，,;；:：")


@lru_cache(maxsize=200_000)
def indicator_key(indicator: str | None, region_names: tuple[str, ...] = ()) -> IndicatorKey:
    """The comparable key of one indicator; ``region_names`` are the document's own
    (province, city, county: from the documents table once it has them)."""
    text = fold(indicator or "")
    relative = bool(_BASELINE.search(text))
    text = _BASELINE.sub("", text)
    increment = bool(_INCREMENT.search(text))
    text = _INCREMENT.sub("", text)  # 净增 and 新增 count the same additions
    text = _strip_scope(text, region_names)
    levels, text = _levels(text)
    text = _strip_scope(text, region_names)  # 国家级集群内… is rare, 集群内国家级… is common: both orders
    growth = _GROWTH.search(text)
    if growth:  # every growth word is one head: 增速 (a growth rate is not the level it grows from)
        text = text[: growth.start()] + "增速"
    text = _TRAILING_FILLER.sub("", text).strip("、")
    linkable = (
        len(text) >= MIN_CORE_CHARS
        and text not in GENERIC_CORES
        and not _is_generic_growth(text)
        and not text.startswith("占")  # 占GDP比重: a share whose subject is outside the indicator
    )
    return IndicatorKey(text, levels, relative, increment, linkable)


def _is_generic_growth(core: str) -> bool:
    """``投资增速``, ``增加值增速``: a generic head's growth says as little as the head."""
    return core.endswith("增速") and core[: -len("增速")] in GENERIC_CORES
