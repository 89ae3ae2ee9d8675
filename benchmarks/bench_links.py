"""target_links benchmark: the publish step that links a national corpus, measured.

    python benchmarks/bench_links.py --docs 50000 --source real        # targets polex extracts
    python benchmarks/bench_links.py --docs 50000 --source synthetic   # Zipf-distributed indicators
    python benchmarks/bench_links.py --docs 2000 --verify              # and check nightly == full

Linking is a function of the targets and documents tables, so the benchmark
writes those as a run stages them (one folder of ``targets.parquet`` and
``documents.parquet`` per 1,000 documents) and times what publish does with
them, ``pipeline.storage.links.write_link_tables``, each step in a fresh
process (its peak RSS is the step's own):

- **full**: no previous version: every target keyed, every block linked;
- **nightly**: ``--changed`` of the documents edited (new targets), against
  the full build's version: only their keys computed, only the blocks they
  touch recomputed, the others hard-linked;
- ``--verify``: a full build of the edited corpus, compared with the nightly
  one (the same rows, block by block).

Sources of targets:

- ``real``: the targets polex extracts from ``shared/corpus-real/docs``
  (205 documents), the document ``i`` being a variant of original ``i mod
  205``: every value scaled by a factor of its own, and a region of its own;
- ``synthetic``: 30 targets a document, an indicator a subject drawn
  Zipf-like from ``--subjects`` synthetic subjects plus one of the common
  heads below, dressed in the variants documents write (全省, 集群内, 省级以上,
  数量, 规上 …), a unit of its kind.

Either way each document gets a region: 31 provinces x 16 cities x 8
counties; 2% national, 8% province, 30% city, 60% county documents
(``--no-regions``: no region columns, every document on every chain).
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil
import pyarrow as pa
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.linking import assign_target_ids  # noqa: E402
from pipeline.storage.links import TARGET_SCHEMA, LinkInputs, write_link_tables  # noqa: E402

HEADS = [
    ("高新技术企业", ["家", "万家"]),
    ("专精特新企业", ["家", "户"]),
    ("规模以上工业增加值", ["%"]),
    ("营业收入", ["亿元", "万亿元"]),
    ("研发投入强度", ["%"]),
    ("研发投入", ["亿元"]),
    ("智能工厂", ["家", "个"]),
    ("单项冠军企业", ["家"]),
    ("本地配套率", ["%"]),
    ("产业集群", ["个"]),
    ("技术创新载体", ["家"]),
    ("工业互联网平台", ["个", "家"]),
    ("数字化车间", ["个"]),
    ("绿色工厂", ["家"]),
    ("固定资产投资", ["%", "亿元"]),
    ("5G基站", ["万个", "个"]),
    ("高标准农田", ["万亩"]),
    ("新增就业", ["万人"]),
    ("上市企业", ["家"]),
    ("装机容量", ["万千瓦"]),
    ("农村公路", ["公里"]),
    ("老旧小区改造", ["个", "万户"]),
]
SUBJECT_CHARS = "新能源材料装备汽车电子信息医药化工纺织食品建材钢铁有色航空海洋生物数字智能绿色低碳文旅物流金融现代农业种业光伏储能氢能软件芯片机器人"
SCOPES = ["", "", "", "全省", "全市", "集群内", "我市", "全县"]
LEVELS = ["", "", "", "", "省级以上", "国家级", "市级"]
FILLERS = ["", "", "", "数量", "总数"]
DOCS_PER_FOLDER = 1000


# ----------------------------------------------------------------- sources
class Synthetic:
    def __init__(self, subjects: int, zipf: float, seed: int):
        rnd = random.Random(seed)
        found: set[str] = set()
        while len(found) < subjects:
            found.add("".join(rnd.choice(SUBJECT_CHARS) for _ in range(rnd.choice([2, 3, 4]))))
        self.subjects = sorted(found)
        self.weights = list(itertools.accumulate(1.0 / (rank + 1) ** zipf for rank in range(subjects)))

    def targets(self, doc_id: str, index: int, rnd: random.Random, per_doc: int = 30) -> list[dict]:
        rows = []
        for position in range(per_doc):
            head, units = rnd.choice(HEADS)
            subject = rnd.choices(self.subjects, cum_weights=self.weights)[0]
            indicator = rnd.choice(SCOPES) + rnd.choice(LEVELS) + subject + head + rnd.choice(FILLERS)
            rows.append(
                {
                    "doc_id": doc_id,
                    "section_id": 1 + position // 5,
                    "norm_start": 100 * position,
                    "norm_end": 100 * position + 12,
                    "indicator": indicator,
                    "value": float(rnd.choice([5, 30, 100, 850, 5000])),
                    "value_max": None,
                    "unit": rnd.choice(units),
                    "comparator": ">=",
                    "deadline_year": rnd.choice([2025, 2027, None]),
                }
            )
        return rows


class Real:
    """The targets polex extracts from the real documents, once; variants scale the values."""

    def __init__(self, docs: Path):
        from pipeline.process import process_document
        from pipeline.reading.reader import read_document

        self.originals = []
        for path in sorted(p for p in docs.rglob("*") if p.is_file()):
            rows = process_document(read_document(docs, str(path.relative_to(docs))))["targets"]
            self.originals.append(
                (
                    path.name,
                    [
                        {c: r.get(c) for c in [*TARGET_SCHEMA.names, "norm_end"] if c not in ("doc_id", "target_id")}
                        for r in rows
                    ],
                )
            )

    def targets(self, doc_id: str, index: int, rnd: random.Random) -> list[dict]:
        _, rows = self.originals[index % len(self.originals)]
        factor = 1 + rnd.randrange(1, 40) / 100
        return [
            {**row, "doc_id": doc_id, "value": row["value"] * factor if row["value"] is not None else None}
            for row in rows
        ]

    def name(self, index: int) -> str:
        return f"{index:06d}_{self.originals[index % len(self.originals)][0]}"


def region(rnd: random.Random) -> dict:
    level = rnd.choices(["national", "province", "city", "county"], [2, 8, 30, 60])[0]
    province, city, county = f"省{rnd.randrange(31)}", f"市{rnd.randrange(16)}", f"县{rnd.randrange(8)}"
    return {
        "admin_level": level,
        "province": None if level == "national" else province,
        "city": f"{province}{city}" if level in ("city", "county") else None,
        "county": f"{province}{city}{county}" if level == "county" else None,
    }


def write_staged(folder: Path, docs: list[tuple[str, list[dict], dict | None]]) -> None:
    """One staged batch: targets.parquet and documents.parquet (doc_id and region columns)."""
    folder.mkdir(parents=True)
    rows = []
    for _, targets, _ in docs:
        assign_target_ids(targets)
        rows += targets
    pq.write_table(pa.Table.from_pylist(rows, schema=TARGET_SCHEMA), folder / "targets.parquet")
    documents = [{"doc_id": doc_id, **(place or {})} for doc_id, _, place in docs]
    pq.write_table(pa.Table.from_pylist(documents), folder / "documents.parquet")


def generate(args, work: Path) -> dict:
    rnd = random.Random(args.seed)
    source = Real(args.real_docs) if args.source == "real" else Synthetic(args.subjects, args.zipf, args.seed)
    names = [source.name(i) if isinstance(source, Real) else f"d{i:07d}.txt" for i in range(args.docs)]
    places = [None if args.no_regions else region(rnd) for _ in names]
    started, targets = time.perf_counter(), 0
    for start in range(0, len(names), DOCS_PER_FOLDER):
        batch = [(names[i], source.targets(names[i], i, rnd), places[i]) for i in range(start, start + DOCS_PER_FOLDER)]
        batch = batch[: max(0, min(DOCS_PER_FOLDER, len(names) - start))]
        targets += sum(len(t) for _, t, _ in batch)
        write_staged(work / "full" / f"batch{start // DOCS_PER_FOLDER:05d}", batch)
    edited = sorted(rnd.sample(range(len(names)), max(1, int(len(names) * args.changed))))
    edits = [(names[i], source.targets(names[i], i + 7, rnd), places[i]) for i in edited]
    write_staged(work / "edits" / "batch00000", edits)
    (work / "edited.json").write_text(json.dumps([names[i] for i in edited]))
    (work / "names.json").write_text(json.dumps(names))
    return {
        "docs": len(names),
        "targets": targets,
        "edited": len(edited),
        "generate_s": round(time.perf_counter() - started, 1),
    }


# ------------------------------------------------------------------ stages
class TreeSampler(threading.Thread):
    """Peak RSS of the largest process and of the whole tree (this one, the forkserver and
    its workers), and the CPU seconds of each process, sampled every 50 ms."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.root = psutil.Process()
        self.peak_tree = self.peak_process = 0
        self.cpu_by_pid: dict[int, float] = {}
        self.start_cpu = sum(self.root.cpu_times()[:2])
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            sizes = []
            for proc in [self.root, *self.root.children(recursive=True)]:
                try:
                    sizes.append(proc.memory_info().rss)
                    self.cpu_by_pid[proc.pid] = sum(proc.cpu_times()[:2])
                except psutil.Error:
                    pass
            self.peak_tree, self.peak_process = max(self.peak_tree, sum(sizes)), max(self.peak_process, max(sizes))
            self._stop_event.wait(0.05)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()
        self.cpu_by_pid[self.root.pid] = sum(self.root.cpu_times()[:2])

    def cpu_seconds(self) -> float:
        return sum(self.cpu_by_pid.values()) - self.start_cpu


