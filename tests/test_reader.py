"""pipeline.reading.reader: discover, hash, decode, read."""

from __future__ import annotations

import codecs
import hashlib
import os
from pathlib import Path

import pytest

from pipeline.errors import IngestError
from pipeline.reading.reader import DEFAULT_MAX_BYTES, decode_bytes, discover, hash_file, read_document

SEEDS = sorted((Path(__file__).resolve().parents[1] / "corpus").glob("*.txt"))
TEXT = "（一）培育先进制造业集群。到2025年，规模以上企业达到800家，濱州市辦公室。\n"


def _decode_error(data: bytes, suffix: str = ".txt") -> IngestError:
    with pytest.raises(IngestError) as info:
        decode_bytes(data, suffix)
    return info.value


# ---------------------------------------------------------------- discover / hash
def test_discover_is_recursive_sorted_case_insensitive_and_skips_hidden(tmp_path):
    for rel in [
        "b.txt",
        "a/z.HTML",
        "a/y.htm",
        "A.TXT",
        "notes.md",
        ".hidden.txt",
        ".git/x.txt",
        "a/.cache/y.txt",
        "c/d/e.Txt",
    ]:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    assert discover(tmp_path) == ["A.TXT", "a/y.htm", "a/z.HTML", "b.txt", "c/d/e.Txt"]


def test_discover_missing_folder_is_a_user_error(tmp_path):
    with pytest.raises(NotADirectoryError):
        discover(tmp_path / "nope")


def test_hash_file_matches_hashlib_across_chunks(tmp_path):
    data = os.urandom(3 * 1024 * 1024 + 17)  # spans several read chunks
    path = tmp_path / "f.bin"
    path.write_bytes(data)
    assert hash_file(path) == hashlib.sha256(data).hexdigest()


# ---------------------------------------------------------------- encodings
@pytest.mark.parametrize(
    "encode, expected_encoding",
    [
        (lambda t: t.encode("utf-8"), "utf-8"),
        (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
        (lambda t: t.encode("gb18030"), "gb18030"),
        (lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), "utf-16"),
        (lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16"),
        (lambda t: t.encode("utf-16-le"), "utf-16-le"),
        (lambda t: codecs.BOM_UTF32_LE + t.encode("utf-32-le"), "utf-32"),
    ],
)
def test_encodings_decode_to_the_same_text(encode, expected_encoding):
    text = TEXT * 20
    raw, encoding, media_type = decode_bytes(encode(text), ".txt")
    assert (raw, encoding, media_type) == (text, expected_encoding, "text/plain")


def test_gbk_bytes_read_as_gb18030():
    text = "关于推动制造业高质量发展的意见，汶上县人民政府。" * 10
    assert decode_bytes(text.encode("gbk"), ".txt")[:2] == (text, "gb18030")


def test_big5_is_not_mistaken_for_gbk():
    # Big5 bytes also decode as GB18030 without error, into nonsense: the detector must notice.
    text = "濱州市人民政府辦公室關於加快發展先進製造業集群的實施意見。到2025年，全市規模以上工業企業達到800家。" * 5
    raw, encoding, _ = decode_bytes(text.encode("big5"), ".txt")
    assert raw == text
    assert encoding.startswith("big5")


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seed_in_gb18030_and_utf16_round_trips(seed):
    text = seed.read_text(encoding="utf-8")
    assert decode_bytes(text.encode("gb18030"), ".txt")[:2] == (text, "gb18030")
    assert decode_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"), ".txt")[0] == text


def test_crlf_is_kept_and_offsets_match_python_open(tmp_path):
    text = TEXT.replace("\n", "\r\n") * 3 + "末行\r孤立CR\n"
    for name, data in {
        "a.txt": text.encode("utf-8"),
        "b.txt": codecs.BOM_UTF8 + text.encode("utf-8"),
        "c.txt": codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
        "d.txt": text.encode("gb18030"),
    }.items():
        (tmp_path / name).write_bytes(data)
        doc = read_document(tmp_path, name)
        assert doc.raw_text == text
        # the recorded encoding reads the file back exactly, BOM excluded
        with open(tmp_path / name, encoding=doc.encoding, newline="") as f:
            assert f.read() == doc.raw_text


def test_utf8_truncated_mid_character_is_refused_with_position():
    data = (TEXT * 50).encode("utf-8")
    err = _decode_error(data[:-2])  # TEXT ends with "\n" after a 3-byte "。": cut inside "。"
    assert err.stage == "decode"
    assert f"invalid UTF-8 at byte {len(data) - 4}" in err.message
    assert "truncated" in err.message


def test_utf8_with_a_few_corrupt_bytes_is_refused_not_read_as_gb18030():
    data = bytearray((TEXT * 50).encode("utf-8"))
    first_bad = next(i for i in range(1000, len(data)) if data[i] >= 0xC0)  # a character's lead byte
    data[first_bad] = 0xFF
    data[first_bad + 1001] = 0x80
    err = _decode_error(bytes(data))
    assert err.stage == "decode"
    assert err.message.startswith(f"invalid UTF-8 at byte {first_bad} (file truncated or corrupted?)")


@pytest.mark.parametrize(
    "data, kind",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00" + bytes(100), "ZIP archive"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "Office .doc"),
        (bytes(range(256)) * 10, "control bytes"),
    ],
)
def test_binary_files_are_refused(data, kind):
    err = _decode_error(data)
    assert err.stage == "decode"
    assert err.message.startswith("binary file (") and kind in err.message
    assert err.message.endswith("not a text document")


