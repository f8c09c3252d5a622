"""Hostile bytes on the way in (issue 20): each attack as an attacker could really make it.

The importing node runs as a real ``noodpost`` process; its peak memory is its own ``VmHWM``
from ``/proc`` (:mod:`tests.sync.peak_run`), never guessed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zlib
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sitekit import HUB_CODE, Site, SiteFactory, craft, party, publish_bulletin
from sqlalchemy import func, select

from noodpost.core.clock import FixedClock
from noodpost.core.events import EVENT_SCHEMA_VERSION
from noodpost.core.ids import new_id
from noodpost.storage.models import Event, Peer, PendingBundle, Quarantine
from noodpost.sync import bundle as fmt
from noodpost.sync import exchange
from noodpost.sync.exchange import ImportOutcome

#: What a ``noodpost sync import`` may take, at most, whatever it is given (issue 20).
PEAK_LIMIT_MB = 300
#: The bomb: plaintext behind a payload of a few hundred kilobytes.
BOMB_PLAINTEXT_MB = 200
PEAK_RUN = Path(__file__).with_name("peak_run.py")


def _run(data_dir: Path, *args: str | Path) -> tuple[int, str, str, float]:
    """Run the real command line: its exit code, output, errors and peak memory in MB."""
    env = {**os.environ, "NOODPOST_LOG_DIR": str(data_dir.parent / "logs")}
    peak = data_dir.parent / f"peak-{new_id()}.txt"
    done = subprocess.run(
        [sys.executable, str(PEAK_RUN), str(peak), "--data-dir", str(data_dir), *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    return done.returncode, done.stdout, done.stderr, int(peak.read_text()) / 1024


def _bomb_events(origin: str, incarnation: str) -> list[dict[str, Any]]:
    """Events whose data text is megabytes of one letter: ~1,000:1 under zlib."""
    text = "A" * (1 << 20)
    return [
        {
            "o": origin,
            "i": incarnation,
            "s": seq,
            "h": seq << 16,
            "e": "logbook",
            "id": new_id(),
            "op": "create",
            "d": text,
            "v": 2,
            "a": None,
        }
        for seq in range(1, BOMB_PLAINTEXT_MB + 1)
    ]


def _state(site: Site) -> tuple[int, int, int, int]:
    with site.db.read() as session:
        return (
            session.scalar(select(func.count()).select_from(Event)) or 0,
            session.scalar(select(func.count()).select_from(Quarantine)) or 0,
            session.scalar(select(func.count()).select_from(PendingBundle)) or 0,
            session.scalar(select(func.count()).select_from(Peer)) or 0,
        )


@pytest.fixture
def stranger(make_site: SiteFactory) -> Site:
    """A laptop anybody could set up: its own keys, never approved anywhere."""
    return make_site("stranger", code="GR-0666")


def test_a_bomb_from_a_stranger_is_kept_unopened_at_the_hub(
    hub: Site, stranger: Site, tmp_path: Path
) -> None:
    node = party(stranger)
    data = craft(stranger, hub, events=_bomb_events(node.node_id, node.incarnation))
    assert len(data) < 1 << 20  # a small file ...
    bomb = tmp_path / "bomb.npb"
    bomb.write_bytes(data)
    events, quarantined, pending, peers = _state(hub)

    code, out, err, peak_mb = _run(hub.data_dir, "sync", "import", bomb)

    print(f"hub peak {peak_mb:.0f} MB for a {len(data)} byte bomb")
    assert code == 0, err
    assert "wacht op goedkeuring: GR-0666" in out
    assert peak_mb < PEAK_LIMIT_MB, f"the hub took {peak_mb:.0f} MB for a {len(data)} byte file"
    # Kept as the bytes received, for the operator to approve or not; nothing unpacked.
    assert _state(hub) == (events, quarantined, pending + 1, peers + 1)
    with hub.db.read() as session:
        kept = session.scalars(select(PendingBundle)).one()
        assert kept.raw == data


def test_a_bomb_from_a_stranger_is_refused_unopened_at_a_post(
    post_a: Site, stranger: Site, tmp_path: Path
) -> None:
    node = party(stranger)
    bomb = tmp_path / "bomb.npb"
    bomb.write_bytes(craft(stranger, post_a, events=_bomb_events(node.node_id, node.incarnation)))
    before = _state(post_a)

    code, _out, err, peak_mb = _run(post_a.data_dir, "sync", "import", bomb)

    print(f"post peak {peak_mb:.0f} MB")
    assert code == 1
    assert "niet gekoppeld" in err
    assert len(err.strip().splitlines()) == 1
    assert peak_mb < PEAK_LIMIT_MB, f"the post took {peak_mb:.0f} MB"
    assert _state(post_a) == before


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", "Buurthuis\x1b[2J\x1b[H"),  # clears a console
        ("name", "Ten Boer\nGR-0015  goedgekeurd"),  # a fake line in `posts list`
        ("name", "Ten Boer\u202egnuekruteog"),  # text that runs right to left
        ("post_code", "../../x"),
        ("post_code", "GR-\uff10\uff10\uff11\uff14"),  # full-width digits
        ("post_code", "GR-0014\n"),
        ("incarnation", "../../etc"),
    ],
)
def test_header_text_that_could_fool_an_operator_is_refused(
    hub: Site, stranger: Site, tmp_path: Path, field: str, value: str
) -> None:
    forged = replace(party(stranger), **{field: value})
    crafted = tmp_path / "header.npb"
    crafted.write_bytes(craft(stranger, hub, sender=forged))
    before = _state(hub)

    code, out, err, _peak = _run(hub.data_dir, "sync", "import", crafted)

    assert code == 1
    assert len(err.strip().splitlines()) == 1
    assert "beschadigd" in err or "kop" in err, err
    assert "\x1b" not in out + err
    assert "goedgekeurd" not in out + err
    assert _state(hub) == before
    code, listing, _err, _peak = _run(hub.data_dir, "posts", "list")
    assert code == 0
    assert "GR-0666" not in listing


def test_the_set_up_refuses_codes_in_other_digits_and_names_with_control_characters(
    tmp_path: Path,
) -> None:
    for code in ("GR-\uff10\uff10\uff11\uff14", "GR-\u0660\u0660\u0661\u0664"):
        folder = tmp_path / f"post-{new_id()}"
        status, _out, err, _peak = _run(
            folder, "init", "--role", "post", "--name", "Ten Boer", "--code", code
        )
        assert status == 1, err
        assert "twee letters, een streepje en vier cijfers" in err
        assert len(err.strip().splitlines()) == 1
    folder = tmp_path / "post-name"
    status, _out, err, _peak = _run(
        folder, "init", "--role", "post", "--name", "Ten\x1b[2JBoer", "--code", "GR-0014"
    )
    assert status == 1
    assert "niet te tonen" in err


def test_a_stick_never_leads_out_of_itself_nor_into_an_endless_file(
    hub: Site, post_a: Site, paired: tuple[Site, Site], stick: Path, tmp_path: Path
) -> None:
    """A link on the stick to a file elsewhere is not read, a huge file is not read whole, and
    a good bundle after both is still imported."""
    hub.sync.export_usb(stick)
    inbox = stick / "NOODPOST" / "GR-0014" / "inbox"
    (first,) = inbox.glob("*.npb")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.move(first, elsewhere / "secret.npb")  # a real bundle this post would take
    bulletin = publish_bulletin(hub, "Water bij de kerk")
    hub.sync.export_usb(stick)
    (good,) = inbox.glob("*.npb")
    (inbox / "0000-link.npb").symlink_to(elsewhere / "secret.npb")
    huge = inbox / "0002-huge.npb"
    with huge.open("wb") as file:
        file.truncate(4 << 30)  # 4 GB, sparse: costs no disk
    assert sorted(p.name for p in inbox.iterdir())[-1] == good.name

    code, out, err, peak_mb = _run(post_a.data_dir, "sync", "import", stick)

    print(f"post peak {peak_mb:.0f} MB reading a stick with a 4 GB file")
    assert peak_mb < PEAK_LIMIT_MB, f"the post took {peak_mb:.0f} MB"
    assert "0000-link.npb verwijst naar een bestand buiten de gekozen map" in out + err
    assert "0002-huge.npb is te groot voor een bundel" in out + err
    with post_a.db.read() as session:
        assert session.get(Event, (hub.node_id, party(hub).incarnation, 1)) is not None
        titles = session.scalars(select(Event.data).where(Event.entity_id == bulletin)).all()
    assert any("Water bij de kerk" in text for text in titles), (code, out, err)
    assert (elsewhere / "secret.npb").exists()


def _stuffed(source: Site, target: Site, megabytes: float) -> bytes:
    """A correctly signed bundle of about ``megabytes`` that compresses to nothing less."""
    node = party(source)
    noise = os.urandom(int(megabytes * (1 << 20))).hex()  # hex: back to about half under zlib
    events = [
        {
            "o": node.node_id,
            "i": node.incarnation,
            "s": 1,
            "h": 1 << 16,
            "e": "logbook",
            "id": new_id(),
            "op": "create",
            "d": noise,
            "v": 2,
            "a": None,
        }
    ]
    return craft(source, target, events=events)


def _waiting(hub: Site) -> dict[str, int]:
    """Waiting bundles per sender code."""
    with hub.db.read() as session:
        rows = session.execute(
            select(Peer.post_code, func.count())
            .join(PendingBundle, PendingBundle.sender == Peer.node_id)
            .group_by(Peer.post_code)
        ).all()
    return {code: count for code, count in rows}


def test_a_stranger_cannot_fill_the_hubs_disk(
    make_site: SiteFactory, stranger: Site, tmp_path: Path
) -> None:
    """Three 20 MB bundles from an unknown key: none kept (each is over the room one unknown
    sender has), the sender still listed for approval, the database barely grown. On SQLite
    only: it weighs the hub's database file."""
    hub = make_site("hub", role="hub", code=HUB_CODE)
    database = hub.data_dir / "noodpost.db"
    before = database.stat().st_size
    for _ in range(3):
        outcome = hub.sync.import_bytes(_stuffed(stranger, hub, 20), channel="network")
        assert outcome.dropped == 1
        assert "verwijderd" in outcome.summary
    hub.db.truncate_wal()
    assert database.stat().st_size - before < 2 << 20
    assert _waiting(hub) == {}
    with hub.db.read() as session:
        assert session.scalars(select(Peer.post_code)).all() == ["GR-0666"]


