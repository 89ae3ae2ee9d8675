"""A reviewer follows the README's QA section from a fresh clone: its commands, as written, in order."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from paths import ROOT

BIN = Path(sys.executable).parent


def qa_blocks() -> list[list[str]]:
    """The shell blocks of README's QA section, one list of command lines each (comments dropped)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## QA: scores, diffs, the HTML review", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, flags=re.S)
    return [
        [line.split("  #")[0].strip() for line in b.splitlines() if line.strip() and not line.startswith("#")]
        for b in blocks
    ]


def run_line(line: str, cwd: Path, tmp: Path) -> subprocess.CompletedProcess:
    line = line.replace("/tmp/", f"{tmp}/")
    # PREFECT_API_URL: the session's server (conftest), not an ephemeral one per run; the
    # ephemeral start of a fresh machine is test_acceptance_readme's.
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.run(["bash", "-c", line], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def test_readme_qa_section_runs_as_written(tmp_path, prefect_api_url):
    """Block 1 (score and review a run) runs line by line in a checkout; block 3's config and export too."""
    checkout = tmp_path / "clone"
    checkout.mkdir()
    for name in ("tests", "corpus"):  # what the commands read, as a clone has it
        (checkout / name).symlink_to(ROOT / name)
    first, _compare, tools = qa_blocks()
    for line in first:
        if line.startswith("make setup"):
            continue  # the venv these tests run in
        result = run_line(line, checkout, tmp_path)
        assert result.returncode == 0, (line, result.stdout[-2000:], result.stderr[-2000:])
    scores = json.loads((checkout / "scores.json").read_text(encoding="utf-8"))
    assert scores["labels"]["target"]["gold"] > 100 and "target·indicator" in scores["sublabels"]
    page = (checkout / "review.html").read_text(encoding="utf-8")
    assert page.count('<section class="doc"') == 26
    for line in tools:
        if line.startswith(("polex gold config", "polex gold export")):
            result = run_line(line, checkout, tmp_path)
            assert result.returncode == 0, (line, result.stderr)
    assert (checkout / "labeling.xml").read_text(encoding="utf-8").startswith("<View>")
    assert json.loads((checkout / "tasks.json").read_text(encoding="utf-8"))[0]["predictions"]
