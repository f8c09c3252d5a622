"""Volunteers: PIN sign-in (Argon2id, lock after wrong PINs), roles, shifts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from argon2 import PasswordHasher, Type
from sqlalchemy import select
from support import FAST_HASHER, Carry

from noodpost.core.clock import FixedClock
from noodpost.core.errors import NotFound, Refused, UserError
from noodpost.core.ids import credential_id
from noodpost.core.vocabulary import ShiftStatus
from noodpost.services.base import ServiceContext, new_id
from noodpost.services.logbook import LogbookService
from noodpost.services.pins import LOCK_SECONDS, MAX_ATTEMPTS
from noodpost.services.volunteers import SignedIn, VolunteersService
from noodpost.storage.models import Credential, Event, Volunteer

PIN = "73915264"  # eight digits: cannot turn up by chance in ids, times or the hash
OTHER_PIN = "48207" + "136"


def cheap_hasher() -> PasswordHasher:
    """Argon2id with tiny parameters, so tests are fast (still the real algorithm)."""
    return FAST_HASHER


@pytest.fixture
def vols(ctx: ServiceContext) -> VolunteersService:
    return VolunteersService(ctx, hasher=cheap_hasher())


@pytest.fixture
def coordinator(vols: VolunteersService) -> str:
    """The post's first coordinator, added during setup (nobody signed in yet)."""
    return vols.add_volunteer("Carla", "coordinator", "1111").id


@pytest.fixture
def anna(vols: VolunteersService, coordinator: str) -> str:
    vols.sign_in(coordinator, "1111")
    anna_id = vols.add_volunteer("Anna", "volunteer", PIN, skills=["EHBO", " koken "]).id
    vols.sign_out()
    return anna_id


def all_event_data(ctx: ServiceContext) -> str:
    with ctx.read() as session:
        return "\n".join(session.scalars(select(Event.data)))


def last_event(ctx: ServiceContext) -> Event:
    with ctx.read() as session:
        row = session.scalars(select(Event).order_by(Event.seq.desc()).limit(1)).one()
        session.expunge(row)
        return row


# ---------------------------------------------------------------- adding volunteers


def test_pin_is_stored_only_as_an_argon2id_hash(
    ctx: ServiceContext, vols: VolunteersService, event_count: Callable[[], int]
) -> None:
    before = event_count()
    added = vols.add_volunteer("Anna", "volunteer", PIN, skills=["EHBO"], phone="06-12345678")

    assert event_count() == before + 2  # the volunteer, and the PIN's own record (a credential)
    assert added.name == "Anna"
    assert added.role == "volunteer"
    assert added.skills == ("EHBO",)
    assert added.active
    with ctx.read() as session:
        row = session.get(Volunteer, added.id)
        assert row is not None
        assert row.pin_hash is None  # never in the record that travels to the hub
        credential = session.get(Credential, credential_id(added.id))
        assert credential is not None
        assert credential.pin_hash is not None
        assert credential.pin_hash.startswith("$argon2id$")
    assert PIN not in all_event_data(ctx)
    assert "$argon2id$" in all_event_data(ctx)


def test_default_hasher_is_argon2id_with_recommended_cost(ctx: ServiceContext) -> None:
    service = VolunteersService(ctx)  # the production parameters: one slow hash and verify
    anna = service.add_volunteer("Anna", "coordinator", PIN).id
    with ctx.read() as session:
        row = session.get(Credential, credential_id(anna))
        assert row is not None
        assert row.pin_hash is not None
        assert row.pin_hash.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert service.sign_in(anna, PIN).id == anna


def test_a_hasher_other_than_argon2id_is_rejected(ctx: ServiceContext) -> None:
    with pytest.raises(ValueError, match="Argon2id"):
        VolunteersService(ctx, hasher=PasswordHasher(type=Type.I))


@pytest.mark.parametrize("bad_pin", ["123", "123456789", "12a4", "", "12 34", "١٢٣٤"])
def test_pin_of_the_wrong_form_is_refused_and_nothing_written(
    vols: VolunteersService, event_count: Callable[[], int], bad_pin: str
) -> None:
    before = event_count()
    with pytest.raises(UserError, match="4 tot 8 cijfers") as refused:
        vols.add_volunteer("Anna", "volunteer", bad_pin)
    if bad_pin:
        assert bad_pin not in refused.value.message
    assert event_count() == before
    assert vols.list_volunteers() == []


def test_name_and_role_are_required(
    vols: VolunteersService, event_count: Callable[[], int]
) -> None:
    before = event_count()
    with pytest.raises(UserError, match="naam"):
        vols.add_volunteer("  ", "volunteer", PIN)
    with pytest.raises(UserError, match="rol"):
        vols.add_volunteer("Anna", "chef", PIN)
    assert event_count() == before


def test_same_name_twice_is_refused(
    vols: VolunteersService, coordinator: str, event_count: Callable[[], int]
) -> None:
    vols.sign_in(coordinator, "1111")
    before = event_count()
    with pytest.raises(UserError, match="al een vrijwilliger met de naam"):
        vols.add_volunteer("carla", "volunteer", PIN)
    assert event_count() == before


