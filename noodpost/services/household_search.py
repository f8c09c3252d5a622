"""Finding a household by name at the desk, when its card is lost or left at home (issue 18).

A volunteer types part of the name in the desk's scan field, perhaps with a birth year or a
postcode (``bakk``, ``Bakker 1950``, ``de vries 9791 AB``). Rules that live here:

- a name matches without regard to case or accents, and in part (``bakk`` finds *Bákker*);
  every word typed must occur in one name — the household's or one of its persons';
- a birth year or a postcode narrows the list; a household that does not know its birth year
  or postcode stays in when a name matched (it may be the same household);
- only this post's households, never a removed one; a household whose card was reissued is
  found with its current card;
- a text that reads as a card code is no search — a valid code, letters and digits mixed, or
  eight letters of the card alphabet written as a code (``ACDE-FGHK``): :func:`search_terms`
  gives ``None`` and the desk checks it as a code (a typo must still say the code is wrong);
- every search is recorded in the audit log — what was searched on and how many were found,
  never the name, year or postcode typed (DESIGN §3.6).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import select

from noodpost.core import cards
from noodpost.core.audit import AuditAction
from noodpost.core.errors import UserError
from noodpost.core.i18n import translate
from noodpost.core.vocabulary import VisitStatus
from noodpost.services.audit import AuditService
from noodpost.services.base import ServiceContext
from noodpost.storage.models import Household, Person, Visit

#: The fewest letters of a name to search for.
MIN_LETTERS = 2
#: At most this many households are listed; more: type more of the name.
MAX_MATCHES = 50
#: A birth year typed with the name (four digits in this range; otherwise a postcode's digits).
OLDEST_YEAR = 1900

_YEAR_OR_DIGITS = re.compile(r"[0-9]{4}", re.ASCII)
_POSTCODE = re.compile(r"([0-9]{4})([A-Za-z]{2})?", re.ASCII)
_LETTERS = re.compile(r"[A-Za-z]{2}", re.ASCII)


@dataclass(frozen=True)
class SearchTerms:
    """What a search text asks for: folded name words, a birth year, (part of) a postcode."""

    words: tuple[str, ...] = ()
    birth_year: int | None = None
    postcode: str | None = None

    @property
    def kind(self) -> str:
        """What is searched on, for the audit log: ``naam en geboortejaar``."""
        parts = [
            word
            for word, given in (
                ("naam", self.words),
                ("geboortejaar", self.birth_year),
                ("postcode", self.postcode),
            )
            if given
        ]
        return " en ".join(parts)


@dataclass(frozen=True)
class HouseholdMatch:
    """One household found: what a volunteer needs to recognise it, and its current card."""

    household_id: str
    card_code: str
    pretty_code: str
    name: str | None
    size: int
    birth_years: tuple[int, ...]
    postcode: str | None
    present: bool


@dataclass(frozen=True)
class SearchResult:
    """The households found (at most :data:`MAX_MATCHES`); ``more``: there were more."""

    matches: tuple[HouseholdMatch, ...]
    more: bool = False


def fold(text: str) -> str:
    """``Bákker`` → ``bakker``: without accents, case-folded (SQLite's lower() knows ASCII)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def search_terms(text: str, this_year: int) -> SearchTerms | None:
    """The terms of a name search, or ``None`` when ``text`` is no search.

    A valid card code, anything with ``:``, or a word mixing letters and digits (a mistyped
    code such as ``7K3Q-9XW3``) is no search. Four digits are a birth year when they can be
    one, otherwise a postcode's digits; ``9791 AB`` and ``9791AB`` are a postcode.
    """
    if not text.strip() or ":" in text:
        return None
    try:
        cards.parse(text)
    except cards.InvalidCode:
        pass
    else:
        return None
    words: list[str] = []
    years: list[int] = []
    postcode: str | None = None
    tokens = text.replace(",", " ").split()
    index = 0
    while index < len(tokens):
        token = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if _YEAR_OR_DIGITS.fullmatch(token) and OLDEST_YEAR <= int(token) <= this_year:
            years.append(int(token))
        elif (found := _POSTCODE.fullmatch(token)) is not None:
            postcode = found.group(1) + (found.group(2) or "").upper()
            if found.group(2) is None and _LETTERS.fullmatch(following):
                postcode += following.upper()
                index += 1
        elif _reads_as_code(token):
            return None  # a code of letters only, typed wrong: ACDE-FGHK
        elif any(ch.isalpha() for ch in token) and not any(ch.isdigit() for ch in token):
            words.append(fold(token))
        else:
            return None  # letters and digits mixed: a code, typed wrong
        index += 1
    if len(years) > 1:
        return None
    return SearchTerms(tuple(words), years[0] if years else None, postcode)


def _reads_as_code(token: str) -> bool:
    """Eight characters of the card alphabet, written as a code: ``ACDE-FGHK`` or in capitals
    (``Hartkamp`` typed as a name is a name)."""
    compact = token.replace("-", "")
    if len(compact) != cards.BODY_LENGTH + 1 or any(
        ch not in cards.ALPHABET for ch in compact.upper()
    ):
        return False
    return token.isupper() or token[4:5] == "-"


class HouseholdSearch:
    """Finds this post's households by name, birth year and postcode."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def is_search(self, text: str) -> bool:
        """Whether ``text`` reads as a search (a name…), not as a card code."""
        return search_terms(text, self.ctx.clock.now().year) is not None

    def search(self, text: str) -> SearchResult:
        """This post's households that match ``text``, by name, then birth year.

        Raises:
            UserError: nothing to search for, fewer than two letters of a name, or a text
                that is no search (two birth years, a code).
        """
        terms = search_terms(text, self.ctx.clock.now().year)
        if terms is None or not (terms.words or terms.birth_year or terms.postcode):
            raise UserError(
                translate(
                    "HouseholdSearch",
                    "Typ een deel van de naam, eventueel met het geboortejaar of de postcode, "
                    "bijvoorbeeld: Bakker 1950.",
                )
            )
        if terms.words and len("".join(terms.words)) < MIN_LETTERS:
            raise UserError(
                translate("HouseholdSearch", "Typ minstens {letters} letters van de naam.").format(
                    letters=MIN_LETTERS
                )
            )
        own = self.ctx.node.post_code
        with self.ctx.read() as session:
            households = session.scalars(
                select(Household).where(Household.post_code == own, Household.deleted.is_(False))
            ).all()
            persons: dict[str, list[tuple[str | None, int | None]]] = {}
            for person in session.scalars(select(Person).where(Person.deleted.is_(False))):
                persons.setdefault(person.household_id, []).append((person.name, person.birth_year))
            present = set(
                session.scalars(
                    select(Visit.household_id).where(
                        Visit.post_code == own,
                        Visit.status == VisitStatus.PRESENT.value,
                        Visit.deleted.is_(False),
                    )
                )
            )
        found = [
            _match(row, persons.get(row.id, []), row.id in present)
            for row in households
            if _matches(terms, row, persons.get(row.id, []))
        ]
        found.sort(key=lambda m: (m.name is None, fold(m.name or ""), m.birth_years, m.card_code))
        AuditService(self.ctx).record(
            AuditAction.SEARCH_HOUSEHOLDS, f"zoeken op {terms.kind}: {len(found)} gevonden"
        )
        return SearchResult(tuple(found[:MAX_MATCHES]), more=len(found) > MAX_MATCHES)


def _matches(
    terms: SearchTerms, row: Household, persons: list[tuple[str | None, int | None]]
) -> bool:
    names = [fold(name) for name in (row.name, *(p[0] for p in persons)) if name]
    if terms.words and not any(all(word in name for word in terms.words) for name in names):
        return False
    unknown_stays = bool(terms.words)  # a name matched: without the year it may be them
    if terms.birth_year is not None:
        years = _years(row, persons)
        if (years and terms.birth_year not in years) or (not years and not unknown_stays):
            return False
    if terms.postcode is not None:
        postcode = (row.postcode or "").replace(" ", "").upper()
        if postcode and not postcode.startswith(terms.postcode):
            return False
        if not postcode and not unknown_stays:
            return False
    return True


def _years(row: Household, persons: list[tuple[str | None, int | None]]) -> tuple[int, ...]:
    years = {year for year in (row.birth_year, *(p[1] for p in persons)) if year is not None}
    return tuple(sorted(years))


def _match(
    row: Household, persons: list[tuple[str | None, int | None]], present: bool
) -> HouseholdMatch:
    return HouseholdMatch(
        household_id=row.id,
        card_code=row.card_code,
        pretty_code=cards.pretty(row.card_code),
        name=row.name,
        size=row.size,
        birth_years=_years(row, persons),
        postcode=row.postcode,
        present=present,
    )
