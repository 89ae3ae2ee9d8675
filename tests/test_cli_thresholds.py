"""`NAME=X` gates of `polex eval --min-f1/--min-meta` and `polex audit --min-coverage`: one parser
(pipeline/cli/thresholds.py), so the three accept and refuse the same things, with the same words."""

from __future__ import annotations

import pytest
from polex_cli import run_polex, run_subcommand

from pipeline.cli import audit as cli_audit
from pipeline.cli import eval as cli_eval
from pipeline.cli.thresholds import parse_thresholds
from pipeline.errors import UserError


def test_parses_names_aliases_and_keeps_the_last_of_a_repeated_name():
    got = parse_thresholds("--min-f1", ["a=0.5", "b.c=1", "a=0.25", " b.c =0"], ("a", "b·c"), "LABEL", {"b.c": "b·c"})
    assert got == {"a": 0.25, "b·c": 0.0}
    assert parse_thresholds("--min-f1", [], ("a",), "LABEL") == {}


@pytest.mark.parametrize(
    "item, says",
    [
        ("c=0.5", "write LABEL=X with LABEL one of a, b"),
        ("a0.5", "write LABEL=X with LABEL one of a, b"),
        ("a=high", "'high' is not a number"),
        ("a=", "'' is not a number"),
        ("a=95", "X is a share from 0 to 1"),
        ("a=-0.1", "X is a share from 0 to 1"),
        ("a=nan", "X is a share from 0 to 1"),
    ],
)
def test_refuses_with_the_option_and_the_item(item, says):
    with pytest.raises(UserError) as err:
        parse_thresholds("--min-f1", [item], ("a", "b"), "LABEL")
    assert str(err.value).startswith(f"--min-f1 {item!r}: ") and says in str(err.value)


@pytest.mark.parametrize(
    "module, args, says",
    [
        (cli_eval, ["--gold", "G", "--out", "O", "--min-f1", "target=95"], "--min-f1 'target=95': X is a share"),
        (cli_eval, ["--gold", "G", "--out", "O", "--min-meta", "genre=x"], "--min-meta 'genre=x': 'x' is not"),
        (cli_eval, ["--gold", "G", "--out", "O", "--min-meta", "colour=0.5"], "FIELD=X with FIELD one of title"),
        (cli_audit, ["O", "--min-coverage", "amount=1.5"], "--min-coverage 'amount=1.5': X is a share"),
        (cli_audit, ["O", "--min-coverage", "units=0.9"], "KIND=X with KIND one of responsibility"),
    ],
)
def test_each_gate_refuses_before_reading_anything(module, args, says, tmp_path, capsys):
    args = [str(tmp_path / a) if a in ("G", "O") else a for a in args]  # folders that do not exist
    assert run_subcommand(module, args) == 2
    err = capsys.readouterr().err
    assert says in err and err.count("\n") == 1


def test_the_installed_cli_refuses_a_percentage(tmp_path):
    done = run_polex("audit", str(tmp_path), "--min-coverage", "responsibility=95")
    assert done.returncode == 2
    assert "--min-coverage 'responsibility=95': X is a share from 0 to 1 (0.95, not 95)" in done.stderr
