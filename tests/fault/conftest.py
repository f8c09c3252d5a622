"""Fault-injection fixtures: one real bundle and a template hub per module, and the importer."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from killkit import Importer, Scene, build_scene

#: About four events per household: 300 households make a bundle of about 1,200 events.
HOUSEHOLDS = 300


@pytest.fixture(scope="module")
def scene(tmp_path_factory: pytest.TempPathFactory) -> Scene:
    """A closed template hub that approved a post, and that post's bundle for it."""
    return build_scene(tmp_path_factory.mktemp("kill") / "scene", HOUSEHOLDS)


@pytest.fixture(scope="module")
def importer() -> Iterator[Importer]:
    """Imports in their own processes: forks of a warm runner (no interpreter start per trial)."""
    with Importer() as running:
        yield running
