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

META_FIELDS = ("title", "doc_number", "issuer", "issue_date")  # GUIDE's: every gold file has them
# What researchers filter by (the documents table's columns, tests/fixtures/realdev/CONVENTIONS.md): scored
# where a gold file has them, as gold writes them (`issuers` a list, dates ISO).
EXTRA_META_FIELDS = (
    "issuers", "province", "city", "county", "division_code", "admin_level", "genre", "status", "effective_date",
    "expiry_date",
)  # fmt: skip
SCORED_META_FIELDS = META_FIELDS + EXTRA_META_FIELDS
# The documents column a gold meta field is compared with where it is not the field's own name: gold writes
# `genre` as the title's own type word (CONVENTIONS), which the documents table holds as `genre_word`
# (its `genre` is that word's label in the closed set, doc_genre.GENRE_LABEL_OF_WORD).
COLUMN_OF_META = {"genre": "genre_word"}


def meta_column(name: str, row: dict) -> str:
    """The documents column holding gold's meta field ``name`` in ``row`` (an OUT from before
    ``genre_word`` existed has only ``genre``)."""
    column = COLUMN_OF_META.get(name, name)
    return column if column in row else name


def gold_meta_of(meta: dict) -> dict:
    """A tool's meta as gold keeps it: GUIDE's four (null when absent) and the extra fields it carries."""
    return {name: meta.get(name) for name in scored_meta_fields(meta)}


def scored_meta_fields(gold_meta: dict) -> tuple[str, ...]:
    """The meta fields a gold file is scored on: GUIDE's four, and each extra one it writes."""
    return META_FIELDS + tuple(name for name in EXTRA_META_FIELDS if name in gold_meta)


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
