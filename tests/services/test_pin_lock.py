"""The sign-in lock, kept in the database: shared, surviving a restart, growing, never sent."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from support import FAST_HASHER, Carry

from noodpost.core.clock import FixedClock
from noodpost.core.errors import Refused
from noodpost.services.base import ServiceContext
from noodpost.services.pins import LOCK_STEPS, MAX_ATTEMPTS, Pins, stored_hash
from noodpost.services.volunteers import VolunteersService
from noodpost.storage.engine import DB_FILENAME, Database, open_database
from noodpost.storage.models import AuditEntry, PinLock, Volunteer

PIN = "73915264"
WRONG = "0000"


@pytest.fixture
def vols(ctx: ServiceContext) -> VolunteersService:
    return VolunteersService(ctx, hasher=FAST_HASHER)


@pytest.fixture
def anna(vols: VolunteersService) -> str:
    """The post's coordinator (added during setup, so nobody needs to be signed in)."""
    return vols.add_volunteer("Anna", "coordinator", PIN).id


def lock_out(vols: VolunteersService, volunteer_id: str) -> str:
    """Wrong PINs until sign-in locks; the message of the attempt that locked it."""
    for _ in range(MAX_ATTEMPTS - 1):
        with pytest.raises(Refused, match="Pincode onjuist"):
            vols.sign_in(volunteer_id, WRONG)
    with pytest.raises(Refused, match="geblokkeerd") as refused:
        vols.sign_in(volunteer_id, WRONG)
    return refused.value.message


def test_the_lock_survives_reopening_the_database(
    db: Database, tmp_path: Path, clock: FixedClock, vols: VolunteersService, anna: str
) -> None:
    lock_out(vols, anna)
    db.close()

    reopened = open_database(tmp_path / "post" / DB_FILENAME)
    try:
        after_restart = VolunteersService(ServiceContext(reopened, clock), hasher=FAST_HASHER)
        assert after_restart.seconds_locked(anna) == LOCK_STEPS[0]
        with pytest.raises(Refused, match="nog 60 seconden geblokkeerd"):
            after_restart.sign_in(anna, PIN)
        clock.advance(timedelta(seconds=LOCK_STEPS[0]))
        assert after_restart.sign_in(anna, PIN).id == anna
    finally:
        reopened.close()


def test_two_programs_on_one_database_count_together(
    db: Database, clock: FixedClock, vols: VolunteersService, anna: str
) -> None:
    """The window and a command line each have their own service; the count is the file's."""
    command_line = VolunteersService(ServiceContext(db, clock), hasher=FAST_HASHER)
    with pytest.raises(Refused, match="nog 4 pogingen"):
        vols.sign_in(anna, WRONG)
    with pytest.raises(Refused, match="nog 3 pogingen"):
        command_line.sign_in(anna, WRONG)
    with pytest.raises(Refused, match="nog 2 pogingen"):
        vols.sign_in(anna, WRONG)
    with pytest.raises(Refused, match="nog 1 poging\\)"):
        command_line.sign_in(anna, WRONG)
    with pytest.raises(Refused, match="60 seconden geblokkeerd"):
        vols.sign_in(anna, WRONG)
    with pytest.raises(Refused, match="nog 60 seconden"):
        command_line.sign_in(anna, PIN)


def test_each_lockout_in_a_row_lasts_longer_up_to_the_cap(
    clock: FixedClock, vols: VolunteersService, anna: str
) -> None:
    assert tuple(sorted(LOCK_STEPS)) == LOCK_STEPS
    messages = []
    for step in (*LOCK_STEPS, LOCK_STEPS[-1]):  # one more than there are steps: the cap holds
        messages.append(lock_out(vols, anna))
        assert vols.seconds_locked(anna) == step
        with pytest.raises(Refused, match="Inloggen is nog"):
            vols.sign_in(anna, PIN)
        clock.advance(timedelta(seconds=step))
        assert vols.seconds_locked(anna) == 0
    assert [m.split("inloggen ")[-1] for m in messages] == [
        "60 seconden geblokkeerd.",
        "5 minuten geblokkeerd.",
        "15 minuten geblokkeerd.",
        "60 minuten geblokkeerd.",
        "60 minuten geblokkeerd.",
    ]

    # A good sign-in starts again from the first, short lock.
    assert vols.sign_in(anna, PIN).id == anna
    lock_out(vols, anna)
    assert vols.seconds_locked(anna) == LOCK_STEPS[0]


def test_a_long_lock_names_the_minutes_left(
    clock: FixedClock, vols: VolunteersService, anna: str
) -> None:
    lock_out(vols, anna)
    clock.advance(timedelta(seconds=LOCK_STEPS[0]))
    lock_out(vols, anna)
    clock.advance(timedelta(seconds=61))
    with pytest.raises(Refused) as refused:
        vols.sign_in(anna, PIN)
    assert refused.value.message == (
        "Te vaak een verkeerde pincode. Inloggen is nog 4 minuten geblokkeerd; probeer het "
        "daarna opnieuw."
    )


def test_a_coordinators_reset_ends_the_lock_and_its_growth(
    clock: FixedClock, vols: VolunteersService, anna: str
) -> None:
    vols.sign_in(anna, PIN)
    bert = vols.add_volunteer("Bert", "volunteer", "1111").id
    vols.sign_out()
    lock_out(vols, bert)
    clock.advance(timedelta(seconds=LOCK_STEPS[0]))
    lock_out(vols, bert)
    vols.sign_in(anna, PIN)
    vols.reset_pin(bert, "2222")
    vols.sign_out()
    assert vols.seconds_locked(bert) == 0
    lock_out(vols, bert)
    assert vols.seconds_locked(bert) == LOCK_STEPS[0]


def test_a_lockout_is_audited_and_never_becomes_an_event(
    ctx: ServiceContext,
    hub: ServiceContext,
    vols: VolunteersService,
    anna: str,
    event_count: Callable[[], int],
    to_hub: Carry,
) -> None:
    before = event_count()
    lock_out(vols, anna)
    with pytest.raises(Refused):
        vols.sign_in(anna, PIN)

    assert event_count() == before  # nothing for a bundle to carry
    with ctx.read() as session:
        assert session.get(PinLock, anna) is not None
        audit = [
            (e.action, e.object, e.result)
            for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id))
        ]
    assert ("sign_in_lock", f"vrijwilliger {anna}", "60 seconden") in audit
    assert [a for a, _, _ in audit].count("sign_in_lock") == 1
    assert [r for a, _, r in audit if a == "sign_in"][-MAX_ATTEMPTS - 1 :] == (
        ["geweigerd"] * (MAX_ATTEMPTS + 1)
    )

    assert to_hub() > 0  # the volunteer travels; the lock does not
    with hub.read() as session:
        assert session.scalars(select(PinLock)).all() == []


def test_a_lock_set_during_the_check_wins_over_the_right_pin(
    ctx: ServiceContext, clock: FixedClock, vols: VolunteersService, anna: str
) -> None:
    """A guess already past the first look (hashing, in another process) when the lock begins
    is refused without saying whether it was right."""
    with ctx.read() as session:
        volunteer = session.get(Volunteer, anna)
        assert volunteer is not None
        pin_hash = stored_hash(session, volunteer)
    assert pin_hash is not None
    in_flight = Pins(ServiceContext(ctx.db, clock), FAST_HASHER)
    lock_out(vols, anna)

    with pytest.raises(Refused, match="nog 60 seconden geblokkeerd"):
        in_flight.verify(anna, pin_hash, PIN)
    assert vols.seconds_locked(anna) == LOCK_STEPS[0]
