"""Intake: register, cards, duplicates, reissue — and every refusal writes nothing."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from noodpost.core import cards
from noodpost.core.cards import InvalidCode
from noodpost.core.errors import NeedsConfirmation, NotFound, Refused, UserError
from noodpost.core.vocabulary import HealthFlag
from noodpost.services.base import ServiceContext
from noodpost.services.intake import CardState, IntakeService


@pytest.fixture
def intake(ctx: ServiceContext) -> IntakeService:
    return IntakeService(ctx)


def test_only_the_size_is_required_and_the_card_opens_the_household(
    intake: IntakeService,
) -> None:
    registered = intake.register(size=4)
    assert registered.qr_text == f"NP1:GR-0014:{registered.pretty_code}"
    found = intake.lookup(registered.qr_text)
    assert (found.state, found.household_id) == (CardState.KNOWN, registered.household_id)
    assert intake.lookup(registered.pretty_code.lower()).household_id == registered.household_id
    household = intake.household(registered.household_id)
    assert (household.size, household.name, household.flags) == (4, None, ())


def test_unknown_card_code_with_a_wrong_check_character_is_refused(
    intake: IntakeService, event_count: Callable[[], int]
) -> None:
    good = cards.new_card_code()
    wrong = good[:-1] + next(c for c in cards.ALPHABET if c != good[-1])
    before = event_count()
    with pytest.raises(InvalidCode, match="Deze code klopt niet — controleer de kaart"):
        intake.lookup(f"NP1:GR-0014:{cards.pretty(wrong)}")
    assert event_count() == before


def test_an_unused_valid_code_starts_an_intake_with_that_code(intake: IntakeService) -> None:
    (blank,) = intake.reserve_blank_cards(1)
    assert intake.lookup(cards.qr_text("GR-0014", blank)).state is CardState.UNUSED
    registered = intake.register(size=2, card_code=blank)
    assert registered.card_code == blank
    assert intake.lookup(blank).state is CardState.KNOWN


def test_a_used_card_cannot_be_given_to_a_second_household(
    intake: IntakeService, event_count: Callable[[], int]
) -> None:
    first = intake.register(size=1)
    before = event_count()
    with pytest.raises(UserError, match="al uitgegeven aan een ander huishouden"):
        intake.register(size=3, card_code=first.card_code)
    assert event_count() == before


def test_unknown_card_of_another_post_is_refused(
    intake: IntakeService, event_count: Callable[[], int]
) -> None:
    before = event_count()
    with pytest.raises(NotFound, match="noodsteunpunt GR-0099"):
        intake.lookup(cards.qr_text("GR-0099", cards.new_card_code()))
    assert event_count() == before


def test_reissue_invalidates_the_old_code(
    intake: IntakeService, event_count: Callable[[], int]
) -> None:
    old = intake.register(size=2)
    new = intake.reissue(old.household_id)
    assert new.card_code != old.card_code
    before = event_count()
    with pytest.raises(Refused, match="vervangen door een nieuwe kaart"):
        intake.lookup(old.qr_text)
    assert event_count() == before
    assert intake.lookup(new.qr_text).household_id == old.household_id


def test_a_likely_duplicate_needs_confirmation_and_nothing_is_written_before(
    intake: IntakeService, event_count: Callable[[], int]
) -> None:
    intake.register(size=2, name="Grietje Bos", birth_year=1948, postcode="9791 AB")
    before = event_count()
    with pytest.raises(NeedsConfirmation, match="dezelfde naam") as asked:
        intake.register(size=3, name="grietje bos", birth_year=1948, postcode="9791ab")
    assert asked.value.warnings  # the existing card is shown
    assert event_count() == before
    intake.register(
        size=3, name="grietje bos", birth_year=1948, postcode="9791ab", confirm_duplicate=True
    )
    assert event_count() == before + 1


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"size": 0}, "aantal personen"),
        ({"size": 31}, "aantal personen"),
        ({"size": 2, "birth_year": 1850}, "Geboortejaar 1850 klopt niet"),
        ({"size": 2, "flags": [HealthFlag.NEEDS_MEDICATION]}, "alleen vastgelegd met toestemming"),
    ],
)
def test_impossible_input_is_refused_with_a_dutch_message(
    intake: IntakeService,
    event_count: Callable[[], int],
    kwargs: dict[str, object],
    message: str,
) -> None:
    before = event_count()
    with pytest.raises(UserError, match=message):
        intake.register(**kwargs)  # type: ignore[arg-type]
    assert event_count() == before


def test_health_flags_keep_their_consent_date(intake: IntakeService) -> None:
    registered = intake.register(size=1, flags=[HealthFlag.POWER_DEPENDENT], consent=True)
    household = intake.household(registered.household_id)
    assert household.flags == ("power_dependent",)
    updated = intake.set_flags(registered.household_id, [], consent=False)
    assert updated.flags == ()
