"""`polex audit OUT`: the cues of a policy document that no extraction covers.

A gold-free check for reviewers: the genre's conventions say where a
responsibility note, a sum of money, a time bound or a numbered heading must
be (a ``（…牵头…）`` note, a ``责任单位：`` label, ``万元``/``亿元``,
``到20XX年``/``月底``/``年内``, a numbered marker at a line start).  Each such
cue whose region holds no row of the table that should cover it is listed
with ±20 characters of context, and per-cue coverage figures say how much of
the corpus the extractors reach.  A cue is evidence, not gold: an uncovered
cue is for a reader to judge (a ``月底`` inside a rate is no deadline).

Cues are found in ``norm_text`` (the text the extractors read, so full-width
punctuation is already uniform); ``raw_start`` is given where re-normalising
``raw_text`` reproduces ``norm_text`` (always, for tables of this version).

Each cue rule sits beside its examples (``CueRule.examples``: text, and
whether the rule finds a cue in it), which ``tests/test_audit.py`` runs.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex as re

from normalizers import normalize
from pipeline.core.numerals import NUMERAL_CLASS
from pipeline.qa.tables import load_documents_frame, load_span_frame
from pipeline.structure.sections import non_heading_spans

CONTEXT = 20  # characters of context on each side of an uncovered cue

# cue kind -> the table whose rows cover it
TABLE_OF_KIND = {
    "responsibility": "responsible_units",
    "amount": "amounts",
    "deadline": "deadlines",
    "heading": "sections",
}
KINDS = tuple(TABLE_OF_KIND)

_NUM = f"[{NUMERAL_CLASS}]"
# Role words of a responsibility note (GUIDE, CONVENTIONS): 牵头/主办 lead,
# 配合/协办 support, 负责 responsible.
_ROLE = r"(?:牵头|负责|配合|协办|主办)"
# A responsibility label: a role morpheme, up to 4 more characters, then a
# unit-kind word and a colon (`牵头单位：`, `责任处室：`, `牵头考核单位：`).
# Addressee lines (`各有关单位：`) have no role morpheme and are not cues.
_LABEL = r"(?:牵头|责任|配合|协办|主办|承办|参与|主责|考核)[\u4e00-\u9fff]{0,4}?(?:单位|部门|处室)\s*[:：]"
# One bracket level inside a note: `各县（市、区）`, `各区人民政府（含开发区,下同）`.
_NOTE_CHAR = r"(?:[^（）()\n。]|[（(][^（）()\n。]{0,30}[）)])"


@dataclass(frozen=True)
class CueRule:
    """A convention of the genre: where a cue is, and the region a covering row must touch.

    ``region(match)`` gives the (start, end) a row of ``TABLE_OF_KIND[kind]``
    must overlap (``anchor=False``) or start at (``anchor=True``, headings).
    """

    kind: str
    cue: str
    pattern: str
    region: Callable[[Any], tuple[int, int]] = lambda m: m.span("cue")
    anchor: bool = False
    examples: tuple[tuple[str, bool], ...] = ()
    # spans of a document where the genre says this cue is none (attachment lists for markers)
    excluded: Callable[[str], list[tuple[int, int]]] | None = None
    compiled: Any = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "compiled", re.compile(self.pattern))


def _whole(m) -> tuple[int, int]:
    return m.span()


def _label_clause(m) -> tuple[int, int]:
    """A label's region: from the label to the end of its clause (line end, `）`, `。`)."""
    text = m.string
    end = m.end()
    limit = min(len(text), end + 300)
    while end < limit and text[end] not in "\n）)。":
        end += 1
    return m.start(), end


