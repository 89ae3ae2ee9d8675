"""The ``polex`` command.  Each subcommand lives in its own module exposing
``add_arguments(parser)`` and ``main(args) -> int``; modules are imported
lazily so ``polex eval`` never pays for importing Prefect.
"""

from __future__ import annotations

import argparse
import importlib
import sys

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
    except (UserError, FileNotFoundError, PermissionError, NotADirectoryError, IsADirectoryError) as exc:
        if args.verbose:
            raise
        print(f"polex {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("polex: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
