"""What every command shares: the ``--data-dir`` option and opening an existing node."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeAlias

from noodpost import config
from noodpost.core.errors import UserError
from noodpost.services.backup import require_sound_database
from noodpost.setup_node import open_node
from noodpost.storage.engine import Database

Runner = Callable[[argparse.Namespace], int]
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"

#: The same words as :func:`noodpost.storage.node.require_node`, for a folder without database.
NO_NODE_MESSAGE = (
    "Deze map bevat nog geen noodsteunpunt. Richt het eerst in met "
    "'noodpost init --role post --name NAAM --code CODE'."
)

# ---------------------------------------------------------------- opening the data folder


def data_dir_of(args: argparse.Namespace) -> Path:
    chosen: Path | None = getattr(args, "data_dir", None)
    return chosen if chosen is not None else config.default_data_dir()


@contextmanager
def existing_database(data_dir: Path) -> Iterator[Database]:
    """The node's database in ``data_dir`` (:func:`~noodpost.setup_node.open_node`, after the
    start-up check); never creates one.

    Raises:
        UserError: the folder or its database does not exist, or cannot be used.
    """
    if not data_dir.exists():
        raise UserError(
            f"De map {data_dir} bestaat niet. Kies de map van het noodsteunpunt met "
            "--data-dir, of richt een nieuw noodsteunpunt in met 'noodpost init'."
        )
    require_sound_database(data_dir, config.Settings.load(data_dir))  # quick_check first
    db = open_node(data_dir)
    if db is None:
        raise UserError(NO_NODE_MESSAGE)
    try:
        yield db
    finally:
        db.close()


def common_options() -> argparse.ArgumentParser:
    """Options every command accepts after its name as well as before it (``--data-dir``).

    The copy after the command defaults to SUPPRESS, so it never overwrites a value given
    before the command.
    """
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="MAP",
        help="map met de gegevens",
    )
    return common


def command(
    commands: Commands,
    name: str,
    *,
    summary: str,
    description: str,
) -> argparse.ArgumentParser:
    return commands.add_parser(
        name, help=summary, description=description, parents=[common_options()]
    )