def test_once_there_is_a_coordinator_only_a_coordinator_adds_volunteers(
    vols: VolunteersService, anna: str, event_count: Callable[[], int]
) -> None:
    before = event_count()
    with pytest.raises(Refused, match="Log eerst in"):
        vols.add_volunteer("Bram", "volunteer", OTHER_PIN)
    vols.sign_in(anna, PIN)
    with pytest.raises(Refused, match="Alleen een coördinator"):
        vols.add_volunteer("Bram", "volunteer", OTHER_PIN)
    assert event_count() == before
    assert [v.name for v in vols.list_volunteers()] == ["Anna", "Carla"]


# ---------------------------------------------------------------- signing in


def test_sign_in_sets_the_author_of_the_next_event(
    ctx: ServiceContext, vols: VolunteersService, anna: str, event_count: Callable[[], int]
) -> None:
    before = event_count()
    signed = vols.sign_in(anna, PIN)

    assert signed == SignedIn(anna, "Anna", "volunteer")
    assert ctx.actor == anna
    assert vols.signed_in() == signed
    assert event_count() == before  # signing in is not a change of state

    LogbookService(ctx).add("Sleutel van de keuken opgehaald")
    assert last_event(ctx).author == anna

    vols.sign_out()
    assert vols.signed_in() is None
    LogbookService(ctx).add("Nog een regel")
    assert last_event(ctx).author is None


def test_wrong_pin_is_refused_and_nothing_changes(
    ctx: ServiceContext, vols: VolunteersService, anna: str, event_count: Callable[[], int]
) -> None:
    before = event_count()
    with pytest.raises(Refused, match="Pincode onjuist") as refused:
        vols.sign_in(anna, "00000000")
    assert "00000000" not in refused.value.message
    assert PIN not in refused.value.message
    assert f"nog {MAX_ATTEMPTS - 1} pogingen" in refused.value.message
    assert ctx.actor is None
    assert event_count() == before


def test_five_wrong_pins_lock_sign_in_for_a_minute(
    ctx: ServiceContext,
    clock: FixedClock,
    vols: VolunteersService,
    anna: str,
    event_count: Callable[[], int],
) -> None:
    before = event_count()
    for _ in range(MAX_ATTEMPTS - 1):
        with pytest.raises(Refused, match="Pincode onjuist"):
            vols.sign_in(anna, "0000")
    with pytest.raises(Refused, match=f"{LOCK_SECONDS} seconden geblokkeerd"):
        vols.sign_in(anna, "0000")

    # Locked: even the right PIN is refused, and the message says how long.
    with pytest.raises(Refused, match="nog 60 seconden") as refused:
        vols.sign_in(anna, PIN)
    assert PIN not in refused.value.message
    clock.advance(timedelta(seconds=30))
    with pytest.raises(Refused, match="nog 30 seconden"):
        vols.sign_in(anna, PIN)
    assert vols.seconds_locked(anna) == 30
    assert vols.signed_in() is None

    clock.advance(timedelta(seconds=30))
    assert vols.sign_in(anna, PIN).id == anna
    assert ctx.actor == anna
    assert event_count() == before


def test_lock_is_per_volunteer(vols: VolunteersService, anna: str, coordinator: str) -> None:
    for _ in range(MAX_ATTEMPTS):
        with pytest.raises(Refused):
            vols.sign_in(anna, "0000")
    assert vols.sign_in(coordinator, "1111").id == coordinator


def test_a_good_sign_in_resets_the_count(vols: VolunteersService, anna: str) -> None:
    for _ in range(MAX_ATTEMPTS - 1):
        with pytest.raises(Refused):
            vols.sign_in(anna, "0000")
    vols.sign_in(anna, PIN)
    for _ in range(MAX_ATTEMPTS - 1):
        with pytest.raises(Refused, match="Pincode onjuist"):
            vols.sign_in(anna, "0000")
    assert vols.seconds_locked(anna) == 0
    assert vols.sign_in(anna, PIN).id == anna


def test_unknown_volunteer_cannot_sign_in(vols: VolunteersService) -> None:
    with pytest.raises(NotFound, match="niet bekend"):
        vols.sign_in(new_id(), PIN)


def test_a_posts_volunteer_cannot_sign_in_at_the_hub(
    vols: VolunteersService, hub: ServiceContext, to_hub: Carry
) -> None:
    """The hub learns a post's volunteers by name and role, never their PINs (DESIGN §3.8)."""
    dirk = vols.add_volunteer("Dirk", "coordinator", PIN).id
    assert to_hub() >= 2
    at_hub = VolunteersService(hub, hasher=cheap_hasher())
    with hub.read() as session:
        known = session.get(Volunteer, dirk)
        assert known is not None
        assert (known.name, known.role, known.pin_hash) == ("Dirk", "coordinator", None)
        assert session.get(Credential, credential_id(dirk)) is None
    with pytest.raises(NotFound, match="niet bekend"):
        at_hub.sign_in(dirk, PIN)
    assert hub.actor is None


# ---------------------------------------------------------------- PINs and roles


