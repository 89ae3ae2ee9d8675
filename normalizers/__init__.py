"""Normalisation steps, each a pure function ``text -> (new_text, OffsetMap)``.

``normalize(raw_text)`` runs the registered steps in order and composes their
maps, so every span of ``norm_text`` maps to the exact raw characters.
"""

from __future__ import annotations

from time import perf_counter
from typing import Callable

from pipeline.document import NormalizedText
from pipeline.offsets import OffsetMap

Step = Callable[[str], "tuple[str, OffsetMap]"]

# name -> step, in the order they run; filled by normalizers.pipeline
STEPS: dict[str, Step] = {}


def register(name: str) -> Callable[[Step], Step]:
    def deco(fn: Step) -> Step:
        STEPS[name] = fn
        return fn

    return deco


def normalize(
    raw_text: str, steps: list[str] | None = None, timings: dict[str, float] | None = None
) -> NormalizedText:
    """Run the steps in order; ``timings`` (optional) accumulates seconds per step for benchmarks."""
    from normalizers import pipeline as _order  # noqa: F401  (registers the steps in order)

    total = OffsetMap.identity(len(raw_text))
    text = raw_text
    for name in steps or list(STEPS):
        started = perf_counter()
        text, step_map = STEPS[name](text)
        total = total.compose(step_map)
        if timings is not None:
            key = f"normalize:{name}"
            timings[key] = timings.get(key, 0.0) + perf_counter() - started
    return NormalizedText(raw_text=raw_text, text=text, offsets=total)