def stage(name: str, work: Path, workers: int = 1) -> dict:
    """One step of publish, in this (fresh) process: its seconds and peak RSS."""
    names, edited = json.loads((work / "names.json").read_text()), set(json.loads((work / "edited.json").read_text()))
    full = sorted((work / "full").iterdir())
    if name == "full":
        inputs = LinkInputs(
            None, False, set(), [f / "targets.parquet" for f in full], [f / "documents.parquet" for f in full]
        )
    elif name == "nightly":
        edits = [work / "edits" / "batch00000"]
        kept = set(names) - edited
        inputs = LinkInputs(
            work / "v_full",
            True,
            kept,
            [f / "targets.parquet" for f in edits],
            [f / "documents.parquet" for f in edits],
        )
    else:  # verify: the edited corpus from scratch (the edits replace their documents' rows)
        kept = set(names) - edited
        inputs = LinkInputs(None, False, kept, [work / "edits" / "batch00000" / "targets.parquet"], [])
        inputs.carried_targets, inputs.carried_documents = work / "full_targets", work / "full_documents"
        inputs.new_documents = [work / "edits" / "batch00000" / "documents.parquet"]
    out = work / f"v_{name}"
    sampler = TreeSampler()
    sampler.start()
    started = time.perf_counter()
    counts = write_link_tables(inputs, out, workers)
    seconds = time.perf_counter() - started
    sampler.stop()
    return {
        "seconds": round(seconds, 2),
        "cpu_s": round(sampler.cpu_seconds(), 2),  # this process and its workers
        "peak_rss_mb": round(
            max(sampler.peak_process, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024) / 2**20
        ),
        "peak_tree_rss_mb": round(sampler.peak_tree / 2**20),
        "links": counts["target_links"],
        "keys": counts["target_keys"],
        **inputs.stats,
    }


