"""Network transport, post side: send this post's bundle to its hub and apply the answer.

The same bytes as on a USB stick travel in one HTTP request; the answer carries the hub's
bundle for this post (DESIGN §3.3). Only the standard library is used (``http.client``).

Protocol, version 1 (the hub side is :mod:`noodpost.hub.endpoint`):

``POST /v1/bundles`` with the raw ``.npb`` bytes (``application/octet-stream``). The hub imports
them exactly as a USB import and answers

- ``200`` with its bundle for this post (``application/octet-stream``), which the post imports
  the same way; what our bundle did there (applied, present, quarantined) is in that bundle's
  sealed header (``answer``), never in a readable HTTP header;
- ``202`` with JSON ``{"message", "status": "quarantined"}``: the hub keeps the bundle until
  its operator approved this post; nothing comes back yet;
- ``400`` damaged or unreadable, ``403`` refused (foreign, forged, for another node), ``409``
  training vs real, ``413`` too large, ``503``/``500`` the hub cannot work now — each with a
  fixed Dutch JSON ``{"message": ...}`` that names nobody (the reason is at the hub).

``GET /v1/health`` answers ``{"service": "noodpost-hub", "format"}``.

Being offline is normal: an unreachable hub is a calm :class:`HubUnreachable`, and nothing
changes here. Bundles are cumulative, so the next sync carries everything again.
"""

from __future__ import annotations

import http.client
import json
import ssl
import time
import urllib.parse
from dataclasses import dataclass
from email.message import Message

from noodpost import __version__
from noodpost.core.dutch import count
from noodpost.core.errors import Refused, UserError
from noodpost.core.i18n import translate
from noodpost.storage.node import require_node
from noodpost.sync import bundle as fmt
from noodpost.sync.bundle import MAX_BUNDLE_BYTES
from noodpost.sync.exchange import ImportOutcome
from noodpost.sync.peers import PeerInfo
from noodpost.sync.service import SyncService

BUNDLES_PATH = "/v1/bundles"
HEALTH_PATH = "/v1/health"
BUNDLE_MEDIA_TYPE = "application/octet-stream"
#: The largest bundle either side sends or accepts over the network; larger goes by USB.
MAX_MESSAGE_BYTES = 64 * 1024
DEFAULT_TIMEOUT = 15.0  # seconds to reach the hub
PUSH_TIMEOUT = 2.0
#: Seconds to wait for each part of the answer once connected: a hub applying a first,
#: large bundle may need minutes on an old laptop before it answers.
ANSWER_TIMEOUT = 300.0
PUSH_ANSWER_TIMEOUT = 60.0


def offline_message() -> str:
    """What a volunteer reads when no hub answered (normal during a crisis)."""
    return translate(
        "SyncNetwork",
        "De C-NSP is nu niet bereikbaar; de gegevens blijven bewaard en gaan mee bij de "
        "volgende synchronisatie.",
    )


class HubUnreachable(UserError):
    """No answer from the hub (offline, refused, timed out, or it cannot work right now).

    Normal during a crisis: nothing changed here, and the next sync carries everything.
    """

    def __init__(self, message: str | None = None) -> None:
        super().__init__(offline_message() if message is None else message)


class NoRoute(UserError):
    """This post has no hub to sync with over the network (not paired, or no address)."""


