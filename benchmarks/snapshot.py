"""Behaviour snapshot: a canonical digest of every table the core produces.

    python benchmarks/snapshot.py corpus /work/shared/corpus-real/docs --out snap.json
    python benchmarks/snapshot.py corpus --out new.json --check snap.json   # exit 1 on any difference
    python benchmarks/snapshot.py DIR --steps newlines,ruby,t2s,boilerplate,linebreaks,width,spacing --out old.json
                                                 # another normaliser order, to compare with --check

Runs the real core path (``read_document`` -> ``process_document``) over each
CORPUS folder, as ``polex run`` does per document but without Prefect, and
writes one digest per (corpus, table): the rows checked against the published
Arrow schema, ``ingested_at`` and ``extractor_version`` dropped (they change
with the clock and the code version, not with behaviour), each row as
canonical JSON, sorted, hashed with sha256.  Documents that cannot be ingested
count as ``quarantine`` rows (source path, stage, error).  Two runs agree on a
digest exactly when they produce the same rows, so a refactor that claims "no
behaviour change" proves it by reproducing every digest.

Only digests and document counts are written, never extracted values: the
tool can run on corpora that are being annotated blind.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pyarrow as pa  # noqa: E402

import normalizers.pipeline  # noqa: E402
from pipeline.errors import IngestError  # noqa: E402
from pipeline.process import all_schemas, process_document  # noqa: E402
from pipeline.reading.reader import discover, read_document  # noqa: E402

DROPPED = ("ingested_at", "extractor_version", "quarantined_at")


def _canonical(value: Any) -> Any:
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        return repr(value)  # exact: 0.1 and 0.1000000001 differ
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_canonical(v) for v in value]
    return value


def _table_digest(rows: list[dict[str, Any]], schema: pa.Schema) -> str:
    # Through Arrow with the published schema: the values as a Parquet reader sees them.
    table = pa.Table.from_pylist(rows, schema=schema)
    names = [n for n in schema.names if n not in DROPPED]
    lines = sorted(
        json.dumps(_canonical({n: row[n] for n in names}), ensure_ascii=False, sort_keys=True)
        for row in table.to_pylist()
    )
    digest = hashlib.sha256()
    digest.update(json.dumps(names).encode())  # the columns are part of the behaviour
    for line in lines:
        digest.update(line.encode("utf-8") + b"\n")
    return digest.hexdigest()


def snapshot(corpus: Path) -> dict[str, Any]:
    """``{"documents": n, "tables": {table: sha256}}`` for one corpus folder."""
    schemas = all_schemas()
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in schemas}
    paths = discover(corpus)
    for rel in paths:
        try:
            doc_rows = process_document(read_document(corpus, rel))
        except IngestError as exc:
            rows["quarantine"].append({"source_path": rel, "sha256": None, "error": exc.message, "stage": exc.stage})
            continue
        for table, table_rows in doc_rows.items():
            rows[table].extend(table_rows)
    return {
        "documents": len(paths),
        "tables": {name: _table_digest(rows[name], schema) for name, schema in schemas.items()},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpora", nargs="+", type=Path, metavar="CORPUS")
    parser.add_argument("--out", type=Path, required=True, help="JSON file to write the digests to")
    parser.add_argument("--check", type=Path, help="an earlier --out file: exit 1 when any digest differs")
    parser.add_argument(
        "--steps", help="comma-separated normaliser order to run instead of STEPS' (e.g. before a step was added)"
    )
    args = parser.parse_args(argv)
    if args.steps:
        normalizers.pipeline.ORDER[:] = args.steps.split(",")
    result = {str(corpus): snapshot(corpus) for corpus in args.corpora}
    args.out.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    if args.check is None:
        return 0
    expected = json.loads(args.check.read_text(encoding="utf-8"))
    differences = [
        f"{corpus} {table}"
        for corpus, snap in result.items()
        for table, digest in snap["tables"].items()
        if expected.get(corpus, {}).get("tables", {}).get(table) != digest
    ]
    for line in differences:
        print(f"snapshot differs: {line}", file=sys.stderr)
    print(f"{sum(len(s['tables']) for s in result.values())} digests, {len(differences)} differ", file=sys.stderr)
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
