"""The self-contained HTML diff report: spans highlighted with spaCy's displaCy
span renderer, left (gold/base) and right (predicted/new) side by side in one
scrolling pane, the list of differences with context (each row jumps to its
span on both sides), and label/kind filters (inline CSS + JS, no external
assets).

Each kind of span is drawn its own way, not only filtered: right spans with a
muted solid underline, missed dashed, spurious dotted, changed striped,
indicator dash-dot, boundary solid and bright; their chips carry a matching
outline.  The page names a CJK font stack (Noto Sans CJK, which CI installs
as Debian's ``fonts-noto-cjk``, then the common macOS/Windows fonts).
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter

from spacy import displacy

from pipeline.qa.differences import KINDS, Difference, DocDiff, describe_attrs
from pipeline.qa.labels import LABEL_COLORS

SPAN_KINDS = ("ok",) + KINDS
# displaCy appends a space after every token outside a span, which Chinese text
# must not get; each token carries this private-use sentinel and the
# "sentinel + space" pairs are removed after rendering.
_SENTINEL = "\ue000"
# Joins a span's tag and its number in the label displaCy sees, so every span's chip
# can be given an id afterwards (displaCy has no per-span id of its own).
_NUMBER_MARK = "\ue001"

# displaCy span templates without the whitespace of the stock ones (it would
# show inside Chinese text), plus data attributes for the filters and tests.
_TEMPLATES = {
    "span": '<span class="polex-tok" style="font-weight: bold; display: inline-block; position: relative; '
    'height: {total_height}px;">{text}{span_slices}{span_starts}</span>',
    "slice": '<span class="polex-slice" style="background: {bg}; top: {top_offset}px; height: 4px; left: -1px; '
    'width: calc(100% + 2px); position: absolute;"></span>',
    "start": '<span class="polex-bar" style="background: {bg}; top: {top_offset}px; height: 4px; '
    "border-top-left-radius: 3px; border-bottom-left-radius: 3px; left: -1px; width: calc(100% + 2px); "
    'position: absolute;"><span class="polex-start" data-span="{label}" style="background: {bg}; z-index: 10; '
    "color: #000; top: -0.5em; padding: 2px 3px; position: absolute; font-size: 0.6em; font-weight: bold; "
    'line-height: 1; border-radius: 3px; white-space: nowrap">{label}{kb_link}</span></span>',
}
_CHIP = re.compile('class="polex-start" data-span="([^"' + _NUMBER_MARK + "]*)" + _NUMBER_MARK + r'(\d+)"')


# Tighter than displaCy's defaults (40/20/17 px): dense Chinese text, few stacked spans.
_GEOMETRY = {"top_offset": 26, "span_label_offset": 14, "top_offset_step": 9}


def span_tag(label: str, kind: str) -> str:
    """The displaCy label of a span: ``target`` when right, ``target·missed`` otherwise."""
    return label if kind == "ok" else f"{label}·{kind}"


def _css_var(label: str, kind: str) -> str:
    return f"--c-{label}-{kind}"


def paint(color: str, kind: str) -> str:
    """The underline of a span of this colour and kind (a CSS background)."""
    patterns = {
        "ok": color + "99",  # right: muted, solid
        "missed": f"repeating-linear-gradient(90deg,{color} 0 6px,transparent 6px 9px)",  # dashed
        "spurious": f"repeating-linear-gradient(90deg,{color} 0 2px,transparent 2px 5px)",  # dotted
        "changed": f"repeating-linear-gradient(45deg,{color} 0 3px,#4a148c 3px 5px)",  # striped
        "indicator": f"repeating-linear-gradient(90deg,{color} 0 7px,#333 7px 9px,{color} 9px 11px,#333 11px 13px)",
        "boundary": color,  # solid, full strength
    }
    return patterns[kind]


def _paints() -> dict[str, str]:
    return {_css_var(l, k): paint(c, k) for l, c in LABEL_COLORS.items() for k in SPAN_KINDS}


def _manual_parse(text: str, spans: list[tuple[int, int, str]]) -> dict:
    """displaCy's manual format with one token per stretch between span boundaries."""
    bounds = sorted({0, len(text), *(b for s, e, _ in spans for b in (s, e))})
    index = {b: i for i, b in enumerate(bounds)}
    tokens = [text[a:b] + _SENTINEL for a, b in zip(bounds, bounds[1:])]
    parsed_spans = [{"start_token": index[s], "end_token": index[e], "label": tag} for s, e, tag in spans if e > s]
    return {"text": text, "tokens": tokens, "spans": parsed_spans, "settings": {"lang": "zh", "direction": "ltr"}}


