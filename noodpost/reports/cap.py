"""Alarms as CAP 1.2 messages (OASIS Common Alerting Protocol), for the meldkamer (DESIGN §3.4).

Each alarm becomes one ``Alert``; its acknowledgement by the C-NSP an ``Ack`` whose
``references`` names the alert (``sender,identifier,sent``); a cancelled alarm also gets a
``Cancel`` that references it. A training node writes ``status`` Exercise, never Actual.

Identifiers come from the event log: ``NP-<origin>-<incarnation>-<seq>`` of the event that
created the alarm (or that acknowledged or cancelled it). They are the same on every node
that holds those events, so an export made at the post and one made at the hub agree. They
contain no spaces, commas, ``<`` or ``&``, as CAP asks, and are safe as file names.

Mapping (also in ``docs/exports.md``): brandweer → Fire + Rescue, politie → Security,
ambulance → Health, overig → Other; spoed → Immediate / Severe, hoog → Expected / Moderate,
normaal → Future / Minor; certainty Observed (reported by people at the post).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from noodpost.core.audit import AuditAction
from noodpost.core.clock import parse_iso
from noodpost.core.hlc import wall_time
from noodpost.core.localtime import local_time
from noodpost.core.vocabulary import AlarmStatus, AlarmType, Urgency, label
from noodpost.reports.exports import prepare_folder, write_atomically, writer
from noodpost.services.audit import AuditService
from noodpost.services.base import ServiceContext, post_scope
from noodpost.storage.models import Alarm, Event, Node, Peer, Post, StatusChange

CAP_NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2"
SENDER_DOMAIN = "noodpost"
RESTRICTION = (
    "Alleen voor de meldkamer en het coördinerend noodsteunpunt: bevat gegevens over betrokkenen."
)

CATEGORIES: dict[str, tuple[str, ...]] = {
    AlarmType.FIRE: ("Fire", "Rescue"),
    AlarmType.POLICE: ("Security",),
    AlarmType.AMBULANCE: ("Health",),
    AlarmType.OTHER: ("Other",),
}
URGENCY: dict[str, str] = {
    Urgency.IMMEDIATE: "Immediate",
    Urgency.HIGH: "Expected",
    Urgency.NORMAL: "Future",
}
SEVERITY: dict[str, str] = {
    Urgency.IMMEDIATE: "Severe",
    Urgency.HIGH: "Moderate",
    Urgency.NORMAL: "Minor",
}

ET.register_namespace("", CAP_NAMESPACE)


def cap_time(moment: datetime) -> str:
    """CAP's dateTime: local time with offset, no fractions (``2026-11-28T10:00:00+01:00``)."""
    return local_time(moment).replace(microsecond=0).isoformat()


def sender_of(post_code: str) -> str:
    """The CAP sender of a post: ``GR-0014@noodpost`` (no spaces or commas)."""
    cleaned = "".join(ch for ch in post_code if ch.isalnum() or ch in "-_.")
    return f"{cleaned or 'onbekend'}@{SENDER_DOMAIN}"


def _identifier(origin: str, incarnation: str, seq: int) -> str:
    return f"NP-{origin}-{incarnation}-{seq}"


@dataclass(frozen=True)
class CapMessage:
    """One CAP message: its identifier (also the file name), type, and XML bytes."""

    identifier: str
    msg_type: str
    sender: str
    sent: str
    xml: bytes

    @property
    def reference(self) -> str:
        """How another message refers to this one: ``sender,identifier,sent``."""
        return f"{self.sender},{self.identifier},{self.sent}"

    @property
    def file_name(self) -> str:
        return f"{self.identifier}.xml"


@dataclass(frozen=True)
class CapExport:
    folder: Path
    messages: tuple[CapMessage, ...]

    @property
    def summary(self) -> str:
        alerts = sum(1 for m in self.messages if m.msg_type == "Alert")
        acks = sum(1 for m in self.messages if m.msg_type == "Ack")
        cancels = sum(1 for m in self.messages if m.msg_type == "Cancel")
        return (
            f"{len(self.messages)} CAP-berichten geschreven naar {self.folder}: "
            f"{alerts} meldingen, {acks} bevestigingen, {cancels} intrekkingen."
        )


def _sub(parent: ET.Element, tag: str, text: str | None = None) -> ET.Element:
    element = ET.SubElement(parent, f"{{{CAP_NAMESPACE}}}{tag}")
    if text is not None:
        element.text = text
    return element


def _header(identifier: str, sender: str, sent: str, status: str, msg_type: str) -> ET.Element:
    alert = ET.Element(f"{{{CAP_NAMESPACE}}}alert")
    _sub(alert, "identifier", identifier)
    _sub(alert, "sender", sender)
    _sub(alert, "sent", sent)
    _sub(alert, "status", status)
    _sub(alert, "msgType", msg_type)
    _sub(alert, "source", "Noodpost")
    _sub(alert, "scope", "Restricted")
    _sub(alert, "restriction", RESTRICTION)
    return alert


def _bytes(alert: ET.Element) -> bytes:
    ET.indent(alert)
    return bytes(ET.tostring(alert, encoding="utf-8", xml_declaration=True))


