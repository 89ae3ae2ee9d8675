"""Which PDF / Word text library should polex use?  Text quality and speed, measured.

Builds PDFs from real Chinese policy text (the bundled corpus, plus any ``--extra``
.txt files) with three real producers (headless Chromium, reportlab with the
non-embedded STSong-Light font, LibreOffice from a .docx) in several layouts
(GB/T 9704 page numbers and running header; two columns; a title box drawn out of
reading order; lines drawn in shuffled order; Kangxi radicals in the text layer),
then extracts each with every candidate and compares with the source text:

- ``F1``     character F1 (multisets of characters after NFKC, whitespace removed);
- ``order``  longest common subsequence with the source / source characters;
- ``pages``  reportlab PDFs only (each page's text is known): share of pages whose
             text (NFKC, no whitespace) contains the page's source text in order (>= 99%);
- ``kangxi`` Kangxi radicals / CJK compatibility ideographs left in the output of the
             radical variant (the source text has 0 after mapping; lower is better);
- ``spaces`` spurious blanks between two Han characters per 1,000 characters;
- speed (chars/s over all files, open included) and peak RSS of a fresh process.

Run: ``.venv/bin/python benchmarks/measure_readers.py [--extra a.txt b.txt ...]``
(needs the candidates: ``pip install pypdf pdfminer.six pdfplumber pymupdf pypdfium2
python-docx reportlab rapidfuzz``, plus chromium and LibreOffice for those producers).
"""

from __future__ import annotations

import argparse
import io
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "formats"))
sys.path.insert(0, str(ROOT))

import make_formats as mf  # noqa: E402

_WS = re.compile(r"\s+")
_HAN_GAP = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])")
_ODD = re.compile(r"[\u2e80-\u2fdf\uf900-\ufaff]")


def flat(text: str) -> str:
    return _WS.sub("", unicodedata.normalize("NFKC", text))


# ----------------------------------------------------------------------------- candidates
def ex_pypdf(path):
    import pypdf

    return [p.extract_text() or "" for p in pypdf.PdfReader(path).pages]


def ex_pdfminer(path):
    from pdfminer.high_level import extract_text

    text = extract_text(path)
    return text.split("\f")[: max(1, text.count("\f"))]


def ex_pdfplumber(path):
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [p.extract_text() or "" for p in pdf.pages]


def ex_pymupdf(path):
    import pymupdf

    with pymupdf.open(path) as doc:
        return [p.get_text() for p in doc]


def ex_pymupdf_sort(path):
    import pymupdf

    with pymupdf.open(path) as doc:
        return [p.get_text(sort=True) for p in doc]


def ex_pdfium(path):
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(path)
    try:
        out = []
        for page in doc:
            tp = page.get_textpage()
            out.append(tp.get_text_bounded())
            tp.close()
            page.close()
        return out
    finally:
        doc.close()


def ex_polex(path):
    from pipeline.reading.pdf_text import read_pdf

    result = read_pdf(Path(path).read_bytes())
    return result.text.split("\f")


CANDIDATES = {
    "pypdf": ex_pypdf,
    "pdfminer.six": ex_pdfminer,
    "pdfplumber": ex_pdfplumber,
    "pymupdf": ex_pymupdf,
    "pymupdf sort": ex_pymupdf_sort,
    "pypdfium2": ex_pdfium,
    "polex (pdfium+layout)": ex_polex,
}


# ----------------------------------------------------------------------------- corpus
def build(work: Path, sources: list[Path]) -> list[dict]:
    """Every test PDF: path, expected text, per-page truth (reportlab), variant."""
    cases = []
    for src in sources:
        text = src.read_text(encoding="utf-8")
        lines = mf.lines_of(text)
        stem = src.stem[:24]
        expected = "\n".join(lines)
        header = "人民政府公报　2023年第7期"
        variants = []
        if mf.CHROMIUM:
            variants += [
                ("chromium", lambda p: mf.chromium_pdf(lines, p, header=header), expected),
                ("chromium 2col", lambda p: mf.chromium_pdf(lines, p, header=header, columns=2), expected),
                ("chromium titlebox", lambda p: mf.chromium_pdf(lines, p, header=header, title_box=True), expected),
                (
                    "chromium kangxi",
                    lambda p: mf.chromium_pdf(mf.lines_of(mf.with_kangxi(text)), p, header=header),
                    expected,
                ),
            ]
        for name, kw in [
            ("reportlab", {}),
            ("reportlab shuffled", {"shuffled": True}),
            ("reportlab 2col", {"two_columns": True}),
        ]:
            path = work / f"{stem}-{name.replace(' ', '_')}.pdf"
            _, truth = mf.reportlab_pdf(lines, path, header=header, **kw)
            cases.append({"path": str(path), "expected": expected, "variant": name, "truth": truth, "src": src.name})
        if mf.SOFFICE:
            docx = mf.docx_file(lines, work / f"{stem}.docx", header=header)
            variants.append(("libreoffice", lambda p, d=docx: mf.libreoffice_convert(d, "pdf", work), expected))
        for name, make, exp in variants:
            path = work / f"{stem}-{name.replace(' ', '_')}.pdf"
            produced = make(path)
            if Path(produced) != path:
                Path(produced).rename(path)
            cases.append({"path": str(path), "expected": exp, "variant": name, "truth": None, "src": src.name})
    return cases


