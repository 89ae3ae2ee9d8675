"""The pandas metadata polex attaches to its tables, written without pandas.

``pipeline.core.schema.with_pandas_metadata`` builds the JSON itself so that the
processes that write tables (the pool workers) need not import pandas.  It
must stay byte for byte what ``pa.Schema.from_pandas`` writes for empty columns
of the dtypes ``pandas.read_parquet`` should give back (nullable ``Int64`` for
integers, ``float64``, zoned and naive ``datetime64[us]``, ``object``).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.core.schema import with_pandas_metadata
from pipeline.linking import KEY_SCHEMA
from pipeline.process import published_schemas


def pandas_reference(schema: pa.Schema) -> bytes:
    """What pandas itself writes for empty columns of the intended dtypes."""
    columns = {}
    for f in schema:
        if pa.types.is_integer(f.type):
            dtype = "Int64" if f.nullable else "int64"
        elif pa.types.is_floating(f.type):
            dtype = "float64"
        elif pa.types.is_timestamp(f.type):
            dtype = pd.DatetimeTZDtype(unit="us", tz=f.type.tz) if f.type.tz else "datetime64[us]"
        else:
            dtype = "object"
        columns[f.name] = pd.Series([], dtype=dtype)
    return pa.Schema.from_pandas(pd.DataFrame(columns), preserve_index=False).metadata[b"pandas"]


EVERY_KIND = pa.schema(
    [
        pa.field("s", pa.string(), nullable=False),
        pa.field("ls", pa.large_string()),
        pa.field("i8", pa.int8()),
        pa.field("i32", pa.int32()),
        pa.field("i64", pa.int64(), nullable=False),
        pa.field("u16", pa.uint16()),
        pa.field("f32", pa.float32()),
        pa.field("f64", pa.float64(), nullable=False),
        pa.field("b", pa.bool_()),
        pa.field("d", pa.date32()),
        pa.field("ts_utc", pa.timestamp("us", tz="UTC")),
        pa.field("ts_shanghai", pa.timestamp("us", tz="Asia/Shanghai")),
        pa.field("ts_naive", pa.timestamp("us")),
        pa.field("words", pa.list_(pa.string())),
    ]
)


@pytest.mark.parametrize("name", [*published_schemas(), "target_keys", "every_kind"])
def test_metadata_is_what_pandas_writes(name):
    schema = {**published_schemas(), "target_keys": KEY_SCHEMA, "every_kind": EVERY_KIND}[name]
    bare = schema.remove_metadata()
    assert with_pandas_metadata(bare).metadata == {b"pandas": pandas_reference(bare)}


def test_read_back_dtypes(tmp_path):
    """The point of the metadata: a null in an integer column reads back as Int64, not float64."""
    schema = with_pandas_metadata(EVERY_KIND)
    rows = [{f.name: None for f in EVERY_KIND} | {"s": "a", "i64": 1, "f64": 0.5}]
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), tmp_path / "t.parquet")
    frame = pd.read_parquet(tmp_path / "t.parquet")
    assert {c: str(frame[c].dtype) for c in ("i8", "i32", "i64", "u16", "f64")} == {
        "i8": "Int64",
        "i32": "Int64",
        "i64": "int64",
        "u16": "Int64",
        "f64": "float64",
    }
    assert str(frame["ts_utc"].dtype) == "datetime64[us, UTC]" and str(frame["ts_naive"].dtype) == "datetime64[us]"


def _in_fresh_python(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def test_pool_workers_do_not_import_pandas():
    """What a local pool worker imports before its first batch: the forkserver's preload
    (``flows.ingest._start_local_pool``), the ``polex`` script's module (multiprocessing
    imports the main module in each worker: ``pipeline.cli``) and the table schemas.
    None of them loads pandas, which would cost each worker ~50 MB of RSS."""
    code = (
        "import sys\n"
        "import pipeline.storage.batch, flows.shutdown\n"
        "from pipeline.cli import main\n"
        "from pipeline.process import all_schemas\n"
        "all_schemas()\n"
        "print(sorted(m for m in ('pandas', 'rich', 'prefect', 'pipeline.qa') if m in sys.modules))\n"
    )
    assert _in_fresh_python(code) == "[]"


def test_a_lean_worker_writes_the_same_batch(tmp_path):
    """``lean_worker`` (Arrow's system allocator) changes no byte of a batch's tables."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for src in sorted((Path(__file__).resolve().parent.parent / "corpus").rglob("*.txt"))[:2]:
        (corpus / src.name).write_bytes(src.read_bytes())
    code = (
        "import datetime as dt, sys\n"
        "from pathlib import Path\n"
        "import pyarrow as pa, pyarrow.parquet as pq\n"
        "import pipeline.storage.batch as b\n"
        "if sys.argv[1] == 'lean':\n"
        "    b.lean_worker()\n"
        f"corpus = Path({str(corpus)!r})\n"
        "items = [(p.name, 'x') for p in sorted(corpus.iterdir())]\n"
        "at = dt.datetime(2026, 12, 4, tzinfo=dt.timezone.utc)\n"
        "r = b.run_batch(b.BatchSpec(str(corpus), items, sys.argv[2], 0, at, 'v'))\n"
        "tables = {t: pq.read_table(Path(r.folder) / f'{t}.parquet') for t, n in r.row_counts.items() if n}\n"
        "print(pa.default_memory_pool().backend_name, sorted(tables), len(r.quarantined))\n"
    )

    def run(mode: str) -> tuple[str, dict[str, pa.Table]]:
        out = subprocess.run(
            [sys.executable, "-c", code, mode, str(tmp_path / mode)], capture_output=True, text=True, check=True
        ).stdout.strip()
        (folder,) = (tmp_path / mode).iterdir()
        return out, {p.stem: pq.read_table(p) for p in sorted(folder.iterdir())}

    lean_out, lean = run("lean")
    plain_out, plain = run("plain")
    assert lean_out.startswith("system ") and not plain_out.startswith("system ")
    assert lean_out.split(" ", 1)[1] == plain_out.split(" ", 1)[1]
    assert len(lean) >= 5 and lean.keys() == plain.keys()
    for name in lean:
        assert lean[name].equals(plain[name], check_metadata=True), name
