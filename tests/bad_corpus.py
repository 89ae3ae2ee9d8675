"""A corpus of awkward inputs, as government sites and colleagues' disks produce them.

``make_bad_corpus(dir)`` writes the files and returns ``{relative_path:
expected outcome}``, the outcome being ``"ok"`` or ``"quarantine:<stage>"``.
Variants of seed 003 in other encodings live under ``encodings/`` so tests can
compare them with the clean original (``SEED``).
"""

from __future__ import annotations

import codecs
from pathlib import Path

SEED = Path(__file__).resolve().parents[1] / "corpus" / "003_2453b0e7a4343327.txt"
BIG_FILE_BYTES = 50 * 1024 * 1024
DEEP_NESTING = 10_000
MANY_HEADINGS = 10_010

# Outcomes
OK = "ok"
READ = "quarantine:read"
DECODE = "quarantine:decode"
NORMALIZE = "quarantine:normalize"  # nothing left after normalisation


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def encoded_variants(text: str) -> dict[str, bytes]:
    """The seed as each encoding a Chinese government site uses (path -> bytes)."""
    lf = text.replace("\r\n", "\n")
    return {
        "encodings/003_utf8.txt": lf.encode("utf-8"),
        "encodings/003_utf8_bom.txt": codecs.BOM_UTF8 + lf.encode("utf-8"),
        "encodings/003_gb18030.txt": lf.encode("gb18030"),
        "encodings/003_utf16le_bom.txt": codecs.BOM_UTF16_LE + lf.encode("utf-16-le"),
        "encodings/003_utf16be_bom.txt": codecs.BOM_UTF16_BE + lf.encode("utf-16-be"),
        "encodings/003_crlf.txt": lf.replace("\n", "\r\n").encode("utf-8"),
        "encodings/003_gb18030_crlf.txt": lf.replace("\n", "\r\n").encode("gb18030"),
    }


def _png_bytes() -> bytes:
    # A real 1x1 PNG: signature, IHDR, IDAT, IEND (enough to look like what it is).
    return bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d3a1a40000000049454e44ae426082"
    )


def _truncated_utf8(text: str) -> bytes:
    data = text.encode("utf-8")
    cut = len(data) // 2
    while data[cut] < 0xC0:  # move to the lead byte of a multi-byte character
        cut += 1
    return data[: cut + 1]  # keep the lead byte only: the file ends mid-character


def _deep_html() -> str:
    # 10,000 nested divs around a sentence whose numbers are split by inline spans.
    sentence = "到<span>2025</span>年<span>1</span>月，规模以上企业达到<b>800</b>家。"
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>深层嵌套</title></head><body>'
        + "<div>" * DEEP_NESTING
        + sentence
        + "</div>" * DEEP_NESTING
        + "</body></html>"
    )


def _invisible_html() -> str:
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>只有标题</title>'
        "<style>body{color:red}</style><script>var x = '<p>不可见</p>';</script></head>"
        '<body>\n  <!-- 注释 -->\n  <div style="display:none">隐藏内容</div>\n  <p>&nbsp;</p>\n'
        '  <noscript>请启用JavaScript</noscript><img src="x.png"></body></html>'
    )


def _boilerplate_only() -> str:
    # Only web chrome, no metadata value (no date, no source): what a scraper saves
    # when the article body failed to load.
    return "\n".join(
        [
            "当前位置：首页 > 政务公开 > 政策文件",
            "浏览次数： 字体：【 大 中 小 】",
            "【打印】 【关闭】",
            "分享到：",
            "扫一扫在手机打开当前页",
            "",
        ]
    )


_CN_DIGITS = "一二三四五六七八九十"


def _many_headings() -> str:
    # GB/T 9704 levels: 10 "一、" sections, each with 10 "（一）" subsections holding 99 "n." items:
    # 10 + 100 + 9,900 = 10,010 headings.
    lines = ["某某市人民政府关于加快推进制造业发展的若干措施"]
    for i in range(10):
        lines.append(f"{_CN_DIGITS[i]}、第{i + 1}方面重点任务")
        for j in range(10):
            lines.append(f"（{_CN_DIGITS[j]}）推进第{i + 1}-{j + 1}组工作")
            for n in range(1, 100):
                lines.append(f"{n}.落实第{n}项任务。到2025年，规模以上企业达到{n}家。")
    return "\n".join(lines) + "\n"


def make_bad_corpus(dir: Path, *, big: bool = False) -> dict[str, str]:
    """Write the bad-input corpus under ``dir``; return {relative path: expected outcome}."""
    dir = Path(dir)
    text = seed_text()
    files: dict[str, tuple[bytes, str]] = {}
    for rel, data in encoded_variants(text).items():
        files[rel] = (data, OK)
    files["empty.txt"] = (b"", DECODE)
    files["whitespace_only.txt"] = (b" \r\n\t\n  \n", DECODE)
    files["image_named_txt.txt"] = (_png_bytes(), DECODE)
    files["truncated_utf8.txt"] = (_truncated_utf8(text), DECODE)
    files["html/invisible.html"] = (_invisible_html().encode("utf-8"), DECODE)
    files["html/deep_nesting.html"] = (_deep_html().encode("utf-8"), OK)
    files["boilerplate_only.txt"] = (_boilerplate_only().encode("utf-8"), NORMALIZE)
    files["many_headings.txt"] = (_many_headings().encode("utf-8"), OK)
    for rel, (data, _) in files.items():
        path = dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    outcomes = {rel: outcome for rel, (_, outcome) in files.items()}
    if big:
        outcomes["big/fifty_mb.txt"] = _write_big(dir / "big" / "fifty_mb.txt")
    return outcomes


def _write_big(path: Path) -> str:
    # Written in chunks so the generator itself stays small in memory.
    path.parent.mkdir(parents=True, exist_ok=True)
    line = "（一）加快发展先进制造业集群，到2025年，规模以上企业达到800家。\n".encode("utf-8")
    chunk = line * (1024 * 1024 // len(line) + 1)
    written = 0
    with open(path, "wb") as f:
        while written < BIG_FILE_BYTES:
            piece = chunk[: BIG_FILE_BYTES - written]
            f.write(piece)
            written += len(piece)
    return READ
