"""Veilig en wel at the C-NSP: found by name after sync only with consent; audited; CSV."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from support import FAST_HASHER
from sync.sitekit import HUB_CODE, Site, build_site, introduce

from noodpost.core.clock import FixedClock
from noodpost.core.errors import Refused, UserError
from noodpost.services.messages import CSV_COLUMNS, MessagesService
from noodpost.services.volunteers import VolunteersService
from noodpost.storage.models import AuditEntry


@pytest.fixture
def sites(tmp_path: Path, clock: FixedClock) -> Iterator[tuple[Site, Site, Path]]:
    hub = build_site(tmp_path / "hub", clock, role="hub", code=HUB_CODE, name="C-NSP Groningen")
    post = build_site(tmp_path / "post", clock, code="GR-0014", name="Dorpshuis Ten Boer")
    pairing = tmp_path / "koppeling.json"
    hub.sync.export_pairing(pairing)
    post.sync.import_pairing(pairing)
    stick = tmp_path / "stick"
    stick.mkdir()
    introduce(post, hub, stick)
    yield hub, post, stick
    hub.db.close()
    post.db.close()


def _audit(site: Site, action: str | None = None) -> list[str]:
    """The audit entries' objects, oldest first (read as the verify command would)."""
    with site.db.read() as session:
        rows = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        return [r.object for r in rows if action is None or r.action == action]


def _team(site: Site) -> tuple[VolunteersService, str, str]:
    """A coordinator (PIN 1357) and a volunteer (PIN 2468); nobody signed in afterwards."""
    volunteers = VolunteersService(site.ctx, hasher=FAST_HASHER)
    karin = volunteers.add_volunteer("Karin Mulder", "coordinator", "1357")
    volunteers.sign_in(karin.id, "1357")
    piet = volunteers.add_volunteer("Piet Vos", "volunteer", "2468")
    volunteers.sign_out()
    return volunteers, karin.id, piet.id


def _found_at_hub(sites: tuple[Site, Site, Path]) -> tuple[Site, MessagesService, list[str]]:
    hub, post, stick = sites
    at_post = MessagesService(post.ctx)
    shared = at_post.record(
        "Jan de Vries", "Het gaat goed; wij slapen hier.\nGroet", consent=True, birth_year=1950
    )
    at_post.record("Jan de Vries-Bakker", "Niet doorgeven", consent=False, birth_year=1950)
    post.sync.export_usb(stick)
    hub.sync.import_usb(stick)
    at_hub = MessagesService(hub.ctx)
    found = at_hub.search("de vries", birth_year=1950)
    assert [m.id for m in found] == [shared.id]
    assert found[0].post_code == "GR-0014"
    return hub, at_hub, [m.id for m in found]


def test_the_hub_finds_only_the_message_given_with_consent_and_audits_without_the_name(
    sites: tuple[Site, Site, Path],
) -> None:
    hub, at_hub, _ids = _found_at_hub(sites)
    assert at_hub.search("bakker") == []  # the one without consent is never found
    assert at_hub.list_recent() == []  # the hub recorded none itself
    assert _audit(hub, "search_messages") == [
        "zoeken op naam en geboortejaar: 1 gevonden",
        "zoeken op naam: 0 gevonden",
    ]
    everything = " ".join(_audit(hub)).lower()
    for secret in ("vries", "bakker", "1950"):
        assert secret not in everything


def test_search_refusals_are_not_audited(sites: tuple[Site, Site, Path]) -> None:
    hub, _post, _stick = sites
    messages = MessagesService(hub.ctx)
    before = _audit(hub)
    with pytest.raises(UserError, match="minstens 2 letters"):
        messages.search("j")
    with pytest.raises(UserError, match="Geboortejaar 1800 klopt niet"):
        messages.search("jan", birth_year=1800)
    assert _audit(hub) == before


def test_a_coordinator_exports_the_found_list_as_documented_csv(
    sites: tuple[Site, Site, Path], tmp_path: Path
) -> None:
    hub, at_hub, ids = _found_at_hub(sites)
    volunteers, karin, _piet = _team(hub)
    volunteers.sign_in(karin, "1357")
    target = tmp_path / "export" / "veilig-en-wel.csv"
    target.parent.mkdir()
    result = at_hub.export_csv(target, ids)
    assert (result.count, result.path) == (1, target)
    assert not target.with_name("veilig-en-wel.csv.partial").exists()
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 2
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["naam"] == "Jan de Vries"
    assert row["geboortejaar"] == "1950"
    assert row["bericht"] == "Het gaat goed; wij slapen hier. Groet"
    assert (row["post_code"], row["post_naam"]) == ("GR-0014", "Dorpshuis Ten Boer")
    assert row["opgenomen_lokaal"] == "2026-11-28 10:00"
    assert row["opgenomen_utc"] == "2026-11-28T09:00:00.000+00:00"
    assert row["toestemming"] == "ja"
    assert _audit(hub, "export") == ["veilig en wel veilig-en-wel.csv: 1 berichten"]


def test_export_refusals_write_no_file_and_no_audit(
    sites: tuple[Site, Site, Path], tmp_path: Path
) -> None:
    hub, at_hub, ids = _found_at_hub(sites)
    target = tmp_path / "lijst.csv"
    volunteers, karin, piet = _team(hub)
    with pytest.raises(Refused, match="Log eerst in"):
        at_hub.export_csv(target, ids)
    volunteers.sign_in(piet, "2468")
    with pytest.raises(Refused, match="Alleen een coördinator"):
        at_hub.export_csv(target, ids)
    volunteers.sign_in(karin, "1357")
    audit_now = _audit(hub)
    with pytest.raises(UserError, match="niets om te exporteren"):
        at_hub.export_csv(target, [])
    with pytest.raises(UserError, match="niet schrijven"):
        at_hub.export_csv(tmp_path / "bestaat-niet" / "lijst.csv", ids)
    assert not target.exists()
    assert _audit(hub) == audit_now
    assert _audit(hub, "export") == []
