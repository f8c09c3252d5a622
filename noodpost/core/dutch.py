"""Numbers, amounts, durations and clock times worded for the texts services write (the
screens use ``tr("%n …", "", n)`` for their own counts).

The nouns pass through :func:`noodpost.core.i18n.translate`, so the English interface reads
*2 bundles*; Dutch and English both have one form for 1 and one for every other number.
"""

from __future__ import annotations

from datetime import datetime

from noodpost.core.i18n import recorded, translate
from noodpost.core.localtime import local_day, local_time


def count(number: int, one: str, many: str) -> str:
    """``1 bundel``, ``0 bundels``, ``2 wijzigingen`` — never ``bundel(s)``.

    ``one`` and ``many`` are already in the interface's language (each a ``translate`` call).
    """
    return f"{number} {one if number == 1 else many}"


def bundles(number: int) -> str:
    return count(number, translate("Counts", "bundel"), translate("Counts", "bundels"))


def changes(number: int) -> str:
    """The items of a sync are *wijzigingen* (docs/taal.md), not *gebeurtenissen*."""
    return count(number, translate("Counts", "wijziging"), translate("Counts", "wijzigingen"))


def format_amount(quantity: float) -> str:
    """A quantity the Dutch way: ``3``, ``1,5``, ``0,25`` (at most three decimals)."""
    rounded = round(quantity, 3)
    if rounded == int(rounded):
        return str(int(rounded))
    return f"{rounded:.3f}".rstrip("0").replace(".", ",")


#: The plural of the catalogue's count units (a volunteer's own unit without an entry here, or a
#: measure such as ``l`` or ``kg``, is the same for one and for more).
UNIT_PLURALS: dict[str, str] = {
    "beurt": "beurten",
    "blik": "blikken",
    "doos": "dozen",
    "fles": "flessen",
    "maaltijd": "maaltijden",
    "pak": "pakken",
    "pakket": "pakketten",
    "portie": "porties",
    "pot": "potten",
    "rol": "rollen",
    "set": "sets",
    "stuk": "stuks",
    "zak": "zakken",
}


def unit_for(quantity: float, unit: str) -> str:
    """``unit`` as Dutch says it after ``quantity``: ``1 maaltijd``, ``0 maaltijden``."""
    if format_amount(abs(quantity)) == "1":
        return unit
    return UNIT_PLURALS.get(unit, unit)


def format_quantity(quantity: float, unit: str) -> str:
    """``3 l``, ``1 pakket``, ``2 pakketten``, ``0 maaltijden``."""
    return f"{format_amount(quantity)} {unit_for(quantity, unit)}".strip()


def format_duration(minutes: int, *, printed: bool = False) -> str:
    """``30 minuten``, ``4 uur``, ``1 uur en 30 minuten``, ``1 dag``, ``7 dagen``.

    In the interface's language; ``printed`` for a document, which is in the post's (Dutch).
    """
    words = (
        translate("Rations", "dag"),
        translate("Rations", "dagen"),
        translate("Rations", "uur"),
        translate("RationsPlural", "uur"),  # one Dutch word, two English ones
        translate("Rations", "minuut"),
        translate("Rations", "minuten"),
        translate("Rations", " en "),
    )
    day, days, hour, hours_word, minute, minutes_word, joined = (
        [recorded(word) for word in words] if printed else words
    )
    if minutes >= 1440 and minutes % 1440 == 0:
        return count(minutes // 1440, day, days)
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(count(hours, hour, hours_word))
    if rest or not hours:
        parts.append(count(rest, minute, minutes_word))
    return joined.join(parts)


def format_clock(moment: datetime, now: datetime) -> str:
    """Local time of ``moment``: ``14:00`` on the day of ``now``, else ``5-12 14:00``."""
    local = local_time(moment)
    if local.date() == local_day(now):
        return local.strftime("%H:%M")
    return f"{local.day}-{local.month} {local:%H:%M}"


def lower_first(name: str) -> str:
    """An item name inside a sentence: ``Drinkwater`` → ``drinkwater``."""
    return name[:1].lower() + name[1:]