def order_ratio(expected: str, got: str) -> float:
    """Characters of the source found in order in the extraction: the longest common
    subsequence (rapidfuzz's bit-parallel LCS) over the source's length.  Text read
    out of order (a title box at the end, two columns read across) loses characters;
    furniture inserted between them costs nothing."""
    from rapidfuzz.distance import LCSseq

    a, b = flat(expected), flat(got)
    return LCSseq.similarity(a, b) / len(a) if a else 1.0


def char_f1(expected: str, got: str) -> float:
    from collections import Counter

    a, b = Counter(flat(expected)), Counter(flat(got))
    common = sum((a & b).values())
    if not common:
        return 0.0
    p, r = common / sum(b.values()), common / sum(a.values())
    return 2 * p * r / (p + r)


def score(cases: list[dict], pages_by_case: list[list[str]]) -> dict:
    f1s, orders, page_ok, page_n, kangxi, spaces, chars = [], [], 0, 0, [], 0, 0
    for case, pages in zip(cases, pages_by_case):
        got = "\n".join(pages)
        chars += len(got)
        f1s.append(char_f1(case["expected"], got))
        orders.append(order_ratio(case["expected"], got))
        spaces += len(_HAN_GAP.findall(got))
        if case["variant"] == "chromium kangxi":
            kangxi.append(len(_ODD.findall(got)))
        if case["truth"]:
            for k, truth in enumerate(case["truth"]):
                page_n += 1
                if k < len(pages) and order_ratio(truth, pages[k]) >= 0.99:
                    page_ok += 1
    return {
        "F1": sum(f1s) / len(f1s),
        "order": sum(orders) / len(orders),
        "order_min": min(orders),
        "pages": page_ok / page_n if page_n else None,
        "kangxi": sum(kangxi) if kangxi else None,
        "spaces_per_k": 1000 * spaces / max(chars, 1),
    }


def by_variant(cases, pages_by_case):
    out = {}
    for variant in sorted({c["variant"] for c in cases}):
        idx = [i for i, c in enumerate(cases) if c["variant"] == variant]
        out[variant] = round(
            sum(order_ratio(cases[i]["expected"], "\n".join(pages_by_case[i])) for i in idx) / len(idx), 4
        )
    return out


def run_one(name: str, cases_file: str) -> dict:
    """In a fresh process: extract every case, time it, report peak RSS."""
    cases = json.loads(Path(cases_file).read_text())
    fn = CANDIDATES[name]
    fn(cases[0]["path"])  # warm up imports
    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    pages_by_case = [fn(c["path"]) for c in cases]
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    chars = sum(len(flat(c["expected"])) for c in cases)
    result = score(cases, pages_by_case)
    result.update(
        {
            "chars_per_s": chars / elapsed,
            "peak_rss_mb": peak / 1024,
            "rss_growth_mb": (peak - base_rss) / 1024,
            "variants": by_variant(cases, pages_by_case),
        }
    )
    return result


