"""``noodpost paper list FILE.pdf | forms N FILE.pdf``: paper for when the power runs out.

``list`` prints the *noodlijst* (who is present, consented health flags, what each household
may still receive today, open needs and alarms with their radio lines, rations and stock;
marked VERTROUWELIJK, recorded in the audit log). ``forms`` prints N intake forms, each with a
card whose code is reserved now, and a hand-out sheet for the desk.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from noodpost.commands.base import Commands, command, data_dir_of


def add(commands: Commands) -> None:
    parser = command(
        commands,
        "paper",
        summary="papier voor als de stroom uitvalt: noodlijst (PDF) of inschrijfformulieren",
        description="'list BESTAND.pdf' drukt de noodlijst af: wie er aanwezig is met "
        "kaartcode, aandachtspunten met toestemming, wat elk huishouden vandaag nog mag, open "
        "hulpvragen en noodmeldingen met hun radioregel, rantsoenen en voorraad (vertrouwelijk). "
        "'forms N BESTAND.pdf' drukt N inschrijfformulieren af, elk met een kaart waarvan de "
        "code nu wordt gereserveerd, en een uitgiftelijst voor de balie.",
    )
    actions = parser.add_subparsers(dest="action", metavar="list|forms", required=True)
    listed = actions.add_parser("list", help="de noodlijst als PDF (A4, vertrouwelijk)")
    listed.add_argument("pdf", type=Path, metavar="BESTAND.pdf")
    forms = actions.add_parser("forms", help="N inschrijfformulieren en een uitgiftelijst (PDF)")
    forms.add_argument("count", type=int, metavar="N", help="aantal formulieren (1 tot 1000)")
    forms.add_argument("pdf", type=Path, metavar="BESTAND.pdf")
    parser.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    # Imported here: drawing loads Qt, which the other commands do without.
    from noodpost.app import print_paper_forms, write_noodlijst  # noqa: PLC0415

    data_dir = data_dir_of(args)
    if args.action == "list":
        print(write_noodlijst(data_dir, args.pdf))
    else:
        print(print_paper_forms(data_dir, args.count, args.pdf))
    return 0
