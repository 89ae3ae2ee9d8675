"""The ``polex`` command.  Each subcommand lives in its own module exposing
``add_arguments(parser)`` and ``main(args) -> int``; modules are imported
lazily so ``polex eval`` never pays for importing Prefect.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import sys
import traceback

# subcommand -> (module, one-line help)
COMMANDS = {
    "run": ("flows.run_command", "ingest a corpus folder and publish the tables to OUT"),
    "serve": ("flows.serve", "serve the ingestion flow on a nightly cron schedule"),
    "eval": ("pipeline.qa.evaluate", "score OUT against gold annotations (precision, recall, F1)"),
    "diff": ("pipeline.qa.diff", "show missed, spurious and changed spans (terminal and HTML)"),
    "gold": ("pipeline.qa.gold_cli", "validate gold files; import/export Label Studio and doccano"),
}


class UserError(Exception):
    """An error the user can fix: printed as one line, no traceback (unless --verbose)."""


EXIT_USER_ERROR = 2
EXIT_INTERNAL_ERROR = 70  # sysexits.h EX_SOFTWARE: a bug in polex, distinct from run's 1 (= quarantined)


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
    parser = argparse.ArgumentParser(prog="polex", description=__doc__.split("\n")[0])
    parser.add_argument("--verbose", "-v", action="store_true", help="show tracebacks and debug logs")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (module_name, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--verbose", "-v", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        p.set_defaults(_module=module_name)
        module = importlib.import_module(module_name)
        module.add_arguments(p)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    module = importlib.import_module(args._module)
    try:
        return int(module.main(args) or 0)
    except (UserError, OSError) as exc:
        # Errors the user caused: one line with the path and the fix; --verbose adds the traceback.
        if args.verbose:
            traceback.print_exc()
        message = describe_os_error(exc) if isinstance(exc, OSError) else str(exc)
        # One line even when the message wraps a library's multi-line text (pydantic, pyarrow).
        message = " ".join(line.strip() for line in message.splitlines() if line.strip())
        print(f"polex {args.command}: error: {message}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("polex: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        # A bug, not the user's doing: still end on one line that says what to do with it.
        if args.verbose:
            traceback.print_exc()
        detail = (str(exc).strip().splitlines() or [""])[0]
        hint = "report it with the traceback" if args.verbose else "re-run with --verbose and report the traceback"
        print(f"polex {args.command}: internal error ({type(exc).__name__}: {detail}); this is a bug in polex: {hint}", file=sys.stderr)
        return EXIT_INTERNAL_ERROR


if __name__ == "__main__":
    sys.exit(main())
