"""One writer process for the concurrency test: registers households in a database until done.

Run as ``python pg_writer.py URL COUNT START_AT``: waits until the wall clock reaches
``START_AT`` (so the writers begin together), then registers ``COUNT`` households, one write
transaction each, and prints how many it wrote.
"""

from __future__ import annotations

import sys
import time

from noodpost.core.clock import SystemClock
from noodpost.services.base import ServiceContext
from noodpost.services.intake import IntakeService
from noodpost.storage.engine import open_database


def main(url: str, count: int, start_at: float) -> None:
    db = open_database(url)
    intake = IntakeService(ServiceContext(db, SystemClock()))
    time.sleep(max(0.0, start_at - time.time()))
    for _ in range(count):
        intake.register(size=1)
    db.close()
    print(count)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), float(sys.argv[3]))
