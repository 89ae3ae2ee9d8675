"""Normalisation steps, each a pure function ``text -> (new_text, OffsetMap)``.

``normalize(raw_text)`` runs the steps of ``normalizers.pipeline.STEPS`` in
order and composes their maps, so every span of ``norm_text`` maps to the
exact raw characters.  Imports only ``pipeline.core`` (and its own modules).
"""

from normalizers.pipeline import ORDER, STEPS, normalize, step_order

__all__ = ["ORDER", "STEPS", "normalize", "step_order"]
