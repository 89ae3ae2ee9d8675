"""A newcomer follows the README from `make run` to reading the tables: every Python block runs
as written against the OUT the README says it reads, the commands' synopsis names every option
the CLI has, and the outputs the README shows are what polex prints.

The researcher's walk too: every table pandas reads has SPEC's columns with SPEC's dtypes, on a
corpus of every input format (text in two encodings, HTML, PDF, Word).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from paths import ROOT
from polex_cli import POLEX, make_corpus, polex_env, run_polex

from pipeline.cli import COMMANDS, build_parser
from pipeline.reading.reader import SUPPORTED_SUFFIXES

pytestmark = pytest.mark.slow

README = (ROOT / "README.md").read_text(encoding="utf-8")
MAKE_FORMATS = ROOT / "tests" / "fixtures" / "formats" / "make_formats.py"


def _section(title: str) -> str:
    return README.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def _python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README, flags=re.S)


def _run_python(code: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, timeout=300)


def _local(text: str, checkout: Path) -> str:
    return text.replace("/tmp/", f"{checkout}/tmp/")  # the test's own folder, not the machine's /tmp


def _set_up(commands: str, checkout: Path) -> None:
    """A block's `# in a shell first:` line, each command as a user types it."""
    for command in commands.split(" && "):
        done = _shell_line(_local(command.strip("` "), checkout), checkout)
        assert done.returncode == 0, (command, done.stdout[-2000:], done.stderr[-2000:])


