"""Targets across documents: stable ``target_id`` and the ``target_links`` table.

Pure functions of tables (no Prefect, no I/O), below storage: ``process``
calls ``assign_target_ids`` on each document's targets, publish calls
``update_links``.  Modules: ``target_ids`` (the id), ``units`` (what a unit
measures), ``indicators`` (an indicator's core and qualifiers),
``similarity`` (the matching rule, examples in ``examples/links.jsonl``),
``links`` (the table, blocking and the incremental update), ``compare``
(two documents' links side by side).
"""

from pipeline.linking.links import TARGET_COLUMNS, TARGET_LINKS, link_all, linking_version, update_links
from pipeline.linking.target_ids import assign_target_ids

__all__ = ["TARGET_COLUMNS", "TARGET_LINKS", "assign_target_ids", "link_all", "linking_version", "update_links"]