@pytest.mark.parametrize(
    "data", [b"", b"  \r\n\t\n", codecs.BOM_UTF8 + b" \n", codecs.BOM_UTF16_LE + " \u3000\n".encode("utf-16-le")]
)
def test_empty_or_blank_files_are_refused(data):
    err = _decode_error(data)
    assert (err.stage, err.message) == ("decode", "empty file")


def test_stray_control_bytes_in_text_are_tolerated():
    # A form feed (pdftotext page break) and one ESC must not make a document "binary".
    text = TEXT * 10 + "\f" + TEXT * 10 + "\x1b"
    assert decode_bytes(text.encode("utf-8"), ".txt")[0] == text


# ---------------------------------------------------------------- HTML
def _page(body: str, charset: str | None) -> str:
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">' if charset else ""
    return f"<html><head>{meta}<title>标题</title></head><body>{body}</body></html>"


def test_html_declared_gb2312_is_honoured():
    body = "<p>到<span>2025</span>年，全市规模以上工业企业达到800家。</p>" * 5
    raw, encoding, media_type = decode_bytes(_page(body, "gb2312").encode("gb18030"), ".html")
    assert media_type == "text/html"
    assert encoding == "gb18030"
    assert raw.split("\n")[0] == "到2025年，全市规模以上工业企业达到800家。"


def test_html_declared_gbk_but_saved_as_utf8_reads_as_utf8():
    body = "<p>关于加快发展先进制造业集群的实施意见</p>"
    raw, encoding, _ = decode_bytes(_page(body, "gbk").encode("utf-8"), ".htm")
    assert (raw, encoding) == ("关于加快发展先进制造业集群的实施意见", "utf-8")


def test_html_with_meta_charset_attribute_form():
    page = '<html><head><meta charset="GBK"></head><body><div>济宁市人民政府办公室</div><div>2023年6月30日</div></body></html>'
    assert decode_bytes(page.encode("gbk"), ".HTML")[:2] == ("济宁市人民政府办公室\n2023年6月30日", "gb18030")


def test_html_without_visible_text_is_refused():
    err = _decode_error(
        _page("<script>x()</script><!-- c --><p> &nbsp; </p>".replace("&nbsp;", ""), "utf-8").encode(), ".html"
    )
    assert (err.stage, err.message) == ("decode", "HTML page has no visible text")


def test_txt_file_holding_a_web_page_is_read_as_html():
    raw, _, media_type = decode_bytes(("\n<!DOCTYPE html>" + _page("<p>正文</p>", None)).encode(), ".txt")
    assert (raw, media_type) == ("正文", "text/html")


# ---------------------------------------------------------------- read_document
def test_read_document_fields(tmp_path):
    (tmp_path / "sub").mkdir()
    data = codecs.BOM_UTF8 + TEXT.encode("utf-8")
    (tmp_path / "sub" / "002_x.txt").write_bytes(data)
    doc = read_document(tmp_path, "sub/002_x.txt")
    assert doc.doc_id == doc.source_path == "sub/002_x.txt"
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert (doc.raw_text, doc.encoding, doc.media_type) == (TEXT, "utf-8-sig", "text/plain")
    assert read_document(tmp_path, "sub/002_x.txt", sha256="given").sha256 == "given"


