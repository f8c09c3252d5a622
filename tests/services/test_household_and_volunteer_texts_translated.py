"""Texts the intake, volunteer, PIN and post services word for a screen use the catalogue.

Issue 18: the English interface shows no Dutch. A marking lookup stands in for the English
catalogue. Texts a service builds from parts (a list of cards to confirm against, a count of
attempts left, a wait) must arrive marked, part by part; what is recorded — the audit log's
lock length — stays in the post's language.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select
from support import FAST_HASHER

from noodpost.core import cards, i18n
from noodpost.core.audit import AuditAction
from noodpost.core.errors import NeedsConfirmation, Refused, UserError
from noodpost.services.base import ServiceContext
from noodpost.services.intake import IntakeService
from noodpost.services.messages import MessagesService
from noodpost.services.pins import MAX_ATTEMPTS
from noodpost.services.post import PostService
from noodpost.services.volunteers import VolunteersService
from noodpost.storage.models import AuditEntry

PIN = "73915264"


@pytest.fixture
def marked() -> Iterator[None]:
    """Every text looked up in the catalogue comes back as «text»."""
    i18n.install(lambda context, text: "«" + text + "»")
    yield
    i18n.uninstall()


def test_a_likely_duplicate_lists_its_cards_in_the_catalogues_words(
    ctx: ServiceContext, marked: None
) -> None:
    intake = IntakeService(ctx)
    first = intake.register(size=2, name="Grietje Bos", birth_year=1948, postcode="9791 AB")

    with pytest.raises(NeedsConfirmation) as asked:
        intake.register(size=3, name="grietje bos", birth_year=1948, postcode="9791ab")

    assert asked.value.message == (
        "«Er is al een huishouden met dezelfde naam, hetzelfde geboortejaar en dezelfde "
        "postcode. Is dit hetzelfde huishouden?»"
    )
    assert asked.value.warnings == (f"«Kaart {cards.pretty(first.card_code)} · 2 pers.»",)


def test_wrong_pins_are_counted_on_screen_but_the_lock_is_recorded_in_dutch(
    ctx: ServiceContext, marked: None
) -> None:
    vols = VolunteersService(ctx, hasher=FAST_HASHER)
    anna = vols.add_volunteer("Anna", "coordinator", PIN).id

    with pytest.raises(Refused) as first:
        vols.sign_in(anna, "0000")
    assert first.value.message == (
        f"«Pincode onjuist. Probeer het opnieuw (nog {MAX_ATTEMPTS - 1} «pogingen»).»"
    )
    for _ in range(MAX_ATTEMPTS - 2):
        with pytest.raises(Refused):
            vols.sign_in(anna, "0000")
    with pytest.raises(Refused) as locked:
        vols.sign_in(anna, "0000")
    assert locked.value.message == (
        f"«Pincode onjuist. Na {MAX_ATTEMPTS} verkeerde pogingen is inloggen 60 «seconden» "
        "geblokkeerd.»"
    )
    with pytest.raises(Refused) as still:
        vols.sign_in(anna, PIN)
    assert still.value.message == (
        "«Te vaak een verkeerde pincode. Inloggen is nog 60 «seconden» geblokkeerd; probeer "
        "het daarna opnieuw.»"
    )
    with ctx.read() as session:
        lock = session.scalars(
            select(AuditEntry).where(AuditEntry.action == AuditAction.SIGN_IN_LOCK.value)
        ).all()
    assert [entry.result for entry in lock] == ["60 seconden"]


def test_a_missing_name_and_a_closed_crisis_are_said_in_the_catalogues_words(
    ctx: ServiceContext, marked: None
) -> None:
    with pytest.raises(UserError) as no_name:
        MessagesService(ctx).record(name="  ", message=None, consent=True)
    assert no_name.value.message == "«Vul «de naam» in.»"

    with pytest.raises(Refused) as nobody:
        PostService(ctx).close_post()
    assert nobody.value.message == "«Log eerst in met uw pincode.»"

    vols = VolunteersService(ctx, hasher=FAST_HASHER)
    anna = vols.add_volunteer("Anna", "coordinator", PIN).id
    vols.sign_in(anna, PIN)
    PostService(ctx).close_post()
    with pytest.raises(Refused) as again:
        PostService(ctx).close_post()
    assert again.value.message == (
        "«De post is al gesloten. Open eerst opnieuw als er weer mensen komen.»"
    )
