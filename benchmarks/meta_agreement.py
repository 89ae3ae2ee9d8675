"""Agreement of polex's region, level and genre with corpus-real's MANIFEST.csv.

    python benchmarks/meta_agreement.py [--corpus ../shared/corpus-real] [--manifest FILE] [--show] [--consistency]

Reads every file the manifest lists (that exists under --corpus), runs the
core path's metadata stages (reader → normalisers → ``extract_meta`` →
``complete_meta``) and compares with the manifest's columns:

- ``province``: MANIFEST's short name (`山东`; `全国` = none) against polex's
  province without its suffix (`山东省` → `山东`, `内蒙古自治区` → `内蒙古`);
- ``level``: 国务院/部委 → national, 省级 → province, 市级 → city, 区县级 → county;
- ``genre``: the MANIFEST's genre as written (`政府工作报告`, `管理规定`) against
  polex's ``genre``, exactly;
- ``genre_title``: the same, on the rows whose MANIFEST genre is what polex's rule
  (``doc_genre.genre_of_title``) reads from the MANIFEST's own Chinese title: where
  the MANIFEST follows its title, so the text, if it carries that title, can agree;
- ``genre_family``: the two genres' classes (``doc_genre.genre_family``: 指导意见 and
  意见 → 意见, 管理办法 and 办法 → 办法, 指引 and 指南 → 指南).

The MANIFEST was written from each source's own metadata (often an English
title), not from the text, so a document whose text names no place or type
cannot agree; these are counted as disagreements, not left out.
``--consistency`` says how the MANIFEST's genre relates to its own Chinese
titles: how many follow them, and for notices that issue a document whether
the MANIFEST names the 通知 or the attached type.
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
from pipeline.structure.doc_genre import genre_family, genre_label, genre_of_title, genre_word  # noqa: E402
from pipeline.structure.doc_meta import complete_meta  # noqa: E402
from pipeline.structure.metadata import extract_meta  # noqa: E402

# Held-out gold documents (tests/fixtures/realheld) are counted but never listed one by one.
HELD_OUT = {p.name for p in (REPO / "tests" / "fixtures" / "realheld" / "docs").glob("*")}
LEVELS = {"国务院": "national", "部委": "national", "省级": "province", "市级": "city", "区县级": "county"}
FIELDS = ("province", "level", "genre", "genre_title", "genre_family")


def expected(row: dict) -> dict:
    genre = row["genre"] or None
    return {
        "province": None if row["province"] in ("", "全国") else row["province"],
        "level": LEVELS.get(row["level"]),
        "genre": genre,
        "genre_title": genre if follows_title(row) else None,
        "genre_family": genre_family(genre),
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
        "genre_title": done.genre,
        "genre_family": done.genre_family,
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
    """(the type word the MANIFEST's Chinese title ends with, polex's genre of that title); None untitled."""
    title = row.get("title", "").split("（英文标题", 1)[0]
    if not title or "英文标题" in row.get("title", "") or not any("\u4e00" <= ch <= "\u9fff" for ch in title):
        return None
    return genre_word(title), genre_of_title(title)


def follows_title(row: dict) -> bool:
    """Whether the MANIFEST's genre is what polex's rule reads from the MANIFEST's own Chinese title."""
    genres = _title_genres(row)
    return genres is not None and row["genre"] == genre_label(genres[1], row["title"])


def manifest_consistency(manifest: Path) -> dict:
    """How the MANIFEST's genre relates to its own Chinese titles: ``follows_title`` rows name what polex
    reads from the title; of the notices that issue a document, how many name the notice (通知) and how
    many the attached type (polex's and CONVENTIONS' choice)."""
    counts = {"titled": 0, "follows_title": 0, "notices": 0, "notice_wrapper": 0, "notice_attached": 0}
    for row in csv.DictReader(manifest.open(encoding="utf-8")):
        genres = _title_genres(row)
        if genres is None:
            continue
        counts["titled"] += 1
        wrapper, attached = genres
        wrapper, attached = genre_label(wrapper), genre_label(attached, row["title"])
        counts["follows_title"] += row["genre"] == attached
        if wrapper and attached and wrapper != attached:
            counts["notices"] += 1
            counts["notice_wrapper"] += row["genre"] == wrapper
            counts["notice_attached"] += row["genre"] == attached
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
