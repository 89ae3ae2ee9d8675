"""pipeline.fingerprint: the cache key follows the bytes of the code and data that shape the tables."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline import fingerprint as fp

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of the repo's packages (and a few unrelated files) to change byte by byte."""
    root = tmp_path / "repo"
    for name in ("pipeline", "normalizers", "extractors", "flows"):
        shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "README.md", root / "README.md")
    return root


def _append(path: Path, data: bytes = b" ") -> None:
    """Change the file's bytes (or create it)."""
    path.write_bytes((path.read_bytes() if path.exists() else b"") + data)


def test_the_running_key_is_the_repos_key():
    assert fp.fingerprint() == fp.compute(REPO)
    assert len(fp.fingerprint()) == fp.KEY_LENGTH


def test_a_copy_has_the_same_key(tree):
    assert fp.compute(tree) == fp.compute(REPO)


@pytest.mark.parametrize(
    "rel",
    [
        "extractors/deadlines.py",  # a rule module
        "extractors/data/measure_units.txt",  # a rule's word list
        "normalizers/ruby.py",
        "normalizers/data/pinyin_syllables.txt",
        "pipeline/core/numerals.py",
        "pipeline/reading/encoding.py",
        "pipeline/structure/sections.py",
        "pipeline/process.py",
    ],
)
def test_changing_a_shaping_file_changes_the_key(tree, rel):
    before = fp.compute(tree)
    _append(tree / rel)
    assert fp.compute(tree) != before


def test_a_new_rule_file_changes_the_key(tree):
    before = fp.compute(tree)
    (tree / "extractors" / "data" / "new_words.txt").write_text("新词\n", encoding="utf-8")
    assert fp.compute(tree) != before


@pytest.mark.parametrize(
    "rel",
    [
        "README.md",
        "extractors/README.md",
        "extractors/examples/deadlines.jsonl",  # test cases, not rules
        "flows/ingest.py",  # orchestration
        "pipeline/storage/publish.py",
        "pipeline/cli/__init__.py",
        "pipeline/qa/scoring.py",
        "pipeline/errors.py",
    ],
)
def test_changing_an_unrelated_file_keeps_the_key(tree, rel):
    before = fp.compute(tree)
    _append(tree / rel)
    assert fp.compute(tree) == before


def test_moving_bytes_between_files_changes_the_key(tree):
    # Paths and lengths are hashed with the bytes: two files cannot trade content unnoticed.
    a, b = tree / "extractors" / "data" / "org_names.txt", tree / "extractors" / "data" / "org_suffixes.txt"
    before = fp.compute(tree)
    tail = a.read_bytes()[-2:]
    a.write_bytes(a.read_bytes()[:-2])
    b.write_bytes(tail + b.read_bytes())
    assert fp.compute(tree) != before


def test_python_caches_do_not_count(tree):
    before = fp.compute(tree)
    cache = tree / "extractors" / "__pycache__"
    cache.mkdir(exist_ok=True)
    (cache / "deadlines.cpython-311.pyc").write_bytes(b"\0compiled")
    assert fp.compute(tree) == before
