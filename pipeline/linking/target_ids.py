"""``target_id``: a name for a target that survives re-runs and edits elsewhere.

``target_id = "t" + sha256(doc_id, indicator, value, unit, occurrence)[:16]``,
where the indicator is NFKC-folded with whitespace removed, the value is
written in a fixed format, and ``occurrence`` counts the targets of the same
document with the same (indicator, value, unit) that come before it in the
text.  What that guarantees:

- the same document (same ``doc_id``, its path under CORPUS) run again gives
  the same ids, whatever the batch, machine or order of processing;
- an edit elsewhere in the document (a paragraph added above, a heading
  renumbered, other targets added, removed or changed) leaves the id alone,
  since neither offsets nor section numbers nor row numbers enter it;
- it changes when the target itself changes (its indicator, value or unit,
  whether by an edit or by an extractor version that reads it differently),
  when a target with the same indicator, value and unit is added or removed
  before it in the same document, or when the file is moved or renamed.
"""

from __future__ import annotations

import hashlib
import unicodedata
from operator import itemgetter
from typing import Any, Iterable

import regex

ID_HEX_CHARS = 16  # 64 bits: any collision among 100 million targets has probability ~3e-4
_SPACES = regex.compile(r"\s+")
_TEXT_ORDER = itemgetter("norm_start", "norm_end")


def _normal_text(text: str | None) -> str:
    """NFKC without spaces; anything but a string (None, a NaN from pandas) is empty."""
    if not isinstance(text, str):
        return ""
    folded = unicodedata.normalize("NFKC", text)
    # every character ``\s`` matches but " " is unprintable (Zs, Zl, Zp, Cc), so a printable
    # text without " " has nothing to remove: the common case skips the substitution
    if " " not in folded and folded.isprintable():
        return folded
    return _SPACES.sub("", folded)


def _normal_value(value: Any) -> str:
    if value is None or value != value:  # None or NaN
        return ""
    return format(float(value), ".12g")


def target_key(indicator: str | None, value: Any, unit: str | None) -> str:
    """What a target is, for its id: indicator, value and unit in fixed spellings."""
    return "\x1f".join((_normal_text(indicator), _normal_value(value), _normal_text(unit)))


def make_target_id(doc_id: str, key: str, occurrence: int) -> str:
    digest = hashlib.sha256(f"{doc_id}\x1e{key}\x1e{occurrence}".encode("utf-8")).hexdigest()
    return "t" + digest[:ID_HEX_CHARS]


def assign_target_ids(rows: Iterable[dict[str, Any]]) -> None:
    """Set ``row["target_id"]`` on one document's target rows (in place).

    Occurrences are counted in text order (``norm_start``, then ``norm_end``),
    whatever order the rows come in.
    """
    seen: dict[tuple[str, str], int] = {}
    for row in sorted(rows, key=_TEXT_ORDER):
        doc_id = row["doc_id"]
        key = target_key(row.get("indicator"), row.get("value"), row.get("unit"))
        counted = (doc_id, key)
        occurrence = seen.get(counted, 0)
        seen[counted] = occurrence + 1
        row["target_id"] = make_target_id(doc_id, key, occurrence)
