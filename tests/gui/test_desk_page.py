"""Balie: scan, see the household, serve it in at most two key presses, intake, refusals.

Scanner bursts are simulated with the scan field's injectable clock (:class:`KeyClock`): every
key press reads the clock once, and the test decides how far it moved since the previous key —
a few milliseconds for a scanner, a fifth of a second for a person typing. ``QTest.keyClicks``
then delivers the characters; their real timing on the test machine does not matter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from noodpost.core import cards
from noodpost.core.clock import FixedClock
from noodpost.core.vocabulary import HealthFlag
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.charging_ticket import NewTicketDialog
from noodpost.gui.dialogs.confirm import ConfirmDialog
from noodpost.gui.dialogs.intake import IntakeDialog
from noodpost.gui.dialogs.messages_form import MessagesFormDialog
from noodpost.gui.dialogs.quick_need import QuickNeedDialog
from noodpost.gui.pages.desk import DeskPage
from noodpost.gui.widgets.scan_field import ScanField
from noodpost.services.intake import Registered
from noodpost.storage.models import Distribution

pytestmark = pytest.mark.gui

EventCount = Callable[[], int]
POST = "GR-0014"


class KeyClock:
    """The scan field's time source: each read moves on by ``step`` seconds."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.step = 0.2

    def __call__(self) -> float:
        self.now += self.step
        return self.now


class Keys:
    """Key presses after a scan, counted (the acceptance: scan plus at most two actions)."""

    def __init__(self, page: DeskPage) -> None:
        self.page, self.count = page, 0

    def press(self, key: Qt.Key) -> None:
        self.count += 1
        widget = QApplication.focusWidget() or self.page.scan_field
        QTest.keyClick(widget, key)


@pytest.fixture
def key_clock() -> KeyClock:
    return KeyClock()


@pytest.fixture
def printed() -> list[Registered]:
    return []


@pytest.fixture
def page(
    qtbot: QtBot, app_context: AppContext, key_clock: KeyClock, printed: list[Registered]
) -> Iterator[DeskPage]:
    supplies = app_context.services.supplies
    for code, quantity in (("water", 1000), ("food_package", 100), ("hot_meal", 100)):
        supplies.record_delivery(code, quantity, "gemeente")
    page = DeskPage(app_context, print_card=printed.append, scan_clock=key_clock)
    qtbot.addWidget(page)
    page.resize(1136, 700)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.scan_field.hasFocus)
    yield page
    if page.dialog is not None:
        page.dialog.reject()


def focus_back(qtbot: QtBot, page: DeskPage) -> None:
    """After an action the scan field has the focus again (once the window is active)."""
    qtbot.waitUntil(page.scan_field.hasFocus, timeout=2000)


def read(qtbot: QtBot, field: ScanField) -> None:
    """What the desk read (off the GUI thread) after a key has arrived on screen."""
    page = field.parentWidget()
    while page is not None and not isinstance(page, DeskPage):
        page = page.parentWidget()
    if page is None:
        return  # a scan field on its own: nothing is read
    runner = page.runner
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=5_000)


def scan(qtbot: QtBot, field: ScanField, clock: KeyClock, text: str) -> None:
    """A scanner: the whole code in a burst of 4 ms per key, then Enter."""
    clock.now += 10.0  # the first key comes long after whatever was before
    clock.step = 0.004
    QTest.keyClicks(field, text)
    QTest.keyClick(field, Qt.Key.Key_Return)
    read(qtbot, field)


def type_code(qtbot: QtBot, field: ScanField, clock: KeyClock, text: str) -> None:
    """A person typing: 200 ms between keys, then Enter."""
    clock.step = 0.2
    QTest.keyClicks(field, text)
    QTest.keyClick(field, Qt.Key.Key_Return)
    read(qtbot, field)


def distributions(app_context: AppContext) -> list[Distribution]:
    with app_context.services.ctx.read() as session:
        rows = list(session.scalars(select(Distribution).order_by(Distribution.created_hlc)))
        session.expunge_all()
        return rows


