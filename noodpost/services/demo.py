"""Realistic demo records, written through the ordinary services (``noodpost demo``).

A village near Groningen during a long power cut: households of one to six register at the
post over the first days, come back at meal times, collect water and food within the ration
rules, ask for help in every category, charge phones, and now and then need an ambulance.
Volunteers work shifts and keep the logbook.

Demo records are ordinary records (DESIGN §3.7). The same ``seed`` gives the same people,
sizes, times and choices; record ids and card codes stay random, as they always are.

The records agree with each other as a real post's would: three teams of two volunteers take
turns (shift changes at :data:`SHIFT_CHANGES`, up to the moment the demo ends), every record is
written by a volunteer on duty at that moment, and alarms stay *open*: nothing in the demo
reaches a C-NSP, so none is sent, received or acknowledged.
"""

from __future__ import annotations

import heapq
import random
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from functools import partial

from noodpost.core.clock import FixedClock
from noodpost.core.errors import NeedsConfirmation, UserError
from noodpost.core.i18n import translate
from noodpost.core.localtime import LOCAL_ZONE, local_day, local_time
from noodpost.core.vocabulary import AlarmType, HealthFlag, NeedCategory, Urgency
from noodpost.services.alarms import AlarmsService
from noodpost.services.base import ServiceContext
from noodpost.services.charging import ChargingService
from noodpost.services.intake import IntakeService
from noodpost.services.logbook import LogbookService
from noodpost.services.messages import MessagesService
from noodpost.services.needs import NeedsService
from noodpost.services.supplies import SuppliesService
from noodpost.services.visits import VisitsService
from noodpost.services.volunteers import VolunteersService
from noodpost.storage.engine import Database

FIRST_NAMES = (
    "Anna", "Jan", "Grietje", "Klaas", "Trijntje", "Harm", "Geesje", "Roelf", "Jantje", "Egbert",
    "Aaltje", "Hendrik", "Wietske", "Sjoerd", "Fenna", "Albert", "Hilda", "Derk", "Janna",
    "Berend", "Sanne", "Daan", "Lotte", "Bram", "Femke", "Thijs", "Noor", "Sem", "Eva", "Luuk",
    "Fatima", "Mohamed", "Yusuf", "Aylin", "Olena", "Andrii", "Marek", "Ewa", "Kees", "Ria",
)  # fmt: skip
SURNAMES = (
    "Bakker", "Bos", "de Vries", "Mulder", "Smit", "Dijkstra", "Hoekstra", "Meijer", "Visser",
    "Jansen", "Kuipers", "Huizinga", "Wiersma", "Boersma", "Zijlstra", "Veenstra", "Oosting",
    "Brouwer", "Pol", "Kramer", "Hofman", "Nienhuis", "Tammeling", "Wolters", "Venema",
    "Wubbels", "Schuiling", "Bolhuis", "Dekker", "Yilmaz", "El Amrani", "Kowalski",
)  # fmt: skip
STREETS = (
    "Kerkstraat", "Dorpsweg", "Stationsweg", "Molenstraat", "Wolddijk", "Bovenrijge",
    "Hoofdweg", "Meentweg", "Torenlaan", "Kloosterlaan", "Boltjeshuis", "Woldweg",
)  # fmt: skip
LANGUAGES = ("Nederlands",) * 14 + ("Engels", "Duits", "Arabisch", "Turks", "Oekraïens", "Pools")
DEVICES = ("telefoon", "telefoon", "telefoon", "tablet", "powerbank", "laptop", "hoortoestel")
LOG_LINES = (
    "Aggregaat bijgevuld met brandstof.",
    "Overdracht dienst: rustig, geen bijzonderheden.",
    "Extra dekens uitgedeeld in zaal 2.",
    "Rondgang gedaan langs de kwetsbare adressen in de Kerkstraat.",
    "Informatie over de stroomstoring opgehangen bij de ingang.",
    "Toiletten schoongemaakt, hygiënesets aangevuld.",
)
VOLUNTEERS = (
    ("Anna Dijkstra", "coordinator", ("coördinatie", "EHBO")),
    ("Harm Oosting", "volunteer", ("balie",)),
    ("Fenna Wiersma", "volunteer", ("balie", "luisterend oor")),
    ("Derk Kuipers", "volunteer", ("logistiek", "aggregaat")),
    ("Sanne Bolhuis", "volunteer", ("EHBO",)),
    ("Yusuf Yilmaz", "volunteer", ("tolk", "balie")),
)
DEMO_PIN = "1234"
HANDOVERS = (
    "Rustig verlopen, bijzonderheden staan in het logboek.",
    "Aggregaat over twee uur bijvullen.",
    "Zaal 2 vraagt om extra dekens.",
    "Voorraad drinkwater nagelopen, klopt met de telling.",
)
#: Local clock times at which the next team takes over (the night team from the last one on).
SHIFT_CHANGES = (time(7, 30), time(14, 30), time(22, 0))
#: Three teams of two, taking turns: the volunteers at these positions of :data:`VOLUNTEERS`.
TEAMS = ((0, 3), (1, 4), (2, 5))
OPENS_AT_HOUR = 10
#: Meal times draw visitors: hours of the day (local) with their weight.
PEAKS = ((8.5, 3), (12.5, 5), (18.0, 4), (15.0, 1), (10.5, 1))


