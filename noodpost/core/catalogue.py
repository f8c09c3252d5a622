"""The supply catalogue as data: validation of the default list and of hub changes."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from noodpost.core.errors import UserError
from noodpost.core.i18n import translate

#: Catalogue items get the same id on every node, so posts that were set up apart converge.
CATALOGUE_NAMESPACE = uuid.UUID("8d6a1f0e-3c1b-4d9e-9a7e-0b6f2c5d4e31")


def item_id(code: str) -> str:
    return str(uuid.uuid5(CATALOGUE_NAMESPACE, code))


@dataclass(frozen=True)
class CatalogueItem:
    code: str
    name: str
    unit: str
    category: str | None = None
    ration_per_person_per_day: float | None = None
    ration_per_household_per_day: float | None = None
    min_interval_minutes: int | None = None
    min_stock: float | None = None
    quick_quantity: float | None = None

    @property
    def id(self) -> str:
        return item_id(self.code)

    def event_data(self, version: int) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "unit": self.unit,
            "category": self.category,
            "ration_per_person_per_day": self.ration_per_person_per_day,
            "ration_per_household_per_day": self.ration_per_household_per_day,
            "min_interval_minutes": self.min_interval_minutes,
            "min_stock": self.min_stock,
            "quick_quantity": self.quick_quantity,
            "retired": False,
            "version": version,
        }


def parse_catalogue(text: str) -> tuple[int, list[CatalogueItem]]:
    """Read a catalogue file: ``{"version": n, "items": [...]}``.

    Raises:
        UserError: the file is not a valid catalogue (with a Dutch message).
    """
    try:
        raw = json.loads(text)
        version = int(raw["version"])
        items = [
            CatalogueItem(
                code=str(item["code"]),
                name=str(item["name"]),
                unit=str(item["unit"]),
                category=item.get("category"),
                ration_per_person_per_day=_number(item.get("ration_per_person_per_day")),
                ration_per_household_per_day=_number(item.get("ration_per_household_per_day")),
                min_interval_minutes=item.get("min_interval_minutes"),
                min_stock=_number(item.get("min_stock")),
                quick_quantity=_number(item.get("quick_quantity")),
            )
            for item in raw["items"]
        ]
    except (ValueError, KeyError, TypeError) as bad:
        raise UserError(
            translate("Catalogue", "De voorraadlijst is ongeldig ({reason}).").format(reason=bad)
        ) from None
    codes = [i.code for i in items]
    if len(set(codes)) != len(codes):
        raise UserError(translate("Catalogue", "De voorraadlijst bevat een artikelcode twee keer."))
    return version, items


def _number(value: Any) -> float | None:
    return None if value is None else float(value)
