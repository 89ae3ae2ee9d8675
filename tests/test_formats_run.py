"""Issue 13 as its user meets it: a crawl folder holding the same documents as .txt, .pdf,
.docx (and .doc with LibreOffice) beside bad PDFs, ingested by ``polex run`` (the CLI, the
Prefect flow, Parquet) and read back with pandas.

Done when (issue 13): the same document as .txt, .pdf and .docx gives at least 90% of the
same rows (same text after NFKC and whitespace removal, same key attributes), with exact
offsets and right page numbers; a bad PDF (encrypted, image-only, truncated) is a
quarantine row with a reason, and the run goes on.

The PDFs are real: reportlab lays each document out with a running header and ``— N —``
page numbers and tells which text went on which page (so "right page" is checked against
the layout, not against the reader's own page starts); headless Chromium prints one with
an embedded CJK font when installed.
"""

from __future__ import annotations

import collections
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from paths import ROOT
from polex_cli import read_tables, run_polex

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "formats"))

import make_formats as mf  # noqa: E402
from test_pdf_reader import needs_chromium  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("prefect_api_url")]

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
HEADER = "山东省人民政府公报"
# All five bundled documents; 001 is traditional with pinyin after most characters.
DOCS = [p.stem for p in sorted(CORPUS.glob("*.txt"))]
KEYS = {
    "sections": ("level", "number", "heading"),
    "targets": ("indicator", "value", "unit", "comparator", "deadline_year"),
    "amounts": ("value_cny", "kind"),
    "deadlines": ("kind", "year", "months"),
    "responsible_units": ("name", "role"),
    "tasks": ("kind",),
}
SPAN_TABLES = ("sections", "targets", "amounts", "deadlines", "responsible_units", "tasks")
MEDIA = {
    "txt": "text/plain",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "doc": "application/msword",
}
BAD = {
    "bad/encrypted.pdf": "PDF is encrypted with a password: ask the publisher for an open copy",
    "bad/scan.pdf": "PDF has no text layer (all 2 pages are images: a scan?): it needs OCR",
    "bad/truncated.pdf": "PDF is truncated: no %%EOF at its end (an incomplete download?)",
}


