"""`polex diff` and `polex audit` written to a file or a pipe (`> diff.txt`, `| grep`, a CI log).

rich wrapped every line at 80 columns when stdout was no terminal: a difference's or a cue's context
line broke in two, so `grep 新增就业岗位` found half of it and a script counting lines counted wrong.
Driven as a user does: the real CLI with stdout a pipe and no COLUMNS set; each difference and each
uncovered cue must be one whole line (what `polex eval --per-doc` does since the ux round).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from polex_cli import SEEDS, make_corpus, run_polex

from pipeline.qa.fixtures import run_core

NO_TERMINAL = {"COLUMNS": "", "LINES": ""}  # the pipe's own width: none the user set


def _one_line(text: str) -> str:
    return text.replace("\r", "").replace("\n", "⏎")


def test_diff_to_a_pipe_prints_each_difference_on_one_whole_line(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    base = run_core(corpus, tmp_path / "base")
    with open(corpus / SEEDS[0].name, "a", encoding="utf-8") as fh:
        fh.write(
            "\n（九）加快推进全市重点产业园区建设。到2030年，全市新增就业岗位10万个，培育规模以上工业企业200家。\n"
        )
    new = run_core(corpus, tmp_path / "new")

    human = run_polex("diff", "--base", str(base), "--out", str(new), **NO_TERMINAL)
    assert human.returncode == 0, human.stderr
    differences = json.loads(run_polex("diff", "--base", str(base), "--out", str(new), "--json").stdout)["differences"]
    assert differences, "the appended sentence makes spurious spans"
    lines = human.stdout.splitlines()
    kinds = [line for line in lines if line.split(" ", 1)[0] in {d["kind"] for d in differences}]
    assert len(kinds) == len(differences), human.stdout
    for d in differences:
        side = d["new"] or d["base"]
        whole = _one_line(side["text"])
        assert any(whole in line and f"{side['start']}:{side['end']}" in line for line in kinds), (whole, human.stdout)
    assert max(map(len, kinds)) > 80  # the lines a terminal-less rich cut in two


def test_audit_to_a_pipe_prints_each_uncovered_cue_on_one_whole_line(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "plan.txt").write_text(
        "某县人民政府关于推进项目建设的实施方案\n一、工作任务\n"
        "（一）建设产业园。到2025年建成产业园3个，每个给予100万元奖励。（县发展改革局牵头，县财政局配合）\n"
        "（二）编制投资计划。全县重点项目投资计划汇总表（单位：万元，按项目类别和所在乡镇分列）\n",
        encoding="utf-8",
    )
    out = run_core(corpus, tmp_path / "out")
    human = run_polex("audit", str(out), **NO_TERMINAL)
    assert human.returncode == 0, human.stderr
    report = json.loads(run_polex("audit", str(out), "--json").stdout)
    uncovered = report["documents"]["plan.txt"]["uncovered"]
    assert uncovered
    for cue in uncovered:
        context = _one_line(cue["before"] + cue["text"] + cue["after"])
        whole = [line for line in human.stdout.splitlines() if line.startswith(cue["kind"]) and context in line]
        assert whole, (context, human.stdout)  # kind, cue, offset and context: one line
    assert "coverage over 1 documents" in human.stdout


def test_a_width_the_user_sets_still_wraps(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    base = run_core(corpus, tmp_path / "base")
    shutil.copy(SEEDS[1], corpus / SEEDS[0].name)  # another document's text under the first one's name
    new = run_core(corpus, tmp_path / "new")
    narrow = run_polex("diff", "--base", str(base), "--out", str(new), COLUMNS="60")
    assert narrow.returncode == 0, narrow.stderr
    assert max(len(line) for line in narrow.stdout.splitlines()) <= 60


def test_a_reader_that_quits_ends_the_report_commands_with_141(tmp_path):
    """`polex audit OUT | head -1`: rich's own broken-pipe handling exited 1 (a failure to a script's `set -e`
    or `pipefail`); polex's contract is 141 with no error line, as for every other command."""
    import subprocess

    from polex_cli import POLEX, polex_env

    devset = Path(__file__).resolve().parent / "fixtures" / "devset"
    out, gold = run_core(devset / "docs", tmp_path / "out"), devset / "gold"
    for command in (["audit", str(out)], ["diff", "--base", str(out), "--out", str(out)], ["eval", "--gold", str(gold), "--out", str(out)]):  # fmt: skip
        proc = subprocess.Popen([str(POLEX), *command], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=polex_env())
        proc.stdout.close()  # `head` has read what it wanted and gone
        _, stderr = proc.communicate(timeout=120)
        assert (proc.returncode, stderr.decode()) == (141, ""), command
