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

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

# Each name's module, imported on first use (PEP 562): ``keys`` and ``links`` need
# pandas, and the pool workers, which import ``pipeline.process`` and so
# ``target_ids``, would otherwise load it for nothing (~50 MB of RSS each).
_HOMES = {
    "KEY_SCHEMA": "keys",
    "TARGET_COLUMNS": "keys",
    "target_keys": "keys",
    "PER_LEVEL": "links",
    "TARGET_LINKS": "links",
    "link_all": "links",
    "link_keys": "links",
    "linking_version": "links",
    "pair_links": "links",
    "update_links": "links",
    "assign_target_ids": "target_ids",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)


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
