"""The ``polex`` command.  Each subcommand lives in its own module exposing
``add_arguments(parser)`` and ``main(args) -> int``; this package only parses
arguments, runs the subcommand and turns errors into one line and an exit
status.  Nothing else imports ``pipeline.cli``.
"""

from __future__ import annotations

import argparse
import errno
import os
import signal
import sys
import traceback
from importlib import import_module

from pipeline.errors import EXIT_INTERNAL_ERROR, EXIT_INTERRUPTED, EXIT_USER_ERROR, Stopped, UserError

# subcommand -> (its module, one-line help).  The modules are imported by ``build_parser``,
# not here: ``polex run``'s pool workers import the ``polex`` script as their main module
# (multiprocessing's forkserver does that), and so this package, but need none of the
# subcommands (with them, each worker loaded pandas, rich and pipeline.qa: ~40 MB of RSS).
COMMANDS: dict[str, tuple[str, str]] = {
    "run": ("pipeline.cli.run", "ingest a corpus folder and publish the tables to OUT"),
    "serve": ("pipeline.cli.serve", "serve the ingestion flow on a nightly cron schedule"),
    "eval": ("pipeline.cli.eval", "score OUT against gold annotations (precision, recall, F1)"),
    "diff": ("pipeline.cli.diff", "show missed, spurious and changed spans (terminal and HTML)"),
    "audit": (
        "pipeline.cli.audit",
        "list the cues no extraction covers (notes, money, time bounds, markers) and coverage",
    ),
    "gold": ("pipeline.cli.gold", "validate gold files; import/export Label Studio and doccano"),
    "compare": ("pipeline.cli.compare", "show two documents' linked targets side by side"),
}

# `polex … | head`: the reader quit before polex wrote everything; a shell reports this status.
EXIT_BROKEN_PIPE = 128 + signal.SIGPIPE

__all__ = ["COMMANDS", "EXIT_INTERNAL_ERROR", "EXIT_USER_ERROR", "build_parser", "describe_os_error", "main"]

# What the user can do about an OSError that names a path they gave (or one under it).
_OS_ERROR_FIXES = {
    errno.ENOENT: "check the path",
    errno.EEXIST: "a file is in the way where a folder is needed; move it or choose another path",
    errno.ENOTDIR: "a file is in the way where a folder is needed; move it or choose another path",
    errno.EISDIR: "pass a file path, not a folder",
    errno.EACCES: "fix its permissions or choose another path",
    errno.EPERM: "fix its permissions or choose another path",
    errno.EROFS: "the file system is read-only; choose another path",
    errno.ENOSPC: "the disk is full; free some space and re-run",
    errno.ENAMETOOLONG: "choose a shorter path",
}


def describe_os_error(exc: OSError) -> str:
    """One line naming the path, what went wrong and the fix (no ``[Errno N]`` noise)."""
    reason = exc.strerror or str(exc)
    fix = _OS_ERROR_FIXES.get(exc.errno, "")
    where = f"{exc.filename}: " if exc.filename is not None else ""
    return f"{where}{reason}" + (f"; {fix}" if fix else "")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="polex", description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--verbose", "-v", action="store_true", help="show tracebacks and debug logs")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (module_name, help_text) in COMMANDS.items():
        module = import_module(module_name)
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--verbose", "-v", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        p.set_defaults(_module=module)
        module.add_arguments(p)
    return parser


def _one_line(message: str) -> str:
    # One line even when the message wraps a library's multi-line text (pydantic, pyarrow).
    return " ".join(line.strip() for line in message.splitlines() if line.strip())


def _stop_on_sigterm(signum, frame) -> None:
    raise Stopped(signum)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # SIGTERM stops any command like Ctrl-C does: one line, exit 143 (run and serve
    # install their own handlers for an orderly stop of their processes).
    previous_sigterm = signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        return int(args._module.main(args) or 0)
    except BrokenPipeError:
        # The reader of our stdout is gone (`| head`): nothing to tell it. Point stdout at
        # /dev/null so that the interpreter's final flush does not raise a second time.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except (UserError, OSError) as exc:
        # Errors the user caused: one line with the path and the fix; --verbose adds the traceback.
        if args.verbose:
            traceback.print_exc()
        message = describe_os_error(exc) if isinstance(exc, OSError) else str(exc)
        print(f"polex {args.command}: error: {_one_line(message)}", file=sys.stderr)
        return EXIT_USER_ERROR
    except Stopped as stop:
        print(f"polex {args.command}: stopped by {stop.signal_name}", file=sys.stderr)
        return stop.exit_status
    except KeyboardInterrupt:
        print(f"polex {args.command}: stopped by SIGINT", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:
        # A bug, not the user's doing: still end on one line that says what to do with it.
        if args.verbose:
            traceback.print_exc()
        detail = (str(exc).strip().splitlines() or [""])[0]
        hint = "report it with the traceback" if args.verbose else "re-run with --verbose and report the traceback"
        print(
            f"polex {args.command}: internal error ({type(exc).__name__}: {detail}); this is a bug in polex: {hint}",
            file=sys.stderr,
        )
        return EXIT_INTERNAL_ERROR
    finally:
        signal.signal(signal.SIGTERM, previous_sigterm)  # main() may run inside another program (tests)


if __name__ == "__main__":
    sys.exit(main())
