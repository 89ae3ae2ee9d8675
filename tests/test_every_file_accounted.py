"""Every file accounted for: each file of a corpus is a document or a quarantine
row (``unsupported file type .xls``); ``.shtml``/``.xhtml`` are HTML; only
hidden and OS/office junk files are ignored, and the summary says how many."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
from polex_cli import SEEDS, run_polex

from pipeline.errors import IngestError
from pipeline.reading.reader import discover, is_supported, list_corpus, read_document

PAGE = (
    "<!DOCTYPE html><html><head><title>通知</title></head><body>"
    "<div class='nav'>首页</div><p>关于印发行动计划的通知</p><p>到2025年，规模以上企业达到800家。</p>"
    "</body></html>"
)

DOCUMENTS = {"a.txt", "sub/b.shtml", "sub/c.xhtml", "d.HTM"}
UNSUPPORTED = {"e.xls": ".xls", "sub/f.ppt": ".ppt", "g.md": ".md", "README": "(no extension)"}
IGNORED = {".DS_Store", "Thumbs.db", "sub/desktop.ini", "~$draft.wps", "._a.txt"}


def _make_mixed_corpus(root):
    (root / "sub").mkdir(parents=True)
    shutil.copy(SEEDS[0], root / "a.txt")
    for name in ("sub/b.shtml", "sub/c.xhtml", "d.HTM"):
        (root / name).write_text(PAGE, encoding="utf-8")
    for name in [*UNSUPPORTED, *IGNORED]:
        (root / name).write_bytes(b"\xd0\xcf\x11\xe0 not a document polex reads")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD.txt").write_text("hidden folder: never entered")
    return root


def test_listing_accounts_for_every_file_but_junk(tmp_path):
    root = _make_mixed_corpus(tmp_path / "corpus")
    listing = list_corpus(root)
    assert set(listing.files) == DOCUMENTS | set(UNSUPPORTED)
    assert set(listing.ignored) == IGNORED
    assert set(discover(root)) == DOCUMENTS  # what polex reads


@pytest.mark.parametrize("name", ["a.pdf", "b.DOCX", "sub/c.doc", "d.wps"])
def test_pdf_and_word_files_are_read_not_quarantined_as_unsupported(name):
    assert is_supported(name)  # pipeline.reading.formats reads them (tests/test_format_dispatch.py)


@pytest.mark.parametrize("name", ["sub/b.shtml", "sub/c.xhtml"])
def test_shtml_and_xhtml_are_read_as_html(tmp_path, name):
    root = _make_mixed_corpus(tmp_path / "corpus")
    doc = read_document(root, name)
    assert doc.media_type == "text/html"
    assert "<p>" not in doc.raw_text and "到2025年，规模以上企业达到800家。" in doc.raw_text


@pytest.mark.parametrize("name, suffix", sorted(UNSUPPORTED.items()))
def test_unsupported_file_is_a_read_error_naming_its_type(tmp_path, name, suffix):
    root = _make_mixed_corpus(tmp_path / "corpus")
    with pytest.raises(IngestError) as info:
        read_document(root, name)
    assert (info.value.stage, info.value.message) == ("read", f"unsupported file type {suffix}")


@pytest.mark.slow
@pytest.mark.usefixtures("prefect_api_url")
def test_run_over_a_mixed_corpus_makes_each_file_a_document_or_a_quarantine_row(tmp_path):
    root = _make_mixed_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    result = run_polex("run", str(root), "--out", str(out), "--no-progress")
    assert result.returncode == 1, result.stderr  # some quarantined, the rest published

    docs = pd.read_parquet(out / "documents.parquet")
    quarantine = pd.read_parquet(out / "quarantine.parquet")
    assert set(docs.source_path) == DOCUMENTS
    assert {row.source_path: (row.stage, row.error) for row in quarantine.itertuples()} == {
        name: ("read", f"unsupported file type {suffix}") for name, suffix in UNSUPPORTED.items()
    }
    for name in UNSUPPORTED:
        assert f"QUARANTINED {name} [read] unsupported file type" in result.stdout

    # Quiet: stderr holds polex's own summary only, which says what was ignored and where the tables are.
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith("polex run: ") for line in lines), result.stderr
    assert lines[0].endswith(f"; ignored {len(IGNORED)} hidden or system files")
    assert lines[1].startswith(
        f"polex run: tables in {out.resolve()}/<table>.parquet, rows: documents {len(DOCUMENTS)}, "
    )
    assert f"quarantine {len(UNSUPPORTED)}" in lines[1]
