"""Retention (DESIGN §3.6): when personal data is due to go, and what stays of it.

When a post is closed (or, at the hub, the crisis), a retention period starts (default
:data:`DEFAULT_RETENTION_DAYS`, set per post on the post record). Once it has passed, every
personal field is replaced by its anonymised form; what is needed for counts and statistics
stays (household sizes, visits, distributions, stock).

The anonymised form, per entity (:data:`ANONYMISED_FIELDS` lists what each one touches):

- names blanked (``None``, or ``""`` where the field may not be empty);
- a birth year becomes an age band: ``0-17``, ``18-64`` or ``65+`` — children, adults and the
  elderly, the split that matters for care and rations, and coarse enough not to single
  anyone out — reckoned at the year the post closed;
- a postcode keeps its four digits (``9791 AB`` → ``9791``): the area, not the street;
- contact details, free-text notes, health flags and their consents are dropped — including
  an alarm's description and status notes and a shift's handover note, where volunteers write
  who was involved; the alarm's type, urgency, place, number of persons and times stay;
- volunteers keep name and PIN (the post's own staff, who still sign in and answer for what
  was done), but their phone numbers are dropped.

Pure functions only: the retention service reads rows and writes the events.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

#: Days between closing and anonymising when the post sets nothing else.
DEFAULT_RETENTION_DAYS = 30
#: The shortest and longest period a coordinator may choose.
MIN_RETENTION_DAYS = 1
MAX_RETENTION_DAYS = 3650

#: The age bands, youngest first: (label, lowest age, highest age or None).
AGE_BANDS: tuple[tuple[str, int, int | None], ...] = (
    ("0-17", 0, 17),
    ("18-64", 18, 64),
    ("65+", 65, None),
)

#: The fields retention changes, per entity (every other field is left as it is).
ANONYMISED_FIELDS: dict[str, tuple[str, ...]] = {
    "household": ("name", "birth_year", "age_band", "postcode", "flags", "consents", "anonymised"),
    "person": ("name", "birth_year", "age_band"),
    "safe_message": ("name", "birth_year", "age_band", "message", "contact"),
    "need": ("note", "status_note"),
    "charging_ticket": ("device",),
    "volunteer": ("phone",),
    "alarm": ("description", "status_note"),
    "shift": ("handover_note",),
}

_DIGITS = re.compile(r"[0-9]+")


def retention_days(value: int | None) -> int:
    """The post's period, or the default when it has none."""
    return DEFAULT_RETENTION_DAYS if value is None else value


def due_at(closed_at: datetime, days: int | None) -> datetime:
    """When the personal data of a post closed at ``closed_at`` is to be anonymised."""
    return closed_at + timedelta(days=retention_days(days))


def is_due(closed_at: datetime | None, days: int | None, now: datetime) -> bool:
    """Whether the period has passed (never while the post is open: ``closed_at`` is None)."""
    return closed_at is not None and now >= due_at(closed_at, days)


def age_band(birth_year: int | None, reference_year: int) -> str | None:
    """The band for someone born in ``birth_year``, their age reckoned in ``reference_year``."""
    if birth_year is None:
        return None
    age = max(0, reference_year - birth_year)
    for label, low, high in AGE_BANDS:
        if age >= low and (high is None or age <= high):
            return label
    return AGE_BANDS[-1][0]


def postcode_area(postcode: str | None) -> str | None:
    """A Dutch postcode's four digits (``"9791 AB"`` → ``"9791"``); ``None`` when there are none."""
    if not postcode:
        return None
    match = _DIGITS.search(postcode)
    return match.group(0)[:4] if match else None


def anonymised(entity: str, row: Mapping[str, Any], reference_year: int) -> dict[str, Any]:
    """The anonymised values of ``entity``'s personal fields, given its current ``row``.

    Returns only the fields in :data:`ANONYMISED_FIELDS` for ``entity`` (empty for an entity
    without personal fields).
    """
    band = age_band(row.get("birth_year"), reference_year) or row.get("age_band")
    if entity == "household":
        return {
            "name": None,
            "birth_year": None,
            "age_band": band,
            "postcode": postcode_area(row.get("postcode")),
            "flags": [],
            "consents": {},
            "anonymised": True,
        }
    if entity == "person":
        return {"name": None, "birth_year": None, "age_band": band}
    if entity == "safe_message":
        return {"name": "", "birth_year": None, "age_band": band, "message": None, "contact": None}
    if entity == "charging_ticket":
        return {"device": ""}  # the device must not be empty: blank, not None
    # Free text and contact details (needs, volunteers' phones, alarms, handovers): dropped.
    return dict.fromkeys(ANONYMISED_FIELDS.get(entity, ()))


def needs_anonymising(entity: str, row: Mapping[str, Any], reference_year: int) -> bool:
    """Whether ``row`` still holds anything :func:`anonymised` would change."""
    wanted = anonymised(entity, row, reference_year)
    return any(row.get(key) != value for key, value in wanted.items())


def scrub_event_data(
    entity: str, data: Mapping[str, Any], reference_year: int
) -> dict[str, Any] | None:
    """An old event's data with its personal fields anonymised; ``None`` when nothing changes.

    Only the fields the event carries are touched (an event that did not set a field still
    does not), so the scrubbed event folds into the same anonymised state. Deterministic: every
    node that scrubs the same event gets the same bytes, so its hash matches everywhere.
    """
    fields = ANONYMISED_FIELDS.get(entity)
    if not fields:
        return None
    wanted = anonymised(entity, data, reference_year)
    result = dict(data)
    changed = False
    for key in fields:
        if key in data and key not in ("age_band", "anonymised") and data[key] != wanted[key]:
            result[key] = wanted[key]
            changed = True
    return result if changed else None
