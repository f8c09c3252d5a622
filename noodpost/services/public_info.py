"""What the public info screen (*publieksscherm*) may show: never anything about a person.

One read, :meth:`PublicInfoService.snapshot`, gathers it: this post's name, whether it is
open and its opening hours, the services it offers, the bulletins of the C-NSP meant for it,
and per item whether it is in stock — in words (*op voorraad*, *bijna op*, *op*), never the
numbers, which only invite queues and questions.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from noodpost.core.ids import post_id
from noodpost.core.vocabulary import label
from noodpost.services.base import ServiceContext
from noodpost.services.bulletins import BulletinsService
from noodpost.services.supplies import StockLine, SuppliesService
from noodpost.storage.models import Post

#: The entities whose changes alter the snapshot (the screen refreshes when one changes).
WATCHES = frozenset(
    {
        "post",
        "bulletin",
        "supply_item",
        "stock_movement",
        "distribution",
        "supply_dispatch",
    }
)


class Availability(StrEnum):
    IN_STOCK = "in_stock"
    RUNNING_LOW = "running_low"
    OUT = "out"


AVAILABILITY_WORDS = {
    Availability.IN_STOCK: "op voorraad",
    Availability.RUNNING_LOW: "bijna op",
    Availability.OUT: "niet meer beschikbaar",  # "op" read as "op voorraad" across the hall
}


@dataclass(frozen=True)
class PublicBulletin:
    title: str
    body: str | None
    valid_until: str | None  # UTC ISO


@dataclass(frozen=True)
class PublicStock:
    name: str
    availability: Availability

    @property
    def words(self) -> str:
        return AVAILABILITY_WORDS[self.availability]


@dataclass(frozen=True)
class PublicInfo:
    """Everything the public info screen shows, read at one moment.

    Attributes:
        services: what the post offers, in Dutch words, in the order the post set them.
        service_codes: the same as :class:`~noodpost.core.vocabulary.PostFunction` values (the
            screen words them for the public, in its language).
        stock: per item in the catalogue that this post keeps, by name.
    """

    post_name: str
    post_code: str
    is_open: bool
    opening_hours: str | None
    services: tuple[str, ...]
    bulletins: tuple[PublicBulletin, ...]
    stock: tuple[PublicStock, ...]
    training: bool
    read_at: str
    service_codes: tuple[str, ...] = ()


def availability(line: StockLine) -> Availability | None:
    """How an item reads on the screen; ``None`` for an item this post does not keep."""
    if line.item.retired:
        return None
    if line.quantity <= 0:
        if not line.min_stock:
            return None  # never kept here (e.g. a service like charging, counted in turns)
        return Availability.OUT
    if line.below_minimum:
        return Availability.RUNNING_LOW
    return Availability.IN_STOCK


class PublicInfoService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def snapshot(self) -> PublicInfo:
        node = self.ctx.node
        with self.ctx.read() as session:
            post = session.get(Post, post_id(node.post_code))
            is_open = bool(post is not None and not post.deleted and post.is_open is not False)
            hours = post.opening_hours if post is not None else None
            offered = [str(s) for s in (post.services or ())] if post is not None else []
        bulletins = tuple(
            PublicBulletin(b.title, b.body, b.valid_until)
            for b in BulletinsService(self.ctx).current()
        )
        stock: list[PublicStock] = []
        for line in SuppliesService(self.ctx).stock():
            state = availability(line)
            if state is not None:
                stock.append(PublicStock(line.item.name, state))
        return PublicInfo(
            post_name=node.name,
            post_code=node.post_code,
            is_open=is_open,
            opening_hours=(hours or "").strip() or None,
            services=tuple(label(s) for s in offered),
            bulletins=bulletins,
            stock=tuple(stock),
            training=node.training,
            read_at=self.ctx.now_iso(),
            service_codes=tuple(offered),
        )
