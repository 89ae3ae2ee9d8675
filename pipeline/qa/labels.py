"""The gold labels, the tables that hold them and the attributes each carries (GUIDE.md)."""

from __future__ import annotations

# label -> OUT table
TABLE_OF_LABEL = {
    "heading": "sections",
    "target": "targets",
    "amount": "amounts",
    "deadline": "deadlines",
    "responsible_unit": "responsible_units",
}
LABELS = tuple(TABLE_OF_LABEL)

# Every attribute GUIDE defines per label, in GUIDE order.
ATTRS = {
    "heading": ("level", "number"),
    "target": ("indicator", "value", "value_max", "unit", "comparator", "deadline_year", "recurring"),
    "amount": ("value_cny", "comparator", "kind"),
    "deadline": ("kind", "year", "date", "months"),
    "responsible_unit": ("role", "name"),
}
# Attributes a gold span must carry (the others may be absent, meaning null).
REQUIRED_ATTRS = {
    "heading": ("level", "number"),
    "target": ("value", "unit", "comparator"),
    "amount": ("value_cny",),
    "deadline": ("kind", "year"),
    "responsible_unit": ("role",),
}
# GUIDE's Scoring: the attributes that decide whether a match is correct.
KEY_ATTRS = {
    "heading": ("level", "number"),
    "target": ("value", "unit", "comparator"),
    "amount": ("value_cny",),
    "deadline": ("kind", "year"),
    "responsible_unit": ("role",),
}
# Labels scored on exact (ruby-snapped) boundaries; the others on overlap.
STRICT_LABELS = frozenset({"heading", "responsible_unit"})

META_FIELDS = ("title", "doc_number", "issuer", "issue_date")

# Allowed values of closed-vocabulary attributes (None is always allowed).
ENUMS = {
    ("target", "comparator"): {">=", ">", "<=", "<", "~", "="},
    ("amount", "comparator"): {">=", ">", "<=", "<", "~", "="},
    ("amount", "kind"): {"sum", "scale"},
    ("deadline", "kind"): {"by", "from", "within", "recurring", "until"},
    ("responsible_unit", "role"): {"lead", "responsible", "support"},
    ("target", "recurring"): {"annual"},
}
INT_ATTRS = frozenset({"level", "number", "deadline_year", "year", "months"})
NUMBER_ATTRS = frozenset({"value", "value_max", "value_cny"})

# Kinds of difference `polex diff` reports (see differences.py).
DIFF_KINDS = ("missed", "spurious", "changed", "indicator", "boundary")

# One colour per label, shared by the HTML report and the annotation tools' configs.
LABEL_COLORS = {
    "heading": "#7fb3e0",
    "target": "#8fd18a",
    "amount": "#f7b267",
    "deadline": "#b8a4e3",
    "responsible_unit": "#f08a8a",
}
