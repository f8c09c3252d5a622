"""``noodpost backup [MAP]`` and ``noodpost restore BESTAND``.

``backup`` without a folder makes the same backup as the program does every 15 minutes: to
``<data dir>/backups`` (rotated: 24 recent, one a day for a week) and to the USB folder of the
settings when that stick is present (an absent stick is a warning on stderr, exit 0). With a
folder it writes one backup there, never rotated; a missing folder is an error (exit 1).

``restore`` checks the file first, then asks before replacing the current data (``--ja``
skips the question). Noodpost must be closed: a database still open elsewhere is refused.
A backup of another installation is refused unless ``--andere-post`` is given.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from noodpost.commands.base import Commands, command, data_dir_of, existing_database
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
from noodpost.storage.backup import parse_backup_name
from noodpost.storage.restore import inspect_backup


def add(commands: Commands) -> None:
    """Both commands: ``backup`` and ``restore``."""
    add_backup(commands)
    add_restore(commands)


def add_backup(commands: Commands) -> None:
    parser = command(
        commands,
        "backup",
        summary="maak een gecontroleerde back-up (naar de map 'backups' en de USB-map)",
        description="Maakt een gecontroleerde back-up van de database. Zonder MAP: naar de "
        "map 'backups' in de gegevensmap en, als die is ingesteld en aanwezig, naar de "
        "USB-map; oude back-ups worden opgeruimd (24 recente en één per dag voor een week). "
        "Met MAP: één back-up in die map, die nooit wordt opgeruimd.",
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
    parser.add_argument("file", type=Path, metavar="BESTAND", help="het back-upbestand (.db)")
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


def run_restore(args: argparse.Namespace) -> int:
    data_dir = data_dir_of(args)
    backup: Path = args.file
    info = inspect_backup(backup)  # a damaged or foreign file is refused before asking
    if not args.ja:
        print(
            f"Back-up: {_describe(backup)} van {info.name} ({info.post_code}).\n"
            "Huidige gegevens worden vervangen door die van de back-up; de huidige database "
            "wordt bewaard als noodpost-voor-herstel-<tijd>.db."
        )
        try:
            answer = input("Doorgaan? [j/N] ")
        except EOFError:
            answer = ""
        if answer.strip().lower() not in ("j", "ja", "y", "yes"):
            raise UserError("Niet teruggezet; er is niets veranderd.")
    try:
        report = restore_from_file(
            backup, data_dir, clock=SystemClock(), allow_other_node=args.other_node
        )
    except OtherNodeBackup as other:
        raise UserError(
            f"{other.message} {' '.join(other.warnings)} Er is niets veranderd. Is dit de "
            "bedoeling, geef dan --andere-post mee."
        ) from other
    print(report.summary)
    return 0
