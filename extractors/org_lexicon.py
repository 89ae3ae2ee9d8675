"""Is this string the name of an organisation (a 责任单位: an organ that can be given a task)?

"Unit" here is 单位 in the sense of an organisation, as in the responsible_units
table; the units of measure of targets (家, 个, %) are ``measure_units.txt``.

Names are recognised from their end: Chinese unit names are head-final
(市[工业和信息化]局, 县[金融发展服务]中心), so the longest known suffix of
a candidate decides.  Suffixes, whole names and look-alike non-units
(布局, 干部) live in extractors/data/org_*.txt and are loaded once into a
reversed ``hanlp_trie.Trie``: matching the reversed candidate from its first
character finds the longest suffix in one walk.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import regex
from hanlp_trie import Trie

DATA = Path(__file__).parent / "data"

STRONG = "strong"  # an organisational name (局, 委, 中心, 各县市区, 人民银行 ...)
WEAK = "weak"  # a bare place name (济宁市, 白石镇): a unit only where a label says so
_NOT_UNIT = "not"


def _read_list(name: str) -> list[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [w.strip() for w in lines if w.strip() and not w.lstrip().startswith("#")]


# 实验室 (BL11): a laboratory named in a labelled list takes tasks (崂山实验室, 之江实验室: the 国家实验室 and provincial
# laboratories Shandong's and Qingdao's plans list beside 青岛海洋科技中心); in prose and unlabelled brackets it is a
# platform type (建设重点实验室, （重点实验室、工程研究中心）), so a label must say so, as for a bare place name.
_WEAK_HEADS = ("企业", "高校", "院所", "实验室")


def _build_suffix_trie() -> Trie:
    trie = Trie()
    for word in _read_list("org_suffixes.txt") + _read_list("org_names.txt"):
        trie[word[::-1]] = STRONG
    for word in "市县区镇乡旗州盟村":
        trie[word] = WEAK
    # A bare class of enterprise (龙头企业) names no organ of its own; with a
    # collective prefix it is one (各基础电信企业, 有关金融机构: see classify).
    for word in _WEAK_HEADS:
        trie[word[::-1]] = WEAK
    for word in _read_list("org_not_suffixes.txt"):
        trie[word[::-1]] = _NOT_UNIT
    return trie


_SUFFIXES = _build_suffix_trie()


def _name_finals() -> str:
    """Every character a unit name can end with (the last character of a suffix or name)."""
    words = _read_list("org_suffixes.txt") + _read_list("org_names.txt") + list(_WEAK_HEADS)
    return "".join(sorted({w[-1] for w in words} | set("市县区镇乡旗州盟村")))


# For a quick test that a text can hold a unit at all (responsible_units' brackets).
NAME_FINALS = _name_finals()

# Parenthesised parts inside a name: 各县（市、区） and 各县〔市、区〕 are judged as 各县.
# A qualifier inside a name is part of it but not judged: 各区人民政府〈含开发区、长江新区,下同〉.
_INNER_BRACKETS = regex.compile(r"[（(〔〈<][^（()）〔〕〈〉<>]*[）)〕〉>]")
# Characters no unit name contains: digits, straight quotes, sentence punctuation.
# Curly quotes may stand inside one (省“十强产业”协调推进机制牵头部门).
_BAD_CHARS = regex.compile(r"[0-9０-９%％\"'《》〈〉：:。！？!?\s=<>/\\]")
# Running-text words that end up in bracket clauses but never in names.
# 级以上 is an administrative rank inside a name (各地级以上市人民政府, 县级以上人民政府).
_BAD_WORDS = regex.compile(
    r"为|者|下同|简称|以下|(?<!级)以上|左右|详见|附件|第一位|首位|设在|设于|应当|通过|推动|加强|建立|开展|"
    r"完善|提升|鼓励|引导|按照|根据|依据|确保|实现|进行|给予|达到|不少于|不低于|不超过|"
    r"确定|认定|评定|命名|公布|批准"  # 省政府确定极贫乡镇: a class of places an act names, no organ
)
_BAD_START = regex.compile(r"^(?:含|注|如|包括|其中|即|另|及|和|与|或)")
# 各/有关/相关 + a place class is a unit: 各县市区, 有关县市区, 各市.
# A place class with its sub-classes in brackets: 县（市、区）, 镇（街道）: the second half
# of 各市、县（区）, where 各 is written once for both.
_PLACE_CLASSES = regex.compile(r"[市县区镇乡旗州盟][（(〔][市县区镇乡旗州盟街道办、，]+[）)〕]")
_COLLECTIVE_PREFIX = regex.compile(r"^(?:各|有关|相关|全省各|全市各|全县各|省直|市直|县直|省属|市属|县属)")

MAX_NAME_LEN = 30

# A government organ by its prefix (省/市/县…, 各/有关…) or its suffix; an
# unlabelled bracket needs one, so (潍柴动力股份有限公司、浪潮集团) after an
# example sentence is not taken for a responsibility list.
# Vertically managed organs count too: a ministry's 司, the X监会 regulators,
# 人民银行 branches (人行南昌中心支行), 中国-prefixed national bodies, and the grid's
# local companies that plans assign the power supply of their tasks to (国网济南供电公司,
# 国网山东省电力公司, 南方电网…供电局; a 公司 of any other kind is no organ).
_GOVERNMENT = regex.compile(
    r"^(?:省|市|县|区|州|盟|旗|镇|乡|自治区|各|有关|相关|国家|中央|中共|共青团|团|中国|人民银行|人行|国网|南方电网)"
    r"|(?:政府|管委会|局|委|厅|办|办公室|部|署|(?<!公)司|监会|海关|支行|分行|调查队|调查总队|街道|乡镇|县市区|区县"
    r"|供电(?:分)?公司)$"
)


def _longest_suffix_kind(core: str) -> str | None:
    """The kind of the longest known suffix of ``core``, or None.

    One walk down the reversed trie from the last character; stops where the
    path ends (usually after a few characters).  ``Trie.parse_longest`` would
    also scan every later position, which classify never looks at.
    """
    state, kind = _SUFFIXES, None
    for char in reversed(core):
        state = state.transit(char)
        if state is None:
            break
        if state._value is not None:  # hanlp_trie exposes a node's value only as _value
            kind = state._value
    return kind


def is_government(name: str) -> bool:
    return _GOVERNMENT.search(_INNER_BRACKETS.sub("", name)) is not None


def is_bare_suffix(name: str) -> bool:
    """True when the whole name is a suffix word (中心, 街道, 各部门): a unit in a
    labelled list, but too vague to make an unlabelled bracket a list."""
    core = _INNER_BRACKETS.sub("", name)
    return _SUFFIXES[core[::-1]] is not None


# Bounded: unit names recur across documents (省发展改革委 ...), running-text candidates do not.
@lru_cache(maxsize=8192)
def classify(name: str) -> str | None:
    """``STRONG``, ``WEAK`` or ``None`` (not a unit name)."""
    if _PLACE_CLASSES.fullmatch(name):
        return STRONG
    core = _INNER_BRACKETS.sub("", name)
    if not 2 <= len(core) <= MAX_NAME_LEN:
        return None
    if _BAD_CHARS.search(core) or _BAD_WORDS.search(core) or _BAD_START.match(core):
        return None
    kind = _longest_suffix_kind(core)
    if kind is None or kind == _NOT_UNIT:
        return None
    if kind == WEAK and _COLLECTIVE_PREFIX.match(core):
        return STRONG
    return kind
