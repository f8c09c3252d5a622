"""The interface language: Dutch by default, English through the compiled translation."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from noodpost.config import Settings
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.sign_in import SignInDialog
from noodpost.gui.idle_lock import LockScreen
from noodpost.gui.translations import (
    install_translators,
    remove_translators,
    translation_file,
    translations_dir,
)

pytestmark = pytest.mark.gui

LRELEASE = Path(sys.executable).with_name("pyside6-lrelease")


def build_qm(target: Path) -> Path:
    """Compile the .ts files of resources/translations into ``target`` (what ``make qm`` does)."""
    target.mkdir(parents=True, exist_ok=True)
    for ts in sorted(translations_dir().glob("*.ts")):
        qm = target / ts.with_suffix(".qm").name
        subprocess.run(
            [str(LRELEASE), "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True
        )
    return target


@pytest.fixture
def compiled(tmp_path: Path) -> Path:
    return build_qm(tmp_path / "qm")


@pytest.fixture
def installed() -> Iterator[list[QTranslator]]:
    """Translators a test installs; removed afterwards (with the locale) so no other test sees
    them."""
    locale = QLocale()
    translators: list[QTranslator] = []
    yield translators
    app = QApplication.instance()
    assert app is not None
    remove_translators(app, translators)
    QLocale.setDefault(locale)


def install(language: str, folder: Path, installed: list[QTranslator]) -> None:
    app = QApplication.instance()
    assert app is not None
    installed.extend(install_translators(app, language, folder))


def test_dutch_is_the_default_and_needs_no_translation(
    qtbot: QtBot, app_context: AppContext
) -> None:
    assert Settings().language == "nl"
    dialog = SignInDialog(app_context)
    qtbot.addWidget(dialog)

    assert dialog.panel.button.text() == "&Inloggen"
    assert dialog.windowTitle() == "Noodpost — inloggen"


def test_english_selected_shows_english_texts(
    qtbot: QtBot, app_context: AppContext, compiled: Path, installed: list[QTranslator]
) -> None:
    install("en", compiled, installed)

    dialog = SignInDialog(app_context)
    qtbot.addWidget(dialog)

    assert dialog.panel.button.text() == "&Sign in"
    assert dialog.windowTitle() == "Noodpost — sign in"
    assert dialog.panel.reload()  # names are names: not translated
    assert dialog.panel.names.item(0).text() == "Anna Dijkstra · coordinator"


def test_plurals_follow_the_number_in_both_languages(
    qtbot: QtBot, app_context: AppContext, compiled: Path, installed: list[QTranslator]
) -> None:
    host = QWidget()
    qtbot.addWidget(host)

    def lock_text(minutes: int) -> str:
        screen = LockScreen(app_context, host, minutes)
        label = screen.findChild(QLabel, "lock_explanation")
        text = label.text()
        screen.deleteLater()
        return text

    install("nl", compiled, installed)
    assert lock_text(1).startswith("Er is 1 minuut niets gedaan.")
    assert lock_text(5).startswith("Er is 5 minuten niets gedaan.")

    app = QApplication.instance()
    assert app is not None
    remove_translators(app, installed)
    installed.clear()
    install("en", compiled, installed)
    assert lock_text(1).startswith("Nothing has been done for 1 minute,")
    assert lock_text(5).startswith("Nothing has been done for 5 minutes,")


def test_a_missing_translation_file_leaves_dutch(
    qtbot: QtBot, app_context: AppContext, tmp_path: Path, installed: list[QTranslator]
) -> None:
    install("en", tmp_path / "nergens", installed)

    dialog = SignInDialog(app_context)
    qtbot.addWidget(dialog)
    assert dialog.panel.button.text() == "&Inloggen"
    assert QCoreApplication.translate("SignInPanel", "&Inloggen") == "&Inloggen"


def test_the_translation_file_lives_in_resources() -> None:
    assert translation_file("en").parent == translations_dir()
    assert translation_file("en").name == "noodpost_en.qm"
    assert (translations_dir() / "noodpost_en.ts").exists()


LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")
ROOT = Path(__file__).resolve().parents[2]


def _unfinished(ts: Path) -> list[str | None]:
    root = ET.parse(ts).getroot()
    return [
        message.findtext("source")
        for message in root.iter("message")
        if (translation := message.find("translation")) is None
        or translation.get("type") in ("unfinished", "vanished", "obsolete")
    ]


@pytest.mark.parametrize(
    ("language", "options"), [("en", []), ("nl", ["-pluralonly"])], ids=["en", "nl"]
)
def test_no_text_of_the_code_is_left_untranslated(
    tmp_path: Path, language: str, options: list[str]
) -> None:
    """What `make translations` would collect from the code now is all in the .ts files,
    translated — a new text a commit forgot shows here, not to a volunteer in English."""
    ts = tmp_path / f"noodpost_{language}.ts"
    ts.write_bytes((translations_dir() / ts.name).read_bytes())
    subprocess.run(
        [
            str(LUPDATE),
            "-extensions",
            "py",
            "-no-obsolete",
            "-source-language",
            "nl",
            *options,
            "noodpost",
            "-target-language",
            language,
            "-ts",
            str(ts),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    assert _unfinished(ts) == []


def test_every_text_in_the_english_file_is_translated() -> None:
    """`make translations` collects new texts; each must get its English before a commit."""
    root = ET.parse(translations_dir() / "noodpost_en.ts").getroot()
    unfinished = []
    for message in root.iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
            unfinished.append(message.findtext("source"))
    assert unfinished == []
    assert len(list(root.iter("message"))) > 100
