"""The C-NSP's HTTP endpoint: the hub side of the network transport (DESIGN §3.3).

A post sends the bytes of its bundle; the hub imports them exactly as a USB import
(:meth:`SyncService.import_bytes`, channel ``network``) and answers with its own bundle for
that post. The protocol is described in :mod:`noodpost.sync.http` (the client side):

- ``POST /v1/bundles`` → ``200`` the hub's bundle, ``202`` kept until the post is approved,
  ``400`` damaged, ``403`` refused, ``409`` training vs real, ``413`` too large, ``503`` the
  hub's database cannot be used now; every refusal is Dutch JSON ``{"message": ...}``;
- ``GET /v1/health`` → that a Noodpost hub answers here, and its bundle format; nothing that
  names the hub (a stranger may ask).

Nothing an answer says names the hub, a post or a count (issue 20): the reply bundle's
header is sealed to the post (what the post's bundle did here travels in it), and refusals
are fixed Dutch texts — the full reason, with names, goes to the hub's console and log only.
Whoever listens on the network, or replays a post's old bundle, learns no more than keys,
sizes and status codes.

One bundle at a time: SQLite has one writer, and a post's answer should reflect what it just
sent. The work runs in a worker thread, so the server keeps answering ``/v1/health``.

Bodies are read as they arrive, never beyond ``max_bytes`` (a declared larger
``Content-Length`` is refused before reading), within ``body_seconds`` (``408``), and all bodies
being read at once share ``max_in_memory`` bytes: a request that does not fit gets ``503``
and tries again at its next sync. Each refused or aborted request is one line on the
``noodpost.hub.http`` logger (:mod:`noodpost.hub.guard` keeps it calm).
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from noodpost.core.errors import DatabaseError, Refused, UserError
from noodpost.hub.guard import CONNECTION_LOG, DEFAULT_LIMITS, Limits
from noodpost.services.base import NodeInfo, ServiceContext
from noodpost.sync import bundle as fmt
from noodpost.sync.bundle import MAX_BUNDLE_BYTES
from noodpost.sync.exchange import ImportOutcome, ImportStatus, NotForUs
from noodpost.sync.http import BUNDLE_MEDIA_TYPE, BUNDLES_PATH, HEALTH_PATH
from noodpost.sync.service import SyncService

log = logging.getLogger(__name__)
connections = logging.getLogger(CONNECTION_LOG)

#: Hears one Dutch line per bundle (for the console of ``noodpost hub serve``).
Reporter = Callable[[str], None]

UNEXPECTED_MESSAGE = (
    "Er ging bij de C-NSP iets onverwachts mis; er is niets ingelezen. De gegevens blijven bij "
    "het noodsteunpunt bewaard en gaan mee bij de volgende synchronisatie. Meld dit bij de "
    "beheerder van de C-NSP."
)


BUSY_MESSAGE = (
    "De C-NSP neemt op dit moment al andere bundels aan; er is niets ingelezen. De gegevens "
    "blijven bewaard en gaan mee bij de volgende synchronisatie."
)
SLOW_MESSAGE = (
    "De bundel kwam niet op tijd binnen bij de C-NSP; er is niets ingelezen. Probeer het "
    "opnieuw, of breng de gegevens met een USB-stick."
)
WAITING_MESSAGE = (
    "Bundel ontvangen en bewaard. Deze post wacht op goedkeuring door de C-NSP; na "
    "de goedkeuring worden de gegevens verwerkt."
)
REFUSED_MESSAGE = (
    "De C-NSP weigert deze bundel; er is niets ingelezen. De reden staat bij de C-NSP (in "
    "het venster van 'noodpost hub serve' en in het logboek): meld dit bij de coördinator."
)
NOT_FOR_US_MESSAGE = (
    "Deze bundel is niet voor deze C-NSP gemaakt; er is niets ingelezen. Controleer het adres "
    "van de C-NSP, of koppel opnieuw met het koppelbestand van uw C-NSP."
)
OTHER_MODE_MESSAGE = (
    "Oefen- en echte gegevens worden nooit gemengd: deze C-NSP werkt in de andere modus. Er "
    "is niets ingelezen."
)
UNUSABLE_MESSAGE = (
    "De C-NSP kan zijn gegevens op dit moment niet gebruiken; er is niets ingelezen. De "
    "gegevens blijven bewaard en gaan mee bij de volgende synchronisatie."
)
UNREADABLE_MESSAGE = (
    "De C-NSP kan deze bundel niet lezen; er is niets ingelezen. Maak een nieuwe bundel en "
    "probeer het opnieuw."
)
SERVICE = "noodpost-hub"


class _TooLarge(Exception):
    pass


class _Busy(Exception):
    pass


def _message(code: int, text: str, *, close: bool = False, **extra: str) -> JSONResponse:
    headers = {"Connection": "close"} if close else None
    return JSONResponse({"message": text, **extra}, status_code=code, headers=headers)


class _Budget:
    """Bytes of request bodies held at once (used from the event loop only)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.held = 0

    def take(self, count: int) -> None:
        if self.held + count > self.limit:
            raise _Busy
        self.held += count

    def give(self, count: int) -> None:
        self.held -= count


