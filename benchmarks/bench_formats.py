"""PDF and DOCX throughput beside text: the same documents as .txt, .pdf and .docx.

    python benchmarks/bench_formats.py                # 5 bundled documents x 4 copies per format
    python benchmarks/bench_formats.py --copies 20 --json formats.json

``make bench`` runs it after ``bench.py`` (``--copies 6``).  Each bundled document is
made into a PDF (reportlab, STSong-Light, GB/T 9704-like: running header, ``— N —``
page numbers; and headless Chromium with an embedded CJK font when installed), a .docx
(python-docx) and, when LibreOffice is installed, a .doc (LibreOffice from the .docx;
one copy each; converted as a ``polex run`` batch converts them: one LibreOffice run
for all, its time counted in ``read``).  Each copy gets its own trailing line,
so nothing is cached.  Reported per format, one process, one core:

- ``read``: bytes → ``raw_text`` (``pipeline.reading.reader.decode``, the dispatch
  ``polex run`` uses: the text decoder, ``read_pdf``, ``read_docx``, LibreOffice);
- ``core``: read + normalise (the paged step order for PDFs) + sections, metadata, every
  extractor (``process_document``), the README's core path without Parquet;
- characters are the .txt's characters, so the rates compare like with like;
- peak RSS of a fresh process per format (``resource``), and the slowest file.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "formats"))

import make_formats as mf  # noqa: E402

HEADER = "山东省人民政府公报"
FORMATS = ["txt", "pdf-reportlab", "pdf-chromium", "docx", "doc"]


def build(work: Path, copies: int) -> list[dict]:
    files = []
    for src in sorted((ROOT / "corpus").glob("*.txt")):
        base = src.read_text(encoding="utf-8")
        for k in range(copies):
            text = base + f"\n（样本副本第{k}号）\n"
            lines = mf.lines_of(text)
            stem = work / f"{src.stem}-{k}"
            stem.with_suffix(".txt").write_text(text, encoding="utf-8")
            files.append({"format": "txt", "path": str(stem.with_suffix(".txt")), "chars": len(text)})
            data, _ = mf.reportlab_pdf(lines, stem.with_suffix(".rl.pdf"), header=HEADER)
            files.append({"format": "pdf-reportlab", "path": str(stem.with_suffix(".rl.pdf")), "chars": len(text)})
            if mf.CHROMIUM and k < max(1, copies // 2):  # Chromium is slow to run; fewer copies
                mf.chromium_pdf(lines, stem.with_suffix(".chr.pdf"), header=HEADER)
                files.append({"format": "pdf-chromium", "path": str(stem.with_suffix(".chr.pdf")), "chars": len(text)})
            mf.docx_file(lines, stem.with_suffix(".docx"))
            files.append({"format": "docx", "path": str(stem.with_suffix(".docx")), "chars": len(text)})
            if mf.SOFFICE and k == 0:  # LibreOffice starts for every .doc (3 s): one copy
                mf.libreoffice_convert(stem.with_suffix(".docx"), "doc", work)
                files.append({"format": "doc", "path": str(stem.with_suffix(".doc")), "chars": len(text)})
    return files


def run_format(fmt: str, files_json: str) -> dict:
    """In a fresh process: read (``decode``, the reader dispatch ``polex run`` uses) and
    process every file of one format."""
    from pipeline.core.document import RawDocument
    from pipeline.process import process_document
    from pipeline.reading.formats import convert_ahead
    from pipeline.reading.reader import DEFAULT_MAX_BYTES, decode

    files = [f for f in json.loads(Path(files_json).read_text()) if f["format"] == fmt]
    blobs = [Path(f["path"]).read_bytes() for f in files]
    suffix = Path(files[0]["path"]).suffix
    converted: dict[str, bytes] = {}

    def document(k: int, data: bytes) -> RawDocument:
        decoded = decode(data, suffix, converted=converted)
        return RawDocument(
            f"d{k}", f"d{k}", "0", decoded.text, decoded.encoding, decoded.media_type, decoded.page_starts
        )

    process_document(document(0, blobs[0]))  # warm up imports and caches
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    if fmt == "doc":  # as a polex run batch does: one LibreOffice run for all its .doc files
        converted.update(convert_ahead([(data, suffix) for data in blobs], DEFAULT_MAX_BYTES))
    read_s = core_s = time.perf_counter() - started
    slowest = 0.0
    for k, data in enumerate(blobs):
        started = time.perf_counter()
        doc = document(k, data)
        mid = time.perf_counter()
        process_document(doc)
        done = time.perf_counter()
        read_s += mid - started
        core_s += done - started
        slowest = max(slowest, done - started)
    chars = sum(f["chars"] for f in files)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "format": fmt,
        "docs": len(files),
        "chars": chars,
        "bytes": sum(map(len, blobs)),
        "read_chars_per_s": chars / read_s,
        "core_chars_per_s": chars / core_s,
        "docs_per_s": len(files) / core_s,
        "slowest_s": slowest,
        "peak_rss_mb": peak / 1024,
        "rss_growth_mb": (peak - base) / 1024,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=4)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--worker", nargs=2, metavar=("FORMAT", "FILES"))
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(run_format(*args.worker)))
        return 0
    work = Path(tempfile.mkdtemp(prefix="polex-bench-formats-"))
    started = time.perf_counter()
    files = build(work, args.copies)
    print(f"built {len(files)} files in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    files_json = work / "files.json"
    files_json.write_text(json.dumps(files))
    results = []
    for fmt in FORMATS:
        if not any(f["format"] == fmt for f in files):
            continue
        proc = subprocess.run(
            [sys.executable, __file__, "--worker", fmt, str(files_json)], capture_output=True, text=True
        )
        if proc.returncode:
            print(proc.stderr[-3000:], file=sys.stderr)
            return 1
        results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    print(
        "| format | docs | chars | file MB | read (bytes → raw_text) | core path (read + normalise + extract) | docs/s | slowest file | peak RSS |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for r in results:
        print(
            f"| {r['format']} | {r['docs']} | {r['chars'] / 1e6:.2f} M | {r['bytes'] / 2**20:.1f} |"
            f" {r['read_chars_per_s'] / 1e6:.2f} M chars/s | {r['core_chars_per_s'] / 1e6:.2f} M chars/s |"
            f" {r['docs_per_s']:.0f} | {r['slowest_s'] * 1000:.0f} ms | {r['peak_rss_mb']:.0f} MB |"
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