def render_side(text: str, spans: list[tuple[int, int, str]], id_prefix: str = "s") -> str:
    """One side's text with its spans; span number ``n`` (its index in ``spans``) gets the chip id ``{id_prefix}{n}``."""
    clean = text.replace(_SENTINEL, " ")
    numbered = [(s, e, f"{tag}{_NUMBER_MARK}{n}") for n, (s, e, tag) in enumerate(spans)]
    tags = {tag for _, _, tag in spans}
    colors = {f"{tag}{_NUMBER_MARK}{n}": _tag_color(tag) for n, (_, _, tag) in enumerate(spans)}
    colors.update({tag: _tag_color(tag) for tag in tags})
    markup = displacy.render(
        _manual_parse(clean, numbered),
        style="span",
        manual=True,
        jupyter=False,
        options={"colors": colors, "template": _TEMPLATES, **_GEOMETRY},
    )

    def chip(match: re.Match) -> str:
        tag, n = match.group(1), match.group(2)
        kind = tag.split("·", 1)[1] if "·" in tag else "ok"
        return f'class="polex-start kind-{kind}" data-span="{tag}" id="{id_prefix}{n}"'

    markup = _CHIP.sub(chip, markup)
    markup = re.sub(_NUMBER_MARK + r"\d+", "", markup)  # the numbers in the chips' visible text
    return markup.replace(_SENTINEL + " ", "").replace(_SENTINEL, "")


def _tag_color(tag: str) -> str:
    label, _, kind = tag.partition("·")
    return f"var({_css_var(label, kind or 'ok')})"


def _side_spans(d: DocDiff, side: str) -> list[tuple[int, int, str]]:
    doc = d.left if side == "left" else d.right
    if doc is None:
        return []
    return [(s.start, s.end, span_tag(s.label, d.span_kinds.get((side, *s.key()), "ok"))) for s in doc.spans]


def _span_ids(d: DocDiff, side: str, prefix: str) -> dict[tuple[str, int, int], str]:
    """(label, start, end) -> the chip id of that span on this side (the first, for duplicates)."""
    doc = d.left if side == "left" else d.right
    ids: dict[tuple[str, int, int], str] = {}
    for n, s in enumerate(doc.spans if doc is not None else []):
        ids.setdefault(s.key(), f"{prefix}{n}")
    return ids


def _legend() -> str:
    labels = "".join(
        f'<label class="chip" style="background:{c}"><input type="checkbox" checked data-filter-label="{l}"> {l}</label>'
        for l, c in LABEL_COLORS.items()
    )
    kinds = "".join(
        f'<label class="chip kind-{k}"><input type="checkbox" checked data-filter-kind="{k}"> {k}'
        f'<span class="sample" style="background:{paint("#888888", k)}"></span></label>'
        for k in SPAN_KINDS
    )
    return f'<div class="filters"><b>labels</b> {labels} <b>kinds</b> {kinds}</div>'


def _detail(x: Difference, right_name: str) -> str:
    detail = html.escape(describe_attrs(x))
    if (
        x.kind in ("changed", "boundary", "indicator")
        and x.right is not None
        and x.left is not None
        and (x.left.start, x.left.end) != (x.right.start, x.right.end)
    ):
        detail = f"{right_name}: {x.right.start}:{x.right.end} «{html.escape(x.right.text)}» " + detail
    return detail


def _diff_rows(d: DocDiff, right_name: str, ids: tuple[dict, dict]) -> str:
    rows = []
    for x in d.differences:
        span = x.span
        left_id = ids[0].get(x.left.key(), "") if x.left is not None else ""
        right_id = ids[1].get(x.right.key(), "") if x.right is not None else ""
        target = left_id or right_id
        offsets = (
            f'<a class="jump" href="#{target}">{span.start}:{span.end}</a>' if target else f"{span.start}:{span.end}"
        )
        rows.append(
            f'<tr class="diff" data-label="{x.label}" data-kind="{x.kind}" data-left="{left_id}" data-right="{right_id}">'
            f'<td class="kind-{x.kind}">{x.kind}</td><td style="background:{LABEL_COLORS[x.label]}">{x.label}</td>'
            f"<td>{offsets}</td><td>{html.escape(x.heading[:30])}</td>"
            f'<td class="ctx">{html.escape(x.before)}<mark>{html.escape(span.text)}</mark>{html.escape(x.after)}</td>'
            f"<td>{_detail(x, right_name)}</td></tr>"
        )
    head = "<tr><th>kind</th><th>label</th><th>offsets</th><th>section</th><th>context (±20)</th><th>detail</th></tr>"
    return f'<table class="diffs">{head}{"".join(rows)}</table>'


