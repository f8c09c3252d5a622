"""The desk's read model: one call gives everything the household panel shows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from support import FAST_HASHER

from noodpost.core import cards
from noodpost.core.clock import FixedClock
from noodpost.core.errors import NotFound, Refused
from noodpost.core.vocabulary import HealthFlag
from noodpost.services.base import ServiceContext
from noodpost.services.charging import ChargingService
from noodpost.services.desk import DeskService, consent_date_text
from noodpost.services.intake import CardState, IntakeService
from noodpost.services.messages import MessagesService
from noodpost.services.needs import NeedsService
from noodpost.services.supplies import SuppliesService
from noodpost.services.visits import VisitsService
from noodpost.services.volunteers import VolunteersService

EventCount = Callable[[], int]


@pytest.fixture
def desk(ctx: ServiceContext) -> DeskService:
    return DeskService(ctx)


def test_panel_of_a_new_household(ctx: ServiceContext, desk: DeskService) -> None:
    registered = IntakeService(ctx).register(size=3)

    panel = desk.panel(registered.household_id)

    assert panel.pretty_code == cards.pretty(registered.card_code)
    assert (panel.size, panel.size_text, panel.name) == (3, "3 personen", None)
    assert panel.flags == ()
    assert not panel.present
    assert panel.visits_today == ()
    assert panel.open_needs == ()
    assert panel.charging == ()
    assert panel.last_seen is None
    water = next(line for line in panel.allowance if line.item.code == "water")
    assert (water.received, water.limit, water.text) == (0.0, 9.0, "0 l van 9 l")


def test_panel_shows_everything_of_today(
    ctx: ServiceContext, desk: DeskService, clock: FixedClock
) -> None:
    intake = IntakeService(ctx)
    registered = intake.register(
        size=2,
        name="Jansen",
        flags=[HealthFlag.NEEDS_MEDICATION, HealthFlag.POWER_DEPENDENT],
        consent=True,
    )
    household = registered.household_id
    visits = VisitsService(ctx)
    visits.check_in(household)  # 10:00
    SuppliesService(ctx).hand_out(household, "water")  # 3 l of 6 l
    clock.advance(timedelta(minutes=20))
    need = NeedsService(ctx).open_need("medical", "high", household)  # 10:20
    ChargingService(ctx).check_in("telefoon, zwart hoesje", household)

    panel = desk.panel(household)

    assert panel.name == "Jansen"
    assert [f.text for f in panel.flags] == [
        "medicatie nodig (toestemming 28-11)",
        "afhankelijk van stroom (medisch) (toestemming 28-11)",
    ]
    assert (panel.present, panel.present_since, panel.present_persons) == (True, "10:00", 2)
    assert [v.text for v in panel.visits_today] == ["sinds 10:00 (2 pers.)"]
    assert panel.last_seen == "10:00"
    water = next(line for line in panel.allowance if line.item.code == "water")
    assert water.text == "3 l van 6 l"
    assert panel.allowance_for(water.item.id) == water
    assert [(n.id, n.text) for n in panel.open_needs] == [
        (need.id, "medische zorg (hoog) sinds 10:20")
    ]
    assert [t.text for t in panel.charging] == ["bon 1 · telefoon, zwart hoesje, sinds 10:20"]

    clock.advance(timedelta(minutes=40))
    visits.check_out(household)  # 11:00

    panel = desk.panel(household)
    assert not panel.present
    assert panel.present_since is None
    assert [v.text for v in panel.visits_today] == ["10:00–11:00 (2 pers.)"]
    assert panel.last_seen == "11:00"

    clock.advance(timedelta(days=1))
    panel = desk.panel(household)
    assert panel.visits_today == ()
    assert panel.last_seen == "28-11 11:00"


def test_lookup_and_panel(ctx: ServiceContext, desk: DeskService, event_count: EventCount) -> None:
    intake = IntakeService(ctx)
    registered = intake.register(size=1)

    found, panel = desk.lookup_and_panel(registered.qr_text)
    assert found.state is CardState.KNOWN
    assert panel is not None
    assert panel.household_id == registered.household_id

    blank = cards.new_card_code()
    found, panel = desk.lookup_and_panel(cards.pretty(blank))
    assert (found.state, found.code, panel) == (CardState.UNUSED, blank, None)

    before = event_count()
    wrong = blank[:-1] + ("3" if blank[-1] != "3" else "4")
    with pytest.raises(cards.InvalidCode, match="Deze code klopt niet — controleer de kaart"):
        desk.lookup_and_panel(wrong)
    assert event_count() == before
    old = registered.card_code
    intake.reissue(registered.household_id)
    before = event_count()
    with pytest.raises(Refused, match="vervangen door een nieuwe kaart"):
        desk.lookup_and_panel(old)
    assert event_count() == before


def test_panel_of_an_unknown_household(desk: DeskService) -> None:
    with pytest.raises(NotFound, match="niet \\(meer\\) bekend"):
        desk.panel("no-such-household")


def test_quick_items_in_catalogue_order(desk: DeskService) -> None:
    assert [i.code for i in desk.quick_items()] == ["water", "food_package", "hot_meal"]
    assert [i.code for i in desk.quick_items(["blanket", "nothing", "water"])] == [
        "blanket",
        "water",
    ]


def test_recent_actions_newest_first(
    ctx: ServiceContext, desk: DeskService, clock: FixedClock
) -> None:
    volunteers = VolunteersService(ctx, hasher=FAST_HASHER)
    anna = volunteers.add_volunteer("Anna Dijkstra", "coordinator", "2468")
    volunteers.sign_in(anna.id, "2468")
    registered = IntakeService(ctx).register(size=4)
    household = registered.household_id
    pretty = cards.pretty(registered.card_code)
    supplies = SuppliesService(ctx)
    VisitsService(ctx).check_in(household)
    clock.advance(timedelta(minutes=1))
    handed = supplies.hand_out(household, "water")
    clock.advance(timedelta(minutes=1))
    supplies.undo_hand_out(handed.id)
    supplies.hand_out(household, "food_package")
    NeedsService(ctx).open_need("medicine", household_id=household)
    ChargingService(ctx).check_in("telefoon", household)
    MessagesService(ctx).record("Piet Jansen", "Ik ben veilig", True, household_id=household)
    clock.advance(timedelta(minutes=1))
    VisitsService(ctx).check_out(household)
    supplies.record_delivery("water", 100)  # not a desk action

    actions = desk.recent_actions(limit=20)

    assert [a.text for a in actions] == [
        f"10:03 · afgemeld · {pretty} (Anna)",
        f"10:02 · veilig-en-welbericht · {pretty} (Anna)",
        f"10:02 · oplaadbon 1 · {pretty} (Anna)",
        f"10:02 · hulpvraag medicijnen · {pretty} (Anna)",
        f"10:02 · Voedselpakket 1 pakket · {pretty} (Anna)",
        f"10:02 · teruggedraaid: drinkwater 3 l · {pretty} (Anna)",
        f"10:01 · Drinkwater 3 l · {pretty} (Anna)",
        f"10:00 · aangemeld (4 pers.) · {pretty} (Anna)",
        f"10:00 · ingeschreven (4 pers.) · {pretty} (Anna)",
    ]
    assert len(desk.recent_actions(limit=3)) == 3
    assert desk.recent_actions(limit=0) == []


def test_consent_date_text() -> None:
    assert consent_date_text("2026-11-27") == "27-11"
    assert consent_date_text(None) is None
    assert consent_date_text("gisteren") is None
