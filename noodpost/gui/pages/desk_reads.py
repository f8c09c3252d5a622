"""What the desk shows, read off the GUI thread (issue 15): the functions here run on the
runner's reader thread (a refresh, a scan) or on its writer thread right after a write (a
hand-out returns the household's new panel with it), and touch no widget.
"""

from __future__ import annotations

from dataclasses import dataclass

from noodpost.core.errors import NotFound
from noodpost.gui.context import AppServices
from noodpost.gui.widgets.desk_buttons import QUICK_KEYS
from noodpost.services.desk import DeskAction, DeskService, HouseholdPanel
from noodpost.services.intake import CardLookup
from noodpost.services.supply_types import HandOut, Item

#: The lines under *Laatste handelingen*.
RECENT_LINES = 8


@dataclass(frozen=True)
class DeskView:
    """The desk at one moment: its quick items, the household on screen (if any), the
    presence count and the latest actions."""

    quick_items: list[Item]
    household_id: str | None  # the household the panel was read for
    panel: HouseholdPanel | None  # None: no household, or it is gone (a purge)
    undoable: HandOut | None  # the household's last hand-out while F7 may undo it
    stock_booked: bool
    present: int
    capacity: int | None
    recent: list[DeskAction]


@dataclass(frozen=True)
class Scanned:
    """What a scanned or typed code opened: the lookup, and the panel when it is a household."""

    found: CardLookup | None  # None: opened by id (after an intake or a search)
    panel: HouseholdPanel | None
    undoable: HandOut | None


def undoable(services: AppServices, panel: HouseholdPanel | None) -> HandOut | None:
    """The household's last hand-out when F7 may still undo it."""
    if panel is None:
        return None
    last = services.supplies.last_hand_out(panel.household_id)
    return last if last is not None and last.undoable else None


def read_desk(
    services: AppServices,
    desk: DeskService,
    household_id: str | None,
) -> DeskView:
    """The desk's view, for the household on screen (``household_id``) or none."""
    panel: HouseholdPanel | None = None
    if household_id is not None:
        try:
            panel = desk.panel(household_id)
        except NotFound:  # removed meanwhile (a purge)
            panel = None
    present, capacity = services.visits.occupancy()
    return DeskView(
        quick_items=desk.quick_items()[: len(QUICK_KEYS)],  # the first with a quick quantity
        household_id=household_id,
        panel=panel,
        undoable=undoable(services, panel),
        stock_booked=services.supplies.stock_booked(),
        present=present,
        capacity=capacity,
        recent=desk.recent_actions(RECENT_LINES),
    )


def read_scan(services: AppServices, desk: DeskService, text: str) -> Scanned:
    """What ``text`` (a scanned or typed code) opens; raises the lookup's refusal."""
    found, panel = desk.lookup_and_panel(text)
    return Scanned(found, panel, undoable(services, panel))


def read_household(services: AppServices, desk: DeskService, household_id: str) -> Scanned:
    """A household's panel opened by id (after an intake or a search); raises NotFound."""
    panel = desk.panel(household_id)
    return Scanned(None, panel, undoable(services, panel))
