"""The self-contained HTML diff report: spans highlighted with spaCy's displaCy
span renderer, left (gold/base) and right (predicted/new) side by side, the
list of differences with context, and label/kind filters (inline CSS + JS,
no external assets).
"""

from __future__ import annotations

import html
import json
from collections import Counter

from spacy import displacy

from pipeline.qa.differences import KINDS, DocDiff, describe_attrs
from pipeline.qa.labels import LABELS

LABEL_COLORS = {
    "heading": "#7fb3e0",
    "target": "#8fd18a",
    "amount": "#f7b267",
    "deadline": "#b8a4e3",
    "responsible_unit": "#f08a8a",
}
SPAN_KINDS = ("ok",) + KINDS
# displaCy appends a space after every token outside a span, which Chinese text
# must not get; each token carries this private-use sentinel and the
# "sentinel + space" pairs are removed after rendering.
_SENTINEL = "\ue000"

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


# Tighter than displaCy's defaults (40/20/17 px): dense Chinese text, few stacked spans.
_GEOMETRY = {"top_offset": 26, "span_label_offset": 14, "top_offset_step": 9}


def span_tag(label: str, kind: str) -> str:
    """The displaCy label of a span: ``target`` when right, ``target·missed`` otherwise."""
    return label if kind == "ok" else f"{label}·{kind}"


def _css_var(label: str, kind: str) -> str:
    return f"--c-{label}-{kind}"


def _colors() -> dict[str, str]:
    return {span_tag(l, k): f"var({_css_var(l, k)})" for l in LABELS for k in SPAN_KINDS}


def _manual_parse(text: str, spans: list[tuple[int, int, str]]) -> dict:
    """displaCy's manual format with one token per stretch between span boundaries."""
    bounds = sorted({0, len(text), *(b for s, e, _ in spans for b in (s, e))})
    index = {b: i for i, b in enumerate(bounds)}
    tokens = [text[a:b] + _SENTINEL for a, b in zip(bounds, bounds[1:])]
    parsed_spans = [{"start_token": index[s], "end_token": index[e], "label": tag} for s, e, tag in spans if e > s]
    return {"text": text, "tokens": tokens, "spans": parsed_spans, "settings": {"lang": "zh", "direction": "ltr"}}


def render_side(text: str, spans: list[tuple[int, int, str]]) -> str:
    clean = text.replace(_SENTINEL, " ")
    markup = displacy.render(
        _manual_parse(clean, spans),
        style="span",
        manual=True,
        jupyter=False,
        options={"colors": _colors(), "template": _TEMPLATES, **_GEOMETRY},
    )
    return markup.replace(_SENTINEL + " ", "").replace(_SENTINEL, "")


def _side_spans(d: DocDiff, side: str) -> list[tuple[int, int, str]]:
    doc = d.left if side == "left" else d.right
    if doc is None:
        return []
    return [(s.start, s.end, span_tag(s.label, d.span_kinds.get((side, *s.key()), "ok"))) for s in doc.spans]


def _legend() -> str:
    labels = "".join(
        f'<label class="chip" style="background:{c}"><input type="checkbox" checked data-filter-label="{l}"> {l}</label>'
        for l, c in LABEL_COLORS.items()
    )
    kinds = "".join(
        f'<label class="chip kind-{k}"><input type="checkbox" checked data-filter-kind="{k}"> {k}</label>'
        for k in SPAN_KINDS
    )
    return f'<div class="filters"><b>labels</b> {labels} <b>kinds</b> {kinds}</div>'


def _diff_rows(d: DocDiff, right_name: str) -> str:
    rows = []
    for x in d.differences:
        span = x.span
        detail = html.escape(describe_attrs(x))
        if (
            x.kind in ("changed", "boundary")
            and x.right is not None
            and x.left is not None
            and x.left.key() != x.right.key()
        ):
            detail = f"{right_name}: {x.right.start}:{x.right.end} «{html.escape(x.right.text)}» " + detail
        rows.append(
            f'<tr class="diff" data-label="{x.label}" data-kind="{x.kind}">'
            f'<td class="kind-{x.kind}">{x.kind}</td><td style="background:{LABEL_COLORS[x.label]}">{x.label}</td>'
            f"<td>{span.start}:{span.end}</td><td>{html.escape(x.heading[:30])}</td>"
            f'<td class="ctx">{html.escape(x.before)}<mark>{html.escape(span.text)}</mark>{html.escape(x.after)}</td>'
            f"<td>{detail}</td></tr>"
        )
    head = "<tr><th>kind</th><th>label</th><th>offsets</th><th>section</th><th>context (±20)</th><th>detail</th></tr>"
    return f'<table class="diffs">{head}{"".join(rows)}</table>'


