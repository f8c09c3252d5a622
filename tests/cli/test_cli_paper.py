"""``noodpost paper list FILE.pdf`` (the noodlijst) and ``paper forms N FILE.pdf``, run as a
volunteer runs them: the real command in a subprocess, read back with poppler and zxing-cpp."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pdfkit import decode_pages, page_sizes_mm, pdf_text
from sqlalchemy import select

from noodpost.core import cards
from noodpost.core.clock import SystemClock
from noodpost.core.entities import Op
from noodpost.core.fold import BASE_KEY
from noodpost.core.vocabulary import VisitStatus
from noodpost.services.alarms import AlarmsService
from noodpost.services.base import ServiceContext
from noodpost.services.demo import generate
from noodpost.services.intake import CardState, IntakeService
from noodpost.services.needs import NeedsService
from noodpost.services.supplies import SuppliesService
from noodpost.services.visits import VisitsService
from noodpost.storage.engine import open_database
from noodpost.storage.models import AuditEntry, Card, Household, Visit
from noodpost.storage.node import database_path
from noodpost.storage.projection import CARD_RESERVED

#: Households registered, and how many of them are checked in (with these persons).
REGISTERED = 40
PRESENT = 31


@pytest.fixture
def noodpost(tmp_path: Path) -> Any:
    """``noodpost --data-dir tmp_path/post ARGS`` in a subprocess, without a display."""
    env = {**os.environ, "NOODPOST_LOG_DIR": str(tmp_path / "logs")}
    env.pop("DISPLAY", None)
    env.pop("QT_QPA_PLATFORM", None)

    def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "noodpost", "--data-dir", str(tmp_path / "post"), *args],
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


@contextmanager
def services(tmp_path: Path) -> Iterator[ServiceContext]:
    """The post's services on the real clock, as the command sees the same day."""
    with closing(open_database(database_path(tmp_path / "post"))) as db:
        yield ServiceContext(db, SystemClock())


def status(noodpost: Any) -> dict[str, Any]:
    done = noodpost("status", "--json")
    assert done.returncode == 0, done.stderr
    document: dict[str, Any] = json.loads(done.stdout)
    return document


@dataclass(frozen=True)
class Season:
    present: list[str]  # pretty card codes of the households present
    absent: list[str]
    persons: int  # persons checked in
    no_consent: str  # pretty code of a present household with a flag but no consent
    radio_line: str


@pytest.fixture
def season(post: None, tmp_path: Path) -> Season:
    """40 households, 31 present; flags with consent, one without; water, a need, an alarm."""
    with services(tmp_path) as ctx:
        intake, visits = IntakeService(ctx), VisitsService(ctx)
        present: list[str] = []
        absent: list[str] = []
        persons = 0
        ids: list[str] = []
        for number in range(REGISTERED):
            flags = ["needs_medication"] if number % 10 == 3 else []
            done = intake.register(size=1 + number % 4, flags=flags, consent=bool(flags))
            ids.append(done.household_id)
            if number < PRESENT:
                checked = visits.check_in(done.household_id, persons=1 + number % 3)
                persons += checked.visit.persons
                present.append(done.pretty_code)
            else:
                absent.append(done.pretty_code)
        # A flag that reached the database without a recorded consent (an older record, a
        # sync from elsewhere): never printed.
        without = ids[5]
        with ctx.write() as uow:
            row = uow.session.get(Household, without)
            assert row is not None
            uow.emit(
                "household",
                without,
                Op.UPDATE,
                {"flags": ["power_dependent"], "consents": {}, BASE_KEY: row.updated_hlc},
            )
        SuppliesService(ctx).hand_out(ids[0], "water", 2)
        NeedsService(ctx).open_need("medicine", "high", household_id=ids[1], note="insuline")
        alarm = AlarmsService(ctx).raise_alarm("ambulance", "immediate", "zaal 2", 1)
        radio = AlarmsService(ctx).radio_line(alarm.id)
    return Season(present, absent, persons, present[5], radio)


def test_the_noodlijst_lists_every_present_card_and_agrees_with_status(
    noodpost: Any, tmp_path: Path, season: Season
) -> None:
    done = noodpost("paper", "list", "noodlijst.pdf")

    assert done.returncode == 0, done.stderr
    pdf = tmp_path / "noodlijst.pdf"
    assert not (tmp_path / "noodlijst.pdf.partial").exists()
    text = pdf_text(pdf)
    for code in season.present:
        assert code in text
    for code in season.absent:
        assert code not in text
    counts = status(noodpost)
    assert counts["present"] == season.persons  # persons
    assert counts["present_households"] == PRESENT
    assert (
        f"Aanwezig: {counts['present']} personen in {counts['present_households']} huishoudens"
        in text
    )
    assert done.stdout.strip().startswith(
        f"Noodlijst Dorpshuis Ten Boer (GR-0014) met {PRESENT} aanwezige huishoudens "
        f"({season.persons} personen) geschreven naar noodlijst.pdf."
    )
    sizes = page_sizes_mm(pdf)
    for width, height in sizes:
        assert width == pytest.approx(210, abs=0.5)  # A4
        assert height == pytest.approx(297, abs=0.5)
    pages = text.split("\f")
    for number, page in enumerate(pages[: len(sizes)], start=1):
        assert "VERTROUWELIJK" in page
        assert f"pagina {number} van {len(sizes)}" in page
    assert season.radio_line in text  # the unconfirmed alarm, to read over the radio
    assert "Drinkwater nog" in text  # the household that had 2 l today
    assert "medicijnen (hoog)" in text
    with services(tmp_path) as ctx, ctx.read() as session:
        audit = session.scalars(
            select(AuditEntry.object).where(AuditEntry.action == "export")
        ).all()
    assert audit == ["noodlijst noodlijst.pdf met persoonsgegevens"]


