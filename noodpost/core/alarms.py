"""The alarm as text: the compact line read over a radio when no other route exists.

DESIGN §3.4: ``NSP GR-0014 | AMBULANCE | SPOED | 2 pers | Kerkstraat 5 zaal 2 | 14:32`` —
post code, type and urgency (Dutch, upper case), persons when known, location, and the local
(Dutch) time the alarm was raised.
"""

from __future__ import annotations

from datetime import datetime

from noodpost.core.localtime import local_time
from noodpost.core.vocabulary import label

SEPARATOR = " | "


def _plain(text: str) -> str:
    """One line without the separator character, so the parts stay readable over the radio."""
    return " ".join(text.replace("|", " ").split())


def radio_line(
    *,
    post_code: str,
    alarm_type: str,
    urgency: str,
    location: str | None,
    raised_at: datetime,
    persons: int | None = None,
) -> str:
    """The radio line of one alarm; parts that are unknown (persons, location) are left out."""
    parts = [
        f"NSP {post_code}",
        label(alarm_type).upper(),
        label(urgency).upper(),
    ]
    if persons is not None:
        parts.append(f"{persons} pers")
    place = _plain(location or "")
    if place:
        parts.append(place)
    parts.append(local_time(raised_at).strftime("%H:%M"))
    return SEPARATOR.join(parts)
