"""The checks of the supply notices service: what a dispatch, receipt or request may hold.

Each refusal is worded for the screen (through :func:`noodpost.core.i18n.translate`); what
passes is returned as it is stored.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from noodpost.core import dutch
from noodpost.core.errors import NotFound, Refused, UserError
from noodpost.core.i18n import translate
from noodpost.services.base import optional_text
from noodpost.storage.models import SupplyItem

MAX_NOTE = 1000
MAX_LINES = 40
#: No line of a dispatch or request is larger than this (a mistyped number).
MAX_QUANTITY = 100_000.0


LineInput = Mapping[str, float] | Iterable[tuple[str, float]]


def _pairs(lines: LineInput) -> list[tuple[str, Any]]:
    if isinstance(lines, Mapping):
        return list(lines.items())
    return list(lines)


def note_text(value: str | None, what: str | None = None) -> str | None:
    """``what`` names the field in the interface's language (default: *De opmerking*)."""
    text = optional_text(value)
    if text is not None and len(text) > MAX_NOTE:
        raise UserError(
            translate(
                "SupplyNotices", "{what} is te lang (hooguit {limit} tekens). Maak het korter."
            ).format(what=what or translate("SupplyNotices", "De opmerking"), limit=MAX_NOTE)
        )
    return text


def checked_quantity(value: object, name: str, unit: str, *, zero_ok: bool = False) -> float:
    """``value`` as a quantity of ``name`` (lower case, as in a sentence), or a refusal."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise UserError(
            translate(
                "SupplyNotices", "Vul de hoeveelheid {item} in als getal, bijvoorbeeld 3 of 1,5."
            ).format(item=name)
        )
    if value < 0 or (value == 0 and not zero_ok):
        raise UserError(
            translate("SupplyNotices", "Vul voor {item} een hoeveelheid groter dan 0 in.").format(
                item=name
            )
        )
    if value > MAX_QUANTITY:
        raise UserError(
            translate(
                "SupplyNotices", "{quantity} {item} kan niet kloppen. Controleer het getal."
            ).format(quantity=dutch.format_quantity(value, unit), item=name)
        )
    return float(value)


def valid_lines(session: Session, lines: LineInput, empty: str) -> list[dict[str, Any]]:
    """Validated lines as stored: one per item, in the order given.

    ``empty`` is the refusal when no line is given (the caller words it for its action).
    """
    pairs = _pairs(lines)
    if not pairs:
        raise UserError(empty)
    if len(pairs) > MAX_LINES:
        raise UserError(
            translate(
                "SupplyNotices", "Hoogstens {limit} artikelen tegelijk. Splits de lijst."
            ).format(limit=MAX_LINES)
        )
    totals: dict[str, float] = {}
    for key, value in pairs:
        item = active_item(session, key)
        quantity = checked_quantity(value, dutch.lower_first(item.name), item.unit)
        totals[item.id] = totals.get(item.id, 0.0) + quantity
    if any(total > MAX_QUANTITY for total in totals.values()):
        raise UserError(
            translate(
                "SupplyNotices",
                "Een van de hoeveelheden kan niet kloppen. Controleer de getallen.",
            )
        )
    return [{"item_id": k, "quantity": q} for k, q in totals.items()]


def active_item(session: Session, code_or_id: str) -> SupplyItem:
    """The item with this id or code, still in the list, or a refusal."""
    key = (code_or_id or "").strip()
    row = session.get(SupplyItem, key) if key else None
    if row is None and key:
        row = session.scalars(
            select(SupplyItem).where(SupplyItem.code == key, SupplyItem.deleted.is_(False))
        ).first()
    if row is None or row.deleted:
        raise NotFound(
            translate("SupplyNotices", "Artikel '{item}' staat niet in de voorraadlijst.").format(
                item=key
            )
        )
    if row.retired:
        raise Refused(
            translate("SupplyNotices", "{item} staat niet meer in de voorraadlijst.").format(
                item=row.name
            )
        )
    return row


def item_names(session: Session, item_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
    """Name and unit per item id (retired items too: an old notice still names them)."""
    ids = list(item_ids)
    if not ids:
        return {}
    return {
        r.id: (r.name, r.unit)
        for r in session.scalars(select(SupplyItem).where(SupplyItem.id.in_(ids)))
    }


__all__ = [
    "MAX_LINES",
    "MAX_NOTE",
    "MAX_QUANTITY",
    "LineInput",
    "active_item",
    "checked_quantity",
    "item_names",
    "note_text",
    "valid_lines",
]
