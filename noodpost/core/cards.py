"""Card codes: ``NP1:<post-code>:<card-code>`` — opaque, short, typeable, self-checking.

The card code is seven random characters and one check character from an alphabet without
look-alikes (no 0/O, 1/I/L, 5/S, 2/Z, 8/B, Y/V), shown as ``XXXX-XXXX``. The check character
uses the Luhn mod N algorithm (N = 24: it needs an even N), which catches every single
mistyped character and most swaps of two neighbours. The QR holds the same text, never
personal data (DESIGN §3.5).
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from noodpost.core.errors import UserError
from noodpost.core.i18n import translate

ALPHABET = "34679ACDEFGHJKMNPQRTUVWX"  # an even size: Luhn mod N needs it
PREFIX = "NP1"
BODY_LENGTH = 7
#: Two ASCII capitals, a dash, four ASCII digits — never other scripts' digits or letters.
POST_CODE_RE = re.compile(r"[A-Z]{2}-[0-9]{4}", re.ASCII)

_INDEX = {ch: i for i, ch in enumerate(ALPHABET)}
_N = len(ALPHABET)


class InvalidCode(UserError):
    """The text is not a valid card code (typo, damaged card, foreign code)."""


def check_char(body: str) -> str:
    """The Luhn mod N check character for ``body``."""
    factor = 2
    total = 0
    for ch in reversed(body):
        addend = factor * _INDEX[ch]
        factor = 1 if factor == 2 else 2
        total += addend // _N + addend % _N
    return ALPHABET[(_N - total % _N) % _N]


def new_card_code(rand: secrets.SystemRandom | None = None) -> str:
    """A fresh random card code with its check character, without the dash."""
    source = rand or secrets.SystemRandom()
    body = "".join(source.choice(ALPHABET) for _ in range(BODY_LENGTH))
    return body + check_char(body)


def pretty(code: str) -> str:
    """``7K3Q9XW2`` → ``7K3Q-9XW2``."""
    return f"{code[:4]}-{code[4:]}"


def qr_text(post_code: str, code: str) -> str:
    return f"{PREFIX}:{post_code}:{pretty(code)}"


def validate_post_code(text: str) -> str:
    code = text.strip().upper()
    if not code:
        raise UserError(
            translate(
                "Cards",
                "Vul de code van de post in: gebruik twee letters, een streepje en vier cijfers, "
                "bijvoorbeeld GR-0014.",
            )
        )
    if not POST_CODE_RE.fullmatch(code):
        raise UserError(
            translate(
                "Cards",
                "De code van de post '{code}' klopt niet: gebruik twee letters, een streepje en "
                "vier cijfers, bijvoorbeeld GR-0014.",
            ).format(code=text.strip())
        )
    return code


@dataclass(frozen=True)
class ScannedCode:
    post_code: str | None  # None when only the card code was typed
    code: str  # canonical, without dash


def parse(text: str) -> ScannedCode:
    """Read what a scanner or a volunteer typed: a full ``NP1:…`` text or the card code alone.

    Raises:
        InvalidCode: with a Dutch message for a volunteer.
    """
    raw = text.strip().upper()
    if not raw:
        raise InvalidCode(translate("Cards", "Er is geen code gescand of getypt."))
    post_code: str | None = None
    if ":" in raw:
        parts = raw.split(":")
        if len(parts) != 3 or parts[0] != PREFIX:
            raise InvalidCode(
                translate("Cards", "Dit is geen Noodpost-kaart — controleer de kaart.")
            )
        post_code = validate_post_code(parts[1]) if parts[1] else None
        raw = parts[2]
    code = re.sub(r"[\s\-]", "", raw)
    if len(code) != BODY_LENGTH + 1 or any(ch not in _INDEX for ch in code):
        raise InvalidCode(translate("Cards", "Deze code klopt niet — controleer de kaart."))
    if check_char(code[:-1]) != code[-1]:
        raise InvalidCode(translate("Cards", "Deze code klopt niet — controleer de kaart."))
    return ScannedCode(post_code=post_code, code=code)
