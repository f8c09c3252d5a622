"""The README's quick start, run as written: the post it sets up has a capacity, so *Aanwezig*
shows people against it instead of 'geen capaciteit ingesteld' (issue 18, item 15)."""

from __future__ import annotations

import shlex
from pathlib import Path

from clikit import ok
from sqlalchemy import select

from noodpost.storage.engine import open_database
from noodpost.storage.models import Post
from noodpost.storage.node import database_path

README = Path(__file__).resolve().parents[2] / "README.md"


def _quick_start_init() -> list[str]:
    """The README's ``noodpost … init …`` line, split as a shell would, without the program
    and its ``--data-dir DIR`` (the test gives its own)."""
    lines = [
        line.split("#")[0]
        for line in README.read_text(encoding="utf-8").splitlines()
        if line.startswith(".venv/bin/noodpost ") and " init " in line
    ]
    assert len(lines) == 1, lines
    words = shlex.split(lines[0])[1:]
    at = words.index("--data-dir")
    return words[:at] + words[at + 2 :]


def test_the_readme_init_line_sets_a_capacity(tmp_path: Path) -> None:
    words = _quick_start_init()
    assert "--capacity" in words

    data_dir = tmp_path / "tenboer"
    ok(data_dir, *words)

    db = open_database(database_path(data_dir))
    try:
        with db.read() as session:
            capacities = list(session.scalars(select(Post.capacity)))
    finally:
        db.close()
    assert capacities == [int(words[words.index("--capacity") + 1])]
    assert capacities[0] > 0
