"""``noodpost audit verify``: check the audit log's hash chain."""

from __future__ import annotations

import argparse

from noodpost.commands.base import Commands, command, data_dir_of, existing_database
from noodpost.core.errors import UserError
from noodpost.services.audit import verify_audit


def add(commands: Commands) -> None:
    parser = command(
        commands,
        "audit",
        summary="controleer het auditlogboek",
        description="Controleer de hashketen van het auditlogboek: een gewijzigde of "
        "verwijderde regel wordt gemeld.",
    )
    parser.add_argument("action", choices=["verify"], help="verify: controleer de keten")
    parser.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    with existing_database(data_dir_of(args)) as db:
        report = verify_audit(db)
    if report.broken is not None:
        raise UserError(
            f"Het auditlogboek is niet intact: regel {report.broken.entry_id} "
            f"{report.broken.reason}. Meld dit aan de coördinator."
        )
    print(f"Auditlogboek intact: {report.checked} regels gecontroleerd.")
    return 0
