"""What every extractor is: a table, its columns, and how it finds its rows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import pyarrow as pa

from pipeline.core.document import ExtractContext


@dataclass(frozen=True)
class Extractor:
    name: str
    table: str
    columns: list[pa.Field]
    extract: Callable[[ExtractContext], list[dict[str, Any]]]
