"""PLACEHOLDER (being written)."""
from extractors import Extractor

EXTRACTOR = Extractor(name="responsible_units", table="responsible_units", version="0", columns=[], extract=lambda ctx: [])
