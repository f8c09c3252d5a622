"""The command line (DESIGN §3.7): the GUI start, and commands for scripts, tests and support.

``noodpost`` without a command starts the GUI. Every command is one ``_add_<command>``
function that declares its arguments and one ``_run_<command>`` function that does the work
through the same services the GUI uses; ``COMMANDS`` lists them in help order.

Exit codes: 0 done; 1 a :class:`~noodpost.core.errors.UserError` (one Dutch line on stderr);
2 wrong usage (argparse); 3 an unexpected error (details in the log file, never a traceback).
"""

from __future__ import annotations

import argparse
import errno
import json
import logging
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from noodpost import __version__, config
from noodpost.commands import audit as audit_command
from noodpost.commands import backup as backup_command
from noodpost.commands import export as export_command
from noodpost.commands import migrate as migrate_command
from noodpost.commands import paper as paper_command
from noodpost.commands.base import Commands, Runner, command, data_dir_of, existing_database
from noodpost.core.clock import SystemClock
from noodpost.core.errors import UserError
from noodpost.core.private_files import protect_new_files
from noodpost.core.vocabulary import label
from noodpost.logs import log_startup, setup_logging
from noodpost.services.demo import generate
from noodpost.services.status import NodeStatus, count_label, node_status, read_status
from noodpost.setup_node import NodeRequest, initialise_node
from noodpost.storage.dialect import shown_url
from noodpost.storage.node import prepare_workstation
from noodpost.sync.peers import approve_hint
from noodpost.sync.recovery_help import answer_request
from noodpost.sync.service import SyncService

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_USER_ERROR = 1
EXIT_UNEXPECTED = 3
EXIT_INTERRUPTED = 130

# ---------------------------------------------------------------- init


def _add_init(commands: Commands) -> None:
    parser = command(
        commands,
        "init",
        summary="richt deze map in als noodsteunpunt (post) of C-NSP (hub)",
        description="Richt een nieuw noodsteunpunt in. Een bestaande inrichting wordt nooit "
        "overschreven.",
    )
    parser.add_argument(
        "--role", required=True, choices=["post", "hub"], help="post (L-NSP) of hub (C-NSP)"
    )
    parser.add_argument("--name", required=True, help="naam, bijv. 'Dorpshuis Ten Boer'")
    parser.add_argument("--code", required=True, help="code van de post, bijv. GR-0014")
    parser.add_argument(
        "--training", action="store_true", help="oefenmodus: nooit gemengd met echte gegevens"
    )
    parser.add_argument(
        "--capacity", type=int, metavar="N", help="aantal mensen dat tegelijk aanwezig kan zijn"
    )
    parser.add_argument(
        "--database",
        metavar="URL",
        help="alleen C-NSP: een PostgreSQL-database in plaats van het bestand in de map, "
        "bijv. postgresql://noodpost@dbserver/regio (de map houdt de sleutels)",
    )
    parser.set_defaults(run=_run_init)


def _run_init(args: argparse.Namespace) -> int:
    data_dir = data_dir_of(args)
    request = NodeRequest(
        role=args.role,
        name=args.name,
        code=args.code,
        training=args.training,
        capacity=args.capacity,
    )
    created = initialise_node(data_dir, request, database=args.database)
    info = created.info
    log.info("Initialised node %s (%s) in %s", info.node_id, info.role, data_dir)
    role = label(info.role)
    mode = " in oefenmodus" if info.training else ""
    what = f"{role[:1].upper()}{role[1:]} '{info.name}' ({info.post_code})"
    where = f" (database: {shown_url(args.database)})" if args.database else ""
    print(f"{what} ingericht{mode} in {data_dir}{where}.")
    print(f"Vingerafdruk van de sleutels: {created.fingerprint}")
    print(
        f"\nHerstelcode: {created.recovery_code}\n"
        "Schrijf deze herstelcode nu op papier en bewaar hem op een veilige plek, niet bij de "
        "laptop of de USB-stick. Met deze code zet u een versleutelde back-up terug op een "
        "andere laptop. Een coördinator kan hem later opnieuw bekijken met 'noodpost "
        "herstelcode --coordinator NAAM'."
    )
    return EXIT_OK


# ---------------------------------------------------------------- status


