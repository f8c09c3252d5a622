"""Several hub processes writing one PostgreSQL database at once: what must wait for what.

A region's hub may run several ``noodpost hub serve`` workers against one database (and
operators' workstations beside them). Every writer still takes the database's write lock
first (:data:`.dialect.WRITE_LOCK`), but an import of a post's bundle and a line in the audit
log take it in *shared* mode (:meth:`.engine.Database.write` with ``shared=True``): they run
beside each other and never beside an exclusive writer. What a shared writer advances that
another could touch too, and how it is kept safe:

- **A post's streams, its peer row and its projected records.** A hub takes from a post only
  that post's stream (:func:`noodpost.sync.scope.incoming_origins`), and a post may write only
  its own records (:mod:`noodpost.core.authority`: the owning post, or the hub). So two
  imports of *different* posts insert different events (keyed by origin and seq), update
  different peer rows and coverage, and fold different records and cards. Two bundles of the
  *same* post — or of two desks of one post, which write the same records — are applied one
  after the other: the import takes :func:`.dialect.lock_post` for the post's approved code
  before it reads whether the bundle is new, and in ``READ COMMITTED`` every statement after
  the wait sees what the import before it committed. That is the narrowest lock that keeps a
  record's fold whole: a fold reads all the record's held events and writes the result, so
  two imports folding one record at once would each miss the other's events.
- **The hub's own record of events (next_seq, the HLC tick), approvals, a hub operator's
  write.** Those are exclusive writers: they wait until the running imports are done, and new
  imports wait for them (PostgreSQL queues a shared request behind a waiting exclusive one).
  The hub's own events may touch a post's record (an alarm's acknowledgement), so they must
  not fold beside an import of that post.
- **The hub's HLC, merged by every import.** Raised with one ``UPDATE … WHERE hlc < new``
  as the import's last change (:func:`noodpost.storage.eventlog.merge_clock`): it only ever
  grows, whatever order imports commit in; the row is held only from there to the commit.
- **The audit chain** (a line's number and hash follow the line before): every append takes
  :func:`.dialect.lock_audit` until its transaction ends.
- **Events waiting for their record** (quarantine, ``AWAITING``): an import releases those
  its new records make judgeable, of any post. Two imports doing that for one waiting event
  both reach its row; the second waits for the first and then fails (the row is gone) or
  writes the same judgement. A failure is retried (below). An event a concurrent import put
  on hold after another's scan waits until the next import looks — it is never applied
  wrongly, only judged a bundle later. The room for waiting events (:class:`WaitingRoom`) is
  counted per import, so imports at once may pass its limit by what each adds.

A transaction PostgreSQL gives up on — a deadlock between two imports that reach the same
waiting event in another order, a row another import removed — is tried again as a whole
(:func:`retrying`), a few times: nothing of a failed try is kept.

SQLite has one writer at a time (``BEGIN IMMEDIATE``): every lock here is a no-op there.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm.exc import StaleDataError

log = logging.getLogger(__name__)

T = TypeVar("T")

#: PostgreSQL's codes for a transaction that may well succeed when tried again: a
#: serialization failure, a deadlock, a key another transaction inserted first.
RETRY_STATES = frozenset({"40001", "40P01", "23505"})
#: Tries in all (the first one included).
ATTEMPTS = 5
#: The longest pause before another try, in seconds (a random part of it, growing per try).
BACKOFF_S = 0.2


def should_retry(failure: BaseException) -> bool:
    """Whether ``failure`` is one PostgreSQL may not repeat when the transaction runs again."""
    if isinstance(failure, StaleDataError):
        return True
    if isinstance(failure, DBAPIError):
        state = getattr(failure.orig, "sqlstate", None)
        return state in RETRY_STATES
    return False


def retrying(work: Callable[[], T], *, attempts: int = ATTEMPTS) -> T:
    """Run ``work`` (one whole transaction) again when PostgreSQL gave it up for a reason
    another try may not meet (:func:`should_retry`); at most ``attempts`` times in all. The
    last failure is raised. SQLite's errors are never of this kind: run once."""
    for attempt in range(1, attempts + 1):
        try:
            return work()
        except Exception as failure:
            if attempt == attempts or not should_retry(failure):
                raise
            log.info("Transaction tried again (%d of %d): %s", attempt, attempts, failure)
            time.sleep(random.uniform(0, BACKOFF_S * attempt))  # spreads the tries
    raise AssertionError("unreachable")  # pragma: no cover
