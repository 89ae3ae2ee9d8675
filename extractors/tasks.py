"""Tasks: one row per task the document assigns (SPEC ``tasks``).

A policy document assigns work in units a responsibility note closes (GB/T
9704 documents and their 任务分工 attachments):

- **a numbered item or paragraph that a note closes**: the task runs from the
  item's start (its heading: ``1.``, ``（三）``, ``第五条``; where a section
  holds several notes, the end of the previous one) to the end of its note
  (``……产业化。（责任单位：省工业和信息化厅）``, a ``责任单位：`` line under
  the item);
- **a row of a task table** (``序号 重点任务 牵头单位 配合单位``): the row;
- **a block whose sub-headings are responsibility labels**
  (``（一）试点单位`` / ``（二）试点指导单位`` under one numbered item): the
  block, the section those labelled headings belong to.

So a task's span always includes its note, and every unit of the note lies
inside its task.  Notes come from the responsible_units extractor (its rows
carry their note's span); ``pipeline.process`` then gives every span row the
``task_id`` of the innermost task holding it.
"""

from __future__ import annotations

import bisect
from typing import Any, NamedTuple

import pyarrow as pa

from extractors.base import Extractor
from pipeline.core.document import ExtractContext, Section

# What a task's text does not start with: the end of the note before it.
_LEADING = "。；;，,、 \t\n\r\u3000"


class NoteSpan(NamedTuple):
    start: int
    end: int
    kind: str  # bracket | line | heading | table
    row: tuple[int, int] | None


class Task(NamedTuple):
    start: int
    end: int
    kind: str  # note | table | block


def _notes(ctx: ExtractContext) -> list[NoteSpan]:
    """The distinct notes the responsible units were read from, in text order."""
    spans = {row["_note"] for row in ctx.results.get("responsible_units", []) if "_note" in row}
    return [NoteSpan(*span) for span in sorted(spans, key=lambda n: (n[0], n[1]))]


def _paragraph_start(text: str, pos: int) -> int:
    """Start of the paragraph holding ``pos``; for a note that starts its own line
    (a ``责任单位：`` line under the item), the paragraph before it."""
    start = text.rfind("\n", 0, pos) + 1
    if text[start:pos].strip(_LEADING):
        return start
    before = start
    while before > 0 and text[before - 1] in "\n\r \t\u3000":
        before -= 1
    return text.rfind("\n", 0, before) + 1 if before > 0 else start


def _skip_leading(text: str, start: int, end: int) -> int:
    while start < end and text[start] in _LEADING:
        start += 1
    return start


def _block(text: str, sections: list[Section], starts: list[int], note: NoteSpan) -> tuple[int, int]:
    """The section a labelled heading belongs to (its parent), or the heading's own section."""
    at = bisect.bisect_right(starts, note.start) - 1
    section = sections[at]
    if section.parent_id is not None:
        section = sections[section.parent_id - 1]
    end = max(section.body_end if section.body_end > section.norm_start else len(text), note.end)
    while end > note.end and text[end - 1] in " \t\n\r\u3000":
        end -= 1
    return section.norm_start, end


def _note_task_start(text: str, sections: list[Section], starts: list[int], note: NoteSpan, after: int) -> int:
    """Where the task a note closes starts: its item's heading, or its paragraph
    outside any heading, but never before the end of the note before it in
    the same item (``after``)."""
    at = bisect.bisect_right(starts, note.start) - 1
    start = sections[at].norm_start if at >= 0 else _paragraph_start(text, note.start)
    return _skip_leading(text, max(start, after), note.start)


def _item_end(text: str, starts: list[int], at: int, note_end: int) -> int:
    """The end of the item (section ``at``) a note is the only note of: the next
    heading, so text after the note (``（一）建设平台（牵头单位：市科技局）⏎具体内容…``)
    belongs to the task too."""
    end = starts[at + 1] if at + 1 < len(starts) else len(text)
    while end > note_end and text[end - 1] in " \t\n\r\u3000":
        end -= 1
    return max(end, note_end)


def find(ctx: ExtractContext) -> list[Task]:
    text, sections = ctx.text, ctx.sections
    starts = [s.norm_start for s in sections]
    tasks: list[Task] = []
    by_item: dict[int, list[int]] = {}  # section index -> its note-closed tasks (indices into tasks)
    for note in _notes(ctx):
        if note.kind == "table" and note.row:
            tasks.append(Task(note.row[0], max(note.row[1], note.end), "table"))
        elif note.kind == "heading" and sections:
            tasks.append(Task(*_block(text, sections, starts, note), "block"))
        else:
            at = bisect.bisect_right(starts, note.start) - 1
            previous = by_item.get(at, [])
            start = _note_task_start(text, sections, starts, note, tasks[previous[-1]].end if previous else -1)
            by_item.setdefault(at, []).append(len(tasks))
            tasks.append(Task(start, note.end, "note"))
    for at, indices in by_item.items():
        if at >= 0 and len(indices) == 1:  # the item's only note: the task is the whole item
            task = tasks[indices[0]]
            tasks[indices[0]] = task._replace(end=_item_end(text, starts, at, task.end))
    return _distinct(tasks)


def _distinct(tasks: list[Task]) -> list[Task]:
    """One task per span (two notes of one table row, two labelled headings of one block)."""
    seen: dict[tuple[int, int], Task] = {}
    for task in sorted(tasks):
        seen.setdefault((task.start, task.end), task)
    return list(seen.values())


def write(ctx: ExtractContext, tasks: list[Task]) -> list[dict[str, Any]]:
    return [{"norm_start": t.start, "norm_end": t.end, "task_id": i, "kind": t.kind} for i, t in enumerate(tasks, 1)]


EXTRACTOR = Extractor(
    name="tasks",
    table="tasks",
    columns=[pa.field("kind", pa.string())],
    find=find,
    write=write,
    requires=("responsible_units",),
)
