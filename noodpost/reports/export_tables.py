"""The tables of the CSV and XLSX exports: columns, HXL tags, and which columns are personal.

``docs/exports.md`` lists every column and its tag. :mod:`noodpost.reports.exports` writes the
files and keeps the rules (no personal data by default, a coordinator for personal data, the
audit log).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from noodpost.core.clock import parse_iso
from noodpost.core.localtime import local_time
from noodpost.core.vocabulary import label
from noodpost.services.base import ServiceContext, post_scope
from noodpost.services.supply_ledger import stock_totals
from noodpost.storage.models import (
    Alarm,
    Bulletin,
    ChargingTicket,
    Distribution,
    Household,
    LogEntry,
    Need,
    Person,
    Post,
    SafeMessage,
    Shift,
    StockMovement,
    SupplyItem,
    Visit,
    Volunteer,
)

# ---------------------------------------------------------------- values


def local_iso(stored: str | None) -> str:
    """A stored time (UTC ISO) as Dutch local time with offset, to the second:
    ``2026-11-28T10:00:00+01:00``; empty when there is none."""
    if not stored:
        return ""
    return local_time(parse_iso(stored)).replace(microsecond=0).isoformat()


def _yes_no(value: bool | None) -> str:
    if value is None:
        return ""
    return "ja" if value else "nee"


def _joined(values: Sequence[Any] | None, *, labelled: bool = False) -> str:
    return "; ".join(label(str(v)) if labelled else str(v) for v in values or ())


def _label(value: str | None) -> str:
    return label(value) if value else ""


# ---------------------------------------------------------------- the tables


@dataclass(frozen=True)
class Column:
    """One exported column: Dutch header, HXL hashtag, and how to get the value from a row."""

    header: str
    tag: str
    value: Callable[[Any], Any]
    personal: bool = False


@dataclass(frozen=True)
class Table:
    """One exported entity: ``name`` its key in the code, ``title`` its Dutch name, which gives
    the file and sheet name (``Huishoudens`` → ``huishoudens.csv``, sheet ``huishoudens``)."""

    name: str
    title: str
    columns: tuple[Column, ...]
    personal_only: bool = False

    @property
    def file_stem(self) -> str:
        """``huishoudens``, ``veilig-en-welberichten``: what a volunteer sees in the folder."""
        return self.title.lower().replace(" ", "-")

    def columns_for(self, personal: bool) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if personal or not c.personal)


def _c(header: str, tag: str, attr: str, *, personal: bool = False) -> Column:
    return Column(header, tag, lambda row: getattr(row, attr), personal)


_ID = _c("id", "#meta+id", "id")
_POST = _c("post", "#loc+code", "post_code")
_HOUSEHOLD = _c("huishouden", "#meta+household", "household_id")


def _t(header: str, tag: str, attr: str, *, personal: bool = False) -> Column:
    return Column(header, tag, lambda row: local_iso(getattr(row, attr)), personal)


def _l(header: str, tag: str, attr: str) -> Column:
    return Column(header, tag, lambda row: _label(getattr(row, attr)))


TABLES: tuple[Table, ...] = (
    Table(
        "posts",
        "Posten",
        (
            _POST,
            _c("naam", "#loc+name", "name"),
            _l("rol", "#meta+role", "role"),
            _c("capaciteit", "#capacity+ind", "capacity"),
            _c("adres", "#loc+address", "address"),
            Column("open", "#status", lambda r: _yes_no(r.is_open)),
            _c("openingstijden", "#meta+hours", "opening_hours"),
            Column("diensten", "#service+name", lambda r: _joined(r.services, labelled=True)),
            _t("gesloten op", "#date+closed", "closed_at"),
        ),
    ),
    Table(
        "households",
        "Huishoudens",
        (
            _ID,
            _POST,
            _c("personen", "#affected+ind", "size"),
            _t("ingeschreven", "#date+registered", "registered_at"),
            _c("taal", "#meta+lang", "language"),
            Column("geanonimiseerd", "#meta+anonymised", lambda r: _yes_no(r.anonymised)),
            _c("kaartcode", "#meta+card", "card_code", personal=True),
            _c("naam", "#beneficiary+name", "name", personal=True),
            _c("geboortejaar", "#beneficiary+birth_year", "birth_year", personal=True),
            _c("postcode", "#loc+postcode", "postcode", personal=True),
            Column(
                "kenmerken",
                "#beneficiary+flags",
                lambda r: _joined(r.flags, labelled=True),
                personal=True,
            ),
            Column(
                "toestemming",
                "#beneficiary+consent",
                lambda r: "; ".join(
                    f"{label(k)} {v}" for k, v in sorted((r.consents or {}).items())
                ),
                personal=True,
            ),
        ),
    ),
    Table(
        "persons",
        "Gezinsleden",
        (
            _ID,
            _HOUSEHOLD,
            _c("naam", "#beneficiary+name", "name", personal=True),
            _c("geboortejaar", "#beneficiary+birth_year", "birth_year", personal=True),
        ),
        personal_only=True,
    ),
    Table(
        "visits",
        "Bezoeken",
        (
            _ID,
            _POST,
            _HOUSEHOLD,
            _c("personen", "#affected+ind", "persons"),
            _t("aangemeld", "#date+start", "checked_in_at"),
            _t("afgemeld", "#date+end", "checked_out_at"),
            _l("status", "#status", "status"),
        ),
    ),
    Table(
        "needs",
        "Hulpvragen",
        (
            _ID,
            _POST,
            _HOUSEHOLD,
            _l("categorie", "#sector", "category"),
            _l("urgentie", "#severity", "urgency"),
            _l("status", "#status", "status"),
            _t("geopend", "#date+opened", "opened_at"),
            _c("doorverwezen naar", "#org+referral", "referred_to"),
            _c("notitie", "#description", "note", personal=True),
            _c("statusnotitie", "#description+status", "status_note", personal=True),
        ),
    ),
    Table(
        "distributions",
        "Uitgiften",
        (
            _ID,
            _POST,
            _HOUSEHOLD,
            _c("artikel", "#item+code", "item_code"),
            _c("hoeveelheid", "#item+num", "quantity"),
            _c("eenheid", "#item+unit", "unit"),
            _t("tijd", "#date", "at"),
            _c("draait terug", "#meta+corrects", "corrects"),
            _c("reden", "#description+reason", "override_reason", personal=True),
        ),
    ),
    Table(
        "stock",
        "Voorraad",
        (
            _POST,
            _c("artikel", "#item+code", "item_code"),
            _c("naam", "#item+name", "item_name"),
            _c("eenheid", "#item+unit", "unit"),
            _c("voorraad", "#item+num+stock", "quantity"),
            _c("minimum", "#item+num+min", "min_stock"),
            Column("onder minimum", "#status+low", lambda r: _yes_no(r.below_minimum)),
        ),
    ),
    Table(
        "stock_movements",
        "Voorraadboekingen",
        (
            _ID,
            _POST,
            _c("artikel", "#item+code", "item_code"),
            _l("soort", "#meta+kind", "kind"),
            _c("hoeveelheid", "#item+num", "quantity"),
            _c("eenheid", "#item+unit", "unit"),
            _t("tijd", "#date", "at"),
            _c("reden of herkomst", "#description+reason", "reason", personal=True),
        ),
    ),
    Table(
        "supply_items",
        "Voorraadlijst",
        (
            _ID,
            _c("code", "#item+code", "code"),
            _c("naam", "#item+name", "name"),
            _c("eenheid", "#item+unit", "unit"),
            _c("categorie", "#item+type", "category"),
            _c("per persoon per dag", "#item+num+ration_ind", "ration_per_person_per_day"),
            _c("per huishouden per dag", "#item+num+ration_hh", "ration_per_household_per_day"),
            _c("minimum", "#item+num+min", "min_stock"),
            Column("vervallen", "#status", lambda r: _yes_no(r.retired)),
        ),
    ),
    Table(
        "alarms",
        "Noodmeldingen",
        (
            _ID,
            _POST,
            _l("soort", "#event+type", "type"),
            _l("urgentie", "#severity", "urgency"),
            _l("status", "#status", "status"),
            _c("plek", "#loc+address", "location"),
            _c("betrokken personen", "#affected+ind", "persons"),
            _t("gemeld", "#date+reported", "raised_at"),
            _t("bevestigd", "#date+acknowledged", "acknowledged_at"),
            _c("bevestigd door", "#contact+name+ack", "acknowledged_by", personal=True),
            _c("omschrijving", "#description", "description", personal=True),
            _c("statusnotitie", "#description+status", "status_note", personal=True),
        ),
    ),
    Table(
        "charging_tickets",
        "Oplaadbonnen",
        (
            _ID,
            _POST,
            _c("bonnummer", "#meta+ticket", "number"),
            _HOUSEHOLD,
            _c("apparaat", "#item+name", "device"),
            _t("ingenomen", "#date+start", "checked_in_at"),
            _t("teruggegeven", "#date+end", "returned_at"),
            _l("status", "#status", "status"),
        ),
    ),
    Table(
        "safe_messages",
        "Veilig-en-welberichten",
        (
            _ID,
            _POST,
            _HOUSEHOLD,
            _t("gegeven", "#date", "given_at"),
            Column("toestemming", "#meta+consent", lambda r: _yes_no(r.consent)),
            _c("naam", "#beneficiary+name", "name", personal=True),
            _c("geboortejaar", "#beneficiary+birth_year", "birth_year", personal=True),
            _c("bericht", "#description", "message", personal=True),
            _c("contact", "#contact+info", "contact", personal=True),
        ),
    ),
    Table(
        "volunteers",
        "Vrijwilligers",
        (
            _ID,
            _POST,
            _l("rol", "#meta+role", "role"),
            Column("actief", "#status", lambda r: _yes_no(r.active is not False)),
            Column("vaardigheden", "#meta+skills", lambda r: _joined(r.skills)),
            _c("naam", "#contact+name", "name", personal=True),
            _c("telefoon", "#contact+phone", "phone", personal=True),
        ),
    ),
    Table(
        "shifts",
        "Diensten",
        (
            _ID,
            _POST,
            _c("vrijwilliger", "#meta+volunteer", "volunteer_id"),
            _c("taak", "#activity", "task"),
            _t("begonnen", "#date+start", "started_at"),
            _t("beëindigd", "#date+end", "ended_at"),
            _l("status", "#status", "status"),
            _c("overdracht", "#description", "handover_note", personal=True),
        ),
    ),
    Table(
        "log_entries",
        "Logboek",
        (
            _ID,
            _POST,
            _t("tijd", "#date", "at"),
            _c("categorie", "#meta+category", "category"),
            Column("automatisch", "#meta+automatic", lambda r: _yes_no(r.automatic)),
            _c("tekst", "#description", "text", personal=True),
        ),
    ),
    Table(
        "bulletins",
        "Mededelingen",
        (
            _ID,
            _c("titel", "#description+title", "title"),
            _c("tekst", "#description", "body"),
            _t("gepubliceerd", "#date+published", "published_at"),
            _t("geldig tot", "#date+end", "valid_until"),
            Column("voor posten", "#loc+code+target", lambda r: _joined(r.targets)),
            _c("versie", "#meta+version", "version"),
        ),
    ),
)


def tables_for(personal: bool) -> list[Table]:
    """The tables an export holds, in file order."""
    return [t for t in TABLES if personal or not t.personal_only]


# ---------------------------------------------------------------- reading rows


@dataclass(frozen=True)
class _ItemRow:
    """A distribution or stock movement with its item's code and unit beside it."""

    row: Any
    item_code: str
    unit: str

    def __getattr__(self, name: str) -> Any:
        return getattr(self.row, name)


