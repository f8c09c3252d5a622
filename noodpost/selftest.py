"""``noodpost --selftest DIR``: check an installed or frozen Noodpost from end to end, offscreen.

The self-test makes a throw-away training post and a training C-NSP in a new folder under
``DIR`` and takes them through what a real post does on its first day, with the same services
the program uses:

1. the files the program reads at run time are there (catalogue, migrations, translations);
2. a post is set up, and a household registered;
3. the household's card is written as a PDF (Qt draws it, offscreen);
4. a C-NSP is set up and paired with the post, a bundle travels both ways over a "USB stick"
   folder, and the C-NSP approves the post;
5. a second household reaches the C-NSP over the network endpoint (uvicorn, on 127.0.0.1);
6. both databases pass their checks (integrity, pragmas, the audit chain).

It prints one line per step, ``ok   …`` or ``FOUT …``; a failed step skips the steps after it.
The exit code is 0 when every step passed, 1 otherwise (the last line names the failed step).
The folder is removed when everything passed and kept for inspection when something failed.

Qt is reached only through :mod:`noodpost.app` (the composition root), imported when needed.
"""

from __future__ import annotations

import logging
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from noodpost import __version__, config
from noodpost.core.catalogue import parse_catalogue
from noodpost.core.clock import SystemClock
from noodpost.core.errors import UserError, os_reason
from noodpost.services.audit import verify_audit
from noodpost.services.base import ServiceContext
from noodpost.services.intake import IntakeService, Registered
from noodpost.services.status import read_status
from noodpost.setup_node import NodeRequest, initialise_node, open_node
from noodpost.storage.engine import (
    MIGRATIONS,
    SCHEMA_HEAD,
    Database,
    check_pragmas,
    head_revision,
)
from noodpost.sync.service import SyncService

log = logging.getLogger(__name__)

POST_CODE = "ZT-0001"
HUB_CODE = "ZT-9000"
MIN_CARD_PDF_BYTES = 1_000  # a card with its QR code, text and fonts is several kB


class StepFailed(Exception):
    """A check inside a step found something wrong; the message says what (Dutch)."""


@dataclass
class Node:
    """One throw-away installation of the self-test."""

    data_dir: Path
    db: Database
    ctx: ServiceContext
    sync: SyncService

    def households(self) -> int:
        return IntakeService(self.ctx).count()


@dataclass
class Run:
    """What the steps share: the work folder, the nodes and what was made."""

    folder: Path
    stack: ExitStack
    post: Node | None = None
    hub: Node | None = None
    registered: list[Registered] = field(default_factory=list)

    def open_node(self, data_dir: Path) -> Node:
        db = open_node(data_dir)  # as the window and the commands open a node
        if db is None:
            raise StepFailed(f"in {data_dir} is geen noodsteunpunt ingericht")
        self.stack.callback(db.close)
        clock = SystemClock()
        return Node(data_dir, db, ServiceContext(db, clock), SyncService(db, clock, data_dir))

    def need_post(self) -> Node:
        if self.post is None:
            raise StepFailed("er is geen post ingericht")
        return self.post

    def need_hub(self) -> Node:
        if self.hub is None:
            raise StepFailed("er is geen C-NSP ingericht")
        return self.hub


def _expect(condition: bool, message: str) -> None:
    if not condition:
        raise StepFailed(message)


# ---------------------------------------------------------------- the steps


def check_files(_run: Run) -> str:
    """The data files the program reads at run time (in the frozen app: under _MEIPASS)."""
    catalogue = config.catalogue_path()
    _expect(catalogue.is_file(), f"de standaard-voorraadlijst ontbreekt ({catalogue})")
    version, items = parse_catalogue(catalogue.read_text(encoding="utf-8"))
    _expect(bool(items), f"de voorraadlijst {catalogue} is leeg")
    _expect(MIGRATIONS.is_dir(), f"de databasemigraties ontbreken ({MIGRATIONS})")
    head = head_revision()
    _expect(head == SCHEMA_HEAD, f"migraties tot {head}, verwacht {SCHEMA_HEAD}")
    translations = config.resources_dir() / "translations"
    for language in ("en", "nl"):
        qm = translations / f"noodpost_{language}.qm"
        _expect(
            qm.is_file() and qm.stat().st_size > 0,
            f"de vertaling {qm} ontbreekt (bouw hem met 'make qm')",
        )
    return f"voorraadlijst {version} ({len(items)} artikelen), schema {head}, vertalingen"