def test_change_pin(
    ctx: ServiceContext, vols: VolunteersService, anna: str, event_count: Callable[[], int]
) -> None:
    before = event_count()
    with pytest.raises(UserError, match="4 tot 8 cijfers"):
        vols.change_pin(anna, PIN, "12")
    with pytest.raises(Refused, match="Pincode onjuist"):
        vols.change_pin(anna, "0000", OTHER_PIN)
    assert event_count() == before

    vols.change_pin(anna, PIN, OTHER_PIN)
    assert event_count() == before + 1
    assert OTHER_PIN not in all_event_data(ctx)
    with pytest.raises(Refused, match="Pincode onjuist"):
        vols.sign_in(anna, PIN)
    assert vols.sign_in(anna, OTHER_PIN).id == anna


def test_coordinator_resets_a_forgotten_pin_and_unlocks(
    vols: VolunteersService, anna: str, coordinator: str, event_count: Callable[[], int]
) -> None:
    for _ in range(MAX_ATTEMPTS):
        with pytest.raises(Refused):
            vols.sign_in(anna, "0000")
    before = event_count()
    with pytest.raises(Refused, match="Log eerst in"):
        vols.reset_pin(anna, OTHER_PIN)
    assert event_count() == before

    vols.sign_in(coordinator, "1111")
    vols.reset_pin(anna, OTHER_PIN)
    assert event_count() == before + 1
    assert vols.sign_in(anna, OTHER_PIN).id == anna


def test_require_coordinator(vols: VolunteersService, anna: str, coordinator: str) -> None:
    with pytest.raises(Refused, match="Log eerst in"):
        vols.require_coordinator()
    vols.sign_in(anna, PIN)
    with pytest.raises(Refused, match="Alleen een coördinator"):
        vols.require_coordinator()
    vols.sign_in(coordinator, "1111")
    assert vols.require_coordinator().id == coordinator


def test_deactivated_volunteer_cannot_sign_in(
    vols: VolunteersService, anna: str, coordinator: str, event_count: Callable[[], int]
) -> None:
    before = event_count()
    with pytest.raises(Refused, match="Log eerst in"):
        vols.deactivate(anna)
    assert event_count() == before

    vols.sign_in(coordinator, "1111")
    assert not vols.deactivate(anna).active
    assert event_count() == before + 1
    assert [v.name for v in vols.list_volunteers()] == ["Carla"]
    assert [v.name for v in vols.list_volunteers(include_inactive=True)] == ["Anna", "Carla"]
    with pytest.raises(Refused, match="niet meer actief"):
        vols.sign_in(anna, PIN)
    with pytest.raises(Refused, match="niet meer actief"):
        vols.start_shift(anna)

    vols.sign_in(coordinator, "1111")
    with pytest.raises(Refused, match="al niet meer actief"):
        vols.deactivate(anna)
    assert vols.reactivate(anna).active
    assert vols.sign_in(anna, PIN).id == anna


def test_last_coordinator_and_volunteer_on_duty_stay_active(
    vols: VolunteersService, anna: str, coordinator: str, event_count: Callable[[], int]
) -> None:
    vols.sign_in(coordinator, "1111")
    vols.start_shift(anna)
    before = event_count()
    with pytest.raises(Refused, match="enige actieve coördinator"):
        vols.deactivate(coordinator)
    with pytest.raises(Refused, match="Beëindig eerst de dienst"):
        vols.deactivate(anna)
    assert event_count() == before


# ---------------------------------------------------------------- shifts


def test_shift_start_and_end(
    vols: VolunteersService, anna: str, clock: FixedClock, event_count: Callable[[], int]
) -> None:
    before = event_count()
    shift = vols.start_shift(anna, task="balie")
    assert event_count() == before + 1
    assert shift.status == ShiftStatus.ON_DUTY
    assert shift.volunteer_name == "Anna"
    assert shift.task == "balie"
    assert shift.started_at == "2026-11-28T09:00:00.000+00:00"
    assert [s.id for s in vols.on_duty()] == [shift.id]

    clock.advance(timedelta(hours=4))
    ended = vols.end_shift(shift.id, handover_note="Water bijna op, levering om 16:00")
    assert event_count() == before + 2
    assert ended.status == ShiftStatus.ENDED
    assert ended.ended_at == "2026-11-28T13:00:00.000+00:00"
    assert ended.handover_note == "Water bijna op, levering om 16:00"
    assert vols.on_duty() == []

    # After the end a new shift may begin.
    assert vols.start_shift(anna).status == ShiftStatus.ON_DUTY


def test_double_start_and_double_end_are_refused(
    vols: VolunteersService, anna: str, event_count: Callable[[], int]
) -> None:
    shift = vols.start_shift(anna)
    before = event_count()
    with pytest.raises(Refused, match="al in dienst"):
        vols.start_shift(anna, task="keuken")
    assert event_count() == before

    vols.end_shift(shift.id)
    before = event_count()
    with pytest.raises(Refused, match="al beëindigd"):
        vols.end_shift(shift.id)
    with pytest.raises(NotFound, match="niet \\(meer\\) bekend"):
        vols.end_shift(new_id())
    assert event_count() == before
