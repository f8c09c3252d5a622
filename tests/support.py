"""Helpers for tests that fixtures cannot give (module-scoped setups): importable as ``support``."""

from __future__ import annotations

from pathlib import Path

from noodpost.config import catalogue_path
from noodpost.core.catalogue import parse_catalogue
from noodpost.core.clock import FixedClock
from noodpost.services.setup import initialise
from noodpost.storage.engine import Database, open_database
from noodpost.storage.node import database_path

POST_CODE = "GR-0014"


def make_node(
    data_dir: Path,
    clock: FixedClock,
    *,
    role: str = "post",
    code: str = POST_CODE,
    name: str = "Dorpshuis Ten Boer",
    capacity: int | None = 80,
) -> Database:
    data_dir.mkdir(parents=True, exist_ok=True)
    db = open_database(database_path(data_dir))
    version, items = parse_catalogue(catalogue_path().read_text(encoding="utf-8"))
    initialise(
        db,
        clock,
        role=role,
        name=name,
        code=code,
        catalogue=items,
        catalogue_version=version,
        capacity=capacity,
    )
    return db
