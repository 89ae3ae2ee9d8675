"""Where the tests find their data: the repo's own copy of the gold annotations
(tests/data/gold, copied from shared/gold) and the bundled corpus."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD = ROOT / "tests" / "data" / "gold"


def gold_docs():
    """The gold annotations with each document's raw text attached."""
    from pipeline.qa.gold import load_gold_dir, read_document_text

    docs = load_gold_dir(GOLD)
    for doc in docs:
        doc.raw_text = read_document_text(CORPUS / doc.doc)[0]
    return docs