def docx_python_docx(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    out = []
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            out += ["\t".join(cell.text for cell in row.cells) for row in block.rows]
        else:
            out.append(block.text)
    return "\n".join(out)


def docx_polex(data: bytes) -> str:
    from pipeline.reading.docx_text import read_docx

    return read_docx(data)


def measure_docx(work: Path, sources: list[Path], repeat: int = 5) -> None:
    files = []
    for src in sources:
        lines = mf.lines_of(src.read_text(encoding="utf-8")) + mf.RESPONSIBILITY_TABLE
        path = mf.docx_file(lines, work / f"{src.stem[:24]}.docx")
        files.append((path.read_bytes(), "\n".join(lines)))
    print("| .docx reader | char F1 | in order | exact text | chars/s |")
    print("|---|---|---|---|---|")
    for name, fn in (("python-docx 1.2.0", docx_python_docx), ("polex (zipfile + XMLPullParser)", docx_polex)):
        outs = [fn(data) for data, _ in files]
        started = time.perf_counter()
        for _ in range(repeat):
            for data, _ in files:
                fn(data)
        elapsed = (time.perf_counter() - started) / repeat
        chars = sum(len(e) for _, e in files)
        f1 = sum(char_f1(e, o) for (_, e), o in zip(files, outs)) / len(files)
        order = sum(order_ratio(e, o) for (_, e), o in zip(files, outs)) / len(files)
        exact = sum(o == e for (_, e), o in zip(files, outs))
        print(f"| {name} | {f1:.4f} | {order:.4f} | {exact}/{len(files)} | {chars / elapsed / 1e6:.2f} M |")


def measure_doc(work: Path, sources: list[Path]) -> None:
    """.doc converters: antiword, catdoc, LibreOffice (.doc → .docx → polex's reader)."""
    import shutil

    from pipeline.reading.office_convert import convert_to_docx

    files = []
    for src in sources:
        lines = mf.lines_of(src.read_text(encoding="utf-8")) + mf.RESPONSIBILITY_TABLE
        docx = mf.docx_file(lines, work / f"{src.stem[:24]}.docx")
        files.append((mf.libreoffice_convert(docx, "doc", work), "\n".join(lines)))

    def run(cmd):
        return lambda path: subprocess.run([*cmd, str(path)], capture_output=True, timeout=60).stdout.decode(
            "utf-8", "replace"
        )

    def lo(path):
        from pipeline.reading.docx_text import read_docx

        return read_docx(convert_to_docx(path.read_bytes(), ".doc"))

    tools = {
        "antiword 0.37 (-m UTF-8.txt)": run(["antiword", "-m", "UTF-8.txt", "-w", "0"]),
        "catdoc 0.95 (-d utf-8)": run(["catdoc", "-d", "utf-8", "-w"]),
        "LibreOffice 7.4 → .docx → polex": lo,
    }
    print("| .doc reader | char F1 | in order | table rows as tab lines | s per file |")
    print("|---|---|---|---|---|")
    for name, fn in tools.items():
        if name.split()[0].lower() != "libreoffice" and not shutil.which(name.split()[0]):
            continue
        started = time.perf_counter()
        outs = [fn(path) for path, _ in files]
        elapsed = (time.perf_counter() - started) / len(files)
        f1 = sum(char_f1(e, o) for (_, e), o in zip(files, outs)) / len(files)
        order = sum(order_ratio(e, o) for (_, e), o in zip(files, outs)) / len(files)
        rows = sum(mf.RESPONSIBILITY_TABLE[1] in o for o in outs)
        print(f"| {name} | {f1:.4f} | {order:.4f} | {rows}/{len(files)} | {elapsed:.2f} |")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--extra", nargs="*", default=[], help="more .txt sources")
    parser.add_argument("--only", nargs="*", default=None)
    parser.add_argument("--worker", nargs=2, metavar=("NAME", "CASES"))
    parser.add_argument("--json", type=Path)
    parser.add_argument("--docx", action="store_true", help="measure the .docx readers only")
    parser.add_argument("--doc", action="store_true", help="measure the .doc converters only")
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(run_one(*args.worker)))
        return 0
    sources = sorted((ROOT / "corpus").glob("*.txt")) + [Path(p) for p in args.extra]
    work = Path(tempfile.mkdtemp(prefix="polex-measure-"))
    if args.docx:
        measure_docx(work, sources)
        return 0
    if args.doc:
        measure_doc(work, sources)
        return 0
    started = time.perf_counter()
    cases = build(work, sources)
    print(
        f"{len(cases)} PDFs from {len(sources)} documents built in {time.perf_counter() - started:.0f} s",
        file=sys.stderr,
    )
    cases_file = work / "cases.json"
    cases_file.write_text(json.dumps(cases, ensure_ascii=False))
    results = {}
    for name in args.only or CANDIDATES:
        proc = subprocess.run(
            [sys.executable, __file__, "--worker", name, str(cases_file)], capture_output=True, text=True
        )
        if proc.returncode:
            print(f"{name}: failed\n{proc.stderr[-2000:]}", file=sys.stderr)
            continue
        results[name] = json.loads(proc.stdout.strip().splitlines()[-1])
    print(
        "| library | char F1 | in order (mean / min) | pages right | Kangxi left | Han-gap blanks /1k | chars/s | peak RSS MB |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for name, r in results.items():
        pages = "" if r["pages"] is None else f"{r['pages']:.0%}"
        print(
            f"| {name} | {r['F1']:.4f} | {r['order']:.4f} / {r['order_min']:.3f} | {pages} | {r['kangxi']} |"
            f" {r['spaces_per_k']:.1f} | {r['chars_per_s'] / 1e3:.0f} k | {r['peak_rss_mb']:.0f} |"
        )
    print()
    variants = sorted({v for r in results.values() for v in r["variants"]})
    print("| in order, by layout | " + " | ".join(variants) + " |")
    print("|---|" + "---|" * len(variants))
    for name, r in results.items():
        print(f"| {name} | " + " | ".join(f"{r['variants'].get(v, float('nan')):.3f}" for v in variants) + " |")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
