"""This installation's identity: node id, incarnation, role, post, clock and sequence state."""

from __future__ import annotations

import secrets
import socket
import uuid
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from noodpost.core.clock import Clock, iso
from noodpost.core.errors import DatabaseError, UserError
from noodpost.core.i18n import translate
from noodpost.core.private_files import create_private_file
from noodpost.storage.dialect import is_url, server_identity
from noodpost.storage.engine import DB_FILENAME, Database
from noodpost.storage.models import Node


def new_incarnation() -> str:
    return secrets.token_hex(8)


def home_of(db: Database) -> str:
    """Where this database lives. When it changes, the file was copied or restored.

    A database on a PostgreSQL server lives on that server, whichever machine connects.
    """
    if db.is_server:
        return server_identity(db.engine)
    where = str(db.path.resolve()) if db.path else str(db.engine.url)
    return f"{socket.gethostname()}:{where}"


def load_node(session: Session) -> Node | None:
    return session.scalar(select(Node).where(Node.id == 1))


def require_node(session: Session) -> Node:
    node = load_node(session)
    if node is None:
        raise UserError(
            translate(
                "NodeStorage",
                "Deze map bevat nog geen noodsteunpunt. Richt het eerst in met "
                "'noodpost init --role post --name NAAM --code CODE'.",
            )
        )
    return node


def create_node(
    session: Session,
    db: Database,
    clock: Clock,
    *,
    role: str,
    name: str,
    post_code: str,
    training: bool,
) -> Node:
    """Create the identity row. Refuses when the database already has one."""
    if load_node(session) is not None:
        raise UserError(
            translate(
                "NodeStorage",
                "Deze map bevat al een ingericht noodsteunpunt; de identiteit en gegevens worden "
                "nooit overschreven. Kies een andere map met --data-dir.",
            )
        )
    node = Node(
        id=1,
        node_id=str(uuid.uuid4()),
        incarnation=new_incarnation(),
        role=role,
        post_code=post_code,
        name=name,
        training=training,
        created_at=iso(clock.now()),
        hlc=0,
        next_seq=1,
        home=home_of(db),
    )
    session.add(node)
    session.flush()
    return node


def start_new_incarnation(session: Session, node: Node, home: str) -> None:
    """After a restore or copy: a fresh incarnation, so no ``seq`` is ever used twice."""
    node.incarnation = new_incarnation()
    node.next_seq = 1
    node.home = home


def check_home(db: Database) -> bool:
    """Start a new incarnation when the database was copied or moved. True when it did."""
    with db.write() as session:
        node = load_node(session)
        if node is None:
            return False
        here = home_of(db)
        if node.home == here:
            return False
        start_new_incarnation(session, node, here)
        return True


def database_path(data_dir: Path) -> Path:
    if data_dir.exists() and not data_dir.is_dir():
        raise DatabaseError(
            translate(
                "NodeStorage",
                "{folder} is een bestand, geen map. Kies met --data-dir een map (of een nieuwe "
                "naam: Noodpost maakt de map dan zelf).",
            ).format(folder=data_dir)
        )
    path = data_dir / DB_FILENAME
    if path.exists() and not path.is_file():
        raise DatabaseError(
            translate(
                "NodeStorage",
                "{path} is geen databasebestand maar een map of iets anders. Noodpost laat het "
                "onaangeroerd. Verplaats of hernoem het, of kies met --data-dir een andere map.",
            ).format(path=path)
        )
    return path


#: In a data folder whose database is on a PostgreSQL server: the file with its URL. The
#: folder still holds the keys, the settings and the logs.
DATABASE_URL_FILE = "database-url.txt"


def database_location(data_dir: Path) -> Path | str:
    """Where the node of ``data_dir`` keeps its database: the URL in
    :data:`DATABASE_URL_FILE` when the folder has one (a hub on PostgreSQL), else the file
    :data:`~.engine.DB_FILENAME` in the folder (:func:`database_path`).

    Raises:
        DatabaseError: the URL file cannot be read or holds no PostgreSQL URL — never then a
            new, empty database file in its place.
    """
    url_file = data_dir / DATABASE_URL_FILE
    if not url_file.exists():
        return database_path(data_dir)
    try:
        url = url_file.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeError) as failed:
        raise DatabaseError(
            translate(
                "NodeStorage",
                "Het bestand {path} met de plek van de database is niet te lezen "
                "({reason}). Herstel het of zet de juiste postgresql://-URL erin.",
            ).format(path=url_file, reason=failed)
        ) from failed
    if not is_url(url):
        raise DatabaseError(
            translate(
                "NodeStorage",
                "In {path} staat geen postgresql://-URL. Zet de URL van de database erin, "
                "bijvoorbeeld postgresql://noodpost@dbserver/regio.",
            ).format(path=url_file)
        )
    return url


def has_database(location: Path | str) -> bool:
    """Whether a database is there: the file exists, or a server URL is named (the server
    itself is asked when it is opened)."""
    return True if isinstance(location, str) else location.exists()


def save_database_url(data_dir: Path, url: str) -> None:
    """Keep ``url`` as the database of ``data_dir`` (owner-only: a URL may hold a password)."""
    path = data_dir / DATABASE_URL_FILE
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    create_private_file(partial)
    partial.write_text(url + "\n", encoding="utf-8")
    partial.replace(path)


def prepare_workstation(data_dir: Path, url: str) -> None:
    """Make ``data_dir`` an operator's workstation of the hub database at ``url``: a folder
    with this machine's settings and logs and :data:`DATABASE_URL_FILE` — never the hub's
    private keys (``noodpost --workstation postgresql://…``). A folder that already is one
    for ``url`` is left as it is.

    Raises:
        DatabaseError: ``url`` is no PostgreSQL URL, or ``data_dir`` already holds a node
            of its own or names another database.
    """
    if not is_url(url):
        raise DatabaseError(
            translate(
                "NodeStorage",
                "Een werkplek werkt op de database van het C-NSP. Geef de postgresql://-URL, "
                "bijvoorbeeld noodpost --workstation postgresql://noodpost@dbserver/regio.",
            )
        )
    if (database_path(data_dir)).exists():
        raise DatabaseError(
            translate(
                "NodeStorage",
                "De map {folder} hoort al bij een eigen noodsteunpunt. Kies voor de werkplek "
                "een andere map met --data-dir.",
            ).format(folder=data_dir)
        )
    if (data_dir / DATABASE_URL_FILE).exists():
        if database_location(data_dir) == url:
            return
        raise DatabaseError(
            translate(
                "NodeStorage",
                "De map {folder} hoort al bij een andere database ({path}). Kies voor deze "
                "werkplek een andere map met --data-dir.",
            ).format(folder=data_dir, path=data_dir / DATABASE_URL_FILE)
        )
    data_dir.mkdir(parents=True, exist_ok=True)
    save_database_url(data_dir, url)
