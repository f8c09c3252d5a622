"""The post's generator (*aggregaat*): readings of its tank, the use per hour, and hours left.

A volunteer writes down a reading now and then — at least when the generator is started or
stopped, and when fuel is added: whether it runs, how many litres were added since the previous
reading, and how many litres are in the tank now (after any refill). Readings are append-only
facts of the post (``generator_reading``); they go to the hub with the post's other events, so
the hub's Regio page and SITREP show every post's hours of power left.

**How the use per hour is computed** (:func:`fuel_state`). Readings are taken in time order;
the state a reading records holds until the next one. For two readings in a row, *a* then *b*,
where the generator was running at *a*::

    used  = a.litres_left + b.litres_added − b.litres_left     (a refill in between counts)
    hours = b.at − a.at

Intervals in which the generator stood still tell nothing about its use and are skipped, as are
intervals of no length and intervals in which the tank seems to have gained fuel that was not
written down (``used`` below zero: a misread gauge). The use per hour is the litres used over
the hours run in the last :data:`RATE_INTERVALS` intervals that count — so it follows a change
of load within a few readings, while one rough reading does not swing it. Then:

- no readings: no state (the post keeps no generator log);
- one reading, or no running interval yet: the litres are known, the use and hours are not;
- hours left = litres in the tank / use per hour. While the generator runs, the hours since the
  latest reading are taken off (it kept burning since), and the moment the tank runs dry is
  given; when it stands still, the hours left are hours of running it can still do.

A post whose fuel lasts less than :data:`LOW_FUEL_HOURS` stands out on the hub's Regio page
and in the SITREP.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import pairwise

from sqlalchemy import select
from sqlalchemy.orm import Session

from noodpost.core import i18n
from noodpost.core.clock import parse_iso
from noodpost.core.dutch import format_amount, format_clock
from noodpost.core.entities import Op
from noodpost.core.errors import UserError
from noodpost.core.i18n import Lookup
from noodpost.core.rations import EPSILON
from noodpost.services.base import ServiceContext, new_id, optional_text
from noodpost.storage.models import GeneratorReading

#: Fuel that lasts less than this many hours makes a post stand out (Regio, SITREP).
LOW_FUEL_HOURS = 12.0
#: The use per hour is taken over this many of the latest intervals the generator ran.
RATE_INTERVALS = 3
#: A tank larger than this is a typing error (litres).
MAX_LITRES = 10_000.0
MAX_NOTE = 500


@dataclass(frozen=True)
class Reading:
    """One reading of the generator.

    Attributes:
        at: UTC ISO text, when it was read.
        running: the generator ran at that moment (and, as far as is known, until the next).
        litres_added: fuel added since the previous reading (``None``: none).
        litres_left: fuel in the tank at ``at``, after any refill.
    """

    id: str
    post_code: str
    at: str
    running: bool
    litres_added: float | None
    litres_left: float
    note: str | None


@dataclass(frozen=True)
class FuelState:
    """What a post's generator log says now.

    Attributes:
        latest: the latest reading.
        litres_per_hour: the use per hour while running; ``None`` while unknown.
        hours_left: hours of running left (from now while it runs); ``None`` while the use is
            unknown.
        empty_at: while running, when the tank runs dry at this use; else ``None``.
    """

    post_code: str
    latest: Reading
    litres_per_hour: float | None
    hours_left: float | None
    empty_at: datetime | None

    @property
    def running(self) -> bool:
        return self.latest.running

    @property
    def litres_left(self) -> float:
        return self.latest.litres_left

    @property
    def empty(self) -> bool:
        return self.latest.litres_left <= EPSILON or (
            self.hours_left is not None and self.hours_left <= EPSILON
        )

    @property
    def low(self) -> bool:
        """The fuel lasts less than :data:`LOW_FUEL_HOURS` (or the tank is empty)."""
        return self.empty or (self.hours_left is not None and self.hours_left < LOW_FUEL_HOURS)

    # The texts below are the screen's, in the interface's language; a document in the post's
    # language (the SITREP) passes ``translate=dutch`` to the methods behind the properties.

    @property
    def state_text(self) -> str:
        return self.state_words()

    def state_words(self, translate: Lookup = i18n.translate) -> str:
        if self.running:
            return translate("Generator", "draait")
        return translate("Generator", "staat stil")

    @property
    def litres_text(self) -> str:
        return f"{format_amount(self.litres_left)} l"

    @property
    def rate_text(self) -> str:
        """``5 l per uur``, or ``—`` while unknown."""
        return self.rate_words()

    def rate_words(self, translate: Lookup = i18n.translate) -> str:
        if self.litres_per_hour is None:
            return "—"
        return translate("Generator", "{litres} l per uur").format(
            litres=format_amount(round(self.litres_per_hour, 1))
        )

    @property
    def hours_text(self) -> str:
        """``nog ± 8 uur``, ``op``, or that the use is not known yet."""
        return self.hours_words()

    def hours_words(self, translate: Lookup = i18n.translate) -> str:
        if self.empty:
            return translate("Generator", "op")
        if self.hours_left is None:
            return translate("Generator", "verbruik nog onbekend")
        return fuel_hours_text(self.hours_left, translate)

    def summary(self, now: datetime, translate: Lookup = i18n.translate) -> str:
        """``draait · 40 l (om 14:00) · 5 l per uur · nog ± 8 uur stroom, leeg rond 22:00``."""
        read = format_clock(parse_iso(self.latest.at), now)
        parts = [
            self.state_words(translate),
            translate("Generator", "{litres} (om {time})").format(
                litres=self.litres_text, time=read
            ),
        ]
        if self.litres_per_hour is not None:
            parts.append(self.rate_words(translate))
        if self.empty or self.hours_left is None:
            parts.append(self.hours_words(translate))
        elif self.running and self.empty_at is not None:
            parts.append(
                translate("Generator", "{hours} stroom, leeg rond {time}").format(
                    hours=self.hours_words(translate), time=format_clock(self.empty_at, now)
                )
            )
        elif self.running:
            parts.append(
                translate("Generator", "{hours} stroom").format(hours=self.hours_words(translate))
            )
        else:
            parts.append(
                translate("Generator", "brandstof voor {duration} draaien").format(
                    duration=_about(self.hours_left, translate)
                )
            )
        return " · ".join(parts)


def _about(hours: float, translate: Lookup) -> str:
    """``± 40 min``, ``± 6 uur``, ``± 3 dagen``."""
    if hours < 1:
        return translate("Generator", "± {minutes} min").format(minutes=max(1, round(hours * 60)))
    if hours < 48:
        return translate("Generator", "± {hours} uur").format(hours=round(hours))
    return translate("Generator", "± {days} dagen").format(days=round(hours / 24))


def fuel_hours_text(hours: float, translate: Lookup = i18n.translate) -> str:
    """``nog ± 40 min``, ``nog ± 6 uur``, ``nog ± 3 dagen``, ``op``."""
    if hours <= EPSILON:
        return translate("Generator", "op")
    return translate("Generator", "nog {duration}").format(duration=_about(hours, translate))


def _hours(start: str, end: str) -> float:
    return (parse_iso(end) - parse_iso(start)).total_seconds() / 3600


def litres_per_hour(readings: Sequence[Reading]) -> float | None:
    """The use per hour while running, from readings in time order (see the module text)."""
    counted: list[tuple[float, float]] = []  # (litres used, hours run), latest last
    for a, b in pairwise(readings):
        if not a.running:
            continue
        hours = _hours(a.at, b.at)
        used = a.litres_left + (b.litres_added or 0.0) - b.litres_left
        if hours <= EPSILON or used < -EPSILON:
            continue
        counted.append((max(used, 0.0), hours))
    latest = counted[-RATE_INTERVALS:]
    used_total = sum(used for used, _ in latest)
    hours_total = sum(hours for _, hours in latest)
    if hours_total <= EPSILON or used_total <= EPSILON:
        return None
    return used_total / hours_total


def fuel_state(readings: Sequence[Reading], now: datetime) -> FuelState | None:
    """What the readings (of one post, in time order) say at ``now``; ``None`` without any."""
    if not readings:
        return None
    latest = readings[-1]
    rate = litres_per_hour(readings)
    hours_left: float | None = None
    empty_at: datetime | None = None
    if rate is not None:
        at_reading = latest.litres_left / rate
        hours_left = at_reading
        if latest.running:
            since = max(0.0, (now - parse_iso(latest.at)).total_seconds() / 3600)
            hours_left = max(0.0, at_reading - since)
            empty_at = parse_iso(latest.at) + timedelta(hours=at_reading)
    return FuelState(latest.post_code, latest, rate, hours_left, empty_at)


def _reading(row: GeneratorReading) -> Reading:
    return Reading(
        id=row.id,
        post_code=row.post_code,
        at=row.at,
        running=bool(row.running),
        litres_added=row.litres_added,
        litres_left=row.litres_left,
        note=row.note,
    )


def fuel_states(session: Session, codes: Iterable[str], now: datetime) -> dict[str, FuelState]:
    """Per post code that keeps a generator log: its :class:`FuelState` at ``now``."""
    wanted = list(codes)
    if not wanted:
        return {}
    grouped: dict[str, list[Reading]] = {}
    for row in session.scalars(
        select(GeneratorReading)
        .where(GeneratorReading.post_code.in_(wanted), GeneratorReading.deleted.is_(False))
        .order_by(GeneratorReading.post_code, GeneratorReading.at, GeneratorReading.created_hlc)
    ):
        grouped.setdefault(row.post_code, []).append(_reading(row))
    found = {code: fuel_state(readings, now) for code, readings in grouped.items()}
    return {code: state for code, state in found.items() if state is not None}


def _litres(value: float | None, what: str) -> float | None:
    """``what`` names the field, already in the interface's language."""
    if value is None:
        return None
    if math.isnan(value) or value < 0:
        raise UserError(
            i18n.translate(
                "Generator", "Vul bij {field} een aantal liter in van 0 of meer."
            ).format(field=what)
        )
    if value > MAX_LITRES:
        raise UserError(
            i18n.translate(
                "Generator",
                "{litres} liter bij {field} is te veel voor een aggregaat. Controleer het getal.",
            ).format(litres=format_amount(value), field=what)
        )
    return float(value)


