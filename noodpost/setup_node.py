"""Setting up a node folder: the one path behind ``noodpost init`` and the GUI's setup wizard.

:func:`initialise_node` checks everything first (:func:`check_setup`, whose refusals name the
field they are about, so the wizard can show them at that field), then creates the database and
the node with the default supply catalogue (:func:`noodpost.services.setup.initialise`), adds
the first coordinator when one is given (:meth:`VolunteersService.add_volunteer`), and creates
the node's keys (:func:`noodpost.sync.keys.create_keys`) and its recovery code for sealed
backups (:func:`noodpost.services.recovery.create_recovery_code`). When any step fails, what
this call made is removed again: a refused or failed setup never leaves a half-made node
behind.

:func:`open_node` is the one road into a node that has been set up: the GUI, the command line,
the hub server, the reports and the self-test all open a data folder's database through it.

This module stands outside ``gui`` so that the command line can use it without loading Qt.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from contextlib import closing, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from argon2 import PasswordHasher

from noodpost import config
from noodpost.core import cards
from noodpost.core.audit import AuditAction
from noodpost.core.catalogue import parse_catalogue
from noodpost.core.clock import Clock, SystemClock, iso
from noodpost.core.errors import UserError
from noodpost.core.i18n import translate
from noodpost.core.vocabulary import NodeRole, PostFunction, Role
from noodpost.services.base import NodeInfo, ServiceContext
from noodpost.services.pins import check_pin as check_pin_rule
from noodpost.services.recovery import code_path, create_recovery_code
from noodpost.services.setup import add_new_catalogue_items, initialise, is_initialised
from noodpost.services.volunteers import VolunteersService, VolunteerSummary
from noodpost.storage.audit import append_audit
from noodpost.storage.dialect import is_url
from noodpost.storage.engine import Database, open_database
from noodpost.storage.node import (
    DATABASE_URL_FILE,
    check_home,
    database_location,
    database_path,
    has_database,
    save_database_url,
)
from noodpost.storage.placement import require_local
from noodpost.sync.keys import ENCRYPTION_FILE, SIGNING_FILE, create_keys, keys_dir

log = logging.getLogger(__name__)

#: The field names :class:`SetupProblem` uses.
SetupField = Literal["role", "name", "code", "capacity", "services", "coordinator_name", "pin"]


class SetupProblem(UserError):
    """A setup value that is not right. ``field`` is one of :data:`SetupField`."""

    def __init__(self, message: str, *, field: SetupField) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class FirstCoordinator:
    """The volunteer who sets the post up and may then add the others."""

    name: str
    pin: str

    def __repr__(self) -> str:  # keep the PIN out of logs and tracebacks
        return f"FirstCoordinator(name={self.name!r}, pin=<hidden>)"


@dataclass(frozen=True)
class NodeRequest:
    """What ``noodpost init`` and the wizard ask for.

    Attributes:
        role: ``"post"`` (L-NSP) or ``"hub"`` (C-NSP).
        services: the :class:`PostFunction` values the post offers.
        coordinator: the first coordinator, or ``None`` (``noodpost init`` adds none).
    """

    role: str
    name: str
    code: str
    training: bool = False
    capacity: int | None = None
    services: tuple[str, ...] = ()
    coordinator: FirstCoordinator | None = None


@dataclass(frozen=True)
class NodeCreated:
    info: NodeInfo
    fingerprint: str
    coordinator: VolunteerSummary | None
    recovery_code: str = ""

    def __repr__(self) -> str:  # keep the recovery code out of logs and tracebacks
        return f"NodeCreated(info={self.info!r}, fingerprint={self.fingerprint!r})"


def check_role(role: str) -> str:
    try:
        return NodeRole(role).value
    except ValueError:
        raise SetupProblem(
            translate("SetupNode", "Kies als rol 'post' (noodsteunpunt) of 'hub' (C-NSP)."),
            field="role",
        ) from None


def check_name(name: str) -> str:
    text = name.strip()
    if not text:
        raise SetupProblem(translate("SetupNode", "Geef het noodsteunpunt een naam."), field="name")
    if len(text) > 200:
        raise SetupProblem(_too_long(), field="name")
    if not text.isprintable():
        raise SetupProblem(
            translate(
                "SetupNode", "De naam bevat een teken dat niet te tonen is (zoals een regeleinde)."
            ),
            field="name",
        )
    return text


def check_code(code: str) -> str:
    """The post code in its stored form (``GR-0014``)."""
    try:
        return cards.validate_post_code(code)
    except UserError as err:
        raise SetupProblem(err.message, field="code") from None


#: The most people a post can be set up for: far beyond any hall, within what SQLite stores.
MAX_CAPACITY = 100_000


def check_capacity(capacity: int | None) -> int | None:
    if capacity is not None and capacity < 0:
        raise SetupProblem(
            translate("SetupNode", "De capaciteit kan niet negatief zijn."), field="capacity"
        )
    if capacity is not None and capacity > MAX_CAPACITY:
        raise SetupProblem(
            translate("SetupNode", "De capaciteit is te groot: hooguit {most} personen.").format(
                most=f"{MAX_CAPACITY:,}".replace(",", ".")
            ),
            field="capacity",
        )
    return capacity


def check_services(services: Sequence[str]) -> tuple[str, ...]:
    known = {f.value for f in PostFunction}
    for value in services:
        if value not in known:
            raise SetupProblem(
                translate("SetupNode", "'{value}' is geen taak van een noodsteunpunt.").format(
                    value=value
                ),
                field="services",
            )
    return tuple(dict.fromkeys(services))


def check_coordinator(name: str, pin: str) -> FirstCoordinator:
    """The first coordinator's name and PIN, by the volunteers service's own PIN rule."""
    text = name.strip()
    if not text:
        raise SetupProblem(
            translate("SetupNode", "Vul de naam van de coördinator in."), field="coordinator_name"
        )
    if len(text) > 200:
        raise SetupProblem(_too_long(), field="coordinator_name")
    try:
        check_pin_rule(pin)
    except UserError as err:
        raise SetupProblem(err.message, field="pin") from None
    return FirstCoordinator(text, pin)


def _too_long() -> str:
    return translate("SetupNode", "De naam is te lang (hooguit 200 tekens).")


def check_setup(request: NodeRequest) -> NodeRequest:
    """The request with its values in stored form.

    Raises:
        SetupProblem: the first value that is not right, naming its field.
    """
    coordinator = request.coordinator
    if coordinator is not None:
        coordinator = check_coordinator(coordinator.name, coordinator.pin)
    return NodeRequest(
        role=check_role(request.role),
        name=check_name(request.name),
        code=check_code(request.code),
        training=request.training,
        capacity=check_capacity(request.capacity),
        services=check_services(request.services),
        coordinator=coordinator,
    )


def initialise_node(
    data_dir: Path,
    request: NodeRequest,
    *,
    clock: Clock | None = None,
    hasher: PasswordHasher | None = None,
    database: str | None = None,
) -> NodeCreated:
    """Set up a new node in ``data_dir``; an existing one is never touched.

    Args:
        data_dir: the node's folder; made when missing.
        request: what to set up.
        database: a hub only: a PostgreSQL database (``postgresql://…``, empty or migrated,
            without a node) instead of the file in ``data_dir``. Its URL is kept in the folder
            (:data:`~noodpost.storage.node.DATABASE_URL_FILE`), which still holds the keys.
        clock: the time of the first events (the system clock by default).
        hasher: the Argon2id hasher for the coordinator's PIN (tests pass a cheap one).

    Raises:
        UserError: a value is not right (a :class:`SetupProblem`), the folder is on a
            removable or network drive, already holds a node, or the keys cannot be written.
    """
    require_local(data_dir, config.default_data_dir())  # never the live database on a stick
    checked = check_setup(request)  # every value first: a refusal leaves no folder behind
    path = database_path(data_dir)  # a file where the folder should be: said in Dutch
    location = path if database is None else _server_location(data_dir, checked, database)
    data_dir.mkdir(parents=True, exist_ok=True)
    version, items = parse_catalogue(config.catalogue_path().read_text(encoding="utf-8"))
    fresh = not path.exists()
    key_files = [
        keys_dir(data_dir) / SIGNING_FILE,
        keys_dir(data_dir) / ENCRYPTION_FILE,
        code_path(data_dir),
    ]
    new_key_files = [f for f in key_files if not f.exists()]
    the_clock = clock if clock is not None else SystemClock()
    try:
        with closing(open_database(location)) as db:
            info = initialise(
                db,
                the_clock,
                role=checked.role,
                name=checked.name,
                code=checked.code,
                catalogue=items,
                catalogue_version=version,
                training=checked.training,
                capacity=checked.capacity,
                services=checked.services,
            )
            coordinator = None
            if checked.coordinator is not None:
                volunteers = VolunteersService(ServiceContext(db, the_clock), hasher=hasher)
                coordinator = volunteers.add_volunteer(
                    checked.coordinator.name, Role.COORDINATOR, checked.coordinator.pin
                )
            keys = create_keys(db, data_dir)
            code = create_recovery_code(db, data_dir)
            _audit_init(db, the_clock, info, coordinator)
        if database is not None:
            save_database_url(data_dir, database)
    except BaseException:
        if fresh and database is None:  # made by this call: leave no half-made node behind
            _remove_database_files(path)
            for made in new_key_files:
                with suppress(FileNotFoundError):
                    made.unlink()
        raise
    return NodeCreated(info, keys.fingerprint, coordinator, code)


def _server_location(data_dir: Path, request: NodeRequest, database: str) -> str:
    """The PostgreSQL URL a hub is set up on, after the checks a file never needs."""
    if request.role != NodeRole.HUB:
        raise UserError(
            translate(
                "SetupNode",
                "Een noodsteunpunt (post) bewaart zijn gegevens altijd in een bestand in zijn "
                "eigen map; --database is alleen voor een C-NSP (--role hub).",
            )
        )
    if not is_url(database):
        raise UserError(
            translate(
                "SetupNode",
                "'{database}' is geen PostgreSQL-database. Geef een URL als "
                "postgresql://noodpost@dbserver/regio.",
            ).format(database=database)
        )
    if database_path(data_dir).exists() or (data_dir / DATABASE_URL_FILE).exists():
        raise UserError(
            translate(
                "SetupNode",
                "Deze map bevat al een ingericht noodsteunpunt; de identiteit en gegevens worden "
                "nooit overschreven. Kies een andere map met --data-dir.",
            )
        )
    return database


def _audit_init(
    db: Database, clock: Clock, info: NodeInfo, coordinator: VolunteerSummary | None
) -> None:
    """The first audit entry: which node was set up (role, code, mode), by whom (an id)."""
    mode = " (oefenmodus)" if info.training else ""
    with db.write() as session:
        append_audit(
            session,
            at=iso(clock.now()),
            actor=coordinator.id if coordinator is not None else None,
            action=AuditAction.INIT.value,
            obj=f"{info.role} {info.post_code}{mode}",
        )


def _remove_database_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with suppress(FileNotFoundError):
            path.with_name(path.name + suffix).unlink()


# ---------------------------------------------------------------- opening a node that is set up


def open_node(
    data_dir: Path, *, seed_catalogue: bool = False, clock: Clock | None = None
) -> Database | None:
    """The database of the node set up in ``data_dir`` (a SQLite file, or the PostgreSQL
    database its URL file names), or None when no node has been set up there. Never creates
    one; the caller closes it.

    On the way in, a database that was copied or moved starts a new incarnation
    (:func:`~noodpost.storage.node.check_home`). With ``seed_catalogue`` (the window and its
    printing commands), items added to the shipped catalogue since the node was set up are
    added (:func:`~noodpost.services.setup.add_new_catalogue_items`); the other commands and
    the hub server write nothing they were not asked to.

    Raises:
        UserError: the folder is a file, its URL file is unusable, the database is newer than
            this program or cannot be opened.
    """
    location = database_location(data_dir)
    if not has_database(location):
        return None
    db = open_database(location)
    try:
        if not is_initialised(db):
            db.close()
            return None
        if check_home(db):
            log.info("Database was copied or moved: started a new incarnation")
        if seed_catalogue:
            version, items = parse_catalogue(config.catalogue_path().read_text(encoding="utf-8"))
            the_clock = clock if clock is not None else SystemClock()
            added = add_new_catalogue_items(db, the_clock, items, version)
            if added:
                log.info("Catalogue items added since this node was set up: %s", ", ".join(added))
    except BaseException:
        db.close()
        raise
    return db


def database_on_server(data_dir: Path) -> bool:
    """Whether the node of ``data_dir`` keeps its database on a PostgreSQL server."""
    return data_dir.is_dir() and isinstance(database_location(data_dir), str)