def _add_status(commands: Commands) -> None:
    parser = command(
        commands,
        "status",
        summary="aantallen per soort, gebeurtenissen, knooppunt en versievector",
        description="Toont de stand van dit noodsteunpunt.",
    )
    parser.add_argument("--json", action="store_true", help="als JSON, voor scripts")
    parser.set_defaults(run=_run_status)


def _run_status(args: argparse.Namespace) -> int:
    with existing_database(data_dir_of(args)) as db:
        if args.json:
            document = node_status(db)
            print(json.dumps(document, indent=2, ensure_ascii=False))
            return EXIT_OK
        with db.read() as session:
            status = read_status(session)
    print(format_status(status))
    return EXIT_OK


def format_status(status: NodeStatus) -> str:
    """The human form of ``noodpost status``."""
    rows: list[tuple[str, str]] = [
        ("Naam", status.name),
        ("Code", status.post_code),
        ("Rol", label(status.role)),
        ("Oefenmodus", "ja" if status.training else "nee"),
        ("Knooppunt", status.node_id),
        ("Incarnatie", status.incarnation),
        ("Gebeurtenissen", str(status.events)),
    ]
    rows += [(count_label(key), str(value)) for key, value in status.ordered_counts()]
    rows += [
        ("In quarantaine", str(status.quarantined)),
        ("Niet toegestaan", str(status.refused)),
        ("Databasecontrole", "in orde" if status.sound else status.integrity),
    ]
    width = max(len(name) for name, _ in rows)
    lines = [f"{name:<{width}}  {value}" for name, value in rows]
    lines.append("Versievector:")
    streams = [f"  {p.origin} / {p.incarnation}: t/m {p.seq}" for p in status.version_vector]
    lines += streams or ["  (leeg)"]
    return "\n".join(lines)


# ---------------------------------------------------------------- demo


def _add_demo(commands: Commands) -> None:
    parser = command(
        commands,
        "demo",
        summary="realistische demogegevens via de gewone functies",
        description="Vult dit noodsteunpunt met demohuishoudens, bezoeken, uitgiftes, "
        "hulpvragen, oplaadbonnen, noodmeldingen, diensten en logboekregels.",
    )
    parser.add_argument(
        "--households", type=int, default=200, metavar="N", help="aantal huishoudens"
    )
    parser.add_argument("--days", type=int, default=3, metavar="D", help="aantal dagen")
    parser.add_argument("--seed", type=int, default=1, help="zelfde getal, zelfde gegevens")
    parser.set_defaults(run=_run_demo)


def _run_demo(args: argparse.Namespace) -> int:
    with existing_database(data_dir_of(args)) as db:
        result = generate(
            db,
            households=args.households,
            days=args.days,
            seed=args.seed,
            end=SystemClock().now(),
        )
    print(result.summary)
    return EXIT_OK


# ---------------------------------------------------------------- sync: pairing, posts, bundles


@contextmanager
def sync_service(args: argparse.Namespace) -> Iterator[SyncService]:
    data_dir = data_dir_of(args)
    with existing_database(data_dir) as db:
        yield SyncService(db, SystemClock(), data_dir)


def _add_pairing(commands: Commands) -> None:
    parser = command(
        commands,
        "pairing",
        summary="koppelen: (C-NSP) koppelbestand maken, (post) koppelbestand inlezen",
        description="Koppelt een noodsteunpunt aan zijn C-NSP met een koppelbestand.",
    )
    actions = parser.add_subparsers(dest="action", metavar="export|import", required=True)
    export = actions.add_parser("export", help="(C-NSP) schrijf het koppelbestand")
    export.add_argument("file", type=Path, metavar="BESTAND")
    export.add_argument(
        "--address",
        action="append",
        metavar="URL",
        help="netwerkadres van de C-NSP, bijv. http://10.0.0.5:8765 (mag vaker)",
    )
    imported = actions.add_parser("import", help="(post) lees het koppelbestand van de C-NSP in")
    imported.add_argument("file", type=Path, metavar="BESTAND")
    parser.set_defaults(run=_run_pairing)


def _run_pairing(args: argparse.Namespace) -> int:
    with sync_service(args) as sync:
        if args.action == "export":
            print(sync.export_pairing(args.file, args.address).summary)
        else:
            print(sync.import_pairing(args.file).summary)
    return EXIT_OK


