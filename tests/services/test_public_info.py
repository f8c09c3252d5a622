"""The public info screen's data: post, services, bulletins, stock in words — no persons."""

from __future__ import annotations

from support import Carry

from noodpost.services.base import ServiceContext
from noodpost.services.bulletins import BulletinsService
from noodpost.services.intake import IntakeService
from noodpost.services.messages import MessagesService
from noodpost.services.public_info import Availability, PublicInfoService
from noodpost.services.supplies import SuppliesService


def test_snapshot_shows_stock_in_words_and_the_posts_bulletins(
    ctx: ServiceContext, hub: ServiceContext, to_post: Carry
) -> None:
    supplies = SuppliesService(ctx)
    supplies.record_delivery("water", 500)  # minimum 200: in stock
    supplies.record_delivery("blanket", 5)  # minimum 20: running low
    supplies.record_delivery("torch", 3)
    supplies.record_correction("torch", -3, "kapot")  # minimum 10: out
    bulletins = BulletinsService(hub)  # the C-NSP publishes; sync brings the post its own
    bulletins.publish("Drinkwater", None)
    bulletins.publish("Alleen voor Noord", None, targets=["GR-0015"])
    to_post()
    IntakeService(ctx).register(size=2, name="Jan Jansen")
    MessagesService(ctx).record("Jan Jansen", "Goed", consent=True)

    info = PublicInfoService(ctx).snapshot()

    assert info.post_name == "Dorpshuis Ten Boer"
    assert info.is_open
    assert [b.title for b in info.bulletins] == ["Drinkwater"]
    by_name = {s.name: s for s in info.stock}
    assert by_name["Drinkwater"].availability is Availability.IN_STOCK
    assert by_name["Deken"].words == "bijna op"
    assert by_name["Zaklamp"].words == "niet meer beschikbaar"
    assert (
        by_name["Voedselpakket"].words == "niet meer beschikbaar"
    )  # kept here (a minimum), none in
    assert "Telefoon opladen" not in by_name  # a service counted in turns, not stock
    assert "Jan" not in repr(info)  # nobody's name, ever
    assert all("500" not in repr(s) for s in info.stock)  # words, not numbers
