"""Targets across documents: stable ``target_id`` and the ``target_links`` table.

Pure functions of tables (no Prefect, no I/O), below storage: ``process``
calls ``assign_target_ids`` on each document's targets, publish calls
``update_links``.  Modules: ``target_ids`` (the id), ``units`` (what a unit
measures), ``indicators`` (an indicator's core and qualifiers),
``similarity`` (the matching rule, examples in ``examples/links.jsonl``),
``keys`` (each target's key and block, kept between runs), ``links`` (the
table: per-level choice, blocks, the incremental update), ``compare``
(two documents' links side by side).
"""

from pipeline.linking.keys import KEY_SCHEMA, TARGET_COLUMNS, target_keys
from pipeline.linking.links import (
    PER_LEVEL,
    TARGET_LINKS,
    link_all,
    link_keys,
    linking_version,
    pair_links,
    update_links,
)
from pipeline.linking.target_ids import assign_target_ids

__all__ = [
    "KEY_SCHEMA",
    "PER_LEVEL",
    "TARGET_COLUMNS",
    "TARGET_LINKS",
    "assign_target_ids",
    "link_all",
    "link_keys",
    "linking_version",
    "pair_links",
    "target_keys",
    "update_links",
]
