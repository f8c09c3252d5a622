"""``noodpost hub migrate URL``: move a C-NSP's SQLite database into PostgreSQL.

Everything in the database goes (events, quarantine, waiting bundles, approvals, the audit
log) in one PostgreSQL transaction (:mod:`noodpost.storage.move`); the keys, settings and logs
stay in the data folder. After the copy is committed the folder points at the server
(``database-url.txt``, as ``init --database`` writes it) and the SQLite file is renamed, never
deleted, so the operator can go back (docs/hub-postgresql.md).

On the server the hub starts a new incarnation of its own numbering, as after any copy of a
database: the SQLite file set aside keeps the old one, so going back never numbers two
different changes alike.

Refused, with one Dutch line and nothing changed: a folder that is not a C-NSP, a C-NSP already
on PostgreSQL, a database another program has open, a server that cannot be reached, a target
database that is not empty.
"""

from __future__ import annotations

import argparse
import logging
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from noodpost.commands.base import data_dir_of
from noodpost.core.errors import DatabaseError, UserError
from noodpost.services.audit import verify_audit
from noodpost.storage import move
from noodpost.storage.dialect import is_url, server_identity, shown_url
from noodpost.storage.engine import DB_FILENAME, Database, migrate, open_database, quick_check_file
from noodpost.storage.node import (
    DATABASE_URL_FILE,
    load_node,
    save_database_url,
    start_new_incarnation,
)

log = logging.getLogger(__name__)

#: How the SQLite file is named once it is set aside: the time of the move in UTC.
ASIDE_NAME = "noodpost-voor-postgresql-{stamp}.db"


