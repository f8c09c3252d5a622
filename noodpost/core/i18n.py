"""Texts the services write for a screen, in the interface's language, without Qt.

The layers below the GUI may not import Qt (DESIGN §3), yet what they say to a volunteer — a
refusal, the desk's lines, a sync result — must reach the English interface in English. As in
Anki's ``anki.lang``, the core owns the lookup and the user interface installs the catalogue:

- a service writes ``translate("SuppliesService", "Er is geen {item} meer").format(item=name)``:
  Dutch source text, Python ``{name}`` fields filled after the lookup (the translation keeps the
  fields). The call is written exactly so — two string literals, nothing more — because that
  is what ``pyside6-lupdate`` reads into ``resources/translations/noodpost_en.ts``;
- the GUI installs :func:`QCoreApplication.translate` with :func:`install` when it installs its
  translators (``gui.translations``), and removes it with them;
- without an installed catalogue (the command line, the hub's server, a test) the Dutch source
  text is the text.

Counts use two translated forms (:func:`noodpost.core.dutch.count`), never Qt's ``%n`` plurals,
which lupdate reads only from ``self.tr``; Dutch and English both have one form for 1 and one
for every other number.

What a service *records* — a logbook line, an audit detail, a status word in an event — is data
in the post's language and is not translated here: the record must read the same at the hub and
in every report, whoever looks at it. Where one sentence is both shown and recorded (a refusal
of a bundle becomes the reason stored with it), :func:`translate` returns a :class:`Worded`
text that keeps its Dutch, filled with the same fields, and :func:`recorded` gives that Dutch.
"""

from __future__ import annotations

from collections.abc import Callable

#: Looks up ``(context, source text)`` in the interface's catalogue.
Lookup = Callable[[str, str], str]


def dutch(context: str, text: str) -> str:
    """The source text: the post's own language, for what is printed or recorded (a SITREP)."""
    return text


#: The installed lookup (one slot: the interface has one language at a time).
_installed: list[Lookup] = [dutch]


def install(lookup: Lookup) -> None:
    """Use ``lookup`` for every later :func:`translate` (the GUI passes Qt's catalogue)."""
    _installed[0] = lookup


def uninstall() -> None:
    """Back to the Dutch source texts."""
    install(dutch)


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
                *(_source(a) for a in args), **{k: _source(v) for k, v in fields.items()}
            ),
        )


def _source(value: object) -> object:
    return value.dutch if isinstance(value, Worded) else value


def translate(context: str, text: str) -> str:
    """``text`` (Dutch) in the interface's language; fill ``{fields}`` with ``.format`` after.

    Thread-safe as long as the lookup is: Qt's ``QCoreApplication.translate`` is, so the
    runner's thread may call this while the GUI thread does too.
    """
    return Worded(_installed[0](context, text) or text, text)


def recorded(text: str) -> str:
    """``text`` as it is recorded: its Dutch when it was worded by :func:`translate`.

    Only ``.format`` keeps the Dutch; a text joined with ``+`` is what it shows.
    """
    return str(_source(text))
