"""After a write, a page acts on the first read that started after it — never on an older one
still under way when the write committed (issue 15: no stale list after a write)."""

from __future__ import annotations

from noodpost.gui.pages.after_read import AfterRead


def test_a_deed_waits_for_a_read_that_started_after_it() -> None:
    after = AfterRead()
    done: list[str] = []
    older = after.ask()  # a refresh under way while the write commits
    after.then(lambda: done.append("select the new row"))
    newer = after.ask()  # the refresh the write asks for

    after.shown(older)
    assert done == []  # the older read cannot hold the new row yet
    after.shown(newer)
    assert done == ["select the new row"]
    after.shown(after.ask())
    assert done == ["select the new row"]  # once only


def test_a_dropped_read_is_made_up_by_a_later_one() -> None:
    after = AfterRead()
    done: list[int] = []
    after.then(lambda: done.append(1))
    after.ask()  # superseded by the next one: never shown
    after.shown(after.ask())
    assert done == [1]
