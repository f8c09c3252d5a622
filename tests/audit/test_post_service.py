"""Opening and closing the post, its details and retention period: coordinator only."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from auditkit import VOLUNTEER_PIN

from noodpost.core.clock import FixedClock
from noodpost.core.errors import Refused, UserError
from noodpost.services.base import ServiceContext
from noodpost.services.post import PostService
from noodpost.services.volunteers import VolunteersService


def test_details_of_a_new_post(ctx: ServiceContext) -> None:
    details = PostService(ctx).details()
    assert details.name == "Dorpshuis Ten Boer"
    assert details.code == "GR-0014"
    assert details.capacity == 80
    assert details.is_open
    assert details.closed_at is None
    assert details.retention_days == 30
    assert details.anonymise_at is None
    assert not details.is_hub


def test_coordinator_updates_details_in_one_event(
    ctx: ServiceContext, coordinator: str, event_count: Callable[[], int]
) -> None:
    before = event_count()
    details = PostService(ctx).update_details(
        name=" Dorpshuis Ten Boer ",
        capacity=120,
        address="Kerkstraat 5, Ten Boer",
        services=["distribution", "charging_station", "distribution"],
        opening_hours="8:00–22:00",
        retention_days=14,
    )
    assert event_count() == before + 1
    assert details.capacity == 120
    assert details.address == "Kerkstraat 5, Ten Boer"
    assert details.services == ("distribution", "charging_station")
    assert details.opening_hours == "8:00–22:00"
    assert details.retention_days == 14


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"name": " "}, "naam"),
        ({"capacity": -1}, "negatief"),
        ({"services": ["dancing"]}, "geen taak"),
        ({"retention_days": 0}, "bewaartermijn"),
        ({"retention_days": 4000}, "bewaartermijn"),
    ],
)
def test_bad_details_are_refused_and_nothing_written(
    ctx: ServiceContext,
    coordinator: str,
    event_count: Callable[[], int],
    change: dict[str, object],
    words: str,
) -> None:
    values: dict[str, object] = {
        "name": "Dorpshuis",
        "capacity": 80,
        "address": None,
        "services": [],
        "opening_hours": None,
        "retention_days": 30,
        **change,
    }
    before = event_count()
    with pytest.raises(UserError, match=words):
        PostService(ctx).update_details(**values)  # type: ignore[arg-type]
    assert event_count() == before


def test_close_and_open_again(
    ctx: ServiceContext, coordinator: str, clock: FixedClock, event_count: Callable[[], int]
) -> None:
    post = PostService(ctx)
    before = event_count()
    closed = post.close_post()
    assert event_count() == before + 1
    assert not closed.is_open
    assert closed.closed_at == ctx.now_iso()
    assert closed.anonymise_at == clock.now() + timedelta(days=30)
    with pytest.raises(Refused, match="al gesloten"):
        post.close_post()
    assert event_count() == before + 1
    clock.advance(timedelta(days=2))
    opened = post.open_post()
    assert opened.is_open
    assert opened.closed_at is None
    assert opened.anonymise_at is None
    with pytest.raises(Refused, match="al open"):
        post.open_post()
    assert event_count() == before + 2


def test_a_volunteer_may_not_open_close_or_change_the_post(
    ctx: ServiceContext,
    vols: VolunteersService,
    volunteer: str,
    event_count: Callable[[], int],
) -> None:
    vols.sign_in(volunteer, VOLUNTEER_PIN)
    post = PostService(ctx)
    before = event_count()
    for attempt in (
        post.close_post,
        post.open_post,
        lambda: post.update_details(
            name="X",
            capacity=1,
            address=None,
            services=[],
            opening_hours=None,
            retention_days=1,
        ),
    ):
        with pytest.raises(Refused, match="Alleen een coördinator"):
            attempt()
    assert event_count() == before
    assert post.details().is_open


def test_nobody_signed_in_is_asked_to_sign_in(
    ctx: ServiceContext, event_count: Callable[[], int]
) -> None:
    before = event_count()
    with pytest.raises(Refused, match="Log eerst in"):
        PostService(ctx).close_post()
    assert event_count() == before


def test_closing_the_hub_closes_the_crisis(
    another_node: Callable[..., object], clock: FixedClock
) -> None:
    from noodpost.storage.engine import Database

    hub_db = another_node("hub", role="hub", code="GR-9000", name="C-NSP Groningen")
    assert isinstance(hub_db, Database)
    hub = ServiceContext(hub_db, clock)
    from auditkit import COORDINATOR_PIN, cheap_hasher

    vols = VolunteersService(hub, hasher=cheap_hasher())
    vols.sign_in(vols.add_volunteer("Operator", "coordinator", COORDINATOR_PIN).id, COORDINATOR_PIN)
    post = PostService(hub)
    assert post.details().is_hub
    post.close_post()
    with pytest.raises(Refused, match="De crisis is al gesloten"):
        post.close_post()