def _add_posts(commands: Commands) -> None:
    parser = command(
        commands,
        "posts",
        summary="(C-NSP) bekende posten en hun vingerafdruk; goedkeuren, sleutel vervangen",
        description="Toont de noodsteunpunten die deze C-NSP kent, keurt er een goed na "
        "vergelijking van de vingerafdruk, of vervangt de sleutel van een goedgekeurde post "
        "door die van zijn vervangende laptop. Per post is er één goedgekeurde sleutel. "
        "'herstel' maakt een herstelantwoord voor een post die zijn herstelcode kwijt is.",
    )
    actions = parser.add_subparsers(dest="action", metavar="list|approve|replace|herstel")
    actions.add_parser("list", help="toon de posten (standaard)")
    approve = actions.add_parser("approve", help="keur een post goed")
    approve.add_argument("code", metavar="CODE")
    approve.add_argument(
        "--vingerafdruk",
        "--fingerprint",
        dest="fingerprint",
        metavar="VINGERAFDRUK",
        help="kies de laptop als er meer dan één met deze code wacht",
    )
    replace = actions.add_parser(
        "replace", help="vervang de goedgekeurde sleutel van een post (vervangende laptop)"
    )
    replace.add_argument("code", metavar="CODE")
    replace.add_argument(
        "--vingerafdruk",
        "--fingerprint",
        dest="fingerprint",
        metavar="NIEUW",
        required=True,
        help="vingerafdruk van de nieuwe laptop, zoals die op zijn scherm staat",
    )
    helped = actions.add_parser(
        "herstel", help="help een post die zijn herstelcode kwijt is (herstelantwoord maken)"
    )
    helped.add_argument("request", type=Path, metavar="VERZOEK")
    helped.add_argument("answer", type=Path, metavar="ANTWOORD")
    parser.set_defaults(run=_run_posts)


def _run_posts(args: argparse.Namespace) -> int:
    if args.action == "herstel":
        data_dir = data_dir_of(args)
        with existing_database(data_dir) as db:
            done = answer_request(db, data_dir, args.request, args.answer, SystemClock())
        print(done.summary)
        return EXIT_OK
    with sync_service(args) as sync:
        if args.action == "approve":
            print(sync.approve_post(args.code, args.fingerprint).summary)
            return EXIT_OK
        if args.action == "replace":
            print(sync.replace_post(args.code, args.fingerprint).summary)
            return EXIT_OK
        peers = sync.list_peers()
    print(peers.summary)
    for line in peers.lines:
        print(f"  {line}")
    if hint := approve_hint(peers.waiting):
        print(hint)
    return EXIT_OK


def _add_sync(commands: Commands) -> None:
    parser = command(
        commands,
        "sync",
        summary="bundels schrijven naar of lezen van een USB-stick (of map)",
        description="Synchroniseert via een USB-stick: 'export MAP' schrijft bundels onder "
        "MAP/NOODPOST/, 'import PAD' leest een bundel of alle bundels onder PAD.",
    )
    actions = parser.add_subparsers(dest="action", metavar="export|import|now", required=True)
    export = actions.add_parser("export", help="schrijf bundels onder MAP/NOODPOST/")
    export.add_argument("folder", type=Path, metavar="MAP")
    imported = actions.add_parser("import", help="lees een bundel of alle bundels onder PAD")
    imported.add_argument("path", type=Path, metavar="PAD")
    now = actions.add_parser("now", help="(post) synchroniseer nu over het netwerk met de C-NSP")
    now.add_argument("--url", metavar="URL", help="adres van de C-NSP (standaard uit de koppeling)")
    parser.set_defaults(run=_run_sync)


def _run_sync(args: argparse.Namespace) -> int:
    with sync_service(args) as sync:
        if args.action == "now":
            from noodpost.sync.http import sync_now  # noqa: PLC0415 — only this command needs it

            print(sync_now(sync, args.url).summary)
            return EXIT_OK
        if args.action == "export":
            print(sync.export_usb(args.folder).summary)
            return EXIT_OK
        result = sync.import_usb(args.path)
    if result.bundles == 1 and result.refused:
        raise UserError(result.refused[0].message)  # one file, refused: one line
    print(result.summary)
    if hint := approve_hint(result.waiting):
        print(hint)
    for line in result.lines:
        print(f"noodpost: {line}", file=sys.stderr)
    return EXIT_USER_ERROR if result.refused else EXIT_OK