# ---------------------------------------------------------------- the scan field


def test_scan_field_tells_a_burst_from_typing(qtbot: QtBot, key_clock: KeyClock) -> None:
    field = ScanField(clock=key_clock)
    qtbot.addWidget(field)
    seen: list[tuple[str, bool]] = []
    field.scanned.connect(lambda code, burst: seen.append((code, burst)))

    type_code(qtbot, field, key_clock, "7K3Q")  # half typed, then the scanner fires
    field.clear_for_next()
    key_clock.step = 0.2
    QTest.keyClicks(field, "7K3")
    scan(qtbot, field, key_clock, "NP1:GR-0014:4F2P-7KQ3")
    type_code(qtbot, field, key_clock, "")

    assert seen == [
        ("7K3Q", False),
        ("NP1:GR-0014:4F2P-7KQ3", True),
        ("NP1:GR-0014:4F2P-7KQ3", False),
    ]


# ---------------------------------------------------------------- serving a household


def test_returning_household_served_in_two_actions_after_the_scan(
    qtbot: QtBot,
    page: DeskPage,
    app_context: AppContext,
    key_clock: KeyClock,
    wait_idle: Callable[[], None],
) -> None:
    household = app_context.services.intake.register(size=2)
    page.refresh()
    wait_idle()
    assert page.panel_view.header.text() == "Scan een kaart of typ de kaartcode."

    scan(qtbot, page.scan_field, key_clock, household.qr_text)

    view = page.panel_view
    assert view.header.text() == f"Huishouden {household.pretty_code} · 2 personen"
    assert view.presence.text() == "Niet aangemeld · nog niet gezien"
    # What the household may still receive is visible before anything is handed out.
    assert view.allowance_text("water") == "0 l van 6 l"
    assert view.allowance_state("water") == "nog 6 l"
    assert page.quick_buttons[0].text() == "F2 Drinkwater 3 l\nnog 6 l"
    assert page.checkin_button.text() == "F1  Aanmelden"
    assert page.occupancy.text() == "Aanwezig: 0 / 80"

    keys = Keys(page)
    keys.press(Qt.Key.Key_F1)
    wait_idle()
    keys.press(Qt.Key.Key_F2)
    wait_idle()

    assert keys.count == 2
    [handed] = distributions(app_context)
    assert (handed.household_id, handed.quantity) == (household.household_id, 3.0)
    assert page.occupancy.text() == "Aanwezig: 2 / 80"
    assert view.presence.text() == "✔ Aanwezig sinds 10:00 · laatst gezien 10:00"
    assert view.allowance_text("water") == "3 l van 6 l"
    assert page.checkin_button.text() == "F1  Afmelden"
    assert page.feedback.text() == (
        f"✔ Uitgegeven: Drinkwater 3 l aan {household.pretty_code}. Vandaag nu 3 l van 6 l."
    )
    assert page.recent.item(0).text() == (
        f"10:00 · Drinkwater 3 l\n    → {household.pretty_code} (Anna)"
    )
    assert page.recent.item(1).text() == (
        f"10:00 · aangemeld (2 pers.)\n    → {household.pretty_code} (Anna)"
    )
    focus_back(qtbot, page)


def test_check_in_and_out_change_the_occupancy(
    qtbot: QtBot,
    page: DeskPage,
    app_context: AppContext,
    key_clock: KeyClock,
    wait_idle: Callable[[], None],
) -> None:
    household = app_context.services.intake.register(size=4)
    scan(qtbot, page.scan_field, key_clock, household.qr_text)

    page.checkin_button.click()
    wait_idle()
    assert page.occupancy.text() == "Aanwezig: 4 / 80"
    assert page.feedback.text() == "✔ Aangemeld: 4 personen. Aanwezig nu: 4 van 80."
    focus_back(qtbot, page)

    page.checkin_button.click()
    wait_idle()
    assert page.occupancy.text() == "Aanwezig: 0 / 80"
    assert page.feedback.text() == "✔ Afgemeld: 4 personen. Aanwezig nu: 0 van 80."
    assert page.panel_view.presence.text() == "Niet aangemeld · laatst gezien 10:00"
    assert page.checkin_button.text() == "F1  Aanmelden"
    focus_back(qtbot, page)


