"""Counts for the texts services write (the screens use ``tr("%n …", "", n)``).

The nouns pass through :func:`noodpost.core.i18n.translate`, so the English interface reads
*2 bundles*; Dutch and English both have one form for 1 and one for every other number.
"""

from __future__ import annotations

from noodpost.core.i18n import translate


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
