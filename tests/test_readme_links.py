"""The README's links lead somewhere: every in-page anchor names a heading of the README (as GitHub makes
its anchors) and every relative link names a file of the repository, so that a reader who follows
"Contents" or a pointer to `docs/` (where the measurement logs moved) lands on the text."""

from __future__ import annotations

import re

from paths import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
LINK = re.compile(r"\]\(([^)\s]+)\)")


def _outside_code(text: str) -> str:
    return re.sub(r"```.*?```", "", text, flags=re.S)


def _anchor(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _anchors(text: str) -> set[str]:
    return {_anchor(h) for h in re.findall(r"^#{1,6} (.+)$", _outside_code(text), flags=re.M)}


def test_anchor_of_a_heading_as_github_makes_it():
    assert _anchor("QA: scores, diffs, the HTML review") == "qa-scores-diffs-the-html-review"
    assert _anchor("Contract additions (for `shared/SPEC.md`)") == "contract-additions-for-sharedspecmd"


def test_every_in_page_anchor_is_a_heading():
    anchors = _anchors(README)
    wanted = [t[1:] for t in LINK.findall(_outside_code(README)) if t.startswith("#")]
    assert wanted, "the README's Contents links its sections"
    assert [a for a in wanted if a not in anchors] == []


def test_every_relative_link_is_a_file():
    for md in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        targets = LINK.findall(_outside_code(md.read_text(encoding="utf-8")))
        files = [t.split("#")[0] for t in targets if not t.startswith(("#", "http://", "https://", "mailto:"))]
        missing = [t for t in files if not (md.parent / t).exists()]
        assert missing == [], (md.name, missing)


def test_the_moved_logs_are_linked_from_the_readme():
    """Nothing moved out of the README is out of reach: each docs/ file is linked from it."""
    linked = {t.split("#")[0] for t in LINK.findall(README)}
    docs = {f"docs/{p.name}" for p in (ROOT / "docs").glob("*.md")}
    assert docs <= linked, sorted(docs - linked)
