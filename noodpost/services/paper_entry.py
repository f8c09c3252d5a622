"""*Papier invoeren*: typing in the paper forms a post filled in while the laptop was off.

When the power ran out the post went on on paper (``noodpost paper forms``: each form with a
reserved card). Once the laptop runs again, a volunteer types each form in. What makes it
paper and not "now":

- every record keeps the time written on the form, never the time of typing: the visit, the
  hand-outs and the registration all happened then. The ration counts on *that* day;
- that time is never in the future and never before the post opened (its ``post`` record);
- each record is marked ``from_paper``; who typed it in is the author of its event;
- the same checks as at the desk: a likely duplicate household is offered for review and
  never merged (:class:`DuplicateHousehold`), a hand-out beyond that day's ration needs a
  reason (:class:`~noodpost.core.errors.NeedsConfirmation`);
- the form's pre-reserved card code is recognised: an unused one registers the household on
  it, one already in use is that household;
- one form is one unit of work: a refusal anywhere writes nothing of it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from noodpost.core import cards
from noodpost.core.clock import iso
from noodpost.core.dutch import format_clock
from noodpost.core.entities import Op
from noodpost.core.errors import NeedsConfirmation, NotFound, Refused, UserError
from noodpost.core.hlc import wall_time
from noodpost.core.i18n import translate
from noodpost.core.ids import post_id
from noodpost.core.localtime import LOCAL_ZONE, local_day, local_time
from noodpost.core.vocabulary import VisitStatus
from noodpost.services.base import ServiceContext, new_id, optional_text
from noodpost.services.intake import MAX_HOUSEHOLD, HouseholdSummary, IntakeService, card_line
from noodpost.services.supplies import SuppliesService
from noodpost.storage.models import Card, Household, Post, Visit
from noodpost.storage.uow import UnitOfWork

#: A form's time may be this far ahead of the laptop's clock (two clocks never agree exactly).
CLOCK_SLACK = timedelta(minutes=5)


@dataclass(frozen=True)
class PaperForm:
    """One filled-in paper form.

    Attributes:
        card_code: the code printed on the form's card (any form a scan or typing accepts).
        at: the moment written on the form (aware): the visit's start, the hand-outs, and the
            registration when the card was new.
        size, name, birth_year, postcode: the household, for a card not yet in use.
        left_at: when the household left, if the form says so; else it is still present.
        hand_outs: ``(item code or id, quantity)`` ticked on the form, at ``at``.
        household_id: the volunteer chose this existing household for the form (a duplicate
            reviewed); its card is then not registered again.
        new_household: registered as new although a likely duplicate exists (reviewed).
        reason: why a hand-out beyond that day's ration was given (from the form).
    """

    card_code: str
    at: datetime
    size: int | None = None
    name: str | None = None
    birth_year: int | None = None
    postcode: str | None = None
    left_at: datetime | None = None
    hand_outs: Sequence[tuple[str, float]] = field(default_factory=tuple)
    household_id: str | None = None
    new_household: bool = False
    reason: str | None = None


@dataclass(frozen=True)
class Entered:
    """What one form became."""

    household_id: str
    pretty_code: str
    registered: bool
    hand_outs: int


class DuplicateHousehold(NeedsConfirmation):
    """The form's household looks like one already registered: the volunteer decides.

    Attributes:
        households: the likely matches (choose one with ``PaperForm.household_id``, or
            register anyway with ``PaperForm.new_household``).
    """

    def __init__(self, households: Sequence[HouseholdSummary]) -> None:
        super().__init__(
            translate(
                "PaperEntry",
                "Er is al een huishouden met dezelfde naam, hetzelfde geboortejaar en dezelfde "
                "postcode. Is het formulier van dat huishouden?",
            ),
            [card_line(h.card_code, h.size) for h in households],
        )
        self.households = tuple(households)


class PaperEntryService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.intake = IntakeService(ctx)
        self.supplies = SuppliesService(ctx)

    def opened_at(self) -> datetime:
        """When this post opened: the first moment a form may name."""
        with self.ctx.read() as session:
            post = session.get(Post, post_id(self.ctx.node.post_code))
            if post is None:
                raise NotFound(translate("PaperEntry", "Deze post is nog niet ingericht."))
            return wall_time(post.created_hlc)

    def check_moment(self, at: datetime, opened: datetime | None = None) -> None:
        """Refuse a time that cannot be right: in the future, or before the post opened."""
        now = self.ctx.clock.now()
        opened = self.opened_at() if opened is None else opened
        if at > now + CLOCK_SLACK:
            raise UserError(
                translate(
                    "PaperEntry",
                    "De tijd op het formulier ({when}) ligt in de toekomst. Kijk de "
                    "datum en de tijd na.",
                ).format(when=_when(at, now))
            )
        if at < opened - CLOCK_SLACK:
            raise UserError(
                translate(
                    "PaperEntry",
                    "De tijd op het formulier ({when}) ligt voor de opening van de post "
                    "({opened}). Kijk de datum en de tijd na.",
                ).format(when=_when(at, now), opened=_when(opened, now))
            )

    def enter(self, form: PaperForm) -> Entered:
        """Type one form in: the household (registered on the form's card when new), its
        visit at the form's time, and the hand-outs ticked on it — all marked from paper.

        Raises:
            UserError: an impossible time, size or card code.
            DuplicateHousehold: a likely duplicate, not yet reviewed (nothing written).
            NeedsConfirmation: a hand-out beyond that day's ration without a reason.
            Refused: the household is present now and the form gives no time of leaving.
        """
        if self.ctx.node.is_hub:
            raise Refused(
                translate(
                    "PaperEntry",
                    "Papieren formulieren worden op de post ingevoerd, niet op de C-NSP.",
                )
            )
        self.check_moment(form.at)
        if form.left_at is not None:
            self.check_moment(form.left_at)
            if form.left_at < form.at:
                raise UserError(
                    translate(
                        "PaperEntry", "De vertrektijd ligt voor de aankomsttijd. Kijk de tijden na."
                    )
                )
        post_code = self.ctx.node.post_code
        code = cards.parse(form.card_code).code
        if form.household_id is None and not form.new_household:
            holder = self._card_holder(code)
            if holder is None:
                doubles = self.intake.find_duplicates(form.name, form.birth_year, form.postcode)
                if doubles:
                    raise DuplicateHousehold(doubles)
        reason = optional_text(form.reason)
        with self.ctx.write() as uow:
            session = uow.session
            household, registered = self._household(uow, form, code, post_code)
            present = session.scalar(
                select(Visit.id).where(
                    Visit.household_id == household.id,
                    Visit.post_code == post_code,
                    Visit.status == VisitStatus.PRESENT.value,
                    Visit.deleted.is_(False),
                )
            )
            if present is not None and form.left_at is None:
                raise Refused(
                    translate(
                        "PaperEntry",
                        "Dit huishouden is nu als aanwezig aangemeld. Vul op het formulier de "
                        "vertrektijd in, of meld het eerst af.",
                    )
                )
            visit: dict[str, object] = {
                "post_code": post_code,
                "household_id": household.id,
                "persons": household.size,
                "checked_in_at": iso(form.at),
                "from_paper": True,
            }
            if form.left_at is not None:
                visit.update(checked_out_at=iso(form.left_at), status=VisitStatus.LEFT.value)
            uow.emit("visit", new_id(), Op.CREATE, visit)
            for item, quantity in form.hand_outs:
                self.supplies.hand_out_in(uow, household, item, quantity, reason, at=form.at)
            pretty = cards.pretty(household.card_code)
            return Entered(household.id, pretty, registered, len(form.hand_outs))

    def _card_holder(self, code: str) -> str | None:
        with self.ctx.read() as session:
            card = session.get(Card, (code, self.ctx.node.post_code))
            return card.household_id if card is not None else None

    def _household(
        self, uow: UnitOfWork, form: PaperForm, code: str, post_code: str
    ) -> tuple[Household, bool]:
        """The form's household: chosen, holding the card, or registered now on the card."""
        session = uow.session
        chosen = form.household_id
        if chosen is None:
            card = session.get(Card, (code, post_code))
            chosen = card.household_id if card is not None else None
        if chosen is not None:
            row = session.get(Household, chosen)
            if row is None or row.deleted or row.post_code != post_code:
                raise NotFound(
                    translate("PaperEntry", "Dit huishouden is niet (meer) bekend op deze post.")
                )
            return row, False
        if form.size is None or not 1 <= form.size <= MAX_HOUSEHOLD:
            raise UserError(
                translate(
                    "PaperEntry",
                    "Kaart {card} is nog niet uitgegeven: vul het aantal personen in "
                    "(1 tot {most}) om het huishouden in te schrijven.",
                ).format(card=cards.pretty(code), most=MAX_HOUSEHOLD)
            )
        household_id = new_id()
        uow.emit(
            "household",
            household_id,
            Op.CREATE,
            self.intake.household_data(
                code=code,
                size=form.size,
                name=form.name,
                birth_year=form.birth_year,
                postcode=form.postcode,
                registered_at=form.at,
            )
            | {"from_paper": True},
        )
        row = session.get(Household, household_id)
        assert row is not None
        return row, True


def form_moment(day_text: str, clock_text: str, today: date) -> datetime:
    """The moment a volunteer copies from a form: ``29-11`` (this year) or ``29-11-2026``, and
    ``14:00``, ``14.00`` or ``1400`` — Dutch local time.

    Raises:
        UserError: a date or time that does not exist, said in Dutch.
    """
    day_match = re.fullmatch(r"\s*(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{4}))?\s*", day_text)
    clock_match = re.fullmatch(r"\s*(\d{1,2})[:.]?(\d{2})\s*", clock_text)
    if day_match is None:
        raise UserError(
            translate("PaperEntry", "Datum '{day}' klopt niet: schrijf bijvoorbeeld 29-11.").format(
                day=day_text.strip()
            )
        )
    if clock_match is None:
        raise UserError(
            translate(
                "PaperEntry", "Tijd '{clock}' klopt niet: schrijf bijvoorbeeld 14:00."
            ).format(clock=clock_text.strip())
        )
    day_part, month, year = day_match.groups()
    hour, minute = (int(v) for v in clock_match.groups())
    try:
        day = date(int(year) if year else today.year, int(month), int(day_part))
        moment = time(hour, minute)
    except ValueError:
        raise UserError(
            translate(
                "PaperEntry", "{day} {clock} bestaat niet. Kijk de datum en de tijd na."
            ).format(day=day_text.strip(), clock=clock_text.strip())
        ) from None
    return datetime.combine(day, moment, tzinfo=LOCAL_ZONE)


def _when(moment: datetime, now: datetime) -> str:
    """``14:00`` today, else ``6-12-2026 14:00`` (a form may be from another year's night)."""
    local = local_time(moment)
    if local.date() == local_day(now):
        return format_clock(moment, now)
    return f"{local.day}-{local.month}-{local.year} {local:%H:%M}"
