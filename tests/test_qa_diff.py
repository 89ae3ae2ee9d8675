"""`polex diff`: differences, terminal view, and the HTML report in headless Chromium."""

import html as html_lib
import json
import re
import shutil
import subprocess
import tempfile

import pytest
from paths import ROOT
from polex_cli import run_subcommand

from pipeline.cli import diff as cli_diff
from pipeline.qa.differences import diff_document
from pipeline.qa.fixtures import run_core, write_out
from pipeline.qa.labels import LABELS
from pipeline.qa.model import AnnotatedDoc, Span
from pipeline.qa.report_html import render_report

# Prefect, the CLI in subprocesses or a property-based fuzz suite: left out of `make test-fast`.
pytestmark = pytest.mark.slow

TEXT = "一、总体要求\n到2025年，规模以上企业达到800家，设立2亿元专项资金。（省工业和信息化厅(ting)、省财政厅负责）\n"
META = {"title": None, "doc_number": None, "issuer": None, "issue_date": None}


def at(label, text, attrs, shift=(0, 0)):
    s = TEXT.index(text) + shift[0]
    e = TEXT.index(text) + len(text) + shift[1]
    return Span(label, s, e, TEXT[s:e], attrs)


def gold_doc():
    return AnnotatedDoc(
        "doc.txt",
        "x",
        dict(META),
        [
            at("heading", "一、总体要求", {"level": 1, "number": 1}),
            at("deadline", "到2025年", {"kind": "by", "year": 2025}),
            at("target", "规模以上企业达到800家", {"value": 800, "unit": "家", "comparator": ">="}),
            at("amount", "2亿元", {"value_cny": 2e8, "comparator": "=", "kind": "sum"}),
            at("responsible_unit", "省工业和信息化厅", {"role": "responsible"}),
            at("responsible_unit", "省财政厅", {"role": "responsible"}),
        ],
        raw_text=TEXT,
    )


def predicted_doc():
    return AnnotatedDoc(
        "doc.txt",
        "x",
        dict(META),
        [
            at("heading", "一、总体要求", {"level": 1, "number": 1}),  # ok
            at("deadline", "到2025年", {"kind": "by", "year": 2025}, shift=(1, 0)),  # boundary
            at("target", "规模以上企业达到800家", {"value": 800, "unit": "家", "comparator": "="}),  # changed
            at("amount", "专项资金", {"value_cny": 1.0, "comparator": "=", "kind": "sum"}),  # spurious
            at("responsible_unit", "省工业和信息化厅(ting)", {"role": "responsible"}),  # ok after ruby snap
        ],
        raw_text=TEXT,
    )  # 2亿元, 省财政厅 missed


def test_difference_kinds_and_context():
    d = diff_document("doc.txt", gold_doc(), predicted_doc(), all_attrs=False)
    kinds = sorted((x.kind, x.label) for x in d.differences)
    assert kinds == [
        ("boundary", "deadline"),
        ("changed", "target"),
        ("missed", "amount"),
        ("missed", "responsible_unit"),
        ("spurious", "amount"),
    ]
    changed = next(x for x in d.differences if x.kind == "changed")
    assert changed.attrs == ("comparator",) and changed.heading == "一、总体要求"
    assert changed.before == TEXT[max(0, changed.left.start - 20) : changed.left.start]
    assert changed.after == TEXT[changed.left.end : changed.left.end + 20]


def test_base_mode_compares_every_attribute():
    base, new = predicted_doc(), predicted_doc()
    new.spans[2].attrs = {**new.spans[2].attrs, "recurring": "annual"}  # not a scoring key
    assert [x.kind for x in diff_document("doc.txt", base, new, all_attrs=True).differences] == ["changed"]
    assert diff_document("doc.txt", base, new, all_attrs=False).differences == []


def test_gold_mode_shows_indicator_mismatches():
    gold, pred = gold_doc(), gold_doc()
    gold.spans[2].attrs["indicator"] = "规模以上企业"
    pred.spans[2].attrs["indicator"] = "规模以上企业数量"  # char F1 12/14: still right
    assert diff_document("doc.txt", gold, pred, all_attrs=False).differences == []
    pred.spans[2].attrs["indicator"] = "企业"  # char F1 4/8 < 0.6: target·indicator fails
    (diff,) = diff_document("doc.txt", gold, pred, all_attrs=False).differences
    assert (diff.kind, diff.label, diff.attrs) == ("indicator", "target", ("indicator",))


def write_pair(tmp_path):
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / "doc.json").write_text(json.dumps(gold_doc().to_gold_json(), ensure_ascii=False), encoding="utf-8")
    write_out(tmp_path / "out", [predicted_doc()])
    write_out(tmp_path / "base", [gold_doc()])
    return gold_dir