def _build(root: Path) -> dict[str, list[str]]:
    """The corpus; returns, per reportlab PDF, each page's text as laid out."""
    truth = {}
    for name in DOCS:
        shutil.copy(CORPUS / f"{name}.txt", root / "txt" / f"{name}.txt")
        lines = mf.lines_of((CORPUS / f"{name}.txt").read_text(encoding="utf-8"))
        data, pages = mf.reportlab_pdf(lines, header=HEADER)
        (root / "pdf" / f"{name}.pdf").write_bytes(data)
        truth[f"pdf/{name}.pdf"] = pages
        mf.docx_file(lines, root / "docx" / f"{name}.docx")
    good = (root / "pdf" / f"{DOCS[1]}.pdf").read_bytes()
    (root / "bad" / "encrypted.pdf").write_bytes(mf.encrypted_pdf(good))
    (root / "bad" / "scan.pdf").write_bytes(mf.image_only_pdf(2))
    (root / "bad" / "truncated.pdf").write_bytes(good[: len(good) * 2 // 3])
    return truth


def _build_optional(root: Path, work: Path) -> None:
    lines = mf.lines_of((CORPUS / f"{DOCS[1]}.txt").read_text(encoding="utf-8"))
    if mf.CHROMIUM is not None:
        mf.chromium_pdf(lines, root / "chromium" / f"{DOCS[1]}.pdf", header=HEADER)
    if mf.SOFFICE is not None:
        doc = mf.libreoffice_convert(root / "docx" / f"{DOCS[1]}.docx", "doc", work)
        shutil.copy(doc, root / "doc" / f"{DOCS[1]}.doc")


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    root = tmp_path_factory.mktemp("crawl")
    for folder in ("txt", "pdf", "docx", "bad", "chromium", "doc"):
        (root / folder).mkdir()
    truth = _build(root)
    _build_optional(root, tmp_path_factory.mktemp("work"))
    out = tmp_path_factory.mktemp("out")
    result = run_polex("run", str(root), "--out", str(out), "--no-progress")
    return result, read_tables(out), truth, out


def _rows(tables, source_path: str) -> dict[str, pd.DataFrame]:
    doc = tables["documents"].set_index("source_path").loc[source_path]
    return {table: tables[table][tables[table].doc_id == doc.doc_id] for table in SPAN_TABLES} | {"doc": doc}


def _keys(rows) -> collections.Counter:
    norm = rows["doc"].norm_text
    keys: collections.Counter = collections.Counter()
    for table, attrs in KEYS.items():
        for row in rows[table].itertuples():
            flat = mf.flat(norm[row.norm_start : row.norm_end])
            keys[(table, flat, *(str(getattr(row, a)).replace("<NA>", "None") for a in attrs))] += 1
    return keys


def _share(base: collections.Counter, other: collections.Counter) -> float:
    return sum((base & other).values()) / sum(base.values())


def test_the_run_goes_on_and_names_every_bad_pdf(run):
    result, tables, _, _ = run
    assert result.returncode == 1, result.stdout + result.stderr  # some quarantined, the rest published
    quarantine = tables["quarantine"].set_index("source_path")
    assert set(quarantine.index) == set(BAD)
    for path, reason in BAD.items():
        assert (quarantine.loc[path, "stage"], quarantine.loc[path, "error"]) == ("decode", reason)
        assert f"QUARANTINED {path} [decode] {reason}" in result.stdout
    assert len(tables["documents"]) == 3 * len(DOCS) + (mf.CHROMIUM is not None) + (mf.SOFFICE is not None)


def test_documents_say_their_format_and_pages(run):
    _, tables, truth, _ = run
    for doc in tables["documents"].itertuples():
        fmt = doc.source_path.split("/")[0]
        assert doc.media_type == MEDIA["pdf" if fmt == "chromium" else fmt], doc.source_path
        if fmt in ("pdf", "chromium"):
            assert doc.pages == doc.raw_text.count("\f") + 1
        else:
            assert pd.isna(doc.pages), doc.source_path
        if fmt == "pdf":
            assert doc.pages == len(truth[doc.source_path])
    assert str(tables["documents"]["pages"].dtype) == "Int64"


def test_offsets_are_exact_in_every_format(run):
    _, tables, _, _ = run
    raw_of = tables["documents"].set_index("doc_id").raw_text
    checked = 0
    for table in SPAN_TABLES:
        for row in tables[table].itertuples():
            assert raw_of[row.doc_id][row.raw_start : row.raw_end] == row.text, (table, row.doc_id)
            checked += 1
    assert checked > 1000


def test_pages_are_right(run):
    _, tables, truth, _ = run
    docs = tables["documents"].set_index("doc_id")
    checked = 0
    for table in SPAN_TABLES:
        assert str(tables[table]["page"].dtype) == "Int64"
        for row in tables[table].itertuples():
            doc = docs.loc[row.doc_id]
            if pd.isna(doc.pages):
                assert pd.isna(row.page), (table, row.doc_id)
                continue
            assert row.page == 1 + doc.raw_text.count("\f", 0, row.raw_start), (table, row.doc_id)
            pages = truth.get(doc.source_path)
            if pages is None or "\f" in row.text:
                continue  # Chromium's pages are not known; a span across a page end starts on `page`
            # the span's text is on that page as reportlab laid it out
            on_page = mf.flat(HEADER + pages[row.page - 1] + f"— {row.page} —")
            assert mf.flat(row.text) in on_page, (table, row.text, row.page)
            checked += 1
    assert checked > 500


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_same_document_gives_the_same_rows(run, fmt):
    _, tables, _, _ = run
    for name in DOCS:
        base = _keys(_rows(tables, f"txt/{name}.txt"))
        share = _share(base, _keys(_rows(tables, f"{fmt}/{name}.{fmt}")))
        print(f"same rows as the .txt: {fmt} {name[:3]} {share:.3f} of {sum(base.values())}")  # pytest -s
        assert share >= 0.9, (fmt, name, share)


@needs_chromium
def test_a_chromium_pdf_gives_the_same_rows(run):
    _, tables, _, _ = run
    base = _keys(_rows(tables, f"txt/{DOCS[1]}.txt"))
    share = _share(base, _keys(_rows(tables, f"chromium/{DOCS[1]}.pdf")))
    print(f"same rows as the .txt: chromium pdf {DOCS[1][:3]} {share:.3f}")
    assert share >= 0.9


@pytest.mark.skipif(mf.SOFFICE is None, reason="needs LibreOffice (libreoffice-writer-nogui)")
def test_a_doc_gives_the_same_rows(run):
    _, tables, _, _ = run
    base = _keys(_rows(tables, f"txt/{DOCS[1]}.txt"))
    share = _share(base, _keys(_rows(tables, f"doc/{DOCS[1]}.doc")))
    print(f"same rows as the .txt: doc {DOCS[1][:3]} {share:.3f}")
    assert share >= 0.9


def test_readme_page_example_runs(run):
    """The README's pandas blocks (the session, then the page of a PDF's target), verbatim."""
    *_, out = run
    blocks = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    # the PDF block reads the OUT its shell line makes (/tmp/formats-out): this run's OUT instead
    session, pages = (
        blocks[0].replace('out = "outputs"', f"out = {str(out)!r}"),
        blocks[1].replace("/tmp/formats-out", str(out)),
    )
    assert "media_type" in pages and ".page" in pages
    result = subprocess.run([sys.executable, "-c", session + pages], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    page, found = result.stdout.splitlines()[-1].split(" ")
    assert int(page) >= 1 and found == "True"
