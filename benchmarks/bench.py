"""polex benchmark: speed and memory, measured (never asserted in unit tests).

    python benchmarks/bench.py                 # defaults: core on 1,000 docs, end to end on 5,000
    python benchmarks/bench.py --core-docs 200 --e2e-docs 500 --json bench.json

It builds a scaled corpus from the bundled documents (N copies, each given its
own trailing line so its sha256 differs) and reports what follows.  The copies
repeat five texts: every cache keyed on content (a note's reading, a line's
class) hits on every copy after the first, which real crawls do far less.  For
a figure on distinct documents, give other seeds and no more documents than
they hold: ``--core-seeds ../shared/corpus-real/docs --core-docs 205``.

(a) the core library path in this one process: characters and documents per
    second, a per-stage breakdown (decode, each normaliser, sections,
    metadata, each extractor, Arrow/Parquet write as ``polex run`` writes it:
    zstd, its row groups) and peak RSS;
(b) ``polex run`` end to end as a subprocess: fixed start-up cost (a
    one-document run: Python imports + Prefect's local server) measured
    separately from the per-character work, wall-clock chars/s, and the peak
    RSS of the whole process tree (sampled);
(c) with the optional ``bench`` extras installed, JioNLP's ``extract_money``
    and ``extract_time`` on the same text, and polex's speed as a ratio to it.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import psutil  # noqa: E402
import pyarrow as pa  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402
import scale  # noqa: E402  (benchmarks/scale.py, beside this file)

from pipeline.core.document import RawDocument  # noqa: E402
from pipeline.errors import IngestError  # noqa: E402
from pipeline.process import all_schemas, process_document  # noqa: E402
from pipeline.reading.reader import decode, discover  # noqa: E402
from pipeline.storage.publish import PARQUET_COMPRESSION, rows_per_batch  # noqa: E402


def build_corpus(dest: Path, n_docs: int, seeds: Path = ROOT / "corpus") -> int:
    """Write ``n_docs`` distinct documents cycling through the seeds; return total chars."""
    dest.mkdir(parents=True, exist_ok=True)
    originals = sorted(p for p in seeds.rglob("*") if p.is_file() and p.suffix in (".txt", ".html", ".htm"))
    texts = [p.read_bytes() for p in originals]
    total_chars = 0
    for i in range(n_docs):
        src = originals[i % len(originals)]
        # A distinct trailing line per copy: a different sha256, the same kind of work.
        data = texts[i % len(texts)] + f"\n（样本副本第{i}号）\n".encode("utf-8")
        sub = dest / f"batch{i // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"{i:06d}_{src.name}").write_bytes(data)
        total_chars += len(data.decode("utf-8", errors="replace"))
    return total_chars


def peak_rss_self_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_core(corpus: Path) -> dict:
    """Decode -> normalise -> metadata -> sections -> extract -> Parquet, in one process."""
    schemas = all_schemas()
    paths = discover(corpus)
    timings: dict[str, float] = {}
    chars = docs = failed = 0
    out_dir = Path(tempfile.mkdtemp(prefix="polex-bench-core-"))
    writers = {
        name: pq.ParquetWriter(out_dir / f"{name}.parquet", schema, compression=PARQUET_COMPRESSION)
        for name, schema in schemas.items()
        if name != "quarantine"
    }
    batch: dict[str, list] = {name: [] for name in writers}
    rss_at: dict[int, float] = {}

    def flush():
        started = time.perf_counter()
        for name, rows in batch.items():
            if rows:
                writers[name].write_table(
                    pa.Table.from_pylist(rows, schema=schemas[name]), row_group_size=rows_per_batch(schemas[name])
                )
                rows.clear()
        timings["write:parquet"] = timings.get("write:parquet", 0.0) + time.perf_counter() - started

    wall = time.perf_counter()
    for rel in paths:
        data = (corpus / rel).read_bytes()
        started = time.perf_counter()
        try:
            decoded = decode(data, Path(rel).suffix.lower())
        except IngestError:
            failed += 1
            continue
        timings["decode"] = timings.get("decode", 0.0) + time.perf_counter() - started
        doc = RawDocument(
            doc_id=rel,
            source_path=rel,
            sha256="-",
            raw_text=decoded.text,
            encoding=decoded.encoding,
            media_type=decoded.media_type,
            page_starts=decoded.page_starts,
        )
        try:
            rows = process_document(doc, timings=timings)
        except IngestError:
            failed += 1
            continue
        for name, table_rows in rows.items():
            batch[name].extend(table_rows)
        chars += len(decoded.text)
        docs += 1
        if docs % 100 == 0:
            flush()
        if docs in (100, 1000, 10000):
            rss_at[docs] = peak_rss_self_mb()
    flush()
    for w in writers.values():
        w.close()
    elapsed = time.perf_counter() - wall
    shutil.rmtree(out_dir, ignore_errors=True)
    return {
        "docs": docs,
        "failed": failed,
        "chars": chars,
        "seconds": elapsed,
        "chars_per_s": chars / elapsed if elapsed else 0.0,
        "docs_per_s": docs / elapsed if elapsed else 0.0,
        "peak_rss_mb": peak_rss_self_mb(),
        "peak_rss_mb_at_docs": rss_at,
        "stages_s": dict(sorted(timings.items(), key=lambda kv: -kv[1])),
    }


class TreeRssSampler(threading.Thread):
    """Samples the summed RSS of a process and all its descendants, and their summed PSS.

    RSS counts a page shared by several processes (a library's code, what the pool
    workers inherit from the forkserver) once in each; PSS divides it among them, so
    the summed PSS is what the tree takes from the machine.  ``peak_by_process`` holds
    each process's own RSS at the moment of the tree's RSS peak (command line -> MB)."""

    def __init__(self, pid: int, interval: float = 0.2):
        super().__init__(daemon=True)
        self.pid, self.interval, self._stop_event = pid, interval, threading.Event()
        self.peak = self.peak_pss = 0
        self.peak_by_process: dict[str, float] = {}

    def run(self):
        while not self._stop_event.is_set():
            try:
                root = psutil.Process(self.pid)
                self._sample([root] + root.children(recursive=True))
            except psutil.Error:
                pass
            self._stop_event.wait(self.interval)

    def _sample(self, procs: list) -> None:
        rss = pss = 0
        each: dict[str, float] = {}
        for p in procs:
            try:
                info = p.memory_full_info()
                name = f"{p.pid} " + " ".join(p.cmdline())[-60:]
            except psutil.Error:
                continue
            rss += info.rss
            pss += info.pss
            each[name] = info.rss / 2**20
        self.peak_pss = max(self.peak_pss, pss)
        if rss > self.peak:
            self.peak, self.peak_by_process = rss, each

    def stop(self):
        self._stop_event.set()
        self.join()


def run_polex(corpus: Path, out: Path, extra_env: dict | None = None) -> dict:
    polex = Path(sys.executable).parent / "polex"
    cmd = [str(polex), "run", str(corpus), "--out", str(out), "--no-progress"]
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", **(extra_env or {})}
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    sampler = TreeRssSampler(proc.pid)
    sampler.start()
    output, _ = proc.communicate()
    sampler.stop()
    return {
        "seconds": time.perf_counter() - started,
        "exit": proc.returncode,
        "peak_tree_rss_mb": sampler.peak / 2**20,
        "peak_tree_pss_mb": sampler.peak_pss / 2**20,
        "rss_at_peak_mb": sampler.peak_by_process,
        "load_average": os.getloadavg(),
        "tail": output.strip().splitlines()[-3:],
    }


def bench_end_to_end(workdir: Path, n_docs: int) -> dict:
    prefect_home = Path(tempfile.mkdtemp(prefix="polex-bench-prefect-"))
    env = {"PREFECT_HOME": str(prefect_home)}
    tiny = workdir / "tiny"
    build_corpus(tiny, 1)
    big = workdir / f"e2e{n_docs}"
    chars = build_corpus(big, n_docs)
    fixed = run_polex(tiny, workdir / "out-tiny", env)
    full = run_polex(big, workdir / "out-big", env)
    per_char_s = max(full["seconds"] - fixed["seconds"], 1e-9)
    shutil.rmtree(prefect_home, ignore_errors=True)
    return {
        "docs": n_docs,
        "chars": chars,
        "startup_s (1-doc run)": fixed["seconds"],
        "wall_s": full["seconds"],
        "exit": full["exit"],
        "chars_per_s_wall": chars / full["seconds"],
        "docs_per_s_wall": n_docs / full["seconds"],
        "chars_per_s_excluding_startup": chars / per_char_s,
        "peak_tree_rss_mb": full["peak_tree_rss_mb"],
        "peak_tree_pss_mb": full["peak_tree_pss_mb"],
        "rss_at_peak_mb": full["rss_at_peak_mb"],
        "load_average_at_end": full["load_average"],
        "tail": full["tail"],
    }


def rss_sweep(workdir: Path, sizes: list[int]) -> dict[int, dict]:
    """Peak RSS of the whole `polex run` process tree at several corpus sizes."""
    prefect_home = Path(tempfile.mkdtemp(prefix="polex-bench-prefect-"))
    results = {}
    for n in sizes:
        corpus = workdir / f"sweep{n}"
        chars = build_corpus(corpus, n)
        run = run_polex(corpus, workdir / f"out-sweep{n}", {"PREFECT_HOME": str(prefect_home)})
        results[n] = {
            "chars": chars,
            "wall_s": run["seconds"],
            "peak_tree_rss_mb": run["peak_tree_rss_mb"],
            "peak_tree_pss_mb": run["peak_tree_pss_mb"],
            "exit": run["exit"],
        }
        shutil.rmtree(corpus, ignore_errors=True)
    shutil.rmtree(prefect_home, ignore_errors=True)
    return results


def bench_jionlp(corpus: Path, max_docs: int = 200) -> dict | None:
    try:
        import jionlp  # noqa: F401
    except ImportError:
        return None
    import jionlp as jio

    texts = [p.read_text(encoding="utf-8") for p in sorted((corpus / "batch000").iterdir())[:max_docs]]
    chars = sum(len(t) for t in texts)
    started = time.perf_counter()
    # JioNLP prints tracebacks of strings its time parser rejects and goes on: keep them off the report.
    with open(os.devnull, "w") as sink, contextlib.redirect_stderr(sink), contextlib.redirect_stdout(sink):
        for t in texts:
            jio.ner.extract_money(t, with_parsing=False)
            jio.ner.extract_time(t, time_base=time.time(), with_parsing=False)
    elapsed = time.perf_counter() - started
    return {"docs": len(texts), "chars": chars, "seconds": elapsed, "chars_per_s": chars / elapsed}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--core-docs", type=int, default=1000, help="documents for the in-process core benchmark")
    ap.add_argument(
        "--core-seeds",
        type=Path,
        default=ROOT / "corpus",
        help="documents the core corpus cycles through (default: the bundled corpus; .txt/.html under it)",
    )
    ap.add_argument("--e2e-docs", type=int, default=5000, help="documents for `polex run` end to end (0 skips)")
    ap.add_argument(
        "--rss-sweep",
        default="",
        help="comma-separated corpus sizes (e.g. 100,1000,10000): peak RSS of `polex run` at each, to show it stays flat",
    )
    ap.add_argument(
        "--scale-docs",
        type=int,
        default=0,
        help="the nightly paths (full, unchanged, 1%% changed, 20%% removed) on this many variants of "
        "../shared/corpus-real (benchmarks/scale.py; 0 skips)",
    )
    ap.add_argument("--manifest-entries", type=int, default=0, help="the file index at this many entries (0 skips)")
    ap.add_argument("--prefect-server", action="store_true", help="--scale-docs runs share one started Prefect server")
    ap.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    ap.add_argument("--keep", action="store_true", help="keep the generated corpus and outputs")
    args = ap.parse_args(argv)

    workdir = Path(tempfile.mkdtemp(prefix="polex-bench-"))
    report: dict = {"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]}}
    try:
        core_corpus = workdir / "core"
        build_corpus(core_corpus, args.core_docs, args.core_seeds)
        report["core"] = bench_core(core_corpus) if args.core_docs else None
        jio = bench_jionlp(core_corpus) if args.core_docs else None
        if jio:
            # Compare like with like: polex's amounts + deadlines stages vs JioNLP's money + time.
            stages = report["core"]["stages_s"]
            report["jionlp"] = jio
            report["core_vs_jionlp_ratio"] = report["core"]["chars_per_s"] / jio["chars_per_s"]
            both = stages.get("extract:amounts", 0) + stages.get("extract:deadlines", 0)
            if both:
                report["amounts+deadlines_vs_jionlp_ratio"] = (report["core"]["chars"] / both) / jio["chars_per_s"]
        if args.e2e_docs:
            report["end_to_end"] = bench_end_to_end(workdir, args.e2e_docs)
        if args.rss_sweep:
            report["rss_sweep"] = rss_sweep(workdir, [int(n) for n in args.rss_sweep.split(",")])
        if args.scale_docs:
            report["scale"] = scale.bench_paths(workdir / "scale", args.scale_docs, args.prefect_server, verify=True)
        if args.manifest_entries:
            report.setdefault("scale", {})["manifest"] = scale.bench_manifest(args.manifest_entries, workdir)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    print_report(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    return 0


def print_report(report: dict) -> None:
    if "scale" in report:
        scale.print_report(report["scale"])
    if report.get("core"):
        print_core(report)
    print_end_to_end(report)


def print_core(report: dict) -> None:
    core = report["core"]
    print(f"== core path, one process ({core['docs']} docs, {core['chars']:,} chars, {core['failed']} failed)")
    print(
        f"   {core['chars_per_s']:,.0f} chars/s   {core['docs_per_s']:,.1f} docs/s   peak RSS {core['peak_rss_mb']:.0f} MB"
    )
    if core["peak_rss_mb_at_docs"]:
        print(
            "   peak RSS by docs processed: "
            + ", ".join(f"{k}: {v:.0f} MB" for k, v in core["peak_rss_mb_at_docs"].items())
        )
    print("   per stage (seconds, chars/s of that stage alone):")
    for name, secs in core["stages_s"].items():
        if name == "normalize":
            continue  # the sum of the normalize:* lines
        print(f"     {name:<32} {secs:8.2f} s   {core['chars'] / secs if secs else 0:>14,.0f} chars/s")
    if "jionlp" in report:
        j = report["jionlp"]
        print(f"== JioNLP extract_money + extract_time: {j['chars_per_s']:,.0f} chars/s on {j['docs']} docs")
        print(f"   polex whole core path is {report['core_vs_jionlp_ratio']:.1f}x JioNLP's speed")
        if "amounts+deadlines_vs_jionlp_ratio" in report:
            print(f"   polex amounts+deadlines extractors alone: {report['amounts+deadlines_vs_jionlp_ratio']:.1f}x")


def print_end_to_end(report: dict) -> None:
    if "end_to_end" in report:
        e = report["end_to_end"]
        print(f"== polex run end to end ({e['docs']} docs, {e['chars']:,} chars), exit {e['exit']}")
        print(f"   fixed start-up (1-doc run, Prefect local server included): {e['startup_s (1-doc run)']:.1f} s")
        print(
            f"   wall {e['wall_s']:.1f} s  ->  {e['chars_per_s_wall']:,.0f} chars/s wall-clock, {e['docs_per_s_wall']:.1f} docs/s"
        )
        print(f"   excluding start-up: {e['chars_per_s_excluding_startup']:,.0f} chars/s")
        print(
            f"   peak RSS of the process tree: {e['peak_tree_rss_mb']:.0f} MB (summed PSS: {e['peak_tree_pss_mb']:.0f} MB)"
        )
        for name, mb in sorted(e["rss_at_peak_mb"].items(), key=lambda kv: -kv[1]):
            print(f"     at that peak {mb:5.0f} MB  {name}")
        print(f"   load average at the end: {', '.join(f'{x:.1f}' for x in e['load_average_at_end'])}")
    for n, r in report.get("rss_sweep", {}).items():
        print(
            f"== polex run on {n:>6} docs: peak RSS of the process tree {r['peak_tree_rss_mb']:.0f} MB, wall {r['wall_s']:.1f} s, exit {r['exit']}"
        )


if __name__ == "__main__":
    sys.exit(main())
