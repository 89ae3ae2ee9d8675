"""China's five-year plans by name: the year each ends (`“十三五”` 2016–2020 ends 2020)."""

from __future__ import annotations

# 六五 (1981-1985) … 十五 (2001-2005) are written in quotes (`“十五”期间`): bare 十五 is fifteen (`党的十五大`)
PLAN_END = {
    "六五": 1985,
    "七五": 1990,
    "八五": 1995,
    "九五": 2000,
    "十五": 2005,
    "十一五": 2010,
    "十二五": 2015,
    "十三五": 2020,
    "十四五": 2025,
    "十五五": 2030,
    "十六五": 2035,
}