@dataclass(frozen=True)
class NetworkSync:
    """What one ``noodpost sync now`` did.

    Attributes:
        sent: events in the bundle this post sent.
        waiting: the hub keeps the bundle in quarantine until it approved this post.
        hub_applied: events that were new at the hub.
        received: what the hub's answer did here (None while waiting).
        seconds: the whole exchange, from sending to the answer applied.
    """

    url: str
    hub_code: str
    hub_name: str
    post_code: str
    fingerprint: str
    sent: int
    waiting: bool
    hub_applied: int
    received: ImportOutcome | None
    seconds: float

    @property
    def changed(self) -> frozenset[str]:
        return self.received.changed if self.received is not None else frozenset()

    @property
    def summary(self) -> str:
        hub = f"{self.hub_name} ({self.hub_code})"
        if self.waiting or self.received is None:
            return translate(
                "SyncNetwork",
                "Verbonden met {hub}: {events} afgeleverd. Deze post wacht op goedkeuring door "
                "de C-NSP (post {code}, vingerafdruk {fingerprint}); tot dan blijven de gegevens "
                "daar in quarantaine en hier bewaard. Synchroniseer opnieuw zodra de C-NSP de "
                "post heeft goedgekeurd.",
            ).format(
                hub=hub,
                events=_events(self.sent),
                code=self.post_code,
                fingerprint=self.fingerprint,
            )
        received = self.received
        text: str = translate(
            "SyncNetwork",
            "Gesynchroniseerd met {hub}: {sent} verstuurd ({new} nieuw bij de C-NSP), "
            "{received} ontvangen ({applied} nieuw hier",
        ).format(
            hub=hub,
            sent=self.sent,
            new=self.hub_applied,
            received=received.events,
            applied=received.applied,
        )
        if received.quarantined:
            text += translate("SyncNetwork", ", {quarantined} in quarantaine").format(
                quarantined=received.quarantined
            )
        return text + ")."


@dataclass(frozen=True)
class _Answer:
    status: int
    headers: Message
    body: bytes


def _events(number: int) -> str:
    return count(
        number,
        translate("SyncNetwork", "gebeurtenis"),
        translate("SyncNetwork", "gebeurtenissen"),
    )


def check_url(url: str) -> str:
    """``http://10.0.0.5:8765/`` → ``http://10.0.0.5:8765`` (the hub's base address).

    Raises:
        UserError: not an http(s) address with a host.
    """
    text = url.strip().rstrip("/")
    bad = UserError(
        translate(
            "SyncNetwork",
            "Adres '{url}' klopt niet: gebruik een webadres zoals http://10.0.0.5:8765.",
        ).format(url=url)
    )
    try:
        parts = urllib.parse.urlsplit(text)
        parts.port  # noqa: B018 — raises ValueError for a port that is not a number
    except ValueError as wrong:
        raise bad from wrong
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise bad
    return text


def paired_hub(service: SyncService) -> PeerInfo:
    """The hub this post trusts (from its pairing file).

    Raises:
        Refused: this node is a hub.
        NoRoute: not paired with a hub yet.
    """
    with service.db.read() as session:
        role = require_node(session).role
    if role != "post":
        raise Refused(
            translate(
                "SyncNetwork",
                "Dit is een C-NSP; synchroniseren via het netwerk start een noodsteunpunt. Zet "
                "het eindpunt voor de posten aan met 'noodpost hub serve'.",
            )
        )
    hub = service.list_peers().hub
    if hub is not None:
        return hub
    raise NoRoute(
        translate(
            "SyncNetwork",
            "Deze post is nog niet gekoppeld aan een C-NSP. Lees eerst het koppelbestand van uw "
            "C-NSP in: Synchronisatie → Koppelbestand inlezen… (of 'noodpost pairing import "
            "BESTAND'); tot dan blijven alle gegevens hier bewaard.",
        )
    )


