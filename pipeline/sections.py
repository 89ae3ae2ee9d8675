"""PLACEHOLDER (being written): section tree from GB/T 9704 heading markers."""
from pipeline.document import NormalizedText, Section

VERSION = "0"


def build_sections(norm: NormalizedText) -> list[Section]:
    return []