@dataclass(frozen=True)
class _StockRow:
    post_code: str
    item_code: str
    item_name: str
    unit: str
    quantity: float
    min_stock: float | None
    below_minimum: bool


def _stock_rows(session: Session, ctx: ServiceContext) -> Iterator[_StockRow]:
    codes = None if ctx.node.is_hub else [ctx.node.post_code]
    totals = {key: t.quantity for key, t in stock_totals(session, codes).items()}
    items = {i.id: i for i in session.scalars(select(SupplyItem))}
    for (post_code, item_id), total in sorted(totals.items()):
        item = items.get(item_id)
        quantity = round(total, 6) + 0.0
        minimum = item.min_stock if item is not None else None
        yield _StockRow(
            post_code=post_code,
            item_code=item.code if item is not None else item_id,
            item_name=item.name if item is not None else "",
            unit=item.unit if item is not None else "",
            quantity=quantity,
            min_stock=minimum,
            below_minimum=minimum is not None and quantity < minimum,
        )


_MODELS: dict[str, Any] = {
    "posts": Post,
    "households": Household,
    "visits": Visit,
    "needs": Need,
    "distributions": Distribution,
    "stock_movements": StockMovement,
    "supply_items": SupplyItem,
    "alarms": Alarm,
    "charging_tickets": ChargingTicket,
    "safe_messages": SafeMessage,
    "volunteers": Volunteer,
    "shifts": Shift,
    "log_entries": LogEntry,
    "bulletins": Bulletin,
}

