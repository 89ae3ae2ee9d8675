"""Pinyin ruby removal: ``濱(bin)州``, ``集(ji)(ji)群``, ``建(jia`` cut off at a line end.

Web pages that render ``<ruby>`` lose the markup when copied and leave the
reading in ASCII parentheses after the character.  An annotation is a run of
lowercase letters in ASCII parentheses directly after a Han character or
after another annotation.  It is deleted only when it is a reading of that
character (pypinyin, all heteronyms, of the character and of its simplified
form), so ``(一)``, ``(RCEP)``, ``(含)``, ``(试行)``, ``(2021-2023年)`` and
``措施(e)`` survive.  Documents that carry many verified annotations also
misplace some (the reading of the neighbouring character); there any valid
pinyin syllable after a Han character counts, judged on the whole document
so one stray ``(e)`` elsewhere never switches that on.

A PDF wraps lines anywhere, also inside an annotation and between a character and its
annotations: ``工(`` / ``gong)業``, ``建(jia`` / ``n)設``, ``制(zhi)`` / ``(zhi)造``.  Such a
line break is left out while annotations are found and judged, so the annotation is
judged whole; it is deleted with the annotation it falls inside (the line is joined
there), and kept when it stands before one (``linebreaks`` decides).  A page end between
the halves (page number, running footer and header) counts as one such break and goes
with the annotation; breaks anywhere else are not looked through.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from operator import add, itemgetter
from pathlib import Path

import numpy as np

from normalizers.chinese_script import simplified_char
from normalizers.edits import deleted
from normalizers.page_furniture import MAX_HEADER_CHARS, PAGE_NUMBER
from pipeline.core.offsets import OffsetMap

# A Han character followed by one or more annotations, the last of which may be
# cut off by the line end (no closing parenthesis).
# (stdlib re with explicit Han blocks: three times faster than regex's \p{Han} here)
_HAN_RANGES = ((0x3007, 0x3007), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F))
_HAN = "[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in _HAN_RANGES) + "]"
# Read from the chain's first "(", after its Han character (a literal first: re skips to
# candidates at C speed, where a pattern opening with the Han class is tried at every
# character): the complete annotations, then the cut-off one.  No groups: findall gives each
# chain as one string, without a match object or a tuple per chain.
_CHAIN = re.compile(
    rf"\((?<={_HAN}\()(?=[a-zü])(?:[a-zü]{{1,6}}\)(?:\([a-zü]{{1,6}}\))*)?"
    r"(?:(?<=\()[a-zü]{1,6}(?=\n|\Z)|(?<=\))\([a-zü]{1,6}(?=\n|\Z))?"
)
_ANNOTATION = re.compile(r"\(([a-zü]{1,6})\)")
# A line break inside a chain: after "(" and the first letters of an annotation, before the
# rest of it; or after a Han character or a complete annotation, before the next one.  A page
# end counts as one break: its page-number line (GB/T 9704 "— 3 —") with up to one footer
# line before and two header lines after, none with a bracket (a cut annotation's halves
# hold nothing else, and a body line of a ruby document is full of brackets).
# The scan starts at the line break (a literal: fast); what precedes it is checked apart.
_FURNITURE_LINE = rf"[^\n()（）]{{0,{MAX_HEADER_CHARS}}}\n"
_PAGE_END = rf"(?:{_FURNITURE_LINE})?[ \t\u3000]*(?:{PAGE_NUMBER})[ \t\u3000]*\n(?:{_FURNITURE_LINE}){{0,2}}"
_BREAK = re.compile(rf"\n(?:{_PAGE_END})?[ \u3000]?(?=[a-zü]{{1,6}}\)|\([a-zü])")
_BEFORE_BREAK = re.compile(rf"(?:\([a-zü]{{0,5}}|{_HAN}|[a-zü]\))[ \u3000]?\Z")
_BEFORE_WINDOW = 8  # characters: "(" + 5 letters + a blank
# What every chain holds: one C-level search (a literal-prefix scan) tells most documents
# apart, which _CHAIN cannot do fast (its first character is any Han, most of the text).
_MAY_ANNOTATE = re.compile(r"\([a-zü]")

# Verified annotations a document needs before misplaced ones (valid syllable,
# wrong character) are trusted too.
MIN_VERIFIED_FOR_SYLLABLE_TABLE = 5


def _load_syllables() -> frozenset[str]:
    path = Path(__file__).with_name("data") / "pinyin_syllables.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


SYLLABLES = _load_syllables()
SYLLABLE_PREFIXES = frozenset(s[:i] for s in SYLLABLES for i in range(1, len(s) + 1))


@lru_cache(maxsize=1)
def _pinyin_api():
    """pypinyin's ``pinyin`` and ``Style``, imported on first annotation only.

    Imported without its phrase dictionary (``PYPINYIN_NO_PHRASES``, read once
    at import): readings of single characters never use it -- the output for
    every Han code point (U+3007, U+3400-4DBF, U+4E00-9FFF, U+F900-FAFF,
    U+20000-3134F) is identical with and without it, checked with pypinyin
    0.55.0 as pinned -- and loading it costs ~0.13 s and ~45 MB per process.
    The variable is restored at once; if pypinyin is already imported this
    changes nothing.
    """
    saved = os.environ.get(_NO_PHRASES)
    os.environ[_NO_PHRASES] = "1"
    try:
        # Deferred import (measured 0.18 s): only documents with annotations pay it,
        # and the phrase dictionary must be switched off before the import.
        from pypinyin import Style, pinyin
    finally:
        if saved is None:
            del os.environ[_NO_PHRASES]
        else:
            os.environ[_NO_PHRASES] = saved
    return pinyin, Style


_NO_PHRASES = "PYPINYIN_NO_PHRASES"


@lru_cache(maxsize=8192)
def readings(char: str) -> frozenset[str]:
    """Toneless readings of a character and of its simplified form (ü spelled both v and ü)."""

    pinyin, Style = _pinyin_api()

    found: set[str] = set()
    for ch in {char, simplified_char(char)}:
        found.update(pinyin(ch, style=Style.NORMAL, heteronym=True)[0])
    found |= {r.replace("v", "ü") for r in found}
    return frozenset(r for r in found if r.isalpha())


def _is_reading_prefix(char: str, letters: str) -> bool:
    return any(r.startswith(letters) for r in readings(char))


def _judge_chain(char: str, annotations: str, cut: str | None) -> tuple[int, tuple, tuple]:
    """For one character and the annotations after it: (verified count, spans to delete when
    only the character's readings count, spans when any syllable counts), spans relative
    to the first annotation."""
    char_readings = readings(char)
    verified = 0
    strict: list[tuple[int, int]] = []
    loose: list[tuple[int, int]] = []
    strict_open = loose_open = True  # still right after the character or a deleted annotation
    for a in _ANNOTATION.finditer(annotations):
        syllable = a.group(1)
        if syllable in char_readings:
            verified += 1
        strict_open = strict_open and syllable in char_readings
        loose_open = loose_open and (syllable in char_readings or syllable in SYLLABLES)
        if strict_open:
            strict.append(a.span())
        if loose_open:
            loose.append(a.span())
    if cut:
        letters, span = cut[1:], (len(annotations), len(annotations) + len(cut))
        if strict_open and _is_reading_prefix(char, letters):
            strict.append(span)
        if loose_open and (_is_reading_prefix(char, letters) or letters in SYLLABLE_PREFIXES):
            loose.append(span)
    return verified, tuple(strict), tuple(loose)


# Chain (its character + _CHAIN's match) -> _judge_chain's verdict.  A ruby document repeats
# the same chains thousands of times (a few hundred distinct ones per document): looked up by
# one string, which costs less than a cached call per chain; cleared when full (flat memory).
_VERDICTS: dict[str, tuple[int, bytes, bytes]] = {}
_MAX_VERDICTS = 4096
_SPAN_BYTES = 16  # a (start, end) pair of int64


def _verdict(chain_text: str) -> tuple[int, bytes, bytes]:
    # "濱(bin)(bi": the character, its complete annotations, a cut-off last one (letters after
    # a "(" the line end cut); a lone "(" is what _CHAIN matches when no annotation follows
    char, body = chain_text[0], chain_text[1:]
    complete = body.rfind(")") + 1
    cut = body[complete:]
    verified, strict, loose = _judge_chain(char, body[:complete], cut if len(cut) > 1 else None)
    # kept flat (start, end, start, end, ...) as int64 bytes: a document's spans are one join and one
    # frombuffer, where numpy's fromiter packed every integer of every chain one by one
    found = verified, _span_bytes(strict), _span_bytes(loose)
    if len(_VERDICTS) >= _MAX_VERDICTS:
        _VERDICTS.clear()
    _VERDICTS[chain_text] = found
    return found


def _span_bytes(spans: tuple[tuple[int, int], ...]) -> bytes:
    return np.array(spans, dtype=np.int64).reshape(-1).tobytes()


def _chain_starts(text: str) -> np.ndarray:
    """Offset of every chain's first "(" (an ASCII "(" between a Han character and a letter),
    in text order: where _CHAIN's matches start, found without a match object each."""
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    opens = np.flatnonzero(points[1:-1] == ord("(")) + 1
    after, before = points[opens + 1], points[opens - 1]
    letter = ((after >= ord("a")) & (after <= ord("z"))) | (after == ord("ü"))
    han = np.zeros(opens.shape[0], dtype=bool)
    for low, high in _HAN_RANGES:
        han |= (before >= low) & (before <= high)
    return opens[letter & han].astype(np.int64)


def annotation_spans(text: str) -> np.ndarray:
    """(k, 2) array of the spans of every ruby annotation to delete, in text order.

    Built with C-level iteration (findall/map, numpy) rather than a Python loop per
    match: a ruby-annotated page has an annotation every few characters.
    """
    if _MAY_ANNOTATE.search(text) is None:
        return np.zeros((0, 2), dtype=np.int64)
    annotations = _CHAIN.findall(text)  # each chain's annotations, from its first "("
    if not annotations:
        return np.zeros((0, 2), dtype=np.int64)
    bases = _chain_starts(text)
    if bases.shape[0] != len(annotations):  # cannot happen: both find a "(" between Han and a letter
        raise AssertionError("ruby chains and their starts disagree")
    before = (bases - 1).tolist()
    chars = itemgetter(*before)(text) if len(before) > 1 else (text[before[0]],)
    chains = list(map(add, chars, annotations))
    verdicts = list(map(_VERDICTS.get, chains))
    if None in verdicts:
        verdicts = [known or _verdict(chain_text) for known, chain_text in zip(verdicts, chains)]
    use_table = sum(map(itemgetter(0), verdicts)) >= MIN_VERIFIED_FOR_SYLLABLE_TABLE
    chosen = list(map(itemgetter(2 if use_table else 1), verdicts))
    counts = np.array(list(map(len, chosen)), dtype=np.int64) // _SPAN_BYTES
    relative = np.frombuffer(b"".join(chosen), dtype=np.int64).reshape(-1, 2)
    return relative + np.repeat(bases, counts)[:, None]


def _chain_breaks(text: str) -> list[tuple[int, int]]:
    """Spans of the line breaks (with a blank before them, or a page end) inside ruby chains."""
    breaks = []
    for m in _BREAK.finditer(text):
        before = _BEFORE_BREAK.search(text, max(0, m.start() - _BEFORE_WINDOW), m.start())
        if before:
            blank = 1 if before.group(0)[-1] in " \u3000" else 0
            breaks.append((m.start() - blank, m.end()))
    return breaks


def _spans_through_breaks(text: str) -> np.ndarray:
    """``annotation_spans`` with the line breaks inside chains left out, in ``text``'s offsets."""
    if "(" not in text:  # every chain opens with one: no annotation, whatever the breaks (one C scan)
        return np.zeros((0, 2), dtype=np.int64)
    breaks = _chain_breaks(text)
    if not breaks:
        return annotation_spans(text)
    drop = np.concatenate([np.arange(a, b) for a, b in breaks])
    kept = np.delete(np.arange(len(text)), drop)  # view offset -> text offset
    view = "".join(text[a:b] for a, b in zip([0, *(b for _, b in breaks)], [a for a, _ in breaks] + [len(text)]))
    spans = annotation_spans(view)
    if not len(spans):
        return spans
    return np.stack([kept[spans[:, 0]], kept[spans[:, 1] - 1] + 1], axis=1)


def remove_ruby(text: str) -> tuple[str, OffsetMap]:
    return deleted(text, _spans_through_breaks(text))