def add(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``migrate`` under ``noodpost hub``."""
    parser = actions.add_parser(
        "migrate",
        help="verhuis de database van deze C-NSP naar PostgreSQL",
        description="Kopieert de hele database van deze C-NSP (SQLite) naar een lege "
        "PostgreSQL-database, controleert de kopie en laat de map daarna naar PostgreSQL "
        "wijzen. Het SQLite-bestand blijft onder een nieuwe naam in de map staan. Sluit eerst "
        "het venster en 'noodpost hub serve'.",
    )
    parser.add_argument(
        "url", metavar="URL", help="de lege database, bijv. postgresql://noodpost@dbserver/regio"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    data_dir = data_dir_of(args)
    url: str = args.url
    if not is_url(url):
        raise UserError(
            f"'{url}' is geen PostgreSQL-database. Geef een URL als "
            "postgresql://noodpost@dbserver/regio."
        )
    path = _hub_file(data_dir)
    source = open_database(path)
    try:
        _require_hub(source, data_dir)
        target = _open_target(url)
        try:
            report = _move(source, target, url)
        finally:
            target.close()
    finally:
        source.close()
    save_database_url(data_dir, url)  # from here on the folder's database is the server
    aside = _set_aside(path)
    log.info("Moved hub database to %s in %.2f s", shown_url(url), report.seconds)
    audit = _verify(url)
    tables = sum(1 for rows in report.rows.values() if rows)
    print(
        f"De database van deze C-NSP staat nu in PostgreSQL ({shown_url(url)}): "
        f"{report.total_rows} rijen in {tables} tabellen gekopieerd in {report.seconds:.1f} s."
    )
    print(f"Controle: de kopie is gelijk aan het origineel (vingerafdruk {report.digest[:16]}).")
    print(f"Auditlogboek intact: {audit} regels gecontroleerd.")
    print(
        f"Het oude bestand staat bewaard als {aside}. De sleutels blijven in {data_dir}. "
        "Start 'noodpost hub serve' en het venster weer zoals altijd."
    )
    return 0


def _hub_file(data_dir: Path) -> Path:
    """The SQLite file of the C-NSP in ``data_dir``, checked before anything opens it."""
    if (data_dir / DATABASE_URL_FILE).exists():
        raise UserError(
            f"Deze C-NSP gebruikt al een PostgreSQL-database (zie {DATABASE_URL_FILE} in "
            f"{data_dir}). Er is niets te verhuizen."
        )
    path = data_dir / DB_FILENAME
    if not data_dir.is_dir() or not path.is_file():
        raise UserError(f"In {data_dir} staat geen C-NSP. Kies de map van de C-NSP met --data-dir.")
    if move.held_open_elsewhere(path):
        raise UserError(
            "De database van deze C-NSP is nog geopend door een ander programma (het venster "
            "of 'noodpost hub serve'). Sluit dat eerst en probeer het opnieuw."
        )
    problem = quick_check_file(path)
    if problem != "ok":
        raise UserError(
            f"De database in {data_dir} is beschadigd ({problem.splitlines()[0]}). Zet eerst "
            "een back-up terug; een beschadigde database wordt niet verhuisd."
        )
    return path


def _require_hub(source: Database, data_dir: Path) -> None:
    with source.read() as session:
        node = load_node(session)
        role = node.role if node is not None else None
    if role != "hub":
        raise UserError(
            f"In {data_dir} staat geen C-NSP (maar een post of een lege map). Alleen een C-NSP "
            "kan naar PostgreSQL verhuizen."
        )


def _open_target(url: str) -> Database:
    try:
        target = open_database(url, migrate_schema=False)
    except DatabaseError as failed:
        raise UserError(
            f"De PostgreSQL-database {shown_url(url)} is niet bereikbaar. Draait de server, "
            "bestaat de database en klopt de gebruiker? Er is niets veranderd."
        ) from failed
    except ValueError as failed:  # a driver Noodpost does not use
        raise UserError(f"{failed}. Gebruik een URL die met postgresql:// begint.") from failed
    try:
        with target.engine.connect() as conn:
            occupied = move.occupied_tables(conn)
        if occupied:
            raise _not_empty(url, occupied)
        migrate(target.engine)  # Noodpost's empty schema: a rerun after a failure accepts it
    except Exception:
        target.close()
        raise
    return target


def _not_empty(url: str, tables: list[str]) -> UserError:
    shown = ", ".join(tables[:5]) + (" …" if len(tables) > 5 else "")
    return UserError(
        f"De PostgreSQL-database {shown_url(url)} is niet leeg (tabellen: {shown}). Verhuis "
        "alleen naar een nieuwe, lege database (createdb); er is niets veranderd."
    )


def _move(source: Database, target: Database, url: str) -> move.MoveReport:
    """The copy, both sides in one transaction: the source's write lock held throughout (no
    writer in between), the target committed only when digest and audit chain agree."""
    home = server_identity(target.engine)
    with (
        source.engine.connect().execution_options(write=True) as src,
        src.begin(),
        target.engine.connect().execution_options(write=True) as dst,
        dst.begin(),
    ):
        try:
            report = move.copy_database(src, dst)
        except move.TargetInUse as occupied:
            raise _not_empty(url, occupied.tables) from occupied
        except move.MoveProblem as failed:
            log.error("Hub migrate: the copy did not check out: %s", failed)
            raise UserError(
                "De kopie in PostgreSQL klopte niet met het origineel en is teruggedraaid; "
                "er is niets veranderd. Meld dit aan de beheerder (details in het logbestand)."
            ) from failed
        except DBAPIError as failed:  # the server refused a row, or the connection broke
            log.exception("Hub migrate: copying into PostgreSQL failed")
            raise UserError(
                "Het kopiëren naar PostgreSQL is mislukt en teruggedraaid; er is niets "
                "veranderd. Controleer de verbinding met de server en probeer het opnieuw "
                "(details in het logbestand)."
            ) from failed
        with Session(bind=dst) as session:
            node = load_node(session)
            assert node is not None  # _require_hub saw it
            start_new_incarnation(session, node, home)
            session.flush()
    return report


def _set_aside(path: Path) -> Path:
    """Rename the SQLite file (and a write-ahead log left beside it); never delete it."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(ASIDE_NAME.format(stamp=stamp))
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.replace(aside.with_name(aside.name + suffix))
    path.replace(aside)
    return aside


def _verify(url: str) -> int:
    """``audit verify`` on the database as the folder now opens it: entries checked."""
    db = open_database(url)
    try:
        report = verify_audit(db)
    finally:
        db.close()
    if report.broken is not None:  # copy_database checked it before the commit
        raise UserError(
            f"Het auditlogboek in PostgreSQL is niet intact: regel {report.broken.entry_id} "
            f"{report.broken.reason}. Meld dit aan de coördinator."
        )
    return report.checked
