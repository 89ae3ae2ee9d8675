"""The pinned tree works with Prefect 3.8.8, which pip cannot fully check: Prefect
allows ``sqlalchemy<3,>=2.0``, yet with 2.1.x its scheduler fails on every loop
(``Can't evaluate bulk DML statement``) and no schedule fires.  The server's real
behaviour is tested in test_serve_schedule (a scheduled run, an error-free log)."""

from __future__ import annotations

from importlib.metadata import requires, version
from pathlib import Path

from packaging.requirements import Requirement

REPO = Path(__file__).resolve().parents[1]


def _constraints() -> dict[str, str]:
    pins = {}
    for line in (REPO / "constraints.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, pinned = line.split("==")
            pins[Requirement(name).name.lower().replace("_", "-").replace(".", "-")] = pinned.strip()
    return pins


def test_sqlalchemy_is_pinned_to_2_0_where_prefects_scheduler_works():
    assert _constraints()["sqlalchemy"].startswith("2.0.")
    assert version("sqlalchemy").startswith("2.0.")


def test_every_pin_satisfies_prefects_own_requirements():
    pins = _constraints()
    unmet = []
    for text in requires("prefect") or []:
        requirement = Requirement(text)
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue  # an extra's requirement, or another platform's
        pinned = pins.get(requirement.name.lower().replace("_", "-").replace(".", "-"))
        if pinned is None or not requirement.specifier.contains(pinned, prereleases=True):
            unmet.append(f"{requirement} (pinned: {pinned})")
    assert unmet == []
