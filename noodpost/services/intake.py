"""Intake: register households, issue and reissue cards, recognise a scanned card.

Rules that live here and nowhere else:
- only the household size is required; everything personal is optional;
- health is recorded only as fixed flags, each with consent;
- a likely duplicate (same name, birth year and postcode) is shown before saving;
- a reissued card's old code no longer opens the household — scanning it says so;
- an unused pre-printed code starts an intake.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select

from noodpost.core import cards
from noodpost.core.clock import iso
from noodpost.core.entities import Op
from noodpost.core.errors import NeedsConfirmation, NotFound, Refused, UserError
from noodpost.core.fold import BASE_KEY
from noodpost.core.i18n import translate
from noodpost.core.localtime import local_day
from noodpost.core.vocabulary import HealthFlag
from noodpost.services.base import ServiceContext, new_id, optional_text
from noodpost.storage.models import Card, Household, Person
from noodpost.storage.projection import CARD_ACTIVE, CARD_REPLACED

MAX_HOUSEHOLD = 30
OLDEST_BIRTH_YEAR = 1900


class CardState(StrEnum):
    KNOWN = "known"  # opens a household
    UNUSED = "unused"  # valid, not yet given to anyone: start an intake


class CardReplaced(Refused):
    """The card was replaced by a reissue (lost or broken): its code opens nothing any more."""


@dataclass(frozen=True)
class CardLookup:
    state: CardState
    code: str
    post_code: str
    household_id: str | None = None


@dataclass(frozen=True)
class Registered:
    household_id: str
    card_code: str
    qr_text: str
    pretty_code: str


@dataclass(frozen=True)
class HouseholdSummary:
    id: str
    card_code: str
    size: int
    name: str | None
    birth_year: int | None
    postcode: str | None
    language: str | None
    flags: tuple[str, ...]
    post_code: str


def _summary(row: Household) -> HouseholdSummary:
    return HouseholdSummary(
        id=row.id,
        card_code=row.card_code,
        size=row.size,
        name=row.name,
        birth_year=row.birth_year,
        postcode=row.postcode,
        language=row.language,
        flags=tuple(row.flags or ()),
        post_code=row.post_code,
    )


def _normalise_postcode(text: str | None) -> str | None:
    value = optional_text(text)
    return value.replace(" ", "").upper() if value else None


class IntakeService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # ------------------------------------------------------------------ reading

    def lookup(self, text: str) -> CardLookup:
        """What a scanned or typed code means here.

        Raises:
            InvalidCode: the text is not a valid code (wrong check character, …).
            CardReplaced: the card was replaced by a reissue.
            NotFound: a valid card of another post that this post does not know.
        """
        scanned = cards.parse(text)
        own = self.ctx.node.post_code
        post_code = scanned.post_code or own
        with self.ctx.read() as session:
            card = session.get(Card, (scanned.code, post_code))
            if card is None and scanned.post_code is None:
                card = session.scalar(select(Card).where(Card.code == scanned.code).limit(1))
        if card is not None and card.status == CARD_REPLACED:
            raise CardReplaced(
                translate(
                    "IntakeService",
                    "Deze kaart is vervangen door een nieuwe kaart en is niet meer geldig. "
                    "Vraag naar de nieuwe kaart of zoek het huishouden op naam.",
                )
            )
        if card is not None and card.status == CARD_ACTIVE and card.household_id:
            return CardLookup(CardState.KNOWN, scanned.code, card.post_code, card.household_id)
        if post_code != own:
            raise NotFound(
                translate(
                    "IntakeService",
                    "Deze kaart is van noodsteunpunt {post} en is hier nog niet bekend. "
                    "Schrijf het huishouden hier in met een nieuwe kaart.",
                ).format(post=post_code)
            )
        return CardLookup(CardState.UNUSED, scanned.code, own)

    def household(self, household_id: str) -> HouseholdSummary:
        with self.ctx.read() as session:
            row = session.get(Household, household_id)
            if row is None or row.deleted:
                raise NotFound(translate("IntakeService", "Dit huishouden is niet (meer) bekend."))
            return _summary(row)

    def find_duplicates(
        self, name: str | None, birth_year: int | None, postcode: str | None
    ) -> list[HouseholdSummary]:
        """Households with the same name, birth year and postcode (a likely double intake)."""
        name = optional_text(name)
        postcode = _normalise_postcode(postcode)
        if not (name and birth_year and postcode):
            return []
        with self.ctx.read() as session:
            rows = session.scalars(
                select(Household).where(
                    func.lower(Household.name) == name.lower(),
                    Household.birth_year == birth_year,
                    Household.postcode == postcode,
                    Household.deleted.is_(False),
                )
            )
            return [_summary(r) for r in rows]

    def count(self) -> int:
        with self.ctx.read() as session:
            return (
                session.scalar(
                    select(func.count()).select_from(Household).where(Household.deleted.is_(False))
                )
                or 0
            )

    # ------------------------------------------------------------------ writing

    def register(
        self,
        *,
        size: int,
        name: str | None = None,
        birth_year: int | None = None,
        postcode: str | None = None,
        language: str | None = None,
        flags: Iterable[HealthFlag | str] = (),
        consent: bool = False,
        card_code: str | None = None,
        confirm_duplicate: bool = False,
    ) -> Registered:
        """Register a household and give it a card (a new code, or a scanned blank one).

        Raises:
            UserError: an impossible size or birth year; a used card code.
            Refused: health flags without consent.
            NeedsConfirmation: a likely duplicate exists and ``confirm_duplicate`` is false.
        """
        if not 1 <= size <= MAX_HOUSEHOLD:
            raise UserError(
                translate("IntakeService", "Vul het aantal personen in (1 tot {most}).").format(
                    most=MAX_HOUSEHOLD
                )
            )
        flag_values = _flag_values(flags)
        if flag_values and not consent:
            raise Refused(
                translate(
                    "IntakeService",
                    "Gezondheidskenmerken worden alleen vastgelegd met toestemming van de bewoner.",
                )
            )
        self._check_birth_year(birth_year)
        if not confirm_duplicate:
            doubles = self.find_duplicates(name, birth_year, postcode)
            if doubles:
                raise NeedsConfirmation(
                    translate(
                        "IntakeService",
                        "Er is al een huishouden met dezelfde naam, hetzelfde geboortejaar en "
                        "dezelfde postcode. Is dit hetzelfde huishouden?",
                    ),
                    [card_line(d.card_code, d.size) for d in doubles],
                )
        post_code = self.ctx.node.post_code
        code = cards.parse(card_code).code if card_code is not None else self._fresh_code(post_code)
        household_id = new_id()
        with self.ctx.write() as uow:
            existing = uow.session.get(Card, (code, post_code))
            if existing is not None and existing.household_id is not None:
                raise UserError(
                    translate(
                        "IntakeService",
                        "Deze kaart is al uitgegeven aan een ander huishouden. "
                        "Neem een nieuwe kaart.",
                    )
                )
            data = self.household_data(
                code=code,
                size=size,
                name=name,
                birth_year=birth_year,
                postcode=postcode,
                language=language,
                flag_values=flag_values,
            )
            uow.emit("household", household_id, Op.CREATE, data)
        return Registered(household_id, code, cards.qr_text(post_code, code), cards.pretty(code))

    def _check_birth_year(self, birth_year: int | None) -> None:
        this_year = self.ctx.clock.now().year
        if birth_year is not None and not OLDEST_BIRTH_YEAR <= birth_year <= this_year:
            raise UserError(_wrong_birth_year(birth_year))

    def household_data(
        self,
        *,
        code: str,
        size: int,
        name: str | None,
        birth_year: int | None,
        postcode: str | None,
        language: str | None = None,
        flag_values: Sequence[str] = (),
        registered_at: datetime | None = None,
    ) -> dict[str, Any]:
        """A new household's event data on card ``code`` (registered now, or at the moment
        written on a paper form); consent to its flags is given today (that day)."""
        self._check_birth_year(birth_year)
        moment = self.ctx.clock.now() if registered_at is None else registered_at
        day = local_day(moment).isoformat()
        return {
            "post_code": self.ctx.node.post_code,
            "card_code": code,
            "size": size,
            "name": optional_text(name),
            "birth_year": birth_year,
            "postcode": _normalise_postcode(postcode),
            "language": optional_text(language),
            "flags": list(flag_values),
            "consents": {flag: day for flag in flag_values},
            "registered_at": iso(moment),
        }

    def _fresh_code(self, post_code: str) -> str:
        with self.ctx.read() as session:
            while True:
                code = cards.new_card_code()
                if session.get(Card, (code, post_code)) is None:
                    return code

    def reissue(self, household_id: str) -> Registered:
        """Give a household a new card; the old code stops working at once."""
        self.household(household_id)
        post_code = self.ctx.node.post_code
        code = self._fresh_code(post_code)
        with self.ctx.write() as uow:
            row = uow.session.get(Household, household_id)
            assert row is not None
            uow.emit(
                "household",
                household_id,
                Op.UPDATE,
                {"card_code": code, BASE_KEY: row.updated_hlc},
            )
        return Registered(household_id, code, cards.qr_text(post_code, code), cards.pretty(code))

    def update(
        self,
        household_id: str,
        *,
        size: int | None = None,
        name: str | None = None,
        birth_year: int | None = None,
        postcode: str | None = None,
        language: str | None = None,
    ) -> HouseholdSummary:
        """Change the given fields of a household (``None`` leaves a field as it is)."""
        changes: dict[str, object] = {}
        if size is not None:
            if not 1 <= size <= MAX_HOUSEHOLD:
                raise UserError(
                    translate("IntakeService", "Vul het aantal personen in (1 tot {most}).").format(
                        most=MAX_HOUSEHOLD
                    )
                )
            changes["size"] = size
        if name is not None:
            changes["name"] = optional_text(name)
        if birth_year is not None:
            if not OLDEST_BIRTH_YEAR <= birth_year <= self.ctx.clock.now().year:
                raise UserError(_wrong_birth_year(birth_year))
            changes["birth_year"] = birth_year
        if postcode is not None:
            changes["postcode"] = _normalise_postcode(postcode)
        if language is not None:
            changes["language"] = optional_text(language)
        if not changes:
            return self.household(household_id)
        self.household(household_id)
        with self.ctx.write() as uow:
            row = uow.session.get(Household, household_id)
            assert row is not None
            uow.emit("household", household_id, Op.UPDATE, {**changes, BASE_KEY: row.updated_hlc})
        return self.household(household_id)

    def set_flags(
        self, household_id: str, flags: Iterable[HealthFlag | str], *, consent: bool
    ) -> HouseholdSummary:
        """Replace the health flags; each needs the resident's consent, which is dated."""
        values = _flag_values(flags)
        if values and not consent:
            raise Refused(
                translate(
                    "IntakeService",
                    "Gezondheidskenmerken worden alleen vastgelegd met toestemming van de bewoner.",
                )
            )
        current = self.household(household_id)
        today = local_day(self.ctx.clock.now()).isoformat()
        with self.ctx.write() as uow:
            row = uow.session.get(Household, household_id)
            assert row is not None
            consents = {k: v for k, v in (row.consents or {}).items() if k in values}
            consents.update({f: today for f in values if f not in current.flags})
            uow.emit(
                "household",
                household_id,
                Op.UPDATE,
                {"flags": values, "consents": consents, BASE_KEY: row.updated_hlc},
            )
        return self.household(household_id)

    def add_person(
        self, household_id: str, *, name: str | None = None, birth_year: int | None = None
    ) -> str:
        self.household(household_id)
        if (
            birth_year is not None
            and not OLDEST_BIRTH_YEAR <= birth_year <= self.ctx.clock.now().year
        ):
            raise UserError(_wrong_birth_year(birth_year))
        person_id = new_id()
        with self.ctx.write() as uow:
            uow.emit(
                "person",
                person_id,
                Op.CREATE,
                {
                    "household_id": household_id,
                    "post_code": self.ctx.node.post_code,
                    "name": optional_text(name),
                    "birth_year": birth_year,
                },
            )
        return person_id

    def persons(self, household_id: str) -> list[tuple[str, str | None, int | None]]:
        with self.ctx.read() as session:
            rows = session.scalars(
                select(Person).where(Person.household_id == household_id, Person.deleted.is_(False))
            )
            return [(p.id, p.name, p.birth_year) for p in rows]

    def reserve_blank_cards(self, count: int) -> list[str]:
        """Reserve ``count`` new codes for pre-printed blank cards (one batch event)."""
        if not 1 <= count <= 5000:
            raise UserError(translate("IntakeService", "Kies een aantal kaarten tussen 1 en 5000."))
        post_code = self.ctx.node.post_code
        codes: set[str] = set()
        with self.ctx.read() as session:
            while len(codes) < count:
                code = cards.new_card_code()
                if code not in codes and session.get(Card, (code, post_code)) is None:
                    codes.add(code)
        ordered = sorted(codes)
        with self.ctx.write() as uow:
            uow.emit(
                "card_batch",
                new_id(),
                Op.CREATE,
                {"post_code": post_code, "codes": ordered, "printed_at": self.ctx.now_iso()},
            )
        return ordered


def _flag_values(flags: Iterable[HealthFlag | str]) -> list[str]:
    """The fixed health flags, sorted; anything else is refused (no free-text health)."""
    values: set[str] = set()
    for flag in flags:
        try:
            values.add(HealthFlag(flag).value)
        except ValueError:
            raise UserError(
                translate(
                    "IntakeService",
                    "'{flag}' is geen bekende aandachtsvlag. Kies uit de vaste lijst.",
                ).format(flag=flag)
            ) from None
    return sorted(values)


def _wrong_birth_year(birth_year: int) -> str:
    return translate("IntakeService", "Geboortejaar {year} klopt niet.").format(year=birth_year)


def card_line(card_code: str, size: int) -> str:
    """A household in a list to confirm against: ``Kaart ABCD-EFGH · 3 pers.``."""
    return translate("IntakeService", "Kaart {card} · {size} pers.").format(
        card=cards.pretty(card_code), size=size
    )