_ORDER: dict[str, Any] = {
    "visits": Visit.checked_in_at,
    "needs": Need.opened_at,
    "distributions": Distribution.at,
    "stock_movements": StockMovement.at,
    "alarms": Alarm.raised_at,
    "charging_tickets": ChargingTicket.number,
    "log_entries": LogEntry.at,
    "households": Household.registered_at,
    "shifts": Shift.started_at,
    "safe_messages": SafeMessage.given_at,
}


def table_rows(session: Session, ctx: ServiceContext, table: Table) -> Iterator[Any]:
    if table.name == "stock":
        yield from _stock_rows(session, ctx)
        return
    if table.name == "persons":
        households = select(Household.id).where(*post_scope(ctx, Household))
        yield from session.scalars(
            select(Person)
            .where(Person.deleted.is_(False), Person.household_id.in_(households))
            .order_by(Person.household_id, Person.id)
        )
        return
    model = _MODELS[table.name]
    if table.name in {"posts", "supply_items", "bulletins"}:
        filters = [model.deleted.is_(False)]
    else:
        filters = post_scope(ctx, model)
    order = [_ORDER[table.name]] if table.name in _ORDER else []
    query = select(model).where(*filters).order_by(*order, model.id)
    if table.name in {"distributions", "stock_movements"}:
        items = {i.id: i for i in session.scalars(select(SupplyItem))}
        for row in session.scalars(query):
            item = items.get(row.item_id)
            yield _ItemRow(row, item.code if item else row.item_id, item.unit if item else "")
        return
    yield from session.scalars(query)


def cell(value: Any) -> Any:
    """A value as spreadsheets take it: text, a number, or empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value
