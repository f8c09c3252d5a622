"""Card codes: opaque, typeable, self-checking (DESIGN §3.5)."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from noodpost.core import cards
from noodpost.core.cards import ALPHABET, InvalidCode
from noodpost.core.errors import UserError

codes = st.text(alphabet=ALPHABET, min_size=7, max_size=7).map(lambda b: b + cards.check_char(b))


def test_alphabet_has_no_look_alikes() -> None:
    for confusable in "0O1IL5S2Z8B":
        assert confusable not in ALPHABET


@given(codes)
def test_every_generated_code_parses_back(code: str) -> None:
    text = cards.qr_text("GR-0014", code)
    assert text == f"NP1:GR-0014:{code[:4]}-{code[4:]}"
    assert cards.parse(text) == cards.ScannedCode("GR-0014", code)
    assert cards.parse(code.lower()) == cards.ScannedCode(None, code)
    assert cards.parse(f" {code[:4]} {code[4:]} ").code == code


@given(codes, st.integers(min_value=0, max_value=7), st.sampled_from(ALPHABET))
def test_any_single_mistyped_character_is_caught(code: str, where: int, other: str) -> None:
    if code[where] == other:
        return
    typo = code[:where] + other + code[where + 1 :]
    with pytest.raises(InvalidCode, match="Deze code klopt niet"):
        cards.parse(typo)


def test_most_neighbour_swaps_are_caught() -> None:
    rng = random.Random(7)
    caught = total = 0
    for _ in range(2000):
        code = cards.new_card_code(rng)  # type: ignore[arg-type]
        i = rng.randrange(7)
        if code[i] == code[i + 1]:
            continue
        swapped = code[:i] + code[i + 1] + code[i] + code[i + 2 :]
        total += 1
        try:
            cards.parse(swapped)
        except InvalidCode:
            caught += 1
    assert caught / total > 0.9


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "geen code"),
        ("XX1:GR-0014:7K3Q-9XW2", "geen Noodpost-kaart"),
        ("NP1:GR14:7K3Q-9XW2", "De code van de post"),
        ("NP1:GR-0014:0000-0000", "Deze code klopt niet"),
        ("hallo", "Deze code klopt niet"),
    ],
)
def test_bad_texts_get_a_dutch_message(text: str, message: str) -> None:
    with pytest.raises(Exception, match=message):
        cards.parse(text)


def test_a_post_code_is_not_a_postcode_and_empty_is_named() -> None:
    """'Postcode van het noodsteunpunt '' klopt niet' (issue 18, item 12)."""
    with pytest.raises(UserError, match=r"^Vul de code van de post in: gebruik twee letters"):
        cards.validate_post_code("  ")
    with pytest.raises(UserError, match=r"^De code van de post 'GR14' klopt niet"):
        cards.validate_post_code("GR14 ")
