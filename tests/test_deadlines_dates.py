"""deadlines: written days become datetime.date (the JSONL runner cannot compare dates)."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pytest

from extractors import get
from pipeline.document import DocumentMeta, ExtractContext, NormalizedText
from pipeline.offsets import OffsetMap
from pipeline.schema import span_table_schema

EXTRACTOR = get("deadlines")


def _rows(text: str, issue_date: str | None = None):
    norm = NormalizedText(text, text, OffsetMap.identity(len(text)))
    ctx = ExtractContext(doc_id="t", norm=norm, meta=DocumentMeta(issue_date=issue_date))
    return EXTRACTOR.extract(ctx)


@pytest.mark.parametrize(
    "text,issue,date",
    [
        ("自2022年12月24日起施行", None, dt.date(2022, 12, 24)),
        ("有效期至2025年12月23日。", None, dt.date(2025, 12, 23)),
        ("须于2024年12月31日前提交", "2024-01-01", dt.date(2024, 12, 31)),
        ("须于9月30日前提交", "2024-01-01", dt.date(2024, 9, 30)),
        ("自印发之日起施行", "2023-05-06", dt.date(2023, 5, 6)),
        ("2025年底前完成", None, None),
        ("到2025年6月，完成", None, None),
        ("须于2月30日前提交", "2024-01-01", None),  # no such day: keep the row, drop the date
    ],
)
def test_written_day_gives_a_date(text, issue, date):
    rows = _rows(text, issue)
    assert len(rows) == 1
    assert rows[0]["date"] == date


def test_month_only_without_any_year_has_null_year():
    (row,) = _rows("各地于6月底前报送")
    assert row["kind"] == "by" and row["year"] is None and row["date"] is None


def test_past_by_dates_are_dropped_only_when_the_document_year_is_known():
    text = "截至2022年底，全市已有企业500家。"
    assert _rows(text, "2023-06-01") == []
    assert [r["year"] for r in _rows(text, None)] == [2022]


def test_rows_fit_the_declared_arrow_schema():
    text = "到2025年，每三年复核一次，3年内完成，自2022年12月24日起施行，有效期至2025年12月23日。"
    rows = _rows(text, "2022-11-23")
    assert [r["kind"] for r in rows] == ["by", "recurring", "within", "from", "until"]
    schema = pa.schema([pa.field("norm_start", pa.int64()), pa.field("norm_end", pa.int64())] + EXTRACTOR.columns)
    table = pa.Table.from_pylist([{k: r[k] for k in schema.names} for r in rows], schema=schema)
    assert table.column("date").to_pylist()[3] == dt.date(2022, 12, 24)
    assert span_table_schema(EXTRACTOR.columns).field("year").type == pa.int64()


def test_first_char_guard_drops_no_match():
    """The speed guard in front of the pattern must not hide any alternative."""
    import json
    import re
    from pathlib import Path

    import extractors.deadlines as mod

    root = Path(__file__).resolve().parent.parent
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "corpus").glob("*.txt"))]
    examples = root / "extractors" / "examples" / "deadlines.jsonl"
    texts += [json.loads(line)["text"] for line in examples.read_text(encoding="utf-8").splitlines() if line.strip()]
    unguarded = re.compile(mod._BODY)
    for text in texts:
        assert [m.span() for m in mod._PATTERN.finditer(text)] == [m.span() for m in unguarded.finditer(text)]
