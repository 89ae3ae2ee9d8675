"""The extractor registry: order from ``requires``, each extractor sees only what it requires."""

from __future__ import annotations

import dataclasses

import pyarrow as pa
import pytest

import extractors
from extractors.base import Extractor, resolve_order
from pipeline.core.document import RawDocument
from pipeline.process import process_document


def _ex(name: str, *requires: str) -> Extractor:
    return Extractor(name=name, table=name, columns=[pa.field("x", pa.int64())], find=lambda ctx: [], requires=requires)


def test_requirements_run_first_and_ties_keep_the_given_order():
    a, b, c, d = _ex("a", "c"), _ex("b"), _ex("c"), _ex("d", "a", "b")
    assert [ex.name for ex in resolve_order([a, b, c, d])] == ["b", "c", "a", "d"]


def test_a_cycle_is_refused():
    with pytest.raises(ValueError, match="cycle"):
        resolve_order([_ex("a", "b"), _ex("b", "a")])


def test_an_unknown_requirement_is_refused():
    with pytest.raises(ValueError, match="unknown"):
        resolve_order([_ex("a", "nope")])


def test_the_registry_order():
    assert extractors.ORDER == ["deadlines", "amounts", "targets", "responsible_units", "tasks"]
    assert extractors.get("targets").requires == ("deadlines",)
    assert extractors.get("tasks").requires == ("responsible_units",)
    for ex in extractors.all_extractors():
        earlier = extractors.ORDER[: extractors.ORDER.index(ex.name)]
        assert set(ex.requires) <= set(earlier)


def test_an_extractor_sees_only_the_rows_it_requires(monkeypatch):
    seen = {}
    real = extractors.get("targets")

    def find(ctx):
        seen.update({name: len(rows) for name, rows in ctx.results.items()})
        return real.find(ctx)

    monkeypatch.setitem(extractors.REGISTRY, "targets", dataclasses.replace(real, find=find))
    text = "到2025年，规模以上企业达到800家，设立2亿元专项资金。"
    process_document(RawDocument("d", "d.txt", "-", text, "utf-8"))
    assert seen == {"deadlines": 1}  # not amounts, which ran before it too
