"""The core's screen words come through the interface's catalogue (issue 18).

A marking lookup stands in for the English catalogue: every text that went through
:func:`noodpost.core.i18n.translate` comes back between « and ».
"""

from __future__ import annotations

import errno
from collections.abc import Iterator

import pytest

from noodpost.core import i18n
from noodpost.core.cards import InvalidCode, parse
from noodpost.core.errors import os_reason
from noodpost.core.lifecycle import NEED_TRANSITIONS


@pytest.fixture
def marked() -> Iterator[None]:
    i18n.install(lambda context, text: "«" + text + "»")
    yield
    i18n.uninstall()


def test_the_words_for_a_system_error_are_looked_up(marked: None) -> None:
    assert os_reason(OSError(errno.ENOSPC, "No space left on device")) == "«schijf vol»"
    assert os_reason(OSError(errno.ECHILD, "No child processes")) == "«systeemfout ECHILD»"


def test_a_refused_status_change_is_worded_from_looked_up_parts(marked: None) -> None:
    message = NEED_TRANSITIONS.refusal("done", "open")
    assert message == (
        "«Een {noun} die {status} is kan niet terug naar {new}.»".format(
            noun="«hulpvraag»", status="«afgehandeld»", new="«open»"
        )
        + " «Maak zo nodig een nieuwe hulpvraag aan.»"
    )


def test_a_wrong_card_code_is_looked_up(marked: None) -> None:
    with pytest.raises(InvalidCode) as refused:
        parse("")
    assert refused.value.message == "«Er is geen code gescand of getypt.»"


def test_without_a_catalogue_the_texts_are_dutch() -> None:
    assert os_reason(OSError(errno.ENOSPC, "No space left on device")) == "schijf vol"
    assert NEED_TRANSITIONS.refusal("open", "open") == "Deze hulpvraag is al open."
