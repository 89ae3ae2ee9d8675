"""Which OUT document each gold file annotates, and what to do when it changed.

A gold file names its document twice: ``doc`` (the file name) and ``sha256``
(of the file's bytes when the gold was written).  The join tries the hash
first, so a renamed or moved file is still found, then the name:

* ``same``: an OUT document has the gold's sha256 (under ``doc``'s name, or
  ``moved`` when under another path);
* ``changed``: only the name matches: the document was edited after its gold
  was written.  The gold spans are placed in the new text by their own text
  (:func:`pipeline.qa.align.relocate_spans`) and scored there; spans whose
  text is gone are listed and not scored.  The reviewer is told either way;
* ``missing``: neither: every gold span counts as missed.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from pipeline.qa.align import relocate_spans
from pipeline.qa.model import AnnotatedDoc, Span
from pipeline.qa.tables import find_document, index_by_name

SAME, MOVED, CHANGED, MISSING = "same", "moved", "changed", "missing"


@dataclass
class JoinedGold:
    gold: AnnotatedDoc  # as scored: spans relocated when the document changed
    out: AnnotatedDoc | None
    status: str
    lost: list[Span] = field(default_factory=list)  # changed: gold spans whose text is gone

    def note(self) -> str:
        """One line for the reviewer, empty when gold and document agree."""
        name = self.gold.doc
        if self.status == MISSING:
            return f"{name}: missing from OUT (no document with its name or sha256); all its gold spans count as missed"
        if self.status == MOVED:
            return f"{name}: found by sha256 as {self.out.doc}"
        if self.status == CHANGED:
            kept = len(self.gold.spans)
            lost = f"; {len(self.lost)} whose text is gone are not scored" if self.lost else ""
            return (
                f"{name}: document changed since its gold was written (sha256 {str(self.gold.sha256)[:12]}… → "
                f"{str(self.out.sha256)[:12]}…); scored after aligning: {kept} gold spans placed in the new text{lost}; "
                "re-check the gold (`polex gold validate`)"
            )
        return ""


def join_gold(gold_docs: list[AnnotatedDoc], out_docs: dict[str, AnnotatedDoc]) -> list[JoinedGold]:
    """Each gold document with its OUT document (by sha256, then by name) and the join's status."""
    by_path = index_by_name(out_docs)
    by_sha: dict[str, list[AnnotatedDoc]] = {}
    for doc in out_docs.values():
        if doc.sha256:
            by_sha.setdefault(doc.sha256, []).append(doc)
    joined = []
    for gold in gold_docs:
        named = find_document(by_path, gold.doc)
        same_hash = by_sha.get(gold.sha256 or "", [])
        if named is not None and named.sha256 == gold.sha256:
            joined.append(JoinedGold(gold, named, SAME))
        elif same_hash:
            joined.append(JoinedGold(gold, sorted(same_hash, key=lambda d: d.doc)[0], MOVED))
        elif named is not None and named.raw_text is not None:
            spans, lost = relocate_spans(gold.spans, named.raw_text)
            joined.append(JoinedGold(replace(gold, spans=spans), named, CHANGED, lost))
        elif named is not None:
            joined.append(JoinedGold(gold, named, SAME))  # no text to align with: score as it is
        else:
            joined.append(JoinedGold(gold, None, MISSING))
    return joined
