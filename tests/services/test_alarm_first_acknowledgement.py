"""Two operators acknowledge one alarm at the same moment, from two workstations (issue 19).

The first acknowledgement wins; the second is refused with who gave the first and writes
nothing. Each workstation has its own connection to the one hub database; the status is
checked inside the write transaction, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from support import HUB_CODE, arrive, make_node

from noodpost.core.clock import FixedClock
from noodpost.core.entities import Op
from noodpost.core.errors import Refused
from noodpost.core.ids import new_id
from noodpost.services.alarms import AlarmInfo, AlarmsService
from noodpost.services.base import ServiceContext
from noodpost.storage.engine import open_database
from noodpost.storage.eventlog import count_events
from noodpost.storage.node import database_path


def test_of_two_acknowledgements_at_once_the_first_wins_and_the_second_names_it(
    tmp_path: Path, clock: FixedClock, database_at: Callable[[], str | None]
) -> None:
    url = database_at()
    first = make_node(
        tmp_path / "hub", clock, role="hub", code=HUB_CODE, name="C-NSP", database=url
    )
    second = open_database(url or database_path(tmp_path / "hub"))
    try:
        alarm_id = new_id()
        arrive(
            first,
            clock,
            "GR-0014",
            "alarm",
            alarm_id,
            Op.CREATE,
            {"post_code": "GR-0014", "type": "fire", "urgency": "high", "location": "Keuken"},
        )
        with first.read() as session:
            before = count_events(session)
        operators = {"Anna de Vries": first, "Kees Mulder": second}
        start = threading.Barrier(len(operators))
        answers: dict[str, AlarmInfo | Refused] = {}

        def acknowledge(name: str) -> None:
            alarms = AlarmsService(ServiceContext(operators[name], clock))
            start.wait()
            try:
                answers[name] = alarms.acknowledge(alarm_id, name, f"gezien door {name}")
            except Refused as refused:
                answers[name] = refused

        threads = [threading.Thread(target=acknowledge, args=(name,)) for name in operators]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)

        [winner] = [name for name, answer in answers.items() if isinstance(answer, AlarmInfo)]
        [loser] = [name for name, answer in answers.items() if isinstance(answer, Refused)]
        refusal = answers[loser]
        assert isinstance(refusal, Refused)
        assert f"al bevestigd door {winner} om 10:00" in refusal.message
        with second.read() as session:
            assert count_events(session) == before + 1  # one acknowledgement, no second
        info = AlarmsService(ServiceContext(second, clock)).alarm(alarm_id)
        assert (info.acknowledged_by, info.status_note) == (winner, f"gezien door {winner}")
    finally:
        second.close()
        first.close()