def _too_large_message(limit: int) -> str:
    return (
        f"Deze bundel is groter dan {limit // (1024 * 1024) or 1} MB en te groot voor het "
        "netwerk; er is niets ingelezen. Breng de gegevens met een USB-stick."
    )


_STEP = 1024 * 1024


class HubEndpoint:
    """The request handling, around one hub's :class:`SyncService`."""

    def __init__(
        self,
        sync: SyncService,
        node: NodeInfo,
        *,
        max_bytes: int = MAX_BUNDLE_BYTES,
        limits: Limits = DEFAULT_LIMITS,
        report: Reporter | None = None,
    ) -> None:
        self.sync = sync
        self.node = node
        self.max_bytes = max_bytes
        self.limits = limits
        self._budget = _Budget(limits.max_body_in_memory)
        self._report = report
        self._lock = threading.Lock()

    # ---------------------------------------------------------------- routes

    async def health(self, _request: Request) -> Response:
        """Only that this is a Noodpost hub and which bundle format it reads: a stranger may ask."""
        return JSONResponse({"service": SERVICE, "format": fmt.FORMAT_VERSION})

    async def bundles(self, request: Request) -> Response:
        peer = request.client.host if request.client else "onbekend"
        held = [0]
        try:
            async with asyncio.timeout(self.limits.body_seconds):
                data = await self._read_body(request, held)
        except _TooLarge:
            text = _too_large_message(self.max_bytes)
            connections.warning("Bundel van %s geweigerd: te groot.", peer)
            self._tell(f"Bundel geweigerd (te groot): {text}")
            return _message(413, text, close=True)
        except _Busy:
            connections.warning("Bundel van %s geweigerd: al genoeg bundels tegelijk.", peer)
            return _message(503, BUSY_MESSAGE, close=True)
        except TimeoutError:
            connections.warning("Bundel van %s afgebroken: kwam niet op tijd binnen.", peer)
            return _message(408, SLOW_MESSAGE, close=True)
        except ClientDisconnect:
            connections.warning("Bundel van %s afgebroken: de verbinding viel weg.", peer)
            return Response(status_code=400)  # nobody hears it; uvicorn drops it quietly
        finally:
            self._budget.give(held[0])
        return await run_in_threadpool(self.exchange, data)

    async def unknown(self, request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 404
        return _message(
            status,
            f"Dit verzoek ({request.method} {request.url.path}) kent de C-NSP niet. Een "
            f"noodsteunpunt stuurt zijn bundel naar {BUNDLES_PATH}.",
        )

    async def _read_body(self, request: Request, held: list[int]) -> bytes:
        """The body, counted while it arrives; ``held[0]`` is what it took of the budget.

        A declared length is taken from the budget before reading; an undeclared (chunked)
        body takes it as it grows, in steps of 1 MB.
        """
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit():
            if int(declared) > self.max_bytes:
                raise _TooLarge
            self._budget.take(int(declared))
            held[0] = int(declared)
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > self.max_bytes:
                raise _TooLarge
            if len(body) > held[0]:
                step = min(max(len(body) - held[0], _STEP), self.max_bytes + 1 - held[0])
                self._budget.take(step)
                held[0] += step
        return bytes(body)

    # ---------------------------------------------------------------- the exchange

    def exchange(self, data: bytes) -> Response:
        """Import one post's bundle and answer with ours (blocking; one at a time)."""
        with self._lock:
            try:
                return self._exchange(data)
            except UserError as refused:
                status = self._status_for(refused, data)
                log.info("Refused network bundle (%d): %s", status, type(refused).__name__)
                self._tell(f"Bundel geweigerd ({status}): {' '.join(refused.message.split())}")
                return _message(status, _public_message(refused, status))
            except Exception:  # a bug: logged with its traceback, the post gets a calm answer
                log.exception("Unexpected error while exchanging a network bundle")
                self._tell("Onverwachte fout bij het verwerken van een bundel (zie het logboek).")
                return _message(500, UNEXPECTED_MESSAGE)

    def _exchange(self, data: bytes) -> Response:
        outcome = self.sync.import_bytes(data, channel="network")
        log.info(
            "Network bundle %s from %s: %s, %d applied, %d present, %d quarantined",
            outcome.bundle_id,
            outcome.sender_code,
            outcome.status.value,
            outcome.applied,
            outcome.present,
            outcome.quarantined,
        )
        self._tell(outcome.summary)
        if outcome.status is ImportStatus.QUARANTINED:
            return _message(202, WAITING_MESSAGE, status=outcome.status.value)
        reply = self.sync.build_bundle(outcome.sender, answer=_answer(outcome))
        log.info("Answered %s with bundle %s", outcome.sender_code, reply.bundle_id)
        return Response(content=reply.data, media_type=BUNDLE_MEDIA_TYPE)

    def _status_for(self, refused: UserError, data: bytes) -> int:
        if isinstance(refused, DatabaseError):
            return 503
        if isinstance(refused, fmt.BundleDamaged | fmt.BundleTooNew):
            return 400
        if isinstance(refused, Refused):
            return 409 if self._other_mode(data) else 403
        return 400

    def _other_mode(self, data: bytes) -> bool:
        """Whether a refused bundle came from the other mode (training vs real)."""
        try:
            return fmt.read_signed(data, self.sync.keys.encryption).header.training != (
                self.node.training
            )
        except UserError:
            return False

    def _tell(self, line: str) -> None:
        if self._report is not None:
            self._report(line)


def _answer(outcome: ImportOutcome) -> fmt.Answer:
    """What the post's bundle did here, for the sealed header of the reply."""
    return fmt.Answer(
        bundle_id=outcome.bundle_id,
        status=outcome.status.value,
        applied=outcome.applied,
        present=outcome.present,
        quarantined=outcome.quarantined,
    )


def _public_message(refused: UserError, status: int) -> str:
    """What a refusal says on the network: never a name, code, path or count of the hub or a
    post (anyone may send a bundle, and anyone on the network may listen)."""
    if isinstance(refused, fmt.BundleDamaged | fmt.BundleTooNew):
        return refused.message  # fixed words and version numbers only
    if status == 503:
        return UNUSABLE_MESSAGE
    if status == 409:
        return OTHER_MODE_MESSAGE
    if isinstance(refused, NotForUs | fmt.NotAddressed):
        return NOT_FOR_US_MESSAGE
    if status == 403:
        return REFUSED_MESSAGE
    return UNREADABLE_MESSAGE


def make_app(
    sync: SyncService,
    *,
    max_bytes: int = MAX_BUNDLE_BYTES,
    limits: Limits = DEFAULT_LIMITS,
    report: Reporter | None = None,
) -> Starlette:
    """The ASGI application of a hub (serve it with :mod:`noodpost.hub.server`).

    Args:
        sync: the hub's sync service; its keys are checked now.
        max_bytes: the largest request body taken in.
        limits: the body timeout and the bytes of bodies held at once (the server's limits).
        report: hears one Dutch line per bundle.

    Raises:
        Refused: this node is a post, not a hub.
        UserError: the node's keys are missing or do not belong to its database.
    """
    node = ServiceContext(sync.db, sync.clock).node
    if not node.is_hub:
        raise Refused(
            "Dit is een noodsteunpunt; alleen een C-NSP ontvangt bundels via het netwerk. "
            "Synchroniseer met uw C-NSP met 'noodpost sync now'."
        )
    sync.keys  # noqa: B018 — missing or foreign keys: say so at the start, not per request
    endpoint = HubEndpoint(sync, node, max_bytes=max_bytes, limits=limits, report=report)
    return Starlette(
        routes=[
            Route(BUNDLES_PATH, endpoint.bundles, methods=["POST"]),
            Route(HEALTH_PATH, endpoint.health, methods=["GET"]),
        ],
        exception_handlers={404: endpoint.unknown, 405: endpoint.unknown},
    )