def test_second_hand_out_beyond_the_ration_needs_a_reason(
    qtbot: QtBot,
    page: DeskPage,
    app_context: AppContext,
    key_clock: KeyClock,
    wait_idle: Callable[[], None],
    event_count: EventCount,
) -> None:
    household = app_context.services.intake.register(size=1)  # 3 l of water a day
    scan(qtbot, page.scan_field, key_clock, household.qr_text)
    QTest.keyClick(page.scan_field, Qt.Key.Key_F2)
    wait_idle()
    assert page.panel_view.allowance_state("water") == "⚠ rantsoen bereikt"
    assert page.quick_buttons[0].text() == "F2 Drinkwater 3 l\n⚠ rantsoen bereikt"

    # Beyond the ration, cancelled: nothing written.
    before = event_count()
    QTest.keyClick(page.scan_field, Qt.Key.Key_F2)
    wait_idle()
    dialog = page.dialog
    assert isinstance(dialog, ConfirmDialog)
    assert dialog.isVisible()
    assert "over het rantsoen van vandaag" in dialog.text.text()
    assert "Drinkwater: vandaag al 3 van 3 l ontvangen." in dialog.warnings.text()
    assert not dialog.confirm_button.isEnabled()  # no reason, no hand-out
    dialog.back_button.click()
    wait_idle()
    assert event_count() == before
    assert page.feedback.text() == "Niets opgeslagen."
    focus_back(qtbot, page)

    # Again, now with a reason: written with it.
    QTest.keyClick(page.scan_field, Qt.Key.Key_F2)
    wait_idle()
    dialog = page.dialog
    assert isinstance(dialog, ConfirmDialog)
    QTest.keyClicks(dialog.reason, "warm weer, oudere bewoner")
    assert dialog.confirm_button.isEnabled()
    QTest.keyClick(dialog.reason, Qt.Key.Key_Return)
    wait_idle()

    assert event_count() == before + 1
    second = distributions(app_context)[-1]
    assert (second.quantity, second.override_reason) == (3.0, "warm weer, oudere bewoner")
    assert page.feedback.text().startswith("✔ Uitgegeven: Drinkwater 3 l aan")
    assert "Boven het rantsoen; de reden is genoteerd." in page.feedback.text()
    assert page.panel_view.allowance_text("water") == "6 l van 3 l"
    focus_back(qtbot, page)


def test_undo_the_last_hand_out(
    qtbot: QtBot,
    page: DeskPage,
    app_context: AppContext,
    key_clock: KeyClock,
    wait_idle: Callable[[], None],
    clock: FixedClock,
    event_count: EventCount,
) -> None:
    household = app_context.services.intake.register(size=2)
    assert not page.undo_button.isEnabled()
    scan(qtbot, page.scan_field, key_clock, household.qr_text)
    QTest.keyClick(page.scan_field, Qt.Key.Key_F3)  # Voedselpakket
    wait_idle()
    assert page.undo_button.text() == f"F7  Terugdraaien\n→ {household.pretty_code}"
    assert page.undo_button.toolTip() == f"Voedselpakket 1 pakket · {household.pretty_code}"
    assert page.panel_view.allowance_state("food_package") == "⚠ weer vanaf 14:00"

    QTest.keyClick(page.scan_field, Qt.Key.Key_F7)
    dialog = page.dialog
    assert isinstance(dialog, ConfirmDialog)
    assert dialog.text.text() == "Uitgifte van 10:00 terugdraaien?"
    dialog.confirm_button.click()
    wait_idle()

    assert page.feedback.text() == (
        f"✔ Teruggedraaid: Voedselpakket 1 pakket · {household.pretty_code}. "
        "De voorraad is weer bijgeteld."
    )
    assert page.panel_view.allowance_text("food_package") == "0 pakketten van 1 pakket"
    assert not page.undo_button.isEnabled()
    assert page.recent.item(0).text().startswith("10:00 · teruggedraaid: voedselpakket 1 pakket")

    # Too late: refused with words, nothing written.
    focus_back(qtbot, page)
    QTest.keyClick(page.scan_field, Qt.Key.Key_F2)
    wait_idle()
    clock.advance(timedelta(minutes=6))
    before = event_count()  # nothing read since: F7 itself sees the undo time ran out
    QTest.keyClick(page.scan_field, Qt.Key.Key_F7)
    assert page.feedback.text() == (
        "⚠ Dit huishouden kreeg de laatste 5 minuten niets dat terug te draaien is."
    )
    assert event_count() == before
    focus_back(qtbot, page)


