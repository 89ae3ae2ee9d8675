"""The ordered normalisation steps and :func:`normalize`, which runs them.

Order matters:
1. ``newlines``   CRLF → LF first, so every later pattern sees one kind of break;
2. ``ruby``       on the raw characters (ASCII brackets, before width touches them);
3. ``t2s``        after ruby so annotations do not dilute the traditional-share test;
4. ``boilerplate``on simplified text, so one pattern covers 點擊/点击 (its patterns accept
                  both :/： and full-width digits); it also deletes PDF page numbers and running
                  headers (``page_furniture``), leaving only blank lines where they stood;
5. ``linebreaks`` after boilerplate, so deleted chrome leaves only blank lines to collapse and
                  a word cut by a page break (``智能制`` / page furniture / ``造``) is rejoined;
6. ``width``      after the steps that delete more than spaces: whether an ASCII mark stays
                  ASCII depends on its neighbours, which must be final (idempotence);
7. ``spacing``    last: joined paragraphs are judged as the lines they became (idempotence).

A new step: a module with one function ``text -> (new_text, OffsetMap)``,
imported here and put in ``STEPS`` at its place.  Cached results need no
version bump: the cache key (``pipeline.fingerprint``) hashes this package.
"""

from __future__ import annotations

from time import perf_counter
from typing import Callable

from normalizers import boilerplate, chinese_script, linebreaks, newlines, ruby, spacing, width
from pipeline.core.document import NormalizedText
from pipeline.core.offsets import OffsetMap

Step = Callable[[str], "tuple[str, OffsetMap]"]

# name -> step, in the order they run
STEPS: dict[str, Step] = {
    "newlines": newlines.unify_newlines,
    "ruby": ruby.remove_ruby,
    "t2s": chinese_script.to_simplified,
    "boilerplate": boilerplate.remove_boilerplate,
    "linebreaks": linebreaks.fix_linebreaks,
    "width": width.unify_width,
    "spacing": spacing.remove_spaces,
}
ORDER = list(STEPS)


def normalize(raw_text: str, steps: list[str] | None = None, timings: dict[str, float] | None = None) -> NormalizedText:
    """Run the steps in order; ``timings`` (optional) accumulates seconds per step for benchmarks."""
    total = OffsetMap.identity(len(raw_text))
    text = raw_text
    for name in steps or ORDER:
        started = perf_counter()
        text, step_map = STEPS[name](text)
        total = total.compose(step_map)
        if timings is not None:
            key = f"normalize:{name}"
            timings[key] = timings.get(key, 0.0) + perf_counter() - started
    return NormalizedText(raw_text=raw_text, text=text, offsets=total)