def test_a_flag_without_consent_is_not_printed(
    noodpost: Any, tmp_path: Path, season: Season
) -> None:
    assert noodpost("paper", "list", "noodlijst.pdf").returncode == 0

    text = pdf_text(tmp_path / "noodlijst.pdf")
    consented = sum(1 for number in range(PRESENT) if number % 10 == 3)
    assert text.count("medicatie nodig") == consented  # the present ones with consent
    assert "afhankelijk van stroom" not in text
    assert season.no_consent in text  # the household itself is listed


@pytest.mark.usefixtures("post")
@pytest.mark.parametrize(
    ("action", "phrase"),
    [(("list",), "bestaat de map"), (("forms", "3"), "bestaat de map")],
)
def test_a_missing_folder_is_one_dutch_line_and_reserves_nothing(
    noodpost: Any, tmp_path: Path, action: tuple[str, ...], phrase: str
) -> None:
    done = noodpost("paper", *action, "ontbreekt/lijst.pdf")

    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("noodpost: ")
    assert phrase in lines[0]
    assert not (tmp_path / "ontbreekt").exists()
    assert status(noodpost)["card_batches"] == 0


@pytest.mark.usefixtures("post")
def test_three_forms_carry_decodable_reserved_codes(noodpost: Any, tmp_path: Path) -> None:
    done = noodpost("paper", "forms", "3", "formulieren.pdf")

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == (
        "3 inschrijfformulieren en een uitgiftelijst voor Dorpshuis Ten Boer (GR-0014) in "
        "formulieren.pdf; de kaartcodes zijn gereserveerd."
    )
    pdf = tmp_path / "formulieren.pdf"
    pages = decode_pages(pdf, tmp_path / "png", dpi=150)
    assert len(pages) == 4  # three forms and the hand-out sheet
    assert pages[3] == []
    texts = [page[0] for page in pages[:3]]
    assert all(len(page) == 1 for page in pages[:3])
    assert len(set(texts)) == 3
    printed = pdf_text(pdf).split("\f")
    with services(tmp_path) as ctx:
        intake = IntakeService(ctx)
        for text, page in zip(texts, printed, strict=False):
            scanned = cards.parse(text)
            assert scanned.post_code == "GR-0014"
            assert cards.pretty(scanned.code) in page  # the code stays on the form too
            assert intake.lookup(text).state is CardState.UNUSED  # a first scan: intake
            with ctx.read() as session:
                card = session.get(Card, (scanned.code, "GR-0014"))
            assert card is not None
            assert card.status == CARD_RESERVED
        with ctx.read() as session:
            reserved = session.scalars(select(Card.code)).all()
    assert sorted(reserved) == sorted(cards.parse(t).code for t in texts)
    assert "Aantal personen (verplicht)" in printed[0]
    assert "Drinkwater" in printed[0]
    assert "3 l per persoon per dag" in printed[0]  # the tally grid follows the ration rules
    assert "UITGIFTELIJST VAN DE BALIE" in printed[3]
    assert status(noodpost)["card_batches"] == 1


@pytest.mark.usefixtures("post")
def test_zero_forms_is_refused(noodpost: Any) -> None:
    done = noodpost("paper", "forms", "0", "formulieren.pdf")

    assert done.returncode == 1
    assert "Kies een aantal formulieren tussen 1 en 1000." in done.stderr


def test_the_noodlijst_of_500_demo_households_names_every_one_present(
    post: None, noodpost: Any, tmp_path: Path
) -> None:
    """The issue's own measure: 500 demo households, most of them inside (the demo's night has
    sent them home, so 400 come back in); every present card on paper, totals as status."""
    with services(tmp_path) as ctx:
        generate(ctx.db, households=500, days=1, seed=7, end=ctx.clock.now())
        visits = VisitsService(ctx)
        with ctx.read() as session:
            households = session.scalars(select(Household.id).order_by(Household.id)).all()
            inside = set(
                session.scalars(
                    select(Visit.household_id).where(
                        Visit.status == VisitStatus.PRESENT.value, Visit.deleted.is_(False)
                    )
                )
            )
        for household_id in households[:400]:
            if household_id not in inside:
                visits.check_in(household_id)
        with ctx.read() as session:
            present = session.scalars(
                select(Household.card_code)
                .join(Visit, Visit.household_id == Household.id)
                .where(Visit.status == VisitStatus.PRESENT.value, Visit.deleted.is_(False))
            ).all()

    done = noodpost("paper", "list", "noodlijst.pdf")

    assert done.returncode == 0, done.stderr
    text = pdf_text(tmp_path / "noodlijst.pdf")
    assert len(present) >= 400
    missing = [code for code in present if cards.pretty(code) not in text]
    assert missing == []
    counts = status(noodpost)
    assert counts["present_households"] == len(present)
    assert (
        f"Aanwezig: {counts['present']} personen in {counts['present_households']} huishoudens"
        in text
    )
