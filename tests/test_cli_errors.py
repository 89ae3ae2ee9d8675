"""User mistakes at the command line: one clear line, exit status 2, no traceback.

Every case drives the real ``polex`` executable in a subprocess (env from
conftest.py: Prefect in a temporary home, analytics off).  The message must
fit on one stderr line, name the path the user got wrong, and carry no
traceback; ``--verbose`` (before or after the subcommand) adds the traceback
and keeps the exit status.  ``polex run`` must check its arguments before
Prefect starts, so its mistakes are reported in well under Prefect's start-up
time.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from paths import GOLD  # noqa: E402  (the repo's copy of shared/gold)
from polex_cli import run_polex

from pipeline.process import all_schemas

# Prefect, the CLI in subprocesses or a property-based fuzz suite: left out of `make test-fast`.
pytestmark = pytest.mark.slow
EXIT_USER = 2
# An argument check must answer before Prefect is even imported (its local server takes ~10 s to
# start). Checked by what the process imported (PYTHONPROFILEIMPORTTIME), not by a wall-clock
# bound, which a loaded machine breaks.
IMPORT_TIME_LINE = "import time:"
ARG_TIMEOUT_S = 60


def assert_one_line_error(result, command: str, path: Path | str) -> str:
    """Exit 2; stderr is exactly one line ``polex <command>: error: ...`` naming ``path``."""
    stderr = result.stderr.strip()
    assert result.returncode == EXIT_USER, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    assert stderr.count("\n") == 0, f"expected one line, got:\n{result.stderr}"
    assert stderr.startswith(f"polex {command}: error: "), stderr
    assert str(path) in stderr, f"{path} not named in: {stderr}"
    return stderr


def assert_verbose_traceback(result) -> None:
    assert result.returncode == EXIT_USER, (result.returncode, result.stderr)
    assert "Traceback (most recent call last)" in result.stderr
    # The one-line message still closes the output, so the fix is the last thing read.
    assert result.stderr.strip().splitlines()[-1].startswith("polex ")


# ------------------------------------------------------------------ fixtures
@pytest.fixture
def paths(tmp_path):
    """A corpus with one document, a regular file, a missing path, an empty folder."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("一、总体要求\n到2025年，规模以上企业达到800家。\n", encoding="utf-8")
    a_file = tmp_path / "a_file.txt"
    a_file.write_text("not a folder\n", encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    return {"corpus": corpus, "file": a_file, "missing": tmp_path / "missing", "empty": empty, "tmp": tmp_path}


@pytest.fixture
def good_gold(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    for path in GOLD.glob("*.json"):
        shutil.copy(path, gold / path.name)
    return gold


def _write_out(folder: Path, tables: list[str]) -> Path:
    """An OUT folder holding (empty) tables with the published schemas."""
    folder.mkdir(parents=True, exist_ok=True)
    schemas = all_schemas()
    for name in tables:
        pq.write_table(pa.Table.from_pylist([], schema=schemas[name]), folder / f"{name}.parquet")
    return folder


@pytest.fixture
def complete_out(tmp_path):
    return _write_out(tmp_path / "out_complete", list(all_schemas()))


# ------------------------------------------------------------------ polex run
def _run(*args: str) -> tuple[subprocess.CompletedProcess, set[str]]:
    """``polex run`` with its import log taken out of stderr: (result, top-level packages it imported)."""
    result = run_polex("run", *args, timeout=ARG_TIMEOUT_S, PYTHONPROFILEIMPORTTIME="1")
    lines = result.stderr.splitlines(keepends=True)
    imported = {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in lines if line.startswith(IMPORT_TIME_LINE)}
    result.stderr = "".join(line for line in lines if not line.startswith(IMPORT_TIME_LINE))
    assert "pipeline" in imported  # the import log was read (else the check below proves nothing)
    return result, imported


@pytest.mark.parametrize(
    "case",
    ["missing corpus", "corpus is a file", "out is a file", "out under a file"],
)
def test_run_argument_mistakes_fail_fast_with_one_line(paths, case):
    corpus, out = paths["corpus"], paths["tmp"] / "out"
    if case == "missing corpus":
        corpus = blamed = paths["missing"]
    elif case == "corpus is a file":
        corpus = blamed = paths["file"]
    elif case == "out is a file":
        out = blamed = paths["file"]
    else:
        out = blamed = paths["file"] / "out"
    result, imported = _run(str(corpus), "--out", str(out))
    message = assert_one_line_error(result, "run", blamed)
    assert "folder" in message  # says what kind of path is expected
    assert "prefect" not in imported, "arguments must be checked before Prefect is imported"
    assert paths["file"].read_text(encoding="utf-8") == "not a folder\n"  # never clobbered


def test_run_mistake_creates_no_output_folder(paths):
    out = paths["tmp"] / "out_never"
    result, _ = _run(str(paths["missing"]), "--out", str(out))
    assert_one_line_error(result, "run", paths["missing"])
    assert not out.exists()


@pytest.mark.parametrize("flag_first", [True, False], ids=["polex --verbose run", "polex run --verbose"])
def test_run_verbose_shows_the_traceback(paths, flag_first):
    args = ["run", str(paths["missing"]), "--out", str(paths["tmp"] / "out")]
    args = ["--verbose", *args] if flag_first else [*args, "--verbose"]
    assert_verbose_traceback(run_polex(*args, timeout=ARG_TIMEOUT_S))


# ------------------------------------------------------------------ polex eval / diff: gold side
def _malformed_gold(folder: Path, content: bytes) -> Path:
    folder.mkdir()
    (folder / "002_d4a341c0482e1261.json").write_bytes(content)
    return folder / "002_d4a341c0482e1261.json"


GOLD_MISTAKES = {
    "missing gold folder": None,
    "gold is a file": None,
    "empty gold folder": None,
    "truncated JSON": b'{"doc": "002_d4a341c0482e1261.txt", "spans": [',
    "not UTF-8": '{"doc": "文件"}'.encode("gb18030"),
    "JSON list": b"[1, 2, 3]",
    "span offsets": None,
}


def _gold_case(case: str, paths, good_gold: Path) -> tuple[Path, Path]:
    """(value for --gold, path the message must name)."""
    if case == "missing gold folder":
        return paths["missing"], paths["missing"]
    if case == "gold is a file":
        return paths["file"], paths["file"]
    if case == "empty gold folder":
        return paths["empty"], paths["empty"]
    if case == "span offsets":
        bad = good_gold / "002_d4a341c0482e1261.json"
        data = json.loads(bad.read_text(encoding="utf-8"))
        data["spans"][0]["end"] = -1
        bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return good_gold, bad
    bad = _malformed_gold(paths["tmp"] / "bad_gold", GOLD_MISTAKES[case])
    return bad.parent, bad


@pytest.mark.parametrize("command", ["eval", "diff"])
@pytest.mark.parametrize("case", list(GOLD_MISTAKES))
def test_gold_mistakes_name_the_file(paths, good_gold, complete_out, command, case):
    gold, blamed = _gold_case(case, paths, good_gold)
    result = run_polex(command, "--gold", str(gold), "--out", str(complete_out), timeout=ARG_TIMEOUT_S)
    assert_one_line_error(result, command, blamed)


@pytest.mark.parametrize("command", ["eval", "diff"])
def test_gold_mistake_verbose_shows_the_traceback(paths, good_gold, complete_out, command):
    gold, _ = _gold_case("truncated JSON", paths, good_gold)
    result = run_polex(command, "--gold", str(gold), "--out", str(complete_out), "--verbose", timeout=ARG_TIMEOUT_S)
    assert_verbose_traceback(result)


# ------------------------------------------------------------------ polex eval / diff: OUT side
def _out_case(case: str, paths) -> tuple[Path, Path]:
    """(value for --out, path the message must name)."""
    tmp = paths["tmp"]
    if case == "missing OUT":
        return paths["missing"], paths["missing"]
    if case == "OUT is a file":
        return paths["file"], paths["file"]
    if case == "OUT without tables":
        return paths["empty"], paths["empty"]
    if case == "corrupt documents table":
        out = _write_out(tmp / "out_corrupt", [n for n in all_schemas() if n != "documents"])
        (out / "documents.parquet").write_bytes(b"PAR1 this is not parquet")
        return out, out / "documents.parquet"
    raise ValueError(case)


OUT_MISTAKES = ["missing OUT", "OUT is a file", "OUT without tables", "corrupt documents table"]


@pytest.mark.parametrize("command", ["eval", "diff"])
@pytest.mark.parametrize("case", OUT_MISTAKES)
def test_out_mistakes_name_the_folder(paths, good_gold, command, case):
    out, blamed = _out_case(case, paths)
    result = run_polex(command, "--gold", str(good_gold), "--out", str(out), timeout=ARG_TIMEOUT_S)
    message = assert_one_line_error(result, command, blamed)
    assert "polex run" in message  # the fix: (re-)run polex run


@pytest.mark.parametrize("side", ["--base", "--out"])
def test_diff_between_runs_names_the_missing_run(paths, complete_out, side):
    base, out = (paths["missing"], complete_out) if side == "--base" else (complete_out, paths["missing"])
    result = run_polex("diff", "--base", str(base), "--out", str(out), timeout=ARG_TIMEOUT_S)
    assert_one_line_error(result, "diff", paths["missing"])


@pytest.mark.parametrize("command", ["eval", "diff"])
def test_out_missing_a_span_table_is_named(tmp_path, good_gold, command):
    out = _write_out(tmp_path / "out_partial", [n for n in all_schemas() if n != "targets"])
    result = run_polex(command, "--gold", str(good_gold), "--out", str(out), timeout=ARG_TIMEOUT_S)
    assert_one_line_error(result, command, out / "targets.parquet")


def test_diff_html_report_under_a_file_is_one_line(paths, good_gold, complete_out):
    target = paths["file"] / "report.html"
    result = run_polex(
        "diff", "--gold", str(good_gold), "--out", str(complete_out), "--html", str(target), timeout=ARG_TIMEOUT_S
    )
    assert_one_line_error(result, "diff", paths["file"])


def test_a_correct_eval_still_succeeds(good_gold, complete_out):
    # Guards the error handling against swallowing success: the same files, nothing wrong.
    result = run_polex("eval", "--gold", str(good_gold), "--out", str(complete_out), "--json", timeout=ARG_TIMEOUT_S)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert set(report["labels"]) == {"heading", "target", "amount", "deadline", "responsible_unit"}


# ------------------------------------------------------------------ bugs: still one line at the end
@pytest.fixture
def crashing_command(tmp_path, monkeypatch):
    """A ``polex crash`` subcommand whose main() has a bug (in-process: no real command crashes on purpose)."""
    import pipeline.cli as cli

    def main(args):
        return {}["no such key"]

    command = types.SimpleNamespace(add_arguments=lambda parser: None, main=main)
    monkeypatch.setitem(sys.modules, "polex_test_crash", command)  # COMMANDS names modules
    monkeypatch.setitem(cli.COMMANDS, "crash", ("polex_test_crash", "a command with a bug"))
    return cli


@pytest.mark.parametrize("verbose", [False, True])
def test_a_bug_ends_with_one_line_that_says_it_is_a_bug(crashing_command, capsys, verbose):
    code = crashing_command.main(["--verbose", "crash"] if verbose else ["crash"])
    err = capsys.readouterr().err
    assert code == crashing_command.EXIT_INTERNAL_ERROR
    assert err.strip().splitlines()[-1].startswith("polex crash: internal error (KeyError: 'no such key')")
    assert "bug in polex" in err
    assert ("Traceback" in err) == verbose


def test_an_oserror_names_its_path_without_errno_noise(tmp_path, monkeypatch, capsys):
    import pipeline.cli as cli

    command = types.SimpleNamespace(
        add_arguments=lambda parser: parser.add_argument("path"), main=lambda args: os.mkdir(args.path)
    )
    monkeypatch.setitem(sys.modules, "polex_test_mk", command)
    monkeypatch.setitem(cli.COMMANDS, "mk", ("polex_test_mk", "make a folder"))
    existing = tmp_path / "a_file"
    existing.write_text("x")
    assert cli.main(["mk", str(existing)]) == EXIT_USER
    err = capsys.readouterr().err.strip()
    assert (
        err
        == f"polex mk: error: {existing}: File exists; a file is in the way where a folder is needed; move it or choose another path"
    )


# ------------------------------------------------------------------ run: one bad document, not a bad batch
def _batch_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("一、总体要求\n到2025年，规模以上企业达到800家。\n", encoding="utf-8")
    (corpus / "overflow.txt").write_text("一、总体要求\n本办法有效期99999999999999999999年。\n", encoding="utf-8")
    return corpus


def _run_one_batch(corpus: Path, staging: Path):
    import datetime as dt

    from pipeline.reading.reader import hash_file
    from pipeline.storage.batch import BatchSpec, run_batch

    items = [(p.name, hash_file(p)) for p in sorted(corpus.iterdir())]
    spec = BatchSpec(str(corpus), items, str(staging), 0, dt.datetime.now(dt.timezone.utc), "test-version")
    return run_batch(spec)


@pytest.fixture
def deadlines_overflowing_in(monkeypatch):
    """Make the deadlines extractor yield a year no int64 holds, for documents whose id is given.

    No real input overflows any more (deadlines.py bounds years), so this stands in
    for the next extractor bug: the batch must quarantine the document, not fail."""
    import dataclasses

    import extractors

    real = extractors.get("deadlines")

    def install(doc_id: str) -> None:
        def write(ctx, found):
            rows = real.write(ctx, found)
            if ctx.doc_id == doc_id:
                rows = rows + [{"norm_start": 0, "norm_end": 1, "kind": "by", "year": 2**70}]
            return rows

        monkeypatch.setitem(extractors.REGISTRY, "deadlines", dataclasses.replace(real, write=write))

    return install


def test_one_document_the_schema_refuses_is_quarantined_not_fatal(tmp_path, deadlines_overflowing_in):
    corpus = _batch_corpus(tmp_path)
    deadlines_overflowing_in("overflow.txt")
    result = _run_one_batch(corpus, tmp_path / "staging")
    assert result.ingested == ["good.txt"]
    [row] = result.quarantined
    assert (row["source_path"], row["stage"]) == ("overflow.txt", "publish-schema")
    assert "deadlines.year" in row["error"]
    staged = {
        name: pq.read_table(Path(result.folder) / f"{name}.parquet")
        for name in ("documents", "deadlines", "quarantine")
    }
    assert staged["documents"].column("doc_id").to_pylist() == ["good.txt"]
    assert set(staged["deadlines"].column("doc_id").to_pylist()) == {"good.txt"}
    assert staged["quarantine"].column("source_path").to_pylist() == ["overflow.txt"]
    assert result.row_counts["quarantine"] == 1 and result.row_counts["documents"] == 1


def test_a_null_in_a_required_column_is_refused_per_document():
    # pyarrow builds such a table without complaint; only the Parquet write would fail, for the whole batch.
    from pipeline.errors import IngestError
    from pipeline.storage.batch import document_tables

    section = {
        "doc_id": "a.txt",
        "section_id": 0,
        "parent_id": None,
        "level": None,
        "number": 1,
        "heading": "总体要求",
        "raw_start": 0,
        "raw_end": 6,
        "norm_start": 0,
        "norm_end": 6,
        "text": "一、总体要求",
    }
    with pytest.raises(IngestError) as refused:
        document_tables({"sections": [section]}, all_schemas())
    assert refused.value.stage == "publish-schema" and "sections.level" in refused.value.message
    section["level"] = 1
    assert document_tables({"sections": [section]}, all_schemas())["sections"].num_rows == 1


def test_the_document_that_once_overflowed_now_ingests(tmp_path):
    # The source fix (deadlines.py bounds years): the same text is ingested, with no absurd year.
    result = _run_one_batch(_batch_corpus(tmp_path), tmp_path / "staging")
    assert result.quarantined == []
    assert result.ingested == ["good.txt", "overflow.txt"]
    years = pq.read_table(Path(result.folder) / "deadlines.parquet").column("year").to_pylist()
    assert all(y is None or 1900 <= y <= 2200 for y in years), years


# ------------------------------------------------------------------ polex serve
@pytest.mark.parametrize("case", ["missing corpus", "out is a file", "bad cron"])
def test_serve_argument_mistakes_are_one_line(paths, case):
    corpus, out, extra = paths["corpus"], paths["tmp"] / "out", []
    if case == "missing corpus":
        corpus = blamed = paths["missing"]
    elif case == "out is a file":
        out = blamed = paths["file"]
    else:
        extra, blamed = ["--cron", "every night"], "every night"
    result = run_polex("serve", "--corpus", str(corpus), "--out", str(out), *extra, timeout=ARG_TIMEOUT_S)
    assert_one_line_error(result, "serve", blamed)


def test_serve_bad_timezone_names_the_timezone_option(paths):
    result = run_polex(
        "serve",
        "--corpus",
        str(paths["corpus"]),
        "--out",
        str(paths["tmp"] / "out"),
        "--timezone",
        "Mars/Olympus",
        timeout=ARG_TIMEOUT_S,
    )
    message = assert_one_line_error(result, "serve", "Mars/Olympus")
    assert "--timezone" in message and "--cron" not in message


# ------------------------------------------------------------------ polex run: options and advice
@pytest.mark.parametrize(
    "option, value", [("--max-bytes", "-5"), ("--batch-docs", "0"), ("--batch-mb", "0"), ("--batch-mb", "nan")]
)
@pytest.mark.usefixtures("prefect_api_url")  # one shared server instead of an ephemeral one per run
def test_run_refuses_non_positive_sizes_before_prefect(paths, option, value):
    result, imported = _run(str(paths["corpus"]), "--out", str(paths["tmp"] / "out"), option, value, "--no-progress")
    assert result.returncode == EXIT_USER, result.stderr[-500:]
    assert option in result.stderr and result.stderr.strip().count("\n") == 0
    assert "prefect" not in imported


@pytest.mark.usefixtures("prefect_api_url")  # one shared server instead of an ephemeral one per run
def test_raising_max_bytes_as_the_message_advises_ingests_the_file(paths):
    out = paths["tmp"] / "out"
    first, _ = _run(str(paths["corpus"]), "--out", str(out), "--max-bytes", "10", "--no-progress")
    assert first.returncode == 1 and "raise --max-bytes" in first.stdout, first.stdout + first.stderr[-500:]
    second, _ = _run(str(paths["corpus"]), "--out", str(out), "--max-bytes", "1000000", "--no-progress")
    assert second.returncode == 0, second.stdout + second.stderr[-500:]


def test_a_quarantine_is_cached_only_under_the_limit_it_was_refused_with():
    from scan_helpers import index_of

    from pipeline.storage.plan import INGESTED, QUARANTINED, ScannedFile, make_plan, scan_from_files

    files = scan_from_files([ScannedFile("big.txt", "s1", 500), ScannedFile("ok.txt", "s2", 50)])
    previous = index_of(
        {
            "big.txt": {"sha256": "s1", "cache_version": "v", "status": QUARANTINED, "stage": "read", "max_bytes": 10},
            "ok.txt": {"sha256": "s2", "cache_version": "v", "status": INGESTED},
        }
    )
    same = make_plan(files, previous, "v", reusable=True, max_bytes=10)
    assert (same.to_process, same.kept_quarantined, same.kept_ingested) == ([], {"big.txt"}, {"ok.txt"})
    raised = make_plan(files, previous, "v", reusable=True, max_bytes=1000)
    assert [f.path for f in raised.to_process] == ["big.txt"] and raised.changed == 1
    assert raised.kept_ingested == {"ok.txt"}  # ingested documents do not depend on the limit


# ------------------------------------------------------------------ polex gold / diff: check paths before working
def test_gold_validate_with_a_missing_corpus_says_so_once(paths, good_gold):
    result = run_polex("gold", "validate", str(good_gold), "--corpus", str(paths["missing"]), timeout=ARG_TIMEOUT_S)
    assert_one_line_error(result, "gold", paths["missing"])
    assert "not found under" not in result.stdout


def test_diff_html_under_a_file_fails_before_printing_the_diff(paths, good_gold, complete_out):
    target = paths["file"] / "sub" / "report.html"
    result = run_polex(
        "diff", "--gold", str(good_gold), "--out", str(complete_out), "--html", str(target), timeout=ARG_TIMEOUT_S
    )
    assert_one_line_error(result, "diff", paths["file"])
    assert result.stdout == ""  # the (long) terminal diff is not printed for nothing


@pytest.mark.parametrize(
    "command",
    [["gold", "config", "--format", "labelstudio"], ["gold", "config", "--format", "doccano"]],
    ids=["labelstudio", "doccano"],
)
def test_output_piped_into_a_reader_that_quits_ends_quietly(command):
    """`polex … | head` as a user types it: the reader closes the pipe before polex writes;
    polex stops without a 'Broken pipe' error line and exits as a shell reports SIGPIPE (141)."""
    from polex_cli import POLEX, polex_env

    proc = subprocess.Popen([str(POLEX), *command], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=polex_env())
    proc.stdout.close()  # `head` has read what it wanted and gone
    _, stderr = proc.communicate(timeout=120)
    assert stderr.decode() == "" and proc.returncode == 141, (proc.returncode, stderr.decode())


@pytest.mark.parametrize("command", ["run", "serve"])
def test_out_inside_the_corpus_is_refused_before_it_reads_its_own_tables(tmp_path, command):
    """`polex run . --out out` in a folder of documents: the next run would read the published
    Parquet files as documents (139 quarantine rows after two runs of two documents). Refused,
    one line, exit 2, nothing written."""
    corpus = tmp_path / "crawl"
    corpus.mkdir()
    (corpus / "a.txt").write_text("到2025年，全市规模以上工业企业达到800家。\n", encoding="utf-8")
    args = ["run", str(corpus)] if command == "run" else ["serve", "--corpus", str(corpus)]
    result = run_polex(*args, "--out", str(corpus / "sub" / ".." / "out"))
    assert result.returncode == 2, result.stdout + result.stderr
    line = f"polex {command}: error: OUT {corpus / 'out'} is inside the corpus folder {corpus}"
    assert result.stderr.startswith(line) and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert not (corpus / "out").exists()
