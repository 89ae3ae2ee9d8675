"""Fail when a function is longer than MAX_LINES (ruff has no such rule).

    python tools/check_function_length.py pipeline normalizers extractors flows

A function's length runs from its ``def`` line (decorators excluded) to its
last line, docstring and comments included.  Files listed in pyproject.toml
under ``[tool.polex.function-length] exempt`` are skipped (each with the
reason next to it).
"""

from __future__ import annotations

import ast
import sys
import tomllib
from pathlib import Path

MAX_LINES = 60
ROOT = Path(__file__).resolve().parent.parent


def exempt_files(root: Path = ROOT) -> set[str]:
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    return set(config.get("tool", {}).get("polex", {}).get("function-length", {}).get("exempt", []))


def long_functions(path: Path, max_lines: int = MAX_LINES) -> list[tuple[int, str, int]]:
    """``(line, name, length)`` of every function in ``path`` longer than ``max_lines``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > max_lines:
                found.append((node.lineno, node.name, length))
    return sorted(found)


def main(argv: list[str]) -> int:
    exempt = exempt_files()
    problems = []
    for arg in argv or ["pipeline", "normalizers", "extractors", "flows"]:
        base = Path(arg)
        for path in sorted([base] if base.is_file() else base.rglob("*.py")):
            rel = path.resolve().relative_to(ROOT).as_posix()
            if rel in exempt:
                continue
            problems += [
                f"{rel}:{line}: {name} is {n} lines (max {MAX_LINES})" for line, name, n in long_functions(path)
            ]
    for line in problems:
        print(line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
