"""Finding a household by name at the desk (issue 18, item 5), on a real SQLite file."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from noodpost.core.entities import Op
from noodpost.core.errors import UserError
from noodpost.core.fold import BASE_KEY
from noodpost.services.base import ServiceContext
from noodpost.services.household_search import HouseholdSearch, search_terms
from noodpost.services.intake import IntakeService
from noodpost.services.visits import VisitsService
from noodpost.storage.models import AuditEntry, Household


@pytest.fixture
def intake(ctx: ServiceContext) -> IntakeService:
    return IntakeService(ctx)


@pytest.fixture
def finder(ctx: ServiceContext) -> HouseholdSearch:
    return HouseholdSearch(ctx)


def _names(finder: HouseholdSearch, text: str) -> list[tuple[str | None, tuple[int, ...]]]:
    return [(m.name, m.birth_years) for m in finder.search(text).matches]


def test_part_of_a_name_finds_both_bakkers_and_a_birth_year_narrows_to_one(
    ctx: ServiceContext, intake: IntakeService, finder: HouseholdSearch
) -> None:
    older = intake.register(size=2, name="Bakker", birth_year=1950, postcode="9791 AB")
    intake.register(size=4, name="Bákker", birth_year=1982)  # an accent, typed or not
    intake.register(size=1, name="Jansen", birth_year=1950)
    VisitsService(ctx).check_in(older.household_id)

    assert _names(finder, "bakk") == [("Bakker", (1950,)), ("Bákker", (1982,))]
    assert _names(finder, "BAKKER") == _names(finder, "bakk")
    [found] = finder.search("Bakker 1950").matches
    assert (found.household_id, found.pretty_code, found.size) == (
        older.household_id,
        older.pretty_code,
        2,
    )
    assert found.present
    assert _names(finder, "bakker 9791ab") == [("Bakker", (1950,)), ("Bákker", (1982,))]
    assert _names(finder, "bakker 9791 AC") == [("Bákker", (1982,))]  # its postcode unknown
    assert _names(finder, "1950") == [("Bakker", (1950,)), ("Jansen", (1950,))]
    assert finder.search("de Vries").matches == ()


def test_a_person_of_the_household_is_found_too(
    intake: IntakeService, finder: HouseholdSearch
) -> None:
    household = intake.register(size=3, name="Jan de Vries", birth_year=1950)
    intake.add_person(household.household_id, name="Grietje Bos", birth_year=1952)
    [found] = finder.search("griet bos").matches
    assert (found.household_id, found.birth_years) == (household.household_id, (1950, 1952))
    assert finder.search("griet vries").matches == ()  # the words of one name, not of two


def test_a_reissued_household_shows_its_new_card_and_a_removed_one_is_gone(
    ctx: ServiceContext, intake: IntakeService, finder: HouseholdSearch
) -> None:
    kept = intake.register(size=2, name="Bakker", birth_year=1950)
    gone = intake.register(size=3, name="Bakker", birth_year=1960)
    new = intake.reissue(kept.household_id)
    with ctx.write() as uow:
        row = uow.session.get(Household, gone.household_id)
        assert row is not None
        uow.emit("household", gone.household_id, Op.DELETE, {BASE_KEY: row.updated_hlc})

    [found] = finder.search("bakker").matches
    assert (found.household_id, found.card_code) == (kept.household_id, new.card_code)


def test_a_code_is_no_search_and_the_audit_keeps_no_name(
    ctx: ServiceContext, intake: IntakeService, finder: HouseholdSearch
) -> None:
    household = intake.register(size=2, name="Bakker", birth_year=1950)
    wrong = household.pretty_code[:-1] + ("3" if household.pretty_code[-1] != "3" else "4")
    for code in (household.pretty_code, household.qr_text, wrong, "Bakker1950", "ACDE-FGHK"):
        assert search_terms(code, 2026) is None, code
        assert not finder.is_search(code)
    assert finder.is_search("van der Berg")
    assert finder.is_search("Hartkamp")  # eight letters of the card alphabet, but a name
    assert finder.is_search("Bakker 1950")
    with pytest.raises(UserError, match="minstens 2 letters"):
        finder.search("b")
    with pytest.raises(UserError, match="Typ een deel van de naam"):
        finder.search(wrong)

    finder.search("bakker 1950")
    finder.search("smit")
    with ctx.read() as session:
        audit = session.scalars(
            select(AuditEntry.object)
            .where(AuditEntry.action == "search_households")
            .order_by(AuditEntry.id)
        ).all()
    assert audit == ["zoeken op naam en geboortejaar: 1 gevonden", "zoeken op naam: 0 gevonden"]
    assert not any("bakker" in line.lower() or "1950" in line for line in audit)