def _panes(n: int, d: DocDiff, names: tuple[str, str]) -> str:
    cols = []
    for side, name, text in (("left", names[0], d.left_text), ("right", names[1], d.right_text)):
        doc = d.left if side == "left" else d.right
        if doc is None or text is None:
            content = f"<p class='warn'>no {name} document</p>"
        else:
            content = render_side(text, _side_spans(d, side), f"d{n}-{side[0]}")
        cols.append(f'<div class="col" data-side="{side}"><h3>{name}</h3><div class="text">{content}</div></div>')
    # One scrolling box for both columns: the two texts scroll together.
    return f'<div class="panes"><div class="cols">{"".join(cols)}</div></div>'


def _doc_section(n: int, d: DocDiff, names: tuple[str, str]) -> str:
    counts = Counter(x.kind for x in d.differences)
    summary = ", ".join(f"{counts[k]} {k}" for k in KINDS) or "no differences"
    note = f'<p class="note">{html.escape(d.note)}</p>' if d.note else ""
    if not d.differences:
        # Keeps a whole-corpus --base report small: only documents that changed get their text.
        return f'<section class="doc" id="doc-{n}"><h2>{html.escape(d.doc)}</h2>{note}<p>no differences</p></section>'
    if d.raw_text is None:
        body = '<p class="warn">document text unavailable (not in OUT)</p>'
    else:
        body = _panes(n, d, names)
    ids = (_span_ids(d, "left", f"d{n}-l"), _span_ids(d, "right", f"d{n}-r"))
    return (
        f'<section class="doc" id="doc-{n}"><h2>{html.escape(d.doc)}</h2>{note}<p>{summary}</p>{body}'
        f"<h3>differences</h3>{_diff_rows(d, names[1], ids)}</section>"
    )


# Noto Sans CJK (Debian's fonts-noto-cjk, installed by .ci/run), Source Han Sans (the same
# font under Adobe's name), then what macOS, Windows and older Linux desktops have.
CJK_FONT_STACK = (
    '"Noto Sans CJK SC","Source Han Sans SC","Noto Sans SC","PingFang SC","Hiragino Sans GB",'
    '"Microsoft YaHei","WenQuanYi Micro Hei","Noto Serif CJK SC",sans-serif'
)

_CSS = (
    """
body{font-family:%s;margin:1rem;color:#222}
.filters{position:sticky;top:0;background:#fff;padding:.5rem 0;border-bottom:1px solid #ccc;z-index:100}
.chip{display:inline-block;padding:2px 6px;margin:2px;border-radius:4px;font-size:.85em}
.chip .sample{display:inline-block;width:2.2em;height:4px;margin-left:4px;vertical-align:middle}
.panes{max-height:75vh;overflow:auto;border:1px solid #ddd;border-radius:4px}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:1rem;padding:0 .5rem}
.col h3{position:sticky;top:0;background:#fff;margin:0;padding:.3rem 0;z-index:50;border-bottom:1px solid #eee}
.text .spans{white-space:pre-wrap;line-height:2!important}
.polex-start.kind-ok{opacity:.7}
.polex-start.kind-missed{outline:2px dashed #b00020}
.polex-start.kind-spurious{outline:2px dotted #b36b00}
.polex-start.kind-changed{outline:2px solid #8e24aa}
.polex-start.kind-indicator{outline:2px double #37474f}
.polex-start.kind-boundary{outline:1px solid #00838f}
.polex-start.focus{box-shadow:0 0 0 4px #ffd600;z-index:60!important}
table.diffs{border-collapse:collapse;font-size:.85em;width:100%%}
table.diffs td,table.diffs th{border:1px solid #ddd;padding:2px 4px;vertical-align:top}
tr.diff{cursor:pointer}tr.diff:hover{background:#fffde7}tr.diff.focus{background:#fff59d}
td.ctx{white-space:pre-wrap}
.kind-missed{color:#b00020;font-weight:bold}.kind-spurious{color:#b36b00;font-weight:bold}
.kind-changed{color:#8e24aa;font-weight:bold}.kind-indicator{color:#37474f;font-weight:bold}
.kind-boundary{color:#00838f}.kind-ok{color:#2e7d32}
.warn{color:#b00020}.note{background:#fff3e0;border-left:4px solid #ef6c00;padding:.3rem .6rem}
"""
    % CJK_FONT_STACK
)

