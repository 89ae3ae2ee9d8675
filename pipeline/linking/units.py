"""What a target's unit measures: its dimension and its scale.

Two targets can only measure the same indicator when their units measure the
same kind of thing: ``家`` (a count) never links with ``亿元`` (money).  A unit
as written is a magnitude prefix (``万``, ``亿``, ``万亿`` …) and a base unit
(``元``, ``千瓦``, ``亩`` …); the dimension is the base unit's, and the scale
lets the compare view say that ``1万亿元`` and ``6000亿元`` are comparable.

Counters of discrete things (``个``, ``家``, ``户``, ``项``, ``座`` …) share one
dimension: official documents count the same enterprises in ``家``, ``个`` or
``户`` interchangeably.  People, person-times and events are dimensions of
their own.  ``%`` and ``个百分点`` are different dimensions: a share or rate
against its change; the similarity rules let them meet only on identical
indicators (see ``similarity.py``).  A unit this table does not know is a
dimension of its own, so it links only with the same unit.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# base unit -> dimension.  Longest base is tried first, so 千瓦 wins over 瓦 and
# 平方公里 over 公里; the characters left in front must all be magnitude digits.
_DIMENSIONS = {
    "count": "个 家 户 项 条 座 所 处 套 件 台 种 类 部 张 栋 只 株 支 对 片 款 架 辆 头 批 宗 根 块 间 幢 艘 本 门 节 口 眼 盏 组 杆",
    "people": "人 名 位",
    "person_times": "人次",
    "events": "次 场 场次 批次 架次 期 届 轮",
    "money": "元 美元 欧元 元人民币",
    "percent": "%",
    "points": "个百分点 百分点",
    "times_ratio": "倍 番",
    "length": "公里 千米 米 延米",
    "area": "平方公里 平方米 亩 公顷",
    "volume": "立方米 升",
    "mass": "吨 公斤 千克 克 吨标准煤",
    "power": "千瓦 瓦 兆瓦 GW MW KW",
    "energy": "千瓦时 度",
    "containers": "标箱 标准箱",
    "duration_days": "天 日 个工作日 工作日",
    "duration_hours": "小时",
    "duration_minutes": "分钟",
    "duration_months": "个月",
    "duration_years": "年",
    "age": "岁",
}
_BASE_TO_DIMENSION = {base: dim for dim, bases in _DIMENSIONS.items() for base in bases.split()}
_BASES_LONGEST_FIRST = sorted(_BASE_TO_DIMENSION, key=len, reverse=True)
_MAGNITUDE = {"十": 10, "百": 100, "千": 1_000, "万": 10_000, "亿": 100_000_000}

NO_UNIT = "none"  # dimension of a target written without a unit (an index value, a bare count)


@dataclass(frozen=True)
class UnitInfo:
    dimension: str  # what is measured: count, money, percent, … or the unit itself when unknown
    scale: float  # multiplier to the dimension's base unit (万元 -> 10000), 1 when unknown


@lru_cache(maxsize=4096)
def unit_info(unit: str | None) -> UnitInfo:
    """Dimension and scale of a unit as the targets table writes it.

    >>> unit_info("万亿元")
    UnitInfo(dimension='money', scale=1000000000000.0)
    >>> unit_info("万千瓦").dimension, unit_info("家").dimension == unit_info("户").dimension
    ('power', True)
    """
    if unit is None or not str(unit).strip():
        return UnitInfo(NO_UNIT, 1.0)
    text = unicodedata.normalize("NFKC", str(unit)).strip().replace(" ", "")
    for base in _BASES_LONGEST_FIRST:
        if text.endswith(base):
            prefix = text[: -len(base)]
            scale = _prefix_scale(prefix)
            if scale is not None:
                return UnitInfo(_BASE_TO_DIMENSION[base], scale)
    return UnitInfo("unit:" + text, 1.0)


def _prefix_scale(prefix: str) -> float | None:
    """``万亿`` -> 1e12, ``百万`` -> 1e6, ``""`` -> 1; None when not all magnitude characters."""
    scale = 1.0
    for char in prefix:
        if char not in _MAGNITUDE:
            return None
        scale *= _MAGNITUDE[char]
    return scale
