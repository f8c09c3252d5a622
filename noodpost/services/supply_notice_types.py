"""What the supply notices service returns: small frozen results, never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass

from noodpost.core import dutch
from noodpost.core.vocabulary import DispatchStatus, RequestStatus, label


@dataclass(frozen=True)
class NoticeLine:
    """One item of a dispatch or request, with what a reader needs to show it."""

    item_id: str
    name: str
    unit: str
    quantity: float

    @property
    def text(self) -> str:
        return f"{self.name} {dutch.format_quantity(self.quantity, self.unit)}"


@dataclass(frozen=True)
class Dispatch:
    """A supply dispatch from the C-NSP to a post.

    Attributes:
        received_lines: what arrived, as counted at the post (empty until received).
        status: ``in_transit``, ``received`` or ``cancelled``.
    """

    id: str
    post_code: str
    post_name: str
    from_code: str | None
    lines: tuple[NoticeLine, ...]
    expected_at: str | None
    note: str | None
    request_id: str | None
    sent_at: str | None
    status: str
    received_lines: tuple[NoticeLine, ...]
    received_at: str | None
    receipt_note: str | None
    status_note: str | None

    @property
    def status_label(self) -> str:
        return label(self.status)

    @property
    def in_transit(self) -> bool:
        return self.status == DispatchStatus.IN_TRANSIT

    @property
    def lines_text(self) -> str:
        return ", ".join(line.text for line in self.lines)


@dataclass(frozen=True)
class Request:
    """A post's request for supplies.

    Attributes:
        dispatch_ids: dispatches of the hub that name this request (its answer in goods).
        shown_status: the status as people read it: an open request that a dispatch answers
            reads as ``answered``.
    """

    id: str
    post_code: str
    post_name: str
    lines: tuple[NoticeLine, ...]
    urgency: str | None
    note: str | None
    requested_at: str | None
    status: str
    answer: str | None
    answered_at: str | None
    status_note: str | None
    dispatch_ids: tuple[str, ...]

    @property
    def shown_status(self) -> str:
        if self.status == RequestStatus.OPEN and self.dispatch_ids:
            return RequestStatus.ANSWERED.value
        return self.status

    @property
    def status_label(self) -> str:
        return label(self.shown_status)

    @property
    def is_closed(self) -> bool:
        return self.status == RequestStatus.CLOSED

    @property
    def lines_text(self) -> str:
        return ", ".join(line.text for line in self.lines)
