"""Every error type polex raises on purpose, and the exit codes they become.

The bottom of the import graph: any layer may raise these, and only the CLI
(``pipeline.cli``) turns them into messages and exit codes.

- :class:`UserError`: a mistake the user can fix (a missing folder, an
  unwritable OUT); printed as one line naming the path and the fix, exit 2.
- :class:`IngestError`: one document cannot be ingested; it becomes a
  quarantine row (its ``stage`` and ``message``), the run goes on.
- The QA readers' errors (:class:`GoldError`, :class:`OutError`,
  :class:`ImportFormatError`) are one actionable line each; the CLI shows
  them as user errors.
"""

from __future__ import annotations

import signal

# Exit statuses of ``polex`` (README "Commands").
EXIT_OK = 0
EXIT_QUARANTINED = 1  # polex run: some documents quarantined, the others published
EXIT_USER_ERROR = 2  # a mistake the user can fix
EXIT_LOCKED = 3  # polex run: another run holds OUT (use --wait)
EXIT_FAILED = 4  # polex run: the run failed and the previous version stays published
EXIT_INTERNAL_ERROR = 70  # sysexits.h EX_SOFTWARE: a bug in polex, distinct from run's 1 (= quarantined)
EXIT_INTERRUPTED = 130  # Ctrl-C (SIGINT); SIGTERM is 143: 128 + the signal number, as shells report it


class UserError(Exception):
    """An error the user can fix: printed as one line, no traceback (unless --verbose)."""


class OutputLocked(UserError):
    """Another run holds the lock on OUT."""


class RemovalRefused(UserError):
    """A run would remove most published documents (an emptied corpus folder); see
    ``pipeline.storage.removal_guard``.  ``--allow-removals`` lifts it."""


class Stopped(KeyboardInterrupt):
    """Asked to stop by SIGINT or SIGTERM; the exit status is 128 + the signal number (130, 143).

    A ``KeyboardInterrupt`` so that code which handles Ctrl-C (Prefect records
    it as a crash and re-raises) handles SIGTERM the same way.
    """

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def exit_status(self) -> int:
        return 128 + self.signum

    @property
    def signal_name(self) -> str:
        return signal.Signals(self.signum).name


class IngestError(Exception):
    """A document that cannot be ingested; it goes to the quarantine table.

    ``stage`` names where it failed (``read``, ``decode``, ``normalize``,
    ``sections``, ``extract:<name>``, ...); the message says why, in words a
    data team can act on.
    """

    def __init__(self, stage: str, message: str):
        super().__init__(message)
        self.stage = stage
        self.message = message


class GoldError(Exception):
    """A gold folder or file that cannot be used; the message is one actionable line."""


class OutError(Exception):
    """An OUT folder that cannot be read; the message is one actionable line."""


class ImportFormatError(Exception):
    """An export file the importer cannot read; one line naming the task and region."""
