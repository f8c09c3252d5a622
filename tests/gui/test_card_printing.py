"""Cards on paper: a registered household's card as PDF, read back by a scanner and by eye."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pdfkit import decode_pages, page_sizes_mm, pdf_text
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QApplication, QFileDialog

from noodpost.core import cards
from noodpost.core.errors import UserError
from noodpost.gui.printing.cards import (
    BLANK_LINES,
    CardFace,
    blank_faces,
    first_name_of,
    household_face,
    paint_on_printer,
    print_registered_card,
    save_card_pdf,
    save_sheet_pdf,
)
from noodpost.gui.printing.pdf import pdf_target
from noodpost.services.base import ServiceContext
from noodpost.services.intake import IntakeService, Registered

pytestmark = pytest.mark.gui

POST_NAME = "Dorpshuis Ten Boer"
CODE_RE = re.compile(rf"^NP1:GR-0014:[{cards.ALPHABET}]{{4}}-[{cards.ALPHABET}]{{4}}$")


@pytest.fixture
def registered(ctx: ServiceContext) -> Registered:
    return IntakeService(ctx).register(
        size=3, name="Fatima El Amrani", birth_year=1984, postcode="9791 AB"
    )


def test_a_households_card_reads_back_as_its_code_only(
    qapp: QApplication, registered: Registered, tmp_path: Path
) -> None:
    pdf = tmp_path / "kaart.pdf"
    face = household_face(
        registered, POST_NAME, first_name=first_name_of("Fatima El Amrani", consent=False)
    )

    save_card_pdf(pdf, face)

    assert decode_pages(pdf, tmp_path / "png") == [[registered.qr_text]]
    assert CODE_RE.match(registered.qr_text)
    assert "Fatima" not in registered.qr_text
    (width, height), *_ = page_sizes_mm(pdf)
    assert width == pytest.approx(85.6, abs=0.3)
    assert height == pytest.approx(54.0, abs=0.3)
    text = pdf_text(pdf)
    assert registered.pretty_code in text
    assert POST_NAME in text
    assert "GR-0014" in text
    assert "balie" in text
    assert "desk" in text  # the line in Dutch and in English
    assert "Fatima" not in text  # no consent, no name
    assert "OEFENING" not in text
    assert not (tmp_path / "kaart.pdf.partial").exists()


def test_the_first_name_is_printed_only_with_consent(
    qapp: QApplication, registered: Registered, tmp_path: Path
) -> None:
    pdf = tmp_path / "kaart.pdf"
    first = first_name_of("Fatima El Amrani", consent=True)

    save_card_pdf(pdf, household_face(registered, POST_NAME, first_name=first))

    text = pdf_text(pdf)
    assert "Fatima" in text
    assert "Amrani" not in text  # the first name only, never the family name
    assert decode_pages(pdf, tmp_path / "png") == [[registered.qr_text]]
    assert first_name_of("Fatima El Amrani", consent=False) is None
    assert first_name_of("   ", consent=True) is None


def test_a_training_nodes_card_says_oefening(
    qapp: QApplication, registered: Registered, tmp_path: Path
) -> None:
    pdf = tmp_path / "oefenkaart.pdf"

    save_card_pdf(pdf, household_face(registered, POST_NAME, training=True))

    assert "OEFENING" in pdf_text(pdf)
    assert decode_pages(pdf, tmp_path / "png") == [[registered.qr_text]]


def test_a_sheet_holds_ten_cards_per_a4_page_each_decodable(
    qapp: QApplication, tmp_path: Path
) -> None:
    codes = sorted({cards.new_card_code() for _ in range(12)})
    pdf = tmp_path / "vel.pdf"

    save_sheet_pdf(pdf, blank_faces("GR-0014", codes, POST_NAME))

    pages = decode_pages(pdf, tmp_path / "png")
    assert [len(page) for page in pages] == [10, len(codes) - 10]
    assert sorted(text for page in pages for text in page) == sorted(
        cards.qr_text("GR-0014", code) for code in codes
    )
    for width, height in page_sizes_mm(pdf):
        assert width == pytest.approx(210, abs=0.5)
        assert height == pytest.approx(297, abs=0.5)
    text = pdf_text(pdf)
    assert text.count(BLANK_LINES[0].split(" —")[0]) == len(codes)
    assert all(cards.pretty(code) in text for code in codes)


def test_a_long_post_name_still_leaves_the_code_readable(
    qapp: QApplication, registered: Registered, tmp_path: Path
) -> None:
    pdf = tmp_path / "kaart.pdf"
    long_name = "Sporthal De Kikkerpoel en Buurthuis Noorderplantsoen te Appingedam-Noord"

    save_card_pdf(pdf, household_face(registered, long_name, first_name="Maximiliaan"))

    text = pdf_text(pdf)
    assert registered.pretty_code in text
    assert "Maximiliaan" in text
    assert "Sporthal De Kikkerpoel" in text
    assert decode_pages(pdf, tmp_path / "png") == [[registered.qr_text]]


def test_a_missing_folder_is_refused_in_dutch_and_leaves_no_file(
    qapp: QApplication, registered: Registered, tmp_path: Path
) -> None:
    pdf = tmp_path / "bestaat-niet" / "kaart.pdf"

    with pytest.raises(UserError, match="bestaat de map"):
        save_card_pdf(pdf, household_face(registered, POST_NAME))

    assert not pdf.parent.exists()


def test_a_folder_as_file_name_is_refused(
    qapp: QApplication, registered: Registered, tmp_path: Path
) -> None:
    folder = tmp_path / "kaarten"
    folder.mkdir()

    with pytest.raises(UserError, match="is een map"):
        save_card_pdf(folder, household_face(registered, POST_NAME))

    assert list(folder.iterdir()) == []
    assert not (tmp_path / "kaarten.partial").exists()


def test_an_interrupted_write_leaves_neither_file_nor_partial(tmp_path: Path) -> None:
    pdf = tmp_path / "kaarten.pdf"
    pdf.write_bytes(b"earlier batch")

    def write_half_then_fail() -> None:
        with pdf_target(pdf) as target:
            target.write(b"%PDF-half")
            raise RuntimeError("power cut")

    with pytest.raises(RuntimeError):
        write_half_then_fail()

    assert pdf.read_bytes() == b"earlier batch"
    assert not (tmp_path / "kaarten.pdf.partial").exists()


def test_printing_on_an_a4_printer_gives_a_true_size_card(
    qapp: QApplication, registered: Registered, tmp_path: Path
) -> None:
    """The printer path, with Qt's PDF printer standing in for the outside world."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "afdruk.pdf"))

    paint_on_printer(printer, household_face(registered, POST_NAME))

    pdf = tmp_path / "afdruk.pdf"
    assert decode_pages(pdf, tmp_path / "png") == [[registered.qr_text]]
    assert registered.pretty_code in pdf_text(pdf)


