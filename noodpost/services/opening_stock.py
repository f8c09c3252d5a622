"""*Beginvoorraad*: a new post books what is on its shelves, every item at once (issue 18, 7).

A new post starts with no stock, and every hand-out then counts as a shortage. Booking the
opening stock one delivery at a time means fourteen forms; here it is one list of amounts,
checked as a whole and stored in one unit of work: either every line is booked or none is.
Each line is a delivery (``stock_movement``, kind ``delivery``) whose source says
*Beginvoorraad*, so the ledger shows where the first stock came from.
"""

from __future__ import annotations

from collections.abc import Mapping

from noodpost.core.entities import Op
from noodpost.core.errors import UserError
from noodpost.core.i18n import translate
from noodpost.core.vocabulary import MovementKind
from noodpost.services.base import ServiceContext, new_id
from noodpost.services.supplies import SuppliesService
from noodpost.services.supply_checks import checked_amount
from noodpost.services.supply_types import Movement

#: The source written on every line of the opening stock.
OPENING_SOURCE = "Beginvoorraad"


class OpeningStockService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self._supplies = SuppliesService(ctx)

    def book(self, amounts: Mapping[str, float | None]) -> list[Movement]:
        """Book ``amounts`` (item code or id → quantity; ``None`` or 0: none of it) as the
        opening stock, all in one unit of work, in the order given.

        Raises:
            NotFound: an unknown item.
            UserError: nothing filled in, or an impossible amount (the message names the item);
                nothing is booked then.
        """
        items = {item.id: item for item in self._supplies.items()}
        lines = []
        missing = translate("OpeningStock", "Vul in hoeveel {item} ({unit}) u op voorraad hebt.")
        for key, quantity in amounts.items():
            if quantity is None or quantity == 0:
                continue
            item = self._supplies.item(key)
            if item.id not in items:  # retired: no longer in the list
                raise UserError(
                    translate("OpeningStock", "{item} staat niet meer in de voorraadlijst.").format(
                        item=item.name
                    )
                )
            try:
                lines.append((item, checked_amount(quantity, item, missing)))
            except UserError as error:
                raise UserError(
                    translate("OpeningStock", "{item}: {message}").format(
                        item=item.name, message=error.message
                    )
                ) from None
        if not lines:
            raise UserError(
                translate(
                    "OpeningStock", "Vul bij minstens één artikel in hoeveel er op voorraad is."
                )
            )
        at = self.ctx.now_iso()
        booked = []
        with self.ctx.write() as uow:
            for item, quantity in lines:
                movement_id = new_id()
                uow.emit(
                    "stock_movement",
                    movement_id,
                    Op.CREATE,
                    {
                        "post_code": self.ctx.node.post_code,
                        "item_id": item.id,
                        "quantity": quantity,
                        "kind": MovementKind.DELIVERY.value,
                        "reason": OPENING_SOURCE,
                        "at": at,
                    },
                )
                booked.append((movement_id, item, quantity))
        stock = self._supplies.stock_by_id([item.id for _id, item, _q in booked])
        return [
            Movement(
                movement_id,
                item,
                MovementKind.DELIVERY.value,
                quantity,
                OPENING_SOURCE,
                at,
                stock[item.id],
            )
            for movement_id, item, quantity in booked
        ]
