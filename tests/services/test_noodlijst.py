"""The noodlijst's read model: who is present, what each may still have today, in words."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from noodpost.core.clock import FixedClock
from noodpost.core.errors import UserError
from noodpost.reports.noodlijst import NoodlijstService
from noodpost.services.alarms import AlarmsService
from noodpost.services.base import ServiceContext
from noodpost.services.intake import IntakeService
from noodpost.services.supplies import SuppliesService
from noodpost.services.visits import VisitsService
from noodpost.storage.engine import Database


def test_what_a_household_may_still_have_today(ctx: ServiceContext) -> None:
    intake, visits, supplies = IntakeService(ctx), VisitsService(ctx), SuppliesService(ctx)
    here = intake.register(size=3)
    visits.check_in(here.household_id)
    supplies.hand_out(here.household_id, "water", 3)  # 3 l per person: 9 l a day
    supplies.hand_out(here.household_id, "food_package", 1)  # 1 a day, every 4 hours
    supplies.hand_out(here.household_id, "blanket", 1)  # 1 per person a day, once a day
    undone = supplies.hand_out(here.household_id, "hot_meal", 2)
    supplies.undo_hand_out(undone.id)  # an undone hand-out does not count

    (listed,) = NoodlijstService(ctx).read().households

    assert listed.pretty_code == here.pretty_code
    assert listed.persons == 3
    assert listed.since == "10:00"
    assert listed.still_today == (
        "Deken niets meer (weer vanaf 29-11 10:00)",
        "Drinkwater nog 6 l",
        "Voedselpakket niets meer",
    )


def test_only_present_households_and_open_alarms_with_radio_lines(ctx: ServiceContext) -> None:
    intake, visits = IntakeService(ctx), VisitsService(ctx)
    present = [intake.register(size=2) for _ in range(3)]
    gone = intake.register(size=4)
    for household in [*present, gone]:
        visits.check_in(household.household_id, persons=2)
    visits.check_out(gone.household_id)
    alarms = AlarmsService(ctx)
    waiting = alarms.raise_alarm("ambulance", "immediate", "zaal 2", 1)
    cancelled = alarms.raise_alarm("fire", "high", "keuken")
    alarms.cancel(cancelled.id, "loos alarm")

    lijst = NoodlijstService(ctx).read()

    assert sorted(h.card_code for h in lijst.households) == sorted(h.card_code for h in present)
    assert (lijst.present_households, lijst.present_persons) == (3, 6)
    assert lijst.radio_lines == (alarms.radio_line(waiting.id),)
    assert [a.location for a in lijst.alarms] == ["zaal 2"]  # the cancelled one is not open


def test_the_hub_has_no_noodlijst(another_node: Callable[..., Database], clock: FixedClock) -> None:
    hub = ServiceContext(another_node("hub", role="hub", code="GR-9000"), clock)

    with pytest.raises(UserError, match="op de C-NSP is niemand aanwezig"):
        NoodlijstService(hub).read()
