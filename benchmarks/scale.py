"""The nightly paths at national scale (issue 18), measured: time, CPU and peak memory.

    python benchmarks/bench.py --core-docs 0 --e2e-docs 0 --scale-docs 50000 --prefect-server
    python benchmarks/scale.py --docs 50000 --prefect-server --verify      # the same, alone

builds a corpus of N distinct documents from ``../shared/corpus-real/docs``
(each a variant of a real document: its figures shifted and a numbered line
added, so no hash or cache can hide work; generated on the fly, never
committed), then runs ``polex run`` on it along the paths a nightly crawl
takes: a full run, an unchanged rerun, a rerun with 1% of the files changed,
and one with 20% removed.  For each: wall time, CPU seconds of the process
tree, peak RSS of the whole tree and of its largest process (psutil,
sampled).  ``--verify`` then runs a clean full run on the final corpus and
checks the incremental tables equal it (ingest timestamps aside).
``--manifest N`` measures the file index at N entries (size, read and plan
time) beside the JSON manifest it replaces.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import psutil  # noqa: E402
import pyarrow as pa  # noqa: E402
import pyarrow.compute as pc  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402

from pipeline.storage.index import INDEX_SCHEMA, read_index, write_index  # noqa: E402
from pipeline.storage.plan import ScannedFile, make_plan, scan_from_files  # noqa: E402


def _real_docs() -> Path:
    """``shared/corpus-real/docs`` beside the repository (a worktree: beside the main clone)."""
    for base in (ROOT.parent, ROOT.parent.parent, Path("/work")):
        if (base / "shared" / "corpus-real" / "docs").is_dir():
            return base / "shared" / "corpus-real" / "docs"
    raise SystemExit("shared/corpus-real/docs not found beside the repository; pass --seeds")


VOLATILE = {"ingested_at", "quarantined_at"}
_DIGITS = re.compile(r"\d+")


# ------------------------------------------------------------------ the corpus
def _variant(text: str, i: int, html: bool) -> str:
    """Document ``i``: the real text with each number's last digit shifted and a numbered line."""
    shift = (i // 997) % 9 + 1
    text = _DIGITS.sub(lambda m: m.group()[:-1] + str((int(m.group()[-1]) + shift) % 10), text)
    line = f"（本件为测试样本第{i}号）"
    if html:
        at = text.find("<body")
        at = text.find(">", at) + 1 if at >= 0 else 0
        return text[:at] + f"<p>{line}</p>" + text[at:]
    first_break = text.find("\n") + 1
    return text[:first_break] + line + "\n" + text[first_break:]


def build_real_corpus(dest: Path, n_docs: int, seeds: Path | None = None) -> dict:
    """``n_docs`` distinct variants of the real documents under ``seeds``, 1,000 a folder."""
    seeds = seeds or _real_docs()
    originals = sorted(p for p in seeds.rglob("*") if p.is_file() and p.suffix in (".txt", ".html", ".htm"))
    texts = [p.read_text(encoding="utf-8") for p in originals]
    chars = size = 0
    for i in range(n_docs):
        k = i % len(originals)
        data = _variant(texts[k], i, originals[k].suffix != ".txt")
        folder = dest / f"part{i // 1000:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        encoded = data.encode("utf-8")
        (folder / f"{i:06d}_{originals[k].name}").write_bytes(encoded)
        chars += len(data)
        size += len(encoded)
    return {"docs": n_docs, "chars": chars, "bytes": size, "seeds": len(originals)}


def change_files(corpus: Path, share: float, seed: int = 18) -> int:
    files = sorted(p for p in corpus.rglob("*") if p.is_file())
    chosen = random.Random(seed).sample(files, max(1, int(len(files) * share)))
    for n, path in enumerate(chosen):
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(f"\n到2030年，新增示范项目{n + 3}个，安排资金{n + 1}00万元。\n")
    return len(chosen)


def remove_files(corpus: Path, share: float, seed: int = 19) -> int:
    files = sorted(p for p in corpus.rglob("*") if p.is_file())
    chosen = random.Random(seed).sample(files, int(len(files) * share))
    for path in chosen:
        path.unlink()
    return len(chosen)


# ------------------------------------------------------------------ measuring a run
class TreeSampler(threading.Thread):
    """Peak summed RSS of a process tree and peak RSS of its largest process."""

    def __init__(self, pid: int, interval: float = 0.1):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak_tree = self.peak_process = 0
        self.cpu_by_pid: dict[int, float] = {}  # last CPU seconds seen of every process of the tree
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            try:
                root = psutil.Process(self.pid)
                sizes = []
                for proc in [root, *root.children(recursive=True)]:
                    try:
                        sizes.append(proc.memory_info().rss)
                        times = proc.cpu_times()
                        self.cpu_by_pid[proc.pid] = times.user + times.system
                    except psutil.Error:
                        pass
                self.peak_tree = max(self.peak_tree, sum(sizes))
                self.peak_process = max(self.peak_process, max(sizes, default=0))
            except psutil.Error:
                pass
            self._stop_event.wait(self.interval)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


def run_polex(corpus: Path, out: Path, env: dict, *extra: str) -> dict:
    cmd = [str(Path(sys.executable).parent / "polex"), "run", str(corpus), "--out", str(out), "--no-progress", *extra]
    started, load_before = time.perf_counter(), os.getloadavg()[0]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    sampler = TreeSampler(proc.pid)
    sampler.start()
    try:
        output, _ = proc.communicate()
    except BaseException:  # Ctrl-C or SIGTERM (main's handler): a run left behind would go on writing OUT
        proc.terminate()
        proc.wait(timeout=120)
        raise
    finally:
        sampler.stop()
    manifest = json.loads((out / "manifest.json").read_text()) if (out / "manifest.json").exists() else {}
    return {
        "load_average_1m": [round(load_before, 1), round(os.getloadavg()[0], 1)],  # before, after: the machine's
        "wall_s": round(time.perf_counter() - started, 2),
        "cpu_s": round(sum(sampler.cpu_by_pid.values()), 1),  # sampled: misses each process's last 0.1 s
        "exit": proc.returncode,
        "peak_tree_rss_mb": round(sampler.peak_tree / 2**20),
        "peak_process_rss_mb": round(sampler.peak_process / 2**20),
        "counts": manifest.get("counts", {}),
        "parts": len(manifest.get("parts", {})),
        "tail": output.strip().splitlines()[-2:],
    }


class PrefectServer:
    """One ``prefect server start`` for all runs, as a nightly deployment keeps (README)."""

    def __init__(self, home: Path):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/api"
        env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
        cmd = [
            str(Path(sys.executable).parent / "prefect"),
            "server",
            "start",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--no-ui",
            "--analytics-off",
        ]
        self.proc = subprocess.Popen(
            cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/health", timeout=2):
                    return
            except OSError:
                time.sleep(0.5)
        self.stop()
        raise RuntimeError("prefect server did not start")

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=30)


# ------------------------------------------------------------------ equality with a clean run
def _digest_documents(out: Path) -> list[tuple]:
    rows = []
    for file in sorted((out / "documents.parquet").resolve().rglob("*.parquet")):
        for batch in pq.ParquetFile(file).iter_batches(batch_size=256):
            for row in batch.to_pylist():
                texts = hashlib.sha256(
                    (row.pop("raw_text") or "").encode() + b"\0" + (row.pop("norm_text") or "").encode()
                )
                rows.append(
                    (
                        row["doc_id"],
                        texts.hexdigest(),
                        repr(sorted((k, v) for k, v in row.items() if k not in VOLATILE)),
                    )
                )
    return sorted(rows)


def _canonical(out: Path, table: str) -> pa.Table:
    data = pq.read_table(out / f"{table}.parquet")
    data = data.drop_columns([c for c in data.column_names if c in VOLATILE])
    keys = [(c, "ascending") for c in data.column_names if not pa.types.is_nested(data.schema.field(c).type)]
    return data.sort_by(keys).replace_schema_metadata(None)


def tables_equal(out_a: Path, out_b: Path) -> dict[str, bool]:
    names = sorted(p.name[: -len(".parquet")] for p in out_a.iterdir() if p.name.endswith(".parquet"))
    result = {}
    for name in names:
        if name == "documents":
            result[name] = _digest_documents(out_a) == _digest_documents(out_b)
        else:
            result[name] = _canonical(out_a, name).equals(_canonical(out_b, name))
    return result


# ------------------------------------------------------------------ the manifest at scale
def bench_manifest(entries: int, workdir: Path) -> dict:
    """The file index at ``entries`` files beside the JSON manifest of format 1."""
    rng = random.Random(5)
    paths = [f"省{i % 31:02d}/市{i % 997:03d}/{i:07d}_关于印发某某行动方案的通知.txt" for i in range(entries)]
    shas = [f"{rng.getrandbits(256):064x}" for _ in range(entries)]
    index = pa.table(
        {
            "path": paths,
            "size": [20_000 + i % 5000 for i in range(entries)],
            "mtime_ns": [1_700_000_000_000_000_000 + i for i in range(entries)],
            "ctime_ns": [1_700_000_000_000_000_000 + i for i in range(entries)],
            "ino": list(range(entries)),
            "stat_trusted": [True] * entries,
            "sha256": shas,
            "cache_version": ["170be0cacacf"] * entries,
            "status": ["ingested"] * entries,
            "stage": [None] * entries,
            "max_bytes": [None] * entries,
            "part": [f"20261201T020000000000Z-abcdef-b{i // 100:05d}" for i in range(entries)],
        },
        schema=INDEX_SCHEMA,
    )
    path = workdir / "index.parquet"
    write_index(path, index)
    started, cpu = time.perf_counter(), time.process_time()
    loaded = read_index(path)
    read_s, read_cpu = time.perf_counter() - started, time.process_time() - cpu
    files = scan_from_files([ScannedFile(p, s, 20_000) for p, s in zip(paths, shas)])
    rss_before = psutil.Process().memory_info().rss
    started, cpu = time.perf_counter(), time.process_time()
    plan = make_plan(files, loaded, "170be0cacacf", reusable=True)
    plan_s, plan_cpu = time.perf_counter() - started, time.process_time() - cpu
    plan_rss = psutil.Process().memory_info().rss - rss_before
    legacy = {
        "documents": {
            p: {"sha256": s, "cache_version": "170be0cacacf", "status": "ingested"} for p, s in zip(paths, shas)
        }
    }
    json_path = workdir / "manifest.json"
    json_path.write_text(json.dumps(legacy, ensure_ascii=False, indent=1), encoding="utf-8")
    started, cpu = time.perf_counter(), time.process_time()
    json.loads(json_path.read_text(encoding="utf-8"))
    json_s, json_cpu = time.perf_counter() - started, time.process_time() - cpu
    assert len(plan.kept_ingested) == entries and not pc.any(pc.invert(plan.reuse)).as_py()
    return {
        "entries": entries,
        "index_mb": round(path.stat().st_size / 2**20, 1),
        "index_read_s": round(read_s, 3),
        "index_read_cpu_s": round(read_cpu, 3),
        "plan_s": round(plan_s, 2),
        "plan_cpu_s": round(plan_cpu, 2),
        "plan_rss_mb": round(plan_rss / 2**20),
        "json_manifest_mb (format 1, no stat fields)": round(json_path.stat().st_size / 2**20, 1),
        "json_parse_s": round(json_s, 2),
        "json_parse_cpu_s": round(json_cpu, 2),
    }


# ------------------------------------------------------------------ the paths
def bench_paths(workdir: Path, n_docs: int, prefect_server: bool, verify: bool, json_path: Path | None = None) -> dict:
    home = workdir / "prefect-home"
    home.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    server = PrefectServer(home) if prefect_server else None
    if server:
        env["PREFECT_API_URL"] = server.url
    corpus, out = workdir / "corpus", workdir / "out"
    report: dict = {"prefect": "one started server (PREFECT_API_URL)" if server else "a temporary server per run"}
    try:
        report["corpus"] = build_real_corpus(corpus, n_docs)
        time.sleep(2.5)  # past the racy window: the files' stat can vouch for them (plan.RACY_WINDOW_NS)
        report["full"] = run_polex(corpus, out, env)
        report["unchanged"] = run_polex(corpus, out, env)
        report["changed_1pct"] = {"files_changed": change_files(corpus, 0.01)}
        time.sleep(2.5)
        _save(report, json_path)
        report["changed_1pct"].update(run_polex(corpus, out, env))
        _save(report, json_path)
        report["removed_20pct"] = {"files_removed": remove_files(corpus, 0.20)}
        report["removed_20pct"].update(
            run_polex(corpus, out, env, "--allow-removals") if _has_allow_removals() else run_polex(corpus, out, env)
        )
        _save(report, json_path)
        report["rehash"] = run_polex(corpus, out, env, "--rehash")
        _save(report, json_path)
        if verify:
            report["clean_full_run_of_final_corpus"] = run_polex(corpus, workdir / "fresh", env)
            report["tables_equal_clean_run"] = tables_equal(out, workdir / "fresh")
    finally:
        if server:
            server.stop()
    return report


def _save(report: dict, json_path: Path | None) -> None:
    """The figures so far (a long run interrupted keeps the paths it measured)."""
    if json_path is not None:
        json_path.write_text(json.dumps(report, indent=2, ensure_ascii=False))


def _has_allow_removals() -> bool:
    polex = Path(sys.executable).parent / "polex"
    return "--allow-removals" in subprocess.run([str(polex), "run", "--help"], capture_output=True, text=True).stdout


def print_report(report: dict) -> None:
    corpus = report.get("corpus")
    if corpus:
        print(
            f"== nightly paths on {corpus['docs']:,} documents ({corpus['chars']:,} chars, {corpus['bytes'] / 2**20:,.0f} MB) "
            f"made from {corpus['seeds']} real documents; Prefect: {report['prefect']}"
        )
    for name in ("full", "unchanged", "changed_1pct", "removed_20pct", "rehash", "clean_full_run_of_final_corpus"):
        run = report.get(name)
        if not run:
            continue
        counts = run.get("counts", {})
        speed = f", {corpus['chars'] / run['wall_s'] / 1e6:.2f} M chars/s" if name == "full" else ""
        print(
            f"   {name:<16} {run['wall_s']:7.1f} s wall{speed}, {run['cpu_s']:7.1f} s CPU, peak RSS tree {run['peak_tree_rss_mb']} MB, "
            f"largest process {run['peak_process_rss_mb']} MB; processed {counts.get('processed')}, hashed {counts.get('hashed')}, "
            f"removed {counts.get('removed')}, parts {run['parts']}, exit {run['exit']}, load {run['load_average_1m']}"
        )
    if "tables_equal_clean_run" in report:
        print(f"   tables equal a clean full run's: {report['tables_equal_clean_run']}")
    manifest = report.get("manifest")
    if manifest:
        print(
            f"== file index at {manifest['entries']:,} entries: {manifest['index_mb']} MB, read {manifest['index_read_s']} s, "
            f"plan {manifest['plan_s']} s (+{manifest['plan_rss_mb']} MB); the JSON manifest it replaces: "
            f"{manifest['json_manifest_mb (format 1, no stat fields)']} MB, parse {manifest['json_parse_s']} s"
        )


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=50_000, help="documents in the generated corpus (0: skip the paths)")
    ap.add_argument("--prefect-server", action="store_true", help="start one Prefect server for every run")
    ap.add_argument("--verify", action="store_true", help="compare the incremental tables with a clean full run")
    ap.add_argument("--manifest", type=int, default=500_000, help="file-index entries to measure (0: skip)")
    ap.add_argument("--workdir", type=Path, help="where to build the corpus and OUT (default: a temporary folder)")
    ap.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = ap.parse_args(argv)
    # SIGTERM (a job runner's timeout, `kill`) unwinds like Ctrl-C, so the `finally`s stop the Prefect
    # server, which runs in its own session and would outlive the benchmark
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="polex-scale-"))
    report: dict = {}
    try:
        if args.docs:
            report.update(bench_paths(workdir, args.docs, args.prefect_server, args.verify, args.json))
        if args.manifest:
            report["manifest"] = bench_manifest(args.manifest, workdir)
    finally:
        if not args.workdir:
            shutil.rmtree(workdir, ignore_errors=True)
    print_report(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
