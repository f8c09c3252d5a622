"""The audit log's hash chain: an edited or removed entry is found, by the service and the CLI."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from support import make_node

from noodpost.cli import main
from noodpost.core.audit import AuditAction
from noodpost.core.clock import FixedClock
from noodpost.services.audit import AuditService
from noodpost.services.base import ServiceContext
from noodpost.storage.engine import open_database
from noodpost.storage.node import database_path


@pytest.fixture
def audited(tmp_path: Path, clock: FixedClock) -> Path:
    data_dir = tmp_path / "post"
    db = make_node(data_dir, clock)
    audit = AuditService(ServiceContext(db, clock))
    for n in range(5):
        audit.record(AuditAction.EXPORT, f"export-{n}.csv")
    db.close()
    return data_dir


def _sql(data_dir: Path, statement: str) -> None:
    with sqlite3.connect(database_path(data_dir)) as conn:
        conn.execute(statement)


def test_an_intact_chain_verifies(audited: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(audited), "audit", "verify"]) == 0
    assert "intact" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("statement", "entry", "words"),
    [
        ("UPDATE audit_entry SET object = 'x.csv' WHERE object = 'export-2.csv'", 3, "gewijzigd"),
        ("DELETE FROM audit_entry WHERE object = 'export-1.csv'", 2, "ontbreekt"),
        ("DELETE FROM audit_entry WHERE object = 'export-4.csv'", 5, "ontbreekt"),
    ],
)
def test_an_edited_or_removed_entry_is_named(
    audited: Path, capsys: pytest.CaptureFixture[str], statement: str, entry: int, words: str
) -> None:
    _sql(audited, statement)
    assert main(["--data-dir", str(audited), "audit", "verify"]) == 1
    err = capsys.readouterr().err
    assert f"regel {entry} " in err
    assert words in err
    assert len(err.strip().splitlines()) == 1


def test_a_recomputed_hash_still_breaks_the_next_link(audited: Path) -> None:
    # Someone edits an entry and fixes its own hash: the next entry no longer follows it.
    from noodpost.storage.audit import entry_hash

    with sqlite3.connect(database_path(audited)) as conn:
        row = conn.execute(
            "SELECT id, at, actor, action, object, result, prev_hash FROM audit_entry WHERE id=2"
        ).fetchone()
        new_hash = entry_hash(row[0], row[1], row[2], row[3], "other.csv", row[5], row[6])
        conn.execute("UPDATE audit_entry SET object='other.csv', hash=? WHERE id=2", (new_hash,))
    db = open_database(database_path(audited))
    from noodpost.services.audit import verify_audit

    report = verify_audit(db)
    db.close()
    assert report.broken is not None
    assert report.broken.entry_id == 3
