"""Leveringen in words: a dispatch's or request's state, tone and details, as the page shows
them. Plain functions of what was read (they also run on the runner's reader thread, for the
rows of a list): no widget, no database."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from noodpost.core.clock import parse_iso
from noodpost.core.dutch import format_clock
from noodpost.core.vocabulary import DispatchStatus, Urgency
from noodpost.gui.labels import label
from noodpost.services.supply_notices import Dispatch, Request


def when(stored: str | None, now: datetime) -> str:
    return format_clock(parse_iso(stored), now) if stored else "—"


def dispatch_state(d: Dispatch, is_hub: bool, now: datetime) -> str:
    """*onderweg*, *ontvangen 10:00, met afwijking* …"""
    if d.in_transit:
        return (
            QCoreApplication.translate("SupplyNoticesPage", "onderweg")
            if is_hub
            else QCoreApplication.translate("SupplyNoticesPage", "onderweg — ontvangst nog melden")
        )
    if d.status == DispatchStatus.RECEIVED:
        received = QCoreApplication.translate("SupplyNoticesPage", "ontvangen {when}").format(
            when=when(d.received_at, now)
        )
        return received + (
            QCoreApplication.translate("SupplyNoticesPage", ", met afwijking")
            if d.receipt_note
            else ""
        )
    return label(d.status)


def dispatch_tone(d: Dispatch) -> str | None:
    if d.in_transit:
        return "warning"
    if d.status == DispatchStatus.RECEIVED:
        return "ok"
    return None


def dispatch_details(d: Dispatch, is_hub: bool, now: datetime) -> str:
    lines = [
        QCoreApplication.translate(
            "SupplyNoticesPage", "Levering naar {post} ({code}), verstuurd {when}: {state}"
        ).format(
            post=d.post_name,
            code=d.post_code,
            when=when(d.sent_at, now),
            state=dispatch_state(d, is_hub, now),
        ),
        QCoreApplication.translate("SupplyNoticesPage", "Gestuurd: {lines}").format(
            lines=d.lines_text
        ),
    ]
    if d.received_lines:
        received = ", ".join(line.text for line in d.received_lines)
        lines.append(
            QCoreApplication.translate("SupplyNoticesPage", "Aangekomen: {lines}").format(
                lines=received
            )
        )
    if d.note:
        lines.append(
            QCoreApplication.translate("SupplyNoticesPage", "Opmerking C-NSP: {note}").format(
                note=d.note
            )
        )
    if d.receipt_note:
        lines.append(
            QCoreApplication.translate("SupplyNoticesPage", "Opmerking post: {note}").format(
                note=d.receipt_note
            )
        )
    if d.status_note:
        lines.append(
            QCoreApplication.translate("SupplyNoticesPage", "Geannuleerd: {note}").format(
                note=d.status_note
            )
        )
    return "\n".join(lines)


def request_details(r: Request, now: datetime) -> str:
    lines = [
        QCoreApplication.translate(
            "SupplyNoticesPage", "Aanvraag van {post} ({code}), {when}, urgentie {urgency}: {state}"
        ).format(
            post=r.post_name,
            code=r.post_code,
            when=when(r.requested_at, now),
            urgency=label(r.urgency or Urgency.NORMAL),
            state=label(r.shown_status),
        ),
        QCoreApplication.translate("SupplyNoticesPage", "Nodig: {lines}").format(
            lines=r.lines_text
        ),
    ]
    if r.note:
        lines.append(
            QCoreApplication.translate("SupplyNoticesPage", "Toelichting: {note}").format(
                note=r.note
            )
        )
    if r.dispatch_ids:
        lines.append(
            QCoreApplication.translate(
                "SupplyNoticesPage", "Leveringen gestuurd voor deze aanvraag: {n}."
            ).format(n=len(r.dispatch_ids))
        )
    if r.answer:
        lines.append(
            QCoreApplication.translate("SupplyNoticesPage", "Antwoord C-NSP: {answer}").format(
                answer=r.answer
            )
        )
    if r.status_note:
        lines.append(
            QCoreApplication.translate("SupplyNoticesPage", "Afgesloten: {note}").format(
                note=r.status_note
            )
        )
    return "\n".join(lines)
