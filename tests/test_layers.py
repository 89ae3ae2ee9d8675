"""What each entry point imports: the start-up costs the deferred imports avoid (measured in their comments)."""

from __future__ import annotations

import subprocess
import sys

import pytest


def _imported(module: str) -> set[str]:
    code = f"import sys, {module}; print(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return set(out.split())


@pytest.mark.parametrize("module", ["pipeline.cli", "pipeline.process", "pipeline.qa.evaluate"])
def test_no_prefect_spacy_or_dask_at_start_up(module):
    # `polex eval`, `polex diff` (terminal), `polex gold validate` and the core never pay for them.
    loaded = _imported(module)
    assert not {"prefect", "spacy", "prefect_dask", "distributed", "flows"} & loaded


def test_the_rules_do_not_import_the_layers_above():
    loaded = _imported("extractors")
    assert not {
        m
        for m in loaded
        if m.split(".")[0] == "flows" or m.startswith(("pipeline.storage", "pipeline.qa", "pipeline.cli"))
    }
