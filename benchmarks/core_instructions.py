"""The core path over N bench documents, for an instruction count that a loaded machine leaves alone.

    valgrind --tool=callgrind --callgrind-out-file=/dev/null python benchmarks/core_instructions.py 0
    valgrind --tool=callgrind --callgrind-out-file=/dev/null python benchmarks/core_instructions.py 100

Each run builds ``bench.py``'s corpus (the bundled documents, each copy made distinct, or the
documents of ``--seeds``), processes 5 warm-up documents (imports, caches, the first ruby page)
and then N more as ``bench.py``'s core path does (decode -> ``process_document`` -> Arrow ->
Parquet).  The difference of the two runs' ``Collected`` counts is N documents' work: CPU
seconds on a shared machine move by 10-15% from run to run, instruction counts by well under 1%.

The N documents run inside one ``functools.reduce`` call, so one run counts them alone:

    PYTHONHASHSEED=0 valgrind --tool=callgrind --collect-atstart=no --toggle-collect=functools_reduce \\
        --callgrind-out-file=/dev/null python benchmarks/core_instructions.py 30
    PYTHONHASHSEED=0 valgrind ... python benchmarks/core_instructions.py 60 --seeds ../shared/corpus-real/docs
"""

from __future__ import annotations

import argparse
import functools
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


class _Core:
    """bench.py's core path: decode, process_document, rows batched, Parquet written as polex run writes."""

    def __init__(self, corpus: Path, out: Path):
        self.corpus = corpus
        self.schemas = all_schemas()
        self.writers = {
            name: pq.ParquetWriter(out / f"{name}.parquet", schema, compression=PARQUET_COMPRESSION)
            for name, schema in self.schemas.items()
            if name != "quarantine"
        }

    def run(self, paths: list[str]) -> None:
        batch: dict[str, list] = {name: [] for name in self.writers}
        for rel in paths:
            decoded = decode((self.corpus / rel).read_bytes(), Path(rel).suffix.lower())
            doc = RawDocument(rel, rel, "-", decoded.text, decoded.encoding, decoded.media_type, decoded.page_starts)
            for name, rows in process_document(doc).items():
                batch[name].extend(rows)
        for name, rows in batch.items():
            if rows:
                schema = self.schemas[name]
                self.writers[name].write_table(
                    pa.Table.from_pylist(rows, schema=schema), row_group_size=rows_per_batch(schema)
                )

    def close(self) -> None:
        for writer in self.writers.values():
            writer.close()


def main(n_docs: int, seeds: Path) -> None:
    work = Path(tempfile.mkdtemp(prefix="polex-instructions-"))
    try:
        corpus = work / "corpus"
        build_corpus(corpus, WARM_UP + n_docs, seeds)
        core = _Core(corpus, work)
        paths = discover(corpus)
        core.run(paths[:WARM_UP])
        # the measured documents inside one C call: --toggle-collect=functools_reduce counts them alone
        functools.reduce(lambda _, measured: core.run(measured), [paths[WARM_UP:]], None)
        core.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n_docs", nargs="?", type=int, default=100)
    parser.add_argument(
        "--seeds", type=Path, default=ROOT / "corpus", help="documents to copy (bench.py's --core-seeds)"
    )
    args = parser.parse_args()
    main(args.n_docs, args.seeds)
