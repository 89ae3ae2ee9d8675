"""The removal guard: a run never empties the published tables by mistake.

A corpus folder that is empty, unmounted or mistyped looks to the planner
like "every document was removed", and publishing that plan would replace
every table with empty ones.  This check runs on the plan's counts alone
(published, removed, still present), before any work, so it does not depend
on how planning or publishing is done.  ``--allow-removals`` lifts it.
"""

from __future__ import annotations

from pipeline.errors import RemovalRefused

# More than this share of the published documents gone in one run is taken for a mistake.
MAX_REMOVED_SHARE = 0.5


def check_removals(published: int, removed: int, present: int, allowed: bool = False) -> None:
    """Raise :class:`RemovalRefused` unless removing ``removed`` of the ``published``
    documents (``present`` files are in the corpus now) is plausible, or ``allowed``.

    Refused: a corpus that holds no files at all, and a run that would remove
    more than half of the published documents.
    """
    if allowed:
        return
    if present == 0:
        what = (
            f"publishing would remove all {published} published documents"
            if published
            else "there is nothing to publish"
        )
        raise RemovalRefused(
            f"the corpus folder holds no documents, so {what}; check the folder "
            "(mounted? the right path?), or pass --allow-removals to publish it empty"
        )
    if published and removed > published * MAX_REMOVED_SHARE:
        raise RemovalRefused(
            f"this run would remove {removed} of the {published} published documents (more than "
            f"{MAX_REMOVED_SHARE:.0%}) as they are no longer in the corpus folder; check the folder, "
            "or pass --allow-removals if they were removed on purpose"
        )