def set_up_post(run: Run) -> str:
    post_dir = run.folder / "post"
    created = initialise_node(
        post_dir,
        NodeRequest(role="post", name="Zelftest post", code=POST_CODE, training=True),
    )
    run.post = run.open_node(post_dir)
    return f"{created.info.post_code} in oefenmodus, vingerafdruk {created.fingerprint}"


def register_household(run: Run) -> str:
    post = run.need_post()
    registered = IntakeService(post.ctx).register(size=3, birth_year=1980, postcode="9791 AA")
    run.registered.append(registered)
    _expect(post.households() == 1, "het huishouden staat niet in de database")
    return f"kaart {registered.pretty_code}"


def print_card(run: Run) -> str:
    from noodpost.app import save_household_card  # noqa: PLC0415 — loads Qt only here

    post = run.need_post()
    _expect(bool(run.registered), "er is geen ingeschreven huishouden")
    pdf = run.folder / "kaart.pdf"
    node = post.ctx.node
    save_household_card(run.registered[0], node.name, pdf, training=node.training)
    data = pdf.read_bytes() if pdf.is_file() else b""
    _expect(data.startswith(b"%PDF-"), f"{pdf} is geen PDF-bestand")
    _expect(len(data) >= MIN_CARD_PDF_BYTES, f"{pdf} is te klein ({len(data)} bytes)")
    _expect(b"%%EOF" in data[-64:], f"{pdf} is niet volledig geschreven")
    return f"{pdf.name}, {len(data) // 1024} kB"


def usb_round_trip(run: Run) -> str:
    post = run.need_post()
    hub_dir = run.folder / "cnsp"
    initialise_node(
        hub_dir,
        NodeRequest(role="hub", name="Zelftest C-NSP", code=HUB_CODE, training=True),
    )
    hub = run.hub = run.open_node(hub_dir)
    pairing = run.folder / "koppeling.json"
    hub.sync.export_pairing(pairing)
    post.sync.import_pairing(pairing)
    stick = run.folder / "usb-stick"
    stick.mkdir()
    written = post.sync.export_usb(stick).written
    _expect(len(written) == 1, f"de post schreef {len(written)} bundels, verwacht 1")
    arrived = hub.sync.import_usb(stick)
    _expect(not arrived.refused, "; ".join(r.message for r in arrived.refused))
    approval = hub.sync.approve_post(POST_CODE, post.sync.fingerprint)
    _expect(approval.applied > 0, f"de C-NSP paste niets toe: {approval.summary}")
    _expect(hub.households() == 1, "het huishouden is niet bij de C-NSP aangekomen")
    hub.sync.export_usb(stick)
    back = post.sync.import_usb(stick)
    _expect(not back.refused, "; ".join(r.message for r in back.refused))
    _expect(len(back.outcomes) == 1, "de bundel van de C-NSP kwam niet bij de post aan")
    returned = back.outcomes[0].applied + back.outcomes[0].present
    return f"{written[0].events} gebeurtenissen heen, {returned} terug"


def network_sync(run: Run) -> str:
    # The web server stack (uvicorn, starlette) loads here, as for 'noodpost hub serve'.
    from noodpost.hub.server import HubServer, make_app  # noqa: PLC0415
    from noodpost.sync.http import sync_now  # noqa: PLC0415

    post, hub = run.need_post(), run.need_hub()
    second = IntakeService(post.ctx).register(size=1)
    run.registered.append(second)
    with HubServer(make_app(hub.sync, report=None), "127.0.0.1", 0) as server:
        result = sync_now(post.sync, server.url, timeout=10.0, answer_timeout=30.0)
    _expect(not result.waiting, "de C-NSP houdt de bundel vast: de post is niet goedgekeurd")
    _expect(result.hub_applied > 0, "de C-NSP ontving geen nieuwe gebeurtenissen")
    _expect(hub.households() == 2, "het tweede huishouden is niet bij de C-NSP aangekomen")
    return f"{result.sent} gebeurtenis(sen) via {result.url} in {result.seconds:.2f} s"


