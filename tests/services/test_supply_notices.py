"""Supply notices: the hub dispatches, a stick carries it, the post books it in, the hub sees it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sync.sitekit import HUB_CODE, Site, build_site, introduce

from noodpost.core.catalogue import item_id
from noodpost.core.clock import FixedClock
from noodpost.core.errors import NotFound, Refused, UserError
from noodpost.services.base import ServiceContext
from noodpost.services.supplies import SuppliesService
from noodpost.services.supply_notices import SupplyNoticesService

WATER = item_id("water")


@pytest.fixture
def sites(tmp_path: Path, clock: FixedClock) -> Iterator[tuple[Site, Site, Path]]:
    hub = build_site(tmp_path / "hub", clock, role="hub", code=HUB_CODE, name="C-NSP Groningen")
    post = build_site(tmp_path / "post", clock, code="GR-0014", name="Dorpshuis Ten Boer")
    pairing = tmp_path / "koppeling.json"
    hub.sync.export_pairing(pairing)
    post.sync.import_pairing(pairing)
    stick = tmp_path / "stick"
    stick.mkdir()
    introduce(post, hub, stick)
    yield hub, post, stick
    hub.db.close()
    post.db.close()


def carry(source: Site, target: Site, stick: Path) -> None:
    source.sync.export_usb(stick)
    target.sync.import_usb(stick)


def test_dispatch_reaches_the_post_books_stock_in_and_the_receipt_reaches_the_hub(
    sites: tuple[Site, Site, Path], clock: FixedClock
) -> None:
    hub, post, stick = sites
    at_hub = SupplyNoticesService(hub.ctx)
    at_post = SupplyNoticesService(post.ctx)
    supplies = SuppliesService(post.ctx)
    assert at_hub.posts() == [("GR-0014", "Dorpshuis Ten Boer")]
    before = supplies.stock_of("water").quantity

    sent = at_hub.dispatch(
        "GR-0014",
        {"water": 200, "blanket": 20},
        expected_at=clock.now() + timedelta(hours=3),
        note="Via de brandweer",
    )
    assert sent.in_transit
    assert sent.status_label == "onderweg"
    assert sent.lines_text == "Drinkwater 200 l, Deken 20 stuks"
    carry(hub, post, stick)

    (arrived,) = at_post.dispatches()
    assert arrived.id == sent.id
    assert arrived.in_transit
    assert arrived.note == "Via de brandweer"
    assert supplies.stock_of("water").quantity == before  # not yet counted
    clock.advance(timedelta(hours=3))
    received = at_post.confirm_receipt(sent.id)
    assert received.status == "received"
    assert received.status_label == "ontvangen"
    assert supplies.stock_of("water").quantity == before + 200
    top = supplies.ledger("water")[0]
    assert (top.id, top.label, top.change, top.reason) == (
        sent.id,
        "levering",
        200,
        "ontvangen van C-NSP",
    )
    assert top.balance == before + 200

    carry(post, hub, stick)
    (seen,) = at_hub.dispatches()
    assert seen.status == "received"
    assert [line.quantity for line in seen.received_lines] == [
        200,
        20,
    ]


def test_a_receipt_with_a_different_count_needs_a_note_and_books_what_came(
    sites: tuple[Site, Site, Path],
) -> None:
    hub, post, stick = sites
    sent = SupplyNoticesService(hub.ctx).dispatch("GR-0014", [("water", 100)])
    carry(hub, post, stick)
    at_post = SupplyNoticesService(post.ctx)
    supplies = SuppliesService(post.ctx)
    before = supplies.stock_of("water").quantity
    events = post.events()
    with pytest.raises(UserError, match="wijkt af"):
        at_post.confirm_receipt(sent.id, {WATER: 80})
    with pytest.raises(UserError, match="niets aangekomen"):
        at_post.confirm_receipt(sent.id, {WATER: 0}, note="Niets")
    with pytest.raises(UserError, match="niet in deze levering"):
        at_post.confirm_receipt(sent.id, {item_id("blanket"): 3}, note="Extra")
    assert post.events() == events
    done = at_post.confirm_receipt(sent.id, {WATER: 80}, note="Twee kratten kapot")
    assert done.receipt_note == "Twee kratten kapot"
    assert supplies.stock_of("water").quantity == before + 80
    assert supplies.ledger("water")[0].reason == "ontvangen van C-NSP · Twee kratten kapot"
    with pytest.raises(Refused, match="al gemeld"):
        at_post.confirm_receipt(sent.id)
    assert post.events() == events + 1


def test_only_the_hub_dispatches_and_only_the_post_confirms(
    sites: tuple[Site, Site, Path],
) -> None:
    hub, post, _stick = sites
    at_hub = SupplyNoticesService(hub.ctx)
    at_post = SupplyNoticesService(post.ctx)
    hub_events, post_events = hub.events(), post.events()
    with pytest.raises(Refused, match="Stuur een aanvraag"):
        at_post.dispatch("GR-0014", {"water": 10})
    with pytest.raises(NotFound, match="GR-0099 is hier niet bekend"):
        at_hub.dispatch("GR-0099", {"water": 10})
    with pytest.raises(UserError, match="minstens één artikel"):
        at_hub.dispatch("GR-0014", {})
    with pytest.raises(UserError, match="groter dan 0"):
        at_hub.dispatch("GR-0014", {"water": 0})
    with pytest.raises(UserError, match="kan niet kloppen"):
        at_hub.dispatch("GR-0014", {"water": 1e9})
    with pytest.raises(NotFound, match="voorraadlijst"):
        at_hub.dispatch("GR-0014", {"caviar": 1})
    with pytest.raises(UserError, match="verleden"):
        at_hub.dispatch(
            "GR-0014", {"water": 1}, expected_at=datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
        )
    assert (hub.events(), post.events()) == (hub_events, post_events)

    sent = at_hub.dispatch("GR-0014", {"water": 10})
    with pytest.raises(Refused, match="Alleen die post"):
        at_hub.confirm_receipt(sent.id)
    with pytest.raises(UserError, match="waarom"):
        at_hub.cancel_dispatch(sent.id, " ")
    cancelled = at_hub.cancel_dispatch(sent.id, "Vrachtwagen kapot")
    assert cancelled.status_label == "geannuleerd"
    with pytest.raises(Refused, match="al geannuleerd"):
        at_hub.cancel_dispatch(sent.id, "nogmaals")
    assert hub.events() == hub_events + 2


def test_a_receipt_outranks_a_cancellation_that_crossed_it(
    sites: tuple[Site, Site, Path],
) -> None:
    """The hub cancels while the goods are already at the post: what arrived is in stock."""
    hub, post, stick = sites
    sent = SupplyNoticesService(hub.ctx).dispatch("GR-0014", {"water": 50})
    carry(hub, post, stick)
    SupplyNoticesService(hub.ctx).cancel_dispatch(sent.id, "Toch niet")
    SupplyNoticesService(post.ctx).confirm_receipt(sent.id)
    carry(hub, post, stick)
    carry(post, hub, stick)
    assert SupplyNoticesService(hub.ctx).dispatch_by_id(sent.id).status == "received"
    assert SupplyNoticesService(post.ctx).dispatch_by_id(sent.id).status == "received"


def test_a_request_goes_up_and_a_dispatch_answers_it(sites: tuple[Site, Site, Path]) -> None:
    hub, post, stick = sites
    at_hub = SupplyNoticesService(hub.ctx)
    at_post = SupplyNoticesService(post.ctx)
    asked = at_post.request({"water": 300, "nappies": 50}, urgency="high", note="Kinderen")
    assert asked.status_label == "open"
    assert asked.lines_text.startswith("Drinkwater 300 l")
    carry(post, hub, stick)

    (seen,) = at_hub.requests(open_only=True)
    assert (seen.id, seen.post_name, seen.urgency) == (asked.id, "Dorpshuis Ten Boer", "high")
    sent = at_hub.dispatch("GR-0014", {"water": 300}, request_id=asked.id)
    assert at_hub.request_by_id(asked.id).status_label == "beantwoord"
    answered = at_hub.answer_request(asked.id, "Luiers komen morgen.")
    assert answered.answer == "Luiers komen morgen."
    assert answered.dispatch_ids == (sent.id,)
    carry(hub, post, stick)

    mine = at_post.request_by_id(asked.id)
    assert mine.status_label == "beantwoord"
    assert mine.answer == "Luiers komen morgen."
    closed = at_post.close_request(asked.id, "Alles binnen")
    assert closed.is_closed
    assert closed.status_label == "afgesloten"
    assert at_post.requests(open_only=True) == []


def test_request_refusals_write_nothing(sites: tuple[Site, Site, Path]) -> None:
    hub, post, _stick = sites
    at_hub = SupplyNoticesService(hub.ctx)
    at_post = SupplyNoticesService(post.ctx)
    events = post.events()
    with pytest.raises(Refused, match="komt van een post"):
        at_hub.request({"water": 1})
    with pytest.raises(UserError, match="urgentie"):
        at_post.request({"water": 1}, urgency="zeer")
    with pytest.raises(UserError, match="als getal"):
        at_post.request({"water": float("nan")})
    assert post.events() == events
    asked = at_post.request({"water": 5})
    at_post.close_request(asked.id)
    with pytest.raises(Refused, match="al afgesloten"):
        at_post.close_request(asked.id)
    with pytest.raises(Refused, match="Leveringen worden verstuurd"):
        at_post.answer_request(asked.id, "ja")
    assert post.events() == events + 2


def test_service_on_a_single_post(ctx: ServiceContext, event_count: Callable[[], int]) -> None:
    """Without a hub a post sees no dispatches, and cannot confirm one it does not hold."""
    notices = SupplyNoticesService(ctx)
    assert notices.dispatches() == []
    assert notices.requests() == []
    before = event_count()
    with pytest.raises(NotFound, match="levering is hier niet bekend"):
        notices.confirm_receipt("nope")
    with pytest.raises(NotFound, match="aanvraag is hier niet bekend"):
        notices.close_request("nope")
    assert event_count() == before
