"""CPU time of two checkouts' core path, document by document in alternation.

    python benchmarks/paired_cpu.py OLD_TREE NEW_TREE [--seeds DIR] [--docs N] [--rounds R]

On a shared machine the CPU seconds of a whole run move by 10-40% from one minute to the
next, so two runs one after the other compare the minutes more than the code.  Here one
worker process per checkout (each importing its own ``pipeline``) is handed the same
documents in turn, A then B, then B then A, and each reports the CPU time (``process_time``)
of ``decode`` + ``process_document`` for every document and per stage: both see the same
load at nearly the same moment.  Parquet writing is left out (``bench.py`` measures it;
it is the same code in both checkouts unless storage changed).

Documents are ``bench.py``'s corpus: N copies of the bundled ones, or of ``--seeds``'s
(``--seeds ../shared/corpus-real/docs --docs 205`` for distinct real documents).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def worker(tree: Path) -> None:
    """Read document paths from stdin; answer each with its CPU seconds and length, and
    ``STAGES`` with the stage seconds so far (as JSON, then reset)."""
    sys.path.insert(0, str(tree))
    import normalizers.pipeline as normalize_steps
    import pipeline.process as process
    from pipeline.core.document import RawDocument
    from pipeline.reading.reader import decode

    process.perf_counter = normalize_steps.perf_counter = time.process_time  # stage CPU, not wall
    timings: dict[str, float] = {}
    print("ready", flush=True)
    for line in sys.stdin:
        path = line.rstrip("\n")
        if path == "STAGES":
            print(json.dumps(timings), flush=True)
            timings.clear()
            continue
        data = Path(path).read_bytes()
        started = time.process_time()
        decoded = decode(data, Path(path).suffix.lower())
        timings["decode"] = timings.get("decode", 0.0) + time.process_time() - started
        doc = RawDocument(path, path, "-", decoded.text, decoded.encoding, decoded.media_type, decoded.page_starts)
        process.process_document(doc, timings=timings)
        print(f"{time.process_time() - started:.6f} {len(decoded.text)}", flush=True)


class _Worker:
    def __init__(self, tree: Path):
        self.proc = subprocess.Popen(
            [sys.executable, __file__, "--worker", str(tree)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=tree,
            # one hash seed for both workers (PYTHONHASHSEED, 0 unless set): with a random one each, the sets'
            # and dicts' layouts differed and unchanged stages by 2-7% (docs/performance-log.md, branch sp6)
            env={**os.environ, "PYTHONHASHSEED": os.environ.get("PYTHONHASHSEED", "0")},
        )
        self.ask("")  # "ready"

    def ask(self, line: str) -> str:
        if line:
            self.proc.stdin.write(line + "\n")
            self.proc.stdin.flush()
        return self.proc.stdout.readline()

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait()


def _round(workers: dict[str, _Worker], paths: list[str]) -> tuple[dict[str, float], int]:
    seconds = dict.fromkeys(workers, 0.0)
    chars = 0
    names = list(workers)
    for i, path in enumerate(paths):
        for name in names if i % 2 == 0 else reversed(names):  # A, B then B, A: no side always first
            secs, length = workers[name].ask(path).split()
            seconds[name] += float(secs)
        chars += int(length)
    return seconds, chars


def compare(old: Path, new: Path, seeds: Path, n_docs: int, rounds: int) -> None:
    sys.path.insert(0, str(HERE))
    from bench import build_corpus  # benchmarks/bench.py, beside this file

    work = Path(tempfile.mkdtemp(prefix="polex-paired-"))
    build_corpus(work / "corpus", n_docs, seeds)
    paths = sorted(str(p) for p in (work / "corpus").rglob("*") if p.is_file())
    workers = {"old": _Worker(old), "new": _Worker(new)}
    for w in workers.values():  # warm-up (imports, first ruby page, tables), then reset the stages
        for path in paths[:5]:
            w.ask(path)
        w.ask("STAGES")
    for _ in range(rounds):
        seconds, chars = _round(workers, paths)
        print(
            f"{time.strftime('%H:%M:%S', time.gmtime())} UTC, {len(paths)} docs, {chars} chars: "
            f"old {seconds['old']:.3f} s = {chars / seconds['old'] / 1e6:.3f} M chars/s, "
            f"new {seconds['new']:.3f} s = {chars / seconds['new'] / 1e6:.3f} M chars/s, "
            f"new/old {seconds['new'] / seconds['old']:.3f}",
            flush=True,
        )
    stages = {name: json.loads(w.ask("STAGES")) for name, w in workers.items()}
    for stage in sorted(stages["old"], key=lambda s: -stages["old"][s]):
        a, b = stages["old"][stage], stages["new"].get(stage, 0.0)
        print(f"  {stage:28s} old {a:7.3f} s  new {b:7.3f} s  {100 * (b - a) / a if a else 0.0:+6.1f}%")
    for w in workers.values():
        w.close()


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--worker":
        worker(Path(sys.argv[2]))
        sys.exit(0)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path, help="a checkout of the code before (its own pipeline/ etc.)")
    parser.add_argument("new", type=Path, help="a checkout of the code after")
    parser.add_argument("--seeds", type=Path, default=HERE.parent / "corpus")
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    compare(args.old.resolve(), args.new.resolve(), args.seeds, args.docs, args.rounds)
