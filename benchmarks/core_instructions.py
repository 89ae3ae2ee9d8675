"""The core path over N bench documents, for an instruction count that a loaded machine leaves alone.

    valgrind --tool=callgrind --callgrind-out-file=/dev/null python benchmarks/core_instructions.py 0
    valgrind --tool=callgrind --callgrind-out-file=/dev/null python benchmarks/core_instructions.py 100

Each run builds ``bench.py``'s corpus (the bundled documents, each copy made distinct),
processes 5 warm-up documents (imports, caches, the first ruby page) and then N more as
``bench.py``'s core path does (decode -> ``process_document`` -> Arrow -> Parquet).  The
difference of the two runs' ``Collected`` counts is N documents' work: CPU seconds on a
shared machine move by 10-15% from run to run, instruction counts by well under 1%.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pyarrow as pa  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402
from bench import build_corpus  # noqa: E402  (benchmarks/bench.py, beside this file)

from pipeline.core.document import RawDocument  # noqa: E402
from pipeline.process import all_schemas, process_document  # noqa: E402
from pipeline.reading.reader import decode, discover  # noqa: E402
from pipeline.storage.publish import PARQUET_COMPRESSION, rows_per_batch  # noqa: E402

WARM_UP = 5  # one of each bundled document


def main(n_docs: int) -> None:
    work = Path(tempfile.mkdtemp(prefix="polex-instructions-"))
    try:
        corpus = work / "corpus"
        build_corpus(corpus, WARM_UP + n_docs)
        schemas = all_schemas()
        writers = {
            name: pq.ParquetWriter(work / f"{name}.parquet", schema, compression=PARQUET_COMPRESSION)
            for name, schema in schemas.items()
            if name != "quarantine"
        }
        batch: dict[str, list] = {name: [] for name in writers}
        for rel in discover(corpus):
            decoded = decode((corpus / rel).read_bytes(), Path(rel).suffix.lower())
            doc = RawDocument(rel, rel, "-", decoded.text, decoded.encoding, decoded.media_type, decoded.page_starts)
            for name, rows in process_document(doc).items():
                batch[name].extend(rows)
        for name, rows in batch.items():
            if rows:
                writers[name].write_table(
                    pa.Table.from_pylist(rows, schema=schemas[name]), row_group_size=rows_per_batch(schemas[name])
                )
        for writer in writers.values():
            writer.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
