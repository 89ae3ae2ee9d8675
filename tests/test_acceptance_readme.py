"""Acceptance as a new user meets it: `polex run` in Prefect's ephemeral local mode
(no server configured) on the bundled corpus plus re-encoded copies, the issue's
checks on the published tables, `polex eval`, and the README's pandas session."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from paths import CORPUS, GOLD, ROOT

# Prefect, the CLI in subprocesses or a property-based fuzz suite: left out of `make test-fast`.
pytestmark = pytest.mark.slow

POLEX = Path(sys.executable).parent / "polex"
SPAN_TABLES = ["sections", "targets", "amounts", "deadlines", "responsible_units", "tasks"]
SEED_003 = "003_2453b0e7a4343327.txt"


def _env(tmp: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("PREFECT_API_URL", "PREFECT_PROFILE")}
    env["PREFECT_HOME"] = str(tmp / "prefect-home")  # its own home: ephemeral server, own SQLite
    env["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    return env


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("acceptance")
    corpus = tmp / "corpus"
    corpus.mkdir()
    for p in CORPUS.glob("*.txt"):
        (corpus / p.name).write_bytes(p.read_bytes())
    text = (CORPUS / SEED_003).read_text(encoding="utf-8")
    encodings = tmp / "corpus" / "encodings"
    encodings.mkdir()
    (encodings / "003_gb18030.txt").write_bytes(text.encode("gb18030"))
    (encodings / "003_utf16.txt").write_bytes(text.encode("utf-16"))  # with BOM
    (encodings / "003_utf8bom.txt").write_bytes(text.encode("utf-8-sig"))
    (encodings / "003_crlf.txt").write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    out = tmp / "out"
    result = subprocess.run(
        [str(POLEX), "run", str(corpus), "--out", str(out), "--no-progress"],
        env=_env(tmp),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return corpus, out, tmp


def test_documents_table(published):
    corpus, out, _ = published
    docs = pd.read_parquet(out / "documents.parquet")
    assert len(docs) == 9
    for row in docs.itertuples():
        data = (corpus / row.source_path).read_bytes()
        assert row.sha256 == hashlib.sha256(data).hexdigest()
        if "/" not in row.source_path:  # the UTF-8 seeds: raw_text is the file's text exactly
            assert row.raw_text == data.decode("utf-8")
    encodings = dict(zip(docs.source_path, docs.encoding))
    assert encodings["encodings/003_gb18030.txt"] == "gb18030"
    assert encodings["encodings/003_utf8bom.txt"] == "utf-8-sig"
    assert encodings["encodings/003_utf16.txt"].startswith("utf-16")


def test_documents_say_where_they_come_from_and_what_they_are(published):
    """A researcher slices the corpus by region, level, genre and status before reading a target."""
    _, out, _ = published
    docs = pd.read_parquet(out / "documents.parquet").set_index("source_path")
    county = docs.loc[SEED_003]
    assert (county.province, county.city, county.county) == ("山东省", "济宁市", "汶上县")  # city from GB/T 2260
    assert (county.division_code, county.admin_level, county.genre, county.status) == (
        "370830",
        "county",
        "意见",
        "final",
    )
    assert str(county.effective_date) == "2022-12-24" and str(county.expiry_date) == "2025-12-23"
    province = docs.loc["002_d4a341c0482e1261.txt"]
    assert (province.province, province.admin_level) == ("山东省", "province") and pd.isna(province.city)
    assert list(docs.loc["000_ce97e2b7f31f05a1.txt"].issuers) == ["中共济宁市委", "济宁市人民政府"]  # 联合发文
    assert docs.loc["004_5c61c9380c1bade9.txt"].status == "draft"  # 征求意见稿
    # Every copy of 003 under encodings/ is the same document: the same metadata.
    copies = docs[docs.index.str.startswith("encodings/")]
    assert set(copies.division_code) == {"370830"} and set(copies.genre) == {"意见"}
    assert set(docs.admin_level) == {"city", "province", "county"}
    # genre is the title's own type word; genre_family the class to filter by (意见 and 实施意见 alike)
    originals = docs[~docs.index.str.startswith("encodings/")]
    assert dict(zip(originals.genre, originals.genre_family)) == {
        "意见": "意见",
        "实施意见": "意见",
        "行动计划": "计划",
    }
    opinions = originals[originals.genre_family == "意见"]
    assert set(opinions.genre) == {"意见", "实施意见"} and len(opinions) == 4


def test_norm_text_acceptance(published):
    _, out, _ = published
    docs = pd.read_parquet(out / "documents.parquet").set_index("source_path")
    norm_001 = docs.loc["001_02d0f658efa8fe2c.txt", "norm_text"]
    assert norm_001.split("\n")[0] == "滨州市人民政府办公室关于加快发展先进制造业集群的实施意见"
    assert not re.search(r"[\u4e00-\u9fff]\([a-z]+\)", norm_001), "a ruby annotation survived"
    import opencc

    t2s = opencc.OpenCC("t2s").convert
    for traditional in "濱辦關發進製業實見縣區屬開":
        assert traditional not in norm_001
    leftovers = [(i, a) for i, (a, b) in enumerate(zip(norm_001, t2s(norm_001))) if a != b]
    assert not leftovers, f"traditional characters left: {leftovers[:10]}"
    assert "（一）" in norm_001
    norm_000 = docs.loc["000_ce97e2b7f31f05a1.txt", "norm_text"]
    assert "双循环" in norm_000 and "市税务局" in norm_000
    same = {
        docs.loc[p, "norm_text"]
        for p in [SEED_003] + [f"encodings/003_{k}.txt" for k in ("gb18030", "utf16", "utf8bom", "crlf")]
    }
    assert len(same) == 1, "one document in five encodings/line ends must give one norm_text"


def test_every_span_row_points_at_its_raw_text(published):
    _, out, _ = published
    docs = pd.read_parquet(out / "documents.parquet").set_index("doc_id")
    for table in SPAN_TABLES:
        df = pd.read_parquet(out / f"{table}.parquet")
        assert len(df) > 0, table
        for row in df.itertuples():
            raw = docs.loc[row.doc_id, "raw_text"]
            norm = docs.loc[row.doc_id, "norm_text"]
            assert raw[row.raw_start : row.raw_end] == row.text, (table, row)
            assert 0 <= row.norm_start <= row.norm_end <= len(norm)


def test_eval_on_gold_meets_the_floors(published):
    _, out, tmp = published
    result = subprocess.run(
        [
            str(POLEX),
            "eval",
            "--gold",
            str(GOLD),
            "--out",
            str(out),
            "--json",
            "--min-f1",
            "heading=0.95",
            "target=0.9",
            "amount=0.9",
            "deadline=0.9",
            "responsible_unit=0.9",
        ],
        env=_env(tmp),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    scores = json.loads(result.stdout)
    assert set(scores["labels"]) >= {"heading", "target", "amount", "deadline", "responsible_unit"}


def test_readme_pandas_session_runs(published):
    """The README's pandas block, run verbatim against the published folder."""
    _, out, _ = published
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```python\n(.*?)```", readme, re.S).group(1)
    block = block.replace('out = "outputs"', f"out = {str(out)!r}")
    result = subprocess.run([sys.executable, "-c", block], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    # the second print is raw_text[raw_start:raw_end]: the source characters of the first target
    targets = pd.read_parquet(out / "targets.parquet")
    assert lines[1] == targets.iloc[0].text
