"""The console the report commands print to (`polex eval`, `diff`, `audit`, `compare`).

In a terminal, or with a width the user set (``COLUMNS``), rich wraps at that width.  Written to
a file or a pipe (`polex diff --out OUT > diff.txt`, `| grep`, a CI log), rich would wrap at 80
columns: a difference's context line broke in two and `grep` found half of it, a table cut each
document's name to `002_d4a341c0…`.  There every line is printed whole and tables get 240 columns.
"""

from __future__ import annotations

import os
import sys

from rich.console import Console

UNBOUNDED_WIDTH = 240


def report_console(**options) -> Console:
    if sys.stdout.isatty() or os.environ.get("COLUMNS", "").isdigit():
        return Console(**options)  # a terminal (or a width the user set): its width
    return Console(width=UNBOUNDED_WIDTH, soft_wrap=True, **options)
