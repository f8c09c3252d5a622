"""``noodpost cards --blank N FILE.pdf``: blank numbered cards on A4, their codes reserved."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

import pytest
from pdfkit import decode_pages, page_sizes_mm, pdf_text
from sqlalchemy import select

from noodpost.core import cards
from noodpost.core.clock import SystemClock
from noodpost.services.base import ServiceContext
from noodpost.services.intake import CardState, IntakeService
from noodpost.storage.engine import open_database
from noodpost.storage.models import Card
from noodpost.storage.node import database_path
from noodpost.storage.projection import CARD_RESERVED

CODE_RE = re.compile(rf"^NP1:GR-0014:([{cards.ALPHABET}]{{4}}-[{cards.ALPHABET}]{{4}})$")


@pytest.fixture
def noodpost(tmp_path: Path) -> Any:
    """``noodpost --data-dir tmp_path/post ARGS`` in a subprocess, run in tmp_path."""
    env = {**os.environ, "NOODPOST_LOG_DIR": str(tmp_path / "logs")}
    env.pop("DISPLAY", None)  # as on a server: the command draws offscreen by itself
    env.pop("QT_QPA_PLATFORM", None)

    def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                sys.executable,
                "-m",
                "noodpost",
                "--data-dir",
                str(tmp_path / "post"),
                *map(str, args),
            ],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=300,
            check=False,
        )

    return run


@pytest.fixture
def post(noodpost: Any) -> None:
    done = noodpost("init", "--role", "post", "--name", "Dorpshuis Ten Boer", "--code", "GR-0014")
    assert done.returncode == 0, done.stderr


def status(noodpost: Any) -> dict[str, Any]:
    done = noodpost("status", "--json")
    assert done.returncode == 0, done.stderr
    document: dict[str, Any] = json.loads(done.stdout)
    return document


@contextmanager
def intake(tmp_path: Path) -> Iterator[tuple[IntakeService, ServiceContext]]:
    with closing(open_database(database_path(tmp_path / "post"))) as db:
        ctx = ServiceContext(db, SystemClock())
        yield IntakeService(ctx), ctx


def assert_one_dutch_line(stderr: str, phrase: str) -> None:
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("noodpost: ")
    assert phrase in lines[0]


@pytest.mark.usefixtures("post")
def test_twelve_blank_cards_give_twelve_reserved_decodable_codes(
    noodpost: Any, tmp_path: Path
) -> None:
    done = noodpost("cards", "--blank", "12", "cards.pdf")

    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout.strip() == (
        "12 blanco kaarten voor Dorpshuis Ten Boer (GR-0014) op 2 A4-vellen in cards.pdf; "
        "de codes zijn gereserveerd."
    )
    pdf = tmp_path / "cards.pdf"
    assert not (tmp_path / "cards.pdf.partial").exists()
    pages = decode_pages(pdf, tmp_path / "png")
    assert [len(page) for page in pages] == [10, 2]
    texts = [text for page in pages for text in page]
    assert len(set(texts)) == 12
    assert all(CODE_RE.match(text) for text in texts)
    for width, height in page_sizes_mm(pdf):
        assert width == pytest.approx(210, abs=0.5)  # A4
        assert height == pytest.approx(297, abs=0.5)
    printed = pdf_text(pdf)
    assert printed.count("Nog niet uitgegeven") == 12
    for text in texts:
        match = CODE_RE.match(text)
        assert match is not None
        assert match[1] in printed  # the same code, readable

    assert status(noodpost)["card_batches"] == 1
    with intake(tmp_path) as (service, ctx):
        for text in texts:
            lookup = service.lookup(text)
            assert lookup.state is CardState.UNUSED  # a first scan starts an intake
        with ctx.read() as session:
            rows = session.execute(select(Card.code, Card.status)).all()
    assert sorted(cards.qr_text("GR-0014", code) for code, _ in rows) == sorted(texts)
    assert {state for _, state in rows} == {CARD_RESERVED}


@pytest.mark.usefixtures("post")
def test_a_reserved_blank_card_registers_a_household(noodpost: Any, tmp_path: Path) -> None:
    assert noodpost("cards", "--blank", "1", "een.pdf").returncode == 0
    (scanned,) = decode_pages(tmp_path / "een.pdf", tmp_path / "png")[0]

    with intake(tmp_path) as (service, _ctx):
        registered = service.register(size=2, card_code=scanned)
        assert registered.qr_text == scanned
        assert service.lookup(scanned).state is CardState.KNOWN


@pytest.mark.usefixtures("post")
@pytest.mark.parametrize(
    ("target", "phrase"),
    [
        ("ontbreekt/cards.pdf", "bestaat de map"),
        (".", "is een map"),
    ],
)
def test_an_unwritable_path_reserves_nothing(
    noodpost: Any, tmp_path: Path, target: str, phrase: str
) -> None:
    before = status(noodpost)

    done = noodpost("cards", "--blank", "12", target)

    assert done.returncode == 1
    assert_one_dutch_line(done.stderr, phrase)
    assert done.stdout == ""
    after = status(noodpost)
    assert after["events"] == before["events"]
    assert after["card_batches"] == 0
    assert not list(tmp_path.rglob("*.pdf*"))


@pytest.mark.usefixtures("post")
@pytest.mark.parametrize("count", ["0", "5001"])
def test_an_impossible_number_reserves_nothing(noodpost: Any, tmp_path: Path, count: str) -> None:
    before = status(noodpost)

    done = noodpost("cards", "--blank", count, "cards.pdf")

    assert done.returncode == 1
    assert_one_dutch_line(done.stderr, "tussen 1 en 5000")
    assert status(noodpost)["events"] == before["events"]
    assert not list(tmp_path.glob("cards.pdf*"))


def test_a_folder_without_a_post_is_refused(noodpost: Any, tmp_path: Path) -> None:
    done = noodpost("cards", "--blank", "12", "cards.pdf")

    assert done.returncode == 1
    assert_one_dutch_line(done.stderr, "nog geen noodsteunpunt")
    assert not list(tmp_path.glob("cards.pdf*"))
