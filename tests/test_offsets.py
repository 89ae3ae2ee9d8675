"""The offset map is the provenance spine: test it by example and by property."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.core.offsets import Edit, OffsetMap, apply_edits


def test_deletion_keeps_neighbours_tight():
    raw = "集(ji)(ji)群"
    text, m = apply_edits(raw, [Edit(1, 9, "")])
    assert text == "集群"
    # the span of 集群 covers the deleted annotation between the two characters
    assert m.to_source(0, 2) == (0, len(raw))
    # a span ending on 集 ends right after it, before the annotation
    assert m.to_source(0, 1) == (0, 1)
    assert m.to_target(0, len(raw)) == (0, 2)
    assert m.to_target(1, 9) == (1, 1)  # only deleted characters: empty span


def test_equal_length_replacement_maps_char_by_char():
    raw = "到２０２５年"
    text, m = apply_edits(raw, [Edit(1, 5, "2025")])
    assert text == "到2025年"
    assert [m.to_source(i, i + 1) for i in range(len(text))] == [(i, i + 1) for i in range(6)]


def test_unequal_replacement_maps_to_whole_span():
    text, m = apply_edits("a\r\nb", [Edit(1, 3, "\n")])
    assert text == "a\nb"
    assert m.to_source(1, 2) == (1, 3)


def test_insertion_is_refused():
    with pytest.raises(ValueError):
        apply_edits("ab", [Edit(1, 1, "x")])


def test_overlapping_edits_are_refused():
    with pytest.raises(ValueError):
        apply_edits("abcdef", [Edit(1, 4, ""), Edit(3, 5, "")])


def test_compose_checks_lengths():
    with pytest.raises(ValueError):
        OffsetMap.identity(3).compose(OffsetMap.identity(4))


def test_empty_result():
    text, m = apply_edits("abc", [Edit(0, 3, "")])
    assert text == "" and m.target_len == 0
    assert m.to_source(0, 0) == (3, 3)


@st.composite
def text_and_edits(draw):
    text = draw(st.text(alphabet="集群ab1２（）(ji)\n 年", min_size=0, max_size=40))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=10)))
    edits, pos = [], 0
    for a, b in zip(cuts[::2], cuts[1::2]):
        if a < pos or a == b:
            continue
        kind = draw(st.sampled_from(["delete", "same", "shrink"]))
        if kind == "delete":
            rep = ""
        elif kind == "same":
            rep = "x" * (b - a)
        else:
            rep = "y"
        edits.append(Edit(a, b, rep))
        pos = b
    return text, edits


@settings(max_examples=300, deadline=None)
@given(text_and_edits(), st.data())
def test_composed_maps_point_to_source_characters(case, data):
    """Two rounds of edits: every target char maps to a source span, spans are monotone,
    and a kept (unedited) character maps back to itself."""
    text, edits = case
    mid, first = apply_edits(text, edits)
    cuts = sorted(data.draw(st.lists(st.integers(0, len(mid)), max_size=6)))
    second_edits = [Edit(a, b, "") for a, b in zip(cuts[::2], cuts[1::2]) if a < b]
    # drop overlaps
    cleaned, pos = [], 0
    for e in second_edits:
        if e.start >= pos:
            cleaned.append(e)
            pos = e.end
    final, second = apply_edits(mid, cleaned)
    total = first.compose(second)
    assert total.target_len == len(final)
    assert total.source_len == len(text)
    assert np.all(np.diff(total.src_start) >= 0) and np.all(np.diff(total.src_end) >= 0)
    assert np.all(total.src_start < total.src_end)
    assert np.all(total.src_end <= len(text))
    for i in range(len(final)):
        s, e = total.to_source(i, i + 1)
        if e - s == 1 and final[i] not in "xy":
            assert text[s] == final[i]
    # round trip: a target span -> source -> target gives the span back
    if final:
        a = data.draw(st.integers(0, len(final) - 1))
        b = data.draw(st.integers(a + 1, len(final)))
        assert total.to_target(*total.to_source(a, b)) == (a, b)
