"""``noodpost backup [MAP]``, ``noodpost restore BESTAND`` and ``noodpost herstelcode``.

``backup`` without a folder makes the same backup as the program does every 15 minutes: to
``<data dir>/backups`` (rotated: 24 recent, one a day for a week) and to the USB folder of the
settings when that stick is present (an absent stick is a warning on stderr, exit 0). With a
folder it writes one backup there, never rotated; a missing folder is an error (exit 1).

``restore`` checks the file first, then asks before replacing the current data (``--ja``
skips the question). Noodpost must be closed: a database still open elsewhere is refused.
A backup of another installation is refused unless ``--andere-post`` is given. A sealed
backup (``.npbk``, every backup outside the data folder) needs the recovery code
(``--herstelcode``, or typed when asked); on the laptop that made it, the kept code is used.

When the code is lost, ``--verzoek`` writes a request for the C-NSP's help and ``--antwoord``
restores with its answer (:mod:`noodpost.sync.recovery_help`); the laptop then gets a new code.

``herstelcode`` shows the recovery code again to a coordinator (PIN read from stdin).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from noodpost.commands.base import Commands, command, data_dir_of, existing_database
from noodpost.commands.export import sign_in_coordinator
from noodpost.config import Settings
from noodpost.core.clock import SystemClock
from noodpost.core.errors import UserError
from noodpost.services.backup import (
    BackupService,
    OtherNodeBackup,
    restore_from_file,
    size_text,
    when_text,
)
from noodpost.services.base import ServiceContext
from noodpost.services.recovery import (
    create_recovery_code,
    opened_backup,
    remember_code,
    show_recovery_code,
    stored_code,
)
from noodpost.storage.backup import parse_backup_name
from noodpost.storage.restore import inspect_backup
from noodpost.storage.sealed_backup import is_sealed
from noodpost.sync.recovery_help import forget_request, make_request, open_answer


def add(commands: Commands) -> None:
    """The commands: ``backup``, ``restore`` and ``herstelcode``."""
    add_backup(commands)
    add_restore(commands)
    add_show_code(commands)


def add_backup(commands: Commands) -> None:
    parser = command(
        commands,
        "backup",
        summary="maak een gecontroleerde back-up (naar de map 'backups' en de USB-map)",
        description="Maakt een gecontroleerde back-up van de database. Zonder MAP: naar de "
        "map 'backups' in de gegevensmap en, als die is ingesteld en aanwezig, naar de "
        "USB-map; oude back-ups worden opgeruimd (24 recente en één per dag voor een week). "
        "Met MAP: één back-up in die map, die nooit wordt opgeruimd. Een back-up buiten de "
        "gegevensmap (MAP, de USB-map) wordt versleuteld (.npbk): terugzetten vraagt de "
        "herstelcode.",
    )
    parser.add_argument("folder", type=Path, nargs="?", metavar="MAP", help="doelmap (optioneel)")
    parser.set_defaults(run=run_backup)


def run_backup(args: argparse.Namespace) -> int:
    data_dir = data_dir_of(args)
    with existing_database(data_dir) as db:
        service = BackupService(
            ServiceContext(db, SystemClock()), data_dir, Settings.load(data_dir)
        )
        report = service.backup_now(args.folder)
    print(report.summary)
    for warning in report.warnings:
        print(f"noodpost: {' '.join(warning.split())}", file=sys.stderr)
    return 0


def add_restore(commands: Commands) -> None:
    parser = command(
        commands,
        "restore",
        summary="zet een back-up terug (krijgt een nieuwe incarnatie)",
        description="Zet een back-up terug. De huidige database wordt bewaard als "
        "noodpost-voor-herstel-<tijd>.db en nooit verwijderd. Sluit Noodpost eerst.",
    )
    parser.add_argument(
        "file", type=Path, metavar="BESTAND", help="het back-upbestand (.db of .npbk)"
    )
    how = parser.add_mutually_exclusive_group()
    how.add_argument(
        "--herstelcode",
        dest="code",
        metavar="CODE",
        help="de herstelcode van een versleutelde back-up (.npbk)",
    )
    how.add_argument(
        "--verzoek",
        dest="request",
        type=Path,
        metavar="VERZOEK",
        help="herstelcode kwijt: schrijf een herstelverzoek voor de C-NSP (zet nog niets terug)",
    )
    how.add_argument(
        "--antwoord",
        dest="answer",
        type=Path,
        metavar="ANTWOORD",
        help="zet terug met het herstelantwoord van de C-NSP op uw verzoek",
    )
    parser.add_argument("--ja", action="store_true", help="niet vragen: meteen terugzetten")
    parser.add_argument(
        "--andere-post",
        dest="other_node",
        action="store_true",
        help="ook terugzetten als de back-up van een andere installatie is",
    )
    parser.set_defaults(run=run_restore)


def _describe(path: Path) -> str:
    parsed = parse_backup_name(path.name)
    size = size_text(path.stat().st_size)
    if parsed is None:
        return f"{path.name} ({size})"
    return f"{path.name}, gemaakt {when_text(parsed[1])} ({size})"


def _code_for(backup: Path, data_dir: Path, given: str | None) -> str | None:
    """The code to open ``backup`` with: given, kept on this laptop, or typed when asked."""
    if given is not None or not is_sealed(backup) or stored_code(data_dir) is not None:
        return given
    if not sys.stdin.isatty():
        return None  # opened_backup says, in Dutch, that --herstelcode is needed
    return getpass.getpass("Herstelcode (7 groepen van 4 tekens): ")


def run_restore(args: argparse.Namespace) -> int:
    data_dir = data_dir_of(args)
    backup: Path = args.file
    if args.request is not None:
        return _write_request(backup, data_dir, args.request)
    file_key = open_answer(backup, data_dir, args.answer) if args.answer else None
    code = None if file_key is not None else _code_for(backup, data_dir, args.code)
    with opened_backup(backup, data_dir, code, file_key) as opened:
        info = inspect_backup(opened.path)  # a damaged or foreign file is refused before asking
        if not args.ja:
            print(
                f"Back-up: {_describe(backup)} van {info.name} ({info.post_code}).\n"
                "Huidige gegevens worden vervangen door die van de back-up; de huidige "
                "database wordt bewaard als noodpost-voor-herstel-<tijd>.db."
            )
            try:
                answer = input("Doorgaan? [j/N] ")
            except EOFError:
                answer = ""
            if answer.strip().lower() not in ("j", "ja", "y", "yes"):
                raise UserError("Niet teruggezet; er is niets veranderd.")
        try:
            report = restore_from_file(
                opened.path,
                data_dir,
                clock=SystemClock(),
                allow_other_node=args.other_node,
                name=backup.name,
            )
        except OtherNodeBackup as other:
            raise UserError(
                f"{other.message} {' '.join(other.warnings)} Er is niets veranderd. Is dit de "
                "bedoeling, geef dan --andere-post mee."
            ) from other
        if opened.code is not None:
            remember_code(data_dir, opened.code)
    print(report.summary)
    if file_key is not None:
        forget_request(data_dir)
        _new_code_after_help(data_dir)
    return 0


def _write_request(backup: Path, data_dir: Path, target: Path) -> int:
    request = make_request(backup, data_dir, target)
    print(
        f"Herstelverzoek geschreven: {target}. Er is nog niets teruggezet.\n"
        f"Vingerafdruk van het verzoek: {request.fingerprint}\n"
        "Breng het verzoek naar de C-NSP (USB-stick of mail) en bel de C-NSP-operator: die "
        "belt u terug en vergelijkt deze vingerafdruk. Met het antwoord zet u terug op deze "
        f"laptop: noodpost restore {backup} --antwoord ANTWOORD"
    )
    return 0


def _new_code_after_help(data_dir: Path) -> None:
    """Restored without the code: the backups from now on get a new code, shown once."""
    with existing_database(data_dir) as db:
        code = create_recovery_code(db, data_dir)
    print(
        f"\nNieuwe herstelcode: {code}\n"
        "De oude herstelcode was kwijt, dus versleutelt deze laptop nieuwe back-ups met deze "
        "nieuwe code. Schrijf hem nu op papier en bewaar hem op een veilige plek, niet bij de "
        "laptop of de USB-stick. Oudere back-ups gaan alleen nog open met de oude code of met "
        "hulp van de C-NSP."
    )


def add_show_code(commands: Commands) -> None:
    parser = command(
        commands,
        "herstelcode",
        summary="toon de herstelcode van de versleutelde back-ups (alleen coördinator)",
        description="Toont de herstelcode waarmee een versleutelde back-up (.npbk) op een "
        "andere laptop wordt teruggezet. Alleen voor een coördinator: de pincode wordt van "
        "stdin gelezen.",
    )
    parser.add_argument(
        "--coordinator",
        metavar="NAAM",
        required=True,
        help="de coördinator die de code bekijkt; de pincode wordt van stdin gelezen",
    )
    parser.set_defaults(run=run_show_code)


def run_show_code(args: argparse.Namespace) -> int:
    data_dir = data_dir_of(args)
    with existing_database(data_dir) as db:
        ctx = ServiceContext(db, SystemClock())
        sign_in_coordinator(ctx, args.coordinator)
        code = show_recovery_code(ctx, data_dir)
    print(f"Herstelcode: {code}")
    print("Bewaar deze code op papier op een veilige plek, niet bij de laptop of de USB-stick.")
    return 0
