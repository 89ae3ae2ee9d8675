"""Aligning two versions of a document (pipeline.qa.align): by property, and on the real documents."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from paths import ROOT

from pipeline.qa.align import TextAlignment, map_spans, relocate_spans
from pipeline.qa.gold import load_gold_dir, read_document_text
from pipeline.qa.model import Span

REALDEV = ROOT / "tests" / "fixtures" / "realdev"
SENTENCE = "本方案自印发之日起施行。"

# Text drawn from what policy documents are made of: Han characters, digits, marks, line breaks.
chars = st.sampled_from(list("到年达家个亿元万规模以上企业，。；、\n（）1234567890一二三"))
texts = st.text(chars, min_size=1, max_size=300)


@st.composite
def edited(draw):
    """A text, an edit (replace text[a:b] with an insertion) and the new text."""
    old = draw(texts)
    a = draw(st.integers(0, len(old)))
    b = draw(st.integers(a, min(len(old), a + 12)))
    insertion = draw(st.text(chars, max_size=12))
    return old, a, b, insertion, old[:a] + insertion + old[b:]


@settings(max_examples=300, deadline=None)
@given(texts, st.data())
def test_an_insertion_leaves_every_span_beside_it_as_it_was(old, data):
    """Text inserted at one place (characters the document does not have, so there is one
    right alignment): every span before or after that place keeps its characters."""
    at = data.draw(st.integers(0, len(old)))
    insertion = data.draw(st.text(st.sampled_from(list("XYZ")), min_size=1, max_size=20))
    new = old[:at] + insertion + old[at:]
    alignment = TextAlignment(old, new)
    start = data.draw(st.integers(0, len(old) - 1))
    end = data.draw(st.integers(start + 1, len(old)))
    mapped = alignment.map_span(start, end)
    if end <= at or start >= at:
        assert mapped is not None and new[mapped.start : mapped.end] == old[start:end]
        assert mapped.same_text


@settings(max_examples=300, deadline=None)
@given(edited(), st.data())
def test_mapped_spans_stay_in_bounds_and_same_text_means_same_text(case, data):
    old, _a, _b, _insertion, new = case
    alignment = TextAlignment(old, new)
    start = data.draw(st.integers(0, len(old) - 1))
    end = data.draw(st.integers(start + 1, len(old)))
    mapped = alignment.map_span(start, end)
    if mapped is not None:
        assert 0 <= mapped.start < mapped.end <= len(new)
        if mapped.same_text:
            assert new[mapped.start : mapped.end] == old[start:end]


@settings(max_examples=300, deadline=None)
@given(edited())
def test_every_mapped_character_is_the_same_character(case):
    old, _a, _b, _insertion, new = case
    alignment = TextAlignment(old, new)
    for pos in range(len(old)):
        target = alignment.map_char(pos)
        if target is not None:
            assert new[target] == old[pos]
    kept = [alignment.map_char(p) for p in range(len(old))]
    kept = [p for p in kept if p is not None]
    assert kept == sorted(kept) and len(set(kept)) == len(kept)  # monotone, one-to-one


def realdev_pairs():
    for gold in load_gold_dir(REALDEV / "gold"):
        yield gold, read_document_text(REALDEV / "docs" / gold.doc)[0]


def test_one_sentence_edit_moves_every_gold_span_of_a_real_document():
    """Each real document with a sentence inserted mid-text: every gold span keeps its text."""
    for gold, text in realdev_pairs():
        inside = {p for s in gold.spans for p in range(s.start + 1, s.end)}
        cut = next(p for p in range(len(text) // 2, len(text)) if p not in inside)  # between spans
        new = text[:cut] + SENTENCE + text[cut:]
        moved, lost = map_spans(TextAlignment(text, new), gold.spans, new)
        assert lost == [], gold.doc
        assert [s.text for s in moved] == [s.text for s in gold.spans], gold.doc
        # and without the old text, by the spans' own text (what eval does for a changed document)
        relocated, gone = relocate_spans(gold.spans, new)
        assert gone == [] and all(new[s.start : s.end] == s.text for s in relocated), gold.doc
        shift = {s.start + (len(SENTENCE) if s.start >= cut else 0) for s in gold.spans}
        assert {s.start for s in relocated} == shift, gold.doc


def test_reflowed_document_still_aligns():
    """Every line break removed (a re-crawled page that lost its layout): the spans without a
    line break inside still land on their own characters."""
    for gold, text in realdev_pairs():
        new = text.replace("\n", "")
        moved, lost = map_spans(TextAlignment(text, new), [s for s in gold.spans if "\n" not in s.text], new)
        assert lost == [] and all(new[s.start : s.end] == s.text for s in moved), gold.doc


def test_relocate_uses_unique_neighbours_for_repeated_text():
    old = "一、目标\n到2025年，企业达到800家。\n二、措施\n到2025年，企业达到900家。\n"
    first = old.index("到2025年")
    second = old.index("到2025年", first + 1)
    spans = [
        Span("deadline", first, first + 7, "到2025年", {}),
        Span("deadline", second, second + 7, "到2025年", {}),
        Span("target", old.index("企业达到900家"), old.index("企业达到900家") + 8, "企业达到900家", {}),
    ]
    new = "前言。\n" + old.replace("企业达到800家", "企业达到850家")
    moved, lost = relocate_spans(spans, new)
    assert lost == []
    assert [s.start for s in moved] == [first + 4, second + 4, spans[2].start + 4]