def test_without_a_printer_the_card_is_saved_as_pdf(
    qapp: QApplication,
    registered: Registered,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    chosen = tmp_path / "kaart-zonder-printer"  # no suffix typed: .pdf is added
    asked: list[str] = []

    def save_as(parent: object, title: str, suggested: str, filters: str) -> tuple[str, str]:
        asked.append(title)
        return str(chosen), filters

    monkeypatch.setattr(QPrinterInfo, "availablePrinterNames", staticmethod(lambda: []))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))

    assert print_registered_card(registered, POST_NAME, "Fatima", False, None)

    assert asked == ["Geen printer gevonden — sla de kaart op als PDF"]
    pdf = chosen.with_suffix(".pdf")
    assert decode_pages(pdf, tmp_path / "png") == [[registered.qr_text]]
    assert "Fatima" in pdf_text(pdf)


@pytest.mark.parametrize(
    ("qr_text", "pretty_code"),
    [
        ("Fatima El Amrani, Kerkstraat 5", "7K3Q-9XWE"),  # anything personal
        ("NP1:GR-0014:7K3Q-9XWE Fatima", "7K3Q-9XWE"),  # a code with something added
        ("7K3Q-9XWE", "7K3Q-9XWE"),  # no post code
        ("NP1:GR-0014:7K3Q-9XWE", "4444-4444"),  # the printed code differs from the QR
    ],
)
def test_a_card_face_takes_nothing_but_a_canonical_code(qr_text: str, pretty_code: str) -> None:
    with pytest.raises(ValueError, match="NP1"):
        CardFace(qr_text, pretty_code, POST_NAME)
