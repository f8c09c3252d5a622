"""Needs (hulpvragen): open, follow through the allowed statuses, refer, list."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlalchemy import select
from support import POST_CODE, Carry, deliver, exactly

from noodpost.core.clock import FixedClock
from noodpost.core.entities import Op
from noodpost.core.errors import NotFound, Refused, UserError
from noodpost.services.base import ServiceContext, new_id
from noodpost.services.intake import IntakeService
from noodpost.services.needs import NeedsService
from noodpost.storage.engine import Database
from noodpost.storage.models import StatusChange


@pytest.fixture
def needs(ctx: ServiceContext) -> NeedsService:
    return NeedsService(ctx)


@pytest.fixture
def household(ctx: ServiceContext) -> str:
    return IntakeService(ctx).register(size=3).household_id


def test_open_need(needs: NeedsService, household: str, event_count: Callable[[], int]) -> None:
    before = event_count()

    need = needs.open_need("medical", "high", household_id=household, note="  insuline op  ")

    assert event_count() == before + 2  # and a passing visit: served counts as seen
    assert need.status == "open"
    assert (need.category, need.urgency) == ("medical", "high")
    assert (need.category_label, need.urgency_label, need.status_label) == (
        "medische zorg",
        "hoog",
        "open",
    )
    assert need.household_id == household
    assert need.post_code == POST_CODE
    assert need.note == "insuline op"
    assert need.opened_at == "2026-11-28T09:00:00.000+00:00"
    assert need.active
    assert needs.need(need.id) == need


def test_open_need_without_household_is_normal_by_default(needs: NeedsService) -> None:
    need = needs.open_need("information")
    assert need.urgency == "normal"
    assert need.household_id is None
    assert need.note is None


def test_unknown_category_or_urgency_is_refused_in_dutch(
    needs: NeedsService, event_count: Callable[[], int]
) -> None:
    before = event_count()
    with pytest.raises(UserError, match="Kies een categorie voor de hulpvraag: voedsel en water"):
        needs.open_need("pizza")
    with pytest.raises(UserError, match="Kies als urgentie spoed, hoog of normaal"):
        needs.open_need("medical", "whenever")
    with pytest.raises(UserError, match="notitie is te lang"):
        needs.open_need("other", note="x" * 1001)
    assert event_count() == before
    assert needs.list_needs() == []


def test_unknown_household_is_not_found(
    needs: NeedsService, event_count: Callable[[], int]
) -> None:
    before = event_count()
    with pytest.raises(NotFound, match="Dit huishouden is niet bekend"):
        needs.open_need("shelter", household_id=new_id())
    assert event_count() == before


def test_need_goes_open_in_progress_done(
    ctx: ServiceContext, needs: NeedsService, household: str, event_count: Callable[[], int]
) -> None:
    need = needs.open_need("food_water", household_id=household)

    before = event_count()
    working = needs.change_status(need.id, "in_progress", note="Jan haalt water")
    assert event_count() == before + 1
    assert working.status == "in_progress"
    assert working.status_label == "in behandeling"
    assert working.status_note == "Jan haalt water"
    assert working.active

    done = needs.change_status(need.id, "done")
    assert event_count() == before + 2
    assert done.status == "done"
    assert done.status_note is None
    assert not done.active
    assert needs.need(need.id) == done

    with ctx.read() as session:
        steps = session.execute(
            select(StatusChange.status, StatusChange.note)
            .where(StatusChange.entity_id == need.id)
            .order_by(StatusChange.hlc)
        ).all()
    assert [tuple(s) for s in steps] == [
        ("open", None),
        ("in_progress", "Jan haalt water"),
        ("done", None),
    ]


def test_done_cannot_go_back_to_open(needs: NeedsService, event_count: Callable[[], int]) -> None:
    need = needs.open_need("hygiene")
    done = needs.change_status(need.id, "done")
    before = event_count()

    with pytest.raises(
        Refused, match="Een hulpvraag die afgehandeld is kan niet terug naar open\\."
    ):
        needs.change_status(need.id, "open")
    with pytest.raises(Refused, match="kan niet meer naar geannuleerd"):
        needs.change_status(need.id, "cancelled")
    with pytest.raises(Refused, match="Deze hulpvraag is al afgehandeld"):
        needs.change_status(need.id, "done")
    with pytest.raises(Refused, match="kan niet terug naar doorverwezen"):
        needs.refer(need.id, "huisarts")

    assert event_count() == before
    assert needs.need(need.id) == done


def test_unknown_status_or_need(needs: NeedsService, event_count: Callable[[], int]) -> None:
    need = needs.open_need("other")
    before = event_count()
    with pytest.raises(UserError, match="Kies een status voor de hulpvraag"):
        needs.change_status(need.id, "finished")
    with pytest.raises(NotFound, match="Deze hulpvraag is niet bekend"):
        needs.change_status(new_id(), "done")
    assert event_count() == before


def test_referral(needs: NeedsService, household: str, event_count: Callable[[], int]) -> None:
    need = needs.open_need("medicine", "high", household_id=household)
    needs.change_status(need.id, "in_progress")
    before = event_count()

    referred = needs.refer(need.id, "  Huisartsenpost Groningen  ", note="belt zelf")

    assert event_count() == before + 1
    assert referred.status == "referred"
    assert referred.status_label == "doorverwezen"
    assert referred.referred_to == "Huisartsenpost Groningen"
    assert referred.status_note == "belt zelf"
    assert referred.active
    assert [n.id for n in needs.open_for_household(household)] == [need.id]

    with pytest.raises(Refused, match="kan niet terug naar in behandeling"):
        needs.change_status(need.id, "in_progress")
    assert event_count() == before + 1

    assert needs.change_status(need.id, "done").referred_to == "Huisartsenpost Groningen"
    assert needs.open_for_household(household) == []


def test_referral_needs_a_destination(needs: NeedsService, event_count: Callable[[], int]) -> None:
    need = needs.open_need("transport")
    before = event_count()
    with pytest.raises(UserError, match="naar wie of waar de hulpvraag is doorverwezen"):
        needs.refer(need.id, "   ")
    with pytest.raises(UserError, match="naar wie of waar"):
        needs.change_status(need.id, "referred")
    assert event_count() == before
    assert needs.need(need.id).status == "open"


def test_list_needs_filters_and_puts_the_most_urgent_first(
    needs: NeedsService, clock: FixedClock
) -> None:
    normal = needs.open_need("food_water")
    clock.advance(timedelta(minutes=1))
    urgent = needs.open_need("medical", "immediate")
    clock.advance(timedelta(minutes=1))
    high = needs.open_need("medical", "high")
    clock.advance(timedelta(minutes=1))
    later_urgent = needs.open_need("shelter", "immediate")
    needs.change_status(high.id, "cancelled")

    assert [n.id for n in needs.list_needs()] == [urgent.id, later_urgent.id, high.id, normal.id]
    assert [n.id for n in needs.list_needs(category="medical")] == [urgent.id, high.id]
    assert [n.id for n in needs.list_needs(urgency="immediate")] == [urgent.id, later_urgent.id]
    assert [n.id for n in needs.list_needs(status="cancelled")] == [high.id]
    assert [n.id for n in needs.list_needs(category="medical", status="open")] == [urgent.id]
    with pytest.raises(UserError, match="Kies een categorie"):
        needs.list_needs(category="pizza")


def test_open_for_household_leaves_out_finished_and_other_households(
    ctx: ServiceContext, needs: NeedsService, household: str
) -> None:
    other = IntakeService(ctx).register(size=1).household_id
    first = needs.open_need("power", household_id=household)
    second = needs.open_need("relatives", household_id=household)
    needs.open_need("listening", household_id=other)
    needs.change_status(second.id, "cancelled", note="dubbel")
    assert [n.id for n in needs.open_for_household(household)] == [first.id]


def _emit_need(ctx: ServiceContext, post_code: str) -> str:
    need_id = new_id()
    with ctx.write() as uow:
        uow.emit(
            "need",
            need_id,
            Op.CREATE,
            {"post_code": post_code, "category": "shelter", "opened_at": ctx.now_iso()},
        )
    return need_id


def test_a_post_lists_its_own_needs_the_hub_every_post(
    needs: NeedsService,
    hub: ServiceContext,
    to_hub: Carry,
    to_post: Carry,
    another_node: Callable[..., Database],
    clock: FixedClock,
) -> None:
    own = needs.open_need("shelter")
    other = ServiceContext(another_node("other", code="GR-0099", name="Kerk Garmerwolde"), clock)
    theirs = _emit_need(other, "GR-0099")  # without an urgency: normal
    to_hub()
    assert deliver(other.db, hub.db, clock).quarantined == 0

    listed = NeedsService(hub).list_needs()
    assert {n.id for n in listed} == {own.id, theirs}
    assert {(n.post_code, n.urgency) for n in listed} == {
        ("GR-0014", "normal"),
        ("GR-0099", "normal"),
    }
    to_post()  # another post's need never comes back to this one
    assert [n.id for n in needs.list_needs()] == [own.id]


def test_a_need_of_another_post_cannot_be_written_here(
    needs: NeedsService, event_count: Callable[[], int]
) -> None:
    before = event_count()
    with pytest.raises(
        Refused,
        match=exactly(
            "Dit mag deze post niet: GR-0014 mag niet een hulpvraag aanmaken van GR-0099."
        ),
    ):
        _emit_need(needs.ctx, "GR-0099")
    assert event_count() == before
    assert needs.list_needs() == []
