"""The large, deterministic benchmark dataset: one post with a season's worth of data.

100,000 households and 1,000,000 events over 30 days at one post (GR-0014), plus a hub
(GR-9000) that knows the post (paired and approved) but holds none of its events yet.

The events have the shapes the services write (intake, visits, supplies, needs), but are made
in bulk: generated in Python, inserted with ``sqlite3.executemany`` into the post's event log,
then projected once with :func:`noodpost.storage.projection.rebuild`. Going through the services
one event at a time would take hours.

The result is cached under ``benchmarks/data/<DATASET_VERSION>/`` and reused while present:

- ``post/``     the post's data folder (database and keys)
- ``hub/``      the hub's data folder, fresh: the template every import run copies
- ``meta.json`` counts, the volunteer's id and PIN, the moment "now" of the measurements
"""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from noodpost.core import cards
from noodpost.core.clock import FixedClock, iso
from noodpost.core.entities import SPECS, Kind
from noodpost.core.events import EVENT_SCHEMA_VERSION, canonical_json, data_hash
from noodpost.core.hlc import pack

#: Bump when the generator changes: a cached dataset of another version is rebuilt.
DATASET_VERSION = "v2"  # v2: events carry their audience (DESIGN §3.8)
DATA = Path(__file__).with_name("data")
HOUSEHOLDS = 100_000
EVENTS = 1_000_000
POST_CODE = "GR-0014"
HUB_CODE = "GR-9000"
SEED = 20261128
#: The first day of the season, and the moment the measurements happen (the last day).
START = datetime(2026, 10, 30, 7, 0, tzinfo=UTC)
NOW = datetime(2026, 11, 28, 19, 30, tzinfo=UTC)
VOLUNTEER = ("Anna Benchmark", "4711")


@dataclass(frozen=True)
class Dataset:
    root: Path
    post_dir: Path
    hub_dir: Path
    meta: dict[str, Any]

    @property
    def card_codes(self) -> list[str]:
        return list(self.meta["sample_codes"])


def dataset_dir() -> Path:
    return DATA / DATASET_VERSION


def load_or_build(log: Any = print) -> Dataset:
    root = dataset_dir()
    meta_path = root / "meta.json"
    if meta_path.exists():
        meta = json.loads(meta_path.read_text())
        return Dataset(root, root / "post", root / "hub", meta)
    if root.exists():
        shutil.rmtree(root)  # a half-built dataset from an interrupted run
    return build(root, log)


# ---------------------------------------------------------------- building


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def build(root: Path, log: Any = print) -> Dataset:  # noqa: PLR0915
    """Create both nodes, introduce the post to the hub, then add the bulk events to the post."""
    from noodpost.config import catalogue_path  # noqa: PLC0415
    from noodpost.core.catalogue import parse_catalogue  # noqa: PLC0415
    from noodpost.services.base import ServiceContext  # noqa: PLC0415
    from noodpost.services.setup import initialise  # noqa: PLC0415
    from noodpost.services.volunteers import VolunteersService  # noqa: PLC0415
    from noodpost.storage.engine import open_database  # noqa: PLC0415
    from noodpost.storage.node import database_path  # noqa: PLC0415
    from noodpost.sync.keys import create_keys  # noqa: PLC0415
    from noodpost.sync.service import SyncService  # noqa: PLC0415

    started = time.perf_counter()
    building = root  # built in place (a moved database starts a new incarnation); meta.json last
    building.mkdir(parents=True)
    clock = FixedClock(START)
    version, items = parse_catalogue(catalogue_path().read_text(encoding="utf-8"))
    sites = {}
    for role, code, folder in (("hub", HUB_CODE, "hub"), ("post", POST_CODE, "post")):
        data_dir = building / folder
        data_dir.mkdir()
        db = open_database(database_path(data_dir))
        initialise(
            db,
            clock,
            role=role,
            name=f"Punt {code}",
            code=code,
            catalogue=items,
            catalogue_version=version,
        )
        create_keys(db, data_dir)
        sites[role] = (db, SyncService(db, clock, data_dir), data_dir)
    hub_db, hub_sync, _ = sites["hub"]
    post_db, post_sync, post_dir = sites["post"]
    pairing = building / "koppeling.json"
    hub_sync.export_pairing(pairing)
    post_sync.import_pairing(pairing)
    volunteers = VolunteersService(ServiceContext(post_db, clock))
    volunteer = volunteers.add_volunteer(VOLUNTEER[0], "coordinator", VOLUNTEER[1])
    stick = building / "stick"
    stick.mkdir()
    post_sync.export_usb(stick)
    hub_sync.import_usb(stick)
    hub_sync.approve_post(POST_CODE, post_sync.fingerprint)
    shutil.rmtree(stick)
    pairing.unlink()
    hub_db.close()

    with post_db.read() as session:
        from sqlalchemy import select  # noqa: PLC0415

        from noodpost.storage.models import Node, SupplyItem  # noqa: PLC0415

        node = session.scalars(select(Node)).one()
        origin, incarnation, first_seq, last_hlc = (
            node.node_id,
            node.incarnation,
            node.next_seq,
            node.hlc,
        )
        item_ids = [i for (i,) in session.execute(select(SupplyItem.id).order_by(SupplyItem.code))]
    post_db.close()
    log(f"  nodes set up in {time.perf_counter() - started:.1f} s; generating events …")

    generator = _Generator(origin, incarnation, first_seq, last_hlc, item_ids, volunteer.id)
    path = database_path(post_dir)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")  # building a dataset, not a real post
    conn.execute("PRAGMA cache_size=-262144")
    conn.execute("BEGIN")
    events_sql = (
        "INSERT INTO event (origin, incarnation, seq, hlc, entity, entity_id, op, data, "
        "data_hash, schema_version, author, audience, secret) "
        f"VALUES (?,?,?,?,?,?,?,?,?,?,?,'{POST_CODE}',0)"  # all the post's own, none secret
    )
    changes_sql = (
        "INSERT INTO status_change (origin, incarnation, seq, entity, entity_id, status, hlc, "
        "author, note) VALUES (?,?,?,?,?,?,?,?,?)"
    )
    total = 0
    for rows, changes in generator.batches(50_000):
        conn.executemany(events_sql, rows)
        conn.executemany(changes_sql, changes)
        total += len(rows)
    conn.execute(
        "UPDATE node SET next_seq = ?, hlc = ?", (generator.seq, max(generator.hlc, last_hlc))
    )
    conn.execute("COMMIT")
    conn.close()
    log(f"  {total} events inserted in {time.perf_counter() - started:.1f} s; projecting …")

    db = open_database(path)
    with db.write() as session:
        from noodpost.storage.projection import rebuild  # noqa: PLC0415

        rebuild(session)
    with db.engine.connect() as conn2:
        conn2.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    log(f"  projected in {time.perf_counter() - started:.1f} s")

    meta = {
        "version": DATASET_VERSION,
        "households": HOUSEHOLDS,
        "events": total + first_seq - 1,
        "bulk_events": total,
        "origin": origin,
        "volunteer_id": volunteer.id,
        "volunteer_pin": VOLUNTEER[1],
        "now": iso(NOW),
        "sample_codes": generator.sample_codes(1000),
        "build_s": round(time.perf_counter() - started, 1),
    }
    (building / "meta.json").write_text(json.dumps(meta, indent=1))
    return Dataset(root, root / "post", root / "hub", meta)


