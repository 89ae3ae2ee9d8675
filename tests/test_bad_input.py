"""The bad-input corpus end to end: read, decode, normalise, process."""

from __future__ import annotations

import time
import tracemalloc

import pytest
from bad_corpus import DECODE, MANY_HEADINGS, NORMALIZE, OK, READ, encoded_variants, make_bad_corpus, seed_text

import normalizers.pipeline  # noqa: F401  (registers the normalisation steps)
from normalizers import normalize
from pipeline.errors import IngestError
from pipeline.process import process_document
from pipeline.reading.reader import discover, read_document


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad_corpus")
    return root, make_bad_corpus(root, big=True)


def _outcome(root, rel) -> str:
    try:
        read_document(root, rel)
    except IngestError as exc:
        return f"quarantine:{exc.stage}"
    return OK


def test_discover_finds_every_file(corpus):
    root, expected = corpus
    assert discover(root) == sorted(expected)


def test_read_and_decode_outcomes(corpus):
    root, expected = corpus
    # read_document decides read/decode failures; normalisation failures come later.
    want = {rel: (OK if outcome == NORMALIZE else outcome) for rel, outcome in expected.items()}
    assert {rel: _outcome(root, rel) for rel in expected} == want


@pytest.mark.parametrize(
    "rel, stage, reason",
    [
        ("empty.txt", "decode", "empty file"),
        ("whitespace_only.txt", "decode", "empty file"),
        ("image_named_txt.txt", "decode", "binary file (PNG image?) not a text document"),
        ("html/invisible.html", "decode", "HTML page has no visible text"),
        ("big/fifty_mb.txt", "read", "file is 50.0 MB, over the 20 MB limit (raise --max-bytes)"),
    ],
)
def test_quarantine_reasons(corpus, rel, stage, reason):
    root, _ = corpus
    with pytest.raises(IngestError) as info:
        read_document(root, rel)
    assert (info.value.stage, info.value.message) == (stage, reason)


def test_truncated_utf8_names_the_byte_and_is_not_mojibake(corpus):
    root, _ = corpus
    size = (root / "truncated_utf8.txt").stat().st_size
    with pytest.raises(IngestError) as info:
        read_document(root, "truncated_utf8.txt")
    assert info.value.stage == "decode"
    assert info.value.message.startswith(f"invalid UTF-8 at byte {size - 1}")
    assert "truncated" in info.value.message


@pytest.mark.parametrize("rel", sorted(encoded_variants("x")), ids=lambda r: r.split("/")[-1])
def test_every_encoding_gives_the_original_text(corpus, rel):
    root, _ = corpus
    doc = read_document(root, rel)
    assert doc.raw_text.replace("\r\n", "\n") == seed_text()
    with open(root / rel, encoding=doc.encoding, newline="") as f:  # offsets match Python's reading
        assert f.read() == doc.raw_text


@pytest.mark.parametrize("rel", sorted(encoded_variants("x")), ids=lambda r: r.split("/")[-1])
def test_every_encoding_normalises_identically(corpus, rel):
    root, _ = corpus
    reference = normalize(read_document(root, "encodings/003_utf8.txt").raw_text).text
    assert normalize(read_document(root, rel).raw_text).text == reference


def test_fifty_mb_file_is_rejected_without_being_read(corpus):
    root, _ = corpus
    path = root / "big" / "fifty_mb.txt"
    assert path.stat().st_size == 50 * 1024 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(IngestError):
            read_document(root, "big/fifty_mb.txt")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024, f"reading a rejected file allocated {peak} bytes"


def test_deep_html_reads_fast_with_numbers_joined(corpus):
    root, _ = corpus
    start = time.perf_counter()
    doc = read_document(root, "html/deep_nesting.html")
    elapsed = time.perf_counter() - start
    assert doc.media_type == "text/html"
    assert doc.raw_text == "到2025年1月，规模以上企业达到800家。"
    assert elapsed < 2.0, f"10,000-deep HTML took {elapsed:.2f}s"


def test_process_document_accepts_every_good_file(corpus):
    root, expected = corpus
    good = [rel for rel, outcome in expected.items() if outcome == OK]
    assert "many_headings.txt" in good and "html/deep_nesting.html" in good
    for rel in good:
        rows = process_document(read_document(root, rel))
        assert rows["documents"][0]["doc_id"] == rel
        assert rows["documents"][0]["raw_text"] == read_document(root, rel).raw_text


def test_boilerplate_only_document_is_quarantined_at_normalisation(corpus):
    root, expected = corpus
    assert expected["boilerplate_only.txt"] == NORMALIZE
    with pytest.raises(IngestError) as info:
        process_document(read_document(root, "boilerplate_only.txt"))
    assert info.value.stage == "normalize"


def test_many_headings_document_goes_through_in_bounded_time(corpus):
    root, _ = corpus
    doc = read_document(root, "many_headings.txt")
    assert doc.raw_text.count("\n") == MANY_HEADINGS + 1  # the title line, then one line per heading
    start = time.perf_counter()
    rows = process_document(doc)
    elapsed = time.perf_counter() - start
    assert rows["documents"][0]["norm_text"]
    assert elapsed < 10.0, f"{MANY_HEADINGS} headings took {elapsed:.1f}s"


def test_expected_outcomes_cover_every_failure_stage(corpus):
    _, expected = corpus
    assert {DECODE, READ, NORMALIZE, OK} <= set(expected.values())
