"""The quarantine: events held back, with a Dutch reason, never applied.

An event is held when it fails validation, clashes with one held under the same key, is not its
sender's to write or pass on (DESIGN §3.8), or waits for the record it edits. It is kept once
(a cumulative bundle brings it again); a refused one only as its stub (:func:`quarantine_stub`),
never with its data; one in a stream its sender does not carry under seq 0, so it acknowledges
nothing. Retention empties the rest into stubs when the retention period ends.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from noodpost.core.events import SEQ_LIMIT
from noodpost.storage.models import Quarantine

#: How the reason of an event refused for write authority or stream begins (DESIGN §3.8).
REFUSED_PREFIX = "niet toegestaan: "
#: The reason an event waits in quarantine for the entity it belongs to (an edit that arrived
#: before the record it edits). It is judged again whenever new events are applied.
AWAITING = "wacht op het record waar dit bij hoort (nog niet ontvangen)"
#: Events of one origin that may wait for their record at once. A post's own edits come after
#: its own creates, so a handful wait at most; an approved sender who sends a million edits of
#: records nobody holds fills this and no more (issue 20). What does not fit is not kept and
#: not acknowledged: the sender brings it again, and it waits once there is room.
MAX_AWAITING_PER_ORIGIN = 10_000


class WaitingRoom:
    """Room in quarantine for events waiting for their record, counted per origin."""

    def __init__(self, session: Session, limit: int | None = None) -> None:
        self._session = session
        self._limit = MAX_AWAITING_PER_ORIGIN if limit is None else limit
        self._waiting: dict[str, set[tuple[str, int]]] = {}  # origin → (incarnation, seq)
        self._taken: dict[str, int] = {}

    def admits(self, key: tuple[str, str, int]) -> bool:
        """Whether the event ``(origin, incarnation, seq)`` may wait: it waits already, or
        there is room (which it then takes)."""
        origin, incarnation, seq = key
        waiting = self._waiting.get(origin)
        if waiting is None:  # at most the limit's rows, once per origin and batch
            rows = self._session.execute(
                select(Quarantine.incarnation, Quarantine.seq).where(
                    Quarantine.reason == AWAITING, Quarantine.origin == origin
                )
            )
            waiting = self._waiting[origin] = {(inc, number) for inc, number in rows}
            self._taken[origin] = len(waiting)
        if (incarnation, seq) in waiting:
            return True
        if self._taken[origin] >= self._limit:
            return False
        self._taken[origin] += 1
        return True


def keep(
    session: Session,
    raw: Any,
    reason: str,
    now: str,
    bundle_id: str | None,
    *,
    keep_data: bool = True,
    counts: bool = True,
) -> bool:
    """Keep ``raw`` with its reason — once: a cumulative bundle brings the same event again.
    Without ``keep_data`` only its stub is kept (:func:`quarantine_stub`); without ``counts``
    under seq 0, so the version vector never counts it as held.

    Returns:
        False when exactly this event was held in quarantine already.
    """

    def pick(key: str, kind: type, default: Any) -> Any:
        value = raw.get(key) if isinstance(raw, dict) else None
        return value if isinstance(value, kind) and not isinstance(value, bool) else default

    try:
        text = json.dumps(raw, sort_keys=True, default=str)
    except (TypeError, ValueError):
        text = repr(raw)
    origin = str(pick("o", str, "?"))[:36]
    incarnation = str(pick("i", str, "?"))[:16]
    seq = pick("s", int, 0) if counts else 0
    if not 0 <= seq < SEQ_LIMIT:  # a 32-bit column: kept under 0, it acknowledges nothing
        seq = 0
    held = session.scalar(
        select(Quarantine.id).where(
            Quarantine.origin == origin,
            Quarantine.incarnation == incarnation,
            Quarantine.seq == seq,
            Quarantine.raw.in_((text, quarantine_stub(text))),  # kept, or emptied by retention
        )
    )
    if held is not None:
        return False
    session.add(
        Quarantine(
            origin=origin,
            incarnation=incarnation,
            seq=seq,
            raw=text if keep_data else quarantine_stub(text),
            reason=reason,
            received_at=now,
            bundle_id=bundle_id,
        )
    )
    return True


#: The key that marks a quarantined event emptied by retention (:func:`quarantine_stub`).
STUB_KEY = "geanonimiseerd"
#: What a stub keeps of the event: where it came from and what it was about, not its data.
_STUB_KEYS = ("o", "i", "s", "h", "e", "id", "op", "v")
_PLAIN = re.compile(r"[0-9a-f-]{1,40}|[a-z_]{1,40}")
_HEX64 = re.compile(r"[0-9a-f]{64}")
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")


def quarantine_stub(text: str) -> str:
    """A quarantined event's text without its data, as retention leaves it.

    Keeps origin, sequence, entity and operation (short values only: the event failed
    validation, so they may be anything) and the SHA-256 of the full text, so the same event
    arriving again is still recognised as held. Deterministic, and a stub stays as it is.
    """
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):
        document = None
    if not isinstance(document, dict):
        document = {}
    kept = {key: document[key] for key in _STUB_KEYS if _plain(document.get(key))}
    digest = document.get(STUB_KEY)
    if set(document) == {*kept, STUB_KEY} and isinstance(digest, str) and _HEX64.fullmatch(digest):
        return text  # a stub already (nothing else in it)
    kept[STUB_KEY] = hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()
    return json.dumps(kept, sort_keys=True)


def _plain(value: Any) -> bool:
    """An id, a number or a lower-case word: nothing a name or a note can hide in."""
    if isinstance(value, str):
        return _PLAIN.fullmatch(value) is not None
    return isinstance(value, int) and not isinstance(value, bool)


def quarantine_reason_stub(reason: str) -> str:
    """A quarantine reason without the values it quotes (a bad field's name or value)."""
    return _QUOTED.sub("…", reason)[:200]
