"""Migration 0009 on a database from before the generator log: it gains the table, keeps its
data, and takes readings at once."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, inspect
from support import make_node

from noodpost.core.clock import FixedClock
from noodpost.services.base import ServiceContext
from noodpost.services.generator import GeneratorService
from noodpost.services.intake import IntakeService
from noodpost.storage.engine import SCHEMA_HEAD, _alembic_config, current_revision, open_database
from noodpost.storage.node import database_path


def test_a_database_at_0008_gains_the_generator_log_and_keeps_its_data(
    tmp_path: Path, clock: FixedClock
) -> None:
    db = make_node(tmp_path, clock)
    household = IntakeService(ServiceContext(db, clock)).register(size=3).household_id
    db.close()
    path = database_path(tmp_path)
    engine = create_engine(f"sqlite:///{path}")  # as 0007's test: a plain engine downgrades
    command.downgrade(_alembic_config(engine), "0008")
    assert current_revision(engine) == "0008"
    assert "generator_reading" not in inspect(engine).get_table_names()
    engine.dispose()

    db = open_database(path)  # upgrades to head
    try:
        assert current_revision(db.engine) == SCHEMA_HEAD
        ctx = ServiceContext(db, clock)
        assert IntakeService(ctx).household(household).size == 3
        GeneratorService(ctx).record(running=True, litres_left=40)
        state = GeneratorService(ctx).state()
        assert state is not None
        assert state.litres_left == 40
    finally:
        db.close()
