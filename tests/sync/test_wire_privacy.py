"""What an eavesdropper learns (issue 20): the bytes of a real ``sync now`` over 127.0.0.1,
captured by a forwarding proxy between post and hub, and a replay of a captured request.

Whoever reads the network (plain HTTP) or holds a lost stick, without the keys, must find no
post or hub name, code, node id or incarnation, and no event count: only the two public keys
and lengths of format 4's clear framing (docs/bundle-format.md §1), and fixed texts.
"""

from __future__ import annotations

import contextlib
import json
import socket
import struct
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from nacl.exceptions import CryptoError
from nacl.public import PrivateKey, SealedBox
from sitekit import Site, party, raise_alarm

from noodpost.hub.server import HubServer, make_app
from noodpost.sync import bundle as fmt
from noodpost.sync.http import sync_now

#: Format 4's clear part, as the documentation states it.
CLEAR = struct.Struct(">4sH32s32sII")
#: The only HTTP headers an answer of the hub carries.
PLAIN_HEADERS = {"date", "server", "content-type", "content-length", "connection"}


@dataclass
class Exchange:
    """One TCP connection as the wire saw it."""

    request: bytearray = field(default_factory=bytearray)
    response: bytearray = field(default_factory=bytearray)


class Tap:
    """A forwarding proxy on 127.0.0.1 that keeps every byte in both directions."""

    def __init__(self, target: str) -> None:
        host, port = target.removeprefix("http://").split(":")
        self.target = (host, int(port))
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self.exchanges: list[Exchange] = []
        self._threads: list[threading.Thread] = []
        self._sockets: list[socket.socket] = []
        self._accepting = threading.Thread(target=self._accept, daemon=True)
        self._accepting.start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.target)
            self._sockets += (client, server)
            seen = Exchange()
            self.exchanges.append(seen)
            for source, sink, into in (
                (client, server, seen.request),
                (server, client, seen.response),
            ):
                pump = threading.Thread(target=_pump, args=(source, sink, into), daemon=True)
                pump.start()
                self._threads.append(pump)

    def close(self) -> None:
        """Stop listening and end every connection (what was said is all kept)."""
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        self._accepting.join(timeout=10)
        for end in self._sockets:
            with contextlib.suppress(OSError):
                end.shutdown(socket.SHUT_RDWR)
        for pump in self._threads:
            pump.join(timeout=10)
        for end in self._sockets:
            end.close()


def _pump(source: socket.socket, sink: socket.socket, into: bytearray) -> None:
    try:
        while chunk := source.recv(65536):
            into += chunk
            sink.sendall(chunk)
    except OSError:
        pass
    finally:
        for end in (sink, source):
            with contextlib.suppress(OSError):
                end.shutdown(socket.SHUT_RDWR)


@pytest.fixture
def tapped_hub(hub: Site) -> Iterator[tuple[str, Tap]]:
    server = HubServer(make_app(hub.sync), port=0)
    server.start()
    tap = Tap(server.url)
    try:
        yield server.url, tap
    finally:
        tap.close()
        server.stop()


def _identities(*sites: Site) -> list[bytes]:
    """Everything that names a node, in the forms it could take on the wire."""
    found: list[bytes] = []
    for site in sites:
        node = party(site)
        for text in (node.name, node.post_code, node.node_id, node.incarnation):
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                found.append(text.encode(encoding))
        found.append(bytes.fromhex(node.node_id.replace("-", "")))  # a UUID as 16 bytes
        found.append(bytes.fromhex(node.incarnation))
        found.append(node.post_code.encode().hex().encode())
    return found


def _split(stream: bytes) -> tuple[str, dict[str, str], bytes]:
    """An HTTP message: its first line, headers (lower-case names) and body."""
    head, _, body = stream.partition(b"\r\n\r\n")
    first, *lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return first, headers, body


def _clear_part_only(data: bytes, *, recipient: str, sender: str) -> None:
    """A format 4 bundle: in clear only magic, version, the two keys and two lengths; the rest
    sealed (not even its header opens without the recipient's key)."""
    magic, version, to_key, from_key, header_length, payload_length = CLEAR.unpack_from(data)
    assert (magic, version) == (fmt.MAGIC, 4)
    assert (to_key.hex(), from_key.hex()) == (recipient, sender)
    assert len(data) == CLEAR.size + header_length + payload_length + 64
    sealed_header = data[CLEAR.size : CLEAR.size + header_length]
    with pytest.raises(CryptoError):
        SealedBox(PrivateKey.generate()).decrypt(sealed_header)


def _assert_names_nothing(stream: bytes, secrets: list[bytes]) -> None:
    for secret in secrets:
        assert secret not in stream, secret