RULES: tuple[CueRule, ...] = (
    CueRule(
        "responsibility",
        "（…牵头/负责/配合…）",
        rf"[（(](?P<cue>{_NOTE_CHAR}{{0,200}}?{_ROLE}{_NOTE_CHAR}{{0,80}}?)[）)]",
        region=_whole,
        examples=(
            ("加快项目建设。（省发展改革委牵头，省财政厅配合）", True),
            ("（财政部、税务总局等按职责分工负责）", True),
            ("（各县（市、区）人民政府负责）", True),
            ("由省发展改革委牵头制定实施方案。", False),  # prose, not a note
            ("（以下简称《办法》）", False),
        ),
    ),
    CueRule(
        "responsibility",
        "…单位：",
        rf"(?P<cue>{_LABEL})",
        region=_label_clause,
        examples=(
            ("（责任单位：市科技局、市财政局）", True),
            ("牵头考核单位：市统计局", True),
            ("责任处室：规划处", True),
            ("各有关单位：\n现将…印发给你们", False),  # the addressee
        ),
    ),
    CueRule(
        "amount",
        "万元/亿元",
        r"(?P<cue>[万亿]元)",
        examples=(("给予最高100万元奖励", True), ("支持资金5亿元", True), ("奖励10元", False)),
    ),
    CueRule(
        "deadline",
        "到20XX年",
        r"(?P<cue>到\s*20\d\d\s*年)",
        examples=(("到2025年，全市规上企业达到800家", True), ("2025年底前完成", False)),
    ),
    CueRule(
        "deadline",
        "月底",
        r"(?P<cue>月底)",
        examples=(("6月底前完成招标", True), ("每月底报送进度", True)),
    ),
    CueRule(
        "deadline",
        "年内",
        # not a cue where GUIDE says it is no deadline by its form: a look back (近3年内未出现违规) or a
        # category of people counted from their own event (毕业5年内的…, 领取毕业证5年内)
        rf"(?<!(?:近|最近|过去|毕业|毕业证|离校|退役)[\d{NUMERAL_CLASS}]{{1,3}})(?<!几十)(?P<cue>年内)",
        examples=(
            ("3年内完成改造", True),
            ("年内建成投用", True),
            ("近年来", False),
            ("本单位近3年内未出现违规行为", False),
            ("毕业5年内的高校毕业生", False),
            ("（领取毕业证5年内）", False),
            ("力争5年内全面完成", True),
        ),
    ),
    CueRule(
        "heading",
        "numbered marker",
        rf"(?m)^[ \t\u3000]*(?P<cue>{_NUM}+[、．.]|[（(]{_NUM}+[）)]|[（(]?\d{{1,2}}[）)]|\d{{1,2}}[.．、](?!\d)"
        rf"|[①-⑳]|第[ \u3000]*(?:{_NUM}+|\d{{1,3}})[ \u3000]*[章节条])",
        anchor=True,
        excluded=non_heading_spans,  # `附件：1.…` lists name files; table row numbers (GUIDE)
        examples=(
            ("一、总体要求", True),
            ("（二）主要目标", True),
            ("3.强化保障", True),
            ("第十二条 本办法", True),
            ("　　(1)建设平台", True),
            ("①国家级平台", True),
            ("1.5个百分点", False),
            ("附件：1.申请表\n2.承诺书", False),
            ("522500\n345700\n（1）\n北排一通道工程", False),
            ("全面加强一、二产业", False),
        ),
    ),
    CueRule(
        "heading",
        "marker after 。/：/）",
        rf"(?<=[。：；）)])(?P<cue>{_NUM}+、|[（(]{_NUM}+[）)](?![、项款（(])|第(?:{_NUM}+|\d{{1,3}})条(?![第规中、，的]))",
        anchor=True,
        examples=(
            ("现提出以下意见。一、总体要求（一）指导思想", True),
            ("制定本规定。第二条本债券是", True),
            ("依照第五条第（二）项", False),
        ),
        excluded=non_heading_spans,
    ),
)


@dataclass
class Cue:
    kind: str
    cue: str
    norm_start: int
    norm_end: int
    text: str
    before: str
    after: str
    raw_start: int | None = None


@dataclass
class DocAudit:
    doc: str
    total: dict[str, int]
    covered: dict[str, int]
    uncovered: list[Cue]


def find_cues(text: str, rules: Iterable[CueRule] = RULES):
    """(rule, match) for every cue in ``text``, in rule order then text order."""
    for rule in rules:
        excluded = rule.excluded(text) if rule.excluded else []
        for m in rule.compiled.finditer(text):
            if not any(a <= m.start("cue") < b for a, b in excluded):
                yield rule, m


class _Rows:
    """The norm spans of one table's rows in one document, for overlap and anchor tests."""

    def __init__(self, spans: list[tuple[int, int]]):
        spans.sort()
        self.starts = [a for a, _ in spans]
        self.ends = [b for _, b in spans]
        # max end over each prefix: an overlap test in O(log n)
        self.max_end: list[int] = []
        best = -1
        for end in self.ends:
            best = max(best, end)
            self.max_end.append(best)
        self.start_set = set(self.starts)

    def overlaps(self, a: int, b: int) -> bool:
        i = bisect.bisect_left(self.starts, b)  # rows starting before b
        return i > 0 and self.max_end[i - 1] > a

    def starts_at(self, a: int) -> bool:
        return a in self.start_set


