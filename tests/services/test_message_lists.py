"""The safe-and-well list as the Veilig en wel screen reads it: ids in order, rows by id."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from support import deliver, exactly

from noodpost.core.clock import FixedClock
from noodpost.core.entities import Op
from noodpost.core.errors import Refused, UserError
from noodpost.services.base import ServiceContext, new_id
from noodpost.services.messages import MessagesService
from noodpost.storage.engine import Database
from noodpost.storage.eventlog import count_events


@pytest.fixture
def messages(ctx: ServiceContext) -> MessagesService:
    return MessagesService(ctx)


@pytest.fixture
def elsewhere(another_node: Callable[..., Database], clock: FixedClock) -> MessagesService:
    """Another post, GR-0099: its messages reach the hub, never this post."""
    return MessagesService(
        ServiceContext(another_node("other", code="GR-0099", name="Kerk"), clock)
    )


def at_hub(hub: ServiceContext, *posts: MessagesService) -> MessagesService:
    """The hub after these posts' messages reached it by sync."""
    for post in posts:
        assert deliver(post.ctx.db, hub.db, hub.clock).quarantined == 0
    return MessagesService(hub)


def test_recent_ids_are_this_posts_messages_newest_first(
    hub: ServiceContext,
    clock: FixedClock,
    messages: MessagesService,
    elsewhere: MessagesService,
) -> None:
    first = messages.record("Jan Bakker", "Alles goed", consent=True)
    clock.advance(timedelta(minutes=3))
    second = messages.record("Grietje Mulder", None, consent=False, birth_year=1941)
    elsewhere.record("Klaas Smit", None, consent=True)

    assert messages.recent_ids() == [second.id, first.id]
    rows = messages.messages_by_id([first.id, "unknown", second.id])
    assert rows == {first.id: first, second.id: second}
    assert not rows[second.id].consent
    assert at_hub(hub, messages, elsewhere).recent_ids() == []  # the hub recorded none itself


def test_search_ids_only_with_consent(
    hub: ServiceContext, messages: MessagesService, elsewhere: MessagesService
) -> None:
    with_consent = messages.record("Jan Bakker", "Alles goed", consent=True)
    messages.record("Janna Bakker", "Niet doorgeven", consent=False)
    theirs = elsewhere.record("Jan de Bakker", None, consent=True).id

    assert messages.search_ids("bakker") == [with_consent.id]  # a post holds only its own
    assert set(at_hub(hub, messages, elsewhere).search_ids("bakker")) == {with_consent.id, theirs}
    with pytest.raises(UserError, match="minstens 2 letters"):
        messages.search_ids("b")


def test_rows_by_id_keep_other_posts_messages_without_consent_out(
    hub: ServiceContext, elsewhere: MessagesService
) -> None:
    hidden = elsewhere.record("Aaltje Visser", None, consent=False).id
    shared = elsewhere.record("Harm Visser", None, consent=True).id
    found = at_hub(hub, elsewhere)
    with hub.read() as session:
        count = count_events(session)

    assert set(found.messages_by_id([hidden, shared])) == {shared}
    assert found.recent_ids() == []
    with hub.read() as session:
        assert count_events(session) == count


def test_a_message_for_another_post_cannot_be_written_here(
    ctx: ServiceContext, messages: MessagesService, event_count: Callable[[], int]
) -> None:
    before = event_count()
    with (
        pytest.raises(
            Refused,
            match=exactly(
                "Dit mag deze post niet: "
                "GR-0014 mag niet een veilig-en-wel-bericht aanmaken van GR-0099."
            ),
        ),
        ctx.write() as uow,
    ):
        uow.emit(
            "safe_message",
            new_id(),
            Op.CREATE,
            {"post_code": "GR-0099", "name": "Klaas Smit", "consent": True},
        )
    assert event_count() == before
    assert messages.recent_ids() == []
