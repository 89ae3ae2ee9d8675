"""PLACEHOLDER (being written): title, doc_number, issuer, issue_date."""
from pipeline.document import DocumentMeta, NormalizedText


def extract_meta(norm: NormalizedText) -> DocumentMeta:
    return DocumentMeta()
