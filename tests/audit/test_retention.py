"""Retention: nothing goes before the period; after it names are gone here, in the event log,
in what a bundle carries, and — by sync — at the hub; counts stay; the purge is audited."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from auditkit import COORDINATOR_PIN, audit_rows, audit_text, cheap_hasher
from sqlalchemy import func, select
from sync.sitekit import HUB_CODE, Site, build_site, craft, introduce

from noodpost.core.clock import FixedClock
from noodpost.core.entities import Op
from noodpost.core.errors import Refused
from noodpost.core.events import canonical_json, data_hash
from noodpost.core.ids import post_id
from noodpost.services.alarms import AlarmsService
from noodpost.services.charging import ChargingService
from noodpost.services.messages import MessagesService
from noodpost.services.needs import NeedsService
from noodpost.services.post import PostService
from noodpost.services.retention import RetentionService
from noodpost.services.visits import VisitsService
from noodpost.services.volunteers import VolunteersService
from noodpost.storage.eventlog import to_record
from noodpost.storage.models import (
    STATE_MODELS,
    Alarm,
    Event,
    Household,
    Person,
    Quarantine,
    SafeMessage,
    StatusChange,
)
from noodpost.storage.streams import events_after

NAME = "Zyxwvutsma Qorbelt"
RELATIVE = "Qorbelt Junior"
PHONE = "06-98765432"
NOTE = "Qorbelt heeft insuline nodig"


@pytest.fixture
def sites(tmp_path: Path, clock: FixedClock) -> Iterator[tuple[Site, Site, Path]]:
    post = build_site(tmp_path / "post", clock)
    hub = build_site(tmp_path / "hub", clock, role="hub", code=HUB_CODE)
    stick = tmp_path / "stick"
    stick.mkdir()
    pairing = tmp_path / "koppeling.json"
    hub.sync.export_pairing(pairing)
    post.sync.import_pairing(pairing)
    introduce(post, hub, stick)
    yield post, hub, stick
    post.db.close()
    hub.db.close()


def _roundtrip(post: Site, hub: Site, stick: Path) -> None:
    """Post → hub → post → hub: both sides end up holding and acknowledging everything."""
    for _ in range(2):
        post.sync.export_usb(stick)
        hub.sync.import_usb(stick)
        hub.sync.export_usb(stick)
        post.sync.import_usb(stick)


def _seed(post: Site) -> str:
    ctx = post.ctx
    vols = VolunteersService(ctx, hasher=cheap_hasher())
    anna = vols.add_volunteer("Anna Dijkstra", "coordinator", COORDINATOR_PIN, phone=PHONE)
    vols.sign_in(anna.id, COORDINATOR_PIN)
    household = post.intake.register(
        size=3,
        name=NAME,
        birth_year=1950,
        postcode="9791 AB",
        flags=["needs_medication"],
        consent=True,
    ).household_id
    post.intake.add_person(household, name=RELATIVE, birth_year=2015)
    VisitsService(ctx).check_in(household)
    need = NeedsService(ctx).open_need("medical", household_id=household, note=NOTE)
    NeedsService(ctx).change_status(need.id, "in_progress", note=NOTE)
    MessagesService(ctx).record(NAME, "Alles goed", True, birth_year=1950, contact=PHONE)
    ChargingService(ctx).check_in(f"telefoon van {NAME}", household_id=household)
    # Free text where volunteers write who was involved: an alarm and a shift's handover.
    alarms = AlarmsService(ctx)
    alarm = alarms.raise_alarm("ambulance", "immediate", "Zaal 2", 1, f"{NAME} is onwel")
    alarms.cancel(alarm.id, f"{NAME} gaat zelf naar de huisarts")
    shift = vols.start_shift(anna.id, "balie")
    vols.end_shift(shift.id, f"{RELATIVE} komt morgen terug")
    return household


def _event_text(site: Site) -> str:
    with site.db.read() as session:
        return "\n".join(session.scalars(select(Event.data)))


def _state_text(site: Site, *, history: bool = True) -> str:
    """Every state row as text, and (``history``) the notes of the status history."""
    parts: list[str] = []
    with site.db.read() as session:
        for model in STATE_MODELS.values():
            for row in session.scalars(select(model)):
                parts.append(repr({c.key: getattr(row, c.key) for c in model.__table__.c}))
        if history:
            parts += [repr(n) for n in session.scalars(select(StatusChange.note))]
    return "\n".join(parts)


def _counts(site: Site) -> dict[str, int]:
    with site.db.read() as session:
        return {
            name: session.scalar(select(func.count()).select_from(model)) or 0
            for name, model in STATE_MODELS.items()
        }


def test_nothing_before_the_period_everything_after_and_the_hub_follows(
    sites: tuple[Site, Site, Path], clock: FixedClock
) -> None:
    post, hub, stick = sites
    household = _seed(post)
    _roundtrip(post, hub, stick)
    assert NAME in _state_text(hub)
    counts_before = _counts(post)
    retention = RetentionService(post.ctx)

    PostService(post.ctx).close_post()
    _roundtrip(post, hub, stick)
    clock.advance(timedelta(days=30) - timedelta(minutes=1))
    assert retention.due().total == 0
    events = post.events()
    done = retention.anonymise_due()
    assert done.total == 0
    assert post.events() == events
    assert NAME in _state_text(post)

    clock.advance(timedelta(minutes=1))
    due = retention.due()
    assert dict(due.counts) == {
        "household": 1,
        "person": 1,
        "safe_message": 1,
        "need": 1,
        "charging_ticket": 1,
        "volunteer": 1,
        "alarm": 1,
        "shift": 1,
    }
    done = retention.anonymise_due()
    assert done.total == 8
    assert post.events() == events + 8  # one ordinary update per record
    assert retention.due().total == 0

    # Here: the state holds no names, phone numbers or notes; counts and sizes stay.
    state = _state_text(post)
    for secret in (NAME, RELATIVE, PHONE, NOTE, "9791 AB", "needs_medication"):
        assert secret not in state
    assert _counts(post) == counts_before
    with post.db.read() as session:
        row = session.get(Household, household)
        assert row is not None
        assert (row.size, row.age_band, row.postcode, row.anonymised) == (3, "65+", "9791", True)
        person = session.scalars(select(Person)).one()
        assert (person.name, person.age_band) == (None, "0-17")
        message = session.scalars(select(SafeMessage)).one()
        assert (message.name, message.age_band, message.consent) == ("", "65+", True)
        alarm = session.scalars(select(Alarm)).one()  # what it was, where, how many: stays
        assert (alarm.type, alarm.urgency, alarm.location, alarm.persons, alarm.status) == (
            "ambulance",
            "immediate",
            "Zaal 2",
            1,
            "cancelled",
        )
        assert (alarm.description, alarm.status_note) == (None, None)
    # The hub had acknowledged every old event, so they were scrubbed in the event log too,
    # and a bundle — even one carrying everything — holds no name.
    assert NAME not in _event_text(post)
    with post.db.read() as session:
        wire = repr([e.data for e in events_after(session, {})])
    assert NAME not in wire
    assert done.scrubbed_events > 0
    purge = [r for r in audit_rows(post.db) if r[1] == "purge"]
    assert len(purge) == 1
    assert "1 huishoudens" in purge[0][2]
    assert NAME not in audit_text(post.db)

    # By sync the hub gets the anonymised records; its own run then scrubs its event log and
    # the notes in its copy of the status history.
    _roundtrip(post, hub, stick)
    assert NAME not in _state_text(hub, history=False)
    assert PHONE not in _state_text(hub)
    hub_done = RetentionService(hub.ctx).anonymise_due(automatic=True)
    assert hub_done.total == 0  # already anonymised by the post's events
    assert hub_done.scrubbed_events > 0
    for secret in (NAME, RELATIVE, NOTE):
        assert secret not in _state_text(hub)
        assert secret not in _event_text(hub)
    assert _counts(hub)["household"] == 1

    # Sync goes on as before: nothing held back as a clash on either side.
    _roundtrip(post, hub, stick)
    for site in (post, hub):
        with site.db.read() as session:
            assert session.scalar(select(func.count()).select_from(Quarantine)) == 0


def test_unacknowledged_events_wait_to_be_scrubbed(
    sites: tuple[Site, Site, Path], clock: FixedClock
) -> None:
    post, hub, stick = sites
    _seed(post)  # never sent to the hub
    PostService(post.ctx).close_post()
    clock.advance(timedelta(days=31))
    done = RetentionService(post.ctx).anonymise_due()
    assert done.total == 8
    assert done.scrubbed_events == 0  # the hub has not got them yet: they stay as they were
    assert NAME in _event_text(post)
    for secret in (NAME, RELATIVE, PHONE, NOTE):
        assert secret not in _state_text(post)  # the state (and status history) at once
    _roundtrip(post, hub, stick)
    assert NAME not in _state_text(hub, history=False)
    RetentionService(hub.ctx).anonymise_due(automatic=True)  # the hub's timer: its own copy
    for secret in (NAME, RELATIVE, PHONE, NOTE):
        assert secret not in _state_text(hub)
    again = RetentionService(post.ctx).anonymise_due()
    assert again.total == 0
    assert again.scrubbed_events > 0
    assert NAME not in _event_text(post)


def test_closing_the_crisis_at_the_hub_anonymises_everything_it_holds(
    sites: tuple[Site, Site, Path], clock: FixedClock
) -> None:
    post, hub, stick = sites
    _seed(post)
    _roundtrip(post, hub, stick)  # the post stays open
    vols = VolunteersService(hub.ctx, hasher=cheap_hasher())
    operator = vols.add_volunteer("Operator", "coordinator", COORDINATOR_PIN).id
    vols.sign_in(operator, COORDINATOR_PIN)
    PostService(hub.ctx).close_post()
    clock.advance(timedelta(days=30))
    retention = RetentionService(hub.ctx)
    assert retention.due().posts == ("*",)
    done = retention.anonymise_due()
    assert done.counts["household"] == 1
    assert NAME not in _state_text(hub)
    _roundtrip(post, hub, stick)  # the hub's anonymisation reaches the post too
    assert NAME not in _state_text(post, history=False)
    # The closed crisis makes everything due at the post as well: its timer clears its own
    # status history and scrubs its event log.
    at_post = RetentionService(post.ctx)
    assert at_post.due().posts == ("*",)
    at_post.anonymise_due(automatic=True)
    for secret in (NAME, RELATIVE, PHONE, NOTE):
        assert secret not in _state_text(post)


def test_a_post_reckons_age_bands_in_the_crisis_year_as_the_hub_does(
    sites: tuple[Site, Site, Path], clock: FixedClock
) -> None:
    post, hub, stick = sites
    household = post.intake.register(size=2, name=NAME, birth_year=1980).household_id
    post.intake.add_person(household, name=RELATIVE, birth_year=2009)  # 17 in 2026, 18 in 2027
    vols = VolunteersService(hub.ctx, hasher=cheap_hasher())
    operator = vols.add_volunteer("Operator", "coordinator", COORDINATOR_PIN).id
    vols.sign_in(operator, COORDINATOR_PIN)
    PostService(hub.ctx).close_post()  # the crisis closes in November 2026
    _roundtrip(post, hub, stick)  # the post learns it; it stays open itself
    clock.advance(timedelta(days=40))  # January 2027

    assert RetentionService(post.ctx).anonymise_due(automatic=True).counts["person"] == 1
    assert RetentionService(hub.ctx).anonymise_due(automatic=True).counts["person"] == 1
    _roundtrip(post, hub, stick)
    for site in (post, hub):
        with site.db.read() as session:
            assert session.scalars(select(Person.age_band)).one() == "0-17"
            assert session.scalar(select(func.count()).select_from(Quarantine)) == 0
    code = post.ctx.node.post_code
    assert post.shared_digest(code) == hub.shared_digest(code)


def test_only_the_crisis_of_the_paired_hub_makes_everything_due(
    sites: tuple[Site, Site, Path], clock: FixedClock
) -> None:
    post, hub, _stick = sites
    _seed(post)
    # The record of another C-NSP's crisis, closed long ago, in the paired hub's own stream:
    # the hub may not speak for another node's record, so it never arrives.
    elsewhere = hub.forge(
        "post",
        post_id("GR-9500"),
        Op.CREATE,
        {
            "post_code": "GR-9500",
            "name": "C-NSP elders",
            "role": "hub",
            "is_open": False,
            "closed_at": post.ctx.now_iso(),
        },
    )
    outcome = post.sync.import_bytes(craft(hub, post, events=[elsewhere]))
    assert (outcome.applied, outcome.refused) == (0, 1)
    clock.advance(timedelta(days=31))
    retention = RetentionService(post.ctx)
    assert retention.due().posts == ()
    assert retention.due().total == 0


def test_events_held_in_quarantine_are_emptied_and_still_recognised(
    sites: tuple[Site, Site, Path], clock: FixedClock
) -> None:
    post, hub, stick = sites
    _seed(post)
    _roundtrip(post, hub, stick)
    with post.db.read() as session:
        wire = [to_record(e).to_wire() for e in events_after(session, {})]
    last = [w for w in wire if w["o"] == post.node_id][-1]
    # Events the hub cannot take (as from a newer Noodpost), carrying a name — in the data,
    # and as the name of a field, which the reason for holding it back quotes: held apart.
    text = canonical_json({"name": NAME, "warp": 9})
    other = canonical_json({"size": 2, NAME: True})
    poisons = [
        dict(last, s=last["s"] + 1_000, e="spaceship", d=text, dh=data_hash(text)),
        dict(last, s=last["s"] + 1_001, op="update", d=other, dh=data_hash(other)),
    ]
    assert hub.sync.import_bytes(craft(post, hub, events=poisons)).quarantined == 2
    with hub.db.read() as session:
        assert NAME in " ".join(session.scalars(select(Quarantine.reason)))
    PostService(post.ctx).close_post()
    _roundtrip(post, hub, stick)
    clock.advance(timedelta(days=30))

    done = RetentionService(hub.ctx).anonymise_due(automatic=True)  # the hub's timer
    assert done.emptied_quarantine == 2
    assert "2 apart gezette gebeurtenissen leeggemaakt" in done.summary
    with hub.db.read() as session:
        held = session.execute(select(Quarantine.raw, Quarantine.reason)).all()
    assert NAME not in repr(held)
    assert "spaceship" in held[0].raw  # what it was about and where it came from stay
    assert RetentionService(hub.ctx).anonymise_due(automatic=True).emptied_quarantine == 0
    # Sent again, they are still recognised as held: not kept a second time, name and all.
    assert hub.sync.import_bytes(craft(post, hub, events=poisons)).quarantined == 0
    with hub.db.read() as session:
        assert session.execute(select(Quarantine.raw, Quarantine.reason)).all() == held
    purge = next(r for r in audit_rows(hub.db) if r[1] == "purge")
    assert "2 in quarantaine leeggemaakt" in purge[2]


def test_only_a_coordinator_asks_for_it(sites: tuple[Site, Site, Path], clock: FixedClock) -> None:
    post, _hub, _stick = sites
    _seed(post)
    PostService(post.ctx).close_post()
    clock.advance(timedelta(days=40))
    vols = VolunteersService(post.ctx, hasher=cheap_hasher())
    bram = vols.add_volunteer("Bram", "volunteer", "48207136").id
    vols.sign_in(bram, "48207136")
    events = post.events()
    with pytest.raises(Refused, match="Alleen een coördinator"):
        RetentionService(post.ctx).anonymise_due()
    assert post.events() == events
    assert NAME in _state_text(post)