class _Generator:
    """Deterministic events in the shapes the services write."""

    def __init__(
        self,
        origin: str,
        incarnation: str,
        first_seq: int,
        last_hlc: int,
        item_ids: list[str],
        author: str,
    ) -> None:
        self.rng = random.Random(SEED)
        self.origin = origin
        self.incarnation = incarnation
        self.seq = first_seq
        self.hlc = last_hlc
        self.item_ids = item_ids
        self.author = author
        self.households: list[tuple[str, str, int]] = []  # id, card code, size
        self.codes: set[str] = set()

    def sample_codes(self, n: int) -> list[str]:
        pick = random.Random(SEED + 1)
        return [code for _id, code, _size in pick.sample(self.households, n)]

    def _event(
        self, moment_ms: int, entity: str, entity_id: str, op: str, data: dict[str, Any]
    ) -> tuple[tuple[Any, ...], tuple[Any, ...] | None]:
        hlc = pack(moment_ms, 0)
        self.hlc = hlc if hlc > self.hlc else self.hlc + 1
        text = canonical_json(data)
        seq = self.seq
        self.seq += 1
        row = (
            self.origin,
            self.incarnation,
            seq,
            self.hlc,
            entity,
            entity_id,
            op,
            text,
            data_hash(text),
            EVENT_SCHEMA_VERSION,
            self.author,
        )
        change = None
        spec = SPECS[entity]
        if spec.kind is Kind.LIFECYCLE and op in ("create", "status"):
            change = (
                self.origin,
                self.incarnation,
                seq,
                entity,
                entity_id,
                data.get("status") or spec.initial,
                self.hlc,
                self.author,
                data.get("status_note"),
            )
        return row, change

    def _script(self) -> Iterator[tuple[int, str, str, str, dict[str, Any]]]:  # noqa: PLR0915
        """(moment ms, entity, id, op, data) in time order, day after day."""
        rng = self.rng
        days = 30
        per_day_households = HOUSEHOLDS // days
        # Per day: registrations, then a stream of visits with hand-outs.
        # Budget: 100k households + 30k persons + 2 × 195k visit events + 420k hand-outs
        # + 40k needs/status + 20k stock deliveries = 1,000,000.
        visits_per_day = 195_000 // days
        hand_outs_per_day = 420_000 // days
        needs_per_day = 26_666 // days
        deliveries_per_day = 20_000 // days
        persons_per_day = 30_000 // days
        open_needs: list[str] = []
        for day in range(days):
            base = START + timedelta(days=day)
            t0 = int(base.timestamp() * 1000)
            span = 12 * 3600 * 1000  # 07:00–19:00 UTC
            script: list[tuple[int, str, str, str, dict[str, Any]]] = []

            def at(ms: int) -> str:
                return datetime.fromtimestamp(ms / 1000, tz=UTC).isoformat(timespec="milliseconds")

            new = per_day_households if day < days - 1 else HOUSEHOLDS - len(self.households)
            for _ in range(new):
                moment = t0 + rng.randrange(span)
                household_id = _uuid(rng)
                code = cards.new_card_code(rng)  # type: ignore[arg-type]
                while code in self.codes:
                    code = cards.new_card_code(rng)  # type: ignore[arg-type]
                self.codes.add(code)
                size = rng.choice((1, 1, 2, 2, 2, 3, 3, 4, 4, 5, 6))
                flags = ["medication"] if rng.random() < 0.08 else []
                today = at(moment)[:10]
                data = {
                    "post_code": POST_CODE,
                    "card_code": code,
                    "size": size,
                    "name": f"Fam. {rng.choice(_NAMES)}" if rng.random() < 0.7 else None,
                    "birth_year": rng.randrange(1935, 2006) if rng.random() < 0.6 else None,
                    "postcode": f"97{rng.randrange(10, 99)}{rng.choice('ABCDEHKL')}"
                    f"{rng.choice('ABCDEHKL')}"
                    if rng.random() < 0.5
                    else None,
                    "language": None,
                    "flags": flags,
                    "consents": {f: today for f in flags},
                    "registered_at": at(moment),
                }
                self.households.append((household_id, code, size))
                script.append((moment, "household", household_id, "create", data))
            for _ in range(persons_per_day):
                household_id, _code, _size = rng.choice(self.households)
                moment = t0 + rng.randrange(span)
                script.append(
                    (
                        moment,
                        "person",
                        _uuid(rng),
                        "create",
                        {
                            "household_id": household_id,
                            "name": None,
                            "birth_year": rng.randrange(1935, 2026),
                        },
                    )
                )
            for _ in range(visits_per_day):
                household_id, _code, size = rng.choice(self.households)
                moment = t0 + rng.randrange(span - 3600_000)
                visit_id = _uuid(rng)
                script.append(
                    (
                        moment,
                        "visit",
                        visit_id,
                        "create",
                        {
                            "post_code": POST_CODE,
                            "household_id": household_id,
                            "persons": size,
                            "checked_in_at": at(moment),
                        },
                    )
                )
                out = moment + rng.randrange(600_000, 3600_000)
                script.append(
                    (
                        out,
                        "visit",
                        visit_id,
                        "status",
                        {"status": "left", "checked_out_at": at(out), "_base": pack(moment, 0)},
                    )
                )
            for _ in range(hand_outs_per_day):
                household_id, _code, size = rng.choice(self.households)
                moment = t0 + rng.randrange(span)
                script.append(
                    (
                        moment,
                        "distribution",
                        _uuid(rng),
                        "create",
                        {
                            "post_code": POST_CODE,
                            "household_id": household_id,
                            "item_id": rng.choice(self.item_ids[:6]),
                            "quantity": float(rng.choice((1, 1, 2, 3, 6))),
                            "override_reason": None,
                            "at": at(moment),
                        },
                    )
                )
            for _ in range(needs_per_day):
                household_id, _code, _size = rng.choice(self.households)
                moment = t0 + rng.randrange(span)
                need_id = _uuid(rng)
                script.append(
                    (
                        moment,
                        "need",
                        need_id,
                        "create",
                        {
                            "post_code": POST_CODE,
                            "household_id": household_id,
                            "category": rng.choice(("food_water", "medical", "hygiene", "power")),
                            "urgency": rng.choice(("high", "normal", "normal")),
                            "note": None,
                            "opened_at": at(moment),
                        },
                    )
                )
                if rng.random() < 0.5:
                    open_needs.append(need_id)
                else:
                    script.append(
                        (
                            moment + 1800_000,
                            "need",
                            need_id,
                            "status",
                            {"status": "done", "_base": pack(moment, 0)},
                        )
                    )
            for _ in range(deliveries_per_day):
                moment = t0 + rng.randrange(span)
                script.append(
                    (
                        moment,
                        "stock_movement",
                        _uuid(rng),
                        "create",
                        {
                            "post_code": POST_CODE,
                            "item_id": rng.choice(self.item_ids),
                            "quantity": float(rng.choice((10, 20, 50, 100))),
                            "kind": "delivery",
                            "reason": None,
                            "at": at(moment),
                        },
                    )
                )
            script.sort(key=lambda s: s[0])
            yield from script

    def batches(self, size: int) -> Iterator[tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]]:
        rows: list[tuple[Any, ...]] = []
        changes: list[tuple[Any, ...]] = []
        for moment, entity, entity_id, op, data in self._script():
            row, change = self._event(moment, entity, entity_id, op, data)
            rows.append(row)
            if change is not None:
                changes.append(change)
            if len(rows) >= size:
                yield rows, changes
                rows, changes = [], []
        if rows:
            yield rows, changes


_NAMES = (
    "De Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "De Boer",
    "Mulder",
    "De Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "Van Dijk",
    "Dijkstra",
    "Postma",
    "Hoekstra",
    "Kuipers",
    "Veenstra",
    "Van der Meer",
)