def test_an_eavesdropper_on_sync_now_learns_no_names_codes_or_counts(
    hub: Site, post_a: Site, tapped_hub: tuple[str, Tap]
) -> None:
    _direct, tap = tapped_hub
    post_a.intake.register(size=3, name="Grietje Bos", birth_year=1948)
    raise_alarm(post_a)

    first = sync_now(post_a.sync, tap.url)  # waits for approval: 202
    assert first.waiting
    hub.sync.approve_post("GR-0014", post_a.sync.fingerprint)  # applies what waited
    post_a.intake.register(size=2, name="Familie Mulder")
    second = sync_now(post_a.sync, tap.url)  # applied: 200 with the hub's bundle
    assert second.hub_applied > 0  # the counts arrived, sealed in the reply's header
    assert second.received is not None
    assert second.received.events > 0
    tap.close()

    secrets = _identities(hub, post_a)
    assert [len(e.request) > 0 and len(e.response) > 0 for e in tap.exchanges] == [True, True]
    statuses = []
    for seen in tap.exchanges:
        request_line, request_headers, request_body = _split(bytes(seen.request))
        status_line, headers, body = _split(bytes(seen.response))
        statuses.append(status_line.split()[1])
        _assert_names_nothing(bytes(seen.request), secrets)
        _assert_names_nothing(bytes(seen.response), secrets)
        assert request_line == "POST /v1/bundles HTTP/1.1"
        assert not any(name.startswith("x-") for name in request_headers)
        _clear_part_only(
            request_body,
            recipient=hub.sync.keys.encryption_public_hex,
            sender=post_a.sync.keys.signing_public_hex,
        )
        assert set(headers) <= PLAIN_HEADERS, headers  # no counts, no status of ours
        if headers["content-type"] == "application/json":
            message = json.loads(body)
            assert set(message) <= {"message", "status"}
            assert not any(ch.isdigit() for ch in message["message"])  # no code, no count
        else:
            _clear_part_only(
                body,
                recipient=post_a.sync.keys.encryption_public_hex,
                sender=hub.sync.keys.signing_public_hex,
            )
    assert statuses == ["202", "200"]


def test_a_replayed_request_gets_an_answer_that_names_nothing(
    hub: Site, post_a: Site, tapped_hub: tuple[str, Tap]
) -> None:
    direct, tap = tapped_hub
    assert sync_now(post_a.sync, direct).waiting
    hub.sync.approve_post("GR-0014", post_a.sync.fingerprint)
    post_a.intake.register(size=2, name="Familie Mulder")
    sync_now(post_a.sync, tap.url)
    captured = bytes(tap.exchanges[0].request)
    # Meanwhile the hub has news for the post: the answer to a replay is the current one.
    raise_alarm(post_a)
    sync_now(post_a.sync, direct)
    before = hub.snapshot()

    with socket.create_connection(("127.0.0.1", int(tap.url.rsplit(":", 1)[1]))) as attacker:
        attacker.sendall(captured)  # the old request, byte for byte
        answer = bytearray()
        attacker.settimeout(30)
        _, headers, _ = _read_answer(attacker, answer)

    status_line, headers, body = _split(bytes(answer))
    assert status_line.split()[1] == "200"  # a duplicate: nothing changes, the answer is sealed
    assert set(headers) <= PLAIN_HEADERS, headers
    _assert_names_nothing(bytes(answer), _identities(hub, post_a))
    _clear_part_only(
        body,
        recipient=post_a.sync.keys.encryption_public_hex,
        sender=hub.sync.keys.signing_public_hex,
    )
    assert hub.snapshot() == before


def _read_answer(connection: socket.socket, into: bytearray) -> tuple[str, dict[str, str], bytes]:
    """Read one HTTP answer with a Content-Length body."""
    while b"\r\n\r\n" not in into:
        into += connection.recv(65536)
    first, headers, body = _split(bytes(into))
    while len(body) < int(headers["content-length"]):
        chunk = connection.recv(65536)
        if not chunk:
            break
        into += chunk
        body += chunk
    return first, headers, body


def test_a_lost_stick_names_nothing_inside_its_bundles(
    hub: Site, post_a: Site, stick: Path
) -> None:
    """The bundle files (not the folder names, see docs/security.md) show keys and lengths."""
    post_a.intake.register(size=1, name="Harm Oosting")
    post_a.sync.export_usb(stick)
    hub.sync.import_usb(stick)
    hub.sync.approve_post("GR-0014", post_a.sync.fingerprint)
    hub.sync.export_usb(stick)
    files = sorted(stick.rglob("*.npb"))
    assert len(files) == 2
    for path in files:
        data = path.read_bytes()
        _assert_names_nothing(data, _identities(hub, post_a))
        is_outbox = path.parent.name == "outbox"
        _clear_part_only(
            data,
            recipient=(hub if is_outbox else post_a).sync.keys.encryption_public_hex,
            sender=(post_a if is_outbox else hub).sync.keys.signing_public_hex,
        )
