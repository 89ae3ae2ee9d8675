"""The console the report commands print to (`polex eval`, `diff`, `audit`, `compare`).

In a terminal, or with a width the user set (``COLUMNS``), rich wraps at that width.  Written to
a file or a pipe (`polex diff --out OUT > diff.txt`, `| grep`, a CI log), rich would wrap at 80
columns: a difference's context line broke in two and `grep` found half of it, a table cut each
document's name to `002_d4a341c0…`.  There every line is printed whole and tables get 240 columns.
A reader that quits early (`| head`) ends the command with 141, as for every polex command.
"""

from __future__ import annotations

import errno
import os
import sys

from rich.console import Console

UNBOUNDED_WIDTH = 240


class _ReportConsole(Console):
    def on_broken_pipe(self) -> None:
        """The reader of stdout is gone (`polex audit OUT | head -1`): rich's default exits 1, as if polex had
        failed; hand the BrokenPipeError to ``pipeline.cli.main``, which exits 141 like every other command."""
        self.quiet = True
        raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))


def report_console(**options) -> Console:
    if sys.stdout.isatty() or os.environ.get("COLUMNS", "").isdigit():
        return _ReportConsole(**options)  # a terminal (or a width the user set): its width
    return _ReportConsole(width=UNBOUNDED_WIDTH, soft_wrap=True, **options)
