"""The volunteer list as the Vrijwilligers screen reads it: ids by name, rows with the shift."""

from __future__ import annotations

import pytest
from support import FAST_HASHER

from noodpost.services.base import ServiceContext
from noodpost.services.volunteers import VolunteersService


@pytest.fixture
def volunteers(ctx: ServiceContext) -> VolunteersService:
    service = VolunteersService(ctx, hasher=FAST_HASHER)
    anna = service.add_volunteer("Anna Dijkstra", "coordinator", "2468")
    service.sign_in(anna.id, "2468")
    return service


def test_ids_by_name_and_rows_with_the_running_shift(volunteers: VolunteersService) -> None:
    bram = volunteers.add_volunteer("bram Visser", "volunteer", "1357", ["EHBO", "koken"])
    klaas = volunteers.add_volunteer("Klaas Smit", "volunteer", "9753")
    anna = volunteers.signed_in()
    assert anna is not None

    ids = volunteers.volunteer_ids()
    assert ids == [v.id for v in volunteers.list_volunteers()]
    assert ids == [anna.id, bram.id, klaas.id]

    shift = volunteers.start_shift(bram.id, "balie")
    rows = volunteers.volunteers_by_id([bram.id, klaas.id, "unknown"])
    assert set(rows) == {bram.id, klaas.id}
    assert rows[bram.id].volunteer == bram
    assert rows[bram.id].shift == shift
    assert rows[klaas.id].shift is None

    volunteers.end_shift(shift.id)
    assert volunteers.volunteers_by_id([bram.id])[bram.id].shift is None


def test_inactive_volunteers_only_when_asked(volunteers: VolunteersService) -> None:
    bram = volunteers.add_volunteer("Bram Visser", "volunteer", "1357")
    volunteers.deactivate(bram.id)

    assert bram.id not in volunteers.volunteer_ids()
    assert bram.id in volunteers.volunteer_ids(include_inactive=True)
    assert not volunteers.volunteers_by_id([bram.id])[bram.id].volunteer.active
