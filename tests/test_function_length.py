"""tools/check_function_length.py: the 60-line limit `make lint` enforces (ruff has no such rule)."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools"))

import check_function_length as cfl  # noqa: E402


def _function(name: str, lines: int) -> str:
    body = "".join(f"    x{i} = {i}\n" for i in range(lines - 2))
    return f'def {name}():\n    """doc"""\n{body}'


def test_a_function_over_the_limit_is_reported(tmp_path):
    path = tmp_path / "m.py"
    path.write_text(
        _function("ok", cfl.MAX_LINES) + "\n\n" + _function("too_long", cfl.MAX_LINES + 1), encoding="utf-8"
    )
    assert [(name, n) for _, name, n in cfl.long_functions(path)] == [("too_long", cfl.MAX_LINES + 1)]


def test_nested_and_async_functions_count(tmp_path):
    inner = _function("inner", cfl.MAX_LINES + 5).replace("\n", "\n    ")
    path = tmp_path / "m.py"
    path.write_text("async def outer():\n    " + inner + "\n", encoding="utf-8")
    assert {name for _, name, _ in cfl.long_functions(path)} == {"outer", "inner"}


def test_the_layers_keep_the_limit():
    assert cfl.main([str(REPO / d) for d in ("pipeline", "normalizers", "extractors", "flows")]) == 0
