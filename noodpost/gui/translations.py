"""The interface language: Qt translators for the chosen language.

The source texts are Dutch, so Dutch needs no translation of the texts themselves. Two files
are still loaded when present:

- ``resources/translations/noodpost_<lang>.qm``, built by ``make qm`` from the ``.ts`` files:
  the English translation, and for Dutch only the plural forms (``tr("%n …", "", n)``);
- Qt's own ``qtbase_<lang>.qm``, so standard buttons (*Annuleren*, *Ja*, *Nee*) and the file
  dialog speak the same language as the rest;
- ``resources/translations/qtbase_extra_<lang>.qm``: Qt's texts its own catalogue lacks (Qt 6
  renamed *Look in:* and *Files of type:*, the Dutch catalogue kept the old texts).

The same catalogue serves the texts the services write: :func:`install_translators` hands
``QCoreApplication.translate`` to :mod:`noodpost.core.i18n`.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from noodpost.config import resources_dir
from noodpost.core import i18n

log = logging.getLogger(__name__)

#: The languages a volunteer can choose, with their names in that language.
LANGUAGES: dict[str, str] = {"nl": "Nederlands", "en": "English"}
DEFAULT_LANGUAGE = "nl"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def translation_file(language: str, folder: Path | None = None) -> Path:
    """Where the compiled translation of Noodpost's texts for ``language`` lives."""
    return (folder if folder is not None else translations_dir()) / f"noodpost_{language}.qm"


def _load(path: Path, parent: QCoreApplication) -> QTranslator | None:
    translator = QTranslator(parent)
    if not translator.load(str(path)):
        translator.deleteLater()
        return None
    return translator


def install_translators(
    app: QCoreApplication, language: str, folder: Path | None = None
) -> list[QTranslator]:
    """Install the translators for ``language`` on ``app``; returns them (for removal).

    An unknown language falls back to Dutch. A missing ``.qm`` is logged and skipped: the
    application then shows its Dutch source texts rather than failing to start.

    Args:
        app: the application.
        language: ``"nl"`` or ``"en"``.
        folder: where the ``noodpost_<lang>.qm`` files are (tests pass their own build).
    """
    lang = language if language in LANGUAGES else DEFAULT_LANGUAGE
    dutch = lang == DEFAULT_LANGUAGE
    QLocale.setDefault(QLocale(QLocale.Language.Dutch if dutch else QLocale.Language.English))
    installed: list[QTranslator] = []
    qt_folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    own = folder if folder is not None else translations_dir()
    candidates = [
        translation_file(lang, folder),
        qt_folder / f"qtbase_{lang}.qm",
        own / f"qtbase_extra_{lang}.qm",  # installed last: asked first
    ]
    for path in candidates:
        translator = _load(path, app) if path.exists() else None
        if translator is None:
            if path.name.startswith("noodpost_") and lang != DEFAULT_LANGUAGE:
                log.warning("No translation file %s; showing Dutch texts", path)
            continue
        app.installTranslator(translator)
        installed.append(translator)
    i18n.install(QCoreApplication.translate)  # what the services write, too
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
        translator.deleteLater()
    i18n.uninstall()
