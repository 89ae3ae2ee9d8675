"""The ordered normalisation steps.  Importing this module registers them in run order.

Order matters:
1. ``newlines``   CRLF → LF first, so every later pattern sees one kind of break;
2. ``ruby``       on the raw characters (ASCII brackets, before width touches them);
3. ``t2s``        after ruby so annotations do not dilute the traditional-share test;
4. ``boilerplate``on simplified text, so one pattern covers 點擊/点击 (its patterns accept
                  both :/： and full-width digits); it also deletes PDF page numbers and running
                  headers (``page_furniture``), leaving only blank lines where they stood;
5. ``linebreaks`` after boilerplate, so deleted chrome leaves only blank lines to collapse and
                  a word cut by a page break (``智能制`` / page furniture / ``造``) is rejoined;
6. ``width``      after the steps that delete more than spaces: whether an ASCII mark stays
                  ASCII depends on its neighbours, which must be final (idempotence);
7. ``spacing``    last: joined paragraphs are judged as the lines they became (idempotence).

Bump ``VERSION`` whenever any step's output changes: cached results are keyed on it.
"""

from normalizers import boilerplate, chinese_script, linebreaks, newlines, ruby, spacing, width  # noqa: F401
from normalizers import STEPS

VERSION = "3"  # 2: spacing keeps tabs and column gaps (table cells); 3: running headers go, table rows stay unjoined

ORDER = ["newlines", "ruby", "t2s", "boilerplate", "linebreaks", "width", "spacing"]

# Registration order follows import order above (alphabetical); put STEPS in run order.
_registered = dict(STEPS)
STEPS.clear()
STEPS.update((name, _registered[name]) for name in ORDER)
