"""Guarded scans: a regex prefix that skips positions no match can start at.

Amounts and deadlines scan whole texts with one big alternation.  Two cheap
lookaheads in front of it make the scan several times faster without changing
what it finds, provided every match (a) starts with one of ``first_chars`` and
(b) holds one of ``required`` before its clause ends.  tests/test_scan_guards.py
checks that guarded and unguarded scans find the same matches.
"""

from __future__ import annotations

import re

CLAUSE_STOPS = "，。；：！？\n"


def guarded_pattern(body: str, first_chars: str, required: str, clause_stops: str = CLAUSE_STOPS) -> re.Pattern:
    """Compile ``body`` behind a first-character test and a required-character test."""
    return re.compile(f"(?={first_chars})(?=[^{clause_stops}{required}]*[{required}])(?:{body})")
