"""Benchmark (not a test): ``sync now`` over real HTTP on 127.0.0.1.

Run: ``.venv/bin/python tests/sync/bench_http.py [EVENTS]`` — prints timings, asserts nothing.
Measures a small sync (one household), an empty sync, and one bundle of about EVENTS events.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sitekit import HUB_CODE, build_site

from noodpost.core import cards
from noodpost.core.clock import FixedClock
from noodpost.core.entities import Op
from noodpost.core.ids import new_id
from noodpost.hub.server import HubServer, make_app
from noodpost.sync.http import sync_now


def main(total: int) -> None:
    clock = FixedClock(datetime(2026, 11, 28, 9, 0, tzinfo=UTC))
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        hub = build_site(base / "hub", clock, role="hub", code=HUB_CODE)
        post = build_site(base / "post", clock)
        pairing = base / "koppeling.json"
        hub.sync.export_pairing(pairing)
        post.sync.import_pairing(pairing)
        with HubServer(make_app(hub.sync), port=0) as server:
            sync_now(post.sync, server.url)  # waits for approval
            hub.sync.approve_post(post.ctx.node.post_code, post.sync.fingerprint)
            sync_now(post.sync, server.url)

            small = []
            for _ in range(20):
                post.intake.register(size=2)
                small.append(sync_now(post.sync, server.url).seconds)
            empty = [sync_now(post.sync, server.url).seconds for _ in range(20)]

            with post.ctx.write() as uow:
                for n in range(total):
                    uow.emit(
                        "household",
                        new_id(),
                        Op.CREATE,
                        {
                            "post_code": "GR-0014",
                            "card_code": cards.new_card_code(),
                            "size": 1 + n % 6,
                            "name": f"Huishouden {n}",
                        },
                    )
            started = time.perf_counter()
            large = sync_now(post.sync, server.url)
            large_s = time.perf_counter() - started

        print(f"small sync (1 household): median {statistics.median(small) * 1000:.1f} ms")
        print(f"empty sync:               median {statistics.median(empty) * 1000:.1f} ms")
        print(f"{large.sent} events:      {large_s:.2f} s — {large.summary}")
        hub.db.close()
        post.db.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
