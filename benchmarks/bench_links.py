"""target_links benchmark: linking a national corpus's worth of targets.

    python benchmarks/bench_links.py                      # 50,000 documents x 30 targets
    python benchmarks/bench_links.py --docs 2000 --verify # small, and check incremental == full

Synthetic targets (no documents are needed: linking is a function of the
targets table).  Each document has ``--targets`` targets; an indicator is a
subject drawn Zipf-like from ``--subjects`` synthetic subjects of two to four characters
(a few are in very many documents, most in a few; with the defaults a
document links with about as many others as in the bundled corpus) plus one of the common
indicator heads below, dressed in the variants documents write (全省, 集群内,
省级以上, 数量, 规上 …) and a unit of its kind in one of its magnitudes.

Each document also gets a synthetic region (31 provinces x 16 cities x 8
counties; 2% national, 8% province, 30% city, 60% county documents), so
links stay on one administrative chain as they do when the documents table
has its region columns; ``--no-regions`` links every pair instead (then the
table grows with the square of the corpus: try it at a few thousand).

Reported: a full build (every pair) and a nightly incremental update
(``--changed`` documents edited, as many added, as many removed, against the
published links of the full build): seconds, targets per second, candidate
and final link counts, peak RSS.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import resource
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.linking import assign_target_ids, link_all, update_links  # noqa: E402

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
TARGET_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("target_id", pa.string()),
        ("section_id", pa.int32()),
        ("norm_start", pa.int64()),
        ("norm_end", pa.int64()),
        ("indicator", pa.string()),
        ("value", pa.float64()),
        ("value_max", pa.float64()),
        ("unit", pa.string()),
        ("comparator", pa.string()),
        ("deadline_year", pa.int64()),
    ]
)


def _subjects(count: int, rnd: random.Random) -> list[str]:
    found: set[str] = set()
    while len(found) < count:
        found.add("".join(rnd.choice(SUBJECT_CHARS) for _ in range(rnd.choice([2, 3, 4]))))
    return sorted(found)


def document_targets(
    doc_id: str, per_doc: int, subjects: list[str], weights: list[float], rnd: random.Random
) -> list[dict]:
    rows = []
    for position in range(per_doc):
        head, units = rnd.choice(HEADS)
        subject = rnd.choices(subjects, cum_weights=weights)[0]
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
    assign_target_ids(rows)
    return rows


def corpus(doc_ids: list[str], per_doc: int, subjects: list[str], weights: list[float], rnd: random.Random) -> pa.Table:
    """The targets of ``doc_ids``, built a thousand documents at a time (no row dicts kept)."""
    parts = []
    for start in range(0, len(doc_ids), 1000):
        rows = [
            row
            for doc_id in doc_ids[start : start + 1000]
            for row in document_targets(doc_id, per_doc, subjects, weights, rnd)
        ]
        parts.append(pa.Table.from_pylist(rows, schema=TARGET_SCHEMA))
    return pa.concat_tables(parts) if parts else TARGET_SCHEMA.empty_table()


def documents_table(doc_ids: list[str], seed: int) -> pa.Table:
    rnd = random.Random(seed)
    rows = []
    for doc_id in doc_ids:
        level = rnd.choices(["national", "province", "city", "county"], [2, 8, 30, 60])[0]
        province, city, county = f"省{rnd.randrange(31)}", f"市{rnd.randrange(16)}", f"县{rnd.randrange(8)}"
        rows.append(
            {
                "doc_id": doc_id,
                "admin_level": level,
                "province": None if level == "national" else province,
                "city": f"{province}{city}" if level in ("city", "county") else None,
                "county": f"{province}{city}{county}" if level == "county" else None,
            }
        )
    return pa.Table.from_pylist(rows)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=50_000)
    ap.add_argument("--targets", type=int, default=30, help="targets per document")
    ap.add_argument("--subjects", type=int, default=100_000, help="distinct synthetic subjects")
    ap.add_argument(
        "--changed", type=int, default=100, help="documents edited, added and removed for the incremental run"
    )
    ap.add_argument("--zipf", type=float, default=1.0, help="Zipf exponent of the subjects' frequencies")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--verify", action="store_true", help="check the incremental result against a full recompute")
    ap.add_argument("--no-regions", action="store_true", help="no region columns: link every pair of documents")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)

    started = time.perf_counter()
    rnd = random.Random(args.seed)
    subjects = _subjects(args.subjects, rnd)
    weights = list(itertools.accumulate(1.0 / (rank + 1) ** args.zipf for rank in range(len(subjects))))
    names = [f"d{i:07d}.txt" for i in range(args.docs)]
    all_targets = corpus(names, args.targets, subjects, weights, rnd)
    report = {"docs": args.docs, "targets": all_targets.num_rows, "generate_s": round(time.perf_counter() - started, 2)}

    added_names = [f"n{i:07d}.txt" for i in range(args.changed)]
    documents = None if args.no_regions else documents_table(names + added_names, args.seed)
    started = time.perf_counter()
    links = link_all(all_targets, documents)
    report["full_s"] = round(time.perf_counter() - started, 2)
    report["full_links"] = links.num_rows
    report["full_targets_per_s"] = round(all_targets.num_rows / report["full_s"])
    report["full_peak_rss_mb"] = round(peak_rss_mb())

    edited_names = rnd.sample(names, args.changed)
    removed = rnd.sample(sorted(set(names) - set(edited_names)), args.changed)
    changed = corpus(edited_names + added_names, args.targets, subjects, weights, rnd)
    gone = pa.array(edited_names + removed)
    kept = all_targets.filter(pc.invert(pc.is_in(all_targets.column("doc_id"), value_set=gone)))
    new_targets = pa.concat_tables([kept, changed])
    started = time.perf_counter()
    updated = update_links(links, changed, new_targets, documents)
    report["incremental_s"] = round(time.perf_counter() - started, 2)
    report["incremental_links"] = updated.num_rows
    report["peak_rss_mb"] = round(peak_rss_mb())
    if args.verify:
        report["incremental_equals_full"] = updated.equals(link_all(new_targets, documents))
    print(json.dumps(report, indent=1))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
