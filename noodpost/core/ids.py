"""Identifiers: random for things that happen, derived for things every node must agree on."""

from __future__ import annotations

import uuid

_POST_NAMESPACE = uuid.UUID("5b0c9a52-7d3e-4f4a-8e57-3c2a9d1b6f10")


def new_id() -> str:
    return str(uuid.uuid4())


def post_id(post_code: str) -> str:
    """The post record's id: the same on every laptop of that post and at the hub."""
    return str(uuid.uuid5(_POST_NAMESPACE, post_code))


def credential_id(volunteer_id: str) -> str:
    """A volunteer's credential (PIN hash) record: one per volunteer, on every desk alike."""
    return str(uuid.uuid5(_POST_NAMESPACE, f"credential:{volunteer_id}"))
