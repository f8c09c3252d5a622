"""The recovery code: written down by a person, typed back by a person."""

from __future__ import annotations

import re

import pytest

from noodpost.core.errors import UserError
from noodpost.core.recovery_code import ALPHABET, new_code, normalise, secret_of, typo_message

CODE_SHAPE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){6}$")


def test_a_new_code_is_seven_groups_of_four_and_never_the_same() -> None:
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert CODE_SHAPE.match(code), code
        assert normalise(code) == code


def test_case_spaces_dashes_and_look_alike_letters_are_forgiven() -> None:
    code = new_code()
    typed = code.lower().replace("-", " ")
    assert normalise(typed) == code
    assert normalise(code.replace("-", "")) == code
    assert normalise(f"  {code}\n") == code
    if "0" in code:
        assert normalise(code.replace("0", "O")) == code
    if "1" in code:
        assert normalise(code.replace("1", "l")) == code
    assert secret_of(typed) == code.replace("-", "")[:24].encode()


def test_every_single_typo_is_told_as_a_typo() -> None:
    code = new_code()
    plain = code.replace("-", "")
    for position in range(len(plain)):
        other = next(c for c in ALPHABET if c != plain[position])
        typo = plain[:position] + other + plain[position + 1 :]
        with pytest.raises(UserError) as refused:
            normalise(typo)
        assert refused.value.message == typo_message()


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("ABCD-EFGH", "28 tekens"),
        ("ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6", "28 tekens"),
        ("ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-234U", "'U'"),
        ("", "28 tekens"),
    ],
)
def test_what_is_not_a_code_is_refused_in_dutch(typed: str, words: str) -> None:
    with pytest.raises(UserError) as refused:
        normalise(typed)
    assert words in refused.value.message
    assert "Er is niets veranderd" in refused.value.message