_JS = """
(function(){
  const root=document.documentElement, paints=%s;
  function apply(){
    const offL=new Set([...document.querySelectorAll('[data-filter-label]')].filter(e=>!e.checked).map(e=>e.dataset.filterLabel));
    const offK=new Set([...document.querySelectorAll('[data-filter-kind]')].filter(e=>!e.checked).map(e=>e.dataset.filterKind));
    for(const [name,value] of Object.entries(paints)){
      const [label,kind]=name.slice(4).split(/-(?=[a-z]+$)/);
      root.style.setProperty(name,(offL.has(label)||offK.has(kind))?'transparent':value);
    }
    document.querySelectorAll('.polex-start').forEach(e=>{
      const [label,kind]=e.dataset.span.split('\\u00b7');
      e.style.display=(offL.has(label)||offK.has(kind||'ok'))?'none':'';
    });
    document.querySelectorAll('tr.diff').forEach(e=>{
      e.style.display=(offL.has(e.dataset.label)||offK.has(e.dataset.kind))?'none':'';
    });
  }
  // A row jumps to its span: the shared pane scrolls to it, both sides' chips light up.
  function jump(row){
    document.querySelectorAll('.focus').forEach(e=>e.classList.remove('focus'));
    const chips=[row.dataset.left,row.dataset.right].filter(Boolean).map(id=>document.getElementById(id)).filter(Boolean);
    if(!chips.length) return;
    const pane=chips[0].closest('.panes');
    const top=chips[0].getBoundingClientRect().top-pane.getBoundingClientRect().top+pane.scrollTop;
    pane.scrollTop=Math.max(0,top-pane.clientHeight/3);
    pane.scrollIntoView({block:'nearest'});
    chips.forEach(e=>e.classList.add('focus'));
    row.classList.add('focus');
  }
  document.querySelectorAll('tr.diff').forEach(row=>row.addEventListener('click',ev=>{ev.preventDefault();jump(row);}));
  document.querySelectorAll('[data-filter-label],[data-filter-kind]').forEach(e=>e.addEventListener('change',apply));
  apply();
})();
"""


def _contents(ordered: list[DocDiff]) -> str:
    """One line linking every document with differences (with its count), then how many have none."""
    links = [
        f'<a href="#doc-{n}">{html.escape(d.doc)}</a> ({len(d.differences)})'
        for n, d in enumerate(ordered, 1)
        if d.differences
    ]
    without = sum(1 for d in ordered if not d.differences)
    parts = [f"with differences: {' · '.join(links)}" if links else "no document has differences"]
    if without:
        parts.append(f"{without} document{'s' if without != 1 else ''} without differences, after them")
    return f'<nav class="contents"><p>{"; ".join(parts)}</p></nav>'


def render_report(doc_diffs: list[DocDiff], mode: str) -> str:
    """One HTML page for all documents; ``mode`` is ``gold`` or ``base``."""
    names = ("gold", "predicted") if mode == "gold" else ("base", "new")
    total = Counter(x.kind for d in doc_diffs for x in d.differences)
    summary = ", ".join(f"{total[k]} {k}" for k in KINDS)
    # Documents with differences first (a night that changed 3 of 5,000 documents shows those 3
    # at the top), each in the contents line; the rest after them, counted there.
    ordered = [d for d in doc_diffs if d.differences] + [d for d in doc_diffs if not d.differences]
    sections = "".join(_doc_section(n, d, names) for n, d in enumerate(ordered, 1))
    contents = _contents(ordered)
    # The paints before the script runs (and for --dump-dom without JS).
    fallback = ";".join(f"{name}:{value}" for name, value in _paints().items())
    # Chips keep their label's plain colour (the kind shows in their outline), over displaCy's inline paint.
    chips = "".join(f'.polex-start[data-span^="{l}"]{{background:{c}!important}}' for l, c in LABEL_COLORS.items())
    script = _JS % json.dumps(_paints())
    return (
        '<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8">'
        f"<title>polex diff: {names[0]} vs {names[1]}</title><style>:root{{{fallback}}}{_CSS}{chips}</style></head><body>"
        f"<h1>polex diff — {names[0]} vs {names[1]}</h1><p>documents: {len(doc_diffs)}; {summary}</p>"
        f"{contents}{_legend()}{sections}<script>{script}</script></body></html>"
    )