def test_need_from_the_desk(
    qtbot: QtBot,
    page: DeskPage,
    app_context: AppContext,
    key_clock: KeyClock,
    wait_idle: Callable[[], None],
) -> None:
    household = app_context.services.intake.register(size=3)
    scan(qtbot, page.scan_field, key_clock, household.qr_text)
    QTest.keyClick(page.scan_field, Qt.Key.Key_F4)
    dialog = page.dialog
    assert isinstance(dialog, QuickNeedDialog)
    dialog.choose("medicine", "high", "insuline")
    dialog.submit()
    wait_idle()

    [need] = app_context.services.needs.open_for_household(household.household_id)
    assert (need.category, need.urgency, need.note) == ("medicine", "high", "insuline")
    assert page.panel_view.needs.text() == "Open hulpvraag: medicijnen (hoog) sinds 10:00"
    assert page.feedback.text() == "✔ Hulpvraag genoteerd: medicijnen (hoog)."
    focus_back(qtbot, page)


def test_alarm_key_asks_the_window(qtbot: QtBot, page: DeskPage) -> None:
    with qtbot.waitSignal(page.alarm_requested, timeout=1000):
        QTest.keyClick(page.scan_field, Qt.Key.Key_F9)


# ---------------------------------------------------------------- refusals and cards


def test_wrong_check_character_is_refused(
    qtbot: QtBot,
    page: DeskPage,
    app_context: AppContext,
    key_clock: KeyClock,
    event_count: EventCount,
) -> None:
    household = app_context.services.intake.register(size=2)
    code = household.card_code
    wrong = code[:-1] + ("3" if code[-1] != "3" else "4")
    before = event_count()

    type_code(qtbot, page.scan_field, key_clock, cards.pretty(wrong))

    assert page.feedback.text() == (
        "✖ Deze code klopt niet — controleer de kaart. "
        "Zoeken op naam: typ de naam en Enter, of Ctrl+F."
    )
    assert page.panel_view.panel is None
    assert page.dialog is None  # no intake for a mistyped code
    assert page.scan_field.selectedText() == cards.pretty(wrong)  # typed: correct it in place
    assert event_count() == before
    assert not page.checkin_button.isEnabled()

    scan(qtbot, page.scan_field, key_clock, cards.qr_text(POST, wrong))
    assert page.feedback.text() == (
        "✖ Deze code klopt niet — controleer de kaart. "
        "Zoeken op naam: typ de naam en Enter, of Ctrl+F."
    )
    assert page.scan_field.text() == ""  # scanned: ready for the next scan
    assert event_count() == before


def test_replaced_card_says_so(
    qtbot: QtBot,
    page: DeskPage,
    app_context: AppContext,
    key_clock: KeyClock,
    event_count: EventCount,
) -> None:
    household = app_context.services.intake.register(size=2)
    app_context.services.intake.reissue(household.household_id)
    before = event_count()

    scan(qtbot, page.scan_field, key_clock, household.qr_text)

    assert page.feedback.text().startswith("✖ Deze kaart is vervangen door een nieuwe kaart")
    assert page.panel_view.panel is None
    assert event_count() == before


