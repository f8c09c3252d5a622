"""The words for stored values (roles, statuses, categories …) in the interface's language.

:func:`noodpost.core.vocabulary.label` gives the Dutch word, for the command line, the printed
reports and the exports; the screens use :func:`label` here, whose texts are in the catalogue,
so the English interface says *open*, *immediate*, *volunteer* where the Dutch one says *open*,
*spoed*, *vrijwilliger*. Kept equal to ``vocabulary.LABELS`` by a test.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from noodpost.core import vocabulary


def _texts() -> dict[str, str]:
    return {
        "volunteer": QCoreApplication.translate("Vocabulary", "vrijwilliger"),
        "coordinator": QCoreApplication.translate("Vocabulary", "coördinator"),
        "post": QCoreApplication.translate("Vocabulary", "noodsteunpunt (L-NSP)"),
        "hub": QCoreApplication.translate("Vocabulary", "coördinerend noodsteunpunt (C-NSP)"),
        "food_water": QCoreApplication.translate("Vocabulary", "voedsel en water"),
        "warming_cooling": QCoreApplication.translate("Vocabulary", "opwarmen/afkoelen"),
        "medical": QCoreApplication.translate("Vocabulary", "medische zorg"),
        "hygiene": QCoreApplication.translate("Vocabulary", "hygiëne"),
        "medicine": QCoreApplication.translate("Vocabulary", "medicijnen"),
        "listening": QCoreApplication.translate("Vocabulary", "luisterend oor"),
        "power": QCoreApplication.translate("Vocabulary", "stroom/opladen"),
        "relatives": QCoreApplication.translate("Vocabulary", "contact met verwanten"),
        "information": QCoreApplication.translate("Vocabulary", "informatie en doorverwijzing"),
        "transport": QCoreApplication.translate("Vocabulary", "vervoer"),
        "shelter": QCoreApplication.translate("Vocabulary", "onderdak"),
        "other": QCoreApplication.translate("Vocabulary", "overig"),
        "immediate": QCoreApplication.translate("Vocabulary", "spoed"),
        "high": QCoreApplication.translate("Vocabulary", "hoog"),
        "normal": QCoreApplication.translate("Vocabulary", "normaal"),
        "open": QCoreApplication.translate("Vocabulary", "open"),
        "in_progress": QCoreApplication.translate("Vocabulary", "in behandeling"),
        "referred": QCoreApplication.translate("Vocabulary", "doorverwezen"),
        "done": QCoreApplication.translate("Vocabulary", "afgehandeld"),
        "cancelled": QCoreApplication.translate("Vocabulary", "geannuleerd"),
        "fire": QCoreApplication.translate("Vocabulary", "brandweer"),
        "police": QCoreApplication.translate("Vocabulary", "politie"),
        "ambulance": QCoreApplication.translate("Vocabulary", "ambulance"),
        "sent": QCoreApplication.translate("Vocabulary", "verzonden"),
        "received": QCoreApplication.translate("Vocabulary", "ontvangen"),
        "acknowledged": QCoreApplication.translate("Vocabulary", "bevestigd"),
        "closed": QCoreApplication.translate("Vocabulary", "afgesloten"),
        "present": QCoreApplication.translate("Vocabulary", "aanwezig"),
        "left": QCoreApplication.translate("Vocabulary", "vertrokken"),
        "charging": QCoreApplication.translate("Vocabulary", "aan het opladen"),
        "returned": QCoreApplication.translate("Vocabulary", "teruggegeven"),
        "on_duty": QCoreApplication.translate("Vocabulary", "in dienst"),
        "ended": QCoreApplication.translate("Vocabulary", "dienst beëindigd"),
        "needs_medication": QCoreApplication.translate("Vocabulary", "medicatie nodig"),
        "power_dependent": QCoreApplication.translate(
            "Vocabulary", "afhankelijk van stroom (medisch)"
        ),
        "less_self_reliant": QCoreApplication.translate("Vocabulary", "verminderd zelfredzaam"),
        "delivery": QCoreApplication.translate("Vocabulary", "levering"),
        "correction": QCoreApplication.translate("Vocabulary", "correctie"),
        "in_transit": QCoreApplication.translate("Vocabulary", "onderweg"),
        "answered": QCoreApplication.translate("Vocabulary", "beantwoord"),
        "distribution": QCoreApplication.translate("Vocabulary", "voedsel en water uitdelen"),
        "warm_cool_location": QCoreApplication.translate("Vocabulary", "opwarm- of afkoellocatie"),
        "medical_hygiene": QCoreApplication.translate(
            "Vocabulary", "medische zorg, hygiëne en medicijnen"
        ),
        "listening_ear": QCoreApplication.translate("Vocabulary", "een luisterend oor"),
        "charging_station": QCoreApplication.translate("Vocabulary", "stroom om op te laden"),
        "relatives_contact": QCoreApplication.translate(
            "Vocabulary", "contact met verwanten (veilig en wel)"
        ),
        "information_referral": QCoreApplication.translate(
            "Vocabulary", "informatie en doorverwijzing"
        ),
        "alarm": QCoreApplication.translate("Vocabulary", "noodmelding naar de C-NSP"),
        "citizen_help": QCoreApplication.translate("Vocabulary", "burgerhulp"),
    }


_cache: dict[str, dict[str, str]] = {}


def label(value: str) -> str:
    """The word for a stored value in the interface's language; the value when it has none."""
    probe = QCoreApplication.translate("Vocabulary", "vrijwilliger")  # changes with the language
    texts = _cache.get(probe)
    if texts is None:
        _cache.clear()
        texts = _cache[probe] = _texts()
    return texts.get(str(value)) or vocabulary.label(value)


def alarm_status_label(status: str) -> str:
    """An alarm's status: a withdrawn alarm is *ingetrokken* (docs/taal.md), though its stored
    value ``cancelled`` is a help request's *geannuleerd*."""
    if status == vocabulary.AlarmStatus.CANCELLED:
        return QCoreApplication.translate("Vocabulary", "ingetrokken")
    return label(status)


def known_values() -> set[str]:
    """The values this module has a text for (a test compares them with the vocabulary)."""
    return set(_texts())