def _post(url: str, data: bytes, timeout: float, answer_timeout: float) -> _Answer:
    """POST the bundle; any answer of the hub comes back, no answer is :class:`HubUnreachable`.

    ``http.client`` directly (what :mod:`urllib` uses underneath): reaching the hub and waiting
    for its answer get their own timeouts, and the hub is addressed directly — no proxy from
    the environment, no redirects.
    """
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    connection: http.client.HTTPConnection
    if parts.scheme == "https":
        connection = http.client.HTTPSConnection(
            host, parts.port, timeout=timeout, context=ssl.create_default_context()
        )
    else:
        connection = http.client.HTTPConnection(host, parts.port, timeout=timeout)
    try:
        connection.connect()
        if connection.sock is not None:
            connection.sock.settimeout(answer_timeout)
        connection.request(
            "POST",
            parts.path,
            body=data,
            headers={
                "Content-Type": BUNDLE_MEDIA_TYPE,
                "Accept": f"{BUNDLE_MEDIA_TYPE}, application/json",
                "User-Agent": f"noodpost/{__version__}",
            },
        )
        response = connection.getresponse()
        limit = MAX_BUNDLE_BYTES + 1 if response.status == 200 else MAX_MESSAGE_BYTES
        return _Answer(response.status, response.headers, response.read(limit))
    except (OSError, http.client.HTTPException) as failed:  # refused, timeout, reset, garbage
        raise HubUnreachable() from failed
    finally:
        connection.close()