class GeneratorService:
    """This post's generator log."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def record(
        self,
        *,
        running: bool,
        litres_left: float | None,
        litres_added: float | None = None,
        note: str | None = None,
    ) -> Reading:
        """Write down a reading, now.

        Raises:
            UserError: no litres left, a negative or impossible number, a note too long.
        """
        if litres_left is None:
            raise UserError(
                i18n.translate("Generator", "Vul in hoeveel liter er nu in de tank zit.")
            )
        left = _litres(litres_left, i18n.translate("Generator", "'liter over'"))
        added = _litres(litres_added, i18n.translate("Generator", "'liter bijgevuld'"))
        text = optional_text(note)
        if text is not None and len(text) > MAX_NOTE:
            raise UserError(
                i18n.translate(
                    "Generator", "Maak de opmerking korter (hoogstens {limit} tekens)."
                ).format(limit=MAX_NOTE)
            )
        reading_id = new_id()
        with self.ctx.write() as uow:
            uow.emit(
                "generator_reading",
                reading_id,
                Op.CREATE,
                {
                    "post_code": self.ctx.node.post_code,
                    "at": self.ctx.now_iso(),
                    "running": bool(running),
                    "litres_added": added if added else None,
                    "litres_left": left,
                    "note": text,
                },
            )
            row = uow.session.get(GeneratorReading, reading_id)
            assert row is not None  # projected by emit
            return _reading(row)

    def readings(self, limit: int = 10) -> list[Reading]:
        """This post's latest readings, newest first."""
        with self.ctx.read() as session:
            rows = session.scalars(
                select(GeneratorReading)
                .where(
                    GeneratorReading.post_code == self.ctx.node.post_code,
                    GeneratorReading.deleted.is_(False),
                )
                .order_by(GeneratorReading.at.desc(), GeneratorReading.created_hlc.desc())
                .limit(limit)
            )
            return [_reading(r) for r in rows]

    def state(self) -> FuelState | None:
        """This post's generator now; ``None`` when it keeps no generator log."""
        code = self.ctx.node.post_code
        with self.ctx.read() as session:
            return fuel_states(session, [code], self.ctx.clock.now()).get(code)
