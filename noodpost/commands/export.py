"""``noodpost export cap DIR | csv DIR | xlsx FILE | sitrep FILE.pdf [--post CODE]``.

CSV and XLSX leave personal data out unless ``--met-persoonsgegevens`` is given with
``--coordinator NAME``; the coordinator's PIN is read from stdin (one line; asked for without
echo on a terminal) and checked like a sign-in. Every export is recorded in the audit log.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from noodpost.commands.base import Commands, command, data_dir_of, existing_database
from noodpost.core.clock import SystemClock
from noodpost.core.errors import NotFound, UserError
from noodpost.reports.cap import CapService
from noodpost.reports.exports import ExportService
from noodpost.services.base import ServiceContext
from noodpost.services.volunteers import VolunteersService


def add(commands: Commands) -> None:
    parser = command(
        commands,
        "export",
        summary="exporteer CAP-meldingen, CSV, Excel of een situatierapport (PDF)",
        description="Exporteert voor de C-NSP en de veiligheidsregio: 'cap MAP' (noodmeldingen "
        "als CAP 1.2), 'csv MAP' (een CSV per soort, met HXL-tags), 'xlsx BESTAND' (een "
        "werkblad per soort) of 'sitrep BESTAND.pdf' (situatierapport). Zonder "
        "--met-persoonsgegevens staan er geen persoonsgegevens in.",
    )
    actions = parser.add_subparsers(dest="action", metavar="cap|csv|xlsx|sitrep", required=True)
    cap = actions.add_parser("cap", help="noodmeldingen als CAP 1.2-berichten in MAP")
    cap.add_argument("folder", type=Path, metavar="MAP")
    for name, metavar, what in (
        ("csv", "MAP", "een CSV-bestand per soort in MAP"),
        ("xlsx", "BESTAND", "een Excel-bestand met een werkblad per soort"),
    ):
        sub = actions.add_parser(name, help=what)
        sub.add_argument("target", type=Path, metavar=metavar)
        sub.add_argument(
            "--met-persoonsgegevens",
            dest="personal",
            action="store_true",
            help="ook namen, geboortejaren, contactgegevens en vrije tekst (alleen coördinator)",
        )
        sub.add_argument(
            "--coordinator",
            metavar="NAAM",
            help="de coördinator die bevestigt; de pincode wordt van stdin gelezen",
        )
    sitrep = actions.add_parser("sitrep", help="situatierapport als PDF (A4)")
    sitrep.add_argument("pdf", type=Path, metavar="BESTAND.pdf")
    sitrep.add_argument("--post", metavar="CODE", help="één post (op de C-NSP: standaard de regio)")
    parser.set_defaults(run=_run)


def _read_pin(name: str) -> str:
    if sys.stdin.isatty():
        return getpass.getpass(f"Pincode van {name}: ")
    return sys.stdin.readline().strip()


def sign_in_coordinator(ctx: ServiceContext, name: str) -> None:
    volunteers = VolunteersService(ctx)
    wanted = name.strip().casefold()
    match = [v for v in volunteers.list_volunteers() if v.name.casefold() == wanted]
    if not match:
        raise NotFound(
            f"Er is geen actieve vrijwilliger '{name}' bij deze post. Controleer de naam."
        )
    volunteers.sign_in(match[0].id, _read_pin(match[0].name))


def _run(args: argparse.Namespace) -> int:
    data_dir = data_dir_of(args)
    if args.action == "sitrep":
        # Imported here: drawing the report loads Qt, which the other commands do without.
        from noodpost.app import write_sitrep  # noqa: PLC0415

        print(write_sitrep(data_dir, args.pdf, args.post))
        return 0
    personal = bool(getattr(args, "personal", False))
    coordinator: str | None = getattr(args, "coordinator", None)
    if personal and not coordinator:
        raise UserError(
            "Een export met persoonsgegevens moet een coördinator bevestigen: geef "
            "--coordinator NAAM en typ de pincode."
        )
    if coordinator and not personal:
        raise UserError(
            "--coordinator hoort bij --met-persoonsgegevens. Laat het weg of voeg "
            "--met-persoonsgegevens toe."
        )
    with existing_database(data_dir) as db:
        ctx = ServiceContext(db, SystemClock())
        if args.action == "cap":
            print(CapService(ctx).export(args.folder).summary)
            return 0
        if coordinator:
            sign_in_coordinator(ctx, coordinator)
        exports = ExportService(ctx)
        if args.action == "csv":
            result = exports.export_csv(args.target, personal=personal)
        else:
            target: Path = args.target
            if not target.suffix:
                target = target.with_suffix(".xlsx")
            result = exports.export_xlsx(target, personal=personal)
    print(result.summary)
    return 0
