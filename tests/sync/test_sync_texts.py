"""The Synchronisatie page's results come through the catalogue; what sync records stays Dutch.

A marking catalogue (``«source»``) stands in for the English one the GUI installs: every
sentence and counted noun a result shows must come back marked. What is recorded — the audit
log and the reason kept with a bundle the hub could not apply — must not.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sitekit import Site, SiteFactory
from sqlalchemy import select

from noodpost.core import i18n
from noodpost.storage.models import AuditEntry, PendingBundle


@pytest.fixture
def marked() -> Iterator[None]:
    i18n.install(lambda context, text: "«" + text + "»")
    yield
    i18n.uninstall()


def test_the_results_of_a_usb_round_are_in_the_interfaces_language(
    hub: Site, post_a: Site, stick: Path, marked: None
) -> None:
    post_a.intake.register(size=2)

    written = post_a.sync.export_usb(stick).summary
    assert written == (
        f"«1 «bundel» geschreven naar {stick}: GR-9000 ({post_a.for_hub()} «wijzigingen»)»."
    )

    arrived = hub.sync.import_usb(stick)
    assert arrived.summary.startswith("«1 «bundel»: 0 toegepast"), arrived.summary
    assert "«; wacht op goedkeuring: GR-0014 (1 «bundel» bewaard tot de goedkeuring)»" in (
        arrived.summary
    )
    assert hub.sync.quarantine().summary == "«In quarantaine: 1 «bundel wacht».»"
    assert hub.sync.list_peers().summary == "«1 bekend: 0 goedgekeurd, 1 wacht op goedkeuring»"

    approved = hub.sync.approve_post("GR-0014", post_a.sync.fingerprint).summary
    assert approved.startswith("«GR-0014 goedgekeurd ("), approved
    assert "1 «bundel» uit quarantaine" in approved
    assert hub.sync.quarantine().summary == "«Niets in quarantaine.»"

    again = hub.sync.import_usb(stick)  # the same bundle, read a second time
    assert "«; 1 al eerder ingelezen»" in again.summary
    assert again.outcomes[0].summary == (
        "«Bundel van GR-0014 was al ingelezen; er is niets veranderd.»"
    )

    with hub.db.read() as session:  # the audit log is a record: Dutch, whatever the screen
        recorded = [e.object for e in session.scalars(select(AuditEntry))]
    assert any("1 bundel uit quarantaine" in line for line in recorded), recorded
    assert not any("«" in line for line in recorded), recorded


def test_a_refusal_is_shown_translated_and_kept_with_the_bundle_in_dutch(
    hub: Site, make_site: SiteFactory, pairing_file: Path, stick: Path, marked: None
) -> None:
    post = make_site("c", code="GR-0016", name="Kerk Oost")
    post.sync.import_pairing(pairing_file)
    post.sync.export_usb(stick)
    hub.sync.import_usb(stick)
    with hub.db.write() as session:  # the kept bytes are damaged: the signature fails
        row = session.scalars(select(PendingBundle)).one()
        row.raw = row.raw[:-1] + bytes([row.raw[-1] ^ 1])

    approved = hub.sync.approve_post("GR-0016", post.sync.fingerprint)

    assert "«, 1 «bundel» onleesbaar (blijven bewaard)»" in approved.summary
    reason = hub.sync.quarantine().bundles[0].reason
    assert reason == (
        "niet toe te passen: Deze bundel is beschadigd of onvolledig (handtekening klopt "
        "niet). Er is niets ingelezen. Maak bij de afzender een nieuwe bundel en lees die in; "
        "bundels zijn cumulatief, dus er gaat niets verloren."
    )