def check_databases(run: Run) -> str:
    nodes = [n for n in (run.post, run.hub) if n is not None]
    _expect(bool(nodes), "er is geen database om te controleren")
    for node in nodes:
        where = node.data_dir.name
        integrity = node.db.integrity_check()
        _expect(integrity == "ok", f"{where}: integrity_check meldt {integrity}")
        check_pragmas(node.db.engine)
        with node.db.read() as session:
            status = read_status(session)
            broken_keys = session.connection().exec_driver_sql("PRAGMA foreign_key_check").all()
        _expect(status.sound, f"{where}: quick_check meldt {status.integrity}")
        _expect(not broken_keys, f"{where}: {len(broken_keys)} verwijzingen kloppen niet")
        _expect(status.quarantined == 0, f"{where}: {status.quarantined} in quarantaine")
        audit = verify_audit(node.db)
        _expect(audit.intact, f"{where}: de auditlog is beschadigd")
    return "integrity_check, pragma's (WAL, synchronous=FULL, foreign_keys), auditlog"


#: The steps in order: what the line says, and the check.
STEPS: list[tuple[str, Callable[[Run], str]]] = [
    ("programmabestanden", check_files),
    ("post inrichten", set_up_post),
    ("huishouden inschrijven", register_household),
    ("kaart als PDF", print_card),
    ("koppelen en bundels via USB", usb_round_trip),
    ("synchroniseren via het netwerk", network_sync),
    ("databasecontrole", check_databases),
]


# ---------------------------------------------------------------- running


def _work_folder(parent: Path) -> Path:
    try:
        parent.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix="noodpost-zelftest-", dir=parent))
    except OSError as err:
        raise UserError(
            f"De zelftest kan in {parent} geen map maken ({os_reason(err)}). Kies een "
            "map waarin geschreven mag worden."
        ) from err


def _reason(err: BaseException) -> str:
    if isinstance(err, StepFailed):
        return str(err)
    if isinstance(err, UserError):
        return " ".join(err.message.split())
    return f"{type(err).__name__}: {err}"


def run_selftest(parent: Path, out: TextIO | None = None) -> int:
    """Run every step in a new folder under ``parent``; returns the exit code (0: all passed).

    Raises:
        UserError: no folder can be made under ``parent``.
    """
    stream = out if out is not None else sys.stdout

    def say(line: str) -> None:
        print(line, file=stream, flush=True)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt loads, in any process
    frozen = "bevroren" if getattr(sys, "frozen", False) else "uit de broncode"
    say(
        f"Zelftest van Noodpost {__version__} ({frozen}, Python {platform.python_version()}, "
        f"{sys.platform})"
    )
    started = time.perf_counter()
    failed: str | None = None
    folder = _work_folder(parent)
    say(f"Map: {folder}")
    with ExitStack() as stack:  # closes the databases before the folder is removed
        run = Run(folder, stack)
        for name, step in STEPS:
            if failed is not None:
                say(f"--   {name}: overgeslagen")
                continue
            begin = time.perf_counter()
            try:
                detail = step(run)
            except Exception as err:
                log.exception("Self-test step failed: %s", name)
                failed = name
                say(f"FOUT {name}: {_reason(err)}")
                continue
            say(f"ok   {name}: {detail} ({time.perf_counter() - begin:.2f} s)")
    seconds = time.perf_counter() - started
    if failed is not None:
        say(f"Zelftest MISLUKT bij '{failed}' na {seconds:.1f} s. De map {folder} blijft staan.")
        return 1
    shutil.rmtree(folder, ignore_errors=True)
    say(f"Zelftest geslaagd: {len(STEPS)} stappen in {seconds:.1f} s.")
    return 0