def _shell_line(line: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**polex_env(), "PATH": f"{POLEX.parent}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.run(["bash", "-c", line], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def checkout(tmp_path_factory, prefect_api_url):
    """A working folder laid out like a clone, after `make run` (OUT = outputs)."""
    work = tmp_path_factory.mktemp("readme")
    make_corpus(work / "corpus")
    (work / "tmp").mkdir()
    (work / "tests").symlink_to(ROOT / "tests")
    result = run_polex("run", str(work / "corpus"), "--out", str(work / "outputs"), "--no-progress")
    assert result.returncode == 0, result.stdout + result.stderr
    return work


def test_every_python_block_runs_as_written(checkout):
    """The blocks in the order a reader meets them: the pandas session on `outputs`, then each
    block that names its own OUT and setup runs on its own, the others as the session's
    continuation (a reader keeps one Python session open)."""
    blocks = _python_blocks()
    assert len(blocks) >= 4
    session = ""
    for block in blocks:
        setup = re.search(r"^# in a shell first: (.+)$", block, flags=re.M)
        if setup:  # a block that reads another OUT: its shell setup, then the block alone
            _set_up(setup.group(1), checkout)
            result = _run_python(_local(block, checkout), checkout)
        else:
            session += block
            result = _run_python(session, checkout)
        assert result.returncode == 0, (block, result.stderr[-3000:])


def test_pdf_block_prints_the_page_holding_the_span(checkout):
    """README's PDF block ends with `print(t.page, …)`: e.g. "3 True"."""
    block = next(b for b in _python_blocks() if "application/pdf" in b)
    if not (checkout / "tmp" / "formats-out").exists():
        _set_up(re.search(r"^# in a shell first: (.+)$", block, flags=re.M).group(1), checkout)
    result = _run_python(_local(block, checkout), checkout)
    assert result.returncode == 0, result.stderr
    page, on_page = result.stdout.split()[-2:]
    assert int(page) >= 1 and on_page == "True"


def test_compare_prints_the_table_the_readme_shows(checkout):
    section = _section("Targets across documents")
    shown = re.findall(r"```\n(A .*?)```", section, flags=re.S)[0]
    result = subprocess.run(
        [str(POLEX), "compare", "outputs", "001", "002"],
        cwd=checkout,
        capture_output=True,
        text=True,
        env={**polex_env(), "COLUMNS": "120"},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert [line.rstrip() for line in result.stdout.splitlines()] == shown.rstrip("\n").splitlines()


def test_the_links_the_readme_counts_are_the_table(checkout):
    links = pd.read_parquet(checkout / "outputs" / "target_links.parquet")
    said = re.search(r"On the bundled corpus the\s+table holds (\d+) links", _section("Targets across documents"))
    assert said and int(said.group(1)) == len(links)


def test_run_summary_lines_name_every_table_as_the_readme_shows(checkout, tmp_path):
    result = run_polex("run", str(checkout / "corpus"), "--out", str(tmp_path / "o"), "--no-progress")
    assert result.returncode == 0, result.stderr
    printed = [line for line in result.stderr.splitlines() if line.startswith("polex run: ")]
    shown = re.findall(r"^polex run: .*$", _section("Commands"), flags=re.M)
    assert len(printed) == len(shown) == 2

    def shape(line: str) -> str:  # the words, without the figures, paths and version
        return re.sub(r"\d+|\S*/\S*|\(version [^)]*\)", "#", re.sub(r"published \S+", "published OUT", line))

    assert [shape(line) for line in printed] == [shape(line) for line in shown]


def test_stdout_holds_only_the_quarantine_lines(tmp_path):
    """README: QUARANTINED lines on stdout for a script, the summary and the progress bar on stderr."""
    corpus = tmp_path / "crawl"
    corpus.mkdir()
    (corpus / "404.html").write_text("<html><body><h1>404 Not Found</h1><hr>nginx</body></html>", encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "page.html").write_text("<p>到2025年，全市数字经济核心产业增加值达到1000亿元。</p>", encoding="utf-8")
    result = run_polex("run", str(corpus), "--out", str(tmp_path / "out"))  # with the progress bar
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == [
        "QUARANTINED 404.html [decode] HTML page is an error, login or redirect page, not a document"
        " ('404 Not Found' in '404 Not Found'): the crawler saved it instead of the page; fetch it again",
        "QUARANTINED empty.txt [decode] empty file",
    ]
    assert re.search(r"^polex run: published .*: 1 documents, 2 quarantined;", result.stderr, flags=re.M)
    # stderr is a pipe here, as in a cron log: the bar stays off and leaves no blank line
    assert [line for line in result.stderr.splitlines() if not line.startswith("polex run: ")] == [], result.stderr


def _options(parser: argparse.ArgumentParser) -> set[str]:
    hidden = {"-h", "--help", "--verbose", "-v"}
    return {o for action in parser._actions for o in action.option_strings if o.startswith("--")} - hidden


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def test_commands_synopsis_names_every_option():
    synopsis = re.search(r"```sh\n(polex run .*?)```", _section("Commands"), flags=re.S).group(1)
    lines = synopsis.splitlines()
    missing = []
    for name, parser in _subparsers(build_parser()).items():
        nested = _subparsers(parser)
        for sub_name, sub in nested.items() or [(None, parser)]:
            prefix = re.compile(rf"^polex {name}\s+{sub_name or ''}")
            shown = " ".join(line for line in lines if prefix.match(line))
            assert shown, f"no synopsis line for polex {name} {sub_name or ''}"
            missing += [f"polex {name} {sub_name or ''} {o}" for o in sorted(_options(sub)) if o not in shown]
    assert not missing, missing
    assert set(COMMANDS) == {re.match(r"polex (\w+)", line).group(1) for line in lines if line.startswith("polex ")}


def test_run_help_names_every_input_type():
    helped = subprocess.run([str(POLEX), "run", "--help"], capture_output=True, text=True, env=polex_env(), timeout=60)
    text = " ".join(helped.stdout.split())
    assert [s for s in SUPPORTED_SUFFIXES if s not in text] == []


# SPEC's tables and columns, with the dtypes pandas gives them ("str": pandas' string dtype or object of str).
SPAN = {"doc_id": "str", "raw_start": "int64", "raw_end": "int64", "norm_start": "int64", "norm_end": "int64"}
SPAN |= {"text": "str", "section_id": "Int64", "task_id": "Int64", "page": "Int64"}
SPEC_COLUMNS = {
    "documents": {
        **{c: "str" for c in ("doc_id", "source_path", "sha256", "raw_text", "norm_text", "title", "doc_number")},
        **{c: "str" for c in ("issuer", "encoding", "province", "city", "county", "division_code", "admin_level")},
        **{c: "str" for c in ("genre", "genre_word", "genre_family", "status", "media_type")},
        **{c: "date" for c in ("issue_date", "effective_date", "expiry_date")},
        "pages": "Int64",
        "ingested_at": "datetime64",
    },
    # a heading is no span of a task: sections have no task_id (README: "Every span table also has")
    "sections": {
        **{column: kind for column, kind in SPAN.items() if column != "task_id"},
        "section_id": "int",
        "parent_id": "Int64",
        "level": "int",
        "number": "Int64",
        "heading": "str",
    },
    "targets": {**SPAN, "target_id": "str", "indicator": "str", "value": "float64", "value_max": "float64"}
    | {"unit": "str", "comparator": "str", "deadline_year": "Int64", "recurring": "str"},
    "amounts": {**SPAN, "value_cny": "float64", "comparator": "str", "kind": "str"},
    "deadlines": {**SPAN, "kind": "str", "year": "Int64", "date": "date", "months": "Int64"},
    "responsible_units": {**SPAN, "name": "str", "role": "str"},
    "tasks": {**SPAN, "kind": "str"},
    "target_links": {
        **{f"{c}_{s}": "str" for c in ("doc_id", "target_id", "unit") for s in "ab"},
        **{f"{c}_{s}": "float64" for c in ("value",) for s in "ab"},
        **{f"deadline_year_{s}": "Int64" for s in "ab"},
        "similarity": "float64",
    },
    "quarantine": {"source_path": "str", "sha256": "str", "error": "str", "stage": "str"},
}


def _dtype_is(series: pd.Series, expected: str) -> bool:
    values = series.dropna()
    if expected == "str":
        return (pd.api.types.is_string_dtype(series) or series.dtype == object) and all(
            isinstance(v, str) for v in values
        )
    if expected == "date":
        return series.dtype == object and all(type(v).__name__ == "date" for v in values)
    if expected == "int":
        return pd.api.types.is_integer_dtype(series)
    if expected == "datetime64":
        return str(series.dtype).startswith("datetime64")
    return str(series.dtype) == expected


@pytest.fixture(scope="module")
def every_format_out(tmp_path_factory, prefect_api_url):
    work = tmp_path_factory.mktemp("formats")
    corpus = make_corpus(work / "corpus")
    made = subprocess.run([sys.executable, str(MAKE_FORMATS), str(corpus / "office")], capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    text = (corpus / "003_2453b0e7a4343327.txt").read_text(encoding="utf-8")
    (corpus / "gbk.txt").write_bytes(text.encode("gb18030"))
    (corpus / "page.html").write_text(
        "<html><body><h1>济南市人民政府关于推进数字经济的实施意见</h1><p>一、总体目标</p>"
        "<p>到2025年，全市数字经济核心产业增加值达到1000亿元。（责任单位：市发展改革委）</p></body></html>",
        encoding="utf-8",
    )
    (corpus / "404.html").write_text("<html><body><h1>404 Not Found</h1><hr>nginx</body></html>", encoding="utf-8")
    result = run_polex("run", str(corpus), "--out", str(work / "out"), "--no-progress")
    assert result.returncode == 1, result.stdout + result.stderr  # the 404 page is quarantined
    assert "QUARANTINED 404.html [decode] HTML page is an error, login or redirect page" in result.stdout
    return work / "out"


def test_every_table_has_spec_columns_and_dtypes(every_format_out):
    wrong = []
    for table, columns in SPEC_COLUMNS.items():
        df = pd.read_parquet(every_format_out / f"{table}.parquet")
        assert len(df) > 0, table
        for column, expected in columns.items():
            if column not in df.columns:
                wrong.append(f"{table}.{column} missing")
            elif not _dtype_is(df[column], expected):
                wrong.append(f"{table}.{column} is {df[column].dtype}, SPEC: {expected}")
    assert not wrong, wrong
    docs = pd.read_parquet(every_format_out / "documents.parquet")
    docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert {"text/plain", "text/html", "application/pdf", docx} <= set(docs.media_type)


def test_offsets_slice_raw_text_on_every_row_of_every_format(every_format_out):
    docs = pd.read_parquet(every_format_out / "documents.parquet").set_index("doc_id")
    for table in ("sections", "targets", "amounts", "deadlines", "responsible_units", "tasks"):
        df = pd.read_parquet(every_format_out / f"{table}.parquet")
        for row in df.itertuples():
            raw, norm = docs.at[row.doc_id, "raw_text"], docs.at[row.doc_id, "norm_text"]
            assert raw[row.raw_start : row.raw_end] == row.text, (table, row.doc_id, row.raw_start)
            assert 0 <= row.norm_start <= row.norm_end <= len(norm), (table, row.doc_id)
