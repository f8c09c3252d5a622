"""Counts in Dutch for the texts services write (the screens use ``tr("%n …", "", n)``)."""

from __future__ import annotations


def count(number: int, one: str, many: str) -> str:
    """``1 bundel``, ``0 bundels``, ``2 wijzigingen`` — never ``bundel(s)``."""
    return f"{number} {one if number == 1 else many}"


def bundles(number: int) -> str:
    return count(number, "bundel", "bundels")


def changes(number: int) -> str:
    """The items of a sync are *wijzigingen* (docs/taal.md), not *gebeurtenissen*."""
    return count(number, "wijziging", "wijzigingen")
