""".docx (and .doc/.wps through LibreOffice) on real files made here with python-docx,
hand-written WordprocessingML parts (numbering, text boxes, tracked changes, merged
cells) and LibreOffice; bad files: renamed .doc, truncated, corrupt, DTD, zip bomb."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "formats"))

import make_formats as mf  # noqa: E402

from pipeline.errors import IngestError  # noqa: E402
from pipeline.reading.docx_text import DocxLimits, read_docx  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
DOCS = sorted(CORPUS.glob("*.txt"))
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
needs_libreoffice = pytest.mark.skipif(mf.SOFFICE is None, reason="needs LibreOffice (libreoffice-writer-nogui)")


def _reason(data: bytes, limits: DocxLimits | None = None) -> str:
    with pytest.raises(IngestError) as info:
        read_docx(data, limits)
    assert info.value.stage == "decode"
    return info.value.message


def _with_body(body_xml: str, numbering_xml: str | None = None) -> bytes:
    """A python-docx document whose body is replaced by ``body_xml`` (and numbering.xml)."""
    buf = io.BytesIO()
    mf.docx_file(["占位"], buf, page_number=None)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                head, rest = data.split(b"<w:body>", 1)
                data = head + b"<w:body>" + body_xml.encode("utf-8") + b"<w:sectPr/></w:body></w:document>"
            if item.filename == "word/numbering.xml" and numbering_xml is not None:
                data = numbering_xml.encode("utf-8")
            dst.writestr(item, data)
    return out.getvalue()


def _p(text: str, num: tuple[int, int] | None = None) -> str:
    ppr = f'<w:pPr><w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr></w:pPr>' if num else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name[:3])
def test_paragraphs_and_tables_are_lines(doc, tmp_path):
    lines = mf.lines_of(doc.read_text(encoding="utf-8")) + mf.RESPONSIBILITY_TABLE
    path = mf.docx_file(lines, tmp_path / "d.docx", header="页眉不是正文")
    text = read_docx(path.read_bytes())
    assert text == "\n".join(lines)  # header and footer are not body text


def test_runs_tabs_breaks_and_tracked_changes():
    body = (
        '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>'
        "<w:r><w:t>到2025</w:t></w:r><w:r><w:t>年，</w:t></w:r><w:r><w:tab/><w:t>新增</w:t></w:r>"
        '<w:ins w:id="1" w:author="a"><w:r><w:t>100</w:t></w:r></w:ins>'
        '<w:del w:id="2" w:author="a"><w:r><w:delText>50</w:delText></w:r></w:del>'
        "<w:r><w:t>家</w:t><w:br/><w:t>第二行</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>（结果）</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )
    assert read_docx(_with_body(body)) == "到2025年，\t新增100家\n第二行（结果）"


def test_merged_and_nested_cells_keep_rows_on_one_line():
    cell = lambda inner, pr="": f"<w:tc><w:tcPr>{pr}</w:tcPr>{inner}</w:tc>"  # noqa: E731
    span2, merged = '<w:gridSpan w:val="2"/>', "<w:vMerge/>"
    nested = "<w:tbl><w:tr>" + cell(_p("甲")) + cell(_p("乙")) + "</w:tr></w:tbl>" + _p("")
    body = (
        "<w:tbl>"
        f"<w:tr>{cell(_p('序号'))}{cell(_p('任务'))}{cell(_p('单位'))}</w:tr>"
        f"<w:tr>{cell(_p('1'))}{cell(_p('建设') + _p('示范工厂'))}{cell(_p('市科技局'))}</w:tr>"
        f"<w:tr>{cell(_p('合计'), span2)}{cell(_p('各区'))}</w:tr>"
        f"<w:tr>{cell(_p('2'))}{cell(nested)}{cell(_p(''), merged)}</w:tr>"
        "</w:tbl>" + _p("表后段落。")
    )
    assert read_docx(_with_body(body)).split("\n") == [
        "序号\t任务\t单位",
        "1\t建设 示范工厂\t市科技局",
        "合计\t\t各区",
        "2\t甲 乙\t",
        "表后段落。",
    ]


def test_text_box_follows_its_paragraph_once():
    box = "<w:txbxContent>" + _p("文本框中的文字") + "</w:txbxContent>"
    body = (
        "<w:p><w:r><w:t>锚定段落</w:t></w:r><w:r>"
        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        f'<mc:Choice Requires="wps"><w:drawing><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx>{box}</wps:txbx></wps:wsp></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>'
        "</mc:AlternateContent></w:r></w:p>" + _p("下一段。")
    )
    assert read_docx(_with_body(body)).split("\n") == ["锚定段落", "文本框中的文字", "下一段。"]


NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W_NS}">
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="nothing"/><w:lvlText w:val="%3."/></w:lvl>
 <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%4"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""


def _numbered_body() -> str:
    items = [("总体要求", 0), ("指导思想。", 1), ("基本原则。", 1), ("重点任务", 0)] + [
        (f"任务{k}。", 2) for k in range(1, 12)
    ]
    items += [("子项。", 3), ("子项。", 3), ("保障措施", 0), ("加强组织领导。", 1)]
    return "".join(_p(text, (1, level)) for text, level in items)


EXPECTED_NUMBERED = (
    ["一、总体要求", "（一）指导思想。", "（二）基本原则。", "二、重点任务"]
    + [f"{k}.任务{k}。" for k in range(1, 12)]
    + ["① 子项。", "② 子项。", "三、保障措施", "（一）加强组织领导。"]
)


def test_automatic_numbering_is_written_as_word_shows_it():
    assert read_docx(_with_body(_numbered_body(), NUMBERING)).split("\n") == EXPECTED_NUMBERED


@needs_libreoffice
def test_automatic_numbering_matches_libreoffice(tmp_path):
    path = tmp_path / "n.docx"
    path.write_bytes(_with_body(_numbered_body(), NUMBERING))
    txt = mf.libreoffice_convert(path, "txt:Text (encoded):UTF8", tmp_path)
    rendered = [
        line.replace("\t", " ").strip() for line in txt.read_text(encoding="utf-8-sig").splitlines() if line.strip()
    ]
    assert [line.replace(" ", "") for line in rendered] == [line.replace(" ", "") for line in EXPECTED_NUMBERED]


# ----------------------------------------------------------------------------- bad files
@pytest.fixture(scope="module")
def good_docx(tmp_path_factory) -> bytes:
    path = tmp_path_factory.mktemp("docx") / "g.docx"
    return mf.docx_file(mf.lines_of(DOCS[2].read_text(encoding="utf-8")), path).read_bytes()


def test_not_a_docx(good_docx):
    assert _reason(b"plain text") == "not a .docx: not a ZIP file"
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024)
    assert _reason(ole) == "not a .docx: an old Word 97-2003 (.doc) file named .docx; rename it to .doc"
    encrypted = ole + "EncryptedPackage".encode("utf-16-le")
    assert _reason(encrypted) == ".docx is encrypted with a password: ask the publisher for an open copy"


@pytest.mark.parametrize("keep", [0.3, 0.9, 0.999])
def test_truncated_docx(good_docx, keep):
    assert (
        _reason(good_docx[: int(len(good_docx) * keep)])
        == ".docx is truncated or corrupt: its ZIP directory is missing or damaged"
    )


def test_corrupt_parts(good_docx):
    def rewrite(name, data):
        src = zipfile.ZipFile(io.BytesIO(good_docx))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as dst:
            for item in src.infolist():
                if item.filename == name:
                    if data is not None:
                        dst.writestr(name, data)
                else:
                    dst.writestr(item, src.read(item.filename))
        return out.getvalue()

    assert _reason(rewrite("word/document.xml", None)).startswith(".docx has no main document")
    assert _reason(rewrite("word/document.xml", b"<w:document><w:body><w:p>")).startswith(
        ".docx is corrupt: word/document.xml is not well-formed XML"
    )
    laughs = b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><d>&b;</d>'
    assert (
        _reason(rewrite("word/document.xml", laughs))
        == ".docx word/document.xml declares a DTD (entities): not written by Word; refused"
    )
    empty = f'<w:document xmlns:w="{W_NS}"><w:body><w:p/></w:body></w:document>'.encode()
    assert _reason(rewrite("word/document.xml", empty)) == ".docx has no text in its body"


def test_zip_bomb_is_refused_in_bounded_time_and_memory(good_docx):
    """512 MiB of blanks inside document.xml, about 0.5 MB zipped (at 4 GiB python-docx takes
    90 s and 8.2 GB, docs/formats.md): refused at the ratio limit (200 x the member's
    compressed size), from the header or, if the header lies, after inflating that much."""
    import resource
    import time

    bomb = mf.zip_bomb_docx(good_docx, 512 * 1024**2)
    assert len(bomb) < 2 * 1024**2
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    reason = _reason(bomb)
    elapsed = time.perf_counter() - started
    assert reason.startswith(".docx member word/document.xml inflates past") and "a zip bomb" in reason
    assert elapsed < 10
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before < 64 * 1024  # KB


def test_limits(good_docx):
    assert "characters; not read" in _reason(good_docx, DocxLimits(max_chars=100))
    assert "over the 0 MB limit" in _reason(good_docx, DocxLimits(max_bytes=1000))


# ----------------------------------------------------------------------------- .doc / .wps
@needs_libreoffice
@pytest.mark.parametrize("suffix", [".doc", ".wps"])
def test_doc_and_wps_through_libreoffice(suffix, tmp_path):
    from pipeline.reading.office_convert import convert_to_docx

    lines = mf.lines_of(DOCS[4].read_text(encoding="utf-8")) + mf.RESPONSIBILITY_TABLE
    doc = mf.libreoffice_convert(mf.docx_file(lines, tmp_path / "d.docx"), "doc", tmp_path)
    # Kingsoft WPS Writer saves .wps in the Word 97 binary format: LibreOffice detects it by content
    text = read_docx(convert_to_docx(doc.read_bytes(), suffix))
    assert text.rstrip("\n") == "\n".join(lines)  # (Word ends a document with a paragraph after a table)


@needs_libreoffice
def test_doc_conversion_failures(monkeypatch):
    from pipeline.reading.office_convert import ConvertLimits, convert_to_docx

    with pytest.raises(IngestError) as info:
        convert_to_docx(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096), ".doc")
    assert info.value.message.startswith("LibreOffice could not convert the .doc file")
    with pytest.raises(IngestError) as info:
        convert_to_docx(b"x" * 100, ".doc", ConvertLimits(timeout_s=0.01))
    assert info.value.message == "LibreOffice took over 0 s to convert the .doc file; not read"
    monkeypatch.setenv("POLEX_SOFFICE", "/nonexistent/soffice")
    with pytest.raises(IngestError) as info:
        convert_to_docx(b"x", ".wps")
    assert info.value.message == (
        "unsupported file type .wps: reading it needs LibreOffice, which is not installed "
        "(apt-get install libreoffice-writer-nogui)"
    )


def test_missing_converter_is_a_clean_reason(monkeypatch):
    from pipeline.reading import office_convert

    monkeypatch.setattr(office_convert.shutil, "which", lambda name: None)
    monkeypatch.delenv("POLEX_SOFFICE", raising=False)
    with pytest.raises(IngestError) as info:
        office_convert.convert_to_docx(b"x", ".doc")
    assert info.value.message.startswith("unsupported file type .doc: reading it needs LibreOffice")
