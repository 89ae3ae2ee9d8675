"""Where the tests find their data: the repo's own copy of the gold annotations
(tests/data/gold, copied from shared/gold) and the bundled corpus."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD = ROOT / "tests" / "data" / "gold"
