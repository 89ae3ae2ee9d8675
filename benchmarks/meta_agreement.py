"""Agreement of polex's region, level and genre with corpus-real's MANIFEST.csv.

    python benchmarks/meta_agreement.py [--corpus ../shared/corpus-real] [--manifest FILE] [--show]

Reads every file the manifest lists (that exists under --corpus), runs the
core path's metadata stages (reader → normalisers → ``extract_meta`` →
``complete_meta``) and compares with the manifest's columns:

- ``province``: MANIFEST's short name (`山东`; `全国` = none) against polex's
  province without its suffix (`山东省` → `山东`, `内蒙古自治区` → `内蒙古`);
- ``level``: 国务院/部委 → national, 省级 → province, 市级 → city, 区县级 → county;
- ``genre``: both sides reduced to the canonical type word by
  ``doc_genre.genre_word`` (MANIFEST `政府工作报告` → 工作报告);
- ``genre_family``: both sides reduced to the single type word they end with
  (指导意见 → 意见, 管理办法 → 办法, 行动计划 → 计划): the MANIFEST names types
  from its sources' titles (often English ones), more or less finely than
  CONVENTIONS, which takes the word the text uses for itself.

The MANIFEST was written from each source's own metadata, not from the text,
so a document whose text names no place cannot agree; these are counted as
disagreements, not left out.  ``--consistency`` also says how consistently the
MANIFEST's genre follows its own (Chinese) titles: the type word the title
ends with (an 印发 notice's 通知) or the attached document's type.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from normalizers import normalize  # noqa: E402
from pipeline.reading.reader import read_document  # noqa: E402
from pipeline.structure.divisions import short_name  # noqa: E402
from pipeline.structure.doc_genre import genre_family, genre_of_title, genre_word  # noqa: E402
from pipeline.structure.doc_meta import complete_meta  # noqa: E402
from pipeline.structure.metadata import extract_meta  # noqa: E402

# Held-out gold documents (tests/fixtures/realheld) are counted but never listed one by one.
HELD_OUT = {p.name for p in (REPO / "tests" / "fixtures" / "realheld" / "docs").glob("*")}
LEVELS = {"国务院": "national", "部委": "national", "省级": "province", "市级": "city", "区县级": "county"}
FIELDS = ("province", "level", "genre", "genre_family", "genre_consistent")
# genre_consistent: genre on the rows whose MANIFEST genre is CONVENTIONS' reading of its own title.


def expected(row: dict) -> dict:
    return {
        "province": None if row["province"] in ("", "全国") else row["province"],
        "level": LEVELS.get(row["level"]),
        "genre": genre_word(row["genre"]) or row["genre"] or None,
        "genre_family": genre_family(genre_word(row["genre"]) or row["genre"] or None),
        "genre_consistent": (genre_word(row["genre"]) or row["genre"] or None) if self_consistent(row) else None,
    }


def predicted(corpus: Path, relative: str) -> dict:
    doc = read_document(corpus, relative)
    norm = normalize(doc.raw_text, None, None)
    meta = extract_meta(norm)
    done = complete_meta(norm.text, doc.raw_text, meta.title, meta.doc_number, meta.issuer, meta.issue_date)
    return {
        "province": short_name(done.province) if done.province else None,
        "level": done.admin_level,
        "genre": done.genre,
        "genre_family": genre_family(done.genre),
        "genre_consistent": done.genre,
    }


def agreement(manifest: Path, files: dict[str, tuple[Path, str]]) -> tuple[dict, list[dict]]:
    """({field: {"right", "total", "rate"}}, disagreements) over the manifest rows whose file name is in
    ``files`` (name → (root, path under root) for ``read_document``)."""
    rows = list(csv.DictReader(manifest.open(encoding="utf-8")))
    tally = {name: [0, 0] for name in FIELDS}
    wrong = []
    for row in rows:
        name = Path(row["file"]).name
        if name not in files:
            continue
        want, got = expected(row), predicted(*files[name])
        for field in FIELDS:
            if want[field] is None and field != "province":
                continue  # no manifest value to agree with
            tally[field][1] += 1
            if want[field] == got[field]:
                tally[field][0] += 1
            elif name not in HELD_OUT:
                wrong.append({"file": name, "field": field, "manifest": want[field], "polex": got[field]})
    report = {f: {"right": r, "total": t, "rate": r / t if t else 1.0} for f, (r, t) in tally.items()}
    return report, wrong


def _title_genres(row: dict) -> tuple[str | None, str | None] | None:
    """(the type word the MANIFEST's Chinese title ends with, its attached document's type); None untitled."""
    title = row.get("title", "").split("（英文标题", 1)[0]
    if not title or "英文标题" in row["title"] or not any("\u4e00" <= ch <= "\u9fff" for ch in title):
        return None
    return genre_word(title), genre_of_title(title)


def self_consistent(row: dict) -> bool:
    """Whether the MANIFEST's genre is what CONVENTIONS reads from the MANIFEST's own title (the type word
    it ends with; for an 印发 notice the attached document's type)."""
    genres = _title_genres(row)
    return genres is not None and (genre_word(row["genre"]) or row["genre"]) == genres[1]


def manifest_consistency(manifest: Path) -> dict:
    """How the MANIFEST's genre relates to its own Chinese titles: ``consistent`` rows name the title's type
    word or its attached document's; of the 印发/转发 notices among them, how many name the wrapper (通知)
    and how many the attached type (CONVENTIONS' choice)."""
    counts = {"titled": 0, "consistent": 0, "notices": 0, "notice_wrapper": 0, "notice_attached": 0}
    for row in csv.DictReader(manifest.open(encoding="utf-8")):
        genres = _title_genres(row)
        if genres is None:
            continue
        counts["titled"] += 1
        genre = genre_word(row["genre"]) or row["genre"]
        wrapper, attached = genres
        counts["consistent"] += genre in (wrapper, attached)
        if wrapper and attached and wrapper != attached:
            counts["notices"] += 1
            counts["notice_wrapper"] += genre == wrapper
            counts["notice_attached"] += genre == attached
    return counts


def corpus_files(corpus: Path, manifest: Path) -> dict[str, tuple[Path, str]]:
    """Every manifest file present under ``corpus``, by file name."""
    rows = csv.DictReader(manifest.open(encoding="utf-8"))
    return {Path(r["file"]).name: (corpus, r["file"]) for r in rows if (corpus / r["file"]).is_file()}


def _default_corpus() -> Path:
    """../shared/corpus-real beside the repository (or beside the folder of worktrees)."""
    for base in (REPO.parent, REPO.parent.parent):
        if (base / "shared" / "corpus-real").is_dir():
            return base / "shared" / "corpus-real"
    return REPO.parent / "shared" / "corpus-real"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=_default_corpus(), help="default: ../shared/corpus-real")
    parser.add_argument("--manifest", type=Path, default=None, help="default: CORPUS/MANIFEST.csv")
    parser.add_argument("--show", action="store_true", help="list every disagreement")
    parser.add_argument("--consistency", action="store_true", help="the MANIFEST's genre against its own titles")
    args = parser.parse_args()
    manifest = args.manifest or args.corpus / "MANIFEST.csv"
    report, wrong = agreement(manifest, corpus_files(args.corpus, manifest))
    if args.show:
        for item in wrong:
            print(json.dumps(item, ensure_ascii=False))
    for field, s in report.items():
        print(f"{field:12s} {s['right']:4d}/{s['total']:<4d} {s['rate']:.3f}")
    if args.consistency:
        print("MANIFEST genre vs its own titles:", json.dumps(manifest_consistency(manifest)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
