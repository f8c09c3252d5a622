"""Opening a database: pragmas on every connection, migrations, and refusal of the future."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from noodpost.core.entities import SPECS, Kind
from noodpost.core.errors import DatabaseError
from noodpost.storage.engine import head_revision, open_database
from noodpost.storage.models import STATE_MODELS, Base


def test_upgrade_from_empty_creates_every_table_and_stamps_head(tmp_path: Path) -> None:
    db = open_database(tmp_path / "n.db")
    tables = set(inspect(db.engine).get_table_names())
    assert set(STATE_MODELS) <= tables
    assert {"event", "node", "quarantine", "audit_entry", "card", "status_change"} <= tables
    with sqlite3.connect(tmp_path / "n.db") as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == (
            head_revision(),
        )
    db.close()


def test_migrations_match_the_models(tmp_path: Path) -> None:
    """A model change without a migration fails here (alembic autogenerate finds a diff)."""
    db = open_database(tmp_path / "n.db")
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    db.close()
    assert diff == []


def test_pragmas_are_set_on_every_connection(tmp_path: Path) -> None:
    db = open_database(tmp_path / "n.db")
    for _ in range(3):
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        db.engine.pool.dispose()  # force a brand-new connection next round
    db.close()


def test_database_from_a_newer_version_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "n.db"
    open_database(path).close()
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="nieuwere versie van Noodpost"):
        open_database(path)
    assert path.read_bytes() == before


def test_state_tables_mirror_the_event_contract() -> None:
    meta = {"id", "deleted", "created_hlc", "updated_hlc", "conflicts"}
    for name, spec in SPECS.items():
        columns = {c.name for c in STATE_MODELS[name].__table__.columns}
        extra = {"status", "status_conflict"} if spec.kind is Kind.LIFECYCLE else set()
        extra |= {"version"} if spec.kind is Kind.HUB_OWNED else set()
        assert columns == set(spec.fields) | meta | extra, name


def test_the_schema_head_constant_follows_the_migrations() -> None:
    """Start-up skips Alembic when the database is at SCHEMA_HEAD: it must be the real head."""
    from noodpost.storage.engine import SCHEMA_HEAD

    assert head_revision() == SCHEMA_HEAD


def test_the_event_contract_fits_the_columns() -> None:
    """What validation lets through, the columns hold on either engine: PostgreSQL refuses a
    text longer than its column or a 32-bit integer out of range (SQLite stores anything), and
    a refused row would fail a whole import instead of quarantining one event."""
    from sqlalchemy import Integer, String, Text

    from noodpost.core import entities, events
    from noodpost.storage.models import Event

    def length(column: str) -> int | None:
        kind = Event.__table__.columns[column].type
        return None if isinstance(kind, Text) else kind.length  # type: ignore[attr-defined]

    assert length("origin") == length("entity_id") == length("author") == events.MAX_ID
    assert length("incarnation") == events.MAX_INCARNATION
    assert length("entity") == events.MAX_ENTITY
    assert length("op") == events.MAX_OP
    assert length("data_hash") == events.MAX_HASH
    assert events.SEQ_LIMIT == 2**31  # seq and schema_version are Integer columns
    for name, spec in SPECS.items():
        columns = STATE_MODELS[name].__table__.columns
        for key, field in spec.fields.items():
            kind = columns[key].type
            if field.type in ("str", "id", "time") and not isinstance(kind, Text):
                assert isinstance(kind, String), (name, key)
                longest = spec._checks[key][3]
                if field.choices:
                    longest = max(len(choice) for choice in field.choices)
                assert kind.length is not None, (name, key)
                assert longest <= kind.length, (name, key, longest, kind.length)
            if field.type == "int":
                assert isinstance(kind, Integer), (name, key)
                assert (entities.INT_MIN, entities.INT_MAX) == (-(2**31), 2**31 - 1)