def test_the_oldest_waiting_bundles_make_room_for_the_newest(
    hub: Site, make_site: SiteFactory, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the room lowered to 2.5 bundles per sender and 4.5 in all; a minute apart."""

    def arrive(data: bytes) -> ImportOutcome:
        clock.advance(timedelta(minutes=1))
        return hub.sync.import_bytes(data, channel="usb")

    one, two, three = (make_site(f"p{n}", code=f"GR-000{n}") for n in (1, 2, 3))
    bundles = {
        site.node_id: [_stuffed(site, hub, 1) for _ in range(3)] for site in (one, two, three)
    }
    size = max(len(data) for made in bundles.values() for data in made)
    monkeypatch.setattr(exchange, "MAX_PENDING_PER_SENDER", int(2.5 * size))
    monkeypatch.setattr(exchange, "MAX_PENDING_TOTAL", int(4.5 * size))

    dropped = [arrive(data).dropped for data in bundles[one.node_id]]
    assert dropped == [0, 0, 1]
    assert _waiting(hub) == {"GR-0001": 2}  # the newest two of one sender
    dropped = [arrive(data).dropped for data in bundles[two.node_id]]
    assert dropped == [0, 0, 1]
    assert _waiting(hub) == {"GR-0001": 2, "GR-0002": 2}
    outcome = arrive(bundles[three.node_id][0])
    assert outcome.dropped == 1  # the oldest of all, whoever sent it
    assert _waiting(hub) == {"GR-0001": 1, "GR-0002": 2, "GR-0003": 1}
    assert "1 oudere of te grote bundel " in outcome.summary


# ---------------------------------------------------------------- a bomb from a trusted post


def _declaring(
    source: Site, target: Site, plain: Iterator[bytes], *, declared: int, events: int = 1
) -> bytes:
    """A format 4 bundle from ``source`` with its real keys, whose sealed header declares
    ``declared`` bytes of plain payload, around whatever ``plain`` yields (compressed as it
    comes: the sender need never hold it whole)."""
    packer = zlib.compressobj(9)
    compressed = b"".join([*(packer.compress(part) for part in plain), packer.flush()])
    header = fmt.Header(
        format=4,
        bundle_id=new_id(),
        created_at=source.ctx.now_iso(),
        training=source.ctx.node.training,
        event_schema=EVENT_SCHEMA_VERSION,
        sender=party(source),
        recipient=target.node_id,
        recipient_code=target.ctx.node.post_code,
        ranges=(),
        event_count=events,
        compression="zlib",
        payload_length=0,
        plain_length=declared,
    )
    return fmt.seal(
        header, compressed, target.sync.keys.encryption_public_hex, source.sync.keys.signing
    )


def _one_huge_event(source: Site, megabytes: int) -> Iterator[bytes]:
    """A packed payload (format 2 rows) of one logbook event whose text is ``megabytes`` MB."""
    node = party(source)
    yield (f'{{"events":[[0,1,1,0,"logbook","{new_id()}","create","{{\\"text\\":\\"').encode()
    block = b"A" * (1 << 20)
    for _ in range(megabytes):
        yield block
    yield (
        f'\\"}}",-1,2]],"streams":[["{node.node_id}","{node.incarnation}"]],"authors":[],'
        '"vector":[],"covers":[]}'
    ).encode()


def test_a_bomb_from_an_approved_post_is_refused_at_its_declared_size(
    paired: tuple[Site, Site], tmp_path: Path
) -> None:
    """The post's real keys, approved at the hub: a 4 kB declared payload that inflates to
    200 MB is refused as damaged once 4 kB are out — the importing process stays small."""
    hub, post = paired
    data = _declaring(post, hub, _one_huge_event(post, BOMB_PLAINTEXT_MB), declared=4096)
    assert len(data) < 1 << 20  # a small file ...
    bomb = tmp_path / "bomb.npb"
    bomb.write_bytes(data)
    before = hub.snapshot()
    state = _state(hub)

    code, _out, err, peak_mb = _run(hub.data_dir, "sync", "import", bomb)

    print(f"hub peak {peak_mb:.0f} MB for a {len(data)} byte bomb from an approved post")
    assert code == 1
    assert "beschadigd of onvolledig (inhoud groter dan opgegeven)" in err
    assert len(err.strip().splitlines()) == 1
    assert peak_mb < PEAK_LIMIT_MB, f"the hub took {peak_mb:.0f} MB for a {len(data)} byte file"
    assert (hub.snapshot(), _state(hub)) == (before, state)


def test_a_declared_size_over_the_ceiling_is_refused_before_anything_inflates(
    paired: tuple[Site, Site], stranger: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    hub, post = paired
    honest = b'{"events":[],"streams":[],"authors":[],"vector":[],"covers":[]}'

    def inflate(*_args: object) -> bytes:
        raise AssertionError("inflated a payload whose declared size is over the ceiling")

    monkeypatch.setattr(fmt, "_inflate", inflate)
    before, state = hub.snapshot(), _state(hub)
    for sender in (post, stranger):  # approved, and unknown (never quarantined either)
        data = _declaring(sender, hub, iter([honest]), declared=fmt.MAX_PLAINTEXT + 1, events=0)
        with pytest.raises(fmt.BundleDamaged, match=r"opgegeven inhoud groter dan 1024 MB"):
            hub.sync.import_bytes(data, channel="usb")
    assert (hub.snapshot(), _state(hub)) == (before, state)


@pytest.mark.parametrize("wrong", [-1, +1], ids=["declares-less", "declares-more"])
def test_a_payload_that_is_not_its_declared_size_is_refused_as_damaged(
    paired: tuple[Site, Site], wrong: int
) -> None:
    hub, post = paired
    honest = b'{"events":[],"streams":[],"authors":[],"vector":[],"covers":[]}'
    data = _declaring(post, hub, iter([honest]), declared=len(honest) + wrong, events=0)
    before = hub.snapshot()
    expected = "groter dan opgegeven" if wrong < 0 else "kleiner dan opgegeven"
    with pytest.raises(fmt.BundleDamaged, match=expected):
        hub.sync.import_bytes(data, channel="usb")
    assert hub.snapshot() == before
    exact = _declaring(post, hub, iter([honest]), declared=len(honest), events=0)
    assert hub.sync.import_bytes(exact, channel="usb").status.value == "applied"