def _add_hub(commands: Commands) -> None:
    parser = command(
        commands,
        "hub",
        summary="(C-NSP) het netwerkadres waar posten hun bundels heen sturen; verhuizen",
        description="'hub serve' start het HTTP-eindpunt van de C-NSP op deze map; "
        "'hub migrate URL' verhuist de database van de C-NSP naar PostgreSQL.",
    )
    actions = parser.add_subparsers(dest="action", metavar="serve|migrate", required=True)
    serve_parser = actions.add_parser("serve", help="start het eindpunt (Ctrl+C stopt)")
    serve_parser.add_argument("--host", help="standaard 127.0.0.1 (alleen deze laptop)")
    serve_parser.add_argument("--port", type=int, help="standaard 8765")
    serve_parser.add_argument(
        "--header-timeout",
        type=_positive,
        metavar="SEC",
        help="seconden voor de kop van een verzoek (standaard 10)",
    )
    serve_parser.add_argument(
        "--body-timeout",
        type=_positive,
        metavar="SEC",
        help="seconden voor de hele bundel na de kop (standaard 60)",
    )
    serve_parser.add_argument(
        "--max-connections",
        type=_positive,
        metavar="N",
        help="open verbindingen tegelijk (standaard 200)",
    )
    serve_parser.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="N processen op dezelfde poort, die bundels van verschillende posten tegelijk "
        "inlezen (alleen met PostgreSQL; standaard 1)",
    )
    migrate_command.add(actions)
    parser.set_defaults(run=_run_hub)


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0 < value < 1e6:
        raise argparse.ArgumentTypeError(f"'{text}' is geen positief getal")
    return value


def _run_hub(args: argparse.Namespace) -> int:
    # The web server stack loads only for this command: other commands start faster.
    from noodpost.hub.server import DEFAULT_HOST, DEFAULT_PORT, Limits, serve  # noqa: PLC0415

    limits = Limits()
    if args.header_timeout is not None:
        limits = replace(limits, header_seconds=args.header_timeout)
    if args.body_timeout is not None:
        limits = replace(limits, body_seconds=args.body_timeout)
    if args.max_connections is not None:
        limits = replace(limits, max_connections=int(args.max_connections))
    host, port = args.host or DEFAULT_HOST, args.port or DEFAULT_PORT
    if args.workers is not None and args.workers != 1:  # one worker: the plain server
        from noodpost.hub.server import console  # noqa: PLC0415
        from noodpost.hub.workers import serve_workers  # noqa: PLC0415

        serve_workers(data_dir_of(args), host, port, args.workers, limits=limits, report=console)
        return EXIT_OK
    serve(data_dir_of(args), host, port, limits=limits)
    return EXIT_OK


# ---------------------------------------------------------------- cards


def _add_cards(commands: Commands) -> None:
    parser = command(
        commands,
        "cards",
        summary="blanco genummerde kaarten op A4-vellen (PDF), om vooraf af te drukken",
        description="Reserveert N nieuwe kaartcodes en zet ze als blanco kaarten op A4-vellen "
        "met snijtekens, tien per vel. De eerste scan van zo'n kaart aan de balie begint een "
        "inschrijving.",
    )
    parser.add_argument(
        "--blank", type=int, required=True, metavar="N", help="aantal kaarten (1 tot 5000)"
    )
    parser.add_argument(
        "file", type=Path, metavar="BESTAND.pdf", help="het PDF-bestand dat wordt geschreven"
    )
    parser.set_defaults(run=_run_cards)


def _run_cards(args: argparse.Namespace) -> int:
    # Imported here: drawing cards loads Qt, which the other commands do without.
    from noodpost.app import print_blank_cards  # noqa: PLC0415

    print(print_blank_cards(data_dir_of(args), args.blank, args.file))
    return EXIT_OK


# ---------------------------------------------------------------- the parser

#: One entry per command, in the order ``--help`` lists them. ``demo`` and the sync, hub,
#: backup and export commands are added here as they arrive.
COMMANDS: list[Callable[[Commands], None]] = [
    _add_init,
    _add_demo,
    _add_status,
    _add_cards,
    paper_command.add,
    _add_pairing,
    _add_posts,
    _add_sync,
    _add_hub,
    audit_command.add,
    export_command.add,
    backup_command.add,
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="noodpost",
        description="Noodpost — registratie en synchronisatie voor lokale noodsteunpunten. "
        "Zonder opdracht start het programma.",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        metavar="MAP",
        help=f"map met de gegevens (standaard {config.default_data_dir()})",
    )
    parser.add_argument(
        "--workstation",
        default=None,
        metavar="URL",
        help="start als werkplek van een C-NSP op PostgreSQL (postgresql://…), zonder de "
        "sleutels van het C-NSP; de map (--data-dir) bewaart alleen de instellingen",
    )
    parser.add_argument("--version", action="version", version=f"noodpost {__version__}")
    parser.add_argument(
        "--selftest",
        type=Path,
        default=None,
        metavar="MAP",
        help="controleer dit programma zonder scherm: een oefenpost in een nieuwe map onder MAP",
    )
    commands = parser.add_subparsers(dest="command", metavar="OPDRACHT")
    for add in COMMANDS:
        add(commands)
    return parser


