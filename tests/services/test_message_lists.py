"""The safe-and-well list as the Veilig en wel screen reads it: ids in order, rows by id."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from noodpost.core.clock import FixedClock
from noodpost.core.entities import Op
from noodpost.core.errors import UserError
from noodpost.services.base import ServiceContext, new_id
from noodpost.services.messages import MessagesService


@pytest.fixture
def messages(ctx: ServiceContext) -> MessagesService:
    return MessagesService(ctx)


def other_post_message(ctx: ServiceContext, name: str, consent: bool) -> str:
    """A message another post recorded, as it arrives through synchronisation."""
    message_id = new_id()
    with ctx.write() as uow:
        uow.emit(
            "safe_message",
            message_id,
            Op.CREATE,
            {"post_code": "GR-0099", "name": name, "consent": consent, "given_at": ctx.now_iso()},
        )
    return message_id


def test_recent_ids_are_this_posts_messages_newest_first(
    ctx: ServiceContext, clock: FixedClock, messages: MessagesService
) -> None:
    first = messages.record("Jan Bakker", "Alles goed", consent=True)
    clock.advance(timedelta(minutes=3))
    second = messages.record("Grietje Mulder", None, consent=False, birth_year=1941)
    other_post_message(ctx, "Klaas Smit", consent=True)

    assert messages.recent_ids() == [second.id, first.id]
    rows = messages.messages_by_id([first.id, "unknown", second.id])
    assert rows == {first.id: first, second.id: second}
    assert not rows[second.id].consent


def test_search_ids_only_with_consent(ctx: ServiceContext, messages: MessagesService) -> None:
    with_consent = messages.record("Jan Bakker", "Alles goed", consent=True)
    messages.record("Janna Bakker", "Niet doorgeven", consent=False)
    elsewhere = other_post_message(ctx, "Jan de Bakker", consent=True)

    assert set(messages.search_ids("bakker")) == {with_consent.id, elsewhere}
    with pytest.raises(UserError, match="minstens 2 letters"):
        messages.search_ids("b")


def test_rows_by_id_keep_other_posts_messages_without_consent_out(
    ctx: ServiceContext, messages: MessagesService, event_count: Callable[[], int]
) -> None:
    hidden = other_post_message(ctx, "Aaltje Visser", consent=False)
    shared = other_post_message(ctx, "Harm Visser", consent=True)
    count = event_count()

    assert set(messages.messages_by_id([hidden, shared])) == {shared}
    assert messages.recent_ids() == []
    assert event_count() == count
