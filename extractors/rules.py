"""Rule records, the Duckling way: a pattern, the function that turns a match
into a row, and the rule's examples, side by side.

An extractor written with rules is a list of :class:`Rule`::

    Rule(
        name="within",                         # the alternative's group name, unique in the extractor
        pattern=rf"(?P<wn>{_SMALL})年(?:之内|以内|内)",   # regex source of the alternative
        produce=_within,                       # (match, env) -> row | [rows] | None (dropped)
        examples=(
            example("3年内完成改造", {"text": "3年内", "kind": "within", "months": 36}),
            example("近3年内", note="a look back, not a bound"),   # no row at all
        ),
    )

:class:`RuleSet` compiles the rules into ONE alternation (each rule's pattern
inside ``(?P<name>...)``, in list order, behind the scan guards of
``extractors.scan_guard``), so the text is scanned once whatever the number of
rules; ``match.lastgroup`` names the rule that matched.  The extractor's
``find`` collects :class:`Found` (rule + match, spaCy's ``match()``), its
``write`` turns them into rows (spaCy's ``set_annotations()``), calling each
rule's ``produce`` and then any pass over all rows (ids, links between rows).

Examples double as tests (``tests/test_extractor_examples.py``): each runs
through the real pipeline (normalisers, sections, metadata, the required
extractors) and must give exactly its rows (or, with ``partial=True``, at
least them); each expected row must also overlap a match of its own rule.
A row is written as in ``examples/*.jsonl``: ``text`` is the raw span, the
other keys are the attributes to compare.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, NamedTuple

from extractors.first_chars import first_char_guard
from extractors.scan_guard import GuardedScan, guarded_pattern

Row = dict[str, Any]
# rule sets at least this large open each rule's branch with its first characters (RuleSet._branch_guard)
MIN_RULES_FOR_GUARDS = 12


@dataclass(frozen=True)
class Example:
    """A text and the rows the extractor must give for it (none: ``rows=()``)."""

    text: str
    rows: tuple[Row, ...] = ()
    meta: dict[str, Any] | None = None  # metadata override: {"issue_date": "2023-05-01", "title": ...}
    partial: bool = False  # extra rows allowed
    note: str = ""

    def as_case(self) -> dict[str, Any]:
        """The case as an ``examples/*.jsonl`` line reads."""
        case: dict[str, Any] = {"text": self.text, "rows": [dict(r) for r in self.rows]}
        if self.meta:
            case["meta"] = dict(self.meta)
        if self.partial:
            case["partial"] = True
        return case


def example(
    text: str, *rows: Row, meta: dict[str, Any] | None = None, partial: bool = False, note: str = ""
) -> Example:
    return Example(text, tuple(rows), meta, partial, note)


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: str
    # (match, env) -> a row, rows or None; or the extractor's own candidates that its
    # write turns into rows (responsible_units: a Note, whose units become rows)
    produce: Callable[[re.Match, Any], Any]
    examples: tuple[Example, ...] = ()


class Found(NamedTuple):
    """One match of one rule (what ``find`` returns; ``write`` makes rows of it)."""

    rule: Rule
    match: re.Match


@dataclass
class RuleSet:
    """The rules of one extractor compiled into one guarded alternation."""

    rules: list[Rule]
    first_chars: str  # a character class every match starts with (scan_guard)
    required: str  # characters one of which every match holds before its clause ends (scan_guard)
    # find the positions the guards pass with a table lookup first (scan_guard.GuardedScan):
    # faster where the guards are selective, slower where they pass nearly everywhere
    by_positions: bool = True
    body: str = field(init=False)  # the bare alternation, without the guards
    pattern: re.Pattern = field(init=False)
    _scan: GuardedScan | None = field(init=False, repr=False)
    by_name: dict[str, Rule] = field(init=False)

    def __post_init__(self) -> None:
        names = [r.name for r in self.rules]
        if len(set(names)) != len(names):
            raise ValueError(f"rule names must be unique: {names}")
        self.by_name = {r.name: r for r in self.rules}
        self.body = "|".join(f"{self._branch_guard(r)}(?P<{r.name}>{r.pattern})" for r in self.rules)
        self.pattern = guarded_pattern(self.body, self.first_chars, self.required)
        self._scan = GuardedScan(self.pattern, self.first_chars, self.required) if self.by_positions else None

    def _branch_guard(self, rule: Rule) -> str:
        """A look-ahead of the rule's first characters, for a set of many rules (extractors/first_chars.py):
        a branch that opens with a group is entered at every position it is tried, one that opens
        with a class test fails there at once.  The deadlines' 23 rules: their scan -31% on
        corpus-real; sets of up to 8 rules gain nothing measurable for ~5 ms of reading at import."""
        return first_char_guard(rule.pattern, self.first_chars) if len(self.rules) >= MIN_RULES_FOR_GUARDS else ""

    def finditer(self, text: str) -> Iterator[Found]:
        by_name = self.by_name
        for m in self._scan.finditer(text) if self._scan is not None else self.pattern.finditer(text):
            yield Found(by_name[m.lastgroup], m)  # every match is one rule's group

    @staticmethod
    def produce(found: Found, env: Any) -> list[Any]:
        """The rows of one match: its rule's ``produce``, None dropped, one row made a list."""
        result = found.rule.produce(found.match, env)
        if result is None:
            return []
        return result if isinstance(result, list) else [result]