def audit_document(doc: str, text: str, rows: dict[str, _Rows], raw_map=None) -> DocAudit:
    total = dict.fromkeys(_cue_names(), 0)
    covered = dict.fromkeys(_cue_names(), 0)
    uncovered: list[Cue] = []
    seen: set[tuple[str, int]] = set()
    for rule, m in find_cues(text):
        start, end = rule.region(m)
        if (rule.kind, m.start("cue")) in seen:
            continue  # two rules found the same cue (a heading at a line start after 。)
        seen.add((rule.kind, m.start("cue")))
        key = f"{rule.kind}:{rule.cue}"
        total[key] += 1
        table_rows = rows[rule.kind]
        hit = table_rows.starts_at(m.start("cue")) if rule.anchor else table_rows.overlaps(start, end)
        if hit:
            covered[key] += 1
            continue
        cue_start, cue_end = m.span("cue")
        uncovered.append(
            Cue(
                rule.kind,
                rule.cue,
                cue_start,
                cue_end,
                text[cue_start:cue_end],
                text[max(0, cue_start - CONTEXT) : cue_start],
                text[cue_end : cue_end + CONTEXT],
                raw_map(cue_start) if raw_map else None,
            )
        )
    uncovered.sort(key=lambda c: c.norm_start)
    return DocAudit(doc, total, covered, uncovered)


def _cue_names() -> list[str]:
    return list(dict.fromkeys(f"{r.kind}:{r.cue}" for r in RULES))


def _raw_mapper(raw_text: str | None, norm_text: str):
    """norm offset -> raw offset, when re-normalising raw_text reproduces norm_text."""
    if not raw_text:
        return None
    norm = normalize(raw_text)
    if norm.text != norm_text:
        return None
    return lambda pos: norm.to_raw(pos, pos + 1)[0]


def audit_out(out_dir: Path, kinds: Iterable[str] = KINDS) -> list[DocAudit]:
    """Audit every document of an OUT folder (in source_path order)."""
    out_dir = Path(out_dir)
    documents = load_documents_frame(out_dir, ["doc_id", "source_path", "raw_text", "norm_text"])
    spans_by_table = {table: load_span_frame(out_dir, table).groupby("doc_id") for table in TABLE_OF_KIND.values()}
    wanted = set(kinds)
    audits = []
    for doc in sorted(documents.itertuples(index=False), key=lambda d: d.source_path):
        rows = {}
        for kind, table in TABLE_OF_KIND.items():
            group = spans_by_table[table]
            frame = group.get_group(doc.doc_id) if doc.doc_id in group.groups else None
            spans = [] if frame is None else list(zip(frame.norm_start.tolist(), frame.norm_end.tolist()))
            rows[kind] = _Rows(spans)
        result = audit_document(
            doc.source_path, doc.norm_text or "", rows, _raw_mapper(doc.raw_text, doc.norm_text or "")
        )
        result.uncovered = [c for c in result.uncovered if c.kind in wanted]
        audits.append(result)
    return audits


def coverage(audits: list[DocAudit], kinds: Iterable[str] = KINDS) -> dict[str, dict[str, Any]]:
    """Per kind: cues, covered, ratio, and the same per cue; kinds in ``kinds`` only."""
    report: dict[str, dict[str, Any]] = {}
    for kind in kinds:
        by_cue = {}
        for key in _cue_names():
            cue_kind, _, cue = key.partition(":")
            if cue_kind != kind:
                continue
            total = sum(a.total[key] for a in audits)
            hit = sum(a.covered[key] for a in audits)
            by_cue[cue] = {"cues": total, "covered": hit, "ratio": hit / total if total else 1.0}
        total = sum(int(c["cues"]) for c in by_cue.values())
        hit = sum(int(c["covered"]) for c in by_cue.values())
        report[kind] = {"cues": total, "covered": hit, "ratio": hit / total if total else 1.0, "by_cue": by_cue}
    return report


def report_json(audits: list[DocAudit], kinds: Iterable[str] = KINDS) -> dict[str, Any]:
    kinds = tuple(kinds)
    return {
        "coverage": coverage(audits, kinds),
        "documents": {
            a.doc: {
                "cues": sum(n for k, n in a.total.items() if k.partition(":")[0] in kinds),
                "covered": sum(n for k, n in a.covered.items() if k.partition(":")[0] in kinds),
                "uncovered": [vars(c) for c in a.uncovered],
            }
            for a in audits
        },
    }
