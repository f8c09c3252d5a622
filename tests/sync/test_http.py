"""The network transport: real HTTP on 127.0.0.1 between a hub endpoint and posts."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sitekit import HUB_CODE, Site, SiteFactory, craft, raise_alarm
from sqlalchemy import select

from noodpost import __version__
from noodpost.core.errors import Refused, UserError
from noodpost.hub.server import HubServer, make_app, serve
from noodpost.services.alarms import AlarmsService
from noodpost.storage.models import Alarm, Household
from noodpost.sync.bundle import FORMAT_VERSION, MAX_BUNDLE_BYTES
from noodpost.sync.http import (
    BUNDLES_PATH,
    HEALTH_PATH,
    HubUnreachable,
    NoRoute,
    offline_message,
    push_if_reachable,
    sync_now,
)

Serve = Callable[..., str]


@pytest.fixture
def serve_hub() -> Iterator[Serve]:
    """``serve_hub(site)`` runs that hub's endpoint on a free port and returns its address."""
    running: list[HubServer] = []

    def start(site: Site, max_bytes: int = MAX_BUNDLE_BYTES) -> str:
        server = HubServer(make_app(site.sync, max_bytes=max_bytes), port=0)
        server.start()
        running.append(server)
        return server.url

    yield start
    for server in running:
        server.stop()


@pytest.fixture
def hub_url(hub: Site, serve_hub: Serve) -> str:
    return serve_hub(hub)


