"""The project settings annotation tools need before a reviewer can open polex's files.

``polex gold config --format labelstudio`` prints the labeling config to paste
in Label Studio (Settings → Labeling Interface → Code): the names match what
``polex gold export`` writes (``from_name`` ``label``, ``to_name`` ``text``,
the document text in ``$text``, its file name in ``$doc``), so exported tasks
open with their spans.  ``--format doccano`` prints the label list for
doccano's Labels → Actions → Import Labels, one keyboard shortcut each.
"""

from __future__ import annotations

import json
from xml.sax.saxutils import quoteattr

from pipeline.qa.labels import LABEL_COLORS, LABELS
from pipeline.qa.labelstudio import FROM_NAME, TO_NAME

SHORTCUTS = {"heading": "h", "target": "t", "amount": "a", "deadline": "d", "responsible_unit": "u"}


def labelstudio_config() -> str:
    """Label Studio labeling config (XML) for polex's tasks."""
    labels = "\n".join(
        f"    <Label value={quoteattr(label)} background={quoteattr(LABEL_COLORS[label])} hotkey={quoteattr(SHORTCUTS[label])}/>"
        for label in LABELS
    )
    return (
        "<View>\n"
        # keep the document's line breaks and spaces on screen (offsets count them either way)
        "  <Style>.htx-text{ white-space: pre-wrap; }</Style>\n"
        '  <Header value="$doc"/>\n'
        f'  <Labels name="{FROM_NAME}" toName="{TO_NAME}">\n{labels}\n  </Labels>\n'
        # symbol granularity: a span may start or end on any character (Chinese has no word breaks)
        f'  <Text name="{TO_NAME}" value="$text" granularity="symbol"/>\n'
        "</View>\n"
    )


def doccano_labels() -> str:
    """doccano's label import file (JSON) for a sequence labelling project."""
    return (
        json.dumps(
            [
                {
                    "text": label,
                    "suffix_key": SHORTCUTS[label],
                    "background_color": LABEL_COLORS[label],
                    "text_color": "#000000",
                }
                for label in LABELS
            ],
            indent=1,
        )
        + "\n"
    )
