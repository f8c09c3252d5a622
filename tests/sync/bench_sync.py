"""Benchmark (not a test): export and import of a bundle with about 10,000 events.

Run: ``.venv/bin/python tests/sync/bench_sync.py [EVENTS]`` — prints timings, asserts nothing.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sitekit import HUB_CODE, build_site, introduce

from noodpost.core import cards
from noodpost.core.clock import FixedClock
from noodpost.core.entities import Op
from noodpost.core.ids import new_id


def main(total: int) -> None:
    clock = FixedClock(datetime(2026, 11, 28, 9, 0, tzinfo=UTC))
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        hub = build_site(base / "hub", clock, role="hub", code=HUB_CODE)
        post = build_site(base / "post", clock)
        pairing = base / "koppeling.json"
        hub.sync.export_pairing(pairing)
        post.sync.import_pairing(pairing)
        stick = base / "stick"
        stick.mkdir()
        introduce(post, hub, stick)

        started = time.perf_counter()
        with post.ctx.write() as uow:
            for n in range(total // 2):
                household = new_id()
                uow.emit(
                    "household",
                    household,
                    Op.CREATE,
                    {
                        "post_code": "GR-0014",
                        "card_code": cards.new_card_code(),
                        "size": 1 + n % 6,
                        "name": f"Huishouden {n}",
                        "birth_year": 1930 + n % 80,
                    },
                )
                uow.emit(
                    "log_entry",
                    new_id(),
                    Op.CREATE,
                    {"post_code": "GR-0014", "text": f"Water uitgegeven aan {household}"},
                )
        made = time.perf_counter() - started
        events = post.sync.list_peers().peers[0].unacknowledged

        started = time.perf_counter()
        exported = post.sync.export_usb(stick)
        export_s = time.perf_counter() - started
        path = exported.written[0].path

        started = time.perf_counter()
        imported = hub.sync.import_usb(stick)
        import_s = time.perf_counter() - started

        started = time.perf_counter()
        again = hub.sync.import_usb(stick)
        duplicate_s = time.perf_counter() - started

        started = time.perf_counter()
        resent = hub.sync.import_bytes(post.sync.build_bundle(hub.node_id).data, channel="usb")
        present_s = time.perf_counter() - started

        print(f"events in bundle:        {exported.written[0].events} (unacknowledged {events})")
        print(f"bundle size:             {path.stat().st_size / 1e6:.2f} MB")
        print(f"writing the events:      {made:.2f} s (one transaction, setup only)")
        print(f"export (build+write):    {export_s:.2f} s")
        print(f"import (apply):          {import_s:.2f} s  — {imported.summary}")
        print(f"import same bundle:      {duplicate_s:.2f} s  — {again.summary}")
        print(f"import, all present:     {present_s:.2f} s  — {resent.summary}")
        hub.db.close()
        post.db.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
