"""The ordered normalisation steps and :func:`normalize`, which runs them.

Order matters:
1. ``newlines``   CRLF → LF first (and a PDF's page separator ``\f`` → ``\n``), so every
                  later pattern sees one kind of break;
2. ``ideographs`` Kangxi radicals and compatibility ideographs a PDF font maps its glyphs to
                  (``⼭`` for 山) → the unified ideograph, before any step compares characters;
3. ``ruby``       on the raw characters (ASCII brackets, before width touches them);
4. ``t2s``        after ruby so annotations do not dilute the traditional-share test;
5. ``boilerplate``on simplified text, so one pattern covers 點擊/点击 (its patterns accept
                  both :/： and full-width digits); it also deletes PDF page numbers and running
                  headers (``page_furniture``), leaving only blank lines where they stood;
6. ``pdf_wraps``  after boilerplate (the furniture between a wrapped line's halves is gone), before
   ``text_wraps`` linebreaks: joins lines that run to the column's width.  ``pdf_wraps`` for paged formats
                  (PDF); ``text_wraps``, the same joins, for every other format where the lines show a
                  PDF's column beyond doubt (a .txt extracted from a PDF, hard-wrapped every ~28-35
                  characters: ``pdf_wraps.TEXT_MIN_COLUMN``/``TEXT_MIN_FULL_LINES``).  A text whose lines
                  are paragraphs has no common width and is left alone.  Headings are unharmed: ``sections``
                  ends a .txt's title at a raw line end a normaliser joined (GUIDE).  On corpus-real it
                  changes one row set (0130's subsidy caps, ``补贴上限为每年`` / ``200 万元``, now ``<=``
                  caps) and lifts LY1's hard_wrap layout micro F1 0.994 -> 0.998 (docs/layout-robustness-log.md);
7. ``linebreaks`` after boilerplate, so deleted chrome leaves only blank lines to collapse and
                  a word cut by a page break (``智能制`` / page furniture / ``造``) is rejoined;
8. ``width``      after the steps that delete more than spaces: whether an ASCII mark stays
                  ASCII depends on its neighbours, which must be final (idempotence);
9. ``spacing``    last: joined paragraphs are judged as the lines they became (idempotence).

``step_order(paged)`` is the order for one document (``pdf_wraps`` for paged formats, ``text_wraps``
for the others); ``ideographs`` runs for every format (it changed no row of the bundled,
devset and corpus-real texts).

A new step: a module with one function ``text -> (new_text, OffsetMap)``,
imported here and put in ``STEPS`` at its place.  Cached results need no
version bump: the cache key (``pipeline.fingerprint``) hashes this package.
"""

from __future__ import annotations

from time import perf_counter
from typing import Callable

from normalizers import (
    boilerplate,
    chinese_script,
    ideographs,
    linebreaks,
    newlines,
    pdf_wraps,
    ruby,
    spacing,
    width,
)
from pipeline.core.document import NormalizedText
from pipeline.core.offsets import OffsetMap

Step = Callable[[str], "tuple[str, OffsetMap]"]

# name -> step, in the order they run
STEPS: dict[str, Step] = {
    "newlines": newlines.unify_newlines,
    "ideographs": ideographs.unify_ideographs,
    "ruby": ruby.remove_ruby,
    "t2s": chinese_script.to_simplified,
    "boilerplate": boilerplate.remove_boilerplate,
    "pdf_wraps": pdf_wraps.join_wraps,
    "text_wraps": pdf_wraps.join_text_wraps,
    "linebreaks": linebreaks.fix_linebreaks,
    "width": width.unify_width,
    "spacing": spacing.remove_spaces,
}
ORDER = list(STEPS)
# Steps that read the layout only a paged format's text keeps (a PDF's line geometry), and their form for
# a text without pages (a .txt hard-wrapped from a PDF shows its column only by its lines' widths).
PAGED_ONLY = frozenset({"pdf_wraps"})
UNPAGED_ONLY = frozenset({"text_wraps"})


def step_order(paged: bool) -> list[str]:
    """The steps, in order, for a document with pages (a PDF) or without (text, HTML, Word)."""
    skip = UNPAGED_ONLY if paged else PAGED_ONLY
    return [name for name in ORDER if name not in skip]


def normalize(raw_text: str, steps: list[str] | None = None, timings: dict[str, float] | None = None) -> NormalizedText:
    """Run the steps in order (by default those for a document without pages: ``step_order``);
    ``timings`` (optional) accumulates seconds per step for benchmarks."""
    total = OffsetMap.identity(len(raw_text))
    text = raw_text
    for name in steps or step_order(paged=False):
        started = perf_counter()
        text, step_map = STEPS[name](text)
        total = total.compose(step_map)
        if timings is not None:
            key = f"normalize:{name}"
            timings[key] = timings.get(key, 0.0) + perf_counter() - started
    return NormalizedText(raw_text=raw_text, text=text, offsets=total)