NO_SCREEN = (
    "Er is geen scherm gevonden (bijvoorbeeld via SSH of op een tekstconsole), dus het "
    "programma kan niet starten. Start Noodpost op de laptop zelf, of gebruik de opdrachten "
    "zonder scherm: noodpost --help."
)


def no_screen(env: Mapping[str, str], platform: str) -> bool:
    """Whether a window can have no screen here: on Linux no X11 or Wayland display, and no
    Qt platform chosen explicitly (the tests' and the self-test's ``offscreen``). Qt would
    abort the process with a misleading message about xcb libraries."""
    if not platform.startswith("linux") or env.get("QT_QPA_PLATFORM"):
        return False
    return not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def _run_gui(args: argparse.Namespace, log_file: Path) -> int:
    if no_screen(os.environ, sys.platform):
        raise UserError(NO_SCREEN)
    # Imported here: the commands above start without loading Qt.
    from noodpost.app import run_gui  # noqa: PLC0415

    if args.workstation is not None:  # this machine's folder names the hub's database
        prepare_workstation(data_dir_of(args), args.workstation)
    return run_gui(data_dir_of(args), log_file)


#: One line for a disk that cannot be written (full, read-only, gone) outside the file writers
#: that say so themselves — for example the database's own disk filling up.
DISK_PROBLEM = (
    "Er kan niet naar de schijf worden geschreven: hij is vol, alleen-lezen of niet meer "
    "bereikbaar. Er is niets half opgeslagen. Maak ruimte vrij op de schijf met de gegevens "
    "(of sluit de USB-stick opnieuw aan) en probeer het opnieuw."
)
_DISK_ERRNOS = frozenset({errno.ENOSPC, errno.EFBIG, errno.EDQUOT, errno.EROFS, errno.EIO})
_SQLITE_DISK_TEXTS = ("database or disk is full", "disk i/o error", "readonly database")


def _disk_problem(failed: BaseException) -> bool:
    """Whether ``failed`` (or what caused it) is a disk that cannot be written.

    SQLAlchemy wraps the driver's error in ``.orig``; anything else is followed through
    ``__cause__`` and ``__context__``.
    """
    seen: set[int] = set()
    current: BaseException | None = failed
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno in _DISK_ERRNOS:
            return True
        if isinstance(current, sqlite3.Error) and any(
            text in str(current).lower() for text in _SQLITE_DISK_TEXTS
        ):
            return True
        orig = getattr(current, "orig", None)
        current = (
            orig if isinstance(orig, BaseException) else (current.__cause__ or current.__context__)
        )
    return False


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    protect_new_files()  # before the log file: everything written from here on is 0600
    args = build_parser().parse_args(argv)
    log_file = setup_logging()
    command: str = "selftest" if args.selftest is not None else args.command or "gui"
    log_startup(command)
    try:
        if args.selftest is not None:
            from noodpost.selftest import run_selftest  # noqa: PLC0415 — only --selftest

            return run_selftest(args.selftest)
        if args.command is None:
            return _run_gui(args, log_file)
        run: Runner = args.run
        return run(args)
    except UserError as err:
        log.info("Refused (%s): %s", command, type(err).__name__)
        print(f"noodpost: {' '.join(err.message.split())}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("noodpost: afgebroken.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader of our output went away (``noodpost status | head``): not an error.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 — stop Python flushing into the pipe
        return EXIT_OK
    except Exception as failed:
        log.exception("Unexpected error in command %s", command)
        if _disk_problem(failed):
            print(f"noodpost: {DISK_PROBLEM} Details in {log_file}", file=sys.stderr)
            return EXIT_USER_ERROR
        print(f"noodpost: onverwachte fout — details in {log_file}", file=sys.stderr)
        return EXIT_UNEXPECTED
