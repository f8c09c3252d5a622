"""CAP 1.2: every alarm an Alert, every acknowledgement an Ack that references it (DESIGN §3.4)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import xmlschema
from exportkit import Seeded, audit_entries, make_node

from noodpost.core.audit import AuditAction
from noodpost.core.clock import FixedClock
from noodpost.core.errors import UserError
from noodpost.reports.cap import CapService
from noodpost.services.alarms import AlarmsService
from noodpost.services.base import ServiceContext
from noodpost.services.setup import initialise
from noodpost.storage.engine import open_database
from noodpost.storage.node import database_path
from noodpost.sync.service import SyncService

CAP_XSD = Path("/work/shared/data/CAP-v1.2.xsd")
SCHEMA_PATH = (
    CAP_XSD if CAP_XSD.exists() else Path(__file__).parents[3] / "shared/data/CAP-v1.2.xsd"
)
NS = {"cap": "urn:oasis:names:tc:emergency:cap:1.2"}
SENT_RE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")


@pytest.fixture(scope="module")
def schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(SCHEMA_PATH))


def _read(folder: Path) -> dict[str, ET.Element]:
    return {path.stem: ET.parse(path).getroot() for path in sorted(folder.glob("*.xml"))}


def _text(root: ET.Element, path: str) -> str:
    found = root.find(path, NS)
    assert found is not None, path
    return found.text or ""


def test_every_message_validates_and_each_ack_references_its_alert(
    seeded: Seeded, tmp_path: Path, schema: xmlschema.XMLSchema
) -> None:
    folder = tmp_path / "cap"
    result = CapService(seeded.ctx).export(folder)

    assert len(result.messages) == 5  # three alerts, one ack, one cancel
    assert sorted(p.name for p in folder.iterdir()) == sorted(m.file_name for m in result.messages)
    for path in folder.iterdir():
        schema.validate(str(path))  # raises on any deviation from the OASIS schema
    messages = _read(folder)
    alerts = {k: v for k, v in messages.items() if _text(v, "cap:msgType") == "Alert"}
    acks = [v for v in messages.values() if _text(v, "cap:msgType") == "Ack"]
    cancels = [v for v in messages.values() if _text(v, "cap:msgType") == "Cancel"]
    assert (len(alerts), len(acks), len(cancels)) == (3, 1, 1)

    by_alarm = {_text(a, "cap:info/cap:parameter/cap:value"): a for a in alerts.values()}
    alert = by_alarm[seeded.acknowledged_alarm]
    identifier = _text(alert, "cap:identifier")
    assert identifier in alerts  # file named by identifier
    assert _text(alert, "cap:sender") == "GR-0014@noodpost"
    assert _text(alert, "cap:sent") == "2026-11-28T10:45:00+01:00"  # raised 09:45 UTC
    assert SENT_RE.match(_text(alert, "cap:sent"))
    assert _text(alert, "cap:status") == "Actual"
    assert _text(alert, "cap:scope") == "Restricted"
    assert _text(alert, "cap:restriction")
    assert _text(alert, "cap:info/cap:language") == "nl-NL"
    assert _text(alert, "cap:info/cap:category") == "Health"
    assert _text(alert, "cap:info/cap:urgency") == "Immediate"
    assert _text(alert, "cap:info/cap:severity") == "Severe"
    assert _text(alert, "cap:info/cap:certainty") == "Observed"
    assert _text(alert, "cap:info/cap:area/cap:areaDesc") == "Kerkstraat 5 zaal 2"
    description = _text(alert, "cap:info/cap:description")
    assert "Betrokken personen: 2" in description
    assert "Man onwel" in description

    ack = acks[0]
    reference = ",".join([_text(alert, "cap:sender"), identifier, _text(alert, "cap:sent")])
    assert _text(ack, "cap:references") == reference
    assert "C-NSP Groningen" in _text(ack, "cap:note")
    assert SENT_RE.match(_text(ack, "cap:sent"))

    cancelled = by_alarm[seeded.cancelled_alarm]
    assert _text(cancelled, "cap:info/cap:category") == "Fire"
    assert _text(cancels[0], "cap:references").split(",")[1] == _text(cancelled, "cap:identifier")
    assert "Loos alarm" in _text(cancels[0], "cap:note")
    assert _text(by_alarm[seeded.open_alarm], "cap:info/cap:urgency") == "Future"
    assert not list(folder.glob("*.partial"))
    assert audit_entries(seeded.ctx)[-1] == (AuditAction.EXPORT, "cap CAP (5 berichten)")


def test_identifiers_are_stable_between_exports(seeded: Seeded, tmp_path: Path) -> None:
    first = {m.identifier for m in CapService(seeded.ctx).messages()}
    second = {m.identifier for m in CapService(seeded.ctx).messages()}
    assert first == second
    assert all(re.fullmatch(r"[A-Za-z0-9._-]+", i) for i in first)


def test_a_training_node_writes_exercise(
    tmp_path: Path, clock: FixedClock, schema: xmlschema.XMLSchema
) -> None:
    (tmp_path / "oefen").mkdir()
    db = open_database(database_path(tmp_path / "oefen"))
    try:
        initialise(
            db, clock, role="post", name="Oefenpost", code="GR-0099", catalogue=(), training=True
        )
        ctx = ServiceContext(db, clock)
        AlarmsService(ctx).raise_alarm("other", "normal", "Gymzaal")
        result = CapService(ctx).export(tmp_path / "cap")
        (path,) = (tmp_path / "cap").iterdir()
        schema.validate(str(path))
        assert _text(ET.parse(path).getroot(), "cap:status") == "Exercise"
        assert result.messages[0].sender == "GR-0099@noodpost"
    finally:
        db.close()


def test_a_file_in_place_of_the_folder_is_refused(seeded: Seeded, tmp_path: Path) -> None:
    blocker = tmp_path / "cap"
    blocker.write_text("niet een map")
    with pytest.raises(UserError, match="geen map"):
        CapService(seeded.ctx).export(blocker)
    assert blocker.read_text() == "niet een map"


def test_post_and_hub_export_the_same_alert_and_the_hubs_ack(
    tmp_path: Path, clock: FixedClock, schema: xmlschema.XMLSchema
) -> None:
    hub_db = make_node(tmp_path / "hub", clock, "hub", "GR-9000", "C-NSP Groningen")
    post_db = make_node(tmp_path / "post-a", clock, "post", "GR-0014", "Dorpshuis")
    try:
        hub = SyncService(hub_db, clock, tmp_path / "hub")
        post = SyncService(post_db, clock, tmp_path / "post-a")
        for stick in ("heen", "terug"):
            (tmp_path / stick).mkdir()
        hub.export_pairing(tmp_path / "koppeling.json")
        post.import_pairing(tmp_path / "koppeling.json")
        alarm = AlarmsService(ServiceContext(post_db, clock)).raise_alarm(
            "ambulance", "immediate", "zaal 2", 2
        )
        post.export_usb(tmp_path / "heen")
        hub.import_usb(tmp_path / "heen")
        hub.approve_post("GR-0014", post.fingerprint)
        at_hub = AlarmsService(ServiceContext(hub_db, clock))
        at_hub.mark_received(alarm.id)
        at_hub.acknowledge(alarm.id, "Operator Jansen")
        hub.export_usb(tmp_path / "terug")
        post.import_usb(tmp_path / "terug")

        at_post = CapService(ServiceContext(post_db, clock)).export(tmp_path / "cap-post")
        from_hub = CapService(ServiceContext(hub_db, clock)).export(tmp_path / "cap-hub")
    finally:
        hub_db.close()
        post_db.close()

    assert [m.msg_type for m in at_post.messages] == ["Alert", "Ack"]
    assert [(m.identifier, m.xml) for m in at_post.messages] == [
        (m.identifier, m.xml) for m in from_hub.messages
    ]
    alert, ack = at_post.messages
    assert (alert.sender, ack.sender) == ("GR-0014@noodpost", "GR-9000@noodpost")
    root = ET.fromstring(ack.xml)
    assert _text(root, "cap:references") == alert.reference
    for path in (tmp_path / "cap-post").iterdir():
        schema.validate(str(path))