def _run_stage(name: str, work: Path, workers: int) -> dict:
    command = [sys.executable, __file__, "--stage", name, "--work", str(work), "--workers", str(workers)]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(result.stderr)
    return json.loads(result.stdout)


def _same_tables(a: Path, b: Path) -> bool:
    for table in ("target_links", "target_keys"):
        for file in sorted((a / f"{table}.parquet").iterdir()):
            if not pq.read_table(file).equals(pq.read_table(b / f"{table}.parquet" / file.name)):
                return False
    return True


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=50_000)
    ap.add_argument("--source", choices=["real", "synthetic"], default="real")
    ap.add_argument("--real-docs", type=Path, default=ROOT.parent / "shared" / "corpus-real" / "docs")
    ap.add_argument("--subjects", type=int, default=100_000, help="synthetic: distinct subjects")
    ap.add_argument("--zipf", type=float, default=1.0, help="synthetic: Zipf exponent of the subjects' frequencies")
    ap.add_argument("--changed", type=float, default=0.01, help="share of documents edited for the nightly step")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-regions", action="store_true", help="no region columns: every document on every chain")
    ap.add_argument("--verify", action="store_true", help="check the nightly result against a full build")
    ap.add_argument("--workers", type=int, default=1, help="processes keying and linking blocks (POLEX_LINK_WORKERS)")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--keep", type=Path, help="build in this (new) folder and keep it: the block files to profile")
    ap.add_argument("--stage", help=argparse.SUPPRESS)
    ap.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.stage:
        print(json.dumps(stage(args.stage, args.work, args.workers)))
        return 0
    if args.source == "real" and not args.real_docs.is_dir():
        args.real_docs = Path("/work/shared/corpus-real/docs")
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench_links_"))
    work.mkdir(parents=True, exist_ok=args.keep is None)
    try:
        report = {"source": args.source, **generate(args, work)}
        report["full"] = _run_stage("full", work, args.workers)
        report["nightly"] = _run_stage("nightly", work, args.workers)
        if args.verify:
            _carried_tables(work)
            report["verify"] = _run_stage("verify", work, args.workers)
            report["nightly_equals_full"] = _same_tables(work / "v_nightly", work / "v_verify")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(report, indent=1))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))
    return 0


def _carried_tables(work: Path) -> None:
    """The full corpus's staged files as the published targets and documents tables (folders)."""
    for table, folder in (("targets", "full_targets"), ("documents", "full_documents")):
        (work / folder).mkdir()
        for i, batch in enumerate(sorted((work / "full").iterdir())):
            shutil.copy(batch / f"{table}.parquet", work / folder / f"part{i:05d}.parquet")


if __name__ == "__main__":
    sys.exit(main())