def _doc_section(n: int, d: DocDiff, names: tuple[str, str]) -> str:
    counts = Counter(x.kind for x in d.differences)
    summary = ", ".join(f"{counts[k]} {k}" for k in KINDS) or "no differences"
    if not d.differences:
        # Keeps a whole-corpus --base report small: only documents that changed get their text.
        return f'<section class="doc" id="doc-{n}"><h2>{html.escape(d.doc)}</h2><p>no differences</p></section>'
    if d.raw_text is None:
        body = '<p class="warn">document text unavailable (not in OUT)</p>'
    else:
        cols = []
        for side, name in zip(("left", "right"), names):
            doc = d.left if side == "left" else d.right
            content = (
                render_side(d.raw_text, _side_spans(d, side))
                if doc is not None
                else f"<p class='warn'>no {name} document</p>"
            )
            cols.append(f'<div class="col" data-side="{side}"><h3>{name}</h3><div class="text">{content}</div></div>')
        body = f'<div class="cols">{"".join(cols)}</div>'
    return (
        f'<section class="doc" id="doc-{n}"><h2>{html.escape(d.doc)}</h2><p>{summary}</p>{body}'
        f"<h3>differences</h3>{_diff_rows(d, names[1])}</section>"
    )


_CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif;margin:1rem;color:#222}
.filters{position:sticky;top:0;background:#fff;padding:.5rem 0;border-bottom:1px solid #ccc;z-index:100}
.chip{display:inline-block;padding:2px 6px;margin:2px;border-radius:4px;font-size:.85em}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
.col{border:1px solid #ddd;border-radius:4px;padding:0 .5rem}
.text{max-height:70vh;overflow:auto}
.text .spans{white-space:pre-wrap;line-height:2!important}
table.diffs{border-collapse:collapse;font-size:.85em;width:100%}
table.diffs td,table.diffs th{border:1px solid #ddd;padding:2px 4px;vertical-align:top}
td.ctx{white-space:pre-wrap}
.kind-missed{color:#b00020;font-weight:bold}.kind-spurious{color:#b36b00;font-weight:bold}
.kind-changed{color:#8e24aa;font-weight:bold}.kind-boundary{color:#00838f}.kind-ok{color:#2e7d32}
.warn{color:#b00020}
"""

_JS = """
(function(){
  const root=document.documentElement, colors=%s, kinds=%s;
  function apply(){
    const offL=new Set([...document.querySelectorAll('[data-filter-label]')].filter(e=>!e.checked).map(e=>e.dataset.filterLabel));
    const offK=new Set([...document.querySelectorAll('[data-filter-kind]')].filter(e=>!e.checked).map(e=>e.dataset.filterKind));
    for(const [label,color] of Object.entries(colors)){
      for(const kind of kinds){
        const off=offL.has(label)||offK.has(kind);
        // right spans keep full colour, errors are vivid and right ones muted
        root.style.setProperty('--c-'+label+'-'+kind, off?'transparent':(kind==='ok'?color+'99':color));
      }
    }
    document.querySelectorAll('.polex-start').forEach(e=>{
      const [label,kind]=e.dataset.span.split('\u00b7');
      e.style.display=(offL.has(label)||offK.has(kind||'ok'))?'none':'';
    });
    document.querySelectorAll('tr.diff').forEach(e=>{
      e.style.display=(offL.has(e.dataset.label)||offK.has(e.dataset.kind))?'none':'';
    });
  }
  document.querySelectorAll('[data-filter-label],[data-filter-kind]').forEach(e=>e.addEventListener('change',apply));
  apply();
})();
"""


def render_report(doc_diffs: list[DocDiff], mode: str) -> str:
    """One HTML page for all documents; ``mode`` is ``gold`` or ``base``."""
    names = ("gold", "predicted") if mode == "gold" else ("base", "new")
    total = Counter(x.kind for d in doc_diffs for x in d.differences)
    summary = ", ".join(f"{total[k]} {k}" for k in KINDS)
    sections = "".join(_doc_section(n, d, names) for n, d in enumerate(doc_diffs, 1))
    # Fallback colours before the script runs (and for --dump-dom without JS).
    fallback = ";".join(f"{_css_var(l, k)}:{c}" for l, c in LABEL_COLORS.items() for k in SPAN_KINDS)
    script = _JS % (json.dumps(LABEL_COLORS), json.dumps(list(SPAN_KINDS)))
    return (
        '<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8">'
        f"<title>polex diff: {names[0]} vs {names[1]}</title><style>:root{{{fallback}}}{_CSS}</style></head><body>"
        f"<h1>polex diff — {names[0]} vs {names[1]}</h1><p>documents: {len(doc_diffs)}; {summary}</p>"
        f"{_legend()}{sections}<script>{script}</script></body></html>"
    )
