"""t2s's shortcut: a text with too few characters OpenCC could change is left as it is, unconverted.

``normalizers/data/t2s_changing_chars.txt`` lists every character t2s can change (generated from
the dictionaries OpenCC reads); the step skips OpenCC where those characters cannot reach the
traditional share.  Checked here: the file is what the installed OpenCC's dictionaries give, the
bound holds (OpenCC never changes more characters than it counts), and the step gives what
converting and counting gives (the plain form, kept here as the reference).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from normalizers import chinese_script as cs
from normalizers.edits import replaced_one_for_one

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# simplified and traditional spellings, variants t2s touches (乾/著/藉), phrases (乾燥, 憑藉), compatibility ideographs
PIECES = [
    "发展",
    "發展",
    "产业",
    "產業",
    "乾隆",
    "乾燥",
    "著名",
    "憑藉",
    "慰藉",
    "的",
    "，",
    "2025年",
    "\n",
    "abc",
    "豈",
    "金",
]


def _reference(text: str) -> tuple[str, object]:
    """to_simplified as first written: convert, then count the share."""
    converted = cs._one_for_one(text)
    if converted == text:
        return replaced_one_for_one(text, text)
    changed, han = cs.traditional_share(text, converted)
    if changed < cs.MIN_CHANGED or changed < cs.TRADITIONAL_SHARE * han:
        return replaced_one_for_one(text, text)
    return replaced_one_for_one(text, converted)


def _changed(text: str) -> int:
    before, after = cs._code_points(text), cs._code_points(cs.converter().convert(text))
    return int(np.count_nonzero(before != after))


def _bound(text: str) -> int:
    return int(np.count_nonzero(cs._changing_table().take(cs._code_points(text), mode="clip")))


def test_the_character_list_is_the_installed_opencc_s():
    import opencc

    if not (Path(opencc.__file__).resolve().parent / "clib" / "bin" / "opencc_dict").exists():
        pytest.skip("this OpenCC wheel ships no opencc_dict tool to dump its dictionaries")
    tool = ROOT / "tools" / "make_t2s_chars.py"
    result = subprocess.run([sys.executable, str(tool), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
@SETTINGS
def test_opencc_changes_no_more_characters_than_the_bound(text):
    assert _changed(text) <= _bound(text)


@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
@SETTINGS
def test_the_step_gives_what_converting_and_counting_gives(text):
    assert cs.to_simplified(text)[0] == _reference(text)[0]


def test_every_han_character_opencc_changes_alone_is_listed():
    # all of the BMP's unified ideographs, Extension A and the compatibility block, one line each
    han = [chr(p) for p in (*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000), *range(0xF900, 0xFB00))]
    converted = cs.converter().convert("\n".join(han)).split("\n")
    changed = [a for a, b in zip(han, converted) if a != b]
    assert changed and all(_bound(ch) == 1 for ch in changed)


@pytest.mark.parametrize(
    "text", ["濱州市人民政府辦公室關於加快發展先進製造業集群的實施意見", "滨州市人民政府办公室关于加快发展"]
)
def test_traditional_text_is_converted_and_simplified_text_kept(text):
    assert cs.to_simplified(text)[0] == _reference(text)[0]