def _post(url: str, data: bytes) -> tuple[int, dict[str, object]]:
    request = urllib.request.Request(url + BUNDLES_PATH, data=data, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, {}
    except urllib.error.HTTPError as answer:
        with answer:
            return answer.code, json.loads(answer.read())


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def _approved(hub: Site, post: Site, url: str) -> None:
    """The post's first network sync waits in quarantine; the hub approves it."""
    assert sync_now(post.sync, url).waiting
    hub.sync.approve_post(post.ctx.node.post_code, post.sync.fingerprint)


def test_health_says_noodpost_hub_and_nothing_that_names_it(hub: Site, hub_url: str) -> None:
    with urllib.request.urlopen(hub_url + HEALTH_PATH, timeout=5) as response:
        raw = response.read()
        server = response.headers.get("Server")
    assert json.loads(raw) == {"service": "noodpost-hub", "format": FORMAT_VERSION}
    for secret in (hub.node_id, HUB_CODE, hub.ctx.node.name, __version__):
        assert secret.encode() not in raw
    assert server is None


def test_a_hub_and_three_posts_converge_over_http(
    hub: Site,
    post_a: Site,
    post_b: Site,
    make_site: SiteFactory,
    pairing_file: Path,
    hub_url: str,
) -> None:
    post_c = make_site("c", code="GR-0016", name="Kerk Thesinge")
    post_c.sync.import_pairing(pairing_file)
    posts = (post_a, post_b, post_c)
    for post in posts:
        _approved(hub, post, hub_url)
    post_a.intake.register(size=3, name="Grietje Bos", birth_year=1948)
    alarm = raise_alarm(post_a)
    post_b.intake.register(size=5, name="Familie Mulder")
    post_c.intake.register(size=1, name="Harm Oosting")

    first = sync_now(post_a.sync, hub_url)
    assert not first.waiting
    assert first.hub_applied > 0
    assert "Gesynchroniseerd met C-NSP Groningen (GR-9000): " in first.summary
    AlarmsService(hub.ctx).acknowledge(alarm, "Operator Noord")
    received = sync_now(post_b.sync, hub_url)
    assert received.received is not None
    assert not {"household", "alarm"} & received.changed  # A's never reach B
    for post in (post_c, post_a, post_b):  # each post hears the hub, never another post
        sync_now(post.sync, hub_url)

    # What the hub and each post may both hold is the same, row by row (DESIGN §3.8).
    for post in posts:
        code = post.ctx.node.post_code
        assert post.shared_digest(code) == hub.shared_digest(code)
        assert post.origins() == {post.node_id, hub.node_id}
    with post_b.db.read() as session:
        assert set(session.scalars(select(Household.name))) == {"Familie Mulder"}
        assert session.scalar(select(Alarm.status).where(Alarm.id == alarm)) is None
    with post_a.db.read() as session:
        assert session.scalar(select(Alarm.status).where(Alarm.id == alarm)) == "acknowledged"
    with hub.db.read() as session:
        assert set(session.scalars(select(Household.name))) == {
            "Grietje Bos",
            "Familie Mulder",
            "Harm Oosting",
        }
    # One more round tells the hub what the posts now hold; nothing is left to carry.
    last = [sync_now(post.sync, hub_url) for post in posts]
    assert [(r.sent, r.received.events if r.received else None) for r in last] == [(0, 0)] * 3
    assert [p.unacknowledged for p in hub.sync.list_peers().peers] == [0, 0, 0]


def test_an_unknown_post_waits_for_approval_then_syncs(
    hub: Site, post_a: Site, hub_url: str
) -> None:
    post_a.intake.register(size=2)
    post_before, hub_events = post_a.snapshot(), hub.events()

    waiting = sync_now(post_a.sync, hub_url)
    assert waiting.waiting
    assert waiting.received is None
    assert "wacht op goedkeuring" in waiting.summary
    assert post_a.sync.fingerprint in waiting.summary
    assert post_a.snapshot() == post_before  # nothing came back: the post keeps its data
    assert hub.events() == hub_events  # kept whole in quarantine, not applied
    (peer,) = hub.sync.list_peers().peers
    assert (peer.approved, peer.pending_bundles, peer.last_channel) == (False, 1, "network")
    assert not push_if_reachable(post_a.sync, hub_url)  # still waiting: not delivered

    approval = hub.sync.approve_post("GR-0014", post_a.sync.fingerprint)
    assert approval.applied > 0
    assert hub.digest(["household"]) == post_a.digest(["household"])

    after = sync_now(post_a.sync, hub_url)
    assert not after.waiting
    assert after.received is not None
    assert after.received.applied > 0  # the hub's own events (its catalogue)
    assert post_a.shared_digest("GR-0014") == hub.shared_digest("GR-0014")


def test_syncing_twice_changes_nothing(hub: Site, post_a: Site, hub_url: str) -> None:
    _approved(hub, post_a, hub_url)
    post_a.intake.register(size=4, name="Familie de Vries")
    sync_now(post_a.sync, hub_url)
    before = [(s.events(), s.digest()) for s in (hub, post_a)]

    again = sync_now(post_a.sync, hub_url)
    assert again.sent == 0  # the hub's answer acknowledged everything
    assert again.received is not None
    assert (again.received.events, again.received.applied) == (0, 0)
    assert [(s.events(), s.digest()) for s in (hub, post_a)] == before


def test_offline_is_a_calm_message_and_changes_nothing(
    hub: Site, post_a: Site, serve_hub: Serve
) -> None:
    post_a.intake.register(size=1)
    before = post_a.snapshot()
    nowhere = f"http://127.0.0.1:{_free_port()}"

    with pytest.raises(HubUnreachable) as offline:
        sync_now(post_a.sync, nowhere)
    assert offline.value.message == offline_message()
    assert "niet bereikbaar" in str(offline.value)
    assert not push_if_reachable(post_a.sync, nowhere, timeout=0.5)
    assert post_a.snapshot() == before

    # Without --url the addresses from the pairing file are tried in order.
    hub_url = serve_hub(hub)
    pairing = hub.data_dir / "koppeling-netwerk.json"
    hub.sync.export_pairing(pairing, [nowhere, hub_url])
    post_a.sync.import_pairing(pairing)
    result = sync_now(post_a.sync)
    assert (result.url, result.waiting) == (hub_url, True)


def test_a_post_without_a_route_is_told_what_to_do(
    make_site: SiteFactory, hub: Site, hub_url: str
) -> None:
    lonely = make_site("c", code="GR-0016")
    with pytest.raises(NoRoute, match="nog niet gekoppeld"):
        sync_now(lonely.sync, hub_url)
    assert not push_if_reachable(lonely.sync)
    with pytest.raises(Refused, match="Dit is een C-NSP"):
        sync_now(hub.sync, hub_url)
    with pytest.raises(UserError, match="klopt niet"):
        sync_now(lonely.sync, "ftp://10.0.0.5")


def test_a_damaged_body_is_refused_and_the_hub_is_untouched(
    hub: Site, post_a: Site, hub_url: str
) -> None:
    before = hub.snapshot()
    status, answer = _post(hub_url, b"geen bundel")
    assert status == 400
    assert "beschadigd of onvolledig" in str(answer["message"])

    bundle = post_a.sync.build_bundle(post_a.sync.list_peers().peers[0].node_id).data
    for damaged in (bundle[:-10], bundle[:200] + bytes([bundle[200] ^ 1]) + bundle[201:]):
        status, answer = _post(hub_url, damaged)
        assert status == 400
        assert "beschadigd" in str(answer["message"])
    assert hub.snapshot() == before


def test_training_and_real_never_mix_over_http(
    make_site: SiteFactory, hub: Site, hub_url: str, tmp_path: Path
) -> None:
    training_hub = make_site("oefenhub", role="hub", code="GR-9001", training=True)
    training_post = make_site("oefenpost", code="GR-0017", training=True)
    pairing = tmp_path / "oefenkoppeling.json"
    training_hub.sync.export_pairing(pairing)
    training_post.sync.import_pairing(pairing)
    hub_before, post_before = hub.snapshot(), training_post.snapshot()

    # Through the client: the wrong address for a training post. Its bundle is sealed to its
    # own (training) hub, so this hub cannot read which mode it is in: only that it is not
    # for this hub.
    with pytest.raises(Refused, match=r"niet voor deze C-NSP gemaakt.*Controleer het adres"):
        sync_now(training_post.sync, hub_url)
    # The raw answer to a training bundle sealed to this hub: 409, words that name nobody.
    status, answer = _post(hub_url, craft(training_post, hub))
    assert status == 409
    assert "nooit gemengd" in str(answer["message"])
    assert (hub.snapshot(), training_post.snapshot()) == (hub_before, post_before)


def test_a_bundle_for_another_hub_is_refused(
    make_site: SiteFactory, hub: Site, post_a: Site, hub_url: str, serve_hub: Serve
) -> None:
    other_hub = make_site("hub2", role="hub", code="GR-9002")
    before = hub.snapshot()
    status, answer = _post(hub_url, craft(post_a, other_hub))
    assert status == 403
    assert "niet voor deze C-NSP gemaakt" in str(answer["message"])
    with pytest.raises(Refused, match="weigert de bundel"):
        sync_now(post_a.sync, serve_hub(other_hub))
    assert hub.snapshot() == before


def test_a_too_large_bundle_is_refused(hub: Site, post_a: Site, serve_hub: Serve) -> None:
    small = serve_hub(hub, max_bytes=1000)
    before = hub.snapshot()
    status, answer = _post(small, bytes(5000))
    assert status == 413
    assert "te groot" in str(answer["message"])
    with pytest.raises(Refused, match="USB-stick"):
        sync_now(post_a.sync, small)
    assert hub.snapshot() == before


def test_unknown_paths_answer_in_dutch(hub_url: str) -> None:
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(hub_url + "/v2/iets", timeout=5)
    with missing.value as answer:
        assert answer.code == 404
        assert "kent de C-NSP niet" in json.loads(answer.read())["message"]


def test_push_if_reachable_delivers_an_alarm(hub: Site, post_a: Site, hub_url: str) -> None:
    _approved(hub, post_a, hub_url)
    alarm = raise_alarm(post_a)
    assert push_if_reachable(post_a.sync, hub_url)
    with hub.db.read() as session:
        assert session.get(Alarm, alarm) is not None


def test_only_a_hub_serves(post_a: Site, hub: Site) -> None:
    with pytest.raises(Refused, match="alleen een C-NSP"):
        make_app(post_a.sync)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        with pytest.raises(UserError, match="al in gebruik"):
            serve(hub.data_dir, "127.0.0.1", busy.getsockname()[1])
    with pytest.raises(UserError, match="geen C-NSP ingericht"):
        serve(hub.data_dir / "leeg", "127.0.0.1", 0)


@pytest.mark.skipif(os.name == "nt", reason="SIGINT to a child process is POSIX")
def test_hub_serve_stops_cleanly_on_ctrl_c(hub: Site, post_a: Site) -> None:
    port = _free_port()
    code = (
        "import sys; from pathlib import Path; from noodpost.hub.server import serve; "
        "serve(Path(sys.argv[1]), '127.0.0.1', int(sys.argv[2]))"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code, str(hub.data_dir), str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 20
        while True:
            try:
                sync_now(post_a.sync, url, timeout=1)
                break
            except HubUnreachable:
                assert child.poll() is None, child.stderr.read() if child.stderr else ""
                assert time.monotonic() < deadline
                time.sleep(0.05)
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=20)
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()
    assert child.returncode == 0, err
    assert "Traceback" not in err
    assert f"ontvangt bundels op http://127.0.0.1:{port}" in out
    assert "wacht op goedkeuring" in out  # the console line for the post's bundle
    assert "Gestopt" in out
