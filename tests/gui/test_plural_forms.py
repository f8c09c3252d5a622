"""Every count-bearing text of the catalogue, rendered for 0, 1 and 2 in both languages (issue
18, items 12 and 18): no '1 posten', '0 portie / 10 portie', 'melding(en)' or '1 regel(s)'."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication

from noodpost.gui.translations import translations_dir
from noodpost.gui.units import quantity_text

pytestmark = pytest.mark.gui

#: What a plural source text marks and a shown text must not: 'regel(s)', 'melding(en)',
#: 'persoon/personen'.
UNCHOSEN = re.compile(r"\w\((s|en|n|ten|ken|ën)\)|\w/\w")
#: An address (``postgresql://noodpost@dbserver/regio``) has slashes that are no plural.
ADDRESS = re.compile(r"\w+://\S+")


def _numerus(language: str) -> list[tuple[str, str, str]]:
    """(context, source, comment) of every plural text in ``noodpost_<language>.ts``."""
    root = ET.parse(translations_dir() / f"noodpost_{language}.ts").getroot()
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            if message.get("numerus") == "yes":
                source = message.findtext("source") or ""
                found.append((name, source, message.findtext("comment") or ""))
    return found


def test_both_catalogues_hold_the_same_plural_texts() -> None:
    assert sorted(_numerus("en")) == sorted(_numerus("nl"))
    assert len(_numerus("nl")) > 30


@pytest.mark.parametrize("language", ["nl", "en"], indirect=True)
def test_every_plural_text_reads_right_for_0_1_and_2(language: str) -> None:
    wrong = []
    for context, source, comment in _numerus("nl"):
        shown = {
            n: QCoreApplication.translate(context, source, comment or None, n) for n in (0, 1, 2)
        }
        for n, text in shown.items():
            without_number = n == 1 and ("the last hour" in text or "het laatste uur" in text)
            missing = str(n) not in text and not without_number
            if missing or "%n" in text or UNCHOSEN.search(text.replace("%1", "")):
                wrong.append((source, n, text))
        # Forms that are the same for one and more in the language itself:
        same = re.search(r"%n (min|×|uur)|niet toegestaan|not allowed", source + shown[2])
        if not same and shown[1] == shown[2].replace("2", "1", 1):  # one and more alike
            wrong.append((source, 1, shown[1]))
    assert wrong == []


@pytest.mark.parametrize(
    ("language", "unit", "texts"),
    [
        ("nl", "maaltijd", ["0 maaltijden", "1 maaltijd", "2 maaltijden"]),
        ("nl", "portie", ["0 porties", "1 portie", "2 porties"]),
        ("nl", "stuk", ["0 stuks", "1 stuk", "2 stuks"]),
        ("nl", "l", ["0 l", "1 l", "2 l"]),
        ("en", "maaltijd", ["0 meals", "1 meal", "2 meals"]),
        ("en", "portie", ["0 portions", "1 portion", "2 portions"]),
        ("en", "stuk", ["0 pieces", "1 piece", "2 pieces"]),
    ],
    indirect=["language"],
)
def test_count_units_follow_the_number(language: str, unit: str, texts: list[str]) -> None:
    assert [quantity_text(n, unit) for n in (0, 1, 2)] == texts


def test_no_count_is_shown_without_plural_forms() -> None:
    """A text with a number in it and 'regel(s)' or 'post(en)' is a plural written by hand:
    it must be a ``tr("%n …", "", n)`` text instead."""
    root = ET.parse(translations_dir() / "noodpost_en.ts").getroot()
    by_hand = [
        source
        for message in root.iter("message")
        if message.get("numerus") != "yes"
        and (source := message.findtext("source") or "")
        and UNCHOSEN.search(ADDRESS.sub("", source))
        and re.search(r"\{\w+\}|%\d", source)
    ]
    assert by_hand == []