class CapService:
    """Builds and writes the CAP messages of the alarms this node holds."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def messages(self) -> list[CapMessage]:
        """Every alarm's Alert, and its Ack and Cancel when there are, oldest alarm first."""
        status = "Exercise" if self.ctx.node.training else "Actual"
        result: list[CapMessage] = []
        with self.ctx.read() as session:
            names = {p.post_code: p.name for p in session.scalars(select(Post))}
            senders = self._node_codes(session)
            alarms = session.scalars(
                select(Alarm)
                .where(*post_scope(self.ctx, Alarm))
                .order_by(Alarm.raised_at, Alarm.id)
            ).all()
            for alarm in alarms:
                alert = self._alert(session, alarm, status, names.get(alarm.post_code))
                result.append(alert)
                changes = session.scalars(
                    select(StatusChange)
                    .where(StatusChange.entity == "alarm", StatusChange.entity_id == alarm.id)
                    .order_by(StatusChange.hlc, StatusChange.origin, StatusChange.seq)
                ).all()
                for change in changes:
                    if change.status == AlarmStatus.ACKNOWLEDGED:
                        result.append(self._ack(alarm, change, alert, status, senders))
                    elif change.status == AlarmStatus.CANCELLED:
                        result.append(self._cancel(alarm, change, alert, status))
        return result

    def export(self, folder: Path) -> CapExport:
        """Write every message as ``<identifier>.xml`` in ``folder`` (made when missing).

        Raises:
            UserError: the folder or a file cannot be written.
        """
        messages = self.messages()
        prepare_folder(folder)
        for message in messages:
            write_atomically(folder / message.file_name, writer(message.xml))
        AuditService(self.ctx).record(
            AuditAction.EXPORT, f"{folder.name or folder} CAP ({len(messages)} berichten)"
        )
        return CapExport(folder, tuple(messages))

    # ------------------------------------------------------------------ messages

    def _alert(
        self, session: Session, alarm: Alarm, status: str, post_name: str | None
    ) -> CapMessage:
        created = session.scalars(
            select(Event)
            .where(Event.entity == "alarm", Event.entity_id == alarm.id, Event.op == "create")
            .order_by(Event.hlc, Event.origin, Event.seq)
            .limit(1)
        ).first()
        if created is not None:
            identifier = _identifier(created.origin, created.incarnation, created.seq)
            moment = wall_time(created.hlc)
        else:  # the creating event was purged: fall back on the alarm's own id
            identifier = f"NP-alarm-{alarm.id}"
            moment = wall_time(alarm.created_hlc)
        if alarm.raised_at:
            moment = parse_iso(alarm.raised_at)
        sender = sender_of(alarm.post_code)
        sent = cap_time(moment)
        root = _header(identifier, sender, sent, status, "Alert")
        info = _sub(root, "info")
        _sub(info, "language", "nl-NL")
        for category in CATEGORIES.get(alarm.type, ("Other",)):
            _sub(info, "category", category)
        kind = label(alarm.type)
        _sub(info, "event", f"Noodmelding {kind}")
        _sub(info, "urgency", URGENCY.get(alarm.urgency, "Unknown"))
        _sub(info, "severity", SEVERITY.get(alarm.urgency, "Unknown"))
        _sub(info, "certainty", "Observed")
        if post_name:
            _sub(info, "senderName", f"{post_name} ({alarm.post_code})")
        headline = (
            f"{kind.upper()} {label(alarm.urgency).upper()} — noodsteunpunt {alarm.post_code}"
        )
        _sub(info, "headline", headline[:160])
        lines = []
        if alarm.persons:
            lines.append(f"Betrokken personen: {alarm.persons}.")
        if alarm.description:
            lines.append(alarm.description)
        lines.append(f"Plek: {alarm.location or 'onbekend'}.")
        _sub(info, "description", "\n".join(lines))
        parameter = _sub(info, "parameter")
        _sub(parameter, "valueName", "noodpost:alarm")
        _sub(parameter, "value", alarm.id)
        area = _sub(info, "area")
        _sub(area, "areaDesc", alarm.location or f"noodsteunpunt {alarm.post_code}")
        return CapMessage(identifier, "Alert", sender, sent, _bytes(root))

    def _ack(
        self,
        alarm: Alarm,
        change: StatusChange,
        alert: CapMessage,
        status: str,
        senders: dict[str, str],
    ) -> CapMessage:
        identifier = _identifier(change.origin, change.incarnation, change.seq)
        sender = sender_of(senders.get(change.origin, "C-NSP"))
        moment = (
            parse_iso(alarm.acknowledged_at) if alarm.acknowledged_at else wall_time(change.hlc)
        )
        sent = cap_time(moment)
        root = _header(identifier, sender, sent, status, "Ack")
        parts = ["Bevestigd"]
        if alarm.acknowledged_by:
            parts.append(f"door {alarm.acknowledged_by}")
        note = "; ".join(filter(None, [" ".join(parts), change.note]))
        _sub(root, "note", note)
        _sub(root, "references", alert.reference)
        return CapMessage(identifier, "Ack", sender, sent, _bytes(root))

    def _cancel(
        self, alarm: Alarm, change: StatusChange, alert: CapMessage, status: str
    ) -> CapMessage:
        identifier = _identifier(change.origin, change.incarnation, change.seq)
        sender = alert.sender
        sent = cap_time(wall_time(change.hlc))
        root = _header(identifier, sender, sent, status, "Cancel")
        _sub(root, "note", f"Ingetrokken: {change.note or 'geen reden opgegeven'}")
        _sub(root, "references", alert.reference)
        return CapMessage(identifier, "Cancel", sender, sent, _bytes(root))

    @staticmethod
    def _node_codes(session: Session) -> dict[str, str]:
        """The post code of every node this one knows, by node id (itself and its peers)."""
        codes = {peer.node_id: peer.post_code for peer in session.scalars(select(Peer))}
        for node in session.scalars(select(Node)):
            codes[node.node_id] = node.post_code
        return codes
