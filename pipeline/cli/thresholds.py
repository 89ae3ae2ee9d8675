"""`NAME=X` thresholds of the CLI's gates: `--min-f1`, `--min-meta` (polex eval), `--min-coverage` (polex audit).

One parser for all three, so they accept and refuse the same things with the same words: each item is
``NAME=X`` with NAME one of the option's names (or an alias of one) and X a number from 0 to 1 (a share:
`95` for `0.95` is refused rather than a gate no run can pass).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from pipeline.errors import UserError


def parse_thresholds(
    option: str, items: Iterable[str], names: Iterable[str], metavar: str, aliases: Mapping[str, str] | None = None
) -> dict[str, float]:
    """``{name: X}`` from ``NAME=X`` items; a UserError naming ``option`` and the item for a bad one.
    ``metavar`` is how the help writes NAME (`LABEL`, `FIELD`, `KIND`); a name given twice keeps the last."""
    allowed = tuple(names)
    thresholds = {}
    for item in items:
        name, sep, value = item.partition("=")
        name = (aliases or {}).get(name.strip(), name.strip())
        if not sep or name not in allowed:
            raise UserError(f"{option} {item!r}: write {metavar}=X with {metavar} one of {', '.join(allowed)}")
        try:
            number = float(value)
        except ValueError:
            raise UserError(f"{option} {item!r}: {value!r} is not a number") from None
        if math.isnan(number) or not 0.0 <= number <= 1.0:
            raise UserError(f"{option} {item!r}: X is a share from 0 to 1 (0.95, not 95)")
        thresholds[name] = number
    return thresholds