def test_too_big_file_is_refused_by_size_without_reading(tmp_path):
    path = tmp_path / "big.txt"
    with open(path, "wb") as f:  # sparse: 50 MB on paper, nothing on disk
        f.truncate(50 * 1024 * 1024)
    with pytest.raises(IngestError) as info:
        read_document(tmp_path, "big.txt")
    assert info.value.stage == "read"
    assert info.value.message == "file is 50.0 MB, over the 20 MB limit (raise --max-bytes)"
    assert DEFAULT_MAX_BYTES == 20 * 1024 * 1024
    # a raised limit lets a file through
    path.write_bytes(TEXT.encode() * 1000)
    with pytest.raises(IngestError, match="over the"):
        read_document(tmp_path, "big.txt", max_bytes=1000)
    assert read_document(tmp_path, "big.txt", max_bytes=10**6).raw_text == TEXT * 1000


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files regardless of permissions")
def test_unreadable_file_is_a_read_error(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(TEXT)
    path.chmod(0)
    with pytest.raises(IngestError) as info:
        read_document(tmp_path, "secret.txt")
    assert info.value.stage == "read" and "permission denied" in info.value.message


def test_permission_error_is_a_read_error_and_transient_errors_propagate(tmp_path, monkeypatch):
    import errno

    import pipeline.reading.reader as reader

    (tmp_path / "a.txt").write_text(TEXT)

    def failing_open(errno_code):
        def fake_open(*args, **kwargs):
            raise OSError(errno_code, os.strerror(errno_code))

        return fake_open

    monkeypatch.setattr(reader, "open", failing_open(errno.EACCES), raising=False)
    with pytest.raises(IngestError) as info:
        read_document(tmp_path, "a.txt")
    assert (info.value.stage, info.value.message) == ("read", "cannot read file: permission denied")
    # an I/O error may go away on retry: it is not turned into a quarantine
    monkeypatch.setattr(reader, "open", failing_open(errno.EIO), raising=False)
    with pytest.raises(OSError) as io_info:
        read_document(tmp_path, "a.txt")
    assert not isinstance(io_info.value, IngestError) and io_info.value.errno == errno.EIO


def test_missing_file_and_folder_are_read_errors(tmp_path):
    (tmp_path / "dir.txt").mkdir()
    for rel in ["gone.txt", "dir.txt", "../outside.txt"]:
        with pytest.raises(IngestError) as info:
            read_document(tmp_path, rel)
        assert info.value.stage == "read"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seeds_read_as_utf8_exactly_as_gold_offsets_expect(seed):
    doc = read_document(seed.parent, seed.name)
    with open(seed, encoding="utf-8", newline="") as f:
        assert doc.raw_text == f.read()
    assert doc.encoding == "utf-8"


def test_gb18030_truncated_mid_character_is_refused():
    data = ("关于推动制造业高质量发展的意见，汶上县人民政府。" * 10).encode("gb18030")
    err = _decode_error(data + "中".encode("gb18030")[:1])
    assert (err.stage, err.message) == (
        "decode",
        f"invalid GB18030 at byte {len(data)}: file ends in the middle of a character (truncated?)",
    )


def test_web_page_saved_as_txt_with_bom_is_read_as_html():
    raw, encoding, media_type = decode_bytes(codecs.BOM_UTF8 + "<html><body><p>正文</p></body></html>".encode(), ".txt")
    assert (raw, encoding, media_type) == ("正文", "utf-8-sig", "text/html")


def test_a_broken_symbolic_link_says_where_it_points(tmp_path):
    """A crawl folder's link to a file that was moved: the quarantine row says which link and where to."""
    (tmp_path / "moved.txt").symlink_to(tmp_path / "gone" / "original.txt")
    with pytest.raises(IngestError) as info:
        read_document(tmp_path, "moved.txt")
    assert info.value.stage == "read"
    assert str(info.value).endswith(f"broken symbolic link to {tmp_path / 'gone' / 'original.txt'} (no such file)")