def test_unused_code_opens_the_intake(
    qtbot: QtBot,
    page: DeskPage,
    app_context: AppContext,
    key_clock: KeyClock,
    wait_idle: Callable[[], None],
    printed: list[Registered],
) -> None:
    [blank] = app_context.services.intake.reserve_blank_cards(1)

    scan(qtbot, page.scan_field, key_clock, cards.qr_text(POST, blank))

    dialog = page.dialog
    assert isinstance(dialog, IntakeDialog)
    assert dialog.isVisible()
    assert dialog.card_note.text() == (
        f"Voorgedrukte kaart {cards.pretty(blank)}: die krijgt dit huishouden."
    )
    dialog.fill(3)
    dialog.submit()
    wait_idle()

    assert page.panel_view.header.text() == f"Huishouden {cards.pretty(blank)} · 3 personen"
    qtbot.wait(50)
    assert printed == []  # the pre-printed card is already in the resident's hand
    assert page.feedback.text() == (
        f"✔ Ingeschreven: huishouden {cards.pretty(blank)}. "
        "De voorgedrukte kaart is nu van dit huishouden."
    )
    focus_back(qtbot, page)


def test_register_with_size_only_prints_the_card(
    qtbot: QtBot,
    page: DeskPage,
    app_context: AppContext,
    wait_idle: Callable[[], None],
    printed: list[Registered],
) -> None:
    QTest.keyClick(page.scan_field, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert isinstance(dialog, IntakeDialog)
    assert dialog.save_button.text() == "Inschrijven en kaart afdrukken"

    dialog.submit()  # nothing filled in: the size is required
    wait_idle()
    assert dialog.isVisible()
    assert dialog.message.text() == "Niet opgeslagen: Vul het aantal personen in (1 tot 30)."
    assert printed == []

    QTest.keyClicks(dialog.persons, "4")
    QTest.keyClick(dialog.persons, Qt.Key.Key_Return)  # Enter saves
    wait_idle()
    qtbot.waitUntil(lambda: bool(printed))  # printed once the dialog has closed

    [card] = printed
    assert app_context.services.intake.household(card.household_id).size == 4
    assert page.panel_view.header.text() == f"Huishouden {card.pretty_code} · 4 personen"
    assert page.feedback.text() == (
        f"✔ Ingeschreven: huishouden {card.pretty_code}. De kaart is afgedrukt."
    )
    focus_back(qtbot, page)


def test_duplicate_is_shown_before_saving(
    qtbot: QtBot,
    page: DeskPage,
    app_context: AppContext,
    wait_idle: Callable[[], None],
    event_count: EventCount,
    printed: list[Registered],
) -> None:
    existing = app_context.services.intake.register(
        size=2, name="Jansen", birth_year=1956, postcode="9791 AB"
    )
    dialog = page.start_intake(None)
    before = event_count()
    dialog.fill(2, name="jansen", birth_year=1956, postcode="9791ab")

    assert dialog.duplicates.isVisible()
    assert f"kaart {existing.pretty_code} · 2 pers." in dialog.duplicates.text()
    assert dialog.save_button.text() == "Toch nieuw huishouden inschrijven"
    assert event_count() == before  # shown, nothing saved

    QTest.keyClick(dialog.postcode, Qt.Key.Key_Return)  # Enter: the same household, open it
    wait_idle()
    assert not dialog.isVisible()
    assert event_count() == before
    assert printed == []
    assert page.panel_view.header.text() == (
        f"Huishouden {existing.pretty_code} · 2 personen · Jansen"
    )

    # Another household after all: one click on "Toch …" registers it.
    dialog = page.start_intake(None)
    dialog.fill(3, name="Jansen", birth_year=1956, postcode="9791 AB")
    assert dialog.duplicates.isVisible()
    dialog.save_button.click()
    wait_idle()
    qtbot.waitUntil(lambda: bool(printed))
    [card] = printed
    assert card.household_id != existing.household_id
    assert event_count() == before + 1
    assert page.panel_view.header.text() == f"Huishouden {card.pretty_code} · 3 personen · Jansen"


def test_intake_with_flags_and_consent(
    qtbot: QtBot,
    page: DeskPage,
    app_context: AppContext,
    wait_idle: Callable[[], None],
    printed: list[Registered],
) -> None:
    dialog = page.start_intake(None)
    assert not dialog.flags[HealthFlag.NEEDS_MEDICATION.value].isEnabled()  # consent first
    dialog.fill(1, name="De Vries", flags=(HealthFlag.NEEDS_MEDICATION.value,))
    dialog.submit()
    wait_idle()
    qtbot.waitUntil(lambda: bool(printed))

    [card] = printed
    assert page.panel_view.flags.text() == "⚑ medicatie nodig (toestemming 28-11)"
    assert app_context.services.intake.household(card.household_id).flags == ("needs_medication",)


def test_charging_ticket_and_safe_and_well_from_the_desk(
    qtbot: QtBot,
    page: DeskPage,
    app_context: AppContext,
    key_clock: KeyClock,
    wait_idle: Callable[[], None],
) -> None:
    household = app_context.services.intake.register(size=2, name="Bakker")
    scan(qtbot, page.scan_field, key_clock, household.qr_text)

    QTest.keyClick(page.scan_field, Qt.Key.Key_F5)
    ticket_dialog = page.dialog
    assert isinstance(ticket_dialog, NewTicketDialog)
    assert ticket_dialog.household.text() == f"✔ Huishouden {household.pretty_code} · 2 pers."
    ticket_dialog.device.setText("telefoon")
    ticket_dialog.submit()
    wait_idle()
    assert page.feedback.text() == ("✔ Oplaadbon 1 gemaakt: telefoon. Schrijf nummer 1 op de bon.")
    assert page.panel_view.charging.text() == "Aan het opladen: bon 1 · telefoon, sinds 10:00"
    focus_back(qtbot, page)

    QTest.keyClick(page.scan_field, Qt.Key.Key_F6)
    message_dialog = page.dialog
    assert isinstance(message_dialog, MessagesFormDialog)
    assert message_dialog.name.text() == "Bakker"
    message_dialog.message_text.setPlainText("Wij zijn veilig.")
    message_dialog.consent.setChecked(True)
    message_dialog.submit()
    wait_idle()
    [message] = app_context.services.messages.list_recent()
    assert (message.household_id, message.consent) == (household.household_id, True)
    assert page.feedback.text() == "✔ Veilig-en-welbericht opgeslagen."
    focus_back(qtbot, page)


def test_actions_need_a_scanned_card_first(qtbot: QtBot, page: DeskPage) -> None:
    assert not page.checkin_button.isEnabled()
    QTest.keyClick(page.scan_field, Qt.Key.Key_F2)
    assert page.feedback.text() == "⚠ Scan eerst een kaart."
    page.feedback.clear()
    QTest.keyClick(page.scan_field, Qt.Key.Key_F4)
    assert page.feedback.text() == "⚠ Scan eerst een kaart."
    assert page.dialog is None


def test_card_not_printed_says_what_to_do(
    qtbot: QtBot, app_context: AppContext, wait_idle: Callable[[], None]
) -> None:
    page = DeskPage(app_context, print_card=lambda _registered: False)  # cancelled, no printer
    qtbot.addWidget(page)
    page.show()
    dialog = page.start_intake(None)
    dialog.fill(2)
    dialog.submit()
    wait_idle()
    qtbot.waitUntil(lambda: "niet afgedrukt" in page.feedback.text())
    assert page.panel is not None
    assert page.feedback.text() == (
        f"✔ Ingeschreven: huishouden {page.panel.pretty_code}. "
        "⚠ De kaart is niet afgedrukt. Druk op Ctrl+P om opnieuw af te drukken, of schrijf de "
        f"code {page.panel.pretty_code} op een kaart."
    )
