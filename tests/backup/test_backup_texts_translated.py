"""What a backup, a restore and the start-up check tell a person comes through the catalogue.

Issue 18: the English interface shows no Dutch. A marking lookup stands in for the English
catalogue: every text the backup service words for a screen must arrive marked, whole, with
the values filled in after the lookup.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from backupkit import sign_in

from noodpost.config import Settings
from noodpost.core import i18n
from noodpost.services.backup import BackupService, StartupReport
from noodpost.services.base import ServiceContext


@pytest.fixture
def marked() -> Iterator[None]:
    """Every text looked up in the catalogue comes back as «text»."""
    i18n.install(lambda context, text: "«" + text + "»")
    yield
    i18n.uninstall()


def test_a_backup_and_its_missing_stick_are_told_in_the_catalogues_words(
    ctx: ServiceContext, tmp_path: Path, marked: None
) -> None:
    data_dir = tmp_path / "post"
    usb = tmp_path / "stick" / "noodpost"  # no stick in the laptop
    service = BackupService(ctx, data_dir, Settings(backup_usb_folder=str(usb)))

    report = service.backup_now()

    [written] = report.written
    assert report.summary == f"«Back-up gemaakt: {written}.»"
    assert report.warnings == (
        f"«De USB-map {usb} is er niet: daar is deze keer geen back-up gemaakt (wel op deze "
        "laptop). Steek de USB-stick erin; de volgende back-up gaat er dan weer heen.»",
    )
    [choice] = service.available()
    assert choice.text.endswith(" · «deze laptop»")


def test_a_restore_is_reported_in_the_catalogues_words(
    ctx: ServiceContext, tmp_path: Path, marked: None
) -> None:
    data_dir = tmp_path / "post"
    sign_in(ctx)
    service = BackupService(ctx, data_dir, Settings())
    [written] = service.backup_now().written

    restored = service.restore(written)

    assert restored.set_aside is not None
    assert restored.summary == (
        f"«Back-up {written.name} is teruggezet ({restored.post_code}). "
        f"«De vorige database staat opzij als {restored.set_aside}; die wordt nooit "
        "verwijderd.» Wat na deze back-up is ingevoerd en al naar de C-NSP was gestuurd, komt "
        "bij de volgende synchronisatie terug.»"
    )


def test_a_damaged_database_is_explained_in_the_catalogues_words(
    tmp_path: Path, marked: None
) -> None:
    database = tmp_path / "post" / "noodpost.db"
    report = StartupReport(False, "*** in database main ***", 1.0, database, None)

    assert report.message == (
        f"«De database {database} is beschadigd: de controle bij het starten vond fouten. "
        "Noodpost laat het bestand onaangeroerd, zodat er niets verder kapotgaat.» "
        "«Er is geen goede back-up gevonden. Meld dit aan de coördinator of de beheerder en "
        "neem deze laptop niet verder in gebruik voor registratie.»"
    )
