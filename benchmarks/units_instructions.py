"""The responsible-units extractor alone, for an instruction count a loaded machine leaves alone.

    valgrind --tool=callgrind --callgrind-out-file=/dev/null python benchmarks/units_instructions.py 0
    valgrind --tool=callgrind --callgrind-out-file=/dev/null python benchmarks/units_instructions.py 1
    (add a folder, e.g. ../shared/corpus-real/docs, to read its first 60 files instead of 50 bench documents)

Each run structures the documents (decode, normalise, sections, metadata), extracts
responsible units from 5 of them to warm up, then makes N passes of the extractor over
all of them; the difference of the N=1 and N=0 runs' ``Collected`` counts is one pass.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import build_corpus  # noqa: E402  (benchmarks/bench.py, beside this file)

from extractors.responsible_units import EXTRACTOR  # noqa: E402
from pipeline.core.document import RawDocument  # noqa: E402
from pipeline.process import structure  # noqa: E402
from pipeline.reading.reader import decode  # noqa: E402

BENCH_DOCS = 50
FOLDER_DOCS = 60


def main(passes: int, folder: Path | None) -> None:
    work = Path(tempfile.mkdtemp(prefix="polex-units-"))
    try:
        if folder is None:
            build_corpus(work, BENCH_DOCS)
            folder, limit = work, BENCH_DOCS
        else:
            limit = FOLDER_DOCS
        paths = sorted(p for p in folder.rglob("*") if p.is_file())[:limit]
        contexts = []
        for path in paths:
            decoded = decode(path.read_bytes(), path.suffix.lower())
            doc = RawDocument(
                path.name, path.name, "-", decoded.text, decoded.encoding, decoded.media_type, decoded.page_starts
            )
            contexts.append(structure(doc))
        for ctx in contexts[:5]:  # first use: compiled patterns, the lexicon trie
            EXTRACTOR.extract(ctx)
        for _ in range(passes):
            for ctx in contexts:
                EXTRACTOR.extract(ctx)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1, Path(sys.argv[2]) if len(sys.argv) > 2 else None)
