"""Snap span boundaries out of pinyin ruby annotations (GUIDE: `集(ji)(ji)群`).

A ruby run is one or more `(pinyin)` groups right after a Han character.
A span never starts or ends inside one: a start in ``[run_start, run_end)``
moves to ``run_end`` (the annotation belongs to the character before it), an
end in ``(run_start, run_end]`` moves to ``run_start``.  Gold and predicted
spans are snapped the same way before they are compared.

Not the same definition as ``normalizers.ruby`` (which deletes annotations
from norm_text): that one accepts 1-6 lowercase letters verified against the
character's pypinyin readings, this one any syllable-shaped group, tone marks
and digits included, since gold was annotated on raw text whatever its
reading.  Aligning them would change scores, not tables; left for the QA work.
"""

from __future__ import annotations

import numpy as np
import regex

# A pinyin syllable: optional initial, a vowel, a few more letters, optional tone digit.
_SYLLABLE = r"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?[aeiouvüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü\u0101-\u01dc]{0,5}[1-5]?"
RUBY_RUN = regex.compile(r"(?<=\p{Han})(?:\(" + _SYLLABLE + r"\))+")


class RubySnapper:
    """Ruby runs of one raw text, found once, then any number of snaps."""

    __slots__ = ("run_starts", "run_ends")

    def __init__(self, raw_text: str):
        bounds = [m.span() for m in RUBY_RUN.finditer(raw_text)]
        arr = np.array(bounds, dtype=np.int64).reshape(-1, 2)
        self.run_starts = arr[:, 0]
        self.run_ends = arr[:, 1]

    def _run_at(self, pos: int) -> int:
        """Index of the last run starting at or before ``pos`` (-1 if none)."""
        return int(np.searchsorted(self.run_starts, pos, side="right")) - 1

    def snap(self, start: int, end: int) -> tuple[int, int]:
        if self.run_starts.size == 0:
            return start, end
        i = self._run_at(start)
        if i >= 0 and start < self.run_ends[i]:
            start = int(self.run_ends[i])
        j = self._run_at(end - 1)
        if j >= 0 and self.run_starts[j] < end <= self.run_ends[j]:
            end = int(self.run_starts[j])
        return start, max(start, end)


def snap_all(raw_text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    snapper = RubySnapper(raw_text)
    return [snapper.snap(s, e) for s, e in spans]