def _hub_message(answer: _Answer) -> str | None:
    """The Dutch ``message`` of a Noodpost hub's JSON answer, or None for anything else."""
    if answer.headers.get_content_type() != "application/json":
        return None
    try:
        document = json.loads(answer.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    message = document.get("message") if isinstance(document, dict) else None
    return " ".join(message.split()) if isinstance(message, str) and message.strip() else None


def _hub_applied(received: ImportOutcome | None, sent_id: str) -> int:
    """Events of our bundle that were new at the hub, as the sealed answer states."""
    answer = received.answer if received is not None else None
    return answer.applied if answer is not None and answer.bundle_id == sent_id else 0


def _not_a_hub(address: str, status: int) -> UserError:
    return UserError(
        translate(
            "SyncNetwork",
            "Op {address} antwoordt geen C-NSP van Noodpost (HTTP {status}). Controleer het "
            "adres; de gegevens blijven hier bewaard.",
        ).format(address=address, status=status)
    )


def _apply_reply(service: SyncService, address: str, answer: _Answer) -> ImportOutcome:
    if answer.headers.get_content_type() != BUNDLE_MEDIA_TYPE:
        raise _not_a_hub(address, answer.status)
    if len(answer.body) > MAX_BUNDLE_BYTES:
        raise UserError(
            translate(
                "SyncNetwork",
                "Het antwoord van de C-NSP is te groot voor het netwerk. Hier is niets "
                "veranderd; haal de gegevens op met een USB-stick ('noodpost sync import MAP').",
            )
        )
    try:
        return service.import_bytes(answer.body, channel="network")
    except fmt.BundleDamaged as damaged:
        raise UserError(
            translate(
                "SyncNetwork",
                "Het antwoord van de C-NSP kwam beschadigd of onvolledig aan. Hier is niets "
                "veranderd; synchroniseer opnieuw.",
            )
        ) from damaged


def _refusal(address: str, answer: _Answer, training: bool) -> UserError:
    """The error for a hub that answered, but did not take the bundle."""
    message = _hub_message(answer)
    if answer.status >= 500:
        detail = f" ({message})" if message else ""
        return HubUnreachable(
            translate(
                "SyncNetwork",
                "De C-NSP kon de bundel nu niet verwerken{detail}. De gegevens blijven bewaard "
                "en gaan mee bij de volgende synchronisatie.",
            ).format(detail=detail)
        )
    if message is None:
        return _not_a_hub(address, answer.status)
    if answer.status == 409:
        training_words = translate("SyncNetwork", "in oefenmodus")
        real_words = translate("SyncNetwork", "met echte gegevens")
        return Refused(
            translate(
                "SyncNetwork",
                "De C-NSP op {address} werkt {there}, dit noodsteunpunt {here}. Oefen- en echte "
                "gegevens worden nooit gemengd; er is niets uitgewisseld. Controleer het adres.",
            ).format(
                address=address,
                there=real_words if training else training_words,
                here=training_words if training else real_words,
            )
        )
    if answer.status == 413:
        return Refused(
            translate(
                "SyncNetwork",
                "De C-NSP weigert de bundel: {message} Breng de gegevens met een USB-stick "
                "('noodpost sync export MAP'); hier is niets veranderd.",
            ).format(message=message)
        )
    return Refused(
        translate(
            "SyncNetwork",
            "De C-NSP op {address} weigert de bundel: {message} Hier is niets veranderd.",
        ).format(address=address, message=message)
    )


def sync_now(
    service: SyncService,
    url: str | None = None,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    answer_timeout: float = ANSWER_TIMEOUT,
) -> NetworkSync:
    """(post) ``noodpost sync now [--url URL]``: send our bundle, apply the hub's answer.

    Without ``url`` the addresses from the hub's pairing file are tried in order.
    ``timeout`` bounds reaching the hub; ``answer_timeout`` each wait once connected.

    Raises:
        HubUnreachable: no hub answered (offline is normal; nothing changed here).
        NoRoute: not paired with a hub, or no network address known for it.
        Refused: this node is a hub, or the hub refused the bundle (its message is shown).
        UserError: a wrong address, something else answered there, or a damaged answer.
    """
    chosen = check_url(url) if url is not None else None
    hub = paired_hub(service)
    addresses = [chosen] if chosen is not None else [check_url(a) for a in hub.addresses]
    if not addresses:
        raise NoRoute(
            translate(
                "SyncNetwork",
                "Voor C-NSP {name} ({code}) is geen netwerkadres bekend. Geef het adres op met "
                "--url http://ADRES:8765, of synchroniseer met een USB-stick.",
            ).format(name=hub.name, code=hub.post_code)
        )
    with service.db.read() as session:
        node = require_node(session)
        post_code, training = node.post_code, bool(node.training)
    started = time.perf_counter()
    outgoing = service.build_bundle(hub.node_id)
    if len(outgoing.data) > MAX_BUNDLE_BYTES:
        raise UserError(
            translate(
                "SyncNetwork",
                "De bundel ({size} MB) is te groot voor het netwerk. Breng de gegevens met een "
                "USB-stick ('noodpost sync export MAP'); hier is niets veranderd.",
            ).format(size=len(outgoing.data) // (1024 * 1024))
        )
    offline: HubUnreachable | None = None
    for address in addresses:
        try:
            answer = _post(address + BUNDLES_PATH, outgoing.data, timeout, answer_timeout)
        except HubUnreachable as unreachable:
            offline = unreachable
            continue
        if answer.status not in (200, 202):
            refusal = _refusal(address, answer, training)
            if isinstance(refusal, HubUnreachable):
                offline = refusal
                continue
            raise refusal
        waiting = answer.status == 202
        received = None if waiting else _apply_reply(service, address, answer)
        return NetworkSync(
            url=address,
            hub_code=hub.post_code,
            hub_name=hub.name,
            post_code=post_code,
            fingerprint=service.fingerprint,
            sent=outgoing.event_count,
            waiting=waiting,
            hub_applied=_hub_applied(received, outgoing.bundle_id),
            received=received,
            seconds=time.perf_counter() - started,
        )
    raise offline or HubUnreachable()


def push_if_reachable(
    service: SyncService, url: str | None = None, timeout: float = PUSH_TIMEOUT
) -> bool:
    """Sync now if a route to the hub exists (a new alarm, the GUI's background sync).

    Never raises for the network: offline, unpaired or without an address, it returns False
    and the data waits for the next sync. ``timeout`` bounds reaching the hub; once connected
    it waits up to a minute for the answer (run it off the GUI thread). A hub that answers
    and refuses still raises its :class:`~noodpost.core.errors.Refused`: that needs a person.

    Returns:
        True when the hub took the bundle in and its answer was applied here; False when no
        hub could be reached or the hub keeps the bundle until it approved this post.
    """
    try:
        result = sync_now(
            service, url, timeout=timeout, answer_timeout=max(timeout, PUSH_ANSWER_TIMEOUT)
        )
    except (HubUnreachable, NoRoute):
        return False
    return not result.waiting
