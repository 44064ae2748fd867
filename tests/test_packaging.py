"""The pins a user installs: pyproject.toml's direct dependencies agree with requirements.txt."""

from __future__ import annotations

import re
import tomllib

import pytest

from conftest import PROJECT_ROOT

pytestmark = pytest.mark.integration

RE_PIN = re.compile(r"^([A-Za-z0-9_.-]+)==([^\s;#]+)")


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(lines: list[str]) -> dict[str, str]:
    found = {}
    for line in lines:
        match = RE_PIN.match(line.strip())
        if match:
            found[normalise(match.group(1))] = match.group(2)
    return found


def test_every_direct_dependency_is_pinned_to_the_version_requirements_txt_installs() -> None:
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "project"
    ]
    declared = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    locked = pins((PROJECT_ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines())

    direct = pins(declared)
    assert len(direct) == len(declared), "every direct dependency is pinned with =="
    assert {name: locked.get(name) for name in direct} == direct
