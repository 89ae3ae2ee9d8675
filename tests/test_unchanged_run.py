"""A nightly run over an unchanged crawl publishes nothing new, and says so; any change still publishes.

Before, every run published a new version whose tables equalled the last one's (a new run id, one more
folder under OUT/versions, `OUT/current` moved): a reader diffing night against night, or a job keyed on
the run id, saw a change where there was none. Driven as the data team runs it: the real CLI and flow.
"""

from __future__ import annotations

import os

import pytest
from polex_cli import SEEDS, assert_tables_equal, make_corpus, manifest, read_tables, run_polex, run_summary

pytestmark = pytest.mark.usefixtures("prefect_api_url")


def _night(corpus, out, expect: int) -> dict:
    result = run_polex("run", str(corpus), "--out", str(out), "--no-progress")
    assert result.returncode == expect, result.stderr[-3000:]
    return {**run_summary(result.stderr), "stderr": result.stderr}


def _versions(out) -> list[str]:
    return sorted(p.name for p in (out / "versions").iterdir())


def test_an_unchanged_crawl_publishes_nothing_and_every_change_still_publishes(tmp_path):
    corpus, out = make_corpus(tmp_path / "crawl"), tmp_path / "out"
    os.symlink(tmp_path / "gone.txt", corpus / "dangling.txt")  # unreadable: a quarantine row, no index row
    first = _night(corpus, out, expect=1)
    assert first["published"]
    tables, versions = read_tables(out), _versions(out)

    again = _night(corpus, out, expect=1)  # same exit status: the quarantine row is still there
    assert not again["published"] and again["run_id"] == first["run_id"] == manifest(out)["run_id"]
    assert "nothing changed, nothing published" in again["stderr"]
    assert _versions(out) == versions and os.readlink(out / "current") == f"versions/{first['run_id']}"
    assert_tables_equal(read_tables(out), tables)

    (corpus / "dangling.txt").unlink()  # only an unreadable file went: its quarantine row must go too
    gone = _night(corpus, out, expect=0)
    assert gone["published"] and gone["run_id"] != first["run_id"]
    assert len(read_tables(out)["quarantine"]) == 0

    with open(corpus / SEEDS[1].name, "a", encoding="utf-8") as fh:
        fh.write("\n到2030年，全市新增就业岗位10万个。\n")
    changed = _night(corpus, out, expect=0)
    assert changed["published"] and changed["counts"]["changed"] == 1
    targets = read_tables(out)["targets"]
    assert "新增就业岗位10万个" in set(targets[targets.doc_id == SEEDS[1].name].text)