def test_terminal_view_filters(tmp_path, capsys):
    gold_dir = write_pair(tmp_path)
    assert run_subcommand(cli_diff, ["--gold", str(gold_dir), "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "missed" in out and "spurious" in out and "comparator '>=' → '='" in out and "5 differences" in out
    run_subcommand(
        cli_diff, ["--gold", str(gold_dir), "--out", str(tmp_path / "out"), "--kind", "missed", "--label", "amount"]
    )
    out = capsys.readouterr().out
    assert "1 differences" in out and "spurious" not in out
    run_subcommand(cli_diff, ["--base", str(tmp_path / "base"), "--out", str(tmp_path / "out")])
    assert "5 differences" in capsys.readouterr().out
    # --json for scripts, gold mode: base = the gold span, new = the predicted one
    run_subcommand(cli_diff, ["--gold", str(gold_dir), "--out", str(tmp_path / "out"), "--json"])
    rows = json.loads(capsys.readouterr().out)["differences"]
    assert sorted((r["kind"], r["label"]) for r in rows) == [
        ("boundary", "deadline"),
        ("changed", "target"),
        ("missed", "amount"),
        ("missed", "responsible_unit"),
        ("spurious", "amount"),
    ]
    changed = next(r for r in rows if r["kind"] == "changed")
    assert changed["base"]["attrs"]["comparator"] == ">=" and changed["new"]["attrs"]["comparator"] == "="
    assert changed["attrs"] == ["comparator"] and changed["context"]["heading"] == "一、总体要求"
    assert changed["context"]["before"] == TEXT[max(0, changed["base"]["start"] - 20) : changed["base"]["start"]]


def test_html_is_self_contained_with_both_columns(tmp_path):
    d = diff_document("doc.txt", gold_doc(), predicted_doc(), all_attrs=False)
    page = render_report([d], "gold")
    assert "http://" not in page and "https://" not in page and "<link" not in page
    assert page.count('class="col"') == 2 and "gold" in page and "predicted" in page
    assert 'data-span="amount·missed"' in page and 'data-span="amount·spurious"' in page
    # displaCy must not put spaces into the Chinese text
    assert "规模以上企业达到800家" in page.replace("\n", "")
    assert "\ue000" not in page


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def chromium(*args):
    profile = tempfile.mkdtemp()
    try:
        return subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                *args,
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (.ci/run installs it)")
def test_html_report_renders_in_chromium(tmp_path, capsys):
    gold_dir = write_pair(tmp_path)
    report = tmp_path / "report.html"
    assert (
        run_subcommand(cli_diff, ["--gold", str(gold_dir), "--out", str(tmp_path / "out"), "--html", str(report)]) == 0
    )
    dom = chromium("--dump-dom", report.as_uri()).stdout
    for label in LABELS:  # every label is highlighted in the rendered page
        assert f'data-span="{label}' in dom, label
    assert 'data-span="responsible_unit·missed"' in dom and 'data-span="target·changed"' in dom
    # the filter script ran: it set the per-label colour variables on <html>
    assert "--c-target-missed" in dom.split("<head>")[0]
    shot = tmp_path / "shot.png"
    chromium(f"--screenshot={shot}", "--window-size=1400,1000", report.as_uri())
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 5000


# Runs in the opened report after its own script: what a reviewer sees, written into the DOM
# for --dump-dom (computed styles per kind, the shared scroller, a row's jump, the font stack).
PROBE = """
<script>
(function(){
  const out={kinds:{}, slices:{}};
  document.querySelectorAll('.polex-start').forEach(chip=>{
    const kind=[...chip.classList].find(c=>c.startsWith('kind-'));
    if(kind && !(kind in out.kinds)){
      const style=getComputedStyle(chip);
      out.kinds[kind]=[style.outlineStyle,style.outlineWidth,style.outlineColor,style.opacity].join(' ');
      const bar=chip.parentElement;
      out.slices[kind]=getComputedStyle(bar).backgroundImage+' '+getComputedStyle(bar).backgroundColor;
    }
  });
  const pane=document.querySelector('.panes');
  out.paneScrolls=getComputedStyle(pane).overflowY;
  out.columnsInPane=pane.querySelectorAll('.col .text').length;
  out.textScrolls=[...pane.querySelectorAll('.col .text')].map(e=>getComputedStyle(e).overflowY);
  const before=[...pane.querySelectorAll('.col')].map(e=>e.getBoundingClientRect().top);
  pane.scrollTop=60;
  const after=[...pane.querySelectorAll('.col')].map(e=>e.getBoundingClientRect().top);
  out.scrolledBy=before.map((b,i)=>Math.round(b-after[i]));
  pane.scrollTop=0;
  const rows=[...document.querySelectorAll('tr.diff')];
  out.rows=rows.map(r=>({left:r.dataset.left,right:r.dataset.right,kind:r.dataset.kind,
                         leftFound:!!(r.dataset.left&&document.getElementById(r.dataset.left)),
                         rightFound:!!(r.dataset.right&&document.getElementById(r.dataset.right))}));
  const row=rows.find(r=>r.dataset.left&&r.dataset.right);
  row.click();
  out.focused=[...document.querySelectorAll('.polex-start.focus')].map(e=>e.id);
  out.font=getComputedStyle(document.body).fontFamily;
  document.body.setAttribute('data-probe', JSON.stringify(out));
})();
</script>
"""


def probe_report(report, tmp_path):
    probed = tmp_path / "probed.html"
    probed.write_text(report.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = chromium("--dump-dom", "--window-size=1400,600", probed.as_uri()).stdout
    return json.loads(html_lib.unescape(re.search(r'data-probe="([^"]*)"', dom).group(1)))


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (.ci/run installs it)")
def test_html_report_panes_links_and_kind_styles_in_chromium(tmp_path):
    """A real document's review page (tests/fixtures/realdev): gold against polex's run."""
    realdev = ROOT / "tests" / "fixtures" / "realdev"
    doc = "0116_Action_Plan_for_Digital_Shandong_2019"
    (tmp_path / "corpus").mkdir()
    (tmp_path / "gold").mkdir()
    shutil.copy(realdev / "docs" / f"{doc}.txt", tmp_path / "corpus")
    # one gold target's value moved, so the page has a "changed" row (both sides) however well
    # polex does on this document (its remaining errors may all be one-sided)
    gold = json.loads((realdev / "gold" / f"{doc}.json").read_text(encoding="utf-8"))
    target = next(s for s in gold["spans"] if s["label"] == "target")
    target["attrs"]["value"] = target["attrs"]["value"] + 1
    (tmp_path / "gold" / f"{doc}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    run_core(tmp_path / "corpus", tmp_path / "out")
    report = tmp_path / "report.html"
    assert (
        run_subcommand(
            cli_diff, ["--gold", str(tmp_path / "gold"), "--out", str(tmp_path / "out"), "--html", str(report)]
        )
        == 0
    )
    probe = probe_report(report, tmp_path)
    # one scroller holds both columns: they scroll together, by the same amount
    assert probe["paneScrolls"] == "auto" and probe["columnsInPane"] == 2
    assert all(v == "visible" for v in probe["textScrolls"])
    assert probe["scrolledBy"][0] == probe["scrolledBy"][1] > 0
    # every row leads to its span on each side it has
    for row in probe["rows"]:
        assert row["leftFound"] or row["rightFound"], row
        if row["kind"] in ("changed", "boundary"):
            assert row["leftFound"] and row["rightFound"], row
    assert len(probe["focused"]) == 2 and {f.split("-")[1][0] for f in probe["focused"]} == {"l", "r"}
    assert probe["font"].startswith('"Noto Sans CJK SC"')


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (.ci/run installs it)")
def test_html_report_draws_each_kind_apart_in_chromium(tmp_path):
    gold_dir = write_pair(tmp_path)  # one span of every kind
    report = tmp_path / "report.html"
    assert (
        run_subcommand(cli_diff, ["--gold", str(gold_dir), "--out", str(tmp_path / "out"), "--html", str(report)]) == 0
    )
    probe = probe_report(report, tmp_path)
    # correct, missed, spurious, changed and boundary spans look different (chip outline, underline)
    kinds = {k: probe["kinds"][f"kind-{k}"] for k in ("ok", "missed", "spurious", "changed", "boundary")}
    assert len(set(kinds.values())) == len(kinds), kinds
    slices = {k: probe["slices"][f"kind-{k}"] for k in ("ok", "missed", "spurious", "changed")}
    assert len(set(slices.values())) == len(slices), slices


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (.ci/run installs it)")
def test_chromium_has_a_cjk_font():
    """The screenshot needs a font with Chinese glyphs: .ci/run installs fonts-noto-cjk with Chromium."""
    families = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout
    assert "Noto Sans CJK SC" in families, "install Debian's fonts-noto-cjk (.ci/run does)"


def test_html_report_puts_the_documents_with_differences_first_with_a_contents_line():
    """A whole-corpus --base report after a night that changed one document of many: the
    reviewer sees it first and finds it by the contents line, not under every unchanged one."""
    same = [diff_document(f"{n:03d}.txt", gold_doc(), gold_doc(), all_attrs=False) for n in range(3)]
    changed = diff_document("changed.txt", gold_doc(), predicted_doc(), all_attrs=False)
    page = render_report([*same[:2], changed, same[2]], "base")
    sections = re.findall(r'<section class="doc" id="(doc-\d+)"><h2>([^<]+)</h2>', page)
    assert [name for _, name in sections] == ["changed.txt", "000.txt", "001.txt", "002.txt"]
    contents = re.search(r'<nav class="contents">(.*?)</nav>', page, flags=re.S).group(1)
    anchor = dict((name, ident) for ident, name in sections)["changed.txt"]
    assert f'<a href="#{anchor}">changed.txt</a>' in contents
    assert "3 documents without differences" in contents and "000.txt" not in contents
