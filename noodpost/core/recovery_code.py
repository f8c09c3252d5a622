"""The recovery code (*herstelcode*): 120 random bits a coordinator writes down (issue 20).

Shown as 28 Crockford base32 characters in seven groups of four,
``K7QM-3XPA-9D2F-HT0W-6RNB-E4ZC-V8JS``: 24 characters carry the 120 random bits, the last 4
are a check (20 bits of SHA-256 over the first 24), so a typo is told apart from a wrong
code. Reading is forgiving: lower case, spaces and dashes are ignored, and the letters
Crockford's alphabet leaves out are read as what they look like (``O`` → ``0``, ``I``/``L`` →
``1``). ``U`` is not in the alphabet.

What the code opens (the backup key derived from it) lives in
:mod:`noodpost.storage.sealed_backup`; this module is the standard library only.
"""

from __future__ import annotations

import hashlib
import secrets

from noodpost.core.errors import UserError
from noodpost.core.i18n import translate

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RANDOM_BITS = 120
DATA_CHARS = RANDOM_BITS // 5  # 24
CHECK_CHARS = 4  # 20 bits: a typo goes unnoticed once in a million
GROUP = 4

_READ_AS = {"O": "0", "I": "1", "L": "1"}


def typo_message() -> str:
    """The refusal of a well-formed code whose check fails, in the interface's language."""
    return translate(
        "RecoveryCode",
        "Deze herstelcode bevat een typefout: controleer elk teken met wat u hebt opgeschreven "
        "(7 groepen van 4 tekens). Er is niets veranderd.",
    )


def _encode(value: int, length: int) -> str:
    chars = []
    for _ in range(length):
        chars.append(ALPHABET[value & 31])
        value >>= 5
    return "".join(reversed(chars))


def _check(data: str) -> str:
    digest = int.from_bytes(hashlib.sha256(data.encode("ascii")).digest()[:4], "big")
    return _encode(digest >> (32 - 5 * CHECK_CHARS), CHECK_CHARS)


def group(plain: str) -> str:
    """``K7QM3XPA…`` as ``K7QM-3XPA-…``."""
    return "-".join(plain[i : i + GROUP] for i in range(0, len(plain), GROUP))


def new_code() -> str:
    """A fresh recovery code, grouped."""
    data = _encode(secrets.randbits(RANDOM_BITS), DATA_CHARS)
    return group(data + _check(data))


def normalise(text: str) -> str:
    """The code in its stored form (grouped, upper case), from what a person typed.

    Raises:
        UserError: a character that is not in a code, the wrong length, or a check that fails
            (all in Dutch; a wrong but well-formed code passes here).
    """
    plain = []
    for typed in text.upper():
        if typed in " -\t\r\n.":
            continue
        char = _READ_AS.get(typed, typed)
        if char not in ALPHABET:
            raise UserError(
                translate(
                    "RecoveryCode",
                    "Het teken '{char}' komt in een herstelcode niet voor. Controleer wat u hebt "
                    "opgeschreven. Er is niets veranderd.",
                ).format(char=char)
            )
        plain.append(char)
    joined = "".join(plain)
    if len(joined) != DATA_CHARS + CHECK_CHARS:
        raise UserError(
            translate(
                "RecoveryCode",
                "Een herstelcode heeft {length} tekens (7 groepen van 4); deze heeft er {typed}. "
                "Er is niets veranderd.",
            ).format(length=DATA_CHARS + CHECK_CHARS, typed=len(joined))
        )
    data, check = joined[:DATA_CHARS], joined[DATA_CHARS:]
    if _check(data) != check:
        raise UserError(typo_message())
    return group(joined)


def secret_of(code: str) -> bytes:
    """The bytes a key is derived from: the normalised code's random part (ASCII)."""
    return normalise(code).replace("-", "")[:DATA_CHARS].encode("ascii")
