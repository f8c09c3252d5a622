"""The checks of the supplies service: plausible amounts, reasons, and why a ration needs one.

Each refusal is worded for the screen (through :func:`noodpost.core.i18n.translate`); what
passes is returned as it is stored.
"""

from __future__ import annotations

import math

from sqlalchemy import select
from sqlalchemy.orm import Session

from noodpost.core import dutch, rations
from noodpost.core.errors import NotFound, UserError
from noodpost.core.i18n import translate
from noodpost.services.base import optional_text, require_text
from noodpost.services.supply_types import Item
from noodpost.storage.models import Household, SupplyItem

#: No single delivery, correction or hand-out is larger than this (a mistyped number).
MAX_QUANTITY = 100_000.0
MAX_REASON = 500


def checked_amount(value: object, item: Item, missing: str) -> float:
    """A positive, finite, plausible quantity of ``item``.

    ``missing`` is the refusal when no amount is given, already translated, with the fields
    ``{item}`` and ``{unit}`` (it names the action: *Vul in hoeveel {item} ({unit}) u ontvangt.*).
    """
    if value is None:
        raise UserError(missing.format(item=dutch.lower_first(item.name), unit=item.unit))
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise UserError(
            translate("SuppliesService", "Vul de hoeveelheid in als getal, bijvoorbeeld 3 of 1,5.")
        )
    if value <= 0:
        raise UserError(translate("SuppliesService", "Vul een hoeveelheid groter dan 0 in."))
    if value > MAX_QUANTITY:
        raise UserError(
            translate(
                "SuppliesService", "{quantity} kan niet kloppen. Controleer het getal."
            ).format(quantity=dutch.format_quantity(value, item.unit))
        )
    return float(value)


def reason_text(value: str | None, *, required: bool) -> str | None:
    """The reason as stored: required or not, and not longer than :data:`MAX_REASON`."""
    if required:
        text: str | None = require_text(value, translate("SuppliesService", "een reden"))
    else:
        text = optional_text(value)
    if text is not None and len(text) > MAX_REASON:
        raise UserError(
            translate("SuppliesService", "Maak de reden korter (hoogstens {limit} tekens).").format(
                limit=MAX_REASON
            )
        )
    return text


def confirmation_message(item: Item, quantity: float, verdict: rations.RationCheck) -> str:
    """Why a hand-out needs the volunteer's reason: over the ration, too soon, or both."""
    amount = dutch.format_quantity(quantity, item.unit)
    name = dutch.lower_first(item.name)
    if verdict.over_limit and verdict.too_soon:
        text = translate(
            "SuppliesService",
            "Met {amount} {item} gaat dit huishouden over het rantsoen van vandaag, en de "
            "vorige uitgifte is nog te kort geleden. Geef een reden als u toch {amount} uitgeeft.",
        )
    elif verdict.over_limit:
        text = translate(
            "SuppliesService",
            "Met {amount} {item} gaat dit huishouden over het rantsoen van vandaag. "
            "Geef een reden als u toch {amount} uitgeeft.",
        )
    else:
        text = translate(
            "SuppliesService",
            "De vorige uitgifte {item} aan dit huishouden is nog te kort geleden. "
            "Geef een reden als u toch {amount} uitgeeft.",
        )
    return text.format(amount=amount, item=name)


def item_row(session: Session, code_or_id: str) -> SupplyItem:
    """An item by code or id, retired ones included, or a refusal."""
    key = (code_or_id or "").strip()
    row = session.get(SupplyItem, key) if key else None
    if row is None and key:
        row = session.scalars(
            select(SupplyItem).where(SupplyItem.code == key, SupplyItem.deleted.is_(False)).limit(1)
        ).first()
    if row is None or row.deleted:
        raise NotFound(
            translate("SuppliesService", "Artikel '{item}' staat niet in de voorraadlijst.").format(
                item=key
            )
        )
    return row


def household_row(session: Session, household_id: str) -> Household:
    """A household that is still known, or a refusal."""
    row = session.get(Household, household_id) if household_id else None
    if row is None or row.deleted:
        raise NotFound(
            translate(
                "SuppliesService",
                "Dit huishouden is niet (meer) bekend. Scan de kaart opnieuw.",
            )
        )
    return row


__all__ = [
    "MAX_QUANTITY",
    "MAX_REASON",
    "checked_amount",
    "confirmation_message",
    "household_row",
    "item_row",
    "reason_text",
]
