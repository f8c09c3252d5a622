"""Rapporten: the situation report as PDF, CSV / Excel / CAP exports, personal data on request."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from nodekit import FAST_HASHER, close_context, hub_context, introduce
from openpyxl import load_workbook
from pdfkit import pdf_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from noodpost.core.clock import FixedClock
from noodpost.gui.context import AppContext
from noodpost.gui.pages.reports import ReportsPage
from noodpost.gui.printing.sitrep import render_sitrep_pdf
from noodpost.reports.sitrep import SitrepService
from noodpost.services.alarms import AlarmsService
from noodpost.services.intake import IntakeService
from noodpost.services.visits import VisitsService
from noodpost.services.volunteers import VolunteersService

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot: QtBot, app_context: AppContext) -> ReportsPage:
    ctx = app_context.services.ctx
    household = IntakeService(ctx).register(size=3, name="Geesje Wolters", birth_year=1941)
    VisitsService(ctx).check_in(household.household_id)
    AlarmsService(ctx).raise_alarm("ambulance", "immediate", "zaal 2", 1)
    widget = ReportsPage(app_context)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: app_context.runner.pending == 0, timeout=10_000)
    return widget


def _save_as(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(path), ""))


def _folder(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    path.mkdir(exist_ok=True)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(path))


def _answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def exec_(box: QMessageBox) -> QMessageBox.StandardButton:
        asked.append(f"{box.text()}\n{box.informativeText()}")
        return button

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked


def test_the_situation_report_is_saved_as_pdf(
    page: ReportsPage,
    qtbot: QtBot,
    wait_idle: Callable[[], None],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    assert page.title == "Rapporten"
    assert not page.post_choice.isVisible()  # a post reports on itself only
    pdf = tmp_path / "rapport"
    _save_as(monkeypatch, pdf)

    qtbot.mouseClick(page.sitrep_button, Qt.MouseButton.LeftButton)
    wait_idle()

    saved = pdf.with_suffix(".pdf")
    assert saved.is_file()
    assert page.result.isVisible()
    assert "Situatierapport Dorpshuis Ten Boer (GR-0014)" in page.result.text()
    text = " ".join(pdf_text(saved).split())
    assert "Dorpshuis Ten Boer (GR-0014)" in text
    assert "1 spoedmelding nog niet bevestigd door de C-NSP." in text
    assert "Geesje" not in text  # the report holds no personal data


def test_a_default_export_has_no_personal_data(
    page: ReportsPage,
    qtbot: QtBot,
    wait_idle: Callable[[], None],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    _folder(monkeypatch, tmp_path / "uit")
    qtbot.mouseClick(page.csv_button, Qt.MouseButton.LeftButton)
    wait_idle()

    (folder,) = (tmp_path / "uit").iterdir()
    households = (folder / "huishoudens.csv").read_text(encoding="utf-8")
    assert "#affected+ind" in households
    assert "Geesje" not in households
    assert "zonder persoonsgegevens" in page.result.text()

    _folder(monkeypatch, tmp_path / "cap")
    qtbot.mouseClick(page.cap_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert "1 CAP-berichten" in page.result.text()
    (cap_folder,) = (tmp_path / "cap").iterdir()
    assert len(list(cap_folder.glob("*.xml"))) == 1


def test_a_coordinator_confirms_personal_data_which_is_then_cleared(
    page: ReportsPage,
    qtbot: QtBot,
    wait_idle: Callable[[], None],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    assert page.personal.isEnabled()
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    page.personal.click()
    assert not page.personal.isChecked()  # declined
    assert "namen en geboortejaren" in asked[0]

    _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    page.personal.click()
    assert page.personal.isChecked()
    assert "bevat persoonsgegevens" in page.personal_note.text()
    path = tmp_path / "volledig.xlsx"
    _save_as(monkeypatch, path)
    qtbot.mouseClick(page.xlsx_button, Qt.MouseButton.LeftButton)
    wait_idle()

    assert "met persoonsgegevens" in page.result.text()
    assert not page.personal.isChecked()  # the next export is without again
    workbook = load_workbook(path, read_only=True)
    try:
        rows = list(workbook["huishoudens"].iter_rows(values_only=True))
        column = rows[1].index("#beneficiary+name")
        names = [row[column] for row in rows[2:]]
    finally:
        workbook.close()
    assert names == ["Geesje Wolters"]


def test_a_volunteer_cannot_tick_personal_data(
    page: ReportsPage, app_context: AppContext, qtbot: QtBot
) -> None:
    volunteers = VolunteersService(app_context.services.ctx, hasher=FAST_HASHER)
    harm = volunteers.add_volunteer("Harm Oosting", "volunteer", "1357")
    volunteers.sign_in(harm.id, "1357")
    page.hide()
    page.show()  # shown again: who is signed in is checked anew
    qtbot.waitUntil(lambda: app_context.runner.pending == 0, timeout=10_000)

    assert not page.personal.isEnabled()
    assert "Alleen een coördinator" in page.personal_note.text()


def test_training_and_region_reports_draw(page: ReportsPage, app_context: AppContext) -> None:
    report = SitrepService(app_context.services.ctx).report()
    training = dataclasses.replace(report, training=True)
    region = dataclasses.replace(report, region=True)
    for variant, needle in ((training, "OEFENING"), (region, "Posten")):
        data: Any = render_sitrep_pdf(variant)
        assert data.startswith(b"%PDF")
        path = Path(app_context.data_dir) / "variant.pdf"
        path.write_bytes(data)
        assert needle in pdf_text(path)


def test_the_hub_reports_on_the_region_or_one_post(
    app_context: AppContext,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    clock: FixedClock,
) -> None:
    hub = hub_context(tmp_path, clock)
    try:
        introduce(app_context, hub, tmp_path)  # the post (GR-0014) reaches the hub
        page = ReportsPage(hub)
        qtbot.addWidget(page)
        page.show()
        qtbot.waitUntil(lambda: hub.runner.pending == 0, timeout=10_000)
        assert page.post_choice.isVisible()
        assert [page.post_choice.itemText(i) for i in range(page.post_choice.count())] == [
            "De hele regio",
            "GR-0014",
        ]
        pdf = tmp_path / "regio.pdf"
        _save_as(monkeypatch, pdf)
        qtbot.mouseClick(page.sitrep_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: hub.runner.pending == 0, timeout=10_000)
        text = " ".join(pdf_text(pdf).split())
        assert "Regio — C-NSP Groningen" in text
        assert "GR-0014 Dorpshuis Ten Boer open" in text  # the table of posts
        assert "Situatierapport regio geschreven" in page.result.text()
    finally:
        close_context(hub)
