"""Safe and well: messages for relatives, found by a search only with consent."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from support import exactly

from noodpost.core.clock import FixedClock
from noodpost.core.entities import Op
from noodpost.core.errors import NotFound, Refused, UserError
from noodpost.services.base import ServiceContext, new_id
from noodpost.services.intake import IntakeService
from noodpost.services.messages import MessagesService


@pytest.fixture
def messages(ctx: ServiceContext) -> MessagesService:
    return MessagesService(ctx)


def test_record_writes_one_event(messages: MessagesService, event_count: Callable[[], int]) -> None:
    before = event_count()
    recorded = messages.record(
        " Jan Jansen ",
        "Het gaat goed met ons, we slapen in de sporthal.",
        consent=True,
        birth_year=1950,
        contact="dochter: 06-11111111",
    )
    assert event_count() == before + 1
    assert recorded.name == "Jan Jansen"
    assert recorded.consent
    assert recorded.birth_year == 1950
    assert recorded.post_code == "GR-0014"
    assert recorded.given_at == "2026-11-28T09:00:00.000+00:00"


def test_message_for_a_household(
    ctx: ServiceContext, messages: MessagesService, event_count: Callable[[], int]
) -> None:
    household = IntakeService(ctx).register(size=2, name="Jansen").household_id
    assert messages.record("Jan Jansen", None, True, household_id=household).household_id == (
        household
    )
    before = event_count()
    with pytest.raises(NotFound, match="huishouden"):
        messages.record("Jan Jansen", None, True, household_id=new_id())
    assert event_count() == before


@pytest.mark.parametrize("name", ["", "   "])
def test_name_is_required(
    messages: MessagesService, event_count: Callable[[], int], name: str
) -> None:
    before = event_count()
    with pytest.raises(UserError, match="Vul de naam in"):
        messages.record(name, "Alles goed.", consent=True)
    assert event_count() == before


def test_impossible_input_is_refused(
    messages: MessagesService, event_count: Callable[[], int]
) -> None:
    before = event_count()
    with pytest.raises(UserError, match="Geboortejaar 1850"):
        messages.record("Jan", None, True, birth_year=1850)
    with pytest.raises(UserError, match="Geboortejaar 2030"):
        messages.record("Jan", None, True, birth_year=2030)
    with pytest.raises(UserError, match="te lang"):
        messages.record("Jan", "x" * 1001, True)
    assert event_count() == before


def test_search_finds_only_messages_with_consent(
    messages: MessagesService, clock: FixedClock
) -> None:
    with_consent = messages.record("Jan Jansen", "Veilig.", consent=True, birth_year=1950)
    clock.advance(timedelta(minutes=1))
    without = messages.record("Piet Jansen", "Veilig.", consent=False)

    assert [m.id for m in messages.search("jansen")] == [with_consent.id]
    assert [m.id for m in messages.search("JAN J")] == [with_consent.id]
    assert messages.search("Piet") == []
    # The post's own list shows both, newest first.
    assert [m.id for m in messages.list_recent()] == [without.id, with_consent.id]


def test_search_by_birth_year(messages: MessagesService, clock: FixedClock) -> None:
    born_1950 = messages.record("Jan Jansen", None, True, birth_year=1950)
    clock.advance(timedelta(minutes=1))
    born_1980 = messages.record("Jan Jansen", None, True, birth_year=1980)
    clock.advance(timedelta(minutes=1))
    unknown = messages.record("Jan Jansen", None, True)

    assert [m.id for m in messages.search("jansen", birth_year=1950)] == [unknown.id, born_1950.id]
    assert [m.id for m in messages.search("jansen")] == [unknown.id, born_1980.id, born_1950.id]


def test_search_ignores_case_beyond_ascii(messages: MessagesService) -> None:
    recorded = messages.record("Ayşe Öztürk", "Veilig.", consent=True)
    assert [m.id for m in messages.search("öZTÜRK")] == [recorded.id]


def test_search_needs_two_letters(messages: MessagesService) -> None:
    with pytest.raises(UserError, match="minstens 2 letters"):
        messages.search("j")
    with pytest.raises(UserError, match="naam"):
        messages.search("  ")


def test_a_message_of_another_post_cannot_be_written_here(
    ctx: ServiceContext, messages: MessagesService, event_count: Callable[[], int]
) -> None:
    """A post keeps only its own messages: another post's is refused and nothing is kept."""
    before = event_count()
    with (
        pytest.raises(
            Refused,
            match=exactly(
                "Dit mag deze post niet: "
                "GR-0014 mag niet een veilig-en-wel-bericht aanmaken van GR-0015."
            ),
        ),
        ctx.write() as uow,
    ):
        uow.emit(
            "safe_message",
            new_id(),
            Op.CREATE,
            {"post_code": "GR-0015", "name": "Kees de Vries", "consent": False},
        )
    assert event_count() == before
    assert messages.list_recent() == []
    assert messages.search("vries") == []
