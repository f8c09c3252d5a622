"""Pairing: a post trusts the hub from its pairing file; anything wrong changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sitekit import HUB_CODE, Site, SiteFactory

from noodpost.core.errors import Refused, UserError
from noodpost.core.events import canonical_json
from noodpost.storage.models import Peer
from noodpost.sync.pairing import PAIRING_VERSION


def test_a_post_trusts_the_hub_from_its_pairing_file(
    hub: Site, make_site: SiteFactory, tmp_path: Path
) -> None:
    path = tmp_path / "koppeling.json"
    exported = hub.sync.export_pairing(path, ["http://10.0.0.5:8765"])
    assert exported.fingerprint in exported.summary
    assert not list(tmp_path.glob("*.partial"))
    post = make_site("a")
    before = post.events()
    imported = post.sync.import_pairing(path)
    assert imported.fingerprint == hub.sync.fingerprint
    assert HUB_CODE in imported.summary
    assert post.events() == before  # pairing is local trust, not an event
    with post.db.read() as session:
        peer = session.get(Peer, hub.node_id)
        assert peer is not None
        assert (peer.role, peer.approved, peer.addresses) == ("hub", True, ["http://10.0.0.5:8765"])
    listed = post.sync.list_peers()
    assert listed.peers[0].fingerprint == hub.sync.fingerprint
    assert "goedgekeurd" in listed.lines[0]
    again = post.sync.import_pairing(path)  # importing twice is harmless
    assert again.replaced is None


def test_the_qr_text_pairs_the_same_way(hub: Site, make_site: SiteFactory) -> None:
    text = hub.sync.pairing_qr_text()
    assert len(text) < 1000  # fits a QR code comfortably
    assert json.loads(text)["addresses"] == ["http://127.0.0.1:8765"]
    post = make_site("a")
    assert post.sync.import_pairing_text(text).hub_code == HUB_CODE


@pytest.mark.parametrize(
    ("damage", "phrase"),
    [
        (lambda t: t.replace('"name": "C-NSP Groningen"', '"name": "C-NSP Drenthe"'), "beschadigd"),
        (lambda t: t[: len(t) // 2], "beschadigd"),
        (lambda t: "Beste collega, hierbij de gegevens.", "beschadigd"),
        (lambda t: t.replace('"format": "noodpost-pairing"', '"format": "x"'), "beschadigd"),
    ],
)
def test_a_damaged_or_foreign_pairing_file_changes_nothing(
    pairing_file: Path, make_site: SiteFactory, damage: object, phrase: str
) -> None:
    post = make_site("a")
    text = pairing_file.read_text(encoding="utf-8")
    pairing_file.write_text(damage(text), encoding="utf-8")  # type: ignore[operator]
    before = post.snapshot()
    with pytest.raises(UserError, match=phrase):
        post.sync.import_pairing(pairing_file)
    assert post.snapshot() == before


def test_training_and_real_never_pair(
    hub: Site, make_site: SiteFactory, pairing_file: Path, tmp_path: Path
) -> None:
    training_post = make_site("oefen", training=True)
    before = training_post.snapshot()
    with pytest.raises(Refused, match="nooit gemengd"):
        training_post.sync.import_pairing(pairing_file)
    assert training_post.snapshot() == before

    training_hub = make_site("oefenhub", role="hub", code="GR-9001", training=True)
    training_file = tmp_path / "oefen.json"
    training_hub.sync.export_pairing(training_file)
    real_post = make_site("echt")
    before = real_post.snapshot()
    with pytest.raises(Refused, match="oefen-C-NSP"):
        real_post.sync.import_pairing(training_file)
    assert real_post.snapshot() == before


def test_only_a_hub_exports_and_only_a_post_imports(
    hub: Site, make_site: SiteFactory, pairing_file: Path, tmp_path: Path
) -> None:
    post = make_site("a")
    with pytest.raises(Refused, match="Alleen een C-NSP"):
        post.sync.export_pairing(tmp_path / "x.json")
    assert not (tmp_path / "x.json").exists()
    other_hub = make_site("hub2", role="hub", code="GR-9001")
    before = other_hub.snapshot()
    with pytest.raises(Refused, match="Dit is een C-NSP"):
        other_hub.sync.import_pairing(pairing_file)
    assert other_hub.snapshot() == before


def test_a_pairing_file_from_a_newer_noodpost_is_refused(
    hub: Site, make_site: SiteFactory, tmp_path: Path
) -> None:
    document = json.loads(hub.sync.pairing_qr_text())
    del document["signature"]
    document["version"] = PAIRING_VERSION + 1
    signed = hub.sync.keys.signing.sign(canonical_json(document).encode()).signature.hex()
    path = tmp_path / "nieuw.json"
    path.write_text(json.dumps({**document, "signature": signed}), encoding="utf-8")
    post = make_site("a")
    before = post.snapshot()
    with pytest.raises(UserError, match="nieuwere versie van Noodpost"):
        post.sync.import_pairing(path)
    assert post.snapshot() == before


def test_pairing_with_a_new_hub_replaces_the_old_trust(
    post_a: Site, make_site: SiteFactory, tmp_path: Path
) -> None:
    new_hub = make_site("hub2", role="hub", code="GR-9001", name="C-NSP Noord")
    path = tmp_path / "nieuw.json"
    new_hub.sync.export_pairing(path)
    result = post_a.sync.import_pairing(path)
    assert result.replaced == HUB_CODE
    approved = [p.post_code for p in post_a.sync.list_peers().peers if p.approved]
    assert approved == ["GR-9001"]


def test_a_missing_pairing_file_says_so(make_site: SiteFactory, tmp_path: Path) -> None:
    post = make_site("a")
    with pytest.raises(UserError, match="kan niet worden gelezen"):
        post.sync.import_pairing(tmp_path / "bestaat-niet.json")
