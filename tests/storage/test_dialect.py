"""The engine seam (noodpost/storage/dialect.py), each test on SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from noodpost.core.entities import Op
from noodpost.core.errors import DatabaseError
from noodpost.services.base import ServiceContext
from noodpost.services.intake import IntakeService
from noodpost.storage.engine import Database
from noodpost.storage.models import Household


def _households(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(Household)) or 0


def test_a_fresh_database_passes_its_checks(db: Database) -> None:
    assert db.quick_check() == "ok"
    assert db.integrity_check() == "ok"


def test_a_reader_keeps_its_snapshot_while_a_writer_commits(
    db: Database, ctx: ServiceContext
) -> None:
    """A read session sees one moment: a commit during it shows in the next read only."""
    intake = IntakeService(ctx)
    intake.register(size=1)
    with db.read() as session:
        first = session.scalar(select(func.count()).select_from(Household))
        intake.register(size=2)  # another connection commits meanwhile
        again = session.scalar(select(func.count()).select_from(Household))
    assert (first, again) == (1, 1)
    assert _households(db) == 2


def test_the_change_marker_moves_when_another_connection_commits(
    db: Database, ctx: ServiceContext
) -> None:
    """What the GUI polls to see another process's writes (SQLite's data_version; on
    PostgreSQL the server's transaction snapshot)."""
    before = db.data_version()
    IntakeService(ctx).register(size=1)
    assert db.data_version() != before


def test_emptying_the_old_versions_succeeds(db: Database, ctx: ServiceContext) -> None:
    """After retention: SQLite empties its WAL, PostgreSQL vacuums the tables (the replaced
    row versions of a household are gone from them)."""
    household = IntakeService(ctx).register(size=1, name="Grietje Bos").household_id
    with ctx.write() as uow:
        uow.emit("household", household, Op.UPDATE, {"name": None})
    assert db.truncate_wal() is True
    if db.is_server:
        with db.engine.connect() as conn:
            dead = conn.exec_driver_sql(
                "SELECT n_dead_tup, vacuum_count FROM pg_stat_user_tables "
                "WHERE relname = 'household'"
            ).one()
        assert (dead[0], dead[1] > 0) == (0, True)


def test_a_server_database_is_not_copied_as_a_file(db: Database, tmp_path: object) -> None:
    from pathlib import Path

    target = Path(str(tmp_path)) / "kopie.db"
    if not db.is_server:
        db.backup_to(target)
        assert target.exists()
        return
    with pytest.raises(DatabaseError, match="pg_dump"):
        db.backup_to(target)
    assert not target.exists()


def test_households_with_a_health_flag_are_found_on_either_engine(ctx: ServiceContext) -> None:
    """The 'not seen since' list counts each household's flags in SQL; a household without
    flags (a JSON null) counts none — PostgreSQL's json_array_length refuses a non-list."""
    from noodpost.services.visits import VisitsService

    intake = IntakeService(ctx)
    plain = intake.register(size=1).household_id
    with ctx.write() as uow:  # as an older post or retention leaves it: no list at all
        uow.emit("household", plain, Op.UPDATE, {"flags": None})
    flagged = intake.register(size=1, flags=["needs_medication"], consent=True).household_id
    unseen = VisitsService(ctx).not_seen_since(hours=0)
    assert [u.household_id for u in unseen] == [flagged]
