"""Fixed vocabularies with their Dutch labels (GLOSSARY.md).

The values are English identifiers stored in events; ``label()`` gives what a volunteer reads.
The GUI translates these labels again for English through Qt's translation files.
"""

from __future__ import annotations

from enum import StrEnum

from noodpost.core.i18n import translate


class Role(StrEnum):
    VOLUNTEER = "volunteer"
    COORDINATOR = "coordinator"


class NodeRole(StrEnum):
    POST = "post"
    HUB = "hub"


class NeedCategory(StrEnum):
    FOOD_WATER = "food_water"
    WARMING_COOLING = "warming_cooling"
    MEDICAL = "medical"
    HYGIENE = "hygiene"
    MEDICINE = "medicine"
    LISTENING = "listening"
    POWER = "power"
    RELATIVES = "relatives"
    INFORMATION = "information"
    TRANSPORT = "transport"
    SHELTER = "shelter"
    OTHER = "other"


class Urgency(StrEnum):
    IMMEDIATE = "immediate"
    HIGH = "high"
    NORMAL = "normal"

    @property
    def pressing(self) -> bool:
        """Spoed or hoog: the desk shows such a need in amber."""
        return self in (Urgency.IMMEDIATE, Urgency.HIGH)


class NeedStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    REFERRED = "referred"
    DONE = "done"
    CANCELLED = "cancelled"


class AlarmType(StrEnum):
    FIRE = "fire"
    POLICE = "police"
    AMBULANCE = "ambulance"
    OTHER = "other"


class AlarmStatus(StrEnum):
    OPEN = "open"
    SENT = "sent"
    RECEIVED = "received"
    ACKNOWLEDGED = "acknowledged"
    CLOSED = "closed"
    CANCELLED = "cancelled"


class VisitStatus(StrEnum):
    PRESENT = "present"
    LEFT = "left"


class ChargingStatus(StrEnum):
    CHARGING = "charging"
    RETURNED = "returned"
    CANCELLED = "cancelled"


class ShiftStatus(StrEnum):
    ON_DUTY = "on_duty"
    ENDED = "ended"


class HealthFlag(StrEnum):
    """The only health information Noodpost keeps: fixed flags, each with recorded consent."""

    NEEDS_MEDICATION = "needs_medication"
    POWER_DEPENDENT = "power_dependent"
    LESS_SELF_RELIANT = "less_self_reliant"


class MovementKind(StrEnum):
    DELIVERY = "delivery"
    CORRECTION = "correction"


class DispatchStatus(StrEnum):
    """A supply dispatch from the C-NSP to a post (*levering*)."""

    IN_TRANSIT = "in_transit"
    RECEIVED = "received"
    CANCELLED = "cancelled"


class RequestStatus(StrEnum):
    """A post's request for supplies to the C-NSP (*aanvraag*)."""

    OPEN = "open"
    ANSWERED = "answered"
    CLOSED = "closed"


class PostFunction(StrEnum):
    """What a post offers (DESIGN §2, the L-NSP functions); kept in the post's ``services``."""

    DISTRIBUTION = "distribution"
    WARM_COOL_LOCATION = "warm_cool_location"
    MEDICAL_HYGIENE = "medical_hygiene"
    LISTENING_EAR = "listening_ear"
    CHARGING_STATION = "charging_station"
    RELATIVES_CONTACT = "relatives_contact"
    INFORMATION_REFERRAL = "information_referral"
    ALARM = "alarm"
    CITIZEN_HELP = "citizen_help"


LABELS: dict[str, str] = {
    Role.VOLUNTEER: "vrijwilliger",
    Role.COORDINATOR: "coördinator",
    NodeRole.POST: "noodsteunpunt (L-NSP)",
    NodeRole.HUB: "coördinerend noodsteunpunt (C-NSP)",
    NeedCategory.FOOD_WATER: "voedsel en water",
    NeedCategory.WARMING_COOLING: "opwarmen/afkoelen",
    NeedCategory.MEDICAL: "medische zorg",
    NeedCategory.HYGIENE: "hygiëne",
    NeedCategory.MEDICINE: "medicijnen",
    NeedCategory.LISTENING: "luisterend oor",
    NeedCategory.POWER: "stroom/opladen",
    NeedCategory.RELATIVES: "contact met verwanten",
    NeedCategory.INFORMATION: "informatie en doorverwijzing",
    NeedCategory.TRANSPORT: "vervoer",
    NeedCategory.SHELTER: "onderdak",
    NeedCategory.OTHER: "overig",
    Urgency.IMMEDIATE: "spoed",
    Urgency.HIGH: "hoog",
    Urgency.NORMAL: "normaal",
    NeedStatus.OPEN: "open",
    NeedStatus.IN_PROGRESS: "in behandeling",
    NeedStatus.REFERRED: "doorverwezen",
    NeedStatus.DONE: "afgehandeld",
    NeedStatus.CANCELLED: "geannuleerd",
    AlarmType.FIRE: "brandweer",
    AlarmType.POLICE: "politie",
    AlarmType.AMBULANCE: "ambulance",
    AlarmType.OTHER: "overig",
    AlarmStatus.SENT: "verzonden",
    AlarmStatus.RECEIVED: "ontvangen",
    AlarmStatus.ACKNOWLEDGED: "bevestigd",
    AlarmStatus.CLOSED: "afgesloten",
    VisitStatus.PRESENT: "aanwezig",
    VisitStatus.LEFT: "vertrokken",
    ChargingStatus.CHARGING: "aan het opladen",
    ChargingStatus.RETURNED: "teruggegeven",
    ShiftStatus.ON_DUTY: "in dienst",
    ShiftStatus.ENDED: "dienst beëindigd",
    HealthFlag.NEEDS_MEDICATION: "medicatie nodig",
    HealthFlag.POWER_DEPENDENT: "afhankelijk van stroom (medisch)",
    HealthFlag.LESS_SELF_RELIANT: "verminderd zelfredzaam",
    MovementKind.DELIVERY: "levering",
    MovementKind.CORRECTION: "correctie",
    # DispatchStatus.RECEIVED / CANCELLED and RequestStatus.OPEN / CLOSED share their values
    # (and so their labels) with the alarm and need statuses above.
    DispatchStatus.IN_TRANSIT: "onderweg",
    RequestStatus.ANSWERED: "beantwoord",
    PostFunction.DISTRIBUTION: "voedsel en water uitdelen",
    PostFunction.WARM_COOL_LOCATION: "opwarm- of afkoellocatie",
    PostFunction.MEDICAL_HYGIENE: "medische zorg, hygiëne en medicijnen",
    PostFunction.LISTENING_EAR: "een luisterend oor",
    PostFunction.CHARGING_STATION: "stroom om op te laden",
    PostFunction.RELATIVES_CONTACT: "contact met verwanten (veilig en wel)",
    PostFunction.INFORMATION_REFERRAL: "informatie en doorverwijzing",
    PostFunction.ALARM: "noodmelding naar de C-NSP",
    PostFunction.CITIZEN_HELP: "burgerhulp",
}


def label(value: str) -> str:
    """The Dutch word for a stored value; the value itself when it has none."""
    return LABELS.get(value, value)


def screen_label(value: str) -> str:
    """:func:`label` in the interface's language, for a text a service writes for a screen.

    The catalogue's *Vocabulary* entries are read by lupdate from ``gui.labels``, which words
    the same Dutch labels as literals; records keep :func:`label` (Dutch).
    """
    return translate("Vocabulary", label(value))
