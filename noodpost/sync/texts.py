"""Sync's sentences for a screen that may also be *recorded*: shown translated, kept in Dutch.

A refusal of a bundle is shown to the volunteer in the interface's language, but when the hub
cannot apply a bundle it kept for approval, the same refusal becomes the reason stored with it
(``pending_bundles.reason``) — and what is stored stays in the post's language (see
:mod:`noodpost.core.i18n`). So sync words such sentences with this module's :func:`translate`,
written exactly like :func:`noodpost.core.i18n.translate` (``pyside6-lupdate`` reads it the
same way): the text it returns is the translation, and it remembers its Dutch source, filled
with the same fields (:func:`recorded`).
"""

from __future__ import annotations

from noodpost.core import i18n
from noodpost.core.errors import UserError


class Worded(str):
    """A translated text that keeps its Dutch source (``dutch``), filled the same way."""

    dutch: str

    def __new__(cls, shown: str, dutch: str) -> Worded:
        text = super().__new__(cls, shown)
        text.dutch = dutch
        return text

    def format(self, *args: object, **fields: object) -> Worded:
        """Fill both: a field that is itself a :class:`Worded` gives its Dutch to the Dutch."""
        return Worded(
            str.format(self, *args, **fields),
            self.dutch.format(
                *(dutch(a) for a in args), **{k: dutch(v) for k, v in fields.items()}
            ),
        )


def translate(context: str, text: str) -> Worded:
    """:func:`noodpost.core.i18n.translate`, remembering the Dutch ``text``."""
    return Worded(i18n.translate(context, text), text)


def dutch(value: object) -> object:
    """The Dutch of a :class:`Worded` text; any other value as it is."""
    return value.dutch if isinstance(value, Worded) else value


def recorded(error: UserError) -> str:
    """A refusal's message as it is recorded: in Dutch when it was worded here."""
    return str(dutch(error.message))