@dataclass(frozen=True)
class DemoResult:
    households: int
    days: int
    summary: str


@dataclass
class _Household:
    size: int
    id: str | None = None  # set when the household has registered


class _Demo:
    def __init__(self, db: Database, households: int, days: int, seed: int, end: datetime):
        self.rng = random.Random(seed)
        self.households = households
        self.days = days
        # The last demo day is today once the post has been open a while, else yesterday.
        last_day = local_day(end) - timedelta(days=int(local_time(end).hour < OPENS_AT_HOUR))
        start_day = last_day - timedelta(days=days - 1)
        self.start = datetime.combine(start_day, time(7, 30), tzinfo=LOCAL_ZONE)
        self.end = end
        self.clock = FixedClock(self.start)
        self.ctx = ServiceContext(db, self.clock)
        self.intake = IntakeService(self.ctx)
        self.visits = VisitsService(self.ctx)
        self.supplies = SuppliesService(self.ctx)
        self.needs = NeedsService(self.ctx)
        self.alarms = AlarmsService(self.ctx)
        self.charging = ChargingService(self.ctx)
        self.logbook = LogbookService(self.ctx)
        self.messages = MessagesService(self.ctx)
        self.volunteers = VolunteersService(self.ctx)
        self.registered: list[_Household] = []
        self.volunteer_ids: list[str] = []
        self.coordinator: str | None = None  # signed in while the demo writes
        self.on_duty: list[str] = []  # volunteer ids; whoever writes the next record is one
        # Who of the team does what: its own generator, so the people and times stay as they
        # were for a seed.
        self.hands = random.Random(seed * 7919 + 1)
        self._queue: list[tuple[datetime, int, Callable[[], object]]] = []
        self._order = 0

    # ---------------------------------------------------------------- timeline

    def at(self, moment: datetime, action: Callable[[], object]) -> None:
        """Schedule ``action`` at ``moment`` (dropped when it lies after the end)."""
        if moment <= self.end:
            heapq.heappush(self._queue, (moment, self._order, action))
            self._order += 1

    def run(self) -> None:
        self._staff()
        self._schedule_shifts()
        for day in range(self.days):
            morning = self.start + timedelta(days=day)
            self.at(morning, self._deliveries)
            for _ in range(self.rng.randint(2, 4)):
                self.at(self._moment(day), self._log_line)
            for _ in range(self.rng.randint(1, 3)):
                self.at(self._moment(day), self._alarm)
            for _ in range(self.rng.randint(2, 6)):
                self.at(self._moment(day), self._charge)
        for category in NeedCategory:  # every category occurs at least once
            self.at(self._moment(0), partial(self._need, category))
        # Most households come on the first day, fewer later; many return on later days.
        weights = [4.0 / (d + 1) for d in range(self.days)]
        for _ in range(self.households):
            household = _Household(size=self.rng.choices(range(1, 7), (30, 30, 15, 13, 8, 4))[0])
            first = self.rng.choices(range(self.days), weights)[0]
            # Everyone registers before the end, even when today's peak is still to come.
            arrives = min(
                self._moment(first), self.end - timedelta(minutes=self.rng.uniform(1, 90))
            )
            self.at(arrives, partial(self._register, household))
            for day in range(first + 1, self.days):
                if self.rng.random() < 0.6:
                    self.at(self._moment(day), partial(self._visit, household))
        while self._queue:
            moment, _, action = heapq.heappop(self._queue)
            self.clock.set(moment)
            self.ctx.actor = self.hands.choice(self.on_duty) if self.on_duty else self.coordinator
            action()
        self.clock.set(self.end)
        self.ctx.actor = self.coordinator

    def _moment(self, day: int) -> datetime:
        """A time on ``day`` drawn around the meal-time peaks."""
        hour = self.rng.choices([p[0] for p in PEAKS], [p[1] for p in PEAKS])[0]
        offset = self.rng.gauss(hour - 7.5, 0.6)
        return self.start + timedelta(days=day, hours=min(max(offset, 0.2), 14.0))

    def _later(self, hours_from: float, hours_to: float, action: Callable[[], object]) -> None:
        self.at(self.clock.now() + timedelta(hours=self.rng.uniform(hours_from, hours_to)), action)

    # ---------------------------------------------------------------- actions

    def _staff(self) -> None:
        existing = {v.name: v.id for v in self.volunteers.list_volunteers()}
        for name, role, skills in VOLUNTEERS:
            if name not in existing:
                existing[name] = self.volunteers.add_volunteer(
                    name, role, DEMO_PIN, skills=skills
                ).id
            if role == "coordinator" and self.volunteers.signed_in() is None:
                self.volunteers.sign_in(existing[name], DEMO_PIN)
        self.volunteer_ids = [existing[name] for name, _, _ in VOLUNTEERS]
        self.coordinator = self.ctx.actor or self.volunteer_ids[0]

    def _schedule_shifts(self) -> None:
        """A shift change at every :data:`SHIFT_CHANGES` time from the start to the end."""
        turn = 0
        day = self.start.date()
        while datetime.combine(day, time(0, 0), tzinfo=LOCAL_ZONE) <= self.end:
            for change in SHIFT_CHANGES:
                moment = datetime.combine(day, change, tzinfo=LOCAL_ZONE)
                if self.start <= moment <= self.end:
                    self.at(moment, partial(self._shifts, TEAMS[turn % len(TEAMS)]))
                    turn += 1
            day += timedelta(days=1)

    def _shifts(self, team: tuple[int, ...]) -> None:
        """The team on duty hands over to ``team``: each ends and begins their own shift."""
        for ended in self.volunteers.on_duty():
            self.ctx.actor = ended.volunteer_id
            self.volunteers.end_shift(ended.id, self.hands.choice(HANDOVERS))
        self.on_duty = [self.volunteer_ids[i] for i in team]
        for volunteer_id in self.on_duty:
            self.ctx.actor = volunteer_id
            self.volunteers.start_shift(volunteer_id, self.rng.choice(("balie", "uitgifte", None)))

    def _deliveries(self) -> None:
        scale = max(1, self.households // 50)
        for item in self.supplies.items():
            if item.min_stock:
                quantity = round(item.min_stock * scale * self.rng.uniform(1.0, 2.0))
                self.supplies.record_delivery(item.code, float(quantity), "Veiligheidsregio")

    def _register(self, household: _Household) -> None:
        rng = self.rng
        named = rng.random() < 0.7
        flags = [f for f in HealthFlag if rng.random() < 0.06]
        letters = "ABCDEGHJKL"
        registered = self.intake.register(
            size=household.size,
            name=f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}" if named else None,
            birth_year=rng.randint(1930, 2005) if named else None,
            postcode=f"9791 {rng.choice(letters)}{rng.choice(letters)}" if named else None,
            language=rng.choice(LANGUAGES),
            flags=flags,
            consent=bool(flags),
            confirm_duplicate=True,
        )
        household.id = registered.household_id
        self.registered.append(household)
        if rng.random() < 0.08:
            self.messages.record(
                f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}",
                "Wij zijn veilig en verblijven in het dorpshuis.",
                consent=rng.random() < 0.85,
                birth_year=rng.randint(1940, 2010),
            )
        self._visit(household)

    def _visit(self, household: _Household) -> None:
        if household.id is None:
            return
        rng = self.rng
        try:
            self.visits.check_in(household.id)
        except UserError:
            return  # still present from an earlier visit
        self._hand_out(household.id, "water")
        if rng.random() < 0.5:
            self._hand_out(household.id, "food_package")
        if rng.random() < 0.3:
            extra = rng.choice(("hot_meal", "blanket", "hygiene_kit", "batteries"))
            self._hand_out(household.id, extra)
        if rng.random() < 0.12:
            self._need(rng.choice(list(NeedCategory)), household.id)
        self._later(0.5, 4.0, partial(self.visits.check_out, household.id))

    def _hand_out(self, household_id: str, code: str) -> None:
        with suppress(NeedsConfirmation):  # the ration for today is reached: respect it
            self.supplies.hand_out(household_id, code)

    def _need(self, category: NeedCategory, household_id: str | None = None) -> None:
        rng = self.rng
        urgency = rng.choices(list(Urgency), (1, 3, 8))[0]
        need = self.needs.open_need(category, urgency, household_id=household_id)
        roll = rng.random()
        if roll < 0.5:
            self._later(0.2, 2.0, partial(self._progress, need.id, roll < 0.3))
        elif roll < 0.6:
            self._later(0.2, 2.0, partial(self._refer, need.id))

    def _progress(self, need_id: str, finish: bool) -> None:
        self.needs.change_status(need_id, "in_progress")
        if finish:
            self._later(0.5, 3.0, partial(self.needs.change_status, need_id, "done", "Geholpen."))

    def _refer(self, need_id: str) -> None:
        self.needs.refer(need_id, self.rng.choice(("huisarts", "gemeente", "Rode Kruis")))

    def _alarm(self) -> None:
        rng = self.rng
        kind = rng.choices(list(AlarmType), (1, 1, 3, 1))[0]
        self.alarms.raise_alarm(
            kind,
            rng.choices(list(Urgency), (3, 2, 1))[0],
            f"{rng.choice(STREETS)} {rng.randint(1, 80)}",
            persons=rng.randint(1, 3),
            description="Melding bij de balie.",
        )
        # Nothing in the demo reaches a C-NSP: the alarm stays open, as on a post that is not
        # paired yet (the desk shows the line to read over the radio). Only the hub receives
        # and acknowledges an alarm (DESIGN §3.8).

    def _charge(self) -> None:
        household = self.rng.choice(self.registered) if self.registered else None
        ticket = self.charging.check_in(
            self.rng.choice(DEVICES), household.id if household else None
        )
        if self.rng.random() < 0.85:
            self._later(1.0, 3.0, partial(self.charging.return_device, ticket.id))

    def _log_line(self) -> None:
        self.logbook.add(self.rng.choice(LOG_LINES))


def generate(db: Database, *, households: int, days: int, seed: int, end: datetime) -> DemoResult:
    """Write a demo season ending at ``end`` into an initialised post."""
    if households < 0 or households > 200_000:
        raise UserError(translate("Demo", "Kies een aantal huishoudens tussen 0 en 200.000."))
    if not 1 <= days <= 90:
        raise UserError(translate("Demo", "Kies een aantal dagen tussen 1 en 90."))
    demo = _Demo(db, households, days, seed, end)
    if demo.ctx.node.is_hub:
        raise UserError(
            translate("Demo", "Demogegevens zijn voor een noodsteunpunt, niet voor de C-NSP.")
        )
    demo.run()
    return DemoResult(
        households=len(demo.registered),
        days=days,
        summary=f"{len(demo.registered)} huishoudens over {days} dagen toegevoegd.",
    )
